/* The leads module's screens for the Tessera web UI, served from the leads bundle and loaded by the
   shell while the module is installed (see org.tesseracrm.platform.api.spi.UiContribution). */
Tessera.use(1, function (T) {
  "use strict";
  var h = T.h, call = T.call, t = T.t, field = T.field, shell = T.shell, fieldLabel = T.fieldLabel;

  T.extend("strings", {
    en: { "kind.TOUCH": "Touch", leadsByStatus: "Leads by status", leadsBySource: "Leads by source", convert: "Convert", convertLead: "Convert the lead", createAccount: "Create an account from the company",
      createContact: "Create a contact", createPotential: "Create a potential", potentialName: "Potential name",
      touches: "Touches", moreTouches: "Show older touches", "action.TOUCHED": "Touch logged", touchesOf: "Nurturing touches", logTouch: "Log a touch", channel: "Channel", outcome: "Outcome",
      note: "Note", at: "When", by: "By", noTouches: "No contact attempts yet.",
      assignLeads: "Assign leads", assignees: "Share among these salespeople", roundRobin: "Assign round robin",
      selectAll: "Select all", chooseLeads: "Choose at least one lead and one salesperson.", assigned: "Assigned",
      CALL: "Call", EMAIL: "Email", SMS: "SMS", MEETING: "Meeting", SOCIAL: "Social", OTHER: "Other",
      REACHED: "Reached", NO_ANSWER: "No answer", REPLIED: "Replied", BOUNCED: "Bounced", NOT_INTERESTED: "Not interested" },
    vi: { "kind.TOUCH": "Lần liên hệ", leadsByStatus: "Khách hàng tiềm năng theo trạng thái", leadsBySource: "Khách hàng tiềm năng theo nguồn", convert: "Chuyển đổi", convertLead: "Chuyển đổi khách hàng tiềm năng", createAccount: "Tạo khách hàng từ tên công ty",
      createContact: "Tạo người liên hệ", createPotential: "Tạo cơ hội", potentialName: "Tên cơ hội",
      touches: "Lần tiếp cận", moreTouches: "Xem các lần trước", "action.TOUCHED": "Ghi lần tiếp cận", touchesOf: "Nhật ký chăm sóc", logTouch: "Ghi lần tiếp cận", channel: "Kênh", outcome: "Kết quả",
      note: "Ghi chú", at: "Thời điểm", by: "Người thực hiện", noTouches: "Chưa có lần tiếp cận nào.",
      assignLeads: "Phân công khách hàng tiềm năng", assignees: "Chia cho các nhân viên bán hàng này",
      roundRobin: "Chia đều lần lượt", selectAll: "Chọn tất cả", chooseLeads: "Hãy chọn ít nhất một khách hàng tiềm năng và một nhân viên.",
      assigned: "Đã phân công",
      CALL: "Gọi điện", EMAIL: "Email", SMS: "SMS", MEETING: "Gặp mặt", SOCIAL: "Mạng xã hội", OTHER: "Khác",
      REACHED: "Đã liên lạc được", NO_ANSWER: "Không trả lời", REPLIED: "Đã phản hồi", BOUNCED: "Bị trả lại", NOT_INTERESTED: "Không quan tâm" }
  });
  var CHANNELS = ["CALL", "EMAIL", "SMS", "MEETING", "SOCIAL", "OTHER"];
  var OUTCOMES = ["REACHED", "NO_ANSWER", "REPLIED", "BOUNCED", "NOT_INTERESTED", "OTHER"];
  var problemText = T.problemText;
  function leadName(lead) { return [lead.firstName, lead.lastName].filter(Boolean).join(" ") + (lead.company ? " · " + lead.company : ""); }

  /** The lead's log of contact attempts, newest first, and a form to add one. */
  function touches(lead, note, problem) {
    call("GET", "/leads/" + lead.id + "/touches").then(function (r) {
      var form = h("form", { id: "touch-form", class: "card", onsubmit: function (e) {
        e.preventDefault();
        var at = form.elements.at.value;
        call("POST", "/leads/" + lead.id + "/touches", { channel: form.elements.channel.value, outcome: form.elements.outcome.value || null,
          note: form.elements.note.value || null, at: at ? new Date(at).toISOString() : null })
          .then(function () { touches(lead, t("saved")); })
          .catch(function (err) { if (err.status !== 401) { touches(lead, null, problemText(err)); } });
      } },
        h("h2", {}, t("logTouch")),
        problem ? h("p", { class: "message bad", role: "alert", id: "touch-problem" }, problem) : null,
        field("touch-channel", t("channel"), h("select", { id: "touch-channel", name: "channel" }, CHANNELS.map(function (c) { return h("option", { value: c }, t(c)); }))),
        field("touch-outcome", t("outcome"), h("select", { id: "touch-outcome", name: "outcome" }, h("option", { value: "" }, ""),
          OUTCOMES.map(function (c) { return h("option", { value: c }, t(c)); }))),
        field("touch-at", t("at"), h("input", { id: "touch-at", name: "at", type: "datetime-local" })),
        field("touch-note", t("note"), h("textarea", { id: "touch-note", name: "note", rows: "2" })),
        h("div", { class: "actions" }, h("button", { class: "primary", type: "submit", id: "touch-save" }, t("save"))));
      var items = r.body.items, next = r.body.nextCursor;
      function row(x) {
        return h("tr", {}, h("td", {}, new Date(x.at).toLocaleString(T.language() === "vi" ? "vi-VN" : "en-GB")), h("td", {}, t(x.channel)),
          h("td", {}, x.outcome ? t(x.outcome) : ""), h("td", {}, x.note || ""), h("td", {}, x.by || ""));
      }
      var rows = h("tbody", {}, items.map(row));
      // a long nurturing log comes a page at a time
      var more = h("button", { type: "button", id: "more-touches", hidden: !next, onclick: function () {
        call("GET", "/leads/" + lead.id + "/touches?cursor=" + encodeURIComponent(next)).then(function (x) {
          x.body.items.forEach(function (it) { rows.appendChild(row(it)); });
          next = x.body.nextCursor;
          more.hidden = !next;
        }).catch(function () { return null; });
      } }, t("moreTouches"));
      shell([h("h1", {}, t("touchesOf") + " · " + lead.number + " · " + leadName(lead)),
        note ? h("p", { class: "message good", role: "status" }, note) : null,
        h("p", {}, h("a", { href: "#/c/leads/" + lead.id }, t("back"))),
        items.length ? h("table", { id: "touches" }, h("thead", {}, h("tr", {}, ["at", "channel", "outcome", "note", "by"].map(function (c) {
          return h("th", { scope: "col" }, t(c));
        }))), rows) : h("p", { class: "muted", id: "touches" }, t("noTouches")), more,
        T.writable(T.moduleOf("leads")) ? form : null]);
    }).catch(function (err) { if (err.status !== 401) { shell([h("p", { class: "message bad", role: "alert" }, problemText(err))]); } });
  }

  /** Many leads to many salespeople at once, shared out in turn; NEW leads move to NURTURING. */
  function assignment(status, note, problem) {
    var statusField = (T.moduleOf("leads").fields.filter(function (f) { return f.name === "status"; })[0]) || { values: [] };
    call("GET", "/leads?limit=100&sort=-createdAt" + (status ? "&status=" + encodeURIComponent(status) : "")).then(function (r) {
      var filter = h("select", { id: "assign-status", "aria-label": fieldLabel("status") }, h("option", { value: "" }, t("all")),
        statusField.values.filter(function (v) { return v.value !== "CONVERTED"; }).map(function (v) {
          return h("option", { value: v.value, selected: v.value === status }, T.enumLabel(statusField, v.value));
        }));
      filter.addEventListener("change", function () { assignment(filter.value); });
      var all = h("input", { type: "checkbox", id: "assign-all", "aria-label": t("selectAll") });
      var rows = r.body.items.map(function (lead) {
        return h("tr", {}, h("td", {}, h("input", { type: "checkbox", name: "lead", value: lead.id, "aria-label": lead.number })),
          h("td", {}, h("a", { href: "#/c/leads/" + lead.id }, lead.number)), h("td", {}, leadName(lead)),
          h("td", {}, T.enumLabel(statusField, lead.status)), h("td", { class: "assignee" }, lead.assignedTo || ""));
      });
      all.addEventListener("change", function () { rows.forEach(function (row) { row.querySelector("input").checked = all.checked; }); });
      // the salespeople to share among, picked from the active users
      var assignees = h("fieldset", { id: "assignees", class: "choices" }, h("legend", {}, t("assignees")));
      T.users().then(function (users) {
        users.forEach(function (u) {
          assignees.appendChild(h("label", {}, h("input", { type: "checkbox", name: "assignee", value: u.name, id: "assignee-" + u.name }),
            " " + (u.displayName && u.displayName !== u.name ? u.displayName + " (" + u.name + ")" : u.name)));
        });
      });
      shell([h("h1", {}, t("assignLeads")),
        note ? h("p", { class: "message good", role: "status" }, note) : null,
        problem ? h("p", { class: "message bad", role: "alert", id: "assign-problem" }, problem) : null,
        h("div", { class: "toolbar" }, h("label", { for: "assign-status" }, fieldLabel("status"), filter)),
        h("table", { id: "assign-leads" }, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, all), h("th", { scope: "col" }, t("number")),
          h("th", { scope: "col" }, fieldLabel("lastName")), h("th", { scope: "col" }, fieldLabel("status")), h("th", { scope: "col" }, fieldLabel("assignedTo")))),
          h("tbody", {}, rows)),
        h("form", { class: "card", id: "assign-form", onsubmit: function (e) {
          e.preventDefault();
          var ids = rows.map(function (row) { return row.querySelector("input"); }).filter(function (c) { return c.checked; }).map(function (c) { return c.value; });
          var names = Array.prototype.filter.call(assignees.querySelectorAll("input[name=assignee]"), function (c) { return c.checked; })
            .map(function (c) { return c.value; });
          if (!ids.length || !names.length) { assignment(status, null, t("chooseLeads")); return; }
          call("POST", "/leads/assign", { leadIds: ids, assignees: names })
            .then(function (x) { assignment(status, t("assigned") + ": " + x.body.items.length); })
            .catch(function (err) { if (err.status !== 401) { assignment(status, null, problemText(err)); } });
        } }, assignees,
          h("div", { class: "actions" }, h("button", { class: "primary", type: "submit", id: "assign-submit" }, t("roundRobin"))))]);
    }).catch(function (err) { if (err.status !== 401) { shell([h("p", { class: "message bad", role: "alert" }, problemText(err))]); } });
  }

  /** A lead becomes an account, a contact and optionally a potential, in one step (all or nothing). */
  function convertForm(lead) {
    var problem = h("div", { class: "message bad", role: "alert", id: "convert-problem", tabindex: "-1", hidden: true });
    var form = h("form", { id: "convert-form", class: "card", onsubmit: function (e) {
      e.preventDefault();
      var body = {};
      if (form.elements.account.checked) { body.account = { create: true }; }
      if (form.elements.contact.checked) { body.contact = { create: true }; }
      if (form.elements.potential.checked) {
        // a day and an amount as people type them (31/12/2026, 1.500.000); what is neither is sent as typed, to be refused
        var day = form.elements.closeDate.value.trim();
        body.potential = { name: form.elements.potentialName.value, closeDate: day ? T.typedDate(day) || day : null };
        var amount = form.elements.amount.value.trim();
        if (amount) { body.potential.amount = T.typedNumber(amount) === null ? amount : T.typedNumber(amount); }
      }
      call("POST", "/leads/" + lead.id + "/convert", body).then(function (r) {
        var to = r.body.accountId ? "#/c/accounts/" + r.body.accountId : "#/c/contacts/" + r.body.contactId;
        location.hash = to;
      }).catch(function (err) {
        // the form stays as it was filled in: a second click converts what the user asked for, not less
        if (err.status === 401) { return; }
        var errors = (err.body && err.body.errors) || [];
        problem.replaceChildren(h("p", {}, problemText(err)), errors.length ? h("ul", {}, errors.map(function (x) {
          return h("li", {}, fieldLabel(x.field.replace(/^potential\./, "")) + ": " + x.message);
        })) : null);
        problem.hidden = false;
        problem.focus();
      });
    } },
      problem,
      h("div", { class: "field" }, h("label", {}, h("input", { type: "checkbox", name: "account", id: "convert-account", checked: !!lead.company }), " " + t("createAccount"))),
      h("div", { class: "field" }, h("label", {}, h("input", { type: "checkbox", name: "contact", id: "convert-contact", checked: true }), " " + t("createContact"))),
      h("div", { class: "field" }, h("label", {}, h("input", { type: "checkbox", name: "potential", id: "convert-potential" }), " " + t("createPotential"))),
      field("potentialName", t("potentialName"), h("input", { id: "potentialName", name: "potentialName", value: lead.company || "" })),
      field("amount", fieldLabel("amount"), h("input", { id: "amount", name: "amount", inputmode: "decimal" })),
      field("closeDate", fieldLabel("closeDate"), T.dateInput("closeDate", "closeDate", null)),
      h("div", { class: "actions" }, h("button", { class: "primary", type: "submit", id: "convert-submit" }, t("convert")),
        h("a", { href: "#/c/leads/" + lead.id }, t("cancel"))));
    shell([h("h1", {}, t("convertLead") + " · " + lead.number), form]);
  }

  // the latest touches on the lead's own page; the whole log is a click away
  T.extend("record.panel", "leads", { id: "touches", label: { en: "Latest touches", vi: "Các lần tiếp cận gần đây" }, render: function (lead, box) {
    call("GET", "/leads/" + lead.id + "/touches?limit=5").then(function (r) {
      box.appendChild(r.body.items.length ? h("ul", { id: "recent-touches" }, r.body.items.map(function (x) {
        return h("li", {}, h("time", { datetime: x.at }, new Date(x.at).toLocaleString(T.language() === "vi" ? "vi-VN" : "en-GB")),
          " · " + t(x.channel) + (x.outcome ? " · " + t(x.outcome) : "") + (x.note ? " — " + x.note : ""));
      })) : h("p", { class: "muted" }, t("noTouches")));
      box.appendChild(h("a", { href: "#/c/leads/" + lead.id + "/lead-touches", id: "all-touches" }, t("touchesOf")));
    }).catch(function () { return null; });
  } });
  T.extend("record.action", "leads", { id: "lead-touches", label: { en: "Touches", vi: "Lần tiếp cận" }, run: function (lead) { touches(lead); } });
  T.extend("menu", "lead-assignment", { module: "leads", writes: true, label: { en: "Assign leads", vi: "Phân công KH tiềm năng" }, render: function () { assignment("NEW"); } });

  T.extend("record.action", "leads", {
    id: "convert",
    label: { en: "Convert", vi: "Chuyển đổi" },
    shown: function (lead) { return lead.status !== "CONVERTED"; },
    writes: true,
    run: function (lead) { convertForm(lead); }
  });

  // the dashboard: how many leads there are by status and by source
  ["status", "source"].forEach(function (by) {
    T.extend("dashboard.chart", "leads-" + by, { module: "leads", render: function (view) {
      return call("GET", "/leads/counts?by=" + by + (view && view.owner ? "&assignedTo=" + view.owner : "")).then(function (r) {
        var f = T.fieldOf("leads", by);
        return T.barChart("chart-leads-" + by, t(by === "status" ? "leadsByStatus" : "leadsBySource"), r.body.items.map(function (c) {
          return { label: c.value ? T.enumLabel(f, c.value) : t("none"), value: c.count };
        }));
      });
    } });
  });
});
