/**
 * Sales documents (quotes, sales and purchase orders, invoices): the shared document shape, line
 * items, totals, tax modes and the document engine that prices documents and moves their stock.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.tesseracrm.commerce.api;
