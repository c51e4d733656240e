package org.tesseracrm.platform.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's own screens for the web UI: a script the module serves from its own bundle (through
 * the HTTP whiteboard) and the shell loads after sign-in while the module is installed. The script
 * asks the shell for the version of its API it is written against and adds to its named extension
 * points, e.g. {@code Tessera.use(1, function (T) { T.extend("record.action", "leads", {id, label: {en, vi},
 * shown(record), run(record)}); })} (the points: strings, menu, admin.page, record.action, record.panel,
 * list.action, timeline.composer, dashboard.card, dashboard.chart, document.line; README, "Editions, modules in a running server").
 * Published as a whiteboard service; it comes and goes with the module.
 */
@ConsumerType
public interface UiContribution {

    /** The module contributing, e.g. {@code leads}. */
    String module();

    /** The script's path on this server, e.g. {@code /ui/modules/leads/leads.js}. */
    String script();
}
