package org.tesseracrm.platform.api.spi;

import org.osgi.annotation.versioning.ProviderType;
import java.util.Map;

import org.osgi.framework.Bundle;

/**
 * Creates and upgrades a module's tables when the module starts. Scripts are the bundle's
 * {@code db/migration/V<n>__<description>.sql} entries, applied once each in version order and
 * recorded per module; a script with a dialect suffix ({@code V2__x.postgresql.sql}) replaces the
 * plain one on that database. Nothing is ever dropped when a module goes away.
 */
@ProviderType
public interface SchemaMigrator {

    /** Applies the bundle's pending migrations for {@code module}; returns how many ran. */
    int migrate(String module, Bundle bundle);

    /**
     * As {@link #migrate(String, Bundle)}, with {@code @NAME@} placeholders in the scripts replaced by
     * the given text first (e.g. column definitions a family of modules shares).
     */
    int migrate(String module, Bundle bundle, Map<String, String> placeholders);
}
