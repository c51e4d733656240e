package org.tesseracrm.platform.internal.security;

import java.io.IOException;
import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.tesseracrm.platform.api.ProblemException;

/**
 * The first module of the {@link ThrottledRealm}: refuses a sign-in while its user must wait after
 * failed ones, and counts how the sign-in ended (the modules after it decide that). It never lets
 * anyone in by itself. Sign-ins the API makes through {@link Authenticator} are counted there, with
 * the client's address; this module counts the others (Karaf's SSH shell) under the address "shell".
 */
public class ThrottledLoginModule implements LoginModule {
    static final String SHELL = "shell";

    private CallbackHandler callbacks;
    private SignInThrottle throttle;
    private String user;

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.callbacks = callbackHandler;
    }

    @Override
    public boolean login() throws LoginException {
        throttle = SignInThrottle.active();
        if (throttle == null || SignInThrottle.countedByCaller() || callbacks == null) {
            return false;
        }
        NameCallback name = new NameCallback("user");
        try {
            callbacks.handle(new Callback[] {name});
        } catch (IOException | UnsupportedCallbackException e) {
            return false;
        }
        if (name.getName() == null) {
            return false;
        }
        try {
            throttle.check(name.getName(), SHELL);
        } catch (ProblemException tooMany) {
            throw new FailedLoginException(tooMany.detail());
        }
        user = name.getName();
        return false;
    }

    @Override
    public boolean commit() {
        if (user != null) {
            throttle.succeeded(user, SHELL, "ssh");
        }
        return false;
    }

    @Override
    public boolean abort() {
        if (user != null) {
            throttle.failed(user, SHELL, "ssh");
        }
        return false;
    }

    @Override
    public boolean logout() {
        return false;
    }
}
