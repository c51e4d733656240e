Subject: ${title} ${record.number!} – ${record.subject!}

Dear ${recipient!"customer"},

Please find attached ${title?lower_case} ${record.number!} (${record.subject!})<#if record.totals?? && record.totals.grandTotal??> for a total of ${record.totals.grandTotal?string(",##0.##")} ${record.currency!}</#if>.
<#if record.validUntil??>It is valid until ${record.validUntil}.
</#if><#if record.dueDate??>It is due on ${record.dueDate}.
</#if>
Do not hesitate to reply to this message with any question.

Best regards,
${sender.displayName!sender.name}
${company}<#if sender.email?has_content>
${sender.email}</#if>
