Subject: ${company}<#if record.number??> – ${record.number}</#if>

Kính gửi ${recipient!"Quý khách"},



Trân trọng,
${sender.displayName!sender.name}
${company}<#if sender.email?has_content>
${sender.email}</#if>
