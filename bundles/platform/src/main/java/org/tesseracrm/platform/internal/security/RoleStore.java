package org.tesseracrm.platform.internal.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.spi.SchemaMigrator;

/**
 * Roles and what they grant per module: an access (read or write) and a scope (own, team, all).
 * The built-in roles ({@code admin}, {@code manager}, {@code viewer}, {@code sales}) come with the
 * platform's migration. A role named {@code <collection>.read} or {@code <collection>.write} needs
 * no definition: it grants that module in scope {@code all}, as in the first release. Read at most
 * every {@link #FRESH_MILLIS}, so a change reaches every node within that time.
 */
@Component(service = RoleStore.class)
public class RoleStore {
    public static final String ADMIN = "admin";
    /** Roles that mean something to Karaf, not to the CRM: its shell and its system bundles. */
    static final Set<String> KARAF_ROLES = Set.of("ssh", "systembundles");
    static final Pattern MODULE_ROLE = Pattern.compile("([a-z][a-z0-9-]{0,58})\\.(read|write)");
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,99}");
    static final long FRESH_MILLIS = 2_000;

    private final DataSource dataSource;
    private volatile Snapshot snapshot;

    /** A role as the API shows it. */
    public static final class Role {
        public String name;
        public String label;
        public String description;
        public boolean builtIn;
        public long version;
        public List<Grant> grants = new ArrayList<>();
    }

    /** One module's grant: {@code module} is a collection or {@code *}. */
    public static final class Grant {
        public String module;
        public String access;
        public String scope;

        public Grant() {
        }

        Grant(String module, String access, String scope) {
            this.module = module;
            this.access = access;
            this.scope = scope;
        }
    }

    @Activate
    public RoleStore(@Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource,
            @Reference SchemaMigrator platformSchema) {
        this.dataSource = dataSource;
    }

    public List<Role> list() {
        return new ArrayList<>(snapshot().roles.values());
    }

    public Optional<Role> find(String name) {
        return Optional.ofNullable(snapshot().roles.get(name));
    }

    /** Whether a user may be given {@code name}: a defined role, a module role or one of Karaf's. */
    public boolean exists(String name) {
        return snapshot().roles.containsKey(name) || MODULE_ROLE.matcher(name).matches() || KARAF_ROLES.contains(name);
    }

    public List<String> names() {
        return new ArrayList<>(snapshot().roles.keySet());
    }

    /** What the roles grant together. */
    public Grants grantsOf(Collection<String> roleNames) {
        Snapshot s = snapshot();
        // every request asks for its caller's grants: worked out once per set of roles and snapshot
        return s.grants.computeIfAbsent(Set.copyOf(roleNames), names -> grantsOf(s, names));
    }

    private static Grants grantsOf(Snapshot s, Collection<String> roleNames) {
        Grants.Builder grants = new Grants.Builder();
        for (String name : roleNames) {
            Role role = s.roles.get(name);
            if (role != null) {
                for (Grant g : role.grants) {
                    grants.grant(g.module, "write".equals(g.access), Scope.parse(g.scope));
                }
                continue;
            }
            Matcher m = MODULE_ROLE.matcher(name);
            if (m.matches()) {
                grants.grant(m.group(1), "write".equals(m.group(2)), Scope.ALL);
            }
        }
        return grants.build();
    }

    public Role create(Role role) {
        List<FieldError> errors = new ArrayList<>();
        if (role.name == null || !NAME.matcher(role.name).matches() || MODULE_ROLE.matcher(role.name).matches()
                || KARAF_ROLES.contains(role.name)) {
            errors.add(new FieldError("name", "must be 1 to 100 lower-case letters, digits, _ or - (and not a module or Karaf role)"));
        }
        check(role, errors);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO tessera_role (name, label, description, builtIn, version) VALUES (?, ?, ?, ?, 1)")) {
                s.setString(1, role.name);
                s.setString(2, UserAccounts.blankToNull(role.label));
                s.setString(3, UserAccounts.blankToNull(role.description));
                s.setBoolean(4, false);
                s.executeUpdate();
            } catch (SQLException e) {
                c.rollback();
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    throw new ConflictException("A role named " + role.name + " exists already");
                }
                throw e;
            }
            replaceGrants(c, role.name, role.grants);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("The role could not be stored", e);
        }
        snapshot = null;
        return find(role.name).orElseThrow();
    }

    public Role update(String name, Role changes, Long expectedVersion) {
        Role before = find(name).orElseThrow(() -> new RecordNotFoundException("roles", name));
        if (ADMIN.equals(name) && changes.grants != null) {
            throw new RuleViolationException("grants", "the administrator's role always grants every module");
        }
        List<FieldError> errors = new ArrayList<>();
        if (changes.grants != null) {
            check(changes, errors);
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The role is not valid: " + errors, errors);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("UPDATE tessera_role SET version = version + 1,"
                    + " label = COALESCE(?, label), description = COALESCE(?, description) WHERE name = ? AND version = ?")) {
                s.setString(1, changes.label);
                s.setString(2, changes.description);
                s.setString(3, name);
                s.setLong(4, expectedVersion == null ? before.version : expectedVersion);
                if (s.executeUpdate() != 1) {
                    c.rollback();
                    throw new org.tesseracrm.platform.api.StaleVersionException(expectedVersion, before.version);
                }
            }
            if (changes.grants != null) {
                replaceGrants(c, name, changes.grants);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("The role could not be changed", e);
        }
        snapshot = null;
        return find(name).orElseThrow();
    }

    /** Removes a role no user has; built-in roles stay. */
    public void delete(String name) {
        Role role = find(name).orElseThrow(() -> new RecordNotFoundException("roles", name));
        if (role.builtIn) {
            throw new ConflictException("The built-in role " + name + " cannot be removed");
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM tessera_user_role WHERE role = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getLong(1) > 0) {
                        c.rollback();
                        throw new ConflictException("The role " + name + " is given to " + r.getLong(1) + " users; take it from them first");
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM tessera_role_grant WHERE role = ?")) {
                s.setString(1, name);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM tessera_role WHERE name = ?")) {
                s.setString(1, name);
                s.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("The role could not be removed", e);
        }
        snapshot = null;
    }

    private static void check(Role role, List<FieldError> errors) {
        if (role.label != null && role.label.length() > 200) {
            errors.add(new FieldError("label", "must be at most 200 characters"));
        }
        if (role.description != null && role.description.length() > 1000) {
            errors.add(new FieldError("description", "must be at most 1000 characters"));
        }
        Set<String> seen = new TreeSet<>();
        for (Grant g : role.grants == null ? List.<Grant>of() : role.grants) {
            if (g == null || g.module == null || !(Grants.EVERY_MODULE.equals(g.module) || g.module.matches("[a-z][a-z0-9-]{0,59}"))) {
                errors.add(new FieldError("grants", "each grant names a module's collection (or *)"));
            } else if (!seen.add(g.module)) {
                errors.add(new FieldError("grants", g.module + " is granted twice"));
            } else if (!"read".equals(g.access) && !"write".equals(g.access)) {
                errors.add(new FieldError("grants", g.module + ": access must be read or write"));
            } else if (Scope.parse(g.scope) == null) {
                errors.add(new FieldError("grants", g.module + ": scope must be own, team or all"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The role is not valid: " + errors, errors);
        }
    }

    private static void replaceGrants(Connection c, String role, List<Grant> grants) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM tessera_role_grant WHERE role = ?")) {
            s.setString(1, role);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO tessera_role_grant (role, collection, access, scope) VALUES (?, ?, ?, ?)")) {
            for (Grant g : grants == null ? List.<Grant>of() : grants) {
                s.setString(1, role);
                s.setString(2, g.module);
                s.setString(3, g.access);
                s.setString(4, Scope.parse(g.scope).wire());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null || System.currentTimeMillis() - s.readAt > FRESH_MILLIS) {
            s = read();
            snapshot = s;
        }
        return s;
    }

    private Snapshot read() {
        Map<String, Role> roles = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT name, label, description, builtIn, version FROM tessera_role ORDER BY builtIn DESC, name");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Role role = new Role();
                    role.name = r.getString(1);
                    role.label = r.getString(2);
                    role.description = r.getString(3);
                    role.builtIn = r.getBoolean(4);
                    role.version = r.getLong(5);
                    roles.put(role.name, role);
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT role, collection, access, scope FROM tessera_role_grant ORDER BY role, collection");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Role role = roles.get(r.getString(1));
                    if (role != null) {
                        role.grants.add(new Grant(r.getString(2), r.getString(3), r.getString(4)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Roles cannot be read", e);
        }
        return new Snapshot(roles, System.currentTimeMillis());
    }

    private static final class Snapshot {
        final Map<String, Role> roles;
        final long readAt;
        final Map<Set<String>, Grants> grants = new java.util.concurrent.ConcurrentHashMap<>();

        Snapshot(Map<String, Role> roles, long readAt) {
            this.roles = roles;
            this.readAt = readAt;
        }
    }
}
