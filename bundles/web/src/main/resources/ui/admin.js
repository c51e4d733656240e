/* The administrator's pages of the platform: users, teams, roles and the audit trail. They use the
   public API only (/api/v1/users, /teams, /roles, /audit), like every other screen. */
Tessera.use(1, function (T) {
  "use strict";
  var h = T.h, t = T.t;
  T.extend("strings", {
    en: {
      users: "Users", teams: "Teams", roles: "Roles", audit: "Audit trail", newUser: "New user", newTeam: "New team", newRole: "New role",
      name: "Name", displayName: "Display name", email: "E-mail", rolesOf: "Roles", teamsOf: "Teams", active: "Active",
      newPassword: "New password (leave empty to keep)", initialPassword: "Password", deactivated: "deactivated",
      manager: "Manager", members: "Members", label: "Label", description: "Description", grants: "What the role grants",
      module: "Module", access: "Access", scope: "Scope", everyModule: "every module", addGrant: "Add a module",
      "access.read": "read", "access.write": "read and change", "scope.own": "own records", "scope.team": "team's records",
      "scope.all": "all records", builtIn: "built in", showInactive: "Show deactivated users", when: "When", who: "Who",
      what: "What", recordOf: "Record", through: "Through", filter: "Filter", fromDate: "From", toDate: "To",
      fields: "Fields", newField: "New field", fieldType: "Type", labelEn: "Label (English)", labelVi: "Label (Vietnamese)",
      fieldName: "Name (optional, from the English label)", picklistValues: "Values, one a line: CODE | English | Tiếng Việt",
      references: "Points to", required: "Required", searchable: "Found by search", filterable: "Lists filter by it",
      sortable: "Lists sort by it", unique: "Unique", retire: "Retire", bringBack: "Bring back", retired: "retired",
      chooseModule: "Module", fieldAdded: "Field added.", fieldChanged: "Field saved.",
      "type.text": "Text", "type.longText": "Long text", "type.integer": "Whole number", "type.decimal": "Decimal number",
      "type.money": "Money", "type.date": "Date", "type.dateTime": "Date and time", "type.boolean": "Yes / no", "type.email": "E-mail",
      "type.phone": "Phone", "type.url": "URL", "type.picklist": "Picklist", "type.multiPicklist": "Multi-picklist",
      "type.reference": "Reference to a record", "type.user": "User",
      outbox: "E-mails", mailTo: "To", mailSubject: "Subject", mailState: "State", allStates: "All", mailRetry: "Send again",
      mailRetried: "Queued again.", "mail.QUEUED": "queued", "mail.SENDING": "sending", "mail.SENT": "sent", "mail.FAILED": "failed",
      "mail.SUPPRESSED": "not sent (unsubscribed)"
    },
    vi: {
      users: "Người dùng", teams: "Nhóm", roles: "Vai trò", audit: "Nhật ký kiểm tra", newUser: "Thêm người dùng", newTeam: "Thêm nhóm",
      newRole: "Thêm vai trò", name: "Tên đăng nhập", displayName: "Tên hiển thị", email: "E-mail", rolesOf: "Vai trò", teamsOf: "Nhóm",
      active: "Đang hoạt động", newPassword: "Mật khẩu mới (để trống nếu giữ nguyên)", initialPassword: "Mật khẩu", deactivated: "đã khoá",
      manager: "Trưởng nhóm", members: "Thành viên", label: "Nhãn", description: "Mô tả", grants: "Quyền của vai trò",
      module: "Phân hệ", access: "Quyền", scope: "Phạm vi", everyModule: "mọi phân hệ", addGrant: "Thêm phân hệ",
      "access.read": "xem", "access.write": "xem và sửa", "scope.own": "bản ghi của mình", "scope.team": "bản ghi của nhóm",
      "scope.all": "mọi bản ghi", builtIn: "có sẵn", showInactive: "Hiện người dùng đã khoá", when: "Thời điểm", who: "Ai",
      what: "Việc gì", recordOf: "Bản ghi", through: "Qua", filter: "Lọc", fromDate: "Từ ngày", toDate: "Đến ngày",
      fields: "Trường dữ liệu", newField: "Thêm trường", fieldType: "Kiểu", labelEn: "Nhãn (tiếng Anh)", labelVi: "Nhãn (tiếng Việt)",
      fieldName: "Tên (không bắt buộc, lấy từ nhãn tiếng Anh)", picklistValues: "Các giá trị, mỗi dòng một: MÃ | English | Tiếng Việt",
      references: "Trỏ tới", required: "Bắt buộc", searchable: "Tìm kiếm được", filterable: "Lọc danh sách theo trường này",
      sortable: "Sắp xếp danh sách theo trường này", unique: "Không trùng", retire: "Ngừng dùng", bringBack: "Dùng lại", retired: "đã ngừng dùng",
      chooseModule: "Phân hệ", fieldAdded: "Đã thêm trường.", fieldChanged: "Đã lưu trường.",
      "type.text": "Văn bản", "type.longText": "Văn bản dài", "type.integer": "Số nguyên", "type.decimal": "Số thập phân",
      "type.money": "Tiền", "type.date": "Ngày", "type.dateTime": "Ngày giờ", "type.boolean": "Có / không", "type.email": "E-mail",
      "type.phone": "Điện thoại", "type.url": "URL", "type.picklist": "Danh sách chọn", "type.multiPicklist": "Danh sách chọn nhiều",
      "type.reference": "Tham chiếu tới bản ghi", "type.user": "Người dùng",
      outbox: "Thư đã gửi", mailTo: "Đến", mailSubject: "Tiêu đề", mailState: "Trạng thái", allStates: "Tất cả", mailRetry: "Gửi lại",
      mailRetried: "Đã đưa vào hàng đợi lại.", "mail.QUEUED": "đang chờ gửi", "mail.SENDING": "đang gửi", "mail.SENT": "đã gửi",
      "mail.FAILED": "gửi không được", "mail.SUPPRESSED": "không gửi (đã hủy đăng ký)"
    }
  });

  function problemBox(err) {
    return err ? h("p", { class: "message bad", role: "alert", id: "admin-problem" }, T.problemText(err) +
      ((err.body && err.body.errors) || []).map(function (e) { return " " + e.field + ": " + e.message + "."; }).join("")) : null;
  }
  function note(text) { return text ? h("p", { class: "message good", role: "status" }, text) : null; }
  function checkboxes(name, options, chosen) {
    return h("fieldset", { class: "choices", id: "choices-" + name }, options.map(function (o) {
      var id = name + "-" + o.value;
      return h("label", { for: id }, h("input", { type: "checkbox", id: id, name: name, value: o.value,
        checked: (chosen || []).indexOf(o.value) >= 0 }), " " + o.label);
    }));
  }
  function checked(form, name) {
    return Array.prototype.slice.call(form.querySelectorAll("input[name='" + name + "']:checked")).map(function (i) { return i.value; });
  }
  function text(form, name) { return form.elements[name].value.trim(); }

  /* ---- users ---- */
  function users(path, message, inactive) {
    if (path[0]) { return userForm(path[0] === "new" ? null : path[0]); }
    T.call("GET", "/users" + (inactive ? "?inactive=true" : "")).then(function (r) {
      T.shell([h("h1", {}, t("users")), note(message),
        h("div", { class: "actions" }, h("a", { href: "#/admin/users/new", id: "new-user" }, h("button", { class: "primary", tabindex: "-1" }, t("newUser"))),
          h("label", { for: "show-inactive" }, h("input", { type: "checkbox", id: "show-inactive", checked: !!inactive,
            onchange: function (e) { users([], null, e.target.checked); } }), " " + t("showInactive"))),
        h("table", { id: "users" }, h("thead", {}, h("tr", {}, [t("name"), t("displayName"), t("email"), t("rolesOf"), t("teamsOf")]
          .map(function (c) { return h("th", { scope: "col" }, c); }))),
          h("tbody", {}, r.body.items.map(function (u) {
            return h("tr", { class: u.active ? null : "muted" }, h("td", {}, h("a", { href: "#/admin/users/" + encodeURIComponent(u.name) }, u.name),
              u.active ? null : " (" + t("deactivated") + ")"),
              h("td", {}, u.displayName || ""), h("td", {}, u.email || ""), h("td", {}, (u.roles || []).join(", ")), h("td", {}, (u.teams || []).join(", ")));
          })))]);
    }).catch(T.showProblem);
  }

  function userForm(name, err, typed) {
    Promise.all([name ? T.call("GET", "/users/" + encodeURIComponent(name)) : Promise.resolve({ body: null }),
      T.call("GET", "/roles"), T.call("GET", "/teams")]).then(function (r) {
      var u = typed || r[0].body || { roles: [], teams: [], active: true };
      var form = h("form", { id: "user-form", onsubmit: function (e) {
        e.preventDefault();
        var body = { displayName: text(form, "displayName"), email: text(form, "email"), roles: checked(form, "role"), teams: checked(form, "team") };
        if (text(form, "password")) { body.password = form.elements.password.value; }
        if (name) { body.active = form.elements.active.checked; } else { body.name = text(form, "name"); }
        var saving = name ? T.call("PATCH", "/users/" + encodeURIComponent(name), body, r[0].body.version) : T.call("POST", "/users", body);
        saving.then(function () { location.hash = "#/admin/users"; }).catch(function (x) { userForm(name, x, T.merge(u, body)); });
      } },
        problemBox(err),
        name ? null : T.field("user-name", t("name") + " *", h("input", { id: "user-name", name: "name", required: true, value: u.name || "", autocomplete: "off" })),
        T.field("user-display", t("displayName"), h("input", { id: "user-display", name: "displayName", value: u.displayName || "" })),
        T.field("user-email", t("email"), h("input", { id: "user-email", name: "email", type: "email", value: u.email || "" })),
        T.field("user-password", name ? t("newPassword") : t("initialPassword") + " *", h("input", { id: "user-password", name: "password",
          type: "password", autocomplete: "new-password", required: !name })),
        h("div", { class: "field" }, h("span", { class: "label" }, t("rolesOf")),
          checkboxes("role", r[1].body.items.map(function (x) { return { value: x.name, label: x.label || x.name }; }), u.roles)),
        h("div", { class: "field" }, h("span", { class: "label" }, t("teamsOf")),
          checkboxes("team", r[2].body.items.map(function (x) { return { value: x.name, label: x.displayName || x.name }; }), u.teams)),
        name ? h("div", { class: "field" }, h("label", { for: "user-active" }, h("input", { type: "checkbox", id: "user-active", name: "active", checked: u.active }), " " + t("active"))) : null,
        h("div", { class: "actions" }, h("button", { class: "primary", type: "submit", id: "save" }, t("save")), h("a", { href: "#/admin/users" }, t("cancel"))));
      T.shell([h("h1", {}, t("users") + " · " + (name || t("newUser"))), form]);
    }).catch(T.showProblem);
  }

  /* ---- teams ---- */
  function teams(path, message) {
    if (path[0]) { return teamForm(path[0] === "new" ? null : path[0]); }
    T.call("GET", "/teams").then(function (r) {
      T.shell([h("h1", {}, t("teams")), note(message),
        h("div", { class: "actions" }, h("a", { href: "#/admin/teams/new", id: "new-team" }, h("button", { class: "primary", tabindex: "-1" }, t("newTeam")))),
        h("table", { id: "teams" }, h("thead", {}, h("tr", {}, [t("name"), t("manager"), t("members")].map(function (c) { return h("th", { scope: "col" }, c); }))),
          h("tbody", {}, r.body.items.map(function (x) {
            return h("tr", {}, h("td", {}, h("a", { href: "#/admin/teams/" + encodeURIComponent(x.name) }, x.displayName || x.name)),
              h("td", {}, x.manager || ""), h("td", {}, x.members.join(", ")));
          })))]);
    }).catch(T.showProblem);
  }

  function teamForm(name, err, typed) {
    Promise.all([name ? T.call("GET", "/teams/" + encodeURIComponent(name)) : Promise.resolve({ body: null }), T.call("GET", "/users")]).then(function (r) {
      var team = typed || r[0].body || { members: [] };
      var people = r[1].body.items.map(function (u) { return { value: u.name, label: u.displayName ? u.displayName + " (" + u.name + ")" : u.name }; });
      var form = h("form", { id: "team-form", onsubmit: function (e) {
        e.preventDefault();
        var body = { displayName: text(form, "displayName"), manager: form.elements.manager.value, members: checked(form, "member") };
        if (!name) { body.name = text(form, "name"); }
        var saving = name ? T.call("PATCH", "/teams/" + encodeURIComponent(name), body, r[0].body.version) : T.call("POST", "/teams", body);
        saving.then(function () { location.hash = "#/admin/teams"; }).catch(function (x) { teamForm(name, x, T.merge(team, body)); });
      } },
        problemBox(err),
        name ? null : T.field("team-name", t("name") + " *", h("input", { id: "team-name", name: "name", required: true, value: team.name || "" })),
        T.field("team-display", t("displayName"), h("input", { id: "team-display", name: "displayName", value: team.displayName || "" })),
        T.field("team-manager", t("manager"), h("select", { id: "team-manager", name: "manager" }, h("option", { value: "" }, ""),
          people.map(function (p) { return h("option", { value: p.value, selected: p.value === team.manager }, p.label); }))),
        h("div", { class: "field" }, h("span", { class: "label" }, t("members")), checkboxes("member", people, team.members)),
        h("div", { class: "actions" }, h("button", { class: "primary", type: "submit", id: "save" }, t("save")), h("a", { href: "#/admin/teams" }, t("cancel")),
          name ? h("button", { type: "button", class: "danger", id: "delete-team", onclick: function () {
            if (!window.confirm(t("confirmDelete"))) { return; }
            T.call("DELETE", "/teams/" + encodeURIComponent(name)).then(function () { location.hash = "#/admin/teams"; }).catch(function (x) { teamForm(name, x); });
          } }, t("delete")) : null));
      T.shell([h("h1", {}, t("teams") + " · " + (name || t("newTeam"))), form]);
    }).catch(T.showProblem);
  }

  /* ---- roles ---- */
  function roles(path, message) {
    if (path[0]) { return roleForm(path[0] === "new" ? null : path[0]); }
    T.call("GET", "/roles").then(function (r) {
      T.shell([h("h1", {}, t("roles")), note(message),
        h("div", { class: "actions" }, h("a", { href: "#/admin/roles/new", id: "new-role" }, h("button", { class: "primary", tabindex: "-1" }, t("newRole")))),
        h("table", { id: "roles" }, h("thead", {}, h("tr", {}, [t("name"), t("description"), t("grants")].map(function (c) { return h("th", { scope: "col" }, c); }))),
          h("tbody", {}, r.body.items.map(function (x) {
            return h("tr", {}, h("td", {}, h("a", { href: "#/admin/roles/" + encodeURIComponent(x.name) }, x.label || x.name),
              x.builtIn ? h("span", { class: "muted" }, " (" + t("builtIn") + ")") : null),
              h("td", {}, x.description || ""), h("td", {}, x.grants.map(grantText).join("; ")));
          })))]);
    }).catch(T.showProblem);
  }
  function moduleName(collection) {
    if (collection === "*") { return t("everyModule"); }
    var m = T.moduleOf(collection);
    return m ? (m.label[T.language()] || m.label.en) : collection;
  }
  function grantText(g) { return moduleName(g.module) + ": " + t("access." + g.access) + ", " + t("scope." + g.scope); }

  function grantRow(modules, g) {
    function select(name, options, value) {
      return h("select", { name: name, "aria-label": t(name) }, options.map(function (o) { return h("option", { value: o[0], selected: o[0] === value }, o[1]); }));
    }
    return h("tr", {}, h("td", {}, select("module", [["*", t("everyModule")]].concat(modules.map(function (m) { return [m, moduleName(m)]; })), g && g.module)),
      h("td", {}, select("access", [["read", t("access.read")], ["write", t("access.write")]], g && g.access)),
      h("td", {}, select("scope", [["own", t("scope.own")], ["team", t("scope.team")], ["all", t("scope.all")]], g && g.scope)),
      h("td", {}, h("button", { type: "button", onclick: function (e) { e.target.closest("tr").remove(); } }, t("removeLine"))));
  }

  function roleForm(name, err, typed) {
    Promise.all([name ? T.call("GET", "/roles/" + encodeURIComponent(name)) : Promise.resolve({ body: null }), T.call("GET", "/modules")]).then(function (r) {
      var role = typed || r[0].body || { grants: [] };
      var modules = r[1].body.items.map(function (m) { return m.collection; });
      var rows = h("tbody", { id: "grant-rows" }, role.grants.map(function (g) { return grantRow(modules, g); }));
      var form = h("form", { id: "role-form", onsubmit: function (e) {
        e.preventDefault();
        var grants = Array.prototype.slice.call(rows.querySelectorAll("tr")).map(function (tr) {
          return { module: tr.querySelector("[name=module]").value, access: tr.querySelector("[name=access]").value, scope: tr.querySelector("[name=scope]").value };
        });
        var body = { label: text(form, "label"), description: text(form, "description"), grants: grants };
        if (!name) { body.name = text(form, "name"); }
        var saving = name ? T.call("PATCH", "/roles/" + encodeURIComponent(name), body, r[0].body.version) : T.call("POST", "/roles", body);
        saving.then(function () { location.hash = "#/admin/roles"; }).catch(function (x) { roleForm(name, x, T.merge(role, body)); });
      } },
        problemBox(err),
        name ? null : T.field("role-name", t("name") + " *", h("input", { id: "role-name", name: "name", required: true, value: role.name || "" })),
        T.field("role-label", t("label"), h("input", { id: "role-label", name: "label", value: role.label || "" })),
        T.field("role-description", t("description"), h("textarea", { id: "role-description", name: "description", rows: "2" }, role.description || "")),
        h("div", { class: "field" }, h("span", { class: "label" }, t("grants")),
          h("table", { class: "grants" }, h("thead", {}, h("tr", {}, [t("module"), t("access"), t("scope"), ""].map(function (c) { return h("th", { scope: "col" }, c); }))), rows),
          h("div", {}, h("button", { type: "button", id: "add-grant", onclick: function () { rows.appendChild(grantRow(modules, null)); } }, t("addGrant")))),
        h("div", { class: "actions" }, h("button", { class: "primary", type: "submit", id: "save" }, t("save")), h("a", { href: "#/admin/roles" }, t("cancel")),
          name && !(r[0].body && r[0].body.builtIn) ? h("button", { type: "button", class: "danger", id: "delete-role", onclick: function () {
            if (!window.confirm(t("confirmDelete"))) { return; }
            T.call("DELETE", "/roles/" + encodeURIComponent(name)).then(function () { location.hash = "#/admin/roles"; }).catch(function (x) { roleForm(name, x); });
          } }, t("delete")) : null));
      T.shell([h("h1", {}, t("roles") + " · " + (name || t("newRole"))), form]);
    }).catch(T.showProblem);
  }

  /* ---- audit trail ---- */
  /** A day typed in a filter (dd/MM/yyyy or ISO) as the API takes it; what is not a day goes as typed, to be refused. */
  function day(form, name) { var v = form.elements[name].value.trim(); return v ? T.typedDate(v) || v : ""; }
  function audit(path, message, filters, before, cursor) {
    filters = filters || {};
    var query = Object.keys(filters).filter(function (k) { return filters[k]; })
      .map(function (k) { return k + "=" + encodeURIComponent(filters[k]); });
    if (cursor) { query.push("cursor=" + encodeURIComponent(cursor)); }
    T.call("GET", "/audit?limit=50" + (query.length ? "&" + query.join("&") : "")).then(function (r) {
      var items = (before || []).concat(r.body.items);
      var form = h("form", { class: "toolbar", id: "audit-filter", onsubmit: function (e) {
        e.preventDefault();
        audit([], null, { user: text(form, "user"), module: text(form, "module"), action: text(form, "action"),
          from: day(form, "from"), to: day(form, "to") });
      } },
        h("label", { for: "audit-user" }, t("who"), h("input", { id: "audit-user", name: "user", value: filters.user || "" })),
        h("label", { for: "audit-module" }, t("module"), h("input", { id: "audit-module", name: "module", value: filters.module || "" })),
        h("label", { for: "audit-action" }, t("what"), h("input", { id: "audit-action", name: "action", value: filters.action || "" })),
        h("label", { for: "audit-from" }, t("fromDate"), T.dateInput("audit-from", "from", filters.from || null)),
        h("label", { for: "audit-to" }, t("toDate"), T.dateInput("audit-to", "to", filters.to || null)),
        h("button", { type: "submit", id: "audit-search" }, t("filter")));
      T.shell([h("h1", {}, t("audit")), form,
        h("table", { id: "audit" }, h("thead", {}, h("tr", {}, [t("when"), t("who"), t("what"), t("recordOf"), t("through")].map(function (c) { return h("th", { scope: "col" }, c); }))),
          h("tbody", {}, items.map(function (e) {
            var record = e.collection === "security" ? (e.recordId || "") + (e.detail ? " · " + e.detail : "")
              : e.collection + " " + (e.recordNumber || "");
            return h("tr", {}, h("td", {}, new Date(e.at).toLocaleString(T.language() === "vi" ? "vi-VN" : "en-GB")), h("td", {}, e.user),
              h("td", {}, t("action." + e.action) !== "action." + e.action ? t("action." + e.action) : e.action,
                e.changes && e.changes.length ? h("div", { class: "muted" }, e.changes.map(function (c) { return c.label || T.fieldLabel(c.field); }).join(", ")) : null),
              h("td", {}, e.collection !== "security" && e.recordId ? h("a", { href: "#/c/" + e.collection + "/" + e.recordId }, record) : record),
              h("td", {}, T.viaLabel(e.via)));
          }))),
        r.body.nextCursor ? h("div", { class: "actions" }, h("button", { id: "audit-more", onclick: function () { audit([], null, filters, items, r.body.nextCursor); } }, t("loadMore"))) : null]);
    }).catch(T.showProblem);
  }


  /* ---- the outbox ---- */
  var MAIL_STATES = ["QUEUED", "SENDING", "SENT", "FAILED", "SUPPRESSED"];
  /** Every e-mail the CRM sent or is sending, newest first, with the mail server's answer; a failed one is sent again on request. */
  function outbox(path, message, state, before, cursor) {
    T.call("GET", "/emails?limit=50" + (state ? "&state=" + state : "") + (cursor ? "&cursor=" + encodeURIComponent(cursor) : "")).then(function (r) {
      var items = (before || []).concat(r.body.items);
      var pick = h("select", { id: "outbox-state", "aria-label": t("mailState"), onchange: function () { outbox([], null, pick.value); } },
        h("option", { value: "" }, t("allStates")), MAIL_STATES.map(function (s) { return h("option", { value: s, selected: s === state }, t("mail." + s)); }));
      T.shell([h("h1", {}, t("outbox")), message ? h("p", { class: "message good", role: "status" }, message) : null,
        h("div", { class: "toolbar" }, pick),
        h("table", { id: "outbox" }, h("thead", {}, h("tr", {}, [t("when"), t("mailTo"), t("mailSubject"), t("mailState"), t("who"), ""].map(function (c) {
          return h("th", { scope: "col" }, c); }))),
          h("tbody", {}, items.map(function (e) {
            return h("tr", { "data-state": e.state }, h("td", {}, new Date(e.queuedAt).toLocaleString(T.language() === "vi" ? "vi-VN" : "en-GB")),
              h("td", {}, e.to.join(", ")),
              h("td", {}, e.collection && e.recordId ? h("a", { href: "#/c/" + e.collection + "/" + e.recordId }, e.subject) : e.subject,
                e.attachments.length ? h("div", { class: "muted" }, e.attachments.join(", ")) : null),
              h("td", {}, t("mail." + e.state) + (e.attempts > 1 ? " (" + e.attempts + ")" : ""),
                e.lastError ? h("div", { class: "muted" }, e.lastError) : null),
              h("td", {}, e.sender || t("system")),
              h("td", {}, e.state === "FAILED" ? h("button", { class: "retry", onclick: function () {
                T.call("POST", "/emails/" + e.id + "/retry").then(function () { outbox([], t("mailRetried"), state); }).catch(T.showProblem);
              } }, t("mailRetry")) : null));
          }))),
        r.body.nextCursor ? h("div", { class: "actions" }, h("button", { id: "outbox-more", onclick: function () { outbox([], null, state, items, r.body.nextCursor); } }, t("loadMore"))) : null]);
    }).catch(T.showProblem);
  }

  /* ---- custom fields ---- */
  var FIELD_TYPES = ["text", "longText", "integer", "decimal", "money", "date", "dateTime", "boolean", "email", "phone", "url",
    "picklist", "multiPicklist", "reference", "user"];
  var TYPE_OF = { STRING: "text", TEXT: "longText", INTEGER: "integer", DECIMAL: "decimal", MONEY: "money", DATE: "date",
    DATETIME: "dateTime", BOOLEAN: "boolean", EMAIL: "email", PHONE: "phone", URL: "url", ENUM: "picklist",
    MULTI_ENUM: "multiPicklist", REFERENCE: "reference", USER: "user" };
  function labelOf(x) { return x.label ? (x.label[T.language()] || x.label.en) : x.name; }

  function fields(path, message) {
    var modules = T.modules();
    var collection = path[0] || (modules[0] && modules[0].collection);
    if (path[1]) { return fieldForm(collection, path[1] === "new" ? null : path[1]); }
    T.call("GET", "/modules/" + collection + "/fields").then(function (r) {
      var picker = h("select", { id: "fields-module", onchange: function (e) { location.hash = "#/admin/fields/" + e.target.value; } },
        modules.map(function (m) { return h("option", { value: m.collection, selected: m.collection === collection }, m.label[T.language()] || m.label.en); }));
      T.shell([h("h1", {}, t("fields")), note(message),
        h("div", { class: "actions" }, h("label", { for: "fields-module" }, t("chooseModule") + " "), picker,
          h("a", { href: "#/admin/fields/" + collection + "/new", id: "new-field" }, h("button", { class: "primary", tabindex: "-1" }, t("newField")))),
        h("table", { id: "fields" }, h("thead", {}, h("tr", {}, [t("label"), t("name"), t("fieldType"), ""].map(function (c) { return h("th", { scope: "col" }, c); }))),
          h("tbody", {}, r.body.items.map(function (f) {
            var flags = ["required", "searchable", "filterable", "sortable", "unique"].filter(function (k) { return f[k]; }).map(t).join(", ");
            return h("tr", { class: f.retired ? "muted" : null },
              h("td", {}, h("a", { href: "#/admin/fields/" + collection + "/" + f.name }, labelOf(f)), f.retired ? " (" + t("retired") + ")" : null),
              h("td", {}, f.name), h("td", {}, t("type." + TYPE_OF[f.type]), flags ? h("div", { class: "muted" }, flags) : null),
              h("td", {}, h("button", { id: (f.retired ? "restore-" : "retire-") + f.name, onclick: function () {
                var change = f.retired ? T.call("PATCH", "/modules/" + collection + "/fields/" + f.name, { retired: false })
                  : T.call("DELETE", "/modules/" + collection + "/fields/" + f.name);
                change.then(function () { fields([collection], t("fieldChanged")); }).catch(T.showProblem);
              } }, f.retired ? t("bringBack") : t("retire"))));
          })))]);
    }).catch(T.showProblem);
  }

  function fieldForm(collection, name, err, typed) {
    (name ? T.call("GET", "/modules/" + collection + "/fields/" + name) : Promise.resolve({ body: null })).then(function (r) {
      var f = typed || r.body || { label: {}, values: null, filterable: true };
      var type = f.type ? (TYPE_OF[f.type] || f.type) : "text";
      var values = (f.values || []).filter(function (v) { return !v.retired; })
        .map(function (v) { return [v.value, v.label.en, v.label.vi].join(" | "); }).join("\n");
      var form = h("form", { id: "field-form", onsubmit: function (e) {
        e.preventDefault();
        var body = { label: { en: text(form, "labelEn"), vi: text(form, "labelVi") } };
        ["required", "searchable", "filterable", "sortable", "unique"].forEach(function (k) { body[k] = form.elements[k].checked; });
        var chosen = name ? type : form.elements.type.value;
        if (chosen === "picklist" || chosen === "multiPicklist") {
          body.values = form.elements.values.value.split("\n").map(function (line) { return line.split("|").map(function (x) { return x.trim(); }); })
            .filter(function (p) { return p[0]; }).map(function (p) { return { value: p[0], label: { en: p[1] || p[0], vi: p[2] || p[1] || p[0] } }; });
        }
        if (!name) {
          body.type = chosen;
          if (text(form, "name")) { body.name = text(form, "name"); }
          if (chosen === "reference") { body.references = form.elements.references.value; }
        }
        var saving = name ? T.call("PATCH", "/modules/" + collection + "/fields/" + name, body) : T.call("POST", "/modules/" + collection + "/fields", body);
        saving.then(function () { location.hash = "#/admin/fields/" + collection; })
          .catch(function (x) { fieldForm(collection, name, x, T.merge(f, body)); });
      } },
        problemBox(err),
        T.field("field-label-en", t("labelEn") + " *", h("input", { id: "field-label-en", name: "labelEn", required: true, value: f.label.en || "" })),
        T.field("field-label-vi", t("labelVi"), h("input", { id: "field-label-vi", name: "labelVi", value: f.label.vi || "" })),
        name ? null : T.field("field-name", t("fieldName"), h("input", { id: "field-name", name: "name", value: f.name || "", autocomplete: "off" })),
        T.field("field-type", t("fieldType"), h("select", { id: "field-type", name: "type", disabled: !!name },
          FIELD_TYPES.map(function (x) { return h("option", { value: x, selected: x === type }, t("type." + x)); }))),
        name ? null : T.field("field-references", t("references"), h("select", { id: "field-references", name: "references" },
          T.modules().map(function (m) { return h("option", { value: m.collection }, m.label[T.language()] || m.label.en); }))),
        T.field("field-values", t("picklistValues"), h("textarea", { id: "field-values", name: "values", rows: "4" }, values)),
        h("fieldset", { class: "choices", id: "field-flags" }, ["required", "searchable", "filterable", "sortable", "unique"].map(function (k) {
          return h("label", { for: "field-" + k }, h("input", { type: "checkbox", id: "field-" + k, name: k, checked: !!f[k] }), " " + t(k));
        })),
        h("div", { class: "actions" }, h("button", { class: "primary", type: "submit", id: "save" }, t("save")),
          h("a", { href: "#/admin/fields/" + collection }, t("cancel"))));
      T.shell([h("h1", {}, t("fields") + " · " + (name ? labelOf(f) : t("newField"))), form]);
    }).catch(T.showProblem);
  }

  T.extend("admin.page", "users", { label: { en: "Users", vi: "Người dùng" }, render: users });
  T.extend("admin.page", "teams", { label: { en: "Teams", vi: "Nhóm" }, render: teams });
  T.extend("admin.page", "roles", { label: { en: "Roles", vi: "Vai trò" }, render: roles });
  T.extend("admin.page", "audit", { label: { en: "Audit trail", vi: "Nhật ký kiểm tra" }, render: audit });
  T.extend("admin.page", "fields", { label: { en: "Fields", vi: "Trường dữ liệu" }, render: fields });
  T.extend("admin.page", "outbox", { label: { en: "E-mails", vi: "Thư đã gửi" }, render: outbox });
});
