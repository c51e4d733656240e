/**
 * Services modules publish to the platform (their descriptors) and platform services modules use
 * (schema migrations).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package org.tesseracrm.platform.api.spi;
