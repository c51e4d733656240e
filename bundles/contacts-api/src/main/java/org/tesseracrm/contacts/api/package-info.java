/** The Contacts module's public API: people, alone or at an account, and the service. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tesseracrm.contacts.api;
