/**
 * REST support every module's resources use: the shared JSON mapper, strict reading of record
 * bodies and merge patches, the generic record resource with lists, ETags and restore, and the
 * roles' access to modules.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package org.tesseracrm.platform.rest;
