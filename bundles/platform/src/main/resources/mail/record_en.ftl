Subject: ${company}<#if record.number??> – ${record.number}</#if>

Dear ${recipient!"customer"},



Best regards,
${sender.displayName!sender.name}
${company}<#if sender.email?has_content>
${sender.email}</#if>
