/** REST support of sales-document modules: the document resource with its body rules and conversion answers. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.tesseracrm.commerce.rest;
