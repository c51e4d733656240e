package org.tesseracrm.platform.api.spi;

import java.util.Locale;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Prints records of some collections as files (the document modules' PDFs), so that the platform
 * can send a record's printout by e-mail without knowing the module.
 */
@ConsumerType
public interface Printouts {
    /** The collections this prints. */
    Set<String> collections();

    /** The record as the caller may see it, printed in {@code language}; not found when they may not. */
    Printout print(String collection, String id, Locale language);
}
