/* How values are named and shown in the chosen language, and read back as people type them. */
import { state } from "./state.js";
import { t } from "./words.js";

/* Labels come from the server: each module declares its fields' labels, the platform those many modules share. */
export function fieldLabel(name) {
  var label = state.fieldLabels[name];
  if (label) { return label[state.lang] || label.en; }
  return name.replace(/([A-Z])/g, " $1").replace(/^./, function (c) { return c.toUpperCase(); });
}
export function enumLabel(field, value) {
  var found = (field.values || []).filter(function (v) { return v.value === value; })[0];
  return found ? (found[state.lang] || found.en) : value;
}
export function moduleLabel(m) { return m.label[state.lang] || m.label.en; }
/** The installed module serving a collection, or undefined. */
export function moduleOf(collection) { return state.modules.filter(function (m) { return m.collection === collection; })[0]; }
/** How a record is named in pickers and links: its name, subject or person's name. */
export function recordLabel(x) { return x.name || x.subject || [x.firstName, x.lastName].filter(Boolean).join(" ") || ""; }
/** The server's reason for a refusal, in the words it chose (the user's language when it has them). */
export function problemText(err) { return (err && err.body && (err.body.detail || err.body.title)) || t("failed"); }

/** An amount as people write it in the chosen language, with its currency when known: 1.500.000 ₫, ₫1,500,000, $1,234.50. */
export function money(value, currency) {
  var locale = state.lang === "vi" ? "vi-VN" : "en-US";
  if (currency) {
    try { return Number(value).toLocaleString(locale, { style: "currency", currency: currency }); } catch (e) { /* not an ISO code: plain */ }
  }
  return Number(value).toLocaleString(locale, { maximumFractionDigits: 4 });
}

/** A value as shown to people; {@code rec}, when given, lends an amount its currency. */
export function display(f, value, rec) {
  if (value === null || value === undefined || value === "") { return ""; }
  if (f.type === "ENUM") { return enumLabel(f, value); }
  if (f.type === "BOOLEAN") { return value ? t("yes") : t("no"); }
  if (f.type === "ADDRESS") { return ["street", "city", "state", "postalCode", "country"].map(function (k) { return value[k]; }).filter(Boolean).join(", "); }
  if (f.type === "LINE_ITEMS") { return value.length + " × " + t("lines").toLowerCase(); }
  if (f.type === "TOTALS") { return t("grandTotal") + ": " + money(value.grandTotal, rec && rec.currency); }
  if (f.type === "TAGS") { return value.join(", "); }
  if (f.type === "PARTICIPANTS") { return value.map(function (a) { return a.label || a.number || a.id; }).join(", "); }
  if (f.type === "MULTI_ENUM") { return value.map(function (v) { return enumLabel(f, v); }).join(", "); }
  if (f.type === "MONEY" && rec && rec.currency) { return money(value, rec.currency); }
  if (f.type === "MONEY" || f.type === "DECIMAL") { return Number(value).toLocaleString(state.lang === "vi" ? "vi-VN" : "en-US", { maximumFractionDigits: 4 }); }
  if (f.type === "DATE" && /^\d{4}-\d{2}-\d{2}$/.test(value)) { // a calendar day, not an instant: no time zone moves it
    var day = new Date(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
    return state.lang === "vi" ? day.toLocaleDateString("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric" })
      : day.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
  }
  if (f.type === "DATETIME") { return new Date(value).toLocaleString(state.lang === "vi" ? "vi-VN" : "en-GB"); }
  return String(value);
}

/**
 * A number as people type it: 1,500,000.50 in English, 1.500.000,50 in Vietnamese, or plain;
 * null when it is not one.
 */
export function typedNumber(text) {
  var v = String(text).replace(/\s/g, "");
  if (state.lang === "vi" ? /^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+,\d+$/.test(v) : false) { v = v.replace(/\./g, "").replace(",", "."); }
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(v)) { v = v.replace(/,/g, ""); }
  else if (/^-?\d{1,3}(\.\d{3}){2,}$/.test(v)) { v = v.replace(/\./g, ""); }
  return v !== "" && !isNaN(Number(v)) ? Number(v) : null;
}

export function twoDigits(n) { return (n < 10 ? "0" : "") + n; }

/**
 * A calendar day as people type it: dd/MM/yyyy (also with dots or dashes), as Vietnamese and British users write it,
 * or ISO yyyy-MM-dd; the ISO day, or null when it is not a day of the calendar (31/02/2026).
 */
export function typedDate(text) {
  var v = String(text).trim();
  var m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  var y, mo, d;
  if (m) { y = Number(m[1]); mo = Number(m[2]); d = Number(m[3]); }
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v))) { d = Number(m[1]); mo = Number(m[2]); y = Number(m[3]); }
  else { return null; }
  var day = new Date(y, mo - 1, d);
  if (day.getFullYear() !== y || day.getMonth() !== mo - 1 || day.getDate() !== d) { return null; }
  return y + "-" + twoDigits(mo) + "-" + twoDigits(d);
}

/** A time of day as people type it, 24-hour (9:00, 14.30, 14h30): "HH:mm", or null. */
export function typedTime(text) {
  var m = /^(\d{1,2})(?:[:.h](\d{2}))?$/.exec(String(text).trim());
  if (!m || Number(m[1]) > 23 || Number(m[2] || 0) > 59) { return null; }
  return twoDigits(Number(m[1])) + ":" + (m[2] || "00");
}

/** An ISO day as it is typed back: dd/MM/yyyy. */
export function dayAsTyped(iso) {
  var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  return m ? m[3] + "/" + m[2] + "/" + m[1] : iso || "";
}

export function fileSize(bytes) {
  if (bytes < 1024) { return bytes + " B"; }
  if (bytes < 1024 * 1024) { return (bytes / 1024).toFixed(1) + " KB"; }
  return (bytes / 1024 / 1024).toFixed(1) + " MB";
}
