package org.tesseracrm.platform.internal.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
 * The users of Tessera, in the database so that every node shares them: name, display name, e-mail,
 * hashed password, roles, teams and whether they may sign in. A user is never deleted (their records
 * name them); deactivating one ends their sign-ins.
 */
@Component(service = UserAccounts.class)
public class UserAccounts {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    static final int MIN_PASSWORD = 8;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final DataSource dataSource;
    private final Passwords passwords;
    private final RoleStore roles;

    /** A user as the API shows it (never the password). */
    public static final class UserAccount {
        public String name;
        public String displayName;
        public String email;
        public boolean active;
        public List<String> roles = new ArrayList<>();
        public List<String> teams = new ArrayList<>();
        public Instant createdAt;
        public Instant updatedAt;
        public long version;
    }

    /** What a create or change sets; null leaves a value as it is. */
    public static class Changes {
        public String displayName;
        public String email;
        public String password;
        public Boolean active;
        public List<String> roles;
        public List<String> teams;
    }

    @Activate
    public UserAccounts(@Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource,
            @Reference SchemaMigrator platformSchema, @Reference Passwords passwords, @Reference RoleStore roles) {
        this.dataSource = dataSource; // the platform's migrations (the tables) ran when the migrator started
        this.passwords = passwords;
        this.roles = roles;
    }

    public Optional<UserAccount> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        List<UserAccount> found = query("WHERE u.name = ?", name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Users by name; the inactive ones only when asked for. */
    public List<UserAccount> list(boolean withInactive) {
        return withInactive ? query("") : query("WHERE u.active = ?", Boolean.TRUE);
    }

    /** The roles of an active user; empty when there is no such user or they are deactivated. */
    public Optional<Set<String>> activeRoles(String name) {
        return find(name).filter(u -> u.active).map(u -> Set.copyOf(u.roles));
    }

    /** The roles of an active user whose password this is; empty otherwise. */
    public Optional<Set<String>> verify(String name, String password) {
        if (name == null || password == null) {
            return Optional.empty();
        }
        String stored;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT password FROM tessera_user WHERE name = ? AND active = ?")) {
            s.setString(1, name);
            s.setBoolean(2, true);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                stored = r.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Users cannot be read", e);
        }
        return passwords.matches(password, stored) ? activeRoles(name) : Optional.empty();
    }

    public boolean hasActiveAdministrator() {
        return list(false).stream().anyMatch(u -> u.roles.contains(RoleStore.ADMIN));
    }

    public UserAccount create(String name, Changes changes) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (!NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "must be 1 to 100 letters, digits or . _ @ - (starting with a letter or digit)"));
        }
        if (changes.password == null) {
            errors.add(new FieldError("password", "is required"));
        }
        if (changes.roles == null) {
            errors.add(new FieldError("roles", "is required (a user without roles signs in and may do nothing)"));
        }
        check(changes, errors);
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The user is not valid: " + errors, errors);
        }
        return store(name, passwords.hash(changes.password), changes);
    }

    /** Takes over a user whose password is already hashed (or not yet: then it is hashed here). */
    void importUser(String name, String password, List<String> userRoles) {
        if (find(name).isPresent() || !NAME.matcher(name).matches()) {
            return;
        }
        Changes changes = new Changes();
        changes.roles = userRoles;
        store(name, passwords.isHash(password) ? password : passwords.hash(password), changes);
    }

    private UserAccount store(String name, String hash, Changes changes) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO tessera_user"
                    + " (name, displayName, email, password, active, createdAt, updatedAt, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)")) {
                s.setString(1, name);
                s.setString(2, blankToNull(changes.displayName));
                s.setString(3, blankToNull(changes.email));
                s.setString(4, hash);
                s.setBoolean(5, changes.active == null || changes.active);
                s.setTimestamp(6, Timestamp.from(now));
                s.setTimestamp(7, Timestamp.from(now));
                s.executeUpdate();
            } catch (SQLException e) {
                c.rollback();
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    throw new ConflictException("A user named " + name + " exists already");
                }
                throw e;
            }
            replace(c, "tessera_user_role", "role", name, changes.roles);
            if (changes.teams != null) {
                replace(c, "tessera_team_member", "team", name, changes.teams);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("The user could not be stored", e);
        }
        return find(name).orElseThrow();
    }

    public UserAccount update(String name, Changes changes, Long expectedVersion) {
        UserAccount before = find(name).orElseThrow(() -> new RecordNotFoundException("users", name));
        List<FieldError> errors = new ArrayList<>();
        check(changes, errors);
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The user is not valid: " + errors, errors);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            StringBuilder sql = new StringBuilder("UPDATE tessera_user SET version = version + 1, updatedAt = ?");
            List<Object> values = new ArrayList<>();
            values.add(Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
            if (changes.displayName != null) {
                sql.append(", displayName = ?");
                values.add(blankToNull(changes.displayName));
            }
            if (changes.email != null) {
                sql.append(", email = ?");
                values.add(blankToNull(changes.email));
            }
            if (changes.active != null) {
                sql.append(", active = ?");
                values.add(changes.active);
            }
            if (changes.password != null) {
                sql.append(", password = ?");
                values.add(passwords.hash(changes.password));
            }
            sql.append(" WHERE name = ?");
            values.add(name);
            if (expectedVersion != null) {
                sql.append(" AND version = ?");
                values.add(expectedVersion);
            }
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    s.setObject(i + 1, values.get(i));
                }
                if (s.executeUpdate() != 1) {
                    c.rollback();
                    throw new org.tesseracrm.platform.api.StaleVersionException(expectedVersion, before.version);
                }
            }
            if (changes.roles != null) {
                replace(c, "tessera_user_role", "role", name, changes.roles);
            }
            if (changes.teams != null) {
                replace(c, "tessera_team_member", "team", name, changes.teams);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("The user could not be changed", e);
        }
        return find(name).orElseThrow();
    }

    private void check(Changes changes, List<FieldError> errors) {
        if (changes.password != null && changes.password.length() < MIN_PASSWORD) {
            errors.add(new FieldError("password", "must be at least " + MIN_PASSWORD + " characters"));
        } else if (changes.password != null && changes.password.length() > 200) {
            errors.add(new FieldError("password", "must be at most 200 characters"));
        }
        if (changes.displayName != null && changes.displayName.length() > 200) {
            errors.add(new FieldError("displayName", "must be at most 200 characters"));
        }
        if (changes.email != null && !changes.email.isBlank()
                && (changes.email.length() > 254 || !EMAIL.matcher(changes.email).matches())) {
            errors.add(new FieldError("email", "is not an email address"));
        }
        if (changes.roles != null) {
            for (String role : changes.roles) {
                if (role == null || !roles.exists(role)) {
                    errors.add(new FieldError("roles", "no role is named " + role + "; roles: " + roles.names()));
                }
            }
        }
        if (changes.teams != null) {
            Set<String> known = teamNames();
            for (String team : changes.teams) {
                if (team == null || !known.contains(team)) {
                    errors.add(new FieldError("teams", "no team is named " + team));
                }
            }
        }
    }

    private Set<String> teamNames() {
        Set<String> names = new TreeSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT name FROM tessera_team");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Teams cannot be read", e);
        }
        return names;
    }

    private static void replace(Connection c, String table, String column, String user, Collection<String> values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE userName = ?")) {
            s.setString(1, user);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (userName, " + column + ") VALUES (?, ?)")) {
            for (String value : new TreeSet<>(values)) {
                s.setString(1, user);
                s.setString(2, value);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private List<UserAccount> query(String where, Object... parameters) {
        Map<String, UserAccount> users = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT u.name, u.displayName, u.email, u.active, u.createdAt,"
                    + " u.updatedAt, u.version FROM tessera_user u " + where + " ORDER BY u.name")) {
                for (int i = 0; i < parameters.length; i++) {
                    s.setObject(i + 1, parameters[i]);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        UserAccount u = new UserAccount();
                        u.name = r.getString(1);
                        u.displayName = r.getString(2);
                        u.email = r.getString(3);
                        u.active = r.getBoolean(4);
                        u.createdAt = r.getTimestamp(5).toInstant();
                        u.updatedAt = r.getTimestamp(6).toInstant();
                        u.version = r.getLong(7);
                        users.put(u.name, u);
                    }
                }
            }
            if (users.isEmpty()) {
                return List.of();
            }
            String in = where.isEmpty() ? "" : " WHERE x.userName IN (SELECT u.name FROM tessera_user u " + where + ")";
            collect(c, "SELECT x.userName, x.role FROM tessera_user_role x" + in + " ORDER BY x.role", parameters, users, true);
            collect(c, "SELECT x.userName, x.team FROM tessera_team_member x" + in + " ORDER BY x.team", parameters, users, false);
        } catch (SQLException e) {
            throw new IllegalStateException("Users cannot be read", e);
        }
        return new ArrayList<>(users.values());
    }

    private static void collect(Connection c, String sql, Object[] parameters, Map<String, UserAccount> users, boolean roles)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    UserAccount u = users.get(r.getString(1));
                    if (u != null) {
                        (roles ? u.roles : u.teams).add(r.getString(2));
                    }
                }
            }
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
