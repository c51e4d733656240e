/* The administrator's webhooks page: endpoints that receive the CRM's events (/api/v1/webhooks), the
   events each one wants, its secret (shown once), a ping, and its delivery log with redelivery. */
Tessera.use(1, function (T) {
  "use strict";
  var h = T.h, t = T.t;
  T.extend("strings", {
    en: {
      webhooks: "Webhooks", newWebhook: "New webhook", webhookUrl: "URL", webhookEvents: "Events", webhookActive: "Active",
      webhookDescription: "Description", webhookSecret: "Secret (leave empty: the server makes one)",
      webhookSecretShown: "The secret that signs each delivery (X-Tessera-Signature). Keep it now: it is not shown again.",
      allEvents: "Every event", allOf: "Everything about", ping: "Send a ping", pinged: "Ping queued: see the log below.",
      deliveries: "Deliveries", event: "Event", deliveryState: "State", tries: "Tries", answer: "Answer", redeliver: "Send again",
      redelivered: "Queued again.", "delivery.PENDING": "waiting", "delivery.SENDING": "sending", "delivery.DELIVERED": "delivered",
      "delivery.FAILED": "failed", inactive: "inactive", saved: "Saved.",
      confirmDeleteWebhook: "Delete this webhook and its delivery log?"
    },
    vi: {
      webhooks: "Webhook", newWebhook: "Thêm webhook", webhookUrl: "URL", webhookEvents: "Sự kiện", webhookActive: "Đang bật",
      webhookDescription: "Mô tả", webhookSecret: "Khoá bí mật (để trống: máy chủ tự tạo)",
      webhookSecretShown: "Khoá bí mật dùng để ký mỗi lần gửi (X-Tessera-Signature). Hãy lưu lại ngay: khoá sẽ không hiện lại.",
      allEvents: "Mọi sự kiện", allOf: "Mọi sự kiện của", ping: "Gửi thử", pinged: "Đã xếp hàng gửi thử: xem nhật ký bên dưới.",
      deliveries: "Các lần gửi", event: "Sự kiện", deliveryState: "Trạng thái", tries: "Số lần thử", answer: "Phản hồi",
      redeliver: "Gửi lại", redelivered: "Đã xếp hàng gửi lại.", "delivery.PENDING": "đang chờ", "delivery.SENDING": "đang gửi",
      "delivery.DELIVERED": "đã gửi", "delivery.FAILED": "thất bại", inactive: "đang tắt", saved: "Đã lưu.",
      confirmDeleteWebhook: "Xoá webhook này cùng nhật ký gửi?"
    }
  });

  function when(iso) { return iso ? new Date(iso).toLocaleString(T.language() === "vi" ? "vi-VN" : "en-GB") : ""; }
  function problemBox(err) {
    return err ? h("p", { class: "message bad", role: "alert", id: "webhook-problem" }, T.problemText(err) +
      ((err.body && err.body.errors) || []).map(function (e) { return " " + e.field + ": " + e.message + "."; }).join("")) : null;
  }

  function list(path, message) {
    if (path[0]) { return form(path[0] === "new" ? null : path[0], message); }
    T.call("GET", "/webhooks").then(function (r) {
      T.shell([h("h1", {}, t("webhooks")), message ? h("p", { class: "message good", role: "status" }, message) : null,
        h("div", { class: "actions" }, h("a", { href: "#/admin/webhooks/new", id: "new-webhook" }, h("button", { class: "primary", tabindex: "-1" }, t("newWebhook")))),
        h("table", { id: "webhooks" }, h("thead", {}, h("tr", {}, [t("webhookUrl"), t("webhookEvents"), t("webhookDescription")].map(function (c) {
          return h("th", { scope: "col" }, c); }))),
          h("tbody", {}, r.body.items.map(function (w) {
            return h("tr", { class: w.active ? null : "muted" }, h("td", {}, h("a", { href: "#/admin/webhooks/" + w.id }, w.url),
              w.active ? null : " (" + t("inactive") + ")"), h("td", {}, w.events.join(", ")), h("td", {}, w.description || ""));
          })))]);
    }).catch(T.showProblem);
  }

  function eventChoices(catalogue, chosen) {
    function box(value, label) {
      var id = "event-" + value.replace(/[^a-z0-9]/g, "-");
      return h("label", { for: id }, h("input", { type: "checkbox", id: id, name: "event", value: value, checked: chosen.indexOf(value) >= 0 }), " " + label);
    }
    return h("fieldset", { class: "choices", id: "webhook-events" }, h("legend", {}, t("webhookEvents")), box("*", t("allEvents")),
      catalogue.map(function (m) {
        var label = m.label[T.language()] || m.label.en;
        return h("div", { class: "event-group" }, box(m.collection + ".*", t("allOf") + " " + label),
          m.events.map(function (e) { return box(e, e); }));
      }));
  }

  function form(id, message, err, typed, secret) {
    Promise.all([id ? T.call("GET", "/webhooks/" + id) : Promise.resolve({ body: null }), T.call("GET", "/webhooks/events"),
      id ? T.call("GET", "/webhooks/" + id + "/deliveries?limit=50") : Promise.resolve({ body: { items: [] } })]).then(function (r) {
      var w = typed || r[0].body || { url: "", events: [], active: true, description: "" };
      var f = h("form", { id: "webhook-form", onsubmit: function (e) {
        e.preventDefault();
        var body = { url: f.elements.url.value.trim(), description: f.elements.description.value,
          active: f.elements.active.checked,
          events: Array.prototype.slice.call(f.querySelectorAll("input[name='event']:checked")).map(function (i) { return i.value; }) };
        if (f.elements.secret.value) { body.secret = f.elements.secret.value; }
        var saving = id ? T.call("PATCH", "/webhooks/" + id, body) : T.call("POST", "/webhooks", body);
        saving.then(function (x) {
          if (x.body.secret) {
            // the page's own URL, without a new route (which would show the page again without the secret)
            history.replaceState(null, "", "#/admin/webhooks/" + x.body.id);
            form(x.body.id, t("saved"), null, null, x.body.secret);
          }
          else { form(id, t("saved")); }
        }).catch(function (x) { delete body.secret; form(id, null, x, T.merge(w, body)); });
      } },
        problemBox(err),
        T.field("webhook-url", t("webhookUrl") + " *", h("input", { id: "webhook-url", name: "url", type: "url", required: true, value: w.url || "" })),
        eventChoices(r[1].body.items, w.events || []),
        T.field("webhook-description", t("webhookDescription"), h("input", { id: "webhook-description", name: "description", value: w.description || "" })),
        T.field("webhook-secret", t("webhookSecret"), h("input", { id: "webhook-secret", name: "secret", type: "password", autocomplete: "new-password" })),
        h("div", { class: "field" }, h("label", { for: "webhook-active" }, h("input", { type: "checkbox", id: "webhook-active", name: "active", checked: w.active !== false }), " " + t("webhookActive"))),
        h("div", { class: "actions" }, h("button", { class: "primary", type: "submit", id: "save" }, t("save")), h("a", { href: "#/admin/webhooks" }, t("cancel")),
          id ? h("button", { type: "button", id: "ping-webhook", onclick: function () {
            T.call("POST", "/webhooks/" + id + "/ping", {}).then(function () { form(id, t("pinged")); }).catch(function (x) { form(id, null, x); });
          } }, t("ping")) : null,
          id ? h("button", { type: "button", class: "danger", id: "delete-webhook", onclick: function () {
            if (!window.confirm(t("confirmDeleteWebhook"))) { return; }
            T.call("DELETE", "/webhooks/" + id).then(function () { location.hash = "#/admin/webhooks"; }).catch(function (x) { form(id, null, x); });
          } }, t("delete")) : null));
      T.shell([h("h1", {}, t("webhooks") + " · " + (id ? w.url : t("newWebhook"))),
        message ? h("p", { class: "message good", role: "status" }, message) : null,
        secret ? h("div", { class: "message good", id: "webhook-secret-shown" }, h("p", {}, t("webhookSecretShown")), h("code", {}, secret)) : null,
        f, id ? deliveries(id, r[2].body.items) : null]);
    }).catch(T.showProblem);
  }

  function deliveries(id, items) {
    return h("section", { "aria-labelledby": "deliveries-heading" }, h("h2", { id: "deliveries-heading" }, t("deliveries")),
      h("table", { id: "deliveries" }, h("thead", {}, h("tr", {}, [t("when"), t("event"), t("deliveryState"), t("tries"), t("answer"), ""].map(function (c) {
        return h("th", { scope: "col" }, c); }))),
        h("tbody", {}, items.map(function (d) {
          return h("tr", { "data-state": d.state }, h("td", {}, when(d.createdAt)), h("td", {}, d.event),
            h("td", {}, t("delivery." + d.state), d.nextAttemptAt && d.state === "PENDING" && d.attempts ? h("div", { class: "muted" }, "→ " + when(d.nextAttemptAt)) : null),
            h("td", {}, String(d.attempts)),
            h("td", {}, d.lastStatus ? String(d.lastStatus) + (d.lastDurationMs != null ? " · " + d.lastDurationMs + " ms" : "") : "",
              d.lastError ? h("div", { class: "muted" }, d.lastError) : null,
              d.responseExcerpt ? h("div", { class: "muted" }, d.responseExcerpt.slice(0, 200)) : null),
            h("td", {}, d.state === "DELIVERED" || d.state === "FAILED" ? h("button", { class: "redeliver", onclick: function () {
              T.call("POST", "/webhooks/" + id + "/deliveries/" + d.id + "/redeliver", {}).then(function () { form(id, t("redelivered")); }).catch(T.showProblem);
            } }, t("redeliver")) : null));
        }))));
  }

  T.extend("admin.page", "webhooks", { label: { en: "Webhooks", vi: "Webhook" }, render: list });
});
