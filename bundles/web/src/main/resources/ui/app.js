/* Tessera CRM web UI: one page, no build step. Screens are generated from /api/v1/modules, so the
   modules installed on the server decide what it shows; every call goes through the public REST API.
   The shell is made of ES modules (ui/shell/), loaded by the browser as they are. */
import { state } from "./shell/state.js";
import { t, number } from "./shell/words.js";
import { h } from "./shell/dom.js";
import { board, boardField, askForWanted } from "./shell/board.js";
import { API, call, upload, onSignedOut } from "./shell/api.js";
import { fieldLabel, enumLabel, moduleLabel, moduleOf, recordLabel, problemText, display, money, typedNumber, typedDate, fileSize } from "./shell/values.js";
import { usersOnce, input, dateInput, momentInput, momentOf, addressOf, addressInputs, valueOf } from "./shell/fields.js";
import { inlineEditable, inlineEditButton } from "./shell/inline.js";
import { detailActions, recordPanels, listActions, lineHelpers, timelineComposers, dashboardCards, dashboardCharts, pages, adminPages, offerApi, loadContributions }
  from "./shell/extensions.js";
import { barChart } from "./shell/charts.js";

(function () {
  "use strict";
  var app = document.getElementById("app");
  onSignedOut(function () { state.user = null; renderSignIn(); });

  /* Each navigation is a new view; an answer that arrives after the user moved on must not paint over the
     screen they are on now (a slow detail page replacing the form they started typing in). */
  var view = 0;
  function stillCurrent() { var mine = view; return function () { return mine === view; }; }

  /** What a notification says before its title; a kind whose module (and words) went away shows as its actor's name. */
  function noticeHeading(n) {
    var key = "notice." + n.kind, words = t(key);
    return (words === key ? "{0}:" : words).replace("{0}", n.actor || t("system"));
  }

  function setLanguage(lang) {
    state.lang = lang;
    localStorage.setItem("tessera.lang", lang);
    document.documentElement.lang = lang;
    state.typed = typedValues();
    route();
  }

  /** What the user typed on this screen (by field id), so redrawing it in another language keeps it. */
  function typedValues() {
    var main = document.getElementById("main");
    if (!main) { return null; }
    var values = {};
    main.querySelectorAll("input[id], select[id], textarea[id]").forEach(function (el) {
      values[el.id] = el.type === "checkbox" || el.type === "radio" ? { checked: el.checked }
        : el.multiple ? { selected: Array.prototype.filter.call(el.options, function (o) { return o.selected; }).map(function (o) { return o.value; }) }
        : { value: el.value };
    });
    return { hash: location.hash, values: values };
  }

  function restoreTyped(main) {
    var typed = state.typed;
    state.typed = null;
    if (!typed || typed.hash !== location.hash) { return; }
    Object.keys(typed.values).forEach(function (id) {
      var el = main.querySelector("#" + CSS.escape(id));
      var v = typed.values[id];
      if (!el) { return; }
      if ("checked" in v) { el.checked = v.checked; }
      else if (v.selected) { Array.prototype.forEach.call(el.options, function (o) { o.selected = v.selected.indexOf(o.value) >= 0; }); }
      else if (el.tagName === "SELECT" && !Array.prototype.some.call(el.options, function (o) { return o.value === v.value; })) {
        el.appendChild(h("option", { value: v.value, selected: true }, v.value)); // a picker whose choices are still loading
      } else { el.value = v.value; }
    });
  }
  function languageSwitch() {
    return h("label", { class: "lang" }, h("span", { class: "muted" }, t("language") + " "),
      h("select", { "aria-label": t("language"), id: "language", onchange: function (e) { setLanguage(e.target.value); } },
        h("option", { value: "en", selected: state.lang === "en" }, "English"),
        h("option", { value: "vi", selected: state.lang === "vi" }, "Tiếng Việt")));
  }
  function brand() {
    var b = state.branding || { productName: "Tessera CRM", logoUrl: API + "/branding/logo" };
    document.title = b.productName;
    return h("span", { class: "brand" }, h("img", { src: b.logoUrl, alt: "" }), h("span", { id: "product-name" }, b.productName));
  }

  function renderSignIn(problem, userName) {
    var form = h("form", { class: "card signin", id: "signin", onsubmit: function (e) {
      e.preventDefault();
      call("POST", "/session", { user: form.user.value, password: form.password.value })
        .then(function (r) { state.user = r.body; return start(); })
        .catch(function () { renderSignIn(t("badSignIn"), form.user.value); });
    } },
      brand(),
      problem ? h("p", { class: "message bad", role: "alert" }, problem) : null,
      field("user", t("user"), h("input", { id: "user", name: "user", autocomplete: "username", required: true, value: userName || null })),
      field("password", t("password"), h("input", { id: "password", name: "password", type: "password", autocomplete: "current-password", required: true })),
      h("div", { class: "actions" }, h("button", { class: "primary", type: "submit", id: "signin-button" }, t("signIn")), languageSwitch()));
    app.replaceChildren(form);
    (userName ? form.password : form.user).focus();
  }
  function field(id, label, input, error) {
    return h("div", { class: "field" }, h("label", { for: id }, label), input,
      error ? h("span", { class: "error", id: id + "-error" }, error) : null);
  }

  function shell(content) {
    var current = (location.hash.split("/")[2]) || "";
    var page = location.hash.indexOf("#/p/") === 0 ? location.hash.substring(4) : null;
    var nav = h("nav", { "aria-label": "Modules" }, state.modules.map(function (m) {
      return h("a", { href: "#/c/" + m.collection, id: "nav-" + m.collection, "aria-current": m.collection === current ? "page" : null }, moduleLabel(m));
    }), Object.keys(pages).filter(function (id) { return pageOpen(pages[id]); }).map(function (id) {
      return h("a", { href: "#/p/" + id, id: "nav-page-" + id, "aria-current": id === page ? "page" : null }, pages[id].label[state.lang] || pages[id].label.en);
    }), h("a", { href: "#/reports", id: "nav-reports", "aria-current": location.hash.indexOf("#/reports") === 0 ? "page" : null }, t("reports")),
    isAdmin() ? Object.keys(adminPages).map(function (id) {
      return h("a", { href: "#/admin/" + id, id: "nav-admin-" + id, class: "admin", "aria-current": location.hash === "#/admin/" + id ? "page" : null },
        adminPages[id].label[state.lang] || adminPages[id].label.en);
    }) : null);
    var main = h("main", { id: "main", tabindex: "-1" }, content);
    app.replaceChildren(
      h("a", { class: "skip-link", id: "skip-link", href: "#main", onclick: function (e) { e.preventDefault(); focusHeading(main); } }, t("skipToContent")),
      h("header", {}, brand(), globalSearch(), h("span", { class: "spacer" }), bell(), languageSwitch(),
        h("span", { class: "muted" }, state.user ? state.user.user : ""),
        h("button", { id: "signout", onclick: function () {
          // whoever signs in next starts at home, not on a page of the one who left (which they may not see)
          call("DELETE", "/session").then(function () { history.replaceState(null, "", "#/"); renderSignIn(); });
        } }, t("signOut"))),
      h("div", { class: "layout" }, nav, main));
    // a new screen is announced where it starts: its heading takes the focus (a form then moves it to its first field)
    document.documentElement.lang = state.lang;
    restoreTyped(main);
    var heading = main.querySelector("h1");
    document.title = (heading ? heading.textContent + " · " : "") + ((state.branding && state.branding.productName) || "Tessera CRM");
    focusHeading(main);
  }

  /** One box that searches every installed module the user may read ("/" puts the cursor in it). */
  function globalSearch() {
    var box = h("input", { type: "search", id: "global-search", name: "q", placeholder: t("searchEverywhere"), "aria-label": t("searchEverywhere"),
      value: location.hash.indexOf("#/search") === 0 ? decodeURIComponent((location.hash.split("q=")[1] || "").replace(/\+/g, " ")) : "" });
    return h("form", { role: "search", class: "global-search", onsubmit: function (e) {
      e.preventDefault();
      if (box.value.trim()) { location.hash = "#/search?q=" + encodeURIComponent(box.value.trim()); }
    } }, box);
  }

  /** What the global search found, by module, each a link to its record. */
  function searchResults(q) {
    var still = stillCurrent();
    var heading = h("h1", {}, t("search") + ": " + q);
    shell([heading, h("p", { class: "muted" }, t("loading"))]);
    call("GET", "/search?q=" + encodeURIComponent(q) + "&limit=10").then(function (r) {
      if (!still()) { return; }
      var byModule = {};
      r.body.items.forEach(function (x) { (byModule[x.collection] = byModule[x.collection] || []).push(x); });
      var sections = state.modules.filter(function (m) { return byModule[m.collection]; }).map(function (m) {
        return h("section", { class: "card", id: "found-" + m.collection }, h("h2", {}, moduleLabel(m) + " (" + byModule[m.collection].length + ")"),
          h("ul", {}, byModule[m.collection].map(function (x) {
            return h("li", {}, h("a", { href: "#/c/" + m.collection + "/" + x.id }, x.number + " · " + (x.label || "")));
          })),
          h("a", { href: listHash(m, { q: q }) }, t("allIn").replace("{0}", moduleLabel(m))));
      });
      shell([heading, sections.length ? sections : h("p", { id: "nothing-found" }, t("nothingFound"))]);
    }).catch(function (err) { if (still()) { shell([heading, h("p", { class: "error", role: "alert" }, problemText(err))]); } });
  }

  // "/" searches everywhere, "n" starts a new record of the list on screen (not while typing)
  document.addEventListener("keydown", function (e) {
    var typing = e.target && (/^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName) || e.target.isContentEditable);
    if (typing || e.ctrlKey || e.metaKey || e.altKey || !state.user) { return; }
    if (e.key === "/") {
      var box = document.getElementById("global-search");
      if (box) { e.preventDefault(); box.focus(); }
    } else if (e.key === "n") {
      var add = document.getElementById("new-record");
      if (add) { e.preventDefault(); add.click(); }
    }
  });

  function focusHeading(main) {
    var heading = main.querySelector("h1") || main;
    heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
  }

  /** The bell: how many notifications are unread, and the list of them (mentions, records assigned to you). */
  function bell() {
    var count = h("span", { class: "badge", id: "bell-count", hidden: true });
    var panel = h("div", { class: "card bell-panel", id: "bell-panel", hidden: true });
    var button = h("button", { id: "bell", "aria-expanded": "false", "aria-controls": "bell-panel", onclick: function () {
      var open = panel.hidden;
      panel.hidden = !open;
      button.setAttribute("aria-expanded", String(open));
      if (open) { fill(); }
    } }, t("notifications"), " ", count);
    function fill() {
      call("GET", "/notifications?limit=20").then(function (r) {
        panel.replaceChildren(h("div", { class: "actions" }, h("strong", {}, t("notifications")), h("span", { class: "spacer" }),
          h("button", { id: "bell-read-all", onclick: function () { call("POST", "/notifications/read-all").then(refresh); } }, t("markAllRead"))),
          r.body.items.length ? h("ul", { class: "bell-list" }, r.body.items.map(function (n) {
            return h("li", { class: n.readAt ? "read" : "unread" }, h("a", { href: n.collection ? "#/c/" + n.collection + "/" + n.recordId : "#/", onclick: function () {
              if (!n.readAt) { call("POST", "/notifications/" + n.id + "/read").catch(function () { return null; }); }
              panel.hidden = true;
            } }, h("strong", {}, noticeHeading(n)), " ", n.title),
              n.detail ? h("div", { class: "muted" }, n.detail) : null);
          })) : h("p", { class: "muted" }, t("noNotifications")));
      }).catch(function () { return null; });
    }
    function refresh() {
      call("GET", "/notifications?unread=true&limit=1").then(function (r) {
        count.textContent = String(r.body.unread);
        count.hidden = !r.body.unread;
        if (!panel.hidden) { fill(); }
      }).catch(function () { return null; });
    }
    refresh();
    return h("span", { class: "bell" }, button, panel);
  }

  function isAdmin() { return !!(state.user && state.user.roles && state.user.roles.indexOf("admin") >= 0); }


  /** Whether the user's roles let them change this module's records (the server says so in /modules). */
  function writable(m) { return m.access !== "read"; }

  /** A module's page is there while the module is installed; one that changes records only for those who may change them. */
  function pageOpen(page) {
    if (!page.module) { return true; } // a page of the platform's own, for everyone signed in
    var m = moduleOf(page.module);
    return !!m && (!page.writes || writable(m));
  }


  /** What a list shows beside the number: the record's name first, then where it stands and what it is worth. */
  var LIST_FIRST = ["name", "subject", "lastName", "firstName", "company", "status", "stage", "amount", "totals", "closeDate", "email", "phone"];
  function listColumns(m) {
    var byName = {};
    m.fields.forEach(function (f) { byName[f.name] = f; });
    var picked = LIST_FIRST.map(function (n) { return byName[n]; }).filter(Boolean);
    m.fields.forEach(function (f) {
      if (picked.indexOf(f) < 0 && !f.readOnly && ["TEXT", "ADDRESS", "LINE_ITEMS", "TOTALS", "REFERENCE", "PARTICIPANTS"].indexOf(f.type) < 0) { picked.push(f); }
    });
    return picked.slice(0, 4);
  }

  /** The list's URL: #/c/<collection>?field=value&sort=…&cols=…&view=… — a list is shareable as a link. */
  function listHash(m, params) {
    var query = Object.keys(params).filter(function (k) { return params[k]; })
      .map(function (k) { return encodeURIComponent(k) + "=" + encodeURIComponent(params[k]); });
    return "#/c/" + m.collection + (query.length ? "?" + query.join("&") : "");
  }
  /** Parameters of the list itself, not filters of its records. */
  var LIST_KEYS = ["q", "sort", "deleted", "view", "cols"];
  var PERIODS = ["today", "yesterday", "this_week", "last_week", "this_month", "last_month", "last_30_days", "this_quarter", "this_year"];

  /**
   * Importing a file into a module: upload it with the duplicate keys and policy, see the columns
   * matched to fields and what would happen to each row (a dry run), correct the matching, run it,
   * follow its progress, download the failed rows, undo it. The import has its URL.
   */
  function importScreen(m, id) {
    var still = stillCurrent();
    var candidates = m.fields.filter(function (f) { return !f.readOnly && ["LINE_ITEMS", "TOTALS", "PARTICIPANTS"].indexOf(f.type) < 0; });
    var keyable = candidates.filter(function (f) { return ["STRING", "EMAIL", "PHONE", "URL"].indexOf(f.type) >= 0 || f.custom; });
    function keysPicker(chosen) {
      return h("fieldset", { class: "choices", id: "import-keys" }, h("legend", {}, t("importKeys")), keyable.map(function (f) {
        return h("label", {}, h("input", { type: "checkbox", name: "key", value: f.name, checked: chosen.indexOf(f.name) >= 0 }), " " + fieldLabel(f.name));
      }));
    }
    function policyPicker(policy) {
      return h("label", { for: "import-policy" }, t("importPolicy") + " ", h("select", { id: "import-policy", name: "policy" },
        ["skip", "update", "create"].map(function (p) { return h("option", { value: p, selected: p === policy }, t("importPolicy." + p)); })));
    }
    function chosenKeys(form) {
      return Array.prototype.filter.call(form.querySelectorAll("[name=key]"), function (x) { return x.checked; }).map(function (x) { return x.value; });
    }
    var heading = h("h1", {}, t("import") + " · " + moduleLabel(m));
    if (!id) {
      var status = h("p", { class: "message", role: "status", id: "import-status" });
      var form = h("form", { id: "import-form", class: "card", onsubmit: function (e) {
        e.preventDefault();
        var file = form.elements.file.files[0];
        if (!file) { form.elements.file.focus(); return; }
        status.textContent = t("loading");
        upload("/imports", file, { collection: m.collection, dryRun: "true", keys: chosenKeys(form).join(","), policy: form.elements.policy.value })
          .then(function (r) {
            state.importPreview = { id: r.body.id, preview: r.body.preview };
            location.hash = "#/c/" + m.collection + "/import/" + r.body.id;
          })
          .catch(function (err) { status.textContent = problemText(err); });
      } },
        h("div", { class: "field" }, h("label", { for: "import-file" }, t("importFile")),
          h("input", { type: "file", id: "import-file", name: "file", accept: ".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })),
        keysPicker(keyable.filter(function (f) { return f.type === "EMAIL"; }).map(function (f) { return f.name; }).slice(0, 1)),
        policyPicker("skip"), status,
        h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", id: "import-check" }, t("importCheck")),
          h("a", { href: "#/c/" + m.collection }, t("cancel"))));
      shell([heading, h("p", { class: "muted" }, t("importHint")), form]);
      return;
    }
    call("GET", "/imports/" + id).then(function (r) {
      var known = state.importPreview && state.importPreview.id === id ? state.importPreview.preview : null;
      if (r.body.state === "PREVIEW" && !known) {
        // reloaded: the dry run is made again with the import's settings
        return call("PATCH", "/imports/" + id, r.body.settings).then(function (x) { if (still()) { show(x.body, x.body.preview); } });
      }
      if (still()) { show(r.body, known); }
    }).catch(function (err) { if (still()) { showProblem(err); } });
    function show(job, preview) {
      if (preview) { state.importPreview = { id: job.id, preview: preview }; }
      var status = h("p", { class: "message", role: "status", id: "import-status" });
      var parts = [heading, h("p", {}, job.fileName + " · ", h("strong", { id: "import-state" }, t("importState." + job.state)))];
      if (job.state === "PREVIEW") {
        var form = h("form", { id: "import-mapping", class: "card", onsubmit: function (e) {
          e.preventDefault();
          var mapping = {};
          job.headers.forEach(function (header, i) { mapping[header] = form.elements["map-" + i].value; });
          var settings = { mapping: mapping, keys: chosenKeys(form), policy: form.elements.policy.value };
          var run = e.submitter && e.submitter.id === "import-run";
          (run ? call("POST", "/imports/" + job.id + "/run", settings) : call("PATCH", "/imports/" + job.id, settings)).then(function (x) {
            if (run) { route(); } else { show(x.body, x.body.preview); }
          }).catch(function (err) { status.textContent = problemText(err); });
        } },
          h("h2", {}, t("importMapping")),
          h("table", { class: "lines" }, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("importColumn")), h("th", { scope: "col" }, t("importField")))),
            h("tbody", {}, job.headers.map(function (header, i) {
              return h("tr", {}, h("td", {}, h("label", { for: "map-" + i }, header)), h("td", {}, h("select", { id: "map-" + i, name: "map-" + i },
                h("option", { value: "" }, t("importSkipColumn")), candidates.map(function (f) {
                  return h("option", { value: f.name, selected: job.settings.mapping[header] === f.name }, fieldLabel(f.name));
                }))));
            }))),
          keysPicker(job.settings.keys), policyPicker(job.settings.policy),
          preview ? h("section", { id: "import-preview" }, h("h2", {}, t("importPreview").replace("{0}", preview.rows)),
            h("p", { id: "import-outcomes" }, Object.keys(preview.outcomes).map(function (k) { return t("importOutcome." + k) + ": " + preview.outcomes[k]; }).join(" · ")),
            h("table", { class: "lines" }, h("tbody", {}, preview.first.map(function (row) {
              return h("tr", { class: "outcome-" + row.outcome }, h("td", {}, String(row.row)), h("td", {}, t("importOutcome." + row.outcome)),
                h("td", {}, row.reason || Object.keys(row.values || {}).map(function (k) { return row.values[k]; }).join(" · ")));
            })))) : null,
          status,
          h("div", { class: "actions" }, h("button", { type: "submit", id: "import-recheck" }, t("importCheck")),
            h("button", { type: "submit", class: "primary", id: "import-run" }, t("importRun")),
            h("button", { type: "button", id: "import-cancel", onclick: function () {
              call("POST", "/imports/" + job.id + "/cancel").then(function () { location.hash = "#/c/" + m.collection; });
            } }, t("cancel"))));
        parts.push(form);
      } else {
        var total = state.importPreview && state.importPreview.id === job.id ? state.importPreview.preview.rows : null;
        parts.push(h("section", { class: "card", id: "import-progress" },
          job.state === "QUEUED" || job.state === "RUNNING" ? h("progress", { id: "import-bar", max: total || null, value: total ? job.rowsRead : null }) : null,
          h("dl", {}, ["rowsRead", "created", "updated", "skipped", "failed"].map(function (k) {
            return [h("dt", {}, t("importCount." + k)), h("dd", { id: "import-" + k }, String(job[k]))];
          }), job.rate ? [h("dt", {}, t("importRate")), h("dd", {}, String(job.rate))] : null),
          job.error ? h("p", { class: "message bad" }, job.error) : null,
          h("div", { class: "actions" },
            job.failed > 0 ? h("a", { class: "button", id: "import-failed-rows", href: API + "/imports/" + job.id + "/failed-rows", download: "" }, t("importFailedRows")) : null,
            ["DONE", "CANCELLED", "INTERRUPTED", "FAILED"].indexOf(job.state) >= 0 && job.created + job.updated > 0 ? h("button", { id: "import-undo", onclick: function () {
              if (!window.confirm(t("importUndoConfirm"))) { return; }
              call("POST", "/imports/" + job.id + "/undo").then(function () { route(); }).catch(function (err) { status.textContent = problemText(err); });
            } }, t("importUndo")) : null,
            h("a", { href: "#/c/" + m.collection }, t("back"))), status));
        if (job.state === "QUEUED" || job.state === "RUNNING") {
          setTimeout(function () { if (still()) { route(); } }, 1000);
        }
      }
      shell(parts);
    }
  }

  /** Records of a module that look alike (its duplicate keys), in groups, each with a way to merge it. */
  function duplicatesScreen(m) {
    var still = stillCurrent();
    var heading = h("h1", {}, t("duplicates") + " · " + moduleLabel(m));
    shell([heading, h("p", { class: "muted" }, t("loading"))]);
    call("GET", "/" + m.collection + "/duplicates").then(function (r) {
      if (!still()) { return; }
      var groups = r.body.items;
      shell([heading,
        h("p", { class: "actions" }, h("a", { href: "#/c/" + m.collection, id: "back-to-list" }, "← " + t("back"))),
        groups.length === 0 ? h("p", { id: "no-duplicates" }, t("noDuplicates")) : null,
        r.body.complete ? null : h("p", { class: "muted" }, t("duplicatesPartly").replace("{0}", r.body.scanned)),
        h("ul", { class: "duplicates", id: "duplicate-groups" }, groups.map(function (g, i) {
          return h("li", { class: "card" },
            h("p", {}, h("strong", {}, g.fields.map(fieldLabel).join(" + ")), ": " + g.value),
            h("ul", {}, g.records.map(function (x) {
              return h("li", {}, h("a", { href: "#/c/" + m.collection + "/" + x.id }, x.number + " · " + (x.label || "")));
            })),
            writable(m) ? h("a", { class: "button", id: "merge-group-" + i, href: "#/c/" + m.collection + "/merge?ids=" + g.records.map(function (x) { return x.id; }).join(",") }, t("mergeThem")) : null);
        }))]);
    }).catch(function (err) { if (still()) { shell([heading, h("p", { class: "error", role: "alert" }, problemText(err))]); } });
  }

  /**
   * Records side by side, field by field: the user picks the record that stays and, where they
   * differ, which value it keeps; merging moves everything that pointed to the others onto it.
   */
  function mergeScreen(m, ids) {
    var still = stillCurrent();
    var heading = h("h1", {}, t("merge") + " · " + moduleLabel(m));
    shell([heading, h("p", { class: "muted" }, t("loading"))]);
    Promise.all(ids.map(function (id) { return call("GET", "/" + m.collection + "/" + id); })).then(function (replies) {
      if (!still()) { return; }
      // the oldest first: the one a team has worked with longest is the one offered to stay
      var recs = replies.map(function (r) { return r.body; }).sort(function (a, b) { return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0; });
      var fields = m.fields.filter(function (f) { return !f.readOnly && ["LINE_ITEMS", "TOTALS", "PARTICIPANTS", "TAGS"].indexOf(f.type) < 0; });
      var differing = fields.filter(function (f) {
        var shown = recs.map(function (x) { return JSON.stringify(x[f.name] === undefined ? null : x[f.name]); });
        return shown.some(function (v) { return v !== shown[0]; });
      });
      var status = h("p", { class: "message", role: "status", id: "merge-status" });
      var form = h("form", { id: "merge-form", class: "card", onsubmit: function (e) {
        e.preventDefault();
        var keep = form.elements.survivor.value;
        var chosen = {};
        differing.forEach(function (f) {
          var from = form.elements["from-" + f.name].value;
          if (from !== keep) { chosen[f.name] = from; }
        });
        var others = recs.filter(function (x) { return x.id !== keep; });
        var kept = recs.filter(function (x) { return x.id === keep; })[0];
        call("POST", "/" + m.collection + "/" + keep + "/merge", { records: others.map(function (x) { return x.id; }), fields: chosen }, kept.version)
          .then(function () { state.note = t("merged").replace("{0}", others.map(function (x) { return x.number; }).join(", ")); location.hash = "#/c/" + m.collection + "/" + keep; })
          .catch(function (err) { status.textContent = problemText(err); });
      } },
        h("table", { class: "merge" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("field")), recs.map(function (x, i) {
            return h("th", { scope: "col" }, h("label", {}, h("input", { type: "radio", name: "survivor", id: "survivor-" + i, value: x.id, checked: i === 0 }),
              " " + x.number + " · " + t("keepThis")));
          }))),
          h("tbody", {}, fields.map(function (f) {
            var differs = differing.indexOf(f) >= 0;
            return h("tr", { class: differs ? "differs" : null }, h("th", { scope: "row" }, fieldLabel(f.name)), recs.map(function (x, i) {
              var shown = display(f, x[f.name], x);
              return h("td", {}, differs ? h("label", {}, h("input", { type: "radio", name: "from-" + f.name, id: "from-" + f.name + "-" + i, value: x.id,
                checked: i === 0 }), " " + shown) : shown);
            }));
          }))),
        h("p", { class: "muted" }, t("mergeExplained")),
        h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", id: "merge-run" }, t("merge")),
          h("a", { href: "#/c/" + m.collection + "/duplicates", id: "merge-cancel" }, t("cancel"))),
        status);
      // a value of the record that stays is its own unless another is picked: choosing the record moves the default along
      form.addEventListener("change", function (e) {
        if (e.target.name !== "survivor") { return; }
        differing.forEach(function (f) {
          var mine = form.querySelector("input[name='from-" + f.name + "'][value='" + e.target.value + "']");
          if (mine) { mine.checked = true; }
        });
      });
      shell([heading, form]);
    }).catch(function (err) { if (still()) { shell([heading, h("p", { class: "error", role: "alert" }, problemText(err))]); } });
  }

  function exportHref(m, params, format) {
    var query = ["format=" + format, "lang=" + state.lang];
    Object.keys(params).forEach(function (k) {
      if (!params[k] || ["view", "cursor"].indexOf(k) >= 0) { return; }
      query.push(encodeURIComponent(k === "cols" ? "columns" : k) + "=" + encodeURIComponent(params[k]));
    });
    return API + "/" + m.collection + "/export?" + query.join("&");
  }

  function renderList(m, params, items, cursor, extra) {
    var views = extra.views, total = extra.count;
    var enums = m.fields.filter(function (f) { return f.filterable && f.type === "ENUM"; });
    var dates = [{ name: "createdAt", type: "DATETIME" }].concat(m.fields.filter(function (f) { return f.filterable && (f.type === "DATE" || f.type === "DATETIME"); }));
    var numbers = m.fields.filter(function (f) { return f.filterable && ["INTEGER", "DECIMAL", "MONEY"].indexOf(f.type) >= 0; });
    var people = m.fields.filter(function (f) { return f.filterable && f.type === "USER"; });
    var byName = {};
    m.fields.forEach(function (f) { byName[f.name] = f; });
    var shown = params.cols ? params.cols.split(",").map(function (n) { return byName[n]; }).filter(Boolean) : listColumns(m);
    var search = h("input", { id: "q", type: "search", value: params.q || "", placeholder: t("searchHint"), "aria-label": t("search") });
    var form = h("form", { class: "toolbar", role: "search", onsubmit: function (e) {
      e.preventDefault();
      var next = { q: search.value, cols: params.cols };
      enums.forEach(function (f) { next[f.name] = form.elements["filter-" + f.name].value; });
      dates.forEach(function (f) { next[f.name] = form.elements["period-" + f.name].value; });
      people.forEach(function (f) { next[f.name] = form.elements["user-" + f.name].value; });
      numbers.forEach(function (f) {
        ["gte", "lte"].forEach(function (op) {
          var typed = form.elements[(op === "gte" ? "from-" : "to-") + f.name].value.trim();
          var n = typedNumber(typed);
          next[f.name + "[" + op + "]"] = n === null ? typed : String(n);
        });
      });
      if (form.elements.tags.value.trim()) { next.tags = form.elements.tags.value.trim(); }
      next.sort = form.elements.sort.value;
      next.deleted = form.elements.deleted.checked ? "true" : "";
      location.hash = listHash(m, next);
    } },
      h("label", { for: "q" }, t("search"), search),
      enums.map(function (f) {
        return h("label", { for: "filter-" + f.name }, fieldLabel(f.name), h("select", { id: "filter-" + f.name, name: "filter-" + f.name },
          h("option", { value: "" }, t("all")),
          f.values.map(function (v) { return h("option", { value: v.value, selected: params[f.name] === v.value }, v[state.lang] || v.en); })));
      }),
      h("details", { class: "more-filters", open: dates.concat(numbers, people).some(function (f) { return params[f.name] || params[f.name + "[gte]"] || params[f.name + "[lte]"]; }) || !!params.tags || null },
        h("summary", {}, t("moreFilters")),
        dates.map(function (f) {
          return h("label", { for: "period-" + f.name }, fieldLabel(f.name), h("select", { id: "period-" + f.name, name: "period-" + f.name },
            h("option", { value: "" }, t("anyTime")),
            PERIODS.map(function (p) { return h("option", { value: p, selected: params[f.name] === p }, t("period." + p)); })));
        }),
        people.map(function (f) {
          var pick = h("select", { id: "user-" + f.name, name: "user-" + f.name }, h("option", { value: "" }, t("anyone")),
            h("option", { value: "me", selected: params[f.name] === "me" }, t("me")),
            params[f.name] && params[f.name] !== "me" ? h("option", { value: params[f.name], selected: true }, params[f.name]) : null);
          usersOnce().then(function (users) {
            users.filter(function (u) { return u.name !== params[f.name]; }).forEach(function (u) {
              pick.appendChild(h("option", { value: u.name }, u.displayName || u.name));
            });
          });
          return h("label", { for: "user-" + f.name }, fieldLabel(f.name), pick);
        }),
        numbers.map(function (f) {
          return h("span", { class: "range" }, h("label", { for: "from-" + f.name }, fieldLabel(f.name) + " ≥",
            h("input", { id: "from-" + f.name, name: "from-" + f.name, inputmode: "decimal", size: "10", value: params[f.name + "[gte]"] || "" })),
            h("label", { for: "to-" + f.name }, "≤", h("input", { id: "to-" + f.name, name: "to-" + f.name, inputmode: "decimal", size: "10", value: params[f.name + "[lte]"] || "" })));
        }),
        h("label", { for: "filter-tags" }, fieldLabel("tags"), h("input", { id: "filter-tags", name: "tags", value: params.tags || "", size: "12" }))),
      h("label", { for: "sort" }, t("sortBy"), h("select", { id: "sort", name: "sort" }, h("option", { value: "" }, t("newest")),
        m.fields.filter(function (f) { return f.sortable; }).map(function (f) {
          return [h("option", { value: f.name, selected: params.sort === f.name }, fieldLabel(f.name) + " ↑"),
            h("option", { value: "-" + f.name, selected: params.sort === "-" + f.name }, fieldLabel(f.name) + " ↓")];
        }))),
      h("label", { for: "deleted" }, t("showDeleted"), h("input", { id: "deleted", name: "deleted", type: "checkbox", checked: params.deleted === "true" })),
      h("button", { type: "submit", id: "search-button" }, t("search")),
      writable(m) ? h("a", { href: "#/c/" + m.collection + "/new", id: "new-record", class: "button" }, h("button", { type: "button", class: "primary", tabindex: "-1" }, t("newRecord"))) : null,
      writable(m) ? h("a", { class: "button", id: "import", href: "#/c/" + m.collection + "/import" }, t("import")) : null,
      boardField(m) ? h("a", { class: "button", id: "board-link", href: "#/c/" + m.collection + "/board" }, t("boardView")) : null,
      m.duplicateKeys && m.duplicateKeys.length ? h("a", { class: "button", id: "duplicates", href: "#/c/" + m.collection + "/duplicates" }, t("duplicates")) : null,
      // the list as it is shown (search, filters, sort, columns), every page of it, as a file
      ["csv", "xlsx"].map(function (format) {
        return h("a", { class: "button", id: "export-" + format, href: exportHref(m, params, format), download: "" }, t("export." + format));
      }));

    var viewPicker = h("select", { id: "views", "aria-label": t("views"), onchange: function (e) {
      location.hash = e.target.value ? listHash(m, { view: e.target.value }) : "#/c/" + m.collection + "?view=none";
    } }, h("option", { value: "" }, t("allRecords")), views.map(function (v) {
      return h("option", { value: v.id, selected: params.view === v.id }, v.name + (v.isDefault ? " ★" : "") + (v.mine ? "" : " · " + v.owner));
    }));
    var current = views.filter(function (v) { return v.id === params.view; })[0];
    var viewBar = h("div", { class: "actions views" }, h("label", { for: "views" }, t("views") + " "), viewPicker,
      h("details", { class: "columns save-view" }, h("summary", { id: "save-view" }, t("saveView")),
        h("form", { class: "choices", id: "save-view-form", onsubmit: function (e) {
          e.preventDefault();
          saveView(m, params, e.target.elements.viewName.value.trim(), e.target.elements.viewShared.checked);
        } }, h("label", { for: "view-name" }, t("viewName"), h("input", { id: "view-name", name: "viewName", required: true })),
          h("label", { for: "view-shared" }, h("input", { type: "checkbox", id: "view-shared", name: "viewShared" }), " " + t("shareWithEveryone")),
          h("button", { type: "submit", id: "save-view-button", class: "primary" }, t("save")))),
      current ? h("button", { id: "default-view", onclick: function () {
        call("PATCH", "/views/" + current.id, { isDefault: !current.isDefault }).then(function () { start(); }).catch(showProblem);
      } }, current.isDefault ? t("notDefault") : t("makeDefault")) : null,
      h("details", { class: "columns" }, h("summary", { id: "choose-columns" }, t("columns")),
        h("fieldset", { class: "choices" }, m.fields.filter(function (f) { return ["LINE_ITEMS", "ADDRESS", "PARTICIPANTS"].indexOf(f.type) < 0; }).map(function (f) {
          return h("label", { for: "col-" + f.name }, h("input", { type: "checkbox", id: "col-" + f.name, name: "col", value: f.name,
            checked: shown.indexOf(f) >= 0 }), " " + fieldLabel(f.name));
        })),
        h("button", { id: "apply-columns", onclick: function () {
          var cols = Array.prototype.slice.call(document.querySelectorAll("input[name=col]:checked")).map(function (i) { return i.value; });
          location.hash = listHash(m, T_merge(params, { cols: cols.join(","), view: "" }));
        } }, t("apply"))),
      h("span", { class: "muted", id: "record-count" }, total === null ? "" : t("recordCount").replace("{0}", Number(total).toLocaleString(state.lang === "vi" ? "vi-VN" : "en-US"))));

    var selected = {};
    var bulkBar = writable(m) && params.deleted !== "true" ? bulkActions(m, selected, params) : null;
    function sortHeader(f) {
      if (!f.sortable) { return fieldLabel(f.name); }
      var next = params.sort === f.name ? "-" + f.name : f.name;
      var mark = params.sort === f.name ? " ↑" : params.sort === "-" + f.name ? " ↓" : "";
      return h("a", { href: listHash(m, T_merge(params, { sort: next })), id: "sort-" + f.name }, fieldLabel(f.name) + mark);
    }
    var rows = items.map(function (r) {
      return h("tr", {}, bulkBar ? h("td", {}, h("input", { type: "checkbox", class: "pick", "aria-label": r.number, onchange: function (e) {
        if (e.target.checked) { selected[r.id] = true; } else { delete selected[r.id]; }
        bulkBar.update();
      } })) : null, h("td", {}, h("a", { href: "#/c/" + m.collection + "/" + r.id }, r.number)),
        shown.map(function (f, i) {
          var cell = f.type === "TOTALS" && r.totals ? money(r.totals.grandTotal, r.currency) : display(f, r[f.name], r);
          return h("td", { class: i > 1 ? "hide-narrow" : null }, cell);
        }),
        params.deleted === "true" ? h("td", {}, h("button", { onclick: function () { restore(m, r.id); } }, t("restore"))) : null);
    });
    var table = h("table", { id: "records" }, h("thead", {}, h("tr", {}, bulkBar ? h("th", { scope: "col" }, h("input", { type: "checkbox",
      id: "pick-all", "aria-label": t("selectAll"), onchange: function (e) {
        Array.prototype.slice.call(document.querySelectorAll("#records input.pick")).forEach(function (box, i) {
          box.checked = e.target.checked;
          if (e.target.checked) { selected[items[i].id] = true; } else { delete selected[items[i].id]; }
        });
        bulkBar.update();
      } })) : null, h("th", { scope: "col" }, t("number")),
      shown.map(function (f, i) { return h("th", { scope: "col", class: i > 1 ? "hide-narrow" : null }, f.type === "TOTALS" ? t("grandTotal") : sortHeader(f)); }))),
      h("tbody", {}, rows));
    shell([h("h1", {}, moduleLabel(m)), extra.note && !cursor ? h("p", { class: "message good", role: "status" }, extra.note) : null, viewBar, form, bulkBar ? bulkBar.element : null, items.length ? table : h("p", { class: "muted" }, t("noRecords")),
      cursor ? h("div", { class: "actions" }, h("button", { id: "load-more", onclick: function () { list(m, params, items, cursor, extra); } }, t("loadMore"))) : null]);
  }

  function T_merge(a, b) { var c = {}; Object.keys(a).forEach(function (k) { c[k] = a[k]; }); Object.keys(b).forEach(function (k) { c[k] = b[k]; }); return c; }

  /** The selection's actions: assign, tag, delete; each record is changed on its own and the outcome told. */
  function bulkActions(m, selected, params) {
    var owner = byFieldName(m, "assignedTo");
    var assignee = owner ? h("select", { id: "bulk-assignee", "aria-label": fieldLabel("assignedTo") }, h("option", { value: "" }, "")) : null;
    if (assignee) {
      usersOnce().then(function (users) {
        users.forEach(function (u) { assignee.appendChild(h("option", { value: u.name }, u.displayName || u.name)); });
      });
    }
    var tag = h("input", { id: "bulk-tag", "aria-label": fieldLabel("tags"), placeholder: fieldLabel("tags"), size: "12" });
    var count = h("span", { id: "bulk-count", class: "muted" }, "");
    function run(change) {
      var ids = Object.keys(selected);
      if (!ids.length) { return; }
      change.ids = ids;
      call("POST", "/" + m.collection + "/bulk", change).then(function (r) {
        state.note = t("bulkDone").replace("{0}", r.body.changed).replace("{1}", r.body.failed) +
          r.body.items.filter(function (x) { return x.status >= 400; }).map(function (x) { return " " + (x.number || x.id) + ": " + (x.detail || x.status); }).join(";");
        route();
      }).catch(showProblem);
    }
    var element = h("div", { class: "actions bulk", id: "bulk", hidden: true }, count,
      assignee ? [h("label", { for: "bulk-assignee" }, t("assignTo") + " "), assignee] : null,
      h("label", { for: "bulk-tag" }, t("addTag") + " "), tag,
      h("button", { id: "bulk-apply", class: "primary", onclick: function () {
        var change = {};
        if (assignee && assignee.value) { change.set = { assignedTo: assignee.value }; }
        if (tag.value.trim()) { change.addTags = tag.value.split(",").map(function (x) { return x.trim(); }).filter(Boolean); }
        if (change.set || change.addTags) { run(change); }
      } }, t("applyToSelected")),
      h("button", { id: "bulk-delete", class: "danger", onclick: function () { if (confirm(t("confirmDelete"))) { run({ delete: true }); } } }, t("delete")),
      // what the installed modules do with selected records (e.g. add them to a campaign)
      (listActions[m.collection] || []).map(function (a) {
        return h("span", { class: "list-action", id: "list-action-" + a.id }, a.render(function () { return Object.keys(selected); },
          function (message) { state.note = message; route(); }));
      }));
    return { element: element, update: function () {
      var n = Object.keys(selected).length;
      element.hidden = n === 0;
      count.textContent = t("selected").replace("{0}", n);
    } };
  }
  function byFieldName(m, name) { return m.fields.filter(function (f) { return f.name === name; })[0]; }

  function saveView(m, params, name, shared) {
    if (!name) { return; }
    var filters = {};
    Object.keys(params).forEach(function (k) { if (params[k] && LIST_KEYS.indexOf(k) < 0) { filters[k] = params[k]; } });
    var body = { collection: m.collection, name: name, filters: filters, q: params.q || null, sort: params.sort || null,
      columns: params.cols ? params.cols.split(",") : null, shared: shared };
    call("POST", "/views", body).then(function (r) { location.hash = listHash(m, { view: r.body.id }); }).catch(showProblem);
  }

  function list(m, params, before, cursor, extra, note) {
    var still = stillCurrent();
    if (extra) { return page(); }
    // the views of the module, and the one to show: the URL's, or the user's default when the URL names none
    call("GET", "/views?collection=" + m.collection).then(function (r) {
      var views = r.body.items;
      var chosen = params.view ? views.filter(function (v) { return v.id === params.view; })[0]
        : Object.keys(params).length ? null : views.filter(function (v) { return v.isDefault; })[0];
      if (chosen) {
        var fromView = { view: chosen.id, q: chosen.q || "", sort: chosen.sort || "", cols: (chosen.columns || []).join(",") };
        Object.keys(chosen.filters).forEach(function (k) { fromView[k] = chosen.filters[k]; });
        params = fromView;
      }
      if (params.view === "none") { params = {}; }
      extra = { views: views, count: null, note: note };
      page();
    }).catch(function (err) { if (still()) { showProblem(err); } });
    function page() {
      var query = [];
      Object.keys(params).forEach(function (k) {
        if (params[k] && ["view", "cols"].indexOf(k) < 0) { query.push(encodeURIComponent(k) + "=" + encodeURIComponent(params[k])); }
      });
      var filtersOnly = query.filter(function (q) { return !/^(sort|cursor)=/.test(q); });
      var pageQuery = query.slice();
      if (cursor) { pageQuery.push("cursor=" + encodeURIComponent(cursor)); }
      Promise.all([call("GET", "/" + m.collection + (pageQuery.length ? "?" + pageQuery.join("&") : "")),
        cursor ? Promise.resolve(null) : call("GET", "/" + m.collection + "/count" + (filtersOnly.length ? "?" + filtersOnly.join("&") : "")).catch(function () { return null; })])
        .then(function (r) {
          if (r[1]) { extra.count = r[1].body.count; }
          if (still()) { renderList(m, params, (before || []).concat(r[0].body.items), r[0].body.nextCursor, extra); }
        }).catch(function (err) { if (still()) { showProblem(err); } });
    }
  }

  function restore(m, id) {
    call("POST", "/" + m.collection + "/" + id + "/restore").then(function () { detail(m, id, t("restoredOk")); }).catch(showProblem);
  }

  /** A document whose status is final (paid, cancelled: no step leads on): it is kept as it is, not edited. */
  function settled(m, rec) {
    var f = m.fields.filter(function (x) { return x.type === "ENUM" && (x.name === "status" || x.name === "stage"); })[0];
    var hasLines = m.fields.some(function (x) { return x.type === "LINE_ITEMS"; });
    return !!(hasLines && f && f.steps && f.steps[rec[f.name]] && f.steps[rec[f.name]].length === 0);
  }

  /**
   * The record's status path in its header: every status in order, where the record is now marked, and the steps
   * the module allows from there as buttons (none for a reader or on a final status). A step that needs a reason (a
   * lost deal, a disqualified lead) asks for it and is sent again with it; a refusal is said on the record's page.
   */
  function statusPath(m, rec, writes) {
    var f = m.fields.filter(function (x) { return x.type === "ENUM" && !x.readOnly && (x.name === "status" || x.name === "stage"); })[0];
    if (!f) { return null; }
    var now = rec[f.name];
    var next = f.steps ? f.steps[now] || [] : null; // no steps declared: any other value is a step
    return h("div", { class: "status-path", id: "path-" + f.name, role: "group", "aria-label": fieldLabel(f.name) },
      h("ol", {}, f.values.filter(function (v) { return !v.retired || v.value === now; }).map(function (v) {
        var label = v[state.lang] || v.en;
        var here = v.value === now;
        var open = writes && !here && (!next || next.indexOf(v.value) >= 0);
        return h("li", { class: here ? "here" : open ? "open" : null },
          here ? h("span", { id: "step-" + v.value, "aria-current": "step" }, label)
            : open ? h("button", { type: "button", id: "step-" + v.value, title: t("moveTo") + " " + label, onclick: function () { step(v.value, {}); } }, label)
              : h("span", { id: "step-" + v.value, "aria-disabled": "true" }, label));
      })));
    function step(value, extra) {
      var body = Object.assign({}, extra);
      body[f.name] = value;
      call("PATCH", "/" + m.collection + "/" + rec.id, body, rec.version).then(function () { detail(m, rec.id, t("saved")); })
        .catch(function (err) {
          var more = Object.keys(extra).length ? undefined : askForWanted(m, f, err);
          if (more) { step(value, more); } else if (more !== null) { detail(m, rec.id, null, err.body); }
        });
    }
  }

  /** The records of other installed modules that point to this one (an account's contacts, potentials, quotes, …). */
  function related(m, rec) {
    var box = h("div", { id: "related" });
    // "New contact / potential / quote … for this record": the other module's form, already pointing here.
    var starters = state.modules.filter(function (other) {
      return writable(other) && other.fields.some(function (f) { return f.type === "REFERENCE" && f.references === m.collection && !f.readOnly; });
    });
    if (starters.length) {
      box.appendChild(h("div", { class: "actions" }, starters.map(function (other) {
        return h("button", { id: "new-" + other.collection, onclick: function () {
          var values = {};
          other.fields.forEach(function (f) {
            if (f.type !== "REFERENCE" || f.readOnly) { return; }
            if (f.references === m.collection) { values[f.name] = rec.id; }
            else if (rec[f.name] && m.fields.some(function (x) { return x.name === f.name && x.references === f.references; })) { values[f.name] = rec[f.name]; }
          });
          renderForm(other, values);
        } }, t("newRecord") + ": " + moduleLabel(other));
      })));
    }
    state.modules.forEach(function (other) {
      other.fields.filter(function (f) { return f.type === "REFERENCE" && f.references === m.collection && f.filterable; })
        .forEach(function (f) {
          var filter = f.name + "=" + encodeURIComponent(rec.id);
          call("GET", "/" + other.collection + "?limit=10&" + filter).then(function (r) {
            if (!r.body.items.length) { return; }
            if (!box.querySelector("h2")) { box.appendChild(h("h2", {}, t("related"))); }
            var count = h("span", { class: "count" }, String(r.body.items.length));
            if (r.body.nextCursor) { // more than a panel shows: how many in all
              call("GET", "/" + other.collection + "/count?" + filter).then(function (c) { count.textContent = number(c.body.count); })
                .catch(function () { return null; });
            }
            box.appendChild(h("section", { class: "card", id: "related-" + other.collection },
              h("h3", {}, moduleLabel(other) + (other.collection === m.collection ? " (" + fieldLabel(f.name) + ")" : "") + " (", count, ")"),
              h("ul", {}, r.body.items.map(function (x) {
                var label = recordLabel(x);
                return h("li", {}, h("a", { href: "#/c/" + other.collection + "/" + x.id }, x.number + (label ? " · " + label : "")));
              })),
              h("div", { class: "actions" }, r.body.nextCursor ? h("a", { href: "#/c/" + other.collection + "?" + filter, class: "all" }, t("showAll")) : null)));
          }).catch(function () { return null; });
        });
    });
    return box;
  }

  /** Shows a referenced record as "number · name", linked to its page. */
  function referenceLink(el, collection, id) {
    call("GET", "/" + collection + "/" + id).then(function (r) {
      var x = r.body;
      var label = recordLabel(x);
      el.replaceChildren(h("a", { href: "#/c/" + collection + "/" + id }, x.number + (label ? " · " + label : "")));
    }).catch(function () { return null; });
  }

  function detail(m, id, note, problem) {
    var still = stillCurrent();
    call("GET", "/" + m.collection + "/" + id).then(function (r) {
      if (!still()) { return; }
      var rec = r.body;
      // fields in sections (the record's own, its addresses, its longer texts); empty ones out of the way
      var rows = [h("dt", {}, t("number")), h("dd", { id: "detail-number" }, rec.number)], addresses = [], texts = [], empty = [];
      // fields change in place while the record may be changed (a paid invoice is kept as it is)
      var changeable = writable(m) && !settled(m, rec);
      var inline = { reload: function (saved) { detail(m, id, saved); }, showProblem: showProblem };
      m.fields.forEach(function (f) {
        if (f.type === "LINE_ITEMS" || f.type === "TOTALS") { return; }
        var shown = display(f, rec[f.name], rec);
        // an e-mail address writes to it, a phone number calls it
        var link = !shown ? null : f.type === "EMAIL" ? "mailto:" + rec[f.name] : f.type === "PHONE" ? "tel:" + String(rec[f.name]).replace(/[^\d+]/g, "") : null;
        var value = h("span", { class: "value" }, link ? h("a", { href: link }, shown) : shown);
        var dd = h("dd", { id: "detail-" + f.name }, value);
        if (f.type === "REFERENCE" && rec[f.name] && moduleOf(f.references)) {
          referenceLink(value, f.references, rec[f.name]);
        }
        if (changeable && inlineEditable(f)) { dd.appendChild(inlineEditButton(m, rec, f, dd, inline)); }
        (!shown ? empty : f.type === "ADDRESS" ? addresses : f.type === "TEXT" ? texts : rows).push(h("dt", {}, fieldLabel(f.name)), dd);
      });
      var lines = rec.lineItems ? linesTable(rec) : null;
      var label = recordLabel(rec);
      var owner = byFieldName(m, "assignedTo") ? rec.assignedTo : null;
      shell([h("h1", {}, moduleLabel(m) + " · " + rec.number + (label ? " · " + label : "")),
        h("p", { class: "muted record-meta", id: "record-meta" },
          byFieldName(m, "assignedTo") ? [h("span", { id: "record-owner" }, fieldLabel("assignedTo") + ": " + (owner || t("nobody"))), " · "] : null,
          t("lastChanged").replace("{0}", rec.updatedBy || t("system")).replace("{1}",
            new Date(rec.updatedAt).toLocaleString(state.lang === "vi" ? "vi-VN" : "en-GB"))),
        statusPath(m, rec, writable(m)),
        note ? h("p", { class: "message good", role: "status" }, note) : null,
        h("div", { class: "card" }, h("dl", {}, rows), lines),
        addresses.length ? h("section", { class: "card", id: "fields-addresses" }, h("h2", {}, t("addresses")), h("dl", {}, addresses)) : null,
        texts.length ? h("section", { class: "card", id: "fields-texts" }, h("h2", {}, t("moreAbout")), h("dl", {}, texts)) : null,
        empty.length ? h("details", { class: "card", id: "empty-fields" }, h("summary", {}, t("emptyFields").replace("{0}", empty.length / 2)),
          h("dl", {}, empty)) : null,
        h("div", { class: "actions" }, (writable(m) ? m.actions || [] : []).filter(function (a) {
          // An action that creates another module's record needs that module, and the right to change it.
          var target = a.creates && moduleOf(a.creates);
          // offered only where it applies (a quote becomes an order once accepted; a closed deal reopens)
          var applies = !a.when || a.when.values.indexOf(rec[a.when.field]) >= 0;
          return applies && (!a.creates || (target && writable(target)));
        }).map(function (a) {
          return h("button", { id: "action-" + a.name, onclick: function () {
            call("POST", "/" + m.collection + "/" + id + "/" + a.name).then(function (r) {
              if (a.creates && r.body && r.body.id) { location.hash = "#/c/" + a.creates + "/" + r.body.id; }
              else { detail(m, id, t("saved")); }
            }).catch(function (err) { detail(m, id, null, err.body); });
          } }, a.label[state.lang] || a.label.en);
        })),
        (m.downloads || []).length || (m.email && writable(m)) ? h("div", { class: "actions" }, (m.downloads || []).map(function (d) {
          // e.g. a quote's PDF, in the language of the screen
          return h("a", { class: "button", id: "download-" + d.name, href: API + "/" + m.collection + "/" + id + "/" + d.name + "?lang=" + state.lang,
            download: rec.number + "." + d.name, type: d.type }, t("download").replace("{0}", d.name.toUpperCase()));
        }), m.email && writable(m) ? h("button", { id: "send-email", onclick: function () {
          emailComposer(m, rec, document.getElementById("email-slot"));
        } }, t((m.downloads || []).length ? "sendDocument" : "sendEmail")) : null) : null,
        h("div", { id: "email-slot" }),
        h("div", { class: "actions" }, (detailActions[m.collection] || []).filter(function (a) { return (!a.shown || a.shown(rec)) && (!a.writes || writable(m)); })
          .map(function (a) { return h("button", { id: a.id, onclick: function () { location.hash = "#/c/" + m.collection + "/" + id + "/" + a.id; } }, a.label[state.lang] || a.label.en); })),
        problem ? h("p", { class: "message bad", role: "alert", id: "detail-problem" }, problem.detail || t("failed")) : null,
        (recordPanels[m.collection] || []).filter(function (p) { return !p.shown || p.shown(rec); }).map(function (p) {
          var box = h("section", { class: "card record-panel", id: "panel-" + p.id }, h("h2", {}, p.label[state.lang] || p.label.en));
          p.render(rec, box);
          return box;
        }),
        related(m, rec),
        timeline(m, rec),
        h("div", { class: "actions" },
          h("a", { href: "#/c/" + m.collection }, t("back")),
          writable(m) && !settled(m, rec) ? h("button", { id: "edit", onclick: function () { location.hash = "#/c/" + m.collection + "/" + id + "/edit"; } }, t("edit")) : null,
          !writable(m) ? null : h("button", { id: "delete", class: "danger", onclick: function () {
            if (!window.confirm(t("confirmDelete"))) { return; }
            call("DELETE", "/" + m.collection + "/" + id, undefined, rec.version).then(function () {
              // back to the list, which says where the record went and takes it back at one click
              state.note = h("span", {}, t("movedToBin").replace("{0}", rec.number) + " ", h("button", { type: "button", id: "undo-delete", onclick: function () {
                call("POST", "/" + m.collection + "/" + id + "/restore").then(function () {
                  state.note = t("restored");
                  location.hash = "#/c/" + m.collection + "/" + id;
                }).catch(showProblem);
              } }, t("undo")));
              location.hash = "#/c/" + m.collection;
            }).catch(function (err) { detail(m, id, null, err.body); }); // refused: said on the record's page, which stays
          } }, t("delete")))]);
    }).catch(function (err) { if (still()) { showProblem(err); } });
  }

  /**
   * Writing an e-mail from a record: starts from the server's draft (the record's address or its
   * contact's, the language's template, a document's PDF), which the user changes before sending.
   * The message goes through the outbox; the timeline shows it and whether it went out.
   */
  function emailComposer(m, rec, slot) {
    var status = h("p", { class: "message", role: "status", id: "email-status" });
    call("GET", "/" + m.collection + "/" + rec.id + "/emails/draft?lang=" + state.lang).then(function (r) {
      var d = r.body;
      var list = function (value) { return value.split(",").map(function (a) { return a.trim(); }).filter(Boolean); };
      var form = h("form", { id: "email-form", class: "card composer", onsubmit: function (e) {
        e.preventDefault();
        var body = { to: list(form.elements.to.value), cc: list(form.elements.cc.value), subject: form.elements.subject.value,
          body: form.elements.body.value, language: state.lang };
        if (d.attachments.length) { body.attachPdf = form.elements.attach.checked; }
        form.elements.send.disabled = true;
        call("POST", "/" + m.collection + "/" + rec.id + "/emails", body).then(function (sent) {
          detail(m, rec.id, t("emailQueued").replace("{0}", sent.body.to.join(", ")));
        }).catch(function (err) { form.elements.send.disabled = false; status.textContent = problemText(err); });
      } },
        h("h2", {}, t("sendEmail")),
        h("div", { class: "field" }, h("label", { for: "email-to" }, t("emailTo")), h("input", { id: "email-to", name: "to", value: d.to.join(", "),
          required: "required", placeholder: t("addressesHint"), autocomplete: "off" })),
        h("div", { class: "field" }, h("label", { for: "email-cc" }, t("emailCc")), h("input", { id: "email-cc", name: "cc", value: d.cc.join(", "),
          placeholder: t("addressesHint") })),
        h("div", { class: "field" }, h("label", { for: "email-subject" }, t("emailSubject")), h("input", { id: "email-subject", name: "subject",
          value: d.subject, required: "required", maxlength: "998" })),
        h("div", { class: "field wide" }, h("label", { for: "email-body" }, t("emailBody")), h("textarea", { id: "email-body", name: "body", rows: "12" }, d.body)),
        d.attachments.length ? h("label", { class: "check" }, h("input", { type: "checkbox", id: "email-attach", name: "attach", checked: "checked" }),
          " " + t("attachPdf").replace("{0}", d.attachments.join(", "))) : null,
        status,
        h("div", { class: "actions" }, h("button", { type: "submit", id: "email-send", name: "send", class: "primary" }, t("send")),
          h("button", { type: "button", id: "email-cancel", onclick: function () { slot.replaceChildren(); } }, t("cancel"))));
      slot.replaceChildren(form);
      form.elements.to.value ? form.elements.subject.focus() : form.elements.to.focus();
    }).catch(function (err) { slot.replaceChildren(h("p", { class: "message bad", role: "alert" }, problemText(err))); });
  }

  /**
   * Everything that happened on the record, newest first, a page at a time: its notes and files, who
   * changed what, and what the installed modules add (touches, activities); an account's also shows
   * its contacts' and deals'. Whoever may change the record writes a note or attaches a file here.
   */
  function timeline(m, rec) {
    var box = h("section", { class: "card history", id: "timeline", "aria-labelledby": "timeline-title" },
      h("h2", { id: "timeline-title" }, t("timeline")));
    var status = h("p", { class: "message", role: "status", id: "timeline-status" });
    if (writable(m)) {
      var form = h("form", { id: "note-form", class: "composer", onsubmit: function (e) {
        e.preventDefault();
        var body = form.elements.body.value;
        if (!body.trim()) { form.elements.body.focus(); return; }
        call("POST", "/" + m.collection + "/" + rec.id + "/notes", { body: body }).then(function () {
          form.elements.body.value = "";
          status.textContent = t("noteAdded");
          reload();
        }).catch(function (err) { status.textContent = problemText(err); });
      } },
        h("label", { for: "note-body" }, t("addNote")),
        h("textarea", { id: "note-body", name: "body", rows: "3", placeholder: t("noteHint"), maxlength: "20000" }),
        h("div", { class: "actions" }, h("button", { type: "submit", id: "add-note", class: "primary" }, t("addNote")),
          h("label", { class: "file-pick" }, t("attachFile") + " ",
            h("input", { type: "file", id: "attach-file", onchange: function (e) {
              var file = e.target.files[0];
              if (!file) { return; }
              upload("/" + m.collection + "/" + rec.id + "/attachments", file).then(function () {
                e.target.value = "";
                status.textContent = t("fileAttached");
                reload();
              }).catch(function (err) { e.target.value = ""; status.textContent = problemText(err); });
            } }))));
      box.appendChild(form);
      // what modules add to every record's timeline (log a call, add a task…)
      var composers = Object.keys(timelineComposers).map(function (id) { return timelineComposers[id]; })
        .filter(function (c) { var mod = moduleOf(c.module); return mod && writable(mod); });
      if (composers.length) {
        var slot = h("div", { id: "composer-slot" });
        box.appendChild(h("div", { class: "actions", id: "composers" }, composers.map(function (c) {
          return h("button", { type: "button", id: "compose-" + c.id, onclick: function () {
            slot.replaceChildren(c.render(m, rec, function (message) { slot.replaceChildren(); status.textContent = message || t("saved"); reload(); },
              function () { slot.replaceChildren(); }));
          } }, c.label[state.lang] || c.label.en);
        })));
        box.appendChild(slot);
      }
    }
    box.appendChild(status);
    var listEl = h("ol", { class: "history-list", id: "timeline-list" });
    box.appendChild(listEl);
    function fieldOfModule(name) { return m.fields.filter(function (f) { return f.name === name; })[0]; }
    function shown(f, v) {
      if (v === null || v === undefined || v === "") { return "—"; }
      if (typeof v === "object") { return f ? display(f, v) || JSON.stringify(v) : JSON.stringify(v); }
      return f ? display(f, v) : String(v);
    }
    function heading(e) {
      var made = e.kind === "RECORD" && moduleOf(e.data.collection);
      if (made) { return h("div", {}, h("strong", {}, t("made").replace("{0}", moduleLabel(made))), " · ", h("span", {}, e.user || t("system")), " · ",
        h("time", { datetime: e.at }, new Date(e.at).toLocaleString(state.lang === "vi" ? "vi-VN" : "en-GB")), " · ",
        h("a", { href: "#/c/" + e.record.collection + "/" + e.record.id, class: "about" }, e.title)); }
      var what = e.kind === "HISTORY" ? (t("action." + e.data.action) !== "action." + e.data.action ? t("action." + e.data.action) : e.data.action)
        : t("kind." + e.kind) !== "kind." + e.kind ? t("kind." + e.kind) : e.kind;
      var other = e.record && (e.record.collection !== m.collection || e.record.id !== rec.id);
      return h("div", {}, h("strong", {}, what), " · ", h("span", {}, e.user || t("system")), " · ",
        h("time", { datetime: e.at }, new Date(e.at).toLocaleString(state.lang === "vi" ? "vi-VN" : "en-GB")),
        e.kind === "HISTORY" && e.data.via ? [" · ", h("span", { class: "muted" }, viaLabel(e.data.via))] : null,
        other ? [" · ", h("a", { href: "#/c/" + e.record.collection + "/" + e.record.id, class: "about" },
          [e.record.number, e.record.label].filter(Boolean).join(" "))] : null);
    }
    function body(e) {
      if (e.kind === "HISTORY") {
        return e.data.changes && e.data.changes.length ? h("ul", {}, e.data.changes.map(function (c) {
          var f = fieldOfModule(c.field);
          return h("li", {}, h("span", { class: "muted" }, (c.label || fieldLabel(c.field)) + ": "), shown(f, c.from), " → ", shown(f, c.to));
        })) : null;
      }
      if (e.kind === "ATTACHMENT") {
        return h("p", {}, h("a", { href: e.data.href, download: e.data.fileName, class: "file" }, e.data.fileName),
          " ", h("span", { class: "muted" }, "(" + fileSize(e.data.size) + ")"));
      }
      if (e.kind === "NOTE") { return h("p", { class: "note-text" }, e.text); }
      if (e.kind === "EMAIL") {
        return h("p", { class: "email-entry" }, e.title, " → ", (e.data.to || []).join(", "),
          (e.data.attachments || []).length ? " · 📎 " + e.data.attachments.join(", ") : "",
          " · ", h("span", { class: "email-state " + e.data.state }, t("email." + e.data.state)),
          e.data.lastError ? h("span", { class: "muted" }, " (" + e.data.lastError + ")") : null);
      }
      if (e.kind === "RECORD") { return null; } /* the heading names and links the record made */
      var item = e.data && e.data.item;
      var when = e.data && e.data.scheduledAt ? new Date(e.data.scheduledAt).toLocaleString(state.lang === "vi" ? "vi-VN" : "en-GB") : null;
      return [e.title ? h("p", {}, item ? h("a", { href: "#/c/" + item.collection + "/" + item.id, class: "item" }, e.title) : e.title,
          e.data && e.data.statusLabel ? [" · ", h("span", { class: "muted" }, e.data.statusLabel)] : null,
          when ? [" · ", h("time", { datetime: e.data.scheduledAt }, when)] : null) : null,
        e.text ? h("p", { class: "note-text" }, e.text) : null];
    }
    function load(cursor) {
      call("GET", "/" + m.collection + "/" + rec.id + "/timeline?limit=20" + (cursor ? "&cursor=" + encodeURIComponent(cursor) : "")).then(function (r) {
        r.body.items.forEach(function (e) {
          listEl.appendChild(h("li", { class: "history-entry kind-" + e.kind.toLowerCase() }, heading(e), body(e)));
        });
        if (!r.body.items.length && !cursor) { listEl.appendChild(h("li", { class: "muted" }, t("noHistory"))); }
        var more = box.querySelector("#timeline-more");
        if (more) { more.remove(); }
        if (r.body.nextCursor) {
          box.appendChild(h("button", { id: "timeline-more", onclick: function () { load(r.body.nextCursor); } }, t("loadMore")));
        }
      }).catch(function () { return null; });
    }
    function reload() { listEl.replaceChildren(); load(null); }
    load(null);
    return box;
  }
  function viaLabel(via) {
    if (!via) { return ""; }
    if (via.indexOf("token ") === 0) { return t("via.token") + " " + via.substring(6); }
    if (via.indexOf("import ") === 0) { return t("via.import") + " " + via.substring(7); }
    if (via.indexOf("merge ") === 0) { return t("via.merge") + " " + via.substring(6); }
    return t("via." + via) !== "via." + via ? t("via." + via) : via;
  }

  function linesTable(rec) {
    var cols = ["name", "quantity", "unitPrice", "discountPercent", "taxRate", "lineTotal"];
    return h("div", {}, h("h2", {}, t("lines")), h("div", { class: "lines-scroll" }, h("table", { id: "lines" },
      h("thead", {}, h("tr", {}, cols.map(function (c) { return h("th", { scope: "col" }, fieldLabel(c)); }))),
      h("tbody", {}, rec.lineItems.map(function (l) {
        return h("tr", {}, cols.map(function (c) {
          var v = l[c];
          return h("td", { class: c === "name" ? null : "num" }, v === null || v === undefined ? "" : c === "name" ? String(v)
            : c === "unitPrice" || c === "lineTotal" ? money(v, rec.currency) : number(v));
        }));
      })))),
      rec.totals ? h("dl", { id: "totals" }, ["subtotal", "discount", "tax", "shipping", "grandTotal"].map(function (k) {
        return [h("dt", {}, t(k)), h("dd", { id: "total-" + k, class: "num" }, money(rec.totals[k], rec.currency))];
      })) : null);
  }

  var LINE_FIELDS = ["name", "quantity", "unitPrice", "discountPercent", "taxRate"];
  function lineRow(line, index) {
    var row = h("tr", {}, LINE_FIELDS.map(function (c) {
      var v = line && line[c] !== null && line[c] !== undefined ? String(line[c]) : "";
      return h("td", {}, h("input", { "aria-label": fieldLabel(c) + " " + (index + 1), name: "line-" + c, value: v,
        inputmode: c === "name" ? null : "decimal", "data-product": c === "name" && line && line.productId ? line.productId : null,
        "data-product-name": c === "name" && line && line.productId ? v : null }));
    }), h("td", { class: "line-total num" }), h("td", {}, h("button", { type: "button", class: "remove-line", onclick: function (e) { e.target.closest("tr").remove(); } }, t("removeLine"))));
    Object.keys(lineHelpers).forEach(function (id) {
      if (moduleOf(lineHelpers[id].module)) { lineHelpers[id].attach(row); }
    });
    return row;
  }

  function linesEditor(rec) {
    var body = h("tbody", { id: "line-rows" }, ((rec && rec.lineItems) || [null]).map(lineRow));
    return h("div", { class: "field" }, h("span", { class: "label" }, t("lines")),
      // a narrow screen scrolls the lines sideways rather than the whole page
      h("div", { class: "lines-scroll" }, h("table", { class: "lines" }, h("thead", {}, h("tr", {}, LINE_FIELDS.map(function (c) { return h("th", { scope: "col" }, fieldLabel(c)); }),
        h("th", { scope: "col" }, fieldLabel("lineTotal")), h("th", {}))), body)),
      h("div", {}, h("button", { type: "button", id: "add-line", onclick: function () { body.appendChild(lineRow(null, body.children.length)); } }, t("addLine"))),
      h("dl", { id: "live-totals", class: "totals", "aria-live": "polite" }));
  }

  /**
   * The totals of the document being written, as the server prices it (the module's own rules:
   * discounts, taxes, shipping, rounding), refreshed a moment after each change; nothing is saved.
   */
  function liveTotals(m, form, fields) {
    var box = form.querySelector("#live-totals");
    var timer = null;
    var asked = 0;
    function refresh() {
      var body = {};
      fields.forEach(function (f) { var v = valueOf(form, f); if (v !== null && v !== undefined && v !== "") { body[f.name] = v; } });
      body.lineItems = linesOf(form);
      var mine = ++asked;
      call("POST", "/" + m.collection + "/totals", body).then(function (r) {
        if (mine !== asked) { return; }
        var priced = r.body.lineItems || [];
        var i = 0;
        form.querySelectorAll("#line-rows tr").forEach(function (row) {
          var filled = Array.prototype.some.call(row.querySelectorAll("input"), function (x) { return x.value.trim() !== ""; });
          var cell = row.querySelector(".line-total");
          cell.textContent = filled && priced[i] ? display({ type: "MONEY" }, priced[i].lineTotal) : "";
          if (filled) { i++; }
        });
        box.replaceChildren.apply(box, ["subtotal", "discount", "tax", "shipping", "adjustment", "grandTotal"].map(function (k) {
          return [h("dt", {}, t(k)), h("dd", { id: "live-" + k, class: "num" }, display({ type: "MONEY" }, r.body.totals[k]))];
        }).reduce(function (a, b) { return a.concat(b); }, []));
      }).catch(function (err) {
        if (mine === asked) { box.replaceChildren(h("dd", { class: "error", id: "live-problem" }, problemText(err))); }
      });
    }
    function schedule() { clearTimeout(timer); timer = setTimeout(refresh, 300); }
    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    form.addEventListener("click", function (e) { if (e.target.closest(".remove-line")) { schedule(); } });
    refresh();
  }
  function linesOf(form) {
    var rows = form.querySelectorAll("#line-rows tr");
    var lines = [];
    rows.forEach(function (row) {
      var line = {};
      var empty = true;
      LINE_FIELDS.forEach(function (c) {
        var el = row.querySelector("[name=line-" + c + "]");
        var v = el.value.trim();
        if (c === "name" && el.getAttribute("data-product")) { line.productId = el.getAttribute("data-product"); }
        if (v !== "") { empty = false; line[c] = c === "name" || typedNumber(v) === null ? v : typedNumber(v); }
      });
      if (!empty) { lines.push(line); }
    });
    return lines;
  }

  /** A create (no id) or edit form; after a refusal, {@code rec} holds what was typed and the errors show next to the fields. */
  function renderForm(m, rec, problem, original) {
    var stored = original || (rec && rec.id ? rec : null);
    var hasLines = m.fields.some(function (f) { return f.type === "LINE_ITEMS"; });
    if (original) { rec = merge(original, rec); }
    var editable = m.fields.filter(function (f) { return !f.readOnly && ["LINE_ITEMS", "TOTALS", "PARTICIPANTS"].indexOf(f.type) < 0; });
    var errors = {};
    var anyway = false; // the user saw the records it looks like and creates it all the same
    ((problem && problem.errors) || []).forEach(function (e) { errors[e.field] = (errors[e.field] ? errors[e.field] + "; " : "") + e.message; });
    var form = h("form", { id: "record-form", novalidate: true, onsubmit: function (e) {
      e.preventDefault();
      var body = {};
      editable.forEach(function (f) {
        var v = valueOf(form, f);
        var was = !stored || stored[f.name] === undefined ? null : stored[f.name];
        if (f.type === "ADDRESS" ? JSON.stringify(v) !== JSON.stringify(addressOf(was))
          : f.type === "DATETIME" ? !sameMinute(v, was) : v !== was) { body[f.name] = v; }
      });
      if (hasLines) {
        var lines = linesOf(form);
        var before = stored ? JSON.stringify((stored.lineItems || []).map(function (l) { var c = merge(l, {}); delete c.lineTotal; return c; })) : "[]";
        if (JSON.stringify(lines) !== before) { body.lineItems = lines; }
      }
      var saving = stored ? call("PATCH", "/" + m.collection + "/" + stored.id, body, stored.version)
        : call("POST", "/" + m.collection + (anyway ? "?createAnyway=true" : ""), body);
      saving.then(function (r) { state.note = t("saved"); location.hash = "#/c/" + m.collection + "/" + r.body.id; })
        .catch(function (err) {
          if (err.status === 401) { return; }
          if (err.status === 412 && stored) { // changed meanwhile: say by whom, keep what was typed over their version
            call("GET", "/" + m.collection + "/" + stored.id).then(function (r) {
              renderForm(m, body, { detail: t("changedMeanwhileForm").replace("{0}", r.body.updatedBy || t("system"))
                .replace("{1}", new Date(r.body.updatedAt).toLocaleString(state.lang === "vi" ? "vi-VN" : "en-GB")) }, r.body);
            }).catch(showProblem);
            return;
          }
          renderForm(m, body, err.body || {}, stored);
        });
    } },
      problem && problem.candidates ? h("div", { class: "message bad", role: "alert", id: "form-problem" },
        h("p", {}, t("looksLike")), h("ul", { id: "lookalikes" }, problem.candidates.map(function (c) {
          return h("li", {}, h("a", { href: "#/c/" + c.collection + "/" + c.id }, c.number + " · " + (c.label || "")),
            " (" + c.fields.map(fieldLabel).join(" + ") + ")");
        })), h("button", { type: "button", id: "create-anyway", onclick: function () { anyway = true; form.requestSubmit(); } }, t("createAnyway")))
        : problem ? h("p", { class: "message bad", role: "alert", id: "form-problem" }, problemSummary(problem, editable)) : null,
      editable.map(function (f) {
        if (f.type === "ADDRESS") { return addressInputs(f, rec ? rec[f.name] : null); }
        var el = input(f, rec ? rec[f.name] : null);
        if (errors[f.name]) { el.setAttribute("aria-invalid", "true"); el.setAttribute("aria-describedby", "field-" + f.name + "-error"); }
        return field("field-" + f.name, fieldLabel(f.name) + (f.required ? " *" : ""), el, errors[f.name]);
      }),
      hasLines ? linesEditor(rec) : null,
      hasLines && Object.keys(errors).some(function (k) { return k.indexOf("lineItems") === 0; })
        ? h("p", { class: "error", id: "line-errors" }, Object.keys(errors).filter(function (k) { return k.indexOf("lineItems") === 0; })
          .map(function (k) { return k + ": " + errors[k]; }).join("; ")) : null,
      h("div", { class: "actions" }, h("button", { class: "primary", type: "submit", id: "save" }, t("save")),
        h("a", { href: rec && rec.id ? "#/c/" + m.collection + "/" + rec.id : "#/c/" + m.collection }, t("cancel"))));
    shell([h("h1", {}, moduleLabel(m) + (rec && rec.number ? " · " + rec.number : " · " + t("newRecord"))), form]);
    if (hasLines && writable(m)) { liveTotals(m, form, editable); }
    var first = form.querySelector("[aria-invalid=true]") || form.querySelector("input, select, textarea");
    if (first) { first.focus(); }
  }
  /** Two instants the form shows alike (it shows minutes): an unchanged moment is not sent again. */
  function sameMinute(a, b) {
    if (!a || !b) { return a === b; }
    var x = Date.parse(a), y = Date.parse(b);
    return !isNaN(x) && !isNaN(y) && Math.floor(x / 60000) === Math.floor(y / 60000);
  }
  /** The form's headline for a refusal: field errors show at their fields, so only the others are spelled out here. */
  function problemSummary(problem, shownFields) {
    if (!problem.errors || !problem.errors.length) { return problem.detail || problem.title || t("failed"); }
    var elsewhere = problem.errors.filter(function (e) {
      return e.field.indexOf("lineItems") !== 0 && !shownFields.some(function (f) { return f.name === e.field; });
    });
    return t("notValid") + elsewhere.map(function (e) { return " " + fieldLabel(e.field) + ": " + e.message + "."; }).join("");
  }
  function merge(a, b) { var r = {}; Object.keys(a).forEach(function (k) { r[k] = a[k]; }); Object.keys(b).forEach(function (k) { r[k] = b[k]; }); return r; }

  function showProblem(err) {
    if (err && err.status === 401) { return; }
    var body = (err && err.body) || {};
    shell([h("p", { class: "message bad", role: "alert" }, (body.title || t("failed")) + (body.detail ? ": " + body.detail : ""))]);
  }

  /* ---- dashboard and reports: charts (shell/charts.js) of the modules' own figures ---- */

  /**
   * Reports: a module's records grouped by one or two fields (a date by period) with a count or a
   * numeric field's sum, average, minimum or maximum, as a table and a chart; the URL holds the choice.
   */
  function report(params) {
    var modules = state.modules.filter(function (m) { return m.access !== "none"; });
    var m = moduleOf(params.collection) || modules[0];
    if (!m) { shell([h("p", { class: "muted" }, t("noRecords"))]); return; }
    var groupable = [{ name: "createdAt", type: "DATETIME" }, { name: "createdBy", type: "USER" }].concat(m.fields.filter(function (f) {
      return f.filterable && ["TEXT", "MULTI_ENUM", "TAGS"].indexOf(f.type) < 0;
    }));
    var numeric = m.fields.filter(function (f) { return ["INTEGER", "DECIMAL", "MONEY"].indexOf(f.type) >= 0; });
    var by = params.by || (groupable.filter(function (f) { return f.type === "ENUM"; })[0] || groupable[0]).name;
    var measure = params.measure || "";
    var stat = params.stat || "sum";
    function fieldOf(name) { return groupable.filter(function (f) { return f.name === name.split(":")[0]; })[0]; }
    function isDate(name) { var f = fieldOf(name); return f && (f.type === "DATE" || f.type === "DATETIME"); }
    var form = h("form", { class: "toolbar", id: "report-form", onsubmit: function (e) {
      e.preventDefault();
      var next = { collection: form.elements.collection.value, by: form.elements.by.value, measure: form.elements.measure.value,
        stat: form.elements.stat.value };
      if (isDate(next.by) && form.elements.period.value) { next.by += ":" + form.elements.period.value; }
      if (form.elements.by2.value) { next.by += "," + form.elements.by2.value; }
      location.hash = "#/reports?" + Object.keys(next).filter(function (k) { return next[k]; })
        .map(function (k) { return k + "=" + encodeURIComponent(next[k]); }).join("&");
    } },
      h("label", { for: "report-collection" }, t("module"), h("select", { id: "report-collection", name: "collection",
        onchange: function (e) { location.hash = "#/reports?collection=" + e.target.value; } },
        modules.map(function (x) { return h("option", { value: x.collection, selected: x === m }, moduleLabel(x)); }))),
      h("label", { for: "report-by" }, t("groupBy"), h("select", { id: "report-by", name: "by" }, groupable.map(function (f) {
        return h("option", { value: f.name, selected: by.split(",")[0].split(":")[0] === f.name }, fieldLabel(f.name));
      }))),
      h("label", { for: "report-period" }, t("period"), h("select", { id: "report-period", name: "period" }, h("option", { value: "" }, ""),
        ["day", "week", "month", "quarter", "year"].map(function (p) {
          return h("option", { value: p, selected: by.split(",")[0].split(":")[1] === p }, t("per." + p));
        }))),
      h("label", { for: "report-by2" }, t("thenBy"), h("select", { id: "report-by2", name: "by2" }, h("option", { value: "" }, ""),
        groupable.filter(function (f) { return f.type !== "DATE" && f.type !== "DATETIME"; }).map(function (f) {
          return h("option", { value: f.name, selected: by.split(",")[1] === f.name }, fieldLabel(f.name));
        }))),
      h("label", { for: "report-measure" }, t("measure"), h("select", { id: "report-measure", name: "measure" }, h("option", { value: "" }, t("countOnly")),
        numeric.map(function (f) { return h("option", { value: f.name, selected: measure === f.name }, fieldLabel(f.name)); }))),
      h("label", { for: "report-stat" }, t("statistic"), h("select", { id: "report-stat", name: "stat" }, ["sum", "avg", "min", "max"].map(function (x) {
        return h("option", { value: x, selected: stat === x }, t("stat." + x));
      }))),
      h("button", { type: "submit", id: "report-run", class: "primary" }, t("show")));
    var still = stillCurrent();
    call("GET", "/" + m.collection + "/counts?by=" + encodeURIComponent(by) + (measure ? "&measure=" + encodeURIComponent(measure) : "")).then(function (r) {
      if (!still()) { return; }
      var first = fieldOf(by.split(",")[0]);
      var second = by.split(",")[1] ? fieldOf(by.split(",")[1]) : null;
      function shownValue(f, v) { return v === "" ? t("none") : f && (f.type === "ENUM" || f.type === "BOOLEAN") ? display(f, f.type === "BOOLEAN" ? v === "true" : v) : v; }
      var rows = r.body.items.map(function (g) {
        var label = shownValue(first, g.value) + (second ? " · " + shownValue(second, g.values[1]) : "");
        return { label: label, count: g.count, value: measure ? Number(g[stat] || 0) : g.count };
      });
      var numberFormat = function (n) { return Number(n).toLocaleString(state.lang === "vi" ? "vi-VN" : "en-US", { maximumFractionDigits: 2 }); };
      shell([h("h1", {}, t("reports")), form,
        rows.length ? barChart("report-chart", moduleLabel(m), rows.map(function (x) { return { label: x.label, value: x.value }; })) : h("p", { class: "muted" }, t("noRecords")),
        h("table", { id: "report" }, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, fieldLabel(by.split(",")[0].split(":")[0])),
          h("th", { scope: "col" }, t("count")), measure ? h("th", { scope: "col" }, t("stat." + stat) + " · " + fieldLabel(measure)) : null)),
          h("tbody", {}, rows.map(function (x) {
            return h("tr", {}, h("td", {}, x.label), h("td", {}, numberFormat(x.count)), measure ? h("td", {}, numberFormat(x.value)) : null);
          })))]);
    }).catch(function (err) { if (still()) { showProblem(err); } });
  }

  function fieldOf(collection, name) {
    var m = moduleOf(collection);
    return m ? m.fields.filter(function (f) { return f.name === name; })[0] : null;
  }

  /**
   * The dashboard: the installed modules' cards and charts, for everything the user may see or, at {@code #/?mine=true},
   * for their own records only (each contribution is told {@code { mine, owner }} and filters its figures by owner).
   */
  function dashboard(note, params) {
    var mine = !!(params && params.mine === "true");
    var view = Object.freeze({ mine: mine, owner: mine ? "me" : null });
    var charts = h("div", { class: "charts", id: "dashboard" });
    var cards = h("div", { class: "cards", id: "dashboard-cards" });
    var admin = state.user && state.user.roles && state.user.roles.indexOf("admin") >= 0;
    shell([h("h1", {}, t("dashboard") + (mine ? " · " + t("mine") : "")), note ? h("p", { class: "message good", role: "status" }, note) : null,
      h("div", { class: "actions dashboard-view", role: "group", "aria-label": t("dashboard") },
        h("a", { class: "button", id: "dashboard-everyone", href: "#/", "aria-current": mine ? null : "page" }, t("everyone")),
        h("a", { class: "button", id: "dashboard-mine", href: "#/?mine=true", "aria-current": mine ? "page" : null }, t("mine"))),
      admin ? h("div", { class: "actions" }, h("button", { id: "sample-data", onclick: function () {
        call("POST", "/sample-data").then(function () { dashboard(t("sampleLoaded"), params); })
          .catch(function (err) { dashboard(err.status === 409 ? t("sampleThere") : t("failed"), params); });
      } }, t("sampleData"))) : null, cards, charts]);
    // cards in the order of their modules' names: the same every time, whichever loads first
    Object.keys(dashboardCards).sort(function (a, b) {
      return (dashboardCards[a].module + a).localeCompare(dashboardCards[b].module + b);
    }).forEach(function (id) {
      var card = dashboardCards[id];
      if (moduleOf(card.module)) { cards.appendChild(card.render(view)); }
    });
    // charts contributed by the installed modules, in the order of their modules' names; each keeps its place while it loads
    Object.keys(dashboardCharts).sort(function (a, b) {
      return (dashboardCharts[a].module + a).localeCompare(dashboardCharts[b].module + b);
    }).forEach(function (id) {
      var chart = dashboardCharts[id];
      if (!moduleOf(chart.module)) { return; }
      var slot = h("div", { class: "chart-slot" });
      charts.appendChild(slot);
      Promise.resolve(chart.render(view)).then(function (figure) { if (figure) { slot.replaceWith(figure); } }).catch(function () { return null; });
    });
  }

  function route() {
    view++;
    var note = state.note;
    state.note = null;
    if (!state.user) { renderSignIn(); return; }
    var hash = location.hash.replace(/^#\/?/, "");
    var params = {};
    if (hash.indexOf("?") >= 0) {
      hash.slice(hash.indexOf("?") + 1).split("&").forEach(function (pair) {
        var kv = pair.split("=");
        if (kv[0]) { params[decodeURIComponent(kv[0])] = decodeURIComponent((kv[1] || "").replace(/\+/g, " ")); }
      });
      hash = hash.slice(0, hash.indexOf("?"));
    }
    var parts = hash.split("/");
    if (parts[0] === "p" && pages[parts[1]] && pageOpen(pages[parts[1]])) { pages[parts[1]].render(); return; }
    if (parts[0] === "reports") { report(params); return; }
    if (parts[0] === "search" && params.q) { searchResults(params.q); return; }
    if (parts[0] === "admin" && adminPages[parts[1]] && isAdmin()) { adminPages[parts[1]].render(parts.slice(2), note); return; }
    if (parts[0] !== "c" || !parts[1]) { dashboard(note, params); return; }
    var m = moduleOf(parts[1]);
    if (!m) { shell([h("p", { class: "message bad", role: "alert" }, t("failed"))]); return; }
    if (!parts[2]) { list(m, params, undefined, undefined, undefined, note); return; }
    if (parts[2] === "new") { renderForm(m, null); return; }
    if (parts[2] === "board" && boardField(m)) {
      board(m, params, { shell: shell, users: usersOnce, moduleLabel: moduleLabel, label: recordLabel }, note);
      return;
    }
    if (parts[2] === "import" && writable(m)) { importScreen(m, parts[3]); return; }
    if (parts[2] === "duplicates" && m.duplicateKeys && m.duplicateKeys.length) { duplicatesScreen(m); return; }
    if (parts[2] === "merge" && writable(m) && params.ids) { mergeScreen(m, params.ids.split(",").slice(0, 11)); return; }
    var screen = parts[3] && (detailActions[m.collection] || []).filter(function (a) { return a.id === parts[3]; })[0];
    if (screen) {
      // a record's own screen (touches, convert, receive goods, …) has its URL: Back, reload and Cancel work
      var current = stillCurrent();
      call("GET", "/" + m.collection + "/" + parts[2]).then(function (r) {
        if (!current()) { return; }
        if ((screen.shown && !screen.shown(r.body)) || (screen.writes && !writable(m))) { detail(m, parts[2]); return; }
        screen.run(r.body);
      }).catch(function (err) { if (current()) { showProblem(err); } });
      return;
    }
    if (parts[3] === "edit") {
      var still = stillCurrent();
      call("GET", "/" + m.collection + "/" + parts[2]).then(function (r) {
        if (still()) { if (settled(m, r.body) || !writable(m)) { detail(m, parts[2]); } else { renderForm(m, r.body); } }
      })
        .catch(function (err) { if (still()) { showProblem(err); } });
      return;
    }
    detail(m, parts[2], note);
  }

  /* ---- screens modules contribute (UiContribution services): scripts served by their own bundles ---- */
  /** Version 1 of the API contributed screens are written against (only additions within a version; shell/extensions.js). */
  offerApi(1, {
    h: h, call: call, t: t, field: field, shell: shell, fieldLabel: fieldLabel, moduleOf: moduleOf,
    recordLabel: recordLabel, problemText: problemText, showProblem: showProblem, merge: merge, viaLabel: viaLabel,
    enumLabel: enumLabel, fieldOf: fieldOf, writable: writable, display: display,
    /** Numbers and days as people type them (1.500.000 in Vietnamese, 1,500,000 in English; dd/MM/yyyy): the value, or null. */
    typedNumber: typedNumber, typedDate: typedDate,
    /** A day's input (id, name, ISO value), typed as dd/MM/yyyy in either language; read it with typedDate. */
    dateInput: dateInput,
    /** A moment's inputs (id, name, ISO instant or Date): its day as dd/MM/yyyy and its time as 24-hour hh:mm; read it with momentOf(form, name). */
    momentInput: momentInput, momentOf: momentOf,
    /** The active users ({name, displayName, email, teams}), for pickers; asked once a minute at most. */
    users: function () { return usersOnce(); },
    /** A bar chart of {label, value, unit?, second?} rows, drawn with the UI's charting library. */
    barChart: barChart,
    language: function () { return state.lang; },
    /** The signed-in user's name. */
    userName: function () { return state.user ? state.user.user : null; },
    /** The modules installed and readable by the user, in the order the navigation shows them. */
    modules: function () { return state.modules; }
  });

  /** The installed modules in the navigation's order (the server's), with the labels of their fields. */
  function applyModules(body) {
    state.modules = body.items.filter(function (m) { return m.fields.length && m.access !== "none"; });
    var labels = {};
    Object.keys(body.fieldLabels.en).forEach(function (name) {
      labels[name] = { en: body.fieldLabels.en[name], vi: body.fieldLabels.vi[name] };
    });
    state.modules.forEach(function (m) { m.fields.forEach(function (f) { labels[f.name] = f.label; }); });
    state.fieldLabels = labels;
  }

  var starting = 0;
  var shellData = { modules: null, contributions: null };
  /**
   * Draws the screen once the shell knows the installed modules and their screens. They are asked for on every
   * screen, but with the tags of the last answers: unchanged (304, nothing sent), nothing is reloaded.
   */
  function start() {
    var mine = ++starting;
    var contributions = call("GET", "/ui/contributions", undefined, null, shellData.contributions)
      .catch(function () { return { status: 304 }; });
    var modules = call("GET", "/modules", undefined, null, state.modules ? shellData.modules : null);
    return Promise.all([contributions, modules]).then(function (answers) {
      var scripts = answers[0], installed = answers[1];
      var loading = scripts.status === 304 ? null : loadContributions(scripts.body.items);
      if (loading) { shellData.contributions = scripts.tag; }
      return Promise.resolve(loading).then(function () {
        if (installed.status !== 304) {
          shellData.modules = installed.tag;
          applyModules(installed.body);
        }
        // a later navigation started meanwhile: it will draw the screen
        if (mine === starting) { route(); }
      });
    });
  }

  // Modules come and go while the server runs: each navigation asks which are installed now.
  window.addEventListener("hashchange", function () { if (state.user) { start().catch(showProblem); } else { route(); } });
  document.documentElement.lang = state.lang;
  fetch(API + "/branding").then(function (r) { return r.json(); }).then(function (b) { state.branding = b; })
    .catch(function () { return null; })
    .then(function () { return call("GET", "/session"); })
    .then(function (r) { state.user = r.body; return start(); })
    .catch(function () { if (!state.user) { renderSignIn(); } });
})();
