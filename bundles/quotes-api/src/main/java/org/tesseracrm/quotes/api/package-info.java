/** The Quotes module's public API: quotes for potentials, their stages and event topics. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tesseracrm.quotes.api;
