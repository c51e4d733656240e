package org.tesseracrm.products.internal;

import static org.tesseracrm.platform.api.spi.FieldDescriptor.field;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.reference;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.products.api.ProductEvents;

/** What the products module is, for /api/v1/modules and the record machinery. */
@Component(service = ModuleDescriptor.class, property = "tessera.module=" + ProductEvents.MODULE)
public class ProductsModule implements ModuleDescriptor {
    private static final List<FieldDescriptor> FIELDS = List.of(
            field("name", FieldType.STRING).required().sortable().searchable().build(),
            field("code", FieldType.STRING).filterable().sortable().searchable().build(),
            field("category", FieldType.STRING).filterable().sortable().searchable().build(),
            field("manufacturer", FieldType.STRING).filterable().searchable().build(),
            reference("vendorId", "vendors").filterable().build(),
            field("unitPrice", FieldType.MONEY).filterable().sortable().build(),
            field("currency", FieldType.STRING).filterable().build(),
            field("taxRate", FieldType.DECIMAL).build(),
            field("usageUnit", FieldType.STRING).build(),
            field("stockTracked", FieldType.BOOLEAN).filterable().build(),
            field("qtyInStock", FieldType.DECIMAL).filterable().readOnly().sortable().build(),
            field("reorderLevel", FieldType.DECIMAL).filterable().build(),
            field("active", FieldType.BOOLEAN).filterable().build(),
            field("description", FieldType.TEXT).build());

    @Override
    public String name() {
        return ProductEvents.MODULE;
    }

    @Override
    public String collection() {
        return "products";
    }

    @Override
    public String labelEn() {
        return "Products";
    }

    @Override
    public String labelVi() {
        return "Sản phẩm";
    }

    @Override
    public String numberPrefix() {
        return "PRO";
    }

    @Override
    public int navigationOrder() {
        return 90;
    }

    @Override
    public List<FieldDescriptor> fields() {
        return FIELDS;
    }
}
