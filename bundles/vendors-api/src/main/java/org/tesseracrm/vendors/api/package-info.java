/** The Vendors module's public API: suppliers of products. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tesseracrm.vendors.api;
