package org.tesseracrm.platform.internal.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
 * Teams: members and optionally a manager. A user whose scope in a module is {@code team} sees the
 * records of everyone in the teams they belong to or manage. Read at most every
 * {@link RoleStore#FRESH_MILLIS}.
 */
@Component(service = TeamStore.class)
public class TeamStore {
    private final DataSource dataSource;
    private volatile Snapshot snapshot;

    /** A team as the API shows it. */
    public static final class Team {
        public String name;
        public String displayName;
        public String manager;
        public List<String> members = new ArrayList<>();
        public long version;
    }

    @Activate
    public TeamStore(@Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource,
            @Reference SchemaMigrator platformSchema) {
        this.dataSource = dataSource;
    }

    public List<Team> list() {
        return new ArrayList<>(snapshot().teams.values());
    }

    public Optional<Team> find(String name) {
        return Optional.ofNullable(snapshot().teams.get(name));
    }

    /** {@code user} and everyone in the teams they belong to or manage. */
    public Set<String> colleagues(String user) {
        Set<String> people = new HashSet<>();
        people.add(user);
        for (Team t : snapshot().teams.values()) {
            if (user.equals(t.manager) || t.members.contains(user)) {
                people.addAll(t.members);
                if (t.manager != null) {
                    people.add(t.manager);
                }
            }
        }
        return people;
    }

    /** Creates a team ({@code version} ignored) or changes one (its members replaced when given). */
    public Team save(Team team, boolean create, Long expectedVersion, UserAccounts users) {
        List<FieldError> errors = new ArrayList<>();
        if (create && (team.name == null || !UserAccounts.NAME.matcher(team.name).matches())) {
            errors.add(new FieldError("name", "must be 1 to 100 letters, digits or . _ @ -"));
        }
        if (team.displayName != null && team.displayName.length() > 200) {
            errors.add(new FieldError("displayName", "must be at most 200 characters"));
        }
        if (team.manager != null && !team.manager.isEmpty() && users.activeRoles(team.manager).isEmpty()) {
            errors.add(new FieldError("manager", "is not an active user: " + team.manager));
        }
        for (String member : team.members == null ? List.<String>of() : team.members) {
            if (member == null || users.activeRoles(member).isEmpty()) {
                errors.add(new FieldError("members", "is not an active user: " + member));
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The team is not valid: " + errors, errors);
        }
        Team before = create ? null : find(team.name).orElseThrow(() -> new RecordNotFoundException("teams", team.name));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            if (create) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO tessera_team (name, displayName, manager, createdAt, version) VALUES (?, ?, ?, ?, 1)")) {
                    s.setString(1, team.name);
                    s.setString(2, UserAccounts.blankToNull(team.displayName));
                    s.setString(3, UserAccounts.blankToNull(team.manager));
                    s.setTimestamp(4, Timestamp.from(Instant.now()));
                    s.executeUpdate();
                } catch (SQLException e) {
                    c.rollback();
                    if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                        throw new ConflictException("A team named " + team.name + " exists already");
                    }
                    throw e;
                }
            } else {
                try (PreparedStatement s = c.prepareStatement("UPDATE tessera_team SET version = version + 1,"
                        + " displayName = ?, manager = ? WHERE name = ? AND version = ?")) {
                    s.setString(1, team.displayName == null ? before.displayName : UserAccounts.blankToNull(team.displayName));
                    s.setString(2, team.manager == null ? before.manager : UserAccounts.blankToNull(team.manager));
                    s.setString(3, team.name);
                    s.setLong(4, expectedVersion == null ? before.version : expectedVersion);
                    if (s.executeUpdate() != 1) {
                        c.rollback();
                        throw new org.tesseracrm.platform.api.StaleVersionException(expectedVersion, before.version);
                    }
                }
            }
            if (create || team.members != null) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM tessera_team_member WHERE team = ?")) {
                    s.setString(1, team.name);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO tessera_team_member (team, userName) VALUES (?, ?)")) {
                    for (String member : new TreeSet<>(team.members == null ? List.of() : team.members)) {
                        s.setString(1, team.name);
                        s.setString(2, member);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("The team could not be stored", e);
        }
        snapshot = null;
        return find(team.name).orElseThrow();
    }

    public void delete(String name) {
        find(name).orElseThrow(() -> new RecordNotFoundException("teams", name));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (String sql : List.of("DELETE FROM tessera_team_member WHERE team = ?", "DELETE FROM tessera_team WHERE name = ?")) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, name);
                    s.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("The team could not be removed", e);
        }
        snapshot = null;
    }

    /** Forgets what was read, after a user's teams changed. */
    void changed() {
        snapshot = null;
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null || System.currentTimeMillis() - s.readAt > RoleStore.FRESH_MILLIS) {
            s = read();
            snapshot = s;
        }
        return s;
    }

    private Snapshot read() {
        Map<String, Team> teams = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT name, displayName, manager, version FROM tessera_team ORDER BY name");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Team t = new Team();
                    t.name = r.getString(1);
                    t.displayName = r.getString(2);
                    t.manager = r.getString(3);
                    t.version = r.getLong(4);
                    teams.put(t.name, t);
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT team, userName FROM tessera_team_member ORDER BY team, userName");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Team t = teams.get(r.getString(1));
                    if (t != null) {
                        t.members.add(r.getString(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Teams cannot be read", e);
        }
        return new Snapshot(teams, System.currentTimeMillis());
    }

    private static final class Snapshot {
        final Map<String, Team> teams;
        final long readAt;

        Snapshot(Map<String, Team> teams, long readAt) {
            this.teams = teams;
            this.readAt = readAt;
        }
    }
}
