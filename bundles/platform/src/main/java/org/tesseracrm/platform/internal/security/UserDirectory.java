package org.tesseracrm.platform.internal.security;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The active users and their roles as they are now, read at most every {@link #FRESH_MILLIS} per
 * user: sessions, API tokens and remembered sign-ins compare against it, so a user deactivated or
 * given other roles on another node loses what they were signed in with within that time, and at
 * once on the node that changed them ({@link #forget}).
 */
@Component(service = UserDirectory.class)
public class UserDirectory {
    /** Within a second on every node: what one node changes (a deactivation, a role) holds on the others by then. */
    static final long FRESH_MILLIS = 1_000;
    private static final int MAX_ENTRIES = 10_000;

    private final UserAccounts users;
    private final RoleStore roles;
    private final TeamStore teams;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Activate
    public UserDirectory(@Reference UserAccounts users, @Reference RoleStore roles, @Reference TeamStore teams) {
        this.users = users;
        this.roles = roles;
        this.teams = teams;
    }

    /** The user's roles now; empty when the user does not exist or is deactivated. */
    public Optional<Set<String>> roles(String user) {
        if (user == null) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        Entry entry = entries.get(user);
        if (entry == null || now - entry.readAt > FRESH_MILLIS) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            UserAccounts.UserAccount account = users.find(user).filter(u -> u.active).orElse(null);
            entry = new Entry(account == null ? null : Set.copyOf(account.roles), account == null ? -1 : account.version, now);
            entries.put(user, entry);
        }
        return Optional.ofNullable(entry.roles);
    }

    /**
     * The version of the user's record now (-1 when inactive or unknown): it changes with every
     * change of the user, a new password included, so a remembered sign-in is checked again.
     */
    public long version(String user) {
        roles(user);
        Entry entry = entries.get(user);
        return entry == null ? -1 : entry.version;
    }

    /** What the roles grant, module by module. */
    public Grants grants(Set<String> userRoles) {
        return roles.grantsOf(userRoles);
    }

    /** The user and the members of the teams they belong to or manage. */
    public Set<String> colleagues(String user) {
        return teams.colleagues(user);
    }

    /** Reads the user again on next use: their roles, teams or state just changed here. */
    public void forget(String user) {
        entries.remove(user);
        teams.changed();
    }

    private static final class Entry {
        final Set<String> roles;
        final long version;
        final long readAt;

        Entry(Set<String> roles, long version, long readAt) {
            this.roles = roles;
            this.version = version;
            this.readAt = readAt;
        }
    }
}
