/** The Invoices module's public API: invoices, their statuses and event topics. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tesseracrm.invoices.api;
