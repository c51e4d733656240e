/**
 * The shared record model of Tessera CRM: the base DTO every module's records extend, the
 * list/query model, the problem exceptions every module throws, and the generic record service.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package org.tesseracrm.platform.api;
