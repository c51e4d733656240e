/* The campaigns module's screen for the Tessera web UI: members and their status, adding members,
   a bulk offer (Chào hàng) by channel, responses, and the results with ROI. */
Tessera.use(1, function (T) {
  "use strict";
  var h = T.h, call = T.call, t = T.t;
  T.extend("strings", {
    en: { campaignRoi: "Campaign ROI", outreach: "Members & offers", members: "Members", moreMembers: "Show more members", toCampaign: "Campaign", addToCampaign: "Add to campaign",
      addedToCampaign: "{0} added to {1}", addMembers: "Add members", memberType: "Kind", add: "Add",
      bulkOffer: "Offer to all members", channel: "Channel", content: "Content", send: "Send", results: "Results",
      offers: "Offers", responses: "Responses", response: "Record a response", leads: "Leads", convertedLeads: "Converted leads",
      potentials: "Potentials", wonAmount: "Won amount", actualCost: "Actual cost", roi: "ROI", notInstalled: "— (module not installed)",
      PLANNED: "Planned", CONTACTED: "Contacted", RESPONDED: "Responded", NOT_INTERESTED: "Not interested", DO_NOT_CONTACT: "Do not contact",
      EMAIL: "Email", PHONE_CALL: "Phone call", SEMINAR: "Seminar", MEETING: "Meeting", POSTAL_MAIL: "Postal mail", SOCIAL: "Social",
      LEAD: "Lead", CONTACT: "Contact", ACCOUNT: "Account", emails: "E-mails", delivery: "Delivery",
      "delivery.QUEUED": "E-mail queued", "delivery.SENDING": "E-mail being sent", "delivery.SENT": "E-mail sent",
      "action.MEMBERS_ADDED": "Members added", "action.MEMBER_CHANGED": "Member status changed", "action.OFFERS_MADE": "Offer made", "action.RESPONDED": "Response recorded",
      "delivery.FAILED": "E-mail failed", "delivery.SUPPRESSED": "Not sent: unsubscribed", "delivery.NOT_SENT": "Not sent: no e-mail address" },
    vi: { campaignRoi: "ROI của chiến dịch", outreach: "Thành viên & chào hàng", members: "Thành viên", moreMembers: "Xem thêm thành viên", toCampaign: "Chiến dịch", addToCampaign: "Thêm vào chiến dịch",
      addedToCampaign: "Đã thêm {0} vào {1}", addMembers: "Thêm thành viên", memberType: "Loại", add: "Thêm",
      bulkOffer: "Chào hàng cho tất cả thành viên", channel: "Kênh", content: "Nội dung", send: "Gửi", results: "Kết quả",
      offers: "Lần chào hàng", responses: "Phản hồi", response: "Ghi nhận phản hồi", leads: "Khách hàng tiềm năng",
      convertedLeads: "Đã chuyển đổi", potentials: "Cơ hội", wonAmount: "Giá trị thắng", actualCost: "Chi phí thực tế",
      roi: "ROI", notInstalled: "— (phân hệ chưa cài)",
      PLANNED: "Dự kiến", CONTACTED: "Đã liên hệ", RESPONDED: "Đã phản hồi", NOT_INTERESTED: "Không quan tâm", DO_NOT_CONTACT: "Không liên hệ",
      EMAIL: "Email", PHONE_CALL: "Gọi điện", SEMINAR: "Hội thảo", MEETING: "Gặp mặt", POSTAL_MAIL: "Thư bưu điện", SOCIAL: "Mạng xã hội",
      LEAD: "KH tiềm năng", CONTACT: "Người liên hệ", ACCOUNT: "Khách hàng", emails: "Thư điện tử", delivery: "Gửi thư",
      "action.MEMBERS_ADDED": "Thêm thành viên", "action.MEMBER_CHANGED": "Đổi trạng thái thành viên", "action.OFFERS_MADE": "Chào hàng", "action.RESPONDED": "Ghi nhận phản hồi",
      "delivery.QUEUED": "Thư đang chờ gửi", "delivery.SENDING": "Thư đang gửi", "delivery.SENT": "Đã gửi thư",
      "delivery.FAILED": "Gửi thư không được", "delivery.SUPPRESSED": "Không gửi: đã hủy đăng ký", "delivery.NOT_SENT": "Không gửi: không có địa chỉ thư" }
  });
  var MEMBER_STATUS = ["PLANNED", "CONTACTED", "RESPONDED", "NOT_INTERESTED", "DO_NOT_CONTACT"];
  var CHANNELS = ["EMAIL", "PHONE_CALL", "SEMINAR", "MEETING", "POSTAL_MAIL", "SOCIAL"];
  var KINDS = { LEAD: "leads", CONTACT: "contacts", ACCOUNT: "accounts" };

  function value(v) { return v === null || v === undefined ? t("notInstalled") : String(v); }

  function outreach(campaign, note) {
    var writes = T.writable(T.moduleOf("campaigns")); // readers see members, offers and results only
    var base = "/campaigns/" + campaign.id;
    Promise.all([call("GET", base + "/members"), call("GET", base + "/offers"), call("GET", base + "/results")]).then(function (r) {
      var members = r[0].body.items, nextMembers = r[0].body.nextCursor, offers = r[1].body.items, res = r[2].body;
      var kind = h("select", { id: "member-kind", "aria-label": t("memberType") }, Object.keys(KINDS).filter(function (k) { return T.moduleOf(KINDS[k]); })
        .map(function (k) { return h("option", { value: k }, T.moduleOf(KINDS[k]).label[T.language()] || k); }));
      var pick = h("select", { id: "member-records", multiple: true, size: "6", "aria-label": t("addMembers") });
      function fill() {
        call("GET", "/" + KINDS[kind.value] + "?limit=100").then(function (x) {
          pick.replaceChildren.apply(pick, x.body.items.map(function (rec) {
            return h("option", { value: rec.id }, rec.number + " · " + T.recordLabel(rec));
          }));
        }).catch(function () { return null; });
      }
      kind.addEventListener("change", fill);
      if (kind.value) { fill(); }
      var channel = h("select", { id: "offer-channel", "aria-label": t("channel") }, CHANNELS.map(function (c) { return h("option", { value: c }, t(c)); }));
      var subject = h("input", { id: "offer-subject", "aria-label": T.fieldLabel("subject") });
      var content = h("textarea", { id: "offer-content", rows: "2", "aria-label": t("content") });
      var offerOf = {};
      offers.forEach(function (o) { offerOf[o.memberId] = o; });
      function memberRow(m) {
        var status = h("select", { "aria-label": T.fieldLabel("status") + " " + m.number }, MEMBER_STATUS.map(function (s) {
          return h("option", { value: s, selected: s === m.status }, t(s));
        }));
        // saved by its button, not on change: arrowing through the choices must not save each one
        var save = h("button", { type: "button", hidden: true, "data-member": m.id, onclick: function () {
          call("PATCH", base + "/members/" + m.id, { status: status.value }).then(function () { outreach(campaign, t("saved")); })
            .catch(function (err) { outreach(campaign, T.problemText(err)); });
        } }, T.t("save"));
        status.addEventListener("change", function () { save.hidden = status.value === m.status; });
        var offer = offerOf[m.id];
        return h("tr", {}, h("td", {}, t(m.type)), h("td", {}, m.number + " · " + (m.name || "")), h("td", { class: "member-status", "data-status": m.status }, t(m.status)),
          h("td", {}, writes ? [status, " ", save] : null),
          // the latest offer's e-mail: whether it went out (and the server's answer when it did not)
          h("td", { class: "offer-delivery" }, offer && offer.delivery ? t("delivery." + offer.delivery)
            + (offer.deliveryError && offer.delivery === "FAILED" ? " (" + offer.deliveryError + ")" : "") : ""),
          h("td", {}, offer && writes ? h("button", { onclick: function () {
            call("POST", base + "/offers/" + offer.id + "/responses", {}).then(function () { outreach(campaign, t("saved")); });
          } }, t("response")) : ""));
      }
      var memberRows = h("tbody", {}, members.map(memberRow));
      // a campaign may have thousands of members: a page at a time
      var more = h("button", { type: "button", id: "more-members", hidden: !nextMembers, onclick: function () {
        call("GET", base + "/members?cursor=" + encodeURIComponent(nextMembers)).then(function (x) {
          x.body.items.forEach(function (m) { memberRows.appendChild(memberRow(m)); });
          nextMembers = x.body.nextCursor;
          more.hidden = !nextMembers;
        }).catch(function () { return null; });
      } }, t("moreMembers"));
      T.shell([
        h("h1", {}, t("outreach") + " · " + campaign.number + " · " + campaign.name),
        note ? h("p", { class: "message good", role: "status" }, note) : null,
        h("p", {}, h("a", { href: "#/c/campaigns/" + campaign.id }, t("back"))),
        h("section", { class: "card", id: "campaign-results" }, h("h2", {}, t("results")), h("dl", {},
          [[t("members"), res.members], [t("offers"), res.offers], [t("responses"), res.responses], [t("leads"), value(res.leads)],
            [t("convertedLeads"), value(res.convertedLeads)], [t("potentials"), value(res.potentials)],
            [t("wonAmount"), value(res.wonAmount)], [t("actualCost"), value(res.actualCost)], [t("roi"), value(res.roi)],
            [t("emails"), Object.keys(res.emailsByDelivery || {}).map(function (k) { return t("delivery." + k) + ": " + res.emailsByDelivery[k]; }).join(" · ") || "—"]]
            .map(function (pair) { return [h("dt", {}, pair[0]), h("dd", {}, String(pair[1]))]; }))),
        h("section", { class: "card" }, h("h2", {}, t("members") + " (" + res.members + ")"),
          h("table", { id: "campaign-members" }, memberRows), more,
          writes ? h("h3", {}, t("addMembers")) : null, !writes ? null : h("div", { class: "actions" }, kind, pick, h("button", { id: "add-members", onclick: function () {
            var ids = Array.prototype.filter.call(pick.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
            call("POST", base + "/members", { type: kind.value, ids: ids }).then(function () { outreach(campaign, t("saved")); })
              .catch(function (err) { outreach(campaign, T.problemText(err)); });
          } }, t("add")))),
        !writes ? null : h("section", { class: "card" }, h("h2", {}, t("bulkOffer")), h("div", { class: "actions" }, channel, subject),
          content, h("div", { class: "actions" }, h("button", { class: "primary", id: "send-offer", onclick: function () {
            call("POST", base + "/offers", { channel: channel.value, subject: subject.value, content: content.value || null, allMembers: true })
              .then(function () { outreach(campaign, t("saved")); })
              .catch(function (err) { outreach(campaign, T.problemText(err)); });
          } }, t("send"))))
      ]);
    }).catch(function () { return null; });
  }

  // selected leads, contacts or accounts join a campaign from their list
  Object.keys(KINDS).forEach(function (kind) {
    T.extend("list.action", KINDS[kind], { id: "add-to-campaign", render: function (selectedIds, done) {
      var campaigns = T.moduleOf("campaigns");
      if (!campaigns || !T.writable(campaigns)) { return null; }
      var pick = h("select", { id: "campaign-pick", "aria-label": t("toCampaign") }, h("option", { value: "" }, ""));
      call("GET", "/campaigns?limit=100").then(function (r) {
        r.body.items.filter(function (c) { return c.status !== "COMPLETED" && c.status !== "CANCELLED"; }).forEach(function (c) {
          pick.appendChild(h("option", { value: c.id }, c.number + " · " + c.name));
        });
      }).catch(function () { return null; });
      return [h("label", { for: "campaign-pick" }, t("toCampaign") + " "), pick, h("button", { type: "button", id: "add-to-campaign", onclick: function () {
        var ids = selectedIds();
        if (!pick.value || !ids.length) { return; }
        call("POST", "/campaigns/" + pick.value + "/members", { type: kind, ids: ids }).then(function (r) {
          done(t("addedToCampaign").replace("{0}", r.body.added).replace("{1}", pick.options[pick.selectedIndex].text));
        }).catch(function (err) { done(T.problemText(err)); });
      } }, t("addToCampaign"))];
    } });
  });
  T.extend("record.action", "campaigns", { id: "campaign-outreach", label: { en: "Members & offers", vi: "Thành viên & chào hàng" }, run: function (c) { outreach(c); } });

  // the dashboard: the return of the latest campaigns, as a percentage (-100 % is all the cost lost)
  T.extend("dashboard.chart", "campaign-roi", { module: "campaigns", render: function (view) {
    return call("GET", "/campaigns?limit=10" + (view && view.owner ? "&assignedTo=" + view.owner : "")).then(function (r) {
      return Promise.all(r.body.items.map(function (c) {
        return call("GET", "/campaigns/" + c.id + "/results").then(function (x) { return { label: c.name, roi: x.body.roi }; });
      }));
    }).then(function (rows) {
      return T.barChart("chart-roi", t("campaignRoi"), rows.filter(function (x) { return x.roi !== null; })
        .map(function (x) { return { label: x.label, value: Number(x.roi) * 100, unit: " %" }; }));
    });
  } });
});
