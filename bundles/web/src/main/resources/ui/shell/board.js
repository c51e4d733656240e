/* A module's records as a board: a column per value of its status field, with each column's count (and
   total of its first money field), filtered by owner; a card moves by dragging it to another column or,
   from the keyboard, by its select and Move button, only along the steps the module allows. A step the
   server refuses for want of a field (a reason) asks for that field and tries again. */
import { state } from "./state.js";
import { t, number } from "./words.js";
import { h } from "./dom.js";
import { call } from "./api.js";
import { fieldLabel, enumLabel, display } from "./values.js";

const CARDS = 25;

/** The field a module's board is by: its status or stage with the steps its state machine allows; null when none. */
export function boardField(m) {
  return m.fields.filter(function (f) { return f.type === "ENUM" && f.filterable && !f.readOnly && f.steps && Object.keys(f.steps).length; })[0] || null;
}

/**
 * When the server refused a status step for want of another field (a reason: "disqualifyReason is required"),
 * asks the user for it: the field and its value to send with the step again; null when the user gave nothing;
 * undefined when the refusal is another one.
 */
export function askForWanted(m, statusField, err) {
  var wanted = err.status === 422 && err.body && (err.body.errors || []).filter(function (e) {
    return e.field !== statusField.name && m.fields.some(function (x) { return x.name === e.field && !x.readOnly; });
  })[0];
  if (!wanted) { return undefined; }
  var value = window.prompt(fieldLabel(wanted.field) + ": " + wanted.message);
  if (value === null || !value.trim()) { return null; }
  var more = {};
  more[wanted.field] = value.trim();
  return more;
}

/**
 * Shows the board of module {@code m} at {@code #/c/<collection>/board?owner=…}; {@code shell(content)} puts a
 * screen in place, {@code users()} gives the users to filter by, {@code label(record)} names a record.
 */
export function board(m, params, ui, note, problem) {
  var f = boardField(m);
  var owner = params.owner || "";
  var ownerField = m.fields.filter(function (x) { return x.name === "assignedTo"; })[0];
  var measure = m.fields.filter(function (x) { return x.type === "MONEY" && x.filterable; })[0];
  var filter = ownerField && owner ? "&assignedTo=" + encodeURIComponent(owner) : "";
  var writes = m.access !== "read";
  var columns = h("div", { class: "board", id: "board" });
  var ownerPick = ownerField ? h("select", { id: "board-owner", "aria-label": fieldLabel("assignedTo"), onchange: function () {
    location.hash = "#/c/" + m.collection + "/board" + (ownerPick.value ? "?owner=" + encodeURIComponent(ownerPick.value) : "");
  } }, h("option", { value: "" }, t("anyone")), h("option", { value: "me", selected: owner === "me" }, t("me"))) : null;
  if (ownerPick) {
    ui.users().then(function (users) {
      users.forEach(function (u) { ownerPick.appendChild(h("option", { value: u.name, selected: owner === u.name }, u.displayName || u.name)); });
    });
  }
  ui.shell([h("h1", {}, t("boardOf").replace("{0}", ui.moduleLabel(m))),
    note ? h("p", { class: "message good", role: "status" }, note) : null,
    problem ? h("p", { class: "message bad", role: "alert", id: "board-problem" }, problem) : null,
    h("div", { class: "actions toolbar" }, h("a", { href: "#/c/" + m.collection, id: "board-list" }, t("back")),
      ownerPick ? [h("label", { for: "board-owner" }, fieldLabel("assignedTo") + " "), ownerPick] : null),
    columns]);

  function again(message, refusal) { board(m, params, ui, message, refusal); }

  /** Moves a card; when the server wants another field for the step (a reason), asks for it and tries once more. */
  function move(record, target, extra) {
    if (target === record[f.name]) { return; }
    var change = Object.assign({}, extra || {});
    change[f.name] = target;
    call("PATCH", "/" + m.collection + "/" + record.id, change, record.version).then(function () { again(t("saved")); }).catch(function (err) {
      if (err.status === 401) { return; }
      var more = extra ? undefined : askForWanted(m, f, err);
      if (more) { move(record, target, more); return; }
      if (more === null) { return; } // asked why, and the user gave nothing: nothing moves
      again(null, (err.body && (err.body.detail || err.body.title)) || t("failed"));
    });
  }

  var totals = measure ? "&measure=" + measure.name : "";
  Promise.all([call("GET", "/" + m.collection + "/counts?by=" + f.name + totals + filter)].concat(f.values.map(function (v) {
    return call("GET", "/" + m.collection + "?limit=" + CARDS + "&" + f.name + "=" + encodeURIComponent(v.value) + filter);
  }))).then(function (answers) {
    var counts = {};
    answers[0].body.items.forEach(function (g) { counts[g.value] = g; });
    var byId = {};
    f.values.forEach(function (v, i) {
      var page = answers[i + 1].body;
      var group = counts[v.value] || { count: 0 };
      var column = h("section", { class: "column card", id: "column-" + v.value, "aria-label": enumLabel(f, v.value) },
        h("h2", {}, enumLabel(f, v.value) + " (", h("span", { class: "count", id: "count-" + v.value }, number(group.count)), ")"),
        measure && group.sum !== undefined && group.sum !== null ? h("p", { class: "muted total", id: "total-" + v.value },
          fieldLabel(measure.name) + ": " + display({ type: "DECIMAL" }, group.sum)) : null,
        page.items.map(function (x) {
          byId[x.id] = x;
          var next = f.steps[x[f.name]] || [];
          var select = h("select", { "aria-label": t("moveTo") + " " + x.number, id: "move-" + x.number },
            h("option", { value: x[f.name], selected: true }, enumLabel(f, x[f.name])),
            next.map(function (s) { return h("option", { value: s }, enumLabel(f, s)); }));
          var card = h("article", { class: "deal", id: "card-" + x.number, draggable: writes && next.length ? "true" : null },
            h("a", { href: "#/c/" + m.collection + "/" + x.id }, x.number + (ui.label(x) ? " · " + ui.label(x) : "")),
            ownerField && x.assignedTo ? h("div", { class: "muted" }, x.assignedTo) : null,
            writes && next.length ? h("div", { class: "move" }, select, h("button", { type: "button", id: "move-button-" + x.number,
              onclick: function () { move(x, select.value); } }, t("move"))) : null);
          card.addEventListener("dragstart", function (e) { e.dataTransfer.setData("text/plain", x.id); });
          return card;
        }),
        page.nextCursor ? h("a", { class: "all", href: "#/c/" + m.collection + "?" + f.name + "=" + encodeURIComponent(v.value)
          + (filter ? "&assignedTo=" + encodeURIComponent(owner) : "") }, t("showAll")) : null);
      if (writes) {
        column.addEventListener("dragover", function (e) { e.preventDefault(); });
        column.addEventListener("drop", function (e) {
          e.preventDefault();
          var x = byId[e.dataTransfer.getData("text/plain")];
          // only where the module lets it go from where it is
          if (x && (f.steps[x[f.name]] || []).indexOf(v.value) >= 0) { move(x, v.value); }
        });
      }
      columns.appendChild(column);
    });
  }).catch(function (err) { if (err.status !== 401) { again(null, (err.body && err.body.detail) || t("failed")); } });
}
