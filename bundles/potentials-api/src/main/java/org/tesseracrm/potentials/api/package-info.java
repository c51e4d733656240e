/** The Potentials module's public API: opportunities, their stages, history and pipeline. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.tesseracrm.potentials.api;
