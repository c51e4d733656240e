/* Builds elements without innerHTML, so data from the server is never parsed as markup. */
export function h(tag, attrs) {
  var el = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) {
    var v = attrs[k];
    if (v === null || v === undefined || v === false) { return; }
    if (k.indexOf("on") === 0) { el.addEventListener(k.substring(2), v); }
    else if (k === "text") { el.textContent = v; }
    else { el.setAttribute(k, v === true ? "" : v); }
  });
  for (var i = 2; i < arguments.length; i++) { append(el, arguments[i]); }
  return el;
}
export function append(el, child) {
  if (child === null || child === undefined || child === false) { return; }
  if (Array.isArray(child)) { child.forEach(function (c) { append(el, c); }); return; }
  el.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
}
