package org.tesseracrm.commerce.internal;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.tesseracrm.commerce.api.SalesDocument;
import org.tesseracrm.platform.api.Labeled;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.api.spi.References;
import org.tesseracrm.printing.api.DocumentPrinter;

/**
 * What a printed sales document shows besides its own fields: whom it is for (the account, or the
 * vendor of a purchase order, and the contact), and its details (dates, status, reference numbers)
 * with their labels; printed from the template of its collection, or the one all documents share.
 */
final class DocumentPdf {
    static final String SHARED_TEMPLATE = "sales-document";
    /** Fields shown elsewhere on the page, or not at all. */
    private static final Set<String> NOT_DETAILS = Set.of("subject", "currency", "terms", "description", "assignedTo", "taxMode");

    private final DocumentPrinter printer;
    private final References references;

    DocumentPdf(DocumentPrinter printer, References references) {
        this.printer = printer;
        this.references = references;
    }

    byte[] print(ModuleDescriptor module, SalesDocument document, Locale language) {
        boolean vi = "vi".equals(language.getLanguage());
        Map<String, Object> model = new HashMap<>();
        model.put("doc", document);
        model.put("collection", module.collection());
        model.put("currency", document.currency);
        List<Map<String, Object>> details = new ArrayList<>();
        details.add(detail("date", null, document.createdAt, "date"));
        for (FieldDescriptor f : module.fields()) {
            Object value = valueOf(document, f.name);
            if (value == null || "".equals(value) || NOT_DETAILS.contains(f.name)) {
                continue;
            }
            String label = vi ? f.labelVi : f.labelEn;
            if (f.type == FieldType.REFERENCE) {
                RecordRef ref = references.find(f.references, value.toString()).orElse(null);
                if (ref != null && ("accounts".equals(f.references) || "vendors".equals(f.references)) && !model.containsKey("party")) {
                    model.put("party", ref);
                    model.put("partyRole", "vendors".equals(f.references) ? "vendor" : "customer");
                } else if (ref != null && "contacts".equals(f.references) && !model.containsKey("contact")) {
                    model.put("contact", ref);
                }
            } else if (f.type == FieldType.DATE || f.type == FieldType.DATETIME) {
                details.add(detail(f.name, label, value, "date"));
            } else if (f.type == FieldType.ENUM && value instanceof Labeled) {
                String text = Labeled.label((Labeled) value, language);
                details.add(detail(f.name, label, text != null ? text : ((Enum<?>) value).name(), "text"));
            } else if (f.type == FieldType.STRING) {
                details.add(detail(f.name, label, value, "text"));
            }
        }
        model.put("details", details);
        return printer.pdf(List.of(module.collection(), SHARED_TEMPLATE), model, language);
    }

    private static Map<String, Object> detail(String key, String label, Object value, String type) {
        Map<String, Object> d = new HashMap<>();
        d.put("key", key);
        if (label != null) {
            d.put("label", label);
        }
        d.put("value", value);
        d.put("type", type);
        return d;
    }

    private static Object valueOf(Object dto, String name) {
        try {
            Field f = dto.getClass().getField(name);
            return f.get(dto);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return null;
        }
    }
}
