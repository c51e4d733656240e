/* Purchase order receiving for the Tessera web UI: what arrives, what each product holds now and will
   hold after, then one step that books every line into stock (the server does it once, atomically). */
Tessera.use(1, function (T) {
  "use strict";
  var h = T.h, call = T.call, t = T.t;
  T.extend("strings", {
    en: { receiving: "Receive goods", receiveAll: "Receive all lines into stock", inStock: "In stock now", afterReceipt: "After receipt",
      ordered: "Quantity", notTracked: "not stocked", received: "Received: stock updated.", receiveWhen: "Approve the order before receiving it." },
    vi: { receiving: "Nhận hàng", receiveAll: "Nhập kho toàn bộ", inStock: "Tồn hiện tại", afterReceipt: "Sau khi nhập",
      ordered: "Số lượng", notTracked: "không quản lý tồn", received: "Đã nhận hàng: tồn kho đã cập nhật.", receiveWhen: "Hãy duyệt đơn trước khi nhận hàng." }
  });

  function receiving(order, note, problem) {
    var products = order.lineItems.filter(function (l) { return l.productId; }).map(function (l) { return l.productId; })
      .filter(function (id, i, all) { return all.indexOf(id) === i; });
    var lookups = T.moduleOf("products") ? products.map(function (id) {
      return call("GET", "/products/" + id).then(function (r) { return r.body; }).catch(function () { return null; });
    }) : [];
    Promise.all(lookups).then(function (found) {
      var byId = {};
      found.filter(Boolean).forEach(function (p) { byId[p.id] = p; });
      var incoming = {};
      order.lineItems.forEach(function (l) { if (l.productId) { incoming[l.productId] = (incoming[l.productId] || 0) + Number(l.quantity); } });
      var rows = order.lineItems.map(function (l) {
        var p = l.productId ? byId[l.productId] : null;
        var tracked = p && p.stockTracked !== false && p.qtyInStock !== null && p.qtyInStock !== undefined;
        var now = tracked ? Number(p.qtyInStock) : null;
        return h("tr", {}, h("td", {}, p ? h("a", { href: "#/c/products/" + p.id }, p.number + " · " + p.name) : l.name),
          h("td", {}, String(l.quantity)),
          h("td", { class: "stock-now" }, tracked ? String(now) : t("notTracked")),
          h("td", { class: "stock-after" }, tracked ? String(order.status === "RECEIVED" ? now : now + incoming[l.productId]) : ""));
      });
      var canReceive = order.status === "APPROVED";
      T.shell([h("h1", {}, t("receiving") + " · " + order.number),
        note ? h("p", { class: "message good", role: "status" }, note) : null,
        problem ? h("p", { class: "message bad", role: "alert", id: "receive-problem" }, problem) : null,
        h("p", {}, h("a", { href: "#/c/purchase-orders/" + order.id }, t("back"))),
        h("table", { id: "receiving" }, h("thead", {}, h("tr", {}, [T.fieldLabel("name"), t("ordered"), t("inStock"), t("afterReceipt")]
          .map(function (c) { return h("th", { scope: "col" }, c); }))), h("tbody", {}, rows)),
        canReceive ? h("div", { class: "actions" }, h("button", { class: "primary", id: "receive-all", onclick: function () {
          call("POST", "/purchase-orders/" + order.id + "/receive").then(function (r) { receiving(r.body, t("received")); })
            .catch(function (err) { if (err.status !== 401) { receiving(order, null, T.problemText(err)); } });
        } }, t("receiveAll"))) : h("p", { class: "muted" }, order.status === "CREATED" ? t("receiveWhen") : T.enumLabel(
          T.moduleOf("purchase-orders").fields.filter(function (f) { return f.name === "status"; })[0], order.status))]);
    });
  }

  T.extend("record.action", "purchase-orders", {
    id: "receiving",
    label: { en: "Receive goods", vi: "Nhận hàng" },
    shown: function (order) { return order.status === "APPROVED" || order.status === "RECEIVED"; },
    writes: true,
    run: function (order) { receiving(order); }
  });
});
