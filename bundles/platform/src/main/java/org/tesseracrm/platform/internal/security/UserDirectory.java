package org.tesseracrm.platform.internal.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The users of the realm and their roles as they are now, read at most every {@link #FRESH_MILLIS}
 * per user: sessions, API tokens and remembered sign-ins compare against it, so a user removed or
 * given other roles loses what they were signed in with within that time.
 */
@Component(service = UserDirectory.class)
public class UserDirectory {
    static final long FRESH_MILLIS = 2_000;
    private static final int MAX_ENTRIES = 10_000;

    private final List<JaasRealm> realms;
    private final List<BackingEngineFactory> engines;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Activate
    public UserDirectory(
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY) List<JaasRealm> realms,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY) List<BackingEngineFactory> engines) {
        this.realms = realms;
        this.engines = engines;
    }

    /** The user's roles now; empty when the user does not exist (any more). */
    public Optional<Set<String>> roles(String user) {
        long now = System.currentTimeMillis();
        Entry entry = entries.get(user);
        if (entry == null || now - entry.readAt > FRESH_MILLIS) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entry = new Entry(read(user), now);
            entries.put(user, entry);
        }
        return Optional.ofNullable(entry.roles);
    }

    private Set<String> read(String user) {
        BackingEngine engine = UserStore.find(realms, engines);
        UserPrincipal principal = engine == null ? null : engine.lookupUser(user);
        if (principal == null) {
            return null;
        }
        return engine.listRoles(principal).stream().map(java.security.Principal::getName)
                .filter(role -> !role.startsWith(BackingEngine.GROUP_PREFIX)).collect(Collectors.toUnmodifiableSet());
    }

    private static final class Entry {
        final Set<String> roles;
        final long readAt;

        Entry(Set<String> roles, long readAt) {
            this.roles = roles;
            this.readAt = readAt;
        }
    }
}
