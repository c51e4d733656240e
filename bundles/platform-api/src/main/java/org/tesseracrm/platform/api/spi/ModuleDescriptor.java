package org.tesseracrm.platform.api.spi;

import java.util.List;
import java.util.Locale;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Published as a service by every installed CRM module; {@code GET /api/v1/modules} lists them.
 */
@ConsumerType
public interface ModuleDescriptor {

    /** Module name, e.g. {@code leads}. */
    String name();

    /** REST collection below /api/v1, e.g. {@code leads} or {@code sales-orders}. */
    String collection();

    String labelEn();

    String labelVi();

    /** The number prefix of its records, e.g. {@code LEA}. */
    String numberPrefix();

    List<FieldDescriptor> fields();

    /**
     * A field's label in the language of {@code locale}: the module's own labels beside its
     * descriptor class, else the platform's shared ones (see {@link FieldLabels}).
     */
    default String fieldLabel(String field, Locale locale) {
        return FieldLabels.of(getClass(), field, locale);
    }

    /**
     * What makes two records look like the same one: each entry is a set of fields that, all filled
     * and equal (text without case, marks or spacing; a phone number by its digits), mark two records
     * as likely duplicates, e.g. {@code [["email"], ["phone"], ["lastName", "firstName", "company"]]}.
     * None by default.
     */
    default List<List<String>> duplicateKeys() {
        return List.of();
    }

    /**
     * The module's place in the navigation and in {@code GET /api/v1/modules}: lower first, the same
     * place by collection. Tessera's modules take the tens in the order a sales team works (leads 10,
     * accounts 20, … purchase orders 110); a module that names none comes after them.
     */
    default int navigationOrder() {
        return 1000;
    }

    /** Actions on one record beyond editing, for generic clients (none by default). */
    default List<ActionDescriptor> actions() {
        return List.of();
    }
}
