/**
 * REST support every module's resources use: the shared JSON mapper, strict reading of record
 * bodies and merge patches, and the generic record resource with lists, ETags and restore.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.tesseracrm.platform.rest;
