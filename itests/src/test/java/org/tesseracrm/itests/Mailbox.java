package org.tesseracrm.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import javax.mail.Address;
import javax.mail.BodyPart;
import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.URLName;
import javax.mail.internet.MimeUtility;

import com.sun.mail.imap.IMAPStore;

/** What arrived at the test mail server for one address, read over IMAP as a mail reader does. */
public final class Mailbox {
    static final String IMAP_PORT = "tessera.test.imap.port";

    /** One message as its reader sees it. */
    public static final class Mail {
        public String subject;
        public String from;
        public List<String> to = new ArrayList<>();
        public String text = "";
        public Map<String, byte[]> files = new LinkedHashMap<>();
        public Map<String, String> headers = new LinkedHashMap<>();

        @Override
        public String toString() {
            return subject + " → " + to + " " + files.keySet();
        }
    }

    private Mailbox() {
    }

    /** The messages for {@code address} now. */
    public static List<Mail> read(String address) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // Jakarta Mail finds its content handlers through the context class loader
        thread.setContextClassLoader(IMAPStore.class.getClassLoader());
        IMAPStore store = new IMAPStore(Session.getInstance(new Properties()),
                new URLName("imap", "127.0.0.1", Integer.getInteger(IMAP_PORT), null, address, address));
        try {
            store.connect("127.0.0.1", Integer.getInteger(IMAP_PORT), address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                mails.add(mail(m));
            }
            inbox.close(false);
            return mails;
        } catch (javax.mail.AuthenticationFailedException noMailYet) {
            return List.of(); // the server makes the mailbox when the first message arrives
        } catch (MessagingException | IOException e) {
            throw new AssertionError("Cannot read the mailbox of " + address, e);
        } finally {
            try {
                store.close();
            } catch (MessagingException ignored) {
                // closed either way
            }
            thread.setContextClassLoader(before);
        }
    }

    /** Waits up to {@code deadline} for {@code count} messages that match. */
    public static List<Mail> await(String address, Predicate<Mail> match, int count, Duration deadline) {
        return Await.until(deadline, () -> {
            List<Mail> found = new ArrayList<>(read(address));
            found.removeIf(match.negate());
            return found;
        }, found -> found.size() >= count);
    }

    private static Mail mail(Message m) throws MessagingException, IOException {
        Mail mail = new Mail();
        mail.subject = m.getSubject();
        mail.from = m.getFrom() == null ? null : MimeUtility.decodeText(m.getFrom()[0].toString());
        for (Address a : m.getAllRecipients()) {
            mail.to.add(a.toString());
        }
        java.util.Enumeration<javax.mail.Header> headers = m.getAllHeaders();
        while (headers.hasMoreElements()) {
            javax.mail.Header h = headers.nextElement();
            mail.headers.put(h.getName(), h.getValue());
        }
        collect(m, mail);
        return mail;
    }

    private static void collect(Part part, Mail mail) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart p = parts.getBodyPart(i);
                collect(p, mail);
            }
        } else if (part.getFileName() != null) {
            try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                in.transferTo(out);
                mail.files.put(MimeUtility.decodeText(part.getFileName()), out.toByteArray());
            }
        } else if (part.isMimeType("text/plain")) {
            mail.text += part.getContent().toString();
        }
    }
}
