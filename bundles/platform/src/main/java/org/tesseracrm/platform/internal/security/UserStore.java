package org.tesseracrm.platform.internal.security;

import java.util.List;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;

/** The editable user store behind the Karaf realm: its properties login module's backing engine. */
final class UserStore {
    private static final String PROPERTIES_MODULE = "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";

    private UserStore() {
    }

    /** The backing engine of the realm's properties module, or null when the realm has none. */
    static BackingEngine find(List<JaasRealm> realms, List<BackingEngineFactory> engines) {
        for (JaasRealm realm : realms) {
            if (!Authenticator.REALM.equals(realm.getName())) {
                continue;
            }
            for (AppConfigurationEntry entry : realm.getEntries()) {
                if (!PROPERTIES_MODULE.equals(entry.getOptions().get(ProxyLoginModule.PROPERTY_MODULE))) {
                    continue;
                }
                for (BackingEngineFactory factory : engines) {
                    if (PROPERTIES_MODULE.equals(factory.getModuleClass())) {
                        return factory.build(entry.getOptions());
                    }
                }
            }
        }
        return null;
    }
}
