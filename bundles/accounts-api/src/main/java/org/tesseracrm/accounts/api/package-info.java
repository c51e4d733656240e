/** The Accounts module's public API: organisations and individual customers, and the service. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tesseracrm.accounts.api;
