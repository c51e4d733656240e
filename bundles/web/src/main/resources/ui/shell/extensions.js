/* What bundles contribute to the web UI (UiContribution scripts): the named extension points, the
   versioned API their scripts are given, and the loading of those scripts. */
import { addWords } from "./words.js";

export const detailActions = {};
export const recordPanels = {};
export const listActions = {};
export const lineHelpers = {};
export const timelineComposers = {};
export const dashboardCards = {};
export const dashboardCharts = {};
export const pages = {};
export const adminPages = {};
const loadedScripts = {};

/**
 * Where contributed screens plug in, each named once. A script adds to one with
 * {@code T.extend(point, ...)}:
 *   "strings"           ({en: {key: text}, vi: {...}}): words its screens show, by key, for t(key)
 *   "menu"              (id, {module?, label: {en, vi}, writes?, render(path, note)}): a page in the navigation while
 *                       {@code module} is installed (without one, a page of the platform's own, for everyone signed in)
 *   "admin.page"        (id, {label: {en, vi}, render(path, note)}): a page of the administrator's menu
 *   "record.action"     (collection, {id, label: {en, vi}, shown(record)?, writes?, run(record)}): a button on the record's
 *                       page; one that {@code writes} is offered only to those who may change the collection's records
 *   "record.panel"      (collection, {id, label: {en, vi}, shown(record)?, render(record, box)}): a panel on the record's
 *                       page, below its fields; {@code render} fills {@code box} (a card with the label as its heading)
 *   "list.action"       (collection, {id, writes?, render(selectedIds(), done(message))}): a control of the list's
 *                       bar for the selected records; {@code selectedIds()} gives their ids when it runs
 *   "timeline.composer" (id, {module, label: {en, vi}, render(module, record, done(message), cancel)}): a way to add to
 *                       every record's timeline while {@code module} is installed and writable
 *   "dashboard.card"    (id, {module, render(view)}): a card at the top of the dashboard while {@code module} is installed
 *   "dashboard.chart"   (id, {module, render(view)}): a chart on the dashboard (e.g. a barChart) while {@code module} is installed;
 *                       {@code view} is {mine, owner}: on "my" dashboard owner is "me", to filter the figures by (assignedTo=me)
 *   "document.line"     (id, {module, attach(row)}): helps fill each line of a quote, order or invoice while {@code module}
 *                       is installed; its name input ([name=line-name]) links the line to a record by data-product
 *                       (the line's productId) and data-product-name (the name it was linked with)
 */
/** Adds {@code item} to the collection's list in {@code registry}, replacing one with the same id (a script loaded again). */
function keyed(registry, collection, item) {
  var list = registry[collection] = (registry[collection] || []).filter(function (x) { return x.id !== item.id; });
  list.push(item);
}

const extensionPoints = {
  "strings": addWords,
  "menu": function (id, page) { pages[id] = page; },
  "admin.page": function (id, page) { adminPages[id] = page; },
  "record.action": function (collection, action) { keyed(detailActions, collection, action); },
  "record.panel": function (collection, panel) { keyed(recordPanels, collection, panel); },
  "list.action": function (collection, action) { keyed(listActions, collection, action); },
  "timeline.composer": function (id, composer) { composer.id = id; timelineComposers[id] = composer; },
  "dashboard.card": function (id, card) { dashboardCards[id] = card; },
  "dashboard.chart": function (id, chart) { dashboardCharts[id] = chart; },
  "document.line": function (id, helper) { lineHelpers[id] = helper; }
};


const apiVersions = {};

/**
 * Offers version {@code version} of the API to contributed scripts: the shell's {@code helpers} and
 * {@code extend(point, ...)}, frozen.
 */
export function offerApi(version, helpers) {
  apiVersions[version] = Object.freeze(Object.assign({
    version: version,
    extend: function (point, a, b) {
      var add = extensionPoints[point];
      if (!add) { throw new Error("No extension point '" + point + "'; there are: " + Object.keys(extensionPoints).join(", ")); }
      add(a, b);
    }
  }, helpers));
}

/**
 * A contributed script's entry: {@code Tessera.use(1, function (T) { T.extend("record.action", "leads", {...}); })}.
 * A script written for a version this shell does not offer is not run (the console says so) rather than
 * breaking every screen.
 */
window.Tessera = Object.freeze({
  get versions() { return Object.keys(apiVersions).map(Number); },
  use: function (version, contribute) {
    var api = apiVersions[version];
    if (!api) {
      console.error("Tessera UI API version " + version + " is not offered here (offered: " + Object.keys(apiVersions).join(", ")
        + "); the script asking for it was not run");
      return;
    }
    contribute(api);
  }
});
/** The contributed scripts not loaded yet, loaded (a module's script stays loaded while the page lives). */
export function loadContributions(items) {
  return Promise.all(items.filter(function (c) { return !loadedScripts[c.script]; }).map(function (c) {
    loadedScripts[c.script] = true;
    return new Promise(function (resolve) {
      var tag = document.createElement("script");
      tag.src = c.script;
      tag.onload = resolve;
      tag.onerror = resolve;
      document.body.appendChild(tag);
    });
  }));
}
