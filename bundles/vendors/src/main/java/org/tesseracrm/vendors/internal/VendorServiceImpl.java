package org.tesseracrm.vendors.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.api.spi.ModuleSchema;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.persistence.RecordContext;
import org.tesseracrm.platform.rest.ModuleEndpoint;
import org.tesseracrm.vendors.api.Vendor;
import org.tesseracrm.vendors.api.VendorService;

/** Vendors on the platform's record machinery; products point to them by id. */
@Component(immediate = true, service = {VendorService.class, CollectionIndex.class}, property = {CollectionIndex.PROPERTY + "=vendors", ModuleEndpoint.STANDARD + "=true"})
public class VendorServiceImpl extends JpaRecordService<Vendor, VendorEntity> implements VendorService {

    @Activate
    public VendorServiceImpl(@Reference(target = "(osgi.unit.name=tessera-vendors)") JpaTemplate jpa,
            @Reference(target = "(tessera.module=vendors)") ModuleDescriptor module,
            @Reference(target = "(" + ModuleSchema.PROPERTY + "=vendors)") ModuleSchema schema, @Reference RecordContext context) {
        super(module, Vendor.class, VendorEntity.class, jpa, context);
    }

    @Override
    protected String labelOf(VendorEntity vendor) {
        return vendor.name;
    }
}
