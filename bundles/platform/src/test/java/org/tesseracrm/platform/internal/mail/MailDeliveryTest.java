package org.tesseracrm.platform.internal.mail;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.mail.Email;
import org.tesseracrm.platform.api.mail.OutgoingEmail;
import org.tesseracrm.platform.internal.db.RecordServices;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The outbox and its delivery against a real SMTP server (GreenMail) and a real database (H2): a
 * message goes out once, with its file; one that cannot be handed over waits and is tried again
 * until its tries run out; the rate holds; a repeated key is one message.
 */
public class MailDeliveryTest {
    private GreenMail smtp;
    private JdbcDataSource database;

    @Before
    public void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:mail-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            for (String script : List.of("V13__mail_outbox.sql", "V14__mail_files.sql")) {
                for (String statement : org.tesseracrm.platform.internal.db.SqlScripts.statements(resource("/db/migration/" + script))) {
                    s.execute(statement);
                }
            }
        }
    }

    @After
    public void stop() {
        smtp.stop();
    }

    @Test
    public void aMessageGoesOutOnceWithItsFileAndARepeatedKeyIsOneMessage() throws Exception {
        MailDelivery.Config config = config(Map.of("host", "127.0.0.1", "port", smtp.getSmtp().getPort(), "security", "NONE"));
        Outbox outbox = new Outbox(database, null, new RecordServices(), config);
        MailDelivery delivery = new MailDelivery(outbox, config);
        try {
            OutgoingEmail e = email("an@example.vn", "Báo giá QUO-000001");
            e.attachments.add(new OutgoingEmail.Attachment("Báo giá QUO-000001.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
            e.key = "k-1";
            Email queued = outbox.queue(e);
            assertEquals(Email.QUEUED, queued.state);
            assertEquals(queued.id, outbox.queue(e).id);
            delivery.deliverNow();
            Email sent = outbox.get(queued.id);
            assertEquals(Email.SENT, sent.state);
            assertEquals(1, sent.attempts);
            assertNotNull(sent.sentAt);
            delivery.deliverNow();
            MimeMessage[] received = smtp.getReceivedMessages();
            assertEquals("sent once", 1, received.length);
            assertEquals("Báo giá QUO-000001", received[0].getSubject());
            assertEquals("<" + queued.id + "@tessera-crm>", received[0].getMessageID());
            MimeMultipart parts = (MimeMultipart) received[0].getContent();
            assertEquals("Báo giá QUO-000001.pdf", javax.mail.internet.MimeUtility.decodeText(parts.getBodyPart(1).getFileName()));
            assertEquals("UP", delivery.status());
        } finally {
            delivery.stop();
        }
    }

    @Test
    public void aMessageThatCannotBeHandedOverWaitsAndFailsWhenItsTriesRunOut() throws Exception {
        int closed = freePort();
        MailDelivery.Config config = config(Map.of("host", "127.0.0.1", "port", closed, "security", "NONE", "maxAttempts", 2,
                "retrySeconds", 60, "timeoutSeconds", 2));
        Outbox outbox = new Outbox(database, null, new RecordServices(), config);
        MailDelivery delivery = new MailDelivery(outbox, config);
        try {
            Email queued = outbox.queue(email("an@example.vn", "Thử lại"));
            delivery.deliverNow();
            Email waiting = outbox.get(queued.id);
            assertEquals(Email.QUEUED, waiting.state);
            assertEquals(1, waiting.attempts);
            assertTrue(waiting.lastError, waiting.lastError != null && !waiting.lastError.isBlank());
            assertTrue("the next try waits retrySeconds", waiting.nextAttemptAt.isAfter(Instant.now().plusSeconds(50)));
            delivery.deliverNow();
            assertEquals("not tried again before it is due", 1, outbox.get(queued.id).attempts);
            assertEquals("DOWN", delivery.status());

            // due again now: the second and last try fails it for good
            try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE tessera_email SET next_attempt_at = TIMESTAMP '2000-01-01 00:00:00'");
            }
            delivery.deliverNow();
            Email failed = outbox.get(queued.id);
            assertEquals(Email.FAILED, failed.state);
            assertEquals(2, failed.attempts);

            // sent again on request, once the server answers
            delivery.stop();
            MailDelivery.Config working = config(Map.of("host", "127.0.0.1", "port", smtp.getSmtp().getPort(), "security", "NONE"));
            MailDelivery fixed = new MailDelivery(outbox, working);
            try {
                outbox.retry(queued.id);
                fixed.deliverNow();
                assertEquals(Email.SENT, outbox.get(queued.id).state);
            } finally {
                fixed.stop();
            }
        } finally {
            delivery.stop();
        }
    }

    @Test
    public void theRateHoldsAndAClaimedMessageIsNoOtherNodes() throws Exception {
        MailDelivery.Config config = config(Map.of("host", "127.0.0.1", "port", smtp.getSmtp().getPort(), "security", "NONE",
                "ratePerMinute", 2));
        Outbox outbox = new Outbox(database, null, new RecordServices(), config);
        MailDelivery delivery = new MailDelivery(outbox, config);
        try {
            for (int i = 0; i < 3; i++) {
                outbox.queue(email("khach" + i + "@example.vn", "Thư " + i));
            }
            delivery.deliverNow();
            delivery.deliverNow();
            assertEquals("two a minute", 2, smtp.getReceivedMessages().length);
            assertEquals(1, outbox.list(null, Email.QUEUED, null, null, 10, null).items.size());

            String id = outbox.list(null, Email.QUEUED, null, null, 10, null).items.get(0).id;
            Instant now = Instant.now();
            assertTrue(outbox.claim(id, now, now.plusSeconds(120)));
            assertFalse("a message is claimed by one node", outbox.claim(id, now, now.plusSeconds(120)));
        } finally {
            delivery.stop();
        }
    }

    @Test(expected = InvalidRequestException.class)
    public void aBadAddressIsRefusedBeforeAnythingIsQueued() {
        MailDelivery.Config config = config(Map.of());
        new Outbox(database, null, new RecordServices(), config).queue(email("không phải địa chỉ", "x"));
    }

    private static OutgoingEmail email(String to, String subject) {
        OutgoingEmail e = new OutgoingEmail();
        e.to = List.of(to);
        e.subject = subject;
        e.body = "Kính gửi Quý khách,\nXin cảm ơn.";
        return e;
    }

    /** The settings as Config Admin gives them: what is not set takes its default. */
    private static MailDelivery.Config config(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.putIfAbsent("pollSeconds", 3600); // the test delivers itself
        return (MailDelivery.Config) Proxy.newProxyInstance(MailDelivery.Config.class.getClassLoader(),
                new Class<?>[] { MailDelivery.Config.class },
                (proxy, method, args) -> all.containsKey(method.getName()) ? all.get(method.getName()) : method.getDefaultValue());
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = MailDeliveryTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
