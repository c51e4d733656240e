/**
 * Persistence every sales-document module builds on: the mapped superclasses of document and
 * line-item entities, their shared columns for migrations, their shared field descriptors, and the
 * generic document service (pricing, lines, status changes with their effects, conversions).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.tesseracrm.commerce.persistence;
