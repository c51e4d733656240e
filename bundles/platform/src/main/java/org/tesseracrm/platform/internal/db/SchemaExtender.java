package org.tesseracrm.platform.internal.db;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.platform.api.spi.ModuleSchema;
import org.tesseracrm.platform.api.spi.SchemaMigrator;

/**
 * Migrates a module's schema when its bundle starts, as Aries JPA reads {@code Meta-Persistence}:
 * the bundle says {@code Tessera-Schema: <module>}, the platform applies its scripts (while the
 * bundle is STARTING, before its components run) and registers the module's {@link ModuleSchema},
 * which its services reference. A module thus holds its migrations and no code to run them.
 */
@Component(service = SchemaExtender.class, immediate = true)
// registered in each module bundle's name, so the resolver learns from here that the platform provides it
@org.osgi.annotation.bundle.Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=org.tesseracrm.platform.api.spi.ModuleSchema")
public class SchemaExtender {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaExtender.class);
    private static final String PLACEHOLDERS = "placeholders";

    private final SchemaMigrator migrator;
    private final BundleTracker<ServiceRegistration<ModuleSchema>> tracker;

    @Activate
    public SchemaExtender(@Reference SchemaMigrator migrator, BundleContext context) {
        this.migrator = migrator;
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public ServiceRegistration<ModuleSchema> addingBundle(Bundle bundle, BundleEvent event) {
                String header = bundle.getHeaders().get(ModuleSchema.HEADER);
                return header == null ? null : migrate(bundle, header);
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<ModuleSchema> schema) {
                try {
                    schema.unregister();
                } catch (IllegalStateException gone) {
                    // the bundle stopped and took its services with it
                }
            }
        };
        tracker.open();
    }

    @Deactivate
    void stop() {
        tracker.close();
    }

    private ServiceRegistration<ModuleSchema> migrate(Bundle bundle, String header) {
        String[] parts = header.split(";");
        String module = parts[0].trim();
        try {
            Map<String, String> placeholders = Map.of();
            for (int i = 1; i < parts.length; i++) {
                String[] attribute = parts[i].split("=", 2);
                if (attribute.length == 2 && attribute[0].trim().equals(PLACEHOLDERS)) {
                    placeholders = placeholders(bundle, attribute[1].trim());
                }
            }
            migrator.migrate(module, bundle, placeholders);
            BundleContext context = bundle.getBundleContext();
            if (context == null) {
                return null; // stopped meanwhile
            }
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(ModuleSchema.PROPERTY, module);
            return context.registerService(ModuleSchema.class, () -> module, properties);
        } catch (RuntimeException e) {
            // The module's services wait for a schema that never comes: the module does not start.
            LOG.error("Schema of module {} (bundle {}) not migrated: the module stays down", module, bundle.getSymbolicName(), e);
            return null;
        }
    }

    /** The static {@code PLACEHOLDERS} map of a class the bundle sees (shared column definitions). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> placeholders(Bundle bundle, String className) {
        try {
            return (Map<String, String>) bundle.loadClass(className).getField("PLACEHOLDERS").get(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(ModuleSchema.HEADER + " of " + bundle.getSymbolicName() + " names placeholders "
                    + className + ", which has no public static Map PLACEHOLDERS", e);
        }
    }
}
