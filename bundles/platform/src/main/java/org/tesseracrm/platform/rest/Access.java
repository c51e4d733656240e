package org.tesseracrm.platform.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a resource method: the one declaration the platform's access check reads, from the
 * method JAX-RS matched (so no spelling of the path reaches a method unchecked). Every method of the
 * API declares it (an overriding method inherits the declaration of the method it overrides); a
 * method without one is refused to everyone. {@link Level#READ} and
 * {@link Level#WRITE} are relative to the collection of the {@link ModuleEndpoint} serving the
 * method; an operation that also makes records of another module names that module in
 * {@link #creates()}, e.g. a quote's invoice:
 *
 * <pre>
 * &#64;POST &#64;Path("{id}/invoice")
 * &#64;Access(value = Access.Level.WRITE, creates = "invoices")
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Access {
    Level value();

    /** Collections the operation creates records in besides its own: each needs write access too. */
    String[] creates() default {};

    /** What a caller must be. */
    enum Level {
        /** Anyone, without signing in (health, branding, signing in). */
        PUBLIC,
        /** Any signed-in user, whatever their roles (their own session, tokens, the module list). */
        SIGNED_IN,
        /** Read access to the endpoint's module ({@link ModuleAccess#mayRead}). */
        READ,
        /** Write access to the endpoint's module ({@link ModuleAccess#mayWrite}). */
        WRITE,
        /** The {@code admin} role. */
        ADMIN
    }
}
