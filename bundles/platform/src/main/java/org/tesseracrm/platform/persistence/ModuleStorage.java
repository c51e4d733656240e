package org.tesseracrm.platform.persistence;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.api.spi.ModuleSchema;

/**
 * Everything a module's record service stands on, named once: the platform registers one per module
 * (service property {@value #PROPERTY} = the module's name) as soon as the module's bundle offers its
 * {@link ModuleDescriptor}, its schema is migrated ({@link ModuleSchema}, header {@code Tessera-Schema:
 * <schema>}) and its persistence unit {@code tessera-<schema>} is up, and withdraws it when any of them
 * goes. A module's service asks for it by name only:
 * {@code @Reference(target = "(tessera.module=vendors)") ModuleStorage storage}.
 */
@ProviderType
public interface ModuleStorage {
    /** The service property naming the module. */
    String PROPERTY = "tessera.module";

    /** What the module is. */
    ModuleDescriptor module();

    /** The module's persistence unit, on its migrated schema. */
    JpaTemplate jpa();

    /** The platform's services for records: the caller, scopes, history, events, custom fields. */
    RecordContext context();
}
