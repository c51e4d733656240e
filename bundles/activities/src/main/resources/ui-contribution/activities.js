/* The activities module's screens for the Tessera web UI, served from the activities bundle and loaded by
   the shell while the module is installed: log a call, add a task or schedule a meeting from any record's
   timeline; the calendar (month, week, day; drag an activity to another day); "My day" on the dashboard. */
Tessera.use(1, function (T) {
  "use strict";
  var h = T.h, call = T.call, t = T.t, field = T.field, shell = T.shell;

  T.extend("strings", {
    en: { "kind.TASK": "Task", "kind.CALL": "Call", "kind.MEETING": "Meeting",
      "notice.TASK_ASSIGNED": "{0} gave you a task:", "notice.REMINDER": "Reminder:", logCall: "Log a call", addTask: "Add a task", scheduleMeeting: "Schedule a meeting", calendar: "Calendar",
      myDay: "My day", overdue: "Overdue", nothingToday: "Nothing due today.", month: "Month", week: "Week", day: "Day",
      today: "Today", previous: "Previous", next: "Next", onlyMine: "Only mine", moved: "Moved.",
      "act.subject": "Subject", "act.when": "When", "act.due": "Due", "act.starts": "Starts", "act.ends": "Ends",
      "act.duration": "Duration (minutes)", "act.direction": "Direction", "act.outcome": "Outcome", "act.location": "Location",
      "act.remind": "Remind me", "act.assignee": "Assigned to", "act.repeats": "Repeats", "act.none": "No reminder",
      "act.15m": "15 minutes before", "act.1h": "1 hour before", "act.1d": "1 day before",
      "act.callWith": "Call with {0}", "act.meetWith": "Meeting with {0}", "act.logged": "Call logged.", "act.added": "Added.",
      "act.attendees": "Attendees", "notice.INVITED": "{0} invited you:", "act.touch": "Also a nurturing touch of this lead" },
    vi: { "kind.TASK": "Công việc", "kind.CALL": "Cuộc gọi", "kind.MEETING": "Cuộc họp",
      "notice.TASK_ASSIGNED": "{0} giao việc cho bạn:", "notice.REMINDER": "Nhắc việc:", logCall: "Ghi cuộc gọi", addTask: "Thêm công việc", scheduleMeeting: "Hẹn cuộc họp", calendar: "Lịch",
      myDay: "Việc hôm nay", overdue: "Quá hạn", nothingToday: "Hôm nay không có việc đến hạn.", month: "Tháng", week: "Tuần", day: "Ngày",
      today: "Hôm nay", previous: "Trước", next: "Sau", onlyMine: "Chỉ của tôi", moved: "Đã dời.",
      "act.subject": "Tiêu đề", "act.when": "Thời điểm", "act.due": "Hạn", "act.starts": "Bắt đầu", "act.ends": "Kết thúc",
      "act.duration": "Thời lượng (phút)", "act.direction": "Chiều gọi", "act.outcome": "Kết quả", "act.location": "Địa điểm",
      "act.remind": "Nhắc tôi", "act.assignee": "Giao cho", "act.repeats": "Lặp lại", "act.none": "Không nhắc",
      "act.15m": "Trước 15 phút", "act.1h": "Trước 1 giờ", "act.1d": "Trước 1 ngày",
      "act.callWith": "Gọi cho {0}", "act.meetWith": "Họp với {0}", "act.logged": "Đã ghi cuộc gọi.", "act.added": "Đã thêm.",
      "act.attendees": "Người tham dự", "notice.INVITED": "{0} mời bạn họp:", "act.touch": "Tính là một lần chăm sóc khách hàng tiềm năng này" }
  });

  function module() { return T.moduleOf("activities"); }
  function fieldOf(name) { return module().fields.filter(function (f) { return f.name === name; })[0]; }
  function locale() { return T.language() === "vi" ? "vi-VN" : "en-GB"; }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function options(name, selected, blank) {
    var f = fieldOf(name);
    return (blank ? [h("option", { value: "" }, "")] : []).concat(f.values.filter(function (v) { return !v.retired; }).map(function (v) {
      return h("option", { value: v.value, selected: v.value === selected }, v[T.language()] || v.en);
    }));
  }

  /** Who is asked to a meeting: the contact or lead it is about (asked unless unticked), and colleagues. */
  function attendeePicker(m, rec, label) {
    var id = 0;
    function choice(value, text, checked) {
      var box = h("input", { type: "checkbox", name: "attendee", id: "act-attendee-" + (id++), value: value, checked: !!checked });
      return h("label", { for: box.id }, box, " " + text);
    }
    var people = h("fieldset", { class: "choices", id: "act-attendees" }, h("legend", {}, t("act.attendees")));
    if (m.collection === "contacts" || m.collection === "leads") {
      people.appendChild(choice(m.collection + "/" + rec.id, label, true));
    }
    call("GET", "/users").then(function (r) {
      r.body.items.filter(function (u) { return u.name !== T.userName(); }).forEach(function (u) {
        people.appendChild(choice("users/" + u.name, u.displayName || u.name, false));
      });
    }).catch(function () { return null; });
    return people;
  }

  /** The form of one kind of activity about a record; done(message) when saved. */
  function composer(kind, m, rec, done, cancel) {
    var label = T.recordLabel(rec) || rec.number;
    var problem = h("p", { class: "message bad", role: "alert", hidden: true });
    var now = new Date();
    var inAnHour = new Date(now.getTime() + 3600000);
    inAnHour.setMinutes(0);
    var rows = [field("act-subject", t("act.subject"), h("input", { id: "act-subject", name: "subject", required: true,
      value: kind === "CALL" ? t("act.callWith").replace("{0}", label) : kind === "MEETING" ? t("act.meetWith").replace("{0}", label) : "" }))];
    if (kind === "CALL") {
      rows.push(field("act-start", t("act.when"), T.momentInput("act-start", "startAt", now)),
        field("act-direction", t("act.direction"), h("select", { id: "act-direction", name: "direction" }, options("direction", "OUTBOUND"))),
        field("act-duration", t("act.duration"), h("input", { id: "act-duration", name: "durationMinutes", type: "number", min: "0", max: "1440" })),
        field("act-outcome", t("act.outcome"), h("textarea", { id: "act-outcome", name: "outcome", rows: "2" })));
    } else if (kind === "TASK") {
      rows.push(field("act-due", t("act.due"), T.momentInput("act-due", "dueAt", inAnHour)));
    } else {
      rows.push(field("act-start", t("act.starts"), T.momentInput("act-start", "startAt", inAnHour)),
        field("act-end", t("act.ends"), T.momentInput("act-end", "endAt", new Date(inAnHour.getTime() + 3600000))),
        field("act-location", t("act.location"), h("input", { id: "act-location", name: "location" })), attendeePicker(m, rec, label));
    }
    if (kind !== "TASK" && m.collection === "leads") {
      rows.push(h("label", { for: "act-touch", class: "check" }, h("input", { type: "checkbox", id: "act-touch", name: "countsAsTouch", checked: true }), " " + t("act.touch")));
    }
    if (kind !== "CALL") {
      rows.push(field("act-remind", t("act.remind"), h("select", { id: "act-remind", name: "reminderMinutes" },
        [["", "act.none"], ["15", "act.15m"], ["60", "act.1h"], ["1440", "act.1d"]].map(function (o) { return h("option", { value: o[0] }, t(o[1])); }))),
        field("act-repeats", t("act.repeats"), h("select", { id: "act-repeats", name: "recurrence" }, options("recurrence", "NONE"))));
      var assignee = h("select", { id: "act-assignee", name: "assignedTo" }, h("option", { value: "" }, t("me")));
      call("GET", "/users").then(function (r) {
        r.body.items.forEach(function (u) { assignee.appendChild(h("option", { value: u.name }, u.displayName || u.name)); });
      }).catch(function () { return null; });
      rows.push(field("act-assignee", t("act.assignee"), assignee));
    }
    var form = h("form", { class: "card", id: "activity-form", onsubmit: function (e) {
      e.preventDefault();
      var v = form.elements;
      var body = { kind: kind, subject: v.subject.value, relatedCollection: m.collection, relatedId: rec.id };
      // moments as people type them: 31/12/2026 and 14:30, in the user's time zone
      ["startAt", "endAt", "dueAt"].forEach(function (name) { if (v[name]) { body[name] = T.momentOf(form, name); } });
      if (v.direction) { body.direction = v.direction.value; }
      if (v.durationMinutes && v.durationMinutes.value) { body.durationMinutes = Number(v.durationMinutes.value); }
      if (v.outcome && v.outcome.value) { body.outcome = v.outcome.value; }
      if (v.location && v.location.value) { body.location = v.location.value; }
      if (v.reminderMinutes && v.reminderMinutes.value) { body.reminderMinutes = Number(v.reminderMinutes.value); }
      if (v.recurrence) { body.recurrence = v.recurrence.value; }
      if (v.assignedTo && v.assignedTo.value) { body.assignedTo = v.assignedTo.value; }
      if (v.countsAsTouch) { body.countsAsTouch = v.countsAsTouch.checked; }
      if (kind === "MEETING") {
        body.attendees = Array.prototype.map.call(form.querySelectorAll("input[name=attendee]:checked"), function (c) {
          return { collection: c.value.split("/")[0], id: c.value.slice(c.value.indexOf("/") + 1) };
        });
      }
      call("POST", "/activities", body).then(function () { done(t(kind === "CALL" ? "act.logged" : "act.added")); }).catch(function (err) {
        var errors = err.body && err.body.errors ? err.body.errors.map(function (x) { return T.fieldLabel(x.field) + ": " + x.message; }).join("; ") : "";
        problem.textContent = T.problemText(err) + (errors ? " — " + errors : "");
        problem.hidden = false;
      });
    } }, problem, rows, h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", id: "act-save" }, t("save")),
      h("button", { type: "button", id: "act-cancel", onclick: cancel }, t("cancel"))));
    setTimeout(function () { form.elements.subject.focus(); }, 0);
    return form;
  }
  [["log-call", "CALL", "Log a call", "Ghi cuộc gọi"], ["add-task", "TASK", "Add a task", "Thêm công việc"],
    ["schedule-meeting", "MEETING", "Schedule a meeting", "Hẹn cuộc họp"]].forEach(function (c) {
    T.extend("timeline.composer", c[0], { module: "activities", label: { en: c[2], vi: c[3] },
      render: function (m, rec, done, cancel) { return composer(c[1], m, rec, done, cancel); } });
  });

  /* ---- the calendar: #/p/calendar?view=month|week|day&date=YYYY-MM-DD&mine=true ---- */
  function hashParams() {
    var q = location.hash.indexOf("?") >= 0 ? location.hash.slice(location.hash.indexOf("?") + 1) : "";
    var p = {};
    q.split("&").forEach(function (kv) { var x = kv.split("="); if (x[0]) { p[decodeURIComponent(x[0])] = decodeURIComponent(x[1] || ""); } });
    return p;
  }
  function dayKey(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }
  function parseDay(s) { var x = (s || "").split("-"); return x.length === 3 ? new Date(Number(x[0]), Number(x[1]) - 1, Number(x[2])) : null; }
  function addDays(d, n) { var c = new Date(d.getFullYear(), d.getMonth(), d.getDate() + n); return c; }
  function mondayOf(d) { return addDays(d, -((d.getDay() + 6) % 7)); }

  function calendar(message) {
    var p = hashParams();
    var view = ["month", "week", "day"].indexOf(p.view) >= 0 ? p.view : "month";
    var date = parseDay(p.date) || new Date();
    var mine = p.mine === "true";
    var first, last;
    if (view === "day") { first = new Date(date.getFullYear(), date.getMonth(), date.getDate()); last = first; }
    else if (view === "week") { first = mondayOf(date); last = addDays(first, 6); }
    else { first = mondayOf(new Date(date.getFullYear(), date.getMonth(), 1)); last = addDays(mondayOf(new Date(date.getFullYear(), date.getMonth() + 1, 0)), 6); }
    function go(changes) {
      var next = { view: view, date: dayKey(date), mine: mine ? "true" : "" };
      Object.keys(changes).forEach(function (k) { next[k] = changes[k]; });
      location.hash = "#/p/calendar?" + Object.keys(next).filter(function (k) { return next[k]; }).map(function (k) { return k + "=" + encodeURIComponent(next[k]); }).join("&");
    }
    function step(n) { return view === "day" ? addDays(date, n) : view === "week" ? addDays(date, 7 * n) : new Date(date.getFullYear(), date.getMonth() + n, 1); }
    var grid = h("div", { class: "calendar " + view, id: "calendar", role: "list", "aria-label": t("calendar") });
    var title = view === "month" ? date.toLocaleDateString(locale(), { month: "long", year: "numeric" })
      : view === "week" ? first.toLocaleDateString(locale()) + " – " + last.toLocaleDateString(locale())
      : date.toLocaleDateString(locale(), { weekday: "long", day: "numeric", month: "long", year: "numeric" });
    shell([h("h1", {}, t("calendar") + " · " + title), message ? h("p", { class: "message good", role: "status" }, message) : null,
      h("div", { class: "actions toolbar" },
        h("button", { id: "cal-prev", onclick: function () { go({ date: dayKey(step(-1)) }); } }, t("previous")),
        h("button", { id: "cal-today", onclick: function () { go({ date: dayKey(new Date()) }); } }, t("today")),
        h("button", { id: "cal-next", onclick: function () { go({ date: dayKey(step(1)) }); } }, t("next")),
        ["month", "week", "day"].map(function (v) {
          return h("button", { id: "cal-" + v, "aria-pressed": String(v === view), onclick: function () { go({ view: v }); } }, t(v));
        }),
        h("label", {}, h("input", { type: "checkbox", id: "cal-mine", checked: mine, onchange: function (e) { go({ mine: e.target.checked ? "true" : "" }); } }), " ", t("onlyMine"))),
      grid]);
    var cells = {};
    for (var d = first; d <= last; d = addDays(d, 1)) {
      var key = dayKey(d);
      var cell = h("div", { class: "day" + (d.getMonth() !== date.getMonth() && view === "month" ? " other" : "") + (key === dayKey(new Date()) ? " today" : ""),
        role: "listitem", "aria-label": d.toLocaleDateString(locale(), { weekday: "long", day: "numeric", month: "long" }), "data-day": key, id: "day-" + key },
        h("div", { class: "day-title" }, view === "day" ? "" : d.toLocaleDateString(locale(), view === "month" ? { day: "numeric" } : { weekday: "short", day: "numeric", month: "numeric" })),
        h("ul", {}));
      cell.addEventListener("dragover", function (e) { e.preventDefault(); });
      cell.addEventListener("drop", dropOn(key));
      cells[key] = cell;
      grid.appendChild(cell);
    }
    var query = "/activities?limit=200&sort=scheduledAt&from=" + encodeURIComponent(first.toISOString())
      + "&to=" + encodeURIComponent(addDays(last, 1).toISOString()) + (mine ? "&user=me" : "");
    var byId = {};
    call("GET", query).then(function (r) {
      r.body.items.forEach(function (a) {
        byId[a.id] = a;
        var at = new Date(a.scheduledAt);
        var cellOf = cells[dayKey(at)] || cells[dayKey(first)];
        var time = at.toLocaleTimeString(locale(), { hour: "2-digit", minute: "2-digit" });
        var me = T.userName();
        var attendsOnly = a.assignedTo !== me && a.createdBy !== me && (a.attendees || []).some(function (x) { return x.collection === "users" && x.id === me; });
        var movable = T.writable(module()) && a.status === "OPEN" && !attendsOnly; // an attendee may read it, not move it
        var item = h("li", { class: "activity kind-" + a.kind.toLowerCase() + " status-" + a.status.toLowerCase(), draggable: movable ? "true" : null,
          "data-id": a.id }, h("a", { href: "#/c/activities/" + a.id }, time + " " + a.subject));
        item.addEventListener("dragstart", function (e) { e.dataTransfer.setData("text/plain", a.id); });
        cellOf.querySelector("ul").appendChild(item);
      });
    }).catch(T.showProblem);
    /** Moving an activity to another day keeps its time of day and its length; its version guards a concurrent change. */
    function dropOn(key) {
      return function (e) {
        e.preventDefault();
        var a = byId[e.dataTransfer.getData("text/plain")];
        if (!a) { return; }
        var from = new Date(a.scheduledAt);
        var target = parseDay(key);
        var days = Math.round((new Date(target.getFullYear(), target.getMonth(), target.getDate()) - new Date(from.getFullYear(), from.getMonth(), from.getDate())) / 86400000);
        if (!days) { return; }
        var shift = function (v) { if (!v) { return v; } var x = new Date(v); x.setDate(x.getDate() + days); return x.toISOString(); };
        var change = {};
        ["dueAt", "startAt", "endAt"].forEach(function (f) { if (a[f]) { change[f] = shift(a[f]); } });
        call("PATCH", "/activities/" + a.id, change, a.version).then(function () { calendar(t("moved")); }).catch(T.showProblem);
      };
    }
  }
  T.extend("menu", "calendar", { module: "activities", label: { en: "Calendar", vi: "Lịch" }, render: function () { calendar(); } });

  /* ---- "My day": what is due today or overdue for the user ---- */
  T.extend("dashboard.card", "my-day", { module: "activities", render: function () {
    var list = h("ul", { class: "my-day-list" });
    var card = h("section", { class: "card my-day", id: "my-day", "aria-labelledby": "my-day-title" }, h("h2", { id: "my-day-title" }, t("myDay")), list);
    var endOfDay = addDays(new Date(new Date().getFullYear(), new Date().getMonth(), new Date().getDate()), 1);
    call("GET", "/activities?user=me&status=OPEN&sort=scheduledAt&limit=20&scheduledAt[lt]=" + encodeURIComponent(endOfDay.toISOString())).then(function (r) {
      var now = new Date();
      r.body.items.forEach(function (a) {
        var at = new Date(a.scheduledAt);
        var late = at < now && a.kind !== "MEETING" || a.endAt && new Date(a.endAt) < now;
        list.appendChild(h("li", { class: late ? "overdue" : null },
          late ? [h("strong", { class: "bad" }, t("overdue")), " "] : null,
          h("time", { datetime: a.scheduledAt }, at.toLocaleString(locale(), { hour: "2-digit", minute: "2-digit", day: "numeric", month: "numeric" })), " ",
          h("a", { href: "#/c/activities/" + a.id }, a.subject), " ", h("span", { class: "muted" }, T.enumLabel(fieldOf("kind"), a.kind))));
      });
      if (!r.body.items.length) { list.appendChild(h("li", { class: "muted" }, t("nothingToday"))); }
    }).catch(function () { list.appendChild(h("li", { class: "muted" }, t("failed"))); });
    return card;
  } });
});
