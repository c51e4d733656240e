/**
 * E-mail from the CRM: what a module asks to send ({@link OutgoingEmail}), the {@link Mailer} that
 * queues it in the database outbox and delivers it, and each message's state ({@link Email}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tesseracrm.platform.api.mail;
