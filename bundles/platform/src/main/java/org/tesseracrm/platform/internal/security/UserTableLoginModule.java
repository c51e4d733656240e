package org.tesseracrm.platform.internal.security;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Signs in the active users of Tessera's user table ({@link UserAccounts}), for the API and for
 * Karaf's shell alike: the user's principal and one role principal per role.
 */
public class UserTableLoginModule implements LoginModule {
    private Subject subject;
    private CallbackHandler callbacks;
    private BundleContext context;
    private final List<Principal> principals = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
        this.context = (BundleContext) options.get(BundleContext.class.getName());
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("user");
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            callbacks.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            return false; // not a password sign-in (an SSH key): the modules after this one decide
        }
        if (name.getName() == null || password.getPassword() == null) {
            return false;
        }
        Optional<Set<String>> roles;
        try {
            roles = withUsers(users -> users.verify(name.getName(), new String(password.getPassword())));
        } catch (RuntimeException unreadable) {
            throw new UsersUnreadable(unreadable);
        } finally {
            password.clearPassword();
        }
        if (roles.isEmpty()) {
            throw new javax.security.auth.login.FailedLoginException("Unknown user, deactivated user or wrong password");
        }
        principals.add(new UserPrincipal(name.getName()));
        roles.get().forEach(role -> principals.add(new RolePrincipal(role)));
        return true;
    }

    /**
     * The users could not be read (the database failed): not a wrong password, so not a 401 nor a
     * guess to count. JAAS passes a module's own LoginException on as it is, with this cause.
     */
    static final class UsersUnreadable extends LoginException {
        private static final long serialVersionUID = 1L;

        UsersUnreadable(RuntimeException cause) {
            super("Users cannot be read");
            initCause(cause);
        }
    }

    private Optional<Set<String>> withUsers(java.util.function.Function<UserAccounts, Optional<Set<String>>> work) {
        ServiceReference<UserAccounts> ref = context == null ? null : context.getServiceReference(UserAccounts.class);
        UserAccounts users = ref == null ? null : context.getService(ref);
        if (users == null) {
            return Optional.empty(); // starting or stopping: nobody signs in
        }
        try {
            return work.apply(users);
        } finally {
            context.ungetService(ref);
        }
    }

    @Override
    public boolean commit() {
        if (principals.isEmpty()) {
            return false;
        }
        subject.getPrincipals().addAll(principals);
        return true;
    }

    @Override
    public boolean abort() {
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        return true;
    }
}
