/* The potentials module's screen for the Tessera web UI: the pipeline board, one column per open
   stage, each potential movable to another stage (the server keeps the stage history). */
(function (T) {
  "use strict";
  var h = T.h, call = T.call, t = T.t;
  T.addStrings({
    en: { board: "Pipeline board", moveTo: "Move to" },
    vi: { board: "Bảng cơ hội", moveTo: "Chuyển sang" }
  });

  function board(note, problem) {
    var stageField = T.moduleOf("potentials").fields.filter(function (f) { return f.name === "stage"; })[0];
    var columns = h("div", { class: "board", id: "pipeline-board" });
    T.shell([h("h1", {}, t("board")), note ? h("p", { class: "message good", role: "status" }, note) : null,
      problem ? h("p", { class: "message bad", role: "alert" }, problem) : null, columns]);
    call("GET", "/potentials?limit=200").then(function (r) {
      stageField.values.forEach(function (stage) {
        var cards = r.body.items.filter(function (p) { return p.stage === stage.value; });
        if (stage.value.indexOf("CLOSED") === 0 && !cards.length) { return; }
        columns.appendChild(h("section", { class: "column card", id: "column-" + stage.value, "aria-label": T.enumLabel(stageField, stage.value) },
          h("h2", {}, T.enumLabel(stageField, stage.value) + " (" + cards.length + ")"),
          cards.map(function (p) {
            var select = h("select", { "aria-label": t("moveTo") + " " + p.number, id: "move-" + p.number },
              stageField.values.map(function (v) { return h("option", { value: v.value, selected: v.value === p.stage }, T.enumLabel(stageField, v.value)); }));
            select.addEventListener("change", function () {
              call("PATCH", "/potentials/" + p.id, { stage: select.value }, p.version).then(function () { board(t("saved")); })
                .catch(function (err) { if (err.status !== 401) { board(null, T.problemText(err)); } });
            });
            return h("article", { class: "deal" }, h("a", { href: "#/c/potentials/" + p.id }, p.number + " · " + p.name),
              h("div", { class: "muted" }, (p.amount === null ? "" : Number(p.amount).toLocaleString() + " " + p.currency)), select);
          })));
      });
    }).catch(function () { return null; });
  }

  T.addPage("pipeline-board", { module: "potentials", label: { en: "Pipeline board", vi: "Bảng cơ hội" }, render: function () { board(); } });
})(window.Tessera);
