/* The potentials module's screen for the Tessera web UI: the pipeline board, one column per open
   stage, each potential movable to another stage (the server keeps the stage history). */
Tessera.use(1, function (T) {
  "use strict";
  var h = T.h, call = T.call, t = T.t;
  T.extend("strings", {
    en: { pipelineByStage: "Pipeline by stage", forecastByMonth: "Forecast by month of close", weighted: "Weighted", board: "Pipeline board", moveTo: "Move to", move: "Move", whyLost: "Why was the deal lost?" },
    vi: { pipelineByStage: "Cơ hội theo giai đoạn", forecastByMonth: "Dự báo theo tháng chốt", weighted: "Giá trị có trọng số", board: "Bảng cơ hội", moveTo: "Chuyển sang", move: "Chuyển", whyLost: "Vì sao mất cơ hội này?" }
  });

  /**
   * The board: a column per stage with its count and total; a deal moves by dragging it to another column or,
   * from the keyboard, by its select and Move button (arrowing through the select saves nothing). Closing a
   * deal as lost asks why. Filtered by owner; readers see the board without the moves.
   */
  function board(note, problem) {
    var stageField = T.moduleOf("potentials").fields.filter(function (f) { return f.name === "stage"; })[0];
    var writes = T.writable(T.moduleOf("potentials"));
    var owner = (location.hash.match(/[?&]owner=([^&]*)/) || [])[1];
    owner = owner ? decodeURIComponent(owner) : "";
    var columns = h("div", { class: "board", id: "pipeline-board" });
    var ownerPick = h("select", { id: "board-owner", "aria-label": T.fieldLabel("assignedTo"), onchange: function () {
      location.hash = "#/p/pipeline-board" + (ownerPick.value ? "?owner=" + encodeURIComponent(ownerPick.value) : "");
    } }, h("option", { value: "" }, t("anyone")), h("option", { value: "me", selected: owner === "me" }, t("me")));
    call("GET", "/users").then(function (r) {
      r.body.items.forEach(function (u) { ownerPick.appendChild(h("option", { value: u.name, selected: owner === u.name }, u.displayName || u.name)); });
    }).catch(function () { return null; });
    T.shell([h("h1", {}, t("board")), note ? h("p", { class: "message good", role: "status" }, note) : null,
      problem ? h("p", { class: "message bad", role: "alert", id: "board-problem" }, problem) : null,
      h("div", { class: "actions toolbar" }, h("label", { for: "board-owner" }, T.fieldLabel("assignedTo") + " "), ownerPick), columns]);
    function move(p, stage) {
      if (stage === p.stage) { return; }
      var change = { stage: stage };
      if (stage === "CLOSED_LOST") {
        var why = window.prompt(t("whyLost"));
        if (why === null) { return; }
        change.lostReason = why;
      }
      call("PATCH", "/potentials/" + p.id, change, p.version).then(function () { board(t("saved")); })
        .catch(function (err) { if (err.status !== 401) { board(null, T.problemText(err)); } });
    }
    call("GET", "/potentials?limit=200" + (owner ? "&assignedTo=" + encodeURIComponent(owner) : "")).then(function (r) {
      var byId = {};
      stageField.values.forEach(function (stage) {
        var cards = r.body.items.filter(function (p) { return p.stage === stage.value; });
        if (stage.value.indexOf("CLOSED") === 0 && !cards.length && !writes) { return; }
        var totals = {};
        cards.forEach(function (p) { if (p.amount !== null) { totals[p.currency] = (totals[p.currency] || 0) + Number(p.amount); } });
        var column = h("section", { class: "column card", id: "column-" + stage.value, "aria-label": T.enumLabel(stageField, stage.value) },
          h("h2", {}, T.enumLabel(stageField, stage.value) + " (" + cards.length + ")"),
          h("p", { class: "muted total", id: "total-" + stage.value }, Object.keys(totals).map(function (c) {
            return T.display({ type: "DECIMAL" }, totals[c]) + " " + c;
          }).join(" · ")),
          cards.map(function (p) {
            byId[p.id] = p;
            var select = h("select", { "aria-label": t("moveTo") + " " + p.number, id: "move-" + p.number },
              stageField.values.map(function (v) { return h("option", { value: v.value, selected: v.value === p.stage }, T.enumLabel(stageField, v.value)); }));
            var card = h("article", { class: "deal", id: "deal-" + p.number, draggable: writes ? "true" : null },
              h("a", { href: "#/c/potentials/" + p.id }, p.number + " · " + p.name),
              h("div", { class: "muted" }, (p.amount === null ? "" : T.display({ type: "DECIMAL" }, p.amount) + " " + p.currency)),
              writes ? h("div", { class: "move" }, select, h("button", { type: "button", id: "move-button-" + p.number, onclick: function () { move(p, select.value); } }, t("move"))) : null);
            card.addEventListener("dragstart", function (e) { e.dataTransfer.setData("text/plain", p.id); });
            return card;
          }));
        if (writes) {
          column.addEventListener("dragover", function (e) { e.preventDefault(); });
          column.addEventListener("drop", function (e) {
            e.preventDefault();
            var p = byId[e.dataTransfer.getData("text/plain")];
            if (p) { move(p, stage.value); }
          });
        }
        columns.appendChild(column);
      });
    }).catch(function () { return null; });
  }

  T.extend("menu", "pipeline-board", { module: "potentials", label: { en: "Pipeline board", vi: "Bảng cơ hội" }, render: function () { board(); } });

  // the dashboard: the open pipeline by stage and the forecast by month of close, each with its weighted amount
  var pipeline = {}; // one request for both charts of a dashboard, by whose pipeline it is
  function pipelineOnce(view) {
    var owner = view && view.owner ? view.owner : "";
    pipeline[owner] = pipeline[owner] || call("GET", "/potentials/pipeline" + (owner ? "?assignedTo=" + owner : ""))
      .finally(function () { setTimeout(function () { delete pipeline[owner]; }, 0); });
    return pipeline[owner];
  }
  T.extend("dashboard.chart", "pipeline", { module: "potentials", render: function (view) {
    return pipelineOnce(view).then(function (r) {
      var stage = T.fieldOf("potentials", "stage");
      return T.barChart("chart-pipeline", t("pipelineByStage") + " (" + r.body.currency + ")", r.body.stages.map(function (s) {
        return { label: T.enumLabel(stage, s.stage) + " (" + s.count + ")", value: Number(s.amount), second: Number(s.weightedAmount) };
      }), t("weighted"));
    });
  } });
  T.extend("dashboard.chart", "pipeline-forecast", { module: "potentials", render: function (view) {
    return pipelineOnce(view).then(function (r) {
      return T.barChart("chart-forecast", t("forecastByMonth"), r.body.forecast.map(function (s) {
        return { label: s.month + " (" + s.count + ")", value: Number(s.amount), second: Number(s.weightedAmount) };
      }), t("weighted"));
    });
  } });
});
