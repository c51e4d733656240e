/**
 * Documents that leave the building as PDF: a template (FreeMarker, replaceable by a file in
 * {@code etc/tessera/templates}) filled with a model and rendered with an embedded font that has
 * every Vietnamese letter.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tesseracrm.printing.api;
