package org.tesseracrm.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.util.List;

import org.ops4j.pax.exam.Option;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP server the tests send to: GreenMail, started by the test run itself (in the JVM that
 * boots the distribution) on free ports, with IMAP so that the tests read what arrived
 * ({@link Mailbox}). Every recipient gets a mailbox whose login and password are its address.
 */
public final class TestMailServer {
    static final String MAIL_CFG = "etc/org.tesseracrm.mail.cfg";
    private static GreenMail server;
    private static int smtp;
    private static int imap;

    private TestMailServer() {
    }

    /** The distribution's mail settings pointing at the test server (started on first use). */
    static synchronized List<Option> options(int httpPort) {
        start();
        return List.of(
                editConfigurationFilePut(MAIL_CFG, "host", "127.0.0.1"),
                editConfigurationFilePut(MAIL_CFG, "port", String.valueOf(smtp)),
                editConfigurationFilePut(MAIL_CFG, "security", "NONE"),
                editConfigurationFilePut(MAIL_CFG, "pollSeconds", "1"),
                editConfigurationFilePut(MAIL_CFG, "retrySeconds", "1"),
                editConfigurationFilePut(MAIL_CFG, "publicUrl", "http://localhost:" + httpPort),
                systemProperty(Mailbox.IMAP_PORT).value(String.valueOf(imap)));
    }

    /** The settings file's lines for a distribution started by hand (the browser tests'); IMAP's port set for {@link Mailbox}. */
    public static synchronized String settings(int httpPort) {
        start();
        System.setProperty(Mailbox.IMAP_PORT, String.valueOf(imap));
        return "host = 127.0.0.1\nport = " + smtp + "\nsecurity = NONE\npollSeconds = 1\nretrySeconds = 1\npublicUrl = http://localhost:" + httpPort + "\n";
    }

    private static void start() {
        if (server == null) {
            smtp = TesseraDistribution.freePort();
            imap = TesseraDistribution.freePort();
            server = new GreenMail(new ServerSetup[] { new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
    }
}
