package org.tesseracrm.platform.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A module's operation that reads the list parameters from the query ({@code q}, {@code sort},
 * {@code limit}, {@code cursor}, {@code deleted} and a filter per filterable field) rather than
 * declaring each: the API description lists them from the module's fields.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ListParameters {
}
