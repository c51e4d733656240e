package org.tesseracrm.platform.internal.mail;

import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.activation.DataHandler;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.internet.MimeUtility;
import javax.mail.util.ByteArrayDataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.platform.api.ConfigText;
import org.tesseracrm.platform.api.mail.Email;
import org.tesseracrm.platform.api.mail.OutgoingEmail;

import com.sun.mail.smtp.SMTPAddressFailedException;
import com.sun.mail.smtp.SMTPSendFailedException;
import com.sun.mail.smtp.SMTPTransport;
import com.sun.mail.util.MailConnectException;

/**
 * Sends what the {@link Outbox} holds through the SMTP server of {@code etc/org.tesseracrm.mail.cfg}:
 * every few seconds (and at once when a message is queued) each node claims due messages, up to the
 * configured rate per minute for the whole cluster, and sends them over one connection. A message
 * the server refuses for good (a 5xx answer) is FAILED with that answer; one that could not be
 * handed over is tried again later, with the wait doubling, until its tries run out.
 */
@Component(service = MailDelivery.class, immediate = true, configurationPid = MailDelivery.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MailDelivery.Config.class)
public class MailDelivery {
    static final String PID = "org.tesseracrm.mail";
    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration PROBE_EVERY = Duration.ofSeconds(30);

    @ObjectClassDefinition(name = "Tessera e-mail", description = "The SMTP server the CRM sends through")
    public @interface Config {
        @AttributeDefinition(description = "SMTP server; none: mail is not configured and messages wait in the outbox")
        String host() default "";

        int port() default 587;

        @AttributeDefinition(description = "STARTTLS (upgrade a plain connection), TLS (TLS from the start) or NONE")
        String security() default "STARTTLS";

        String user() default "";

        @AttributeDefinition(type = AttributeType.PASSWORD)
        String password() default "";

        @AttributeDefinition(description = "The sender, e.g. Công ty Sao Mai <crm@saomai.vn>")
        String from() default "";

        @AttributeDefinition(description = "At most this many messages per minute, for all nodes together")
        int ratePerMinute() default 60;

        @AttributeDefinition(description = "Tries before a message is FAILED for good")
        int maxAttempts() default 8;

        @AttributeDefinition(description = "The first wait before a retry; each further wait doubles (at most 6 hours)")
        int retrySeconds() default 60;

        int pollSeconds() default 5;

        int timeoutSeconds() default 20;

        @AttributeDefinition(description = "The address users reach the CRM at, for links in messages (unsubscribe)")
        String publicUrl() default "http://localhost:8181";
    }

    private final Outbox outbox;
    private final Config config;
    private final String host;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tessera-mail");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Runnable nudge = this::nudge;
    private volatile String status;
    private volatile Instant probedAt = Instant.EPOCH;

    @Activate
    public MailDelivery(@Reference Outbox outbox, Config config) {
        this.outbox = outbox;
        this.config = config;
        this.host = ConfigText.of(config.host()).strip();
        this.status = host.isEmpty() ? "NOT_CONFIGURED" : "UNKNOWN";
        int every = Math.max(1, config.pollSeconds());
        timer.scheduleWithFixedDelay(this::deliver, 1, every, TimeUnit.SECONDS);
        outbox.onQueued(nudge);
    }

    @Deactivate
    void stop() {
        outbox.offQueued(nudge); // a configuration change makes a new delivery: this one is told nothing more
        timer.shutdown(); // not interrupted: an interrupted read closes H2's database file
    }

    boolean configured() {
        return !host.isEmpty();
    }

    /** Looks for due messages now rather than at the next poll; never waits. */
    void nudge() {
        if (configured() && pending.compareAndSet(false, true)) {
            try {
                timer.execute(this::deliver);
            } catch (RejectedExecutionException stopping) {
                pending.set(false);
            }
        }
    }

    /** UP, DOWN (the server does not answer or refuses the sign-in) or NOT_CONFIGURED; the server is asked at most every 30 s. */
    public String status() {
        if (!configured()) {
            return "NOT_CONFIGURED";
        }
        if (Instant.now().isAfter(probedAt.plus(PROBE_EVERY))) {
            probedAt = Instant.now();
            try {
                timer.submit(this::probe).get(config.timeoutSeconds() + 5L, TimeUnit.SECONDS);
            } catch (Exception e) {
                status = "DOWN";
            }
        }
        return status;
    }

    private void probe() {
        withMailClassLoader(() -> {
            SMTPTransport transport = transport(session());
            try {
                connect(transport);
                status = "UP";
            } catch (MessagingException e) {
                status = "DOWN";
                LOG.info("The mail server {} does not answer: {}", host, e.getMessage());
            } finally {
                close(transport);
            }
            return null;
        });
    }

    /** One delivery pass on the delivery's own thread, after what is already asked of it; returns when done. */
    void deliverNow() throws Exception {
        timer.submit(this::deliver).get();
    }

    void deliver() {
        pending.set(false);
        if (!configured()) {
            return;
        }
        try {
            Instant now = Instant.now();
            int allowed = Math.max(1, config.ratePerMinute()) - outbox.sentSince(now.minus(Duration.ofMinutes(1)));
            if (allowed <= 0) {
                return;
            }
            List<String> due = outbox.due(now, Math.min(allowed, 100));
            if (!due.isEmpty()) {
                withMailClassLoader(() -> {
                    send(due, now);
                    return null;
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("E-mail not delivered this time; tried again shortly", e);
        }
    }

    private void send(List<String> due, Instant now) {
        Session session = session();
        SMTPTransport transport = transport(session);
        try {
            for (String id : due) {
                if (!outbox.claim(id, now, Instant.now().plus(LEASE))) {
                    continue; // another node has it
                }
                Outbox.Outgoing outgoing;
                try {
                    outgoing = outbox.outgoing(id);
                } catch (RuntimeException unreadable) {
                    LOG.warn("E-mail {} could not be read to be sent", id, unreadable);
                    continue; // its lease runs out and it is tried again
                }
                try {
                    MimeMessage message = message(session, outgoing);
                    if (!transport.isConnected()) {
                        connect(transport);
                    }
                    transport.sendMessage(message, message.getAllRecipients());
                    outbox.sent(id, Instant.now());
                    status = "UP";
                } catch (SMTPAddressFailedException | SMTPSendFailedException refused) {
                    boolean forGood = refused instanceof SMTPAddressFailedException
                            ? ((SMTPAddressFailedException) refused).getReturnCode() >= 500
                            : ((SMTPSendFailedException) refused).getReturnCode() >= 500;
                    failed(outgoing.email(), answer(refused), forGood);
                } catch (MessagingException | UnsupportedEncodingException notHandedOver) {
                    if (notHandedOver instanceof MailConnectException || notHandedOver instanceof javax.mail.AuthenticationFailedException) {
                        status = "DOWN";
                    }
                    failed(outgoing.email(), answer(notHandedOver), false);
                    close(transport);
                } catch (RuntimeException unexpected) {
                    LOG.warn("E-mail {} not sent", id, unexpected);
                    failed(outgoing.email(), unexpected.toString(), false);
                    close(transport);
                }
            }
        } finally {
            close(transport);
        }
    }

    private void failed(Email email, String answer, boolean forGood) {
        int tries = Math.max(1, email.attempts); // read after its claim counted this try
        boolean last = forGood || tries >= Math.max(1, config.maxAttempts());
        long wait = Math.min(Duration.ofHours(6).toSeconds(), Math.max(1, config.retrySeconds()) * (1L << Math.min(20, tries - 1)));
        outbox.failed(email.id, answer, last ? null : Instant.now().plusSeconds(wait));
        LOG.info("E-mail {} to {} {}: {}", email.id, email.to, last ? "failed" : "will be tried again in " + wait + " s", answer);
    }

    private static String answer(Exception e) {
        StringBuilder answer = new StringBuilder(String.valueOf(e.getMessage()).strip());
        for (Throwable cause = e.getCause(); cause != null && answer.length() < 1500; cause = cause.getCause()) {
            if (cause.getMessage() != null && !answer.toString().contains(cause.getMessage())) {
                answer.append(": ").append(cause.getMessage().strip());
            }
        }
        return answer.toString();
    }

    private MimeMessage message(Session session, Outbox.Outgoing outgoing) throws MessagingException, UnsupportedEncodingException {
        Email e = outgoing.email();
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(ConfigText.of(config.from()).isBlank() ? "tessera@" + host : ConfigText.of(config.from()).strip()));
        m.setRecipients(Message.RecipientType.TO, parse(e.to));
        if (!e.cc.isEmpty()) {
            m.setRecipients(Message.RecipientType.CC, parse(e.cc));
        }
        m.setSubject(e.subject, "UTF-8");
        m.setSentDate(new Date());
        String body = e.body;
        if (outgoing.unsubscribeToken() != null) {
            m.setHeader("List-Unsubscribe", "<" + unsubscribeLink(config, outgoing.unsubscribeToken()) + ">");
            m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (outgoing.files().isEmpty()) {
            m.setText(body, "UTF-8");
        } else {
            MimeMultipart parts = new MimeMultipart("mixed");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, "UTF-8");
            parts.addBodyPart(text);
            for (OutgoingEmail.Attachment file : outgoing.files()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content, file.contentType)));
                part.setFileName(MimeUtility.encodeText(file.fileName, "UTF-8", null));
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                parts.addBodyPart(part);
            }
            m.setContent(parts);
        }
        m.saveChanges();
        // the outbox id names the message, so a message handed over twice (a crash right after) is recognisably one
        m.setHeader("Message-ID", "<" + e.id + "@tessera-crm>");
        return m;
    }

    static String unsubscribeLink(Config config, String token) {
        return config.publicUrl().replaceAll("/+$", "") + "/api/v1/unsubscribe/" + token;
    }

    private static InternetAddress[] parse(List<String> addresses) throws MessagingException, UnsupportedEncodingException {
        InternetAddress[] parsed = new InternetAddress[addresses.size()];
        for (int i = 0; i < parsed.length; i++) {
            InternetAddress a = new InternetAddress(addresses.get(i), false);
            // a name with Vietnamese letters is sent encoded
            parsed[i] = a.getPersonal() == null ? a : new InternetAddress(a.getAddress(), a.getPersonal(), "UTF-8");
        }
        return parsed;
    }

    private Session session() {
        Properties p = new Properties();
        String security = config.security().strip().toUpperCase(java.util.Locale.ROOT);
        String protocol = security.equals("TLS") ? "smtps" : "smtp";
        String timeout = String.valueOf(Math.max(1, config.timeoutSeconds()) * 1000);
        p.put("mail." + protocol + ".host", host);
        p.put("mail." + protocol + ".port", String.valueOf(config.port()));
        p.put("mail." + protocol + ".connectiontimeout", timeout);
        p.put("mail." + protocol + ".timeout", timeout);
        p.put("mail." + protocol + ".writetimeout", timeout);
        p.put("mail." + protocol + ".auth", String.valueOf(!config.user().isBlank()));
        if (security.equals("STARTTLS")) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (!security.equals("NONE")) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return Session.getInstance(p);
    }

    private SMTPTransport transport(Session session) {
        String security = config.security().strip().toUpperCase(java.util.Locale.ROOT);
        boolean tls = security.equals("TLS");
        javax.mail.URLName server = new javax.mail.URLName(tls ? "smtps" : "smtp", host, config.port(), null, null, null);
        return tls ? new com.sun.mail.smtp.SMTPSSLTransport(session, server) : new SMTPTransport(session, server);
    }

    private void connect(Transport transport) throws MessagingException {
        transport.connect(host, config.port(), config.user().isBlank() ? null : config.user(),
                config.user().isBlank() ? null : ConfigText.of(config.password()));
    }

    private static void close(Transport transport) {
        try {
            if (transport.isConnected()) {
                transport.close();
            }
        } catch (MessagingException ignored) {
            // the connection is gone either way
        }
    }

    @FunctionalInterface
    private interface MailWork<T> {
        T run();
    }

    /**
     * Jakarta Mail finds its providers and the handlers of each content type (META-INF/mailcap) through
     * the thread's context class loader: here, the mail bundle's own.
     */
    private static <T> T withMailClassLoader(MailWork<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(SMTPTransport.class.getClassLoader());
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
