package org.tesseracrm.platform.internal.db;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Objects;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.api.spi.ModuleSchema;
import org.tesseracrm.platform.persistence.ModuleStorage;
import org.tesseracrm.platform.persistence.RecordContext;

/**
 * Puts together each module's {@link ModuleStorage} from what its bundle offers: its descriptors, its
 * migrated schema and the persistence unit named after the schema ({@code tessera-<schema>}). A bundle
 * may hold several modules on one schema (sales and purchase orders). The storage is registered in the
 * module bundle's name, so it also goes when that bundle stops.
 */
@Component(immediate = true)
// registered in each module bundle's name, so the resolver learns from here that the platform provides it
@org.osgi.annotation.bundle.Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=org.tesseracrm.platform.persistence.ModuleStorage")
public class ModuleStores {
    private static final String UNIT = "osgi.unit.name";
    private static final String UNIT_PREFIX = "tessera-";

    @Reference
    private RecordContext context;
    private final Map<ServiceReference<ModuleDescriptor>, ModuleDescriptor> descriptors = new HashMap<>();
    private final Map<Long, String> schemas = new HashMap<>();
    private final Map<String, JpaTemplate> units = new HashMap<>();
    private final Map<ServiceReference<ModuleDescriptor>, Registered> registered = new HashMap<>();
    private boolean active;

    private record Registered(JpaTemplate jpa, ServiceRegistration<ModuleStorage> registration) {
    }

    private record Storage(ModuleDescriptor module, JpaTemplate jpa, RecordContext context) implements ModuleStorage {
    }

    @Activate
    synchronized void start() {
        active = true;
        settle();
    }

    @Deactivate
    synchronized void stop() {
        active = false;
        settle();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void bindDescriptor(ServiceReference<ModuleDescriptor> reference, ModuleDescriptor descriptor) {
        descriptors.put(reference, descriptor);
        settle();
    }

    synchronized void unbindDescriptor(ServiceReference<ModuleDescriptor> reference, ModuleDescriptor descriptor) {
        descriptors.remove(reference);
        settle();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void bindSchema(ServiceReference<ModuleSchema> reference, ModuleSchema schema) {
        schemas.put(reference.getBundle().getBundleId(), schema.module());
        settle();
    }

    synchronized void unbindSchema(ServiceReference<ModuleSchema> reference, ModuleSchema schema) {
        schemas.remove(reference.getBundle().getBundleId(), schema.module());
        settle();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void bindUnit(ServiceReference<JpaTemplate> reference, JpaTemplate jpa) {
        Object unit = reference.getProperty(UNIT);
        if (unit != null) {
            units.put(String.valueOf(unit), jpa);
            settle();
        }
    }

    synchronized void unbindUnit(ServiceReference<JpaTemplate> reference, JpaTemplate jpa) {
        Object unit = reference.getProperty(UNIT);
        if (unit != null) {
            units.remove(String.valueOf(unit), jpa);
            settle();
        }
    }

    /** Registers the storage of every module whose parts are all there, withdraws the others'. */
    private void settle() {
        for (ServiceReference<ModuleDescriptor> reference : new ArrayList<>(registered.keySet())) {
            Registered current = registered.get(reference);
            if (!Objects.equals(current.jpa, unitOf(reference))) {
                registered.remove(reference);
                unregister(current.registration);
            }
        }
        if (!active) {
            return;
        }
        for (Map.Entry<ServiceReference<ModuleDescriptor>, ModuleDescriptor> d : descriptors.entrySet()) {
            JpaTemplate jpa = unitOf(d.getKey());
            BundleContext bundle = d.getKey().getBundle() == null ? null : d.getKey().getBundle().getBundleContext();
            if (jpa != null && bundle != null && !registered.containsKey(d.getKey())) {
                Dictionary<String, Object> properties = new Hashtable<>();
                properties.put(ModuleStorage.PROPERTY, d.getValue().name());
                try {
                    registered.put(d.getKey(), new Registered(jpa, bundle.registerService(ModuleStorage.class,
                            new Storage(d.getValue(), jpa, context), properties)));
                } catch (IllegalStateException stopping) {
                    // the module's bundle is stopping: nothing to stand on
                }
            }
        }
    }

    /** The persistence unit of a descriptor's module, when its bundle's schema is migrated and the unit is up. */
    private JpaTemplate unitOf(ServiceReference<ModuleDescriptor> reference) {
        if (!descriptors.containsKey(reference) || reference.getBundle() == null) {
            return null;
        }
        String schema = schemas.get(reference.getBundle().getBundleId());
        return schema == null ? null : units.get(UNIT_PREFIX + schema);
    }

    private static void unregister(ServiceRegistration<ModuleStorage> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException gone) {
            // the module's bundle stopped and took its services with it
        }
    }
}
