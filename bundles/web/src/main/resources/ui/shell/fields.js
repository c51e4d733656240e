/* How a record's fields are typed: the control for each type (a user among the users, a day as people write it,
   a record of the referenced module, an address in parts) and the value read back from a form. */
import { state } from "./state.js";
import { t } from "./words.js";
import { h } from "./dom.js";
import { call } from "./api.js";
import { fieldLabel, moduleOf, recordLabel, typedNumber, typedDate, typedTime, dayAsTyped, twoDigits } from "./values.js";

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
  if (f.type === "DATETIME") { return momentInput(id, f.name, value); }
  var type = { EMAIL: "email", URL: "url", INTEGER: "number", DECIMAL: "text", MONEY: "text", PHONE: "tel" }[f.type] || "text";
  return h("input", { id: id, name: f.name, type: type, value: value === null || value === undefined ? "" : String(value),
    inputmode: f.type === "DECIMAL" || f.type === "MONEY" ? "decimal" : null, required: f.required, placeholder: f.type === "REFERENCE" ? t("reference") : null });
}

/** A day typed as people write it (dd/MM/yyyy, or ISO), whatever the browser's own language; read back by typedDate. */
export function dateInput(id, name, value) {
  return h("input", { id: id, name: name, type: "text", inputmode: "numeric", autocomplete: "off", value: dayAsTyped(value),
    placeholder: t("dayPattern") });
}


/**
 * A moment typed as people write it, whatever the browser's language: its day (dd/MM/yyyy, the input {@code id},
 * named {@code name}) and its time, 24-hour ({@code id}-time, named {@code name}.time), in the user's time zone.
 * {@code value} is an ISO instant or a Date; read back with momentOf.
 */
export function momentInput(id, name, value) {
  var at = value ? new Date(value) : null;
  var day = at ? at.getFullYear() + "-" + twoDigits(at.getMonth() + 1) + "-" + twoDigits(at.getDate()) : null;
  return h("span", { class: "moment" },
    h("input", { id: id, name: name, type: "text", inputmode: "numeric", autocomplete: "off", value: dayAsTyped(day), placeholder: t("dayPattern") }),
    h("input", { id: id + "-time", name: name + ".time", type: "text", inputmode: "numeric", autocomplete: "off", size: "5",
      value: at ? twoDigits(at.getHours()) + ":" + twoDigits(at.getMinutes()) : "", placeholder: t("timePattern"), "aria-label": t("timeOf") }));
}

/**
 * The instant a momentInput holds (ISO, UTC), null when both parts are empty, or what was typed when it is not a
 * moment (the server then says why).
 */
export function momentOf(form, name) {
  var dayText = form.elements[name] ? form.elements[name].value.trim() : "";
  var timeText = form.elements[name + ".time"] ? form.elements[name + ".time"].value.trim() : "";
  if (!dayText && !timeText) { return null; }
  var day = typedDate(dayText);
  var time = timeText ? typedTime(timeText) : "00:00";
  if (!day || !time) { return (dayText + " " + timeText).trim(); }
  var at = new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), Number(time.slice(0, 2)), Number(time.slice(3, 5)));
  return at.toISOString().replace(".000Z", "Z");
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
  if (f.type === "DATETIME") { return form.elements[f.name] ? momentOf(form, f.name) : undefined; }
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
