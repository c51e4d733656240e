package org.tesseracrm.platform.internal.rest;

import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tesseracrm.platform.api.RecordDto;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.rest.ModuleEndpoint;
import org.tesseracrm.platform.rest.RecordResource;

/**
 * Serves the standard record endpoints (list, get, create, change, delete, restore, history) for a
 * module whose record service says {@value ModuleEndpoint#STANDARD}{@code =true}, so a simple
 * module needs no endpoint class. The endpoint is registered in the module's name (with its
 * bundle's context): it goes when the module's service goes, and the router tells a module being
 * updated (503) from one removed (404) as for any module's own endpoint.
 */
@Component(immediate = true)
public class StandardEndpoints {
    private final Map<ServiceReference<?>, ServiceRegistration<ModuleEndpoint>> registered = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + ModuleEndpoint.STANDARD + "=true)")
    void bindRecordService(ServiceReference<CollectionIndex> reference, CollectionIndex service) {
        if (!(service instanceof JpaRecordService)) {
            return;
        }
        BundleContext module = reference.getBundle() == null ? null : reference.getBundle().getBundleContext();
        if (module == null) {
            return;
        }
        JpaRecordService<?, ?> records = (JpaRecordService<?, ?>) service;
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ModuleEndpoint.COLLECTION, records.collection());
        registered.put(reference, module.registerService(ModuleEndpoint.class, endpoint(records), properties));
    }

    void unbindRecordService(ServiceReference<CollectionIndex> reference, CollectionIndex service) {
        unregister(registered.remove(reference));
    }

    @Deactivate
    void deactivate() {
        registered.values().forEach(StandardEndpoints::unregister);
        registered.clear();
    }

    private static <D extends RecordDto> Standard<D> endpoint(JpaRecordService<D, ?> records) {
        return new Standard<>(records);
    }

    private static void unregister(ServiceRegistration<?> registration) {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the module's bundle stopped first and took its services with it
            }
        }
    }

    /** The record endpoints of {@link RecordResource} over one module's service. */
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Standard<D extends RecordDto> extends RecordResource<D> {
        Standard(JpaRecordService<D, ?> records) {
            super(records.recordType(), records);
        }
    }
}
