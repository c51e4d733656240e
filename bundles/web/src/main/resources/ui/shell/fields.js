/* How a record's fields are typed: the control for each type (a user among the users, a day as people write it,
   a record of the referenced module, an address in parts) and the value read back from a form. */
import { state } from "./state.js";
import { t } from "./words.js";
import { h } from "./dom.js";
import { call } from "./api.js";
import { fieldLabel, moduleOf, recordLabel, typedNumber, typedDate, dayAsTyped } from "./values.js";

/** The active users, asked once a list is drawn (for pickers). */
let usersAsked = null;
export function usersOnce() {
  if (!usersAsked) {
    usersAsked = call("GET", "/users").then(function (r) { return r.body.items; }).catch(function () { return []; });
    setTimeout(function () { usersAsked = null; }, 60000);
  }
  return usersAsked;
}

/** A choice among the latest records of the referenced module, or a plain id when it is not installed. */
function referencePicker(f, value) {
  var id = "field-" + f.name;
  var select = h("select", { id: id, name: f.name }, h("option", { value: "" }, ""),
    value ? h("option", { value: value, selected: true }, value) : null);
  if (!moduleOf(f.references)) {
    return h("input", { id: id, name: f.name, value: value || "", placeholder: t("reference") });
  }
  call("GET", "/" + f.references + "?limit=100").then(function (r) {
    var chosen = select.value || value; // what the user picked meanwhile wins
    select.replaceChildren(h("option", { value: "" }, ""));
    r.body.items.forEach(function (x) {
      var label = recordLabel(x);
      select.appendChild(h("option", { value: x.id, selected: x.id === chosen }, x.number + (label ? " · " + label : "")));
    });
  }).catch(function () { return null; });
  return select;
}

export function input(f, value) {
  var id = "field-" + f.name;
  if (f.type === "REFERENCE") { return referencePicker(f, value); }
  if (f.type === "USER") { return userPicker(id, f.name, value); }
  if (f.type === "ENUM") {
    return h("select", { id: id, name: f.name }, h("option", { value: "" }, ""),
      f.values.filter(function (v) { return !v.retired || v.value === value; })
        .map(function (v) { return h("option", { value: v.value, selected: value === v.value }, v[state.lang] || v.en); }));
  }
  if (f.type === "MULTI_ENUM") {
    return h("select", { id: id, name: f.name, multiple: true, size: String(Math.min(6, f.values.length)) },
      f.values.filter(function (v) { return !v.retired || (value || []).indexOf(v.value) >= 0; })
        .map(function (v) { return h("option", { value: v.value, selected: (value || []).indexOf(v.value) >= 0 }, v[state.lang] || v.en); }));
  }
  if (f.type === "BOOLEAN") { return h("input", { id: id, name: f.name, type: "checkbox", checked: value === true }); }
  if (f.type === "TEXT") { return h("textarea", { id: id, name: f.name, rows: "3" }, value || ""); }
  if (f.type === "TAGS") {
    return h("input", { id: id, name: f.name, type: "text", value: (value || []).join(", "), placeholder: t("tagsHint") });
  }
  if (f.type === "DATE") { return dateInput(id, f.name, value); }
  var type = { EMAIL: "email", URL: "url", INTEGER: "number", DECIMAL: "text", MONEY: "text", PHONE: "tel" }[f.type] || "text";
  return h("input", { id: id, name: f.name, type: type, value: value === null || value === undefined ? "" : String(value),
    inputmode: f.type === "DECIMAL" || f.type === "MONEY" ? "decimal" : null, required: f.required, placeholder: f.type === "REFERENCE" ? t("reference") : null });
}

/** A day typed as people write it (dd/MM/yyyy, or ISO), whatever the browser's own language; read back by typedDate. */
export function dateInput(id, name, value) {
  return h("input", { id: id, name: name, type: "text", inputmode: "numeric", autocomplete: "off", value: dayAsTyped(value),
    placeholder: t("dayPattern") });
}

/** A field naming a user: a choice among the active users by their names (one no longer active stays while chosen). */
function userPicker(id, name, value) {
  var current = value ? h("option", { value: value, selected: true }, value) : null;
  var select = h("select", { id: id, name: name }, h("option", { value: "" }, t("nobody")), current);
  usersOnce().then(function (users) {
    users.forEach(function (u) {
      var label = u.displayName && u.displayName !== u.name ? u.displayName + " (" + u.name + ")" : u.name;
      if (u.name === value) { current.textContent = label; } else { select.appendChild(h("option", { value: u.name }, label)); }
    });
  });
  return select;
}

export const ADDRESS_PARTS = ["street", "city", "state", "postalCode", "country"];
/** An address as the form holds it, its parts in one order (null when all are empty), so two can be compared. */
export function addressOf(value) {
  var a = {};
  var any = false;
  ADDRESS_PARTS.forEach(function (p) { a[p] = value && value[p] ? String(value[p]) : null; any = any || !!a[p]; });
  return any ? a : null;
}
export function addressInputs(f, value) {
  var v = value || {};
  return h("fieldset", { class: "address", id: "field-" + f.name }, h("legend", {}, fieldLabel(f.name)),
    ADDRESS_PARTS.map(function (p) {
      var id = "field-" + f.name + "-" + p;
      return h("label", { for: id }, t("address." + p), h("input", { id: id, name: f.name + "." + p, value: v[p] || "",
        autocomplete: { street: "street-address", city: "address-level2", state: "address-level1", postalCode: "postal-code", country: "country-name" }[p] }));
    }));
}

export function valueOf(form, f) {
  if (f.type === "ADDRESS") {
    var typed = {};
    ADDRESS_PARTS.forEach(function (p) { var x = form.elements[f.name + "." + p]; typed[p] = x ? x.value.trim() : null; });
    return addressOf(typed);
  }
  var el = form.elements[f.name];
  if (!el) { return undefined; }
  if (f.type === "BOOLEAN") { return el.checked; }
  if (f.type === "MULTI_ENUM") {
    return Array.prototype.slice.call(el.selectedOptions).map(function (o) { return o.value; });
  }
  var v = el.value.trim();
  if (f.type === "TAGS") { return v.split(",").map(function (x) { return x.trim(); }).filter(Boolean); }
  if (v === "") { return null; }
  if (f.type === "INTEGER") { return parseInt(v, 10); }
  if (f.type === "DATE") { return typedDate(v) || v; } // not a day: sent as typed, the server says why
  if (f.type === "DECIMAL" || f.type === "MONEY") { var n = typedNumber(v); return n === null ? v : n; }
  return v;
}
