/* Every call the UI makes goes through the public REST API, in the user's language. */
import { state } from "./state.js";

export const API = "/api/v1";

let signedOut = function () {};
/** What to do when the server answers that the session ended (401). */
export function onSignedOut(handler) { signedOut = handler; }

/**
 * One API call. version: the version of the record as read, sent as If-Match so a change never undoes another's;
 * tag: answer only if it changed since (If-None-Match), a 304 having no body.
 */
export function call(method, path, body, version, tag) {
  var init = { method: method, credentials: "same-origin", headers: { "X-Requested-With": "fetch", "Accept": "application/json", "Accept-Language": state.lang } };
  if (body !== undefined) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
  if (version !== undefined && version !== null) { init.headers["If-Match"] = "\"" + version + "\""; }
  if (tag) { init.headers["If-None-Match"] = tag; }
  return send(API + path, init, method === "GET" ? COME_BACK_TRIES : 0).then(function (r) {
    if (r.status === 204 || r.status === 304) { return { status: r.status, body: null }; }
    return r.text().then(function (text) {
      var json = null;
      try { json = text ? JSON.parse(text) : null; } catch (e) { json = { detail: text }; }
      if (r.status === 401 && path !== "/session") { signedOut(); throw { status: 401, body: json }; }
      if (r.status >= 400) { throw { status: r.status, body: json }; }
      return { status: r.status, body: json, tag: r.headers.get("ETag") };
    });
  });
}

/** How often a read the server answers "come back" (503 with Retry-After: starting, stopping) is sent again. */
var COME_BACK_TRIES = 60;

/** fetch, sending a read again after the server's Retry-After while it is starting (nothing was done). */
function send(url, init, tries) {
  return fetch(url, init).then(function (r) {
    var after = r.status === 503 ? parseInt(r.headers.get("Retry-After"), 10) : NaN;
    if (isNaN(after) || tries <= 0) { return r; }
    return new Promise(function (resolve) { setTimeout(resolve, Math.min(after, 10) * 1000); })
      .then(function () { return send(url, init, tries - 1); });
  });
}

/** A file sent as the browser's multipart form (part "file"), under the same rules as every other call. */
export function upload(path, file, fields) {
  var form = new FormData();
  Object.keys(fields || {}).forEach(function (k) { form.append(k, fields[k]); });
  form.append("file", file, file.name);
  return fetch(API + path, { method: "POST", credentials: "same-origin", body: form,
    headers: { "X-Requested-With": "fetch", "Accept": "application/json", "Accept-Language": state.lang } }).then(function (r) {
    return r.text().then(function (text) {
      var json = null;
      try { json = text ? JSON.parse(text) : null; } catch (e) { json = { detail: text }; }
      if (r.status >= 400) { throw { status: r.status, body: json }; }
      return { status: r.status, body: json };
    });
  });
}
