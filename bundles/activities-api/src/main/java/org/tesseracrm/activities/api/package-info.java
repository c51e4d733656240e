/** The Activities module's public API: tasks, calls and meetings linked to records of any module. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tesseracrm.activities.api;
