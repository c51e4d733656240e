package org.tesseracrm.platform.internal.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@code karaf} realm, ranked above Karaf's own: {@link ThrottledLoginModule} in front, so every
 * sign-in through the realm (Karaf's SSH shell as much as the API) is slowed after repeated failures
 * and written to the security log, then {@link UserTableLoginModule} over the users in the database,
 * then Karaf's modules other than its properties file (SSH keys).
 */
@Component(service = JaasRealm.class, property = ThrottledRealm.MARKER + ":Boolean=true")
public class ThrottledRealm implements JaasRealm {
    static final String MARKER = "tessera.realm";
    static final int RANK = 1;
    static final String PROPERTIES_MODULE = "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";

    private final BundleContext context;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(!(" + MARKER + "=true))")
    private volatile List<JaasRealm> realms = List.of();

    @Activate
    public ThrottledRealm(BundleContext context) {
        this.context = context;
    }

    @Override
    public String getName() {
        return Authenticator.REALM;
    }

    @Override
    public int getRank() {
        return RANK;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        JaasRealm karaf = null;
        for (JaasRealm r : realms) {
            if (Authenticator.REALM.equals(r.getName()) && r.getRank() < RANK && (karaf == null || r.getRank() > karaf.getRank())) {
                karaf = r;
            }
        }
        List<AppConfigurationEntry> entries = new ArrayList<>();
        Map<String, Object> options = new HashMap<>();
        options.put(BundleContext.class.getName(), context);
        options.put(ProxyLoginModule.PROPERTY_MODULE, ThrottledLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()));
        entries.add(new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUISITE, options));
        Map<String, Object> users = new HashMap<>();
        users.put(BundleContext.class.getName(), context);
        users.put(ProxyLoginModule.PROPERTY_MODULE, UserTableLoginModule.class.getName());
        users.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()));
        entries.add(new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.SUFFICIENT, users));
        if (karaf != null) {
            // Karaf's other modules (SSH keys) stay; its users.properties is no longer a user store.
            for (AppConfigurationEntry entry : karaf.getEntries()) {
                if (!PROPERTIES_MODULE.equals(entry.getOptions().get(ProxyLoginModule.PROPERTY_MODULE))) {
                    entries.add(entry);
                }
            }
        }
        return entries.toArray(new AppConfigurationEntry[0]);
    }
}
