package org.tesseracrm.vendors.internal;

import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.vendors.api.Vendor;
import org.tesseracrm.vendors.api.VendorService;
import org.tesseracrm.platform.api.RecordService;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.rest.ModuleEndpoint;
import org.tesseracrm.platform.rest.RecordResource;

/** {@code /api/v1/vendors}: the record endpoints. */
@Component(service = ModuleEndpoint.class, property = ModuleEndpoint.COLLECTION + "=vendors")
@Produces(MediaType.APPLICATION_JSON)
public class VendorResource extends RecordResource<Vendor> {
    private final VendorService vendors;

    @Activate
    public VendorResource(@Reference VendorService vendors,
            @Reference(target = "(tessera.module=vendors)") ModuleDescriptor module) {
        super(Vendor.class, module);
        this.vendors = vendors;
    }

    @Override
    protected RecordService<Vendor> service() {
        return vendors;
    }
}
