package org.tesseracrm.vendors.internal;

import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tesseracrm.vendors.api.Vendor;
import org.tesseracrm.vendors.api.VendorService;
import org.tesseracrm.platform.api.RecordService;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.rest.RecordResource;
import org.tesseracrm.platform.rest.TesseraApi;

/** {@code /api/v1/vendors}: the record endpoints. */
@Component(service = VendorResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("vendors")
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
