/* Inline edit on a record's page: one field changed in place with the record's ETag. The page says how to show
   the record again ({@code ui.reload(note)}) and a failure ({@code ui.showProblem(err)}). */
import { state } from "./state.js";
import { t } from "./words.js";
import { h } from "./dom.js";
import { call } from "./api.js";
import { fieldLabel, display, problemText } from "./values.js";
import { input, addressInputs, valueOf } from "./fields.js";

/** A field changed in place: the record's own writable fields, not its lines, totals or status (its path moves that). */
export function inlineEditable(f) {
  return !f.readOnly && ["LINE_ITEMS", "TOTALS", "PARTICIPANTS"].indexOf(f.type) < 0
    && !(f.type === "ENUM" && (f.name === "status" || f.name === "stage"));
}

/** The pencil beside a field's value (drawn by the style sheet, so the value's text stays the value). */
export function inlineEditButton(m, rec, f, dd, ui) {
  return h("button", { type: "button", class: "inline-edit", id: "edit-" + f.name,
    "aria-label": t("editField").replace("{0}", fieldLabel(f.name)), title: t("editField").replace("{0}", fieldLabel(f.name)),
    onclick: function () { dd.replaceChildren(inlineEditor(m, rec, f, ui)); } });
}

/**
 * The editor of one field: saved with the version the page was read at, so a change someone made meanwhile is
 * shown (who, when, their value) instead of overwritten; saving again after seeing it is a deliberate overwrite.
 * A refused value stays typed, its reason beside it; Escape or Cancel puts the page back.
 */
function inlineEditor(m, rec, f, ui) {
  var version = rec.version;
  var status = h("div", { class: "inline-status", id: "inline-status-" + f.name, role: "alert" });
  var control = f.type === "ADDRESS" ? addressInputs(f, rec[f.name]) : input(f, rec[f.name]);
  var typed = control.matches("input, select, textarea") ? control : control.querySelector("input"); // a moment is a day and a time
  if (f.type !== "ADDRESS") { typed.setAttribute("aria-label", fieldLabel(f.name)); typed.setAttribute("aria-describedby", status.id); }
  var form = h("form", { class: "inline-editor", id: "inline-" + f.name, novalidate: true, onsubmit: function (e) {
    e.preventDefault();
    var body = {};
    body[f.name] = valueOf(form, f);
    call("PATCH", "/" + m.collection + "/" + rec.id, body, version).then(function () { ui.reload(t("saved")); })
      .catch(function (err) {
        if (err.status === 401) { return; }
        if (err.status === 412) { return conflict(); }
        var mine = ((err.body && err.body.errors) || []).filter(function (x) { return x.field === f.name || x.field.indexOf(f.name + ".") === 0; });
        if (f.type !== "ADDRESS") { typed.setAttribute("aria-invalid", "true"); }
        status.replaceChildren(h("p", { class: "error" }, mine.length ? mine.map(function (x) { return x.message; }).join("; ") : problemText(err)));
      });
  }, onkeydown: function (e) { if (e.key === "Escape") { ui.reload(); } } },
    control,
    h("button", { type: "submit", class: "primary", id: "save-" + f.name }, t("save")),
    h("button", { type: "button", id: "cancel-" + f.name, onclick: function () { ui.reload(); } }, t("cancel")),
    status);
  function conflict() {
    call("GET", "/" + m.collection + "/" + rec.id).then(function (r) {
      version = r.body.version; // the next Save overwrites what the user has now seen
      status.replaceChildren(h("p", { class: "message bad", id: "inline-conflict-" + f.name },
        t("changedMeanwhile").replace("{0}", r.body.updatedBy || t("system"))
          .replace("{1}", new Date(r.body.updatedAt).toLocaleString(state.lang === "vi" ? "vi-VN" : "en-GB"))
          .replace("{2}", display(f, r.body[f.name], r.body) || t("none")), " ",
        h("button", { type: "button", id: "take-theirs-" + f.name, onclick: function () { ui.reload(); } }, t("takeTheirs"))));
    }).catch(ui.showProblem);
  }
  setTimeout(function () { var first = form.querySelector("input, select, textarea"); if (first) { first.focus(); } }, 0);
  return form;
}
