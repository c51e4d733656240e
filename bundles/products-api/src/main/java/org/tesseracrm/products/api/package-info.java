/** The Products module's public API: the catalogue, and the stock ledger other modules append to. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tesseracrm.products.api;
