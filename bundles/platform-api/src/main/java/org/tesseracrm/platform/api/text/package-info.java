/** Accent- and case-insensitive text folding for search (Vietnamese first). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tesseracrm.platform.api.text;
