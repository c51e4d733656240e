package org.tesseracrm.vendors.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.persistence.ModuleStorage;
import org.tesseracrm.platform.persistence.RecordRules;
import org.tesseracrm.platform.rest.ModuleEndpoint;
import org.tesseracrm.vendors.api.Vendor;
import org.tesseracrm.vendors.api.VendorService;

/** Vendors on the platform's record machinery, named by their name; products point to them by id. */
@Component(immediate = true, service = {VendorService.class, CollectionIndex.class}, property = ModuleEndpoint.STANDARD + "=true")
public class VendorServiceImpl extends JpaRecordService<Vendor, VendorEntity> implements VendorService {

    @Activate
    public VendorServiceImpl(@Reference(target = "(tessera.module=vendors)") ModuleStorage storage) {
        super(storage, Vendor.class, VendorEntity.class, RecordRules.labelledBy(vendor -> vendor.name));
    }
}
