package org.tesseracrm.platform.internal.security;

import java.util.List;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.Encryption;
import org.apache.karaf.jaas.modules.encryption.EncryptionSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Password hashing as Karaf's JAAS is configured to do it ({@code etc/org.apache.karaf.jaas.cfg}:
 * bcrypt through spring-security-crypto, with {@code {CRYPT}} markers), so a hash taken over from
 * an older release's {@code users.properties} checks the same as one made here.
 */
@Component(service = Passwords.class)
public class Passwords {
    private final List<JaasRealm> realms;
    private volatile EncryptionSupport support;

    @Activate
    public Passwords(
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY) List<JaasRealm> realms) {
        this.realms = realms;
    }

    /** The stored form of {@code plain}; fails while the encryption service is not there yet. */
    public String hash(String plain) {
        EncryptionSupport s = support();
        Encryption encryption = s.getEncryption();
        if (encryption == null) {
            throw new IllegalStateException("Password encryption is disabled in etc/org.apache.karaf.jaas.cfg;"
                    + " Tessera does not store passwords in clear");
        }
        return nullToEmpty(s.getEncryptionPrefix()) + encryption.encryptPassword(plain) + nullToEmpty(s.getEncryptionSuffix());
    }

    /** Whether passwords can be hashed: Karaf's encryption service is there (asked without hashing anything). */
    public boolean ready() {
        try {
            return support().getEncryption() != null;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }

    /** Whether {@code plain} is the password {@code stored} was made from. */
    public boolean matches(String plain, String stored) {
        if (plain == null || stored == null) {
            return false;
        }
        EncryptionSupport s = support();
        Encryption encryption = s.getEncryption();
        String prefix = nullToEmpty(s.getEncryptionPrefix());
        String suffix = nullToEmpty(s.getEncryptionSuffix());
        boolean marked = !prefix.isEmpty() && stored.startsWith(prefix) && stored.endsWith(suffix)
                && stored.length() >= prefix.length() + suffix.length();
        if (encryption == null || !marked) {
            return false; // never compared in clear: a password is stored hashed or not at all
        }
        return encryption.checkPassword(plain, stored.substring(prefix.length(), stored.length() - suffix.length()));
    }

    /** Whether {@code stored} is already a hash (a line of users.properties Karaf has encrypted). */
    public boolean isHash(String stored) {
        String prefix = nullToEmpty(support().getEncryptionPrefix());
        return !prefix.isEmpty() && stored.startsWith(prefix);
    }

    private EncryptionSupport support() {
        EncryptionSupport s = support;
        if (s == null) {
            s = new EncryptionSupport(karafOptions());
            s.getEncryption(); // reads prefix and suffix too
            support = s;
        }
        return s;
    }

    /** The options Karaf's own realm gives its login modules: the encryption settings and its bundle context. */
    private Map<String, ?> karafOptions() {
        for (JaasRealm realm : realms) {
            if (!Authenticator.REALM.equals(realm.getName()) || realm.getRank() >= ThrottledRealm.RANK) {
                continue;
            }
            for (AppConfigurationEntry entry : realm.getEntries()) {
                if (entry.getOptions().containsKey("encryption.enabled")) {
                    return entry.getOptions();
                }
            }
        }
        throw new IllegalStateException("Karaf's JAAS realm with its encryption settings is not there");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
