Subject: ${title} ${record.number!} – ${record.subject!}

Kính gửi ${recipient!"Quý khách"},

Chúng tôi xin gửi kèm ${title?lower_case} ${record.number!} (${record.subject!})<#if record.totals?? && record.totals.grandTotal??> với tổng giá trị ${record.totals.grandTotal?string(",##0.##")} ${record.currency!}</#if>.
<#if record.validUntil??>Báo giá có hiệu lực đến ngày ${record.validUntil}.
</#if><#if record.dueDate??>Hạn thanh toán: ${record.dueDate}.
</#if>
Nếu có câu hỏi, Quý khách vui lòng trả lời thư này.

Trân trọng,
${sender.displayName!sender.name}
${company}<#if sender.email?has_content>
${sender.email}</#if>
