/** The Campaigns module's public API: campaigns, their members, offers (Chào hàng), responses and results. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.tesseracrm.campaigns.api;
