/**
 * Record persistence every module builds on: the mapped superclass of record entities, the
 * generic JPA record service (CRUD, keyset lists, text search, optimistic locking, soft delete,
 * numbering, events) and its helpers. Module persistence units list {@link RecordEntity},
 * {@link EmbeddedAddress} and {@link InstantConverter} next to their own entities.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.2.0")
package org.tesseracrm.platform.persistence;
