/* The products module's screen for the Tessera web UI: a product's stock ledger, newest first. */
Tessera.use(1, function (T) {
  "use strict";
  var h = T.h, call = T.call, t = T.t;
  T.extend("strings", {
    en: { ledger: "Stock ledger", movement: "Movement", balance: "Balance", reason: "Reason", document: "Document", at: "When", by: "By",
      PURCHASE_RECEIPT: "Purchase receipt", INVOICE: "Invoice", CANCELLATION: "Cancellation", ADJUSTMENT: "Adjustment" },
    vi: { ledger: "Sổ kho", movement: "Nhập / xuất", balance: "Tồn", reason: "Lý do", document: "Chứng từ", at: "Thời điểm", by: "Người thực hiện",
      PURCHASE_RECEIPT: "Nhập hàng mua", INVOICE: "Xuất theo hóa đơn", CANCELLATION: "Hủy chứng từ", ADJUSTMENT: "Điều chỉnh" }
  });

  function ledger(product) {
    call("GET", "/products/" + product.id + "/stock-movements").then(function (r) {
      var cols = ["at", "movement", "balance", "reason", "document", "by"];
      T.shell([h("h1", {}, t("ledger") + " · " + product.number + " · " + product.name),
        h("p", {}, h("a", { href: "#/c/products/" + product.id }, t("back"))),
        h("table", { id: "stock-ledger" }, h("thead", {}, h("tr", {}, cols.map(function (c) { return h("th", { scope: "col" }, t(c)); }))),
          h("tbody", {}, r.body.items.map(function (m) {
            return h("tr", {}, h("td", {}, new Date(m.at).toLocaleString(T.language() === "vi" ? "vi-VN" : "en-GB")), h("td", {}, String(m.quantity)), h("td", {}, String(m.balance)),
              h("td", { "data-reason": m.reason }, t(m.reason)),
              h("td", {}, m.documentType ? h("a", { href: "#/c/" + m.documentType + "/" + m.documentId },
                T.moduleOf(m.documentType) ? T.moduleOf(m.documentType).label[T.language()] || m.documentType : m.documentType) : (m.note || "")),
              h("td", {}, m.by || ""));
          })))]);
    }).catch(function () { return null; });
  }

  T.extend("record.action", "products", {
    id: "stock-ledger-button",
    label: { en: "Stock ledger", vi: "Sổ kho" },
    shown: function (product) { return product.stockTracked !== false; },
    run: ledger
  });
});
