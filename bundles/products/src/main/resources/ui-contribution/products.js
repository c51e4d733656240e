/* The products module's screens for the Tessera web UI: a product's stock ledger, newest first, and the
   product picker on every document line. */
Tessera.use(1, function (T) {
  "use strict";
  var h = T.h, call = T.call, t = T.t, display = T.display;
  var pickers = 0;
  T.extend("strings", {
    en: { lineStock: "{0} in stock", ledger: "Stock ledger", movement: "Movement", balance: "Balance", reason: "Reason", document: "Document", at: "When", by: "By",
      PURCHASE_RECEIPT: "Purchase receipt", INVOICE: "Invoice", CANCELLATION: "Cancellation", ADJUSTMENT: "Adjustment" },
    vi: { lineStock: "Tồn kho {0}", ledger: "Sổ kho", movement: "Nhập / xuất", balance: "Tồn", reason: "Lý do", document: "Chứng từ", at: "Thời điểm", by: "Người thực hiện",
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

  /**
   * A line's name finds active products as one types (by name or code); picking one fills its name, unit price
   * and tax rate and links the line to it, so the document moves its stock; typing another name unlinks it.
   */
  function productPicker(row) {
    var name = row.querySelector("[name=line-name]");
    var list = h("datalist", { id: "line-products-" + (++pickers) });
    var stock = h("span", { class: "muted stock", "aria-live": "polite" });
    name.setAttribute("list", list.id);
    name.parentNode.append(list, stock);
    var found = {};
    var timer = null;
    function set(field, value) {
      var el = row.querySelector("[name=line-" + field + "]");
      el.value = value === null || value === undefined ? "" : String(value);
    }
    function pick(p) {
      name.value = p.name;
      name.setAttribute("data-product", p.id);
      name.setAttribute("data-product-name", p.name);
      set("unitPrice", p.unitPrice);
      set("taxRate", p.taxRate);
      if (!row.querySelector("[name=line-quantity]").value) { set("quantity", 1); }
      stock.textContent = p.stockTracked ? t("lineStock").replace("{0}", display({ type: "DECIMAL" }, p.qtyInStock)) : "";
    }
    name.addEventListener("input", function () {
      var text = name.value;
      if (found[text]) { pick(found[text]); return; }
      if (name.getAttribute("data-product") && text !== name.getAttribute("data-product-name")) {
        name.removeAttribute("data-product");
        name.removeAttribute("data-product-name");
        stock.textContent = "";
      }
      clearTimeout(timer);
      if (!text.trim()) { return; }
      timer = setTimeout(function () {
        call("GET", "/products?active=true&limit=10&q=" + encodeURIComponent(text)).then(function (r) {
          found = {};
          list.replaceChildren.apply(list, r.body.items.map(function (p) {
            var key = (p.code ? p.code + " · " : "") + p.name;
            found[key] = p;
            return h("option", { value: key }, display({ type: "DECIMAL" }, p.unitPrice) + " " + (p.currency || "")
              + (p.stockTracked ? " · " + t("lineStock").replace("{0}", display({ type: "DECIMAL" }, p.qtyInStock)) : ""));
          }));
        }).catch(function () { return null; });
      }, 200);
    });
  }
  T.extend("document.line", "product-picker", { module: "products", attach: productPicker });

  T.extend("record.action", "products", {
    id: "stock-ledger-button",
    label: { en: "Stock ledger", vi: "Sổ kho" },
    shown: function (product) { return product.stockTracked !== false; },
    run: ledger
  });
});
