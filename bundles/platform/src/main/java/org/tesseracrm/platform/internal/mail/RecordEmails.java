package org.tesseracrm.platform.internal.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.RecordDto;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.mail.Email;
import org.tesseracrm.platform.api.mail.OutgoingEmail;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.api.spi.Printout;
import org.tesseracrm.platform.api.spi.Printouts;
import org.tesseracrm.platform.internal.db.RecordAccounts;
import org.tesseracrm.platform.internal.db.RecordServices;
import org.tesseracrm.platform.internal.security.UserAccounts;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.rest.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * E-mail from a record of any module: who it goes to (the record's own address, or that of the
 * contact or account it names), what it says (the language's template filled with the record), and,
 * for a record that prints (a quote), its PDF attached.
 */
@Component(service = RecordEmails.class)
public class RecordEmails {
    private static final List<String> KNOWN = List.of("to", "cc", "subject", "body", "language", "attachPdf");

    private final Outbox outbox;
    private final MailTemplates templates;
    private final RecordServices modules;
    private final UserAccounts users;
    private final List<Printouts> printouts = new CopyOnWriteArrayList<>();

    @Activate
    public RecordEmails(@Reference Outbox outbox, @Reference MailTemplates templates, @Reference RecordServices modules,
            @Reference UserAccounts users) {
        this.outbox = outbox;
        this.templates = templates;
        this.modules = modules;
        this.users = users;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindPrintouts(Printouts p) {
        printouts.add(p);
    }

    void unbindPrintouts(Printouts p) {
        printouts.remove(p);
    }

    /** What a message from the record starts as: its recipients, subject, body and the files it carries. */
    public static class Draft {
        public List<String> to = new ArrayList<>();
        public List<String> cc = new ArrayList<>();
        public String subject;
        public String body;
        public String language;
        public List<String> attachments = new ArrayList<>();
    }

    public Draft draft(ModuleDescriptor module, RecordDto record, String language, String caller) {
        Optional<Printouts> printer = printer(module.collection());
        Printout printout = printer.map(p -> p.print(module.collection(), record.id, Locale.forLanguageTag(language))).orElse(null);
        return draft(module, record, language, caller, printout);
    }

    private Draft draft(ModuleDescriptor module, RecordDto record, String language, String caller, Printout printout) {
        ObjectNode json = Json.mapper().valueToTree(record);
        Recipient recipient = recipient(module, json);
        Map<String, Object> data = new HashMap<>();
        data.put("record", Json.mapper().convertValue(json, Map.class));
        if (recipient.name != null) {
            data.put("recipient", recipient.name);
        }
        Map<String, Object> sender = new HashMap<>();
        sender.put("name", caller);
        users.find(caller).ifPresent(u -> {
            if (u.displayName != null) {
                sender.put("displayName", u.displayName);
            }
            sender.put("email", u.email == null ? "" : u.email);
        });
        sender.putIfAbsent("email", "");
        data.put("sender", sender);
        data.put("title", printout == null ? module.labelEn() : printout.title);
        MailTemplates.Text text = templates.render(module.collection(), printout == null ? "record" : "document", language, data);
        Draft d = new Draft();
        if (recipient.address != null) {
            d.to.add(recipient.address);
        }
        d.subject = text.subject();
        d.body = text.body();
        d.language = language;
        if (printout != null) {
            d.attachments.add(printout.fileName);
        }
        return d;
    }

    /**
     * Queues a message from the record: what {@code request} gives ({@code to}, {@code cc},
     * {@code subject}, {@code body}, {@code attachPdf}), the draft for the rest.
     */
    public Email send(ModuleDescriptor module, RecordDto record, JsonNode request, String language, String caller) {
        ObjectNode given = request == null || request.isNull() ? Json.mapper().createObjectNode() : requireObject(request);
        given.fieldNames().forEachRemaining(name -> {
            if (!KNOWN.contains(name)) {
                throw new InvalidRequestException(name + " is not a field of an e-mail", List.of(new FieldError(name, "is not a known field")));
            }
        });
        String lang = given.hasNonNull("language") ? text(given, "language") : language;
        if (!lang.equals("en") && !lang.equals("vi")) {
            throw new InvalidRequestException("language must be en or vi", List.of(new FieldError("language", "must be en or vi")));
        }
        JsonNode attach = given.get("attachPdf");
        if (attach != null && !attach.isNull() && !attach.isBoolean()) {
            throw new InvalidRequestException("attachPdf must be true or false", List.of(new FieldError("attachPdf", "must be true or false")));
        }
        Optional<Printouts> printer = printer(module.collection());
        boolean withPdf = printer.isPresent() && (attach == null || attach.isNull() || attach.booleanValue());
        if (attach != null && attach.booleanValue() && printer.isEmpty()) {
            throw new InvalidRequestException(module.collection() + " are not printed: there is no PDF to attach",
                    List.of(new FieldError("attachPdf", "there is no PDF of " + module.collection())));
        }
        Printout printout = withPdf ? printer.get().print(module.collection(), record.id, Locale.forLanguageTag(lang)) : null;
        boolean needsDraft = !given.hasNonNull("to") || !given.hasNonNull("subject") || !given.hasNonNull("body");
        Draft draft = needsDraft ? draft(module, record, lang, caller, printout) : null;
        OutgoingEmail email = new OutgoingEmail();
        email.collection = module.collection();
        email.recordId = record.id;
        email.accountId = RecordAccounts.of(module, record);
        email.to = given.hasNonNull("to") ? texts(given, "to") : draft.to;
        if (email.to.isEmpty()) {
            throw new InvalidRequestException("The " + module.name() + " record has no e-mail address (nor its contact or account): give to",
                    List.of(new FieldError("to", "is required: the record has no e-mail address")));
        }
        email.cc = given.hasNonNull("cc") ? texts(given, "cc") : new ArrayList<>();
        email.subject = given.hasNonNull("subject") ? text(given, "subject") : draft.subject;
        email.body = given.hasNonNull("body") ? text(given, "body") : draft.body;
        email.sender = caller;
        email.language = lang;
        if (printout != null) {
            email.attachments.add(new OutgoingEmail.Attachment(printout.fileName, printout.contentType, printout.content));
        }
        return outbox.queue(email);
    }

    private Optional<Printouts> printer(String collection) {
        return printouts.stream().filter(p -> p.collections().contains(collection)).findFirst();
    }

    private record Recipient(String address, String name) {
    }

    /**
     * The record's first e-mail address, with its label as the name; otherwise that of the first
     * record it names (a contact before an account) which the caller may see and which has one.
     */
    private Recipient recipient(ModuleDescriptor module, ObjectNode json) {
        String own = firstAddress(module, json);
        if (own != null) {
            return new Recipient(own, label(module.collection(), json.path("id").asText(null)));
        }
        List<FieldDescriptor> references = new ArrayList<>();
        for (FieldDescriptor f : module.fields()) {
            if (f.type == FieldType.REFERENCE && f.references != null && json.hasNonNull(f.name)) {
                references.add(f);
            }
        }
        references.sort(java.util.Comparator.comparing(f -> "contacts".equals(f.references) ? 0 : "leads".equals(f.references) ? 1 : 2));
        for (FieldDescriptor f : references) {
            JpaRecordService<?, ?> service = modules.of(f.references);
            if (service == null || f.references.equals(module.collection())) {
                continue;
            }
            try {
                ObjectNode other = Json.mapper().valueToTree(service.get(json.get(f.name).asText()));
                String address = firstAddress(service.descriptor(), other);
                if (address != null) {
                    return new Recipient(address, label(f.references, other.path("id").asText(null)));
                }
            } catch (RecordNotFoundException hidden) {
                // not one the caller may see: not theirs to write to
            }
        }
        // a person without an address (a lead not yet asked for one) is still greeted by name
        boolean person = module.fields().stream().anyMatch(f -> f.type == FieldType.EMAIL);
        return new Recipient(null, person ? label(module.collection(), json.path("id").asText(null)) : null);
    }

    static String firstAddress(ModuleDescriptor module, ObjectNode json) {
        for (FieldDescriptor f : module.fields()) {
            if (f.type == FieldType.EMAIL && json.hasNonNull(f.name) && !json.get(f.name).asText().isBlank()) {
                return json.get(f.name).asText().strip();
            }
        }
        return null;
    }

    private String label(String collection, String id) {
        JpaRecordService<?, ?> service = id == null ? null : modules.of(collection);
        return service == null ? null : service.find(id).map((RecordRef r) -> r.label).orElse(null);
    }

    private static ObjectNode requireObject(JsonNode body) {
        if (!body.isObject()) {
            throw new InvalidRequestException("Send the e-mail as a JSON object", List.of());
        }
        return (ObjectNode) body;
    }

    private static String text(ObjectNode json, String field) {
        JsonNode v = json.get(field);
        if (!v.isTextual()) {
            throw new InvalidRequestException(field + " must be text", List.of(new FieldError(field, "must be text")));
        }
        return v.textValue();
    }

    private static List<String> texts(ObjectNode json, String field) {
        JsonNode v = json.get(field);
        List<String> values = new ArrayList<>();
        if (v.isTextual()) {
            values.add(v.textValue());
            return values;
        }
        if (!v.isArray()) {
            throw new InvalidRequestException(field + " must be a list of e-mail addresses", List.of(new FieldError(field, "must be a list of e-mail addresses")));
        }
        for (JsonNode a : v) {
            if (!a.isTextual()) {
                throw new InvalidRequestException(field + " must be a list of e-mail addresses", List.of(new FieldError(field, "must be a list of e-mail addresses")));
            }
            values.add(a.textValue());
        }
        return values;
    }
}
