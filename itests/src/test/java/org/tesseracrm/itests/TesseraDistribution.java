package org.tesseracrm.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;

/**
 * Boots the assembled Tessera distribution (the tar.gz the reactor just built) in Pax Exam, on free
 * ports, with its embedded H2 database or with a fresh PostgreSQL database.
 */
public final class TesseraDistribution {
    static final String QUOTES_WRITER = "thu";
    static final String QUOTES_WRITER_PASSWORD = "ban-bao-gia-789";

    static final String DATASOURCE_CFG = "etc/org.ops4j.datasource-tessera.cfg";
    static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/";

    private TesseraDistribution() {
    }

    public static Option[] withH2() {
        return base().toArray(new Option[0]);
    }

    /** The distribution on a new PostgreSQL database, or null when no server answers on 127.0.0.1:5432. */
    public static Option[] withPostgres() {
        if (!postgresReachable()) {
            return null;
        }
        String database = "tessera_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(POSTGRES_URL + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            dropEarlierTestDatabases(s);
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + database, e);
        }
        List<Option> options = base();
        options.add(systemProperty("tessera.test.database").value("postgresql"));
        options.add(editConfigurationFilePut(DATASOURCE_CFG, "osgi.jdbc.driver.class", "org.postgresql.Driver"));
        options.add(editConfigurationFilePut(DATASOURCE_CFG, "url", POSTGRES_URL + database));
        options.add(editConfigurationFilePut(DATASOURCE_CFG, "user", "postgres"));
        options.add(editConfigurationFilePut(DATASOURCE_CFG, "password", ""));
        return options.toArray(new Option[0]);
    }

    /** Test databases of earlier runs; one still in use by a running test refuses and stays. */
    private static void dropEarlierTestDatabases(Statement s) throws SQLException {
        List<String> old = new ArrayList<>();
        try (java.sql.ResultSet rs = s.executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE 'tessera\\_it\\_%'")) {
            while (rs.next()) {
                old.add(rs.getString(1));
            }
        }
        for (String name : old) {
            try {
                s.execute("DROP DATABASE IF EXISTS " + name);
            } catch (SQLException inUse) {
                // another run is using it
            }
        }
    }

    /** For the PostgreSQL variants: skips the test, saying why, when the container runs on H2. */
    public static void requirePostgres() {
        org.junit.Assume.assumeTrue("no PostgreSQL server on 127.0.0.1:5432: PostgreSQL variant skipped",
                "postgresql".equals(System.getProperty("tessera.test.database")));
    }

    /** Options for a PostgreSQL variant; H2 (and a skip) when no server answers. */
    public static Option[] withPostgresOrSkip(String test) {
        Option[] postgres = withPostgres();
        if (postgres == null) {
            System.err.println("SKIPPED " + test + ": no PostgreSQL server on 127.0.0.1:5432");
            return withH2();
        }
        return postgres;
    }

    /** The distribution booting only the given Tessera features (a custom edition) on H2. */
    public static Option[] withFeatures(String... tesseraFeatures) {
        List<Option> options = base();
        String boot = "instance, package, log, ssh, system, feature, shell, service, jaas, spring-security-crypto-encryption, deployer,"
                + " diagnostic, bundle, config, kar, eventadmin, tessera-datasource-h2, " + String.join(", ", tesseraFeatures);
        options.add(editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBoot", boot));
        return options.toArray(new Option[0]);
    }

    /**
     * Adds users to the running server ({@code name = password,role,…} lines), as an administrator
     * does: through {@code POST /api/v1/users}.
     */
    public static void addUsers(List<String> lines) {
        Api admin = Api.asAdmin();
        for (String line : lines) {
            String name = line.substring(0, line.indexOf('=')).trim();
            String[] parts = line.substring(line.indexOf('=') + 1).trim().split(",");
            List<String> roles = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                roles.add(parts[i].trim());
            }
            Api.Reply r = admin.post("/api/v1/users", Api.json(java.util.Map.of("name", name, "password", parts[0].trim(),
                    "roles", roles)));
            if (r.status != 201) {
                throw new AssertionError("User " + name + " not created: " + r.status + " " + r.text);
            }
        }
    }

    public static boolean postgresReachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Option> base() {
        String karaf = System.getProperty("karaf.version", "4.4.10");
        File distribution = new File(System.getProperty("tessera.distribution"));
        if (!distribution.isFile()) {
            throw new IllegalStateException("Build the distribution first: " + distribution);
        }
        int http = freePort();
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(distribution.toURI().toString())
                        .karafVersion(karaf)
                        .name("Tessera CRM")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                keepRuntimeFolder(),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevelOption.LogLevel.WARN),
                // A salesperson who writes quotes and reads the rest (roles tests).
                editConfigurationFilePut("etc/users.properties", QUOTES_WRITER, QUOTES_WRITER_PASSWORD + ",quotes.write,viewer"),
                // Salespeople leads are assigned to (assignedTo names a user of Tessera).
                editConfigurationFilePut("etc/users.properties", "lan", "ban-hang-lan-1,leads.write"),
                editConfigurationFilePut("etc/users.properties", "minh", "ban-hang-minh-2,leads.write"),
                editConfigurationFilePut("etc/users.properties", "tuan", "ban-hang-tuan-3,leads.write"),
                editConfigurationFilePut("etc/users.properties", "hoa", "ban-hang-hoa-4,leads.write"),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(http)),
                // Reminders looked for every second rather than every ten, so a test sees one fire at once.
                editConfigurationFilePut("etc/org.tesseracrm.activities.reminders.cfg", "pollSeconds", "1"),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        System.getProperty("maven.repo.local")),
                systemProperty("org.ops4j.pax.url.mvn.localRepository").value(System.getProperty("maven.repo.local")),
                systemProperty("tessera.test.http.port").value(String.valueOf(http)),
                vmOption("-Xmx512m"),
                vmOption("-Duser.timezone=UTC"),
                vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
                // Karaf's own start script passes these on Java 9+; Pax Exam 4.14 does not.
                vmOption("--add-reads=java.xml=java.logging"),
                vmOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
                vmOption("--patch-module"),
                vmOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karaf + ".jar"),
                vmOption("--patch-module"),
                vmOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karaf + ".jar"),
                vmOption("--add-opens"),
                vmOption("java.base/java.security=ALL-UNNAMED"),
                vmOption("--add-opens"),
                vmOption("java.base/java.net=ALL-UNNAMED"),
                vmOption("--add-opens"),
                vmOption("java.base/java.lang=ALL-UNNAMED"),
                vmOption("--add-opens"),
                vmOption("java.base/java.util=ALL-UNNAMED"),
                vmOption("--add-opens"),
                vmOption("java.naming/javax.naming.spi=ALL-UNNAMED"),
                vmOption("--add-opens"),
                vmOption("java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"),
                vmOption("--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED")));
        // mail goes to a server the tests start and read themselves
        options.addAll(TestMailServer.options(http));
        return options;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
