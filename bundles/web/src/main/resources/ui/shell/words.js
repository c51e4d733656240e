/* The UI's words (i18n.js, and what contributed screens add) and numbers, in the chosen language. */
import { state } from "./state.js";

const I18N = window.TESSERA_I18N;

export function t(key) { return (I18N[state.lang] || I18N.en)[key] || I18N.en[key] || key; }

/** Words a contributed screen brings: {en: {key: text}, vi: {...}}. */
export function addWords(strings) {
  Object.keys(strings).forEach(function (lang) { Object.keys(strings[lang]).forEach(function (k) { I18N[lang][k] = strings[lang][k]; }); });
}

export function number(v) { return Number(v).toLocaleString(state.lang === "vi" ? "vi-VN" : "en-US"); }
