/* The leads module's screens for the Tessera web UI, served from the leads bundle and loaded by the
   shell while the module is installed (see org.tesseracrm.platform.api.spi.UiContribution). */
(function (T) {
  "use strict";
  var h = T.h, call = T.call, t = T.t, field = T.field, shell = T.shell, fieldLabel = T.fieldLabel;

  T.addStrings({
    en: { convert: "Convert", convertLead: "Convert the lead", createAccount: "Create an account from the company",
      createContact: "Create a contact", createPotential: "Create a potential", potentialName: "Potential name" },
    vi: { convert: "Chuyển đổi", convertLead: "Chuyển đổi khách hàng tiềm năng", createAccount: "Tạo khách hàng từ tên công ty",
      createContact: "Tạo người liên hệ", createPotential: "Tạo cơ hội", potentialName: "Tên cơ hội" }
  });

  /** A lead becomes an account, a contact and optionally a potential, in one step (all or nothing). */
  function convertForm(lead, problem) {
    var form = h("form", { id: "convert-form", class: "card", onsubmit: function (e) {
      e.preventDefault();
      var body = {};
      if (form.elements.account.checked) { body.account = { create: true }; }
      if (form.elements.contact.checked) { body.contact = { create: true }; }
      if (form.elements.potential.checked) {
        body.potential = { name: form.elements.potentialName.value, closeDate: form.elements.closeDate.value || null };
        if (form.elements.amount.value) { body.potential.amount = Number(form.elements.amount.value); }
      }
      call("POST", "/leads/" + lead.id + "/convert", body).then(function (r) {
        var to = r.body.accountId ? "#/c/accounts/" + r.body.accountId : "#/c/contacts/" + r.body.contactId;
        location.hash = to;
      }).catch(function (err) { if (err.status !== 401) { convertForm(lead, err.body || {}); } });
    } },
      problem ? h("p", { class: "message bad", role: "alert", id: "convert-problem" }, problem.detail || t("failed")) : null,
      h("div", { class: "field" }, h("label", {}, h("input", { type: "checkbox", name: "account", id: "convert-account", checked: !!lead.company }), " " + t("createAccount"))),
      h("div", { class: "field" }, h("label", {}, h("input", { type: "checkbox", name: "contact", id: "convert-contact", checked: true }), " " + t("createContact"))),
      h("div", { class: "field" }, h("label", {}, h("input", { type: "checkbox", name: "potential", id: "convert-potential" }), " " + t("createPotential"))),
      field("potentialName", t("potentialName"), h("input", { id: "potentialName", name: "potentialName", value: lead.company || "" })),
      field("amount", fieldLabel("amount"), h("input", { id: "amount", name: "amount", inputmode: "decimal" })),
      field("closeDate", fieldLabel("closeDate"), h("input", { id: "closeDate", name: "closeDate", type: "date" })),
      h("div", { class: "actions" }, h("button", { class: "primary", type: "submit", id: "convert-submit" }, t("convert")),
        h("a", { href: "#/c/leads/" + lead.id }, t("cancel"))));
    shell([h("h1", {}, t("convertLead") + " · " + lead.number), form]);
  }

  T.addDetailAction("leads", {
    id: "convert",
    label: { en: "Convert", vi: "Chuyển đổi" },
    shown: function (lead) { return lead.status !== "CONVERTED"; },
    run: function (lead) { convertForm(lead); }
  });
})(window.Tessera);
