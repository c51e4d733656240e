package org.tesseracrm.commerce.persistence;

import static org.tesseracrm.platform.api.spi.FieldDescriptor.enumField;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.field;

import java.util.ArrayList;
import java.util.List;

import org.tesseracrm.commerce.api.TaxMode;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;

/** The field descriptors every sales document has; a module adds its own (customer, status, dates). */
public final class DocumentFields {
    private DocumentFields() {
    }

    /** The module's own fields first, then the shared ones. */
    public static List<FieldDescriptor> with(FieldDescriptor... own) {
        List<FieldDescriptor> fields = new ArrayList<>();
        fields.add(field("subject", FieldType.STRING).required().sortable().searchable().build());
        fields.addAll(List.of(own));
        fields.add(field("currency", FieldType.STRING).filterable().build());
        fields.add(field("lineItems", FieldType.LINE_ITEMS).build());
        fields.add(field("discountPercent", FieldType.DECIMAL).build());
        fields.add(field("discountAmount", FieldType.MONEY).build());
        fields.add(field("shippingAmount", FieldType.MONEY).build());
        fields.add(field("shippingTaxRate", FieldType.DECIMAL).build());
        fields.add(field("adjustment", FieldType.MONEY).build());
        fields.add(enumField("taxMode", TaxMode.class).build());
        fields.add(field("totals", FieldType.TOTALS).readOnly().build());
        fields.add(field("billingAddress", FieldType.ADDRESS).build());
        fields.add(field("shippingAddress", FieldType.ADDRESS).build());
        fields.add(field("terms", FieldType.TEXT).build());
        fields.add(field("assignedTo", FieldType.USER).filterable().sortable().build());
        fields.add(field("description", FieldType.TEXT).build());
        return List.copyOf(fields);
    }
}
