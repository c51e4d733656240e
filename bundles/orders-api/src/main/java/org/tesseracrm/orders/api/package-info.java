/** The Orders module's public API: sales orders, purchase orders, their statuses and event topics. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tesseracrm.orders.api;
