package org.tesseracrm.vendors.internal;

import static org.tesseracrm.platform.api.spi.FieldDescriptor.field;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;

/** What the vendors module is, for /api/v1/modules and the record machinery. */
@Component(service = ModuleDescriptor.class, property = "tessera.module=vendors")
public class VendorsModule implements ModuleDescriptor {
    private static final List<FieldDescriptor> FIELDS = List.of(
            field("name", FieldType.STRING).required().sortable().searchable().build(),
            field("code", FieldType.STRING).filterable().sortable().searchable().build(),
            field("email", FieldType.EMAIL).filterable().searchable().build(),
            field("phone", FieldType.PHONE).searchable().build(),
            field("website", FieldType.URL).build(),
            field("category", FieldType.STRING).filterable().sortable().build(),
            field("taxCode", FieldType.STRING).filterable().searchable().build(),
            field("address", FieldType.ADDRESS).searchable().build(),
            field("glAccount", FieldType.STRING).filterable().build(),
            field("description", FieldType.TEXT).build());

    @Override
    public String name() {
        return "vendors";
    }

    @Override
    public String collection() {
        return "vendors";
    }

    @Override
    public String labelEn() {
        return "Vendors";
    }

    @Override
    public String labelVi() {
        return "Nhà cung cấp";
    }

    @Override
    public String numberPrefix() {
        return "VEN";
    }

    @Override
    public int navigationOrder() {
        return 100;
    }

    @Override
    public List<FieldDescriptor> fields() {
        return FIELDS;
    }
}
