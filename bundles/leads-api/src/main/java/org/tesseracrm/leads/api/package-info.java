/** The Leads module's public API: the lead record, its funnel statuses, touches and the service. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.tesseracrm.leads.api;
