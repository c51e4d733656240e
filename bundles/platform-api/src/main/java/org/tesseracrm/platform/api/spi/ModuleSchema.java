package org.tesseracrm.platform.api.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A module's tables are in place: the platform registers one, with {@link #PROPERTY} naming the
 * module, once it has applied the migrations of a bundle whose manifest says
 * {@code Tessera-Schema: <module>} (optionally {@code ;placeholders=<class with a static
 * PLACEHOLDERS map>}). A module's services reference theirs, e.g.
 * {@code @Reference(target = "(tessera.schema=vendors)") ModuleSchema schema}, and so start only on
 * a schema that is up to date; it goes away when the bundle stops.
 */
@ProviderType
public interface ModuleSchema {
    /** The manifest header that asks the platform to migrate a bundle's schema when it starts. */
    String HEADER = "Tessera-Schema";
    /** The service property naming the module. */
    String PROPERTY = "tessera.schema";

    /** The module whose schema this is. */
    String module();
}
