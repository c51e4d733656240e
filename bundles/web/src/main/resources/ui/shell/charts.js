/* Charts of the dashboard and reports, drawn by Apache ECharts (its webjar, unpacked with the UI). */
import { h } from "./dom.js";
import { t, number } from "./words.js";

/** Apache ECharts (from its webjar, served with the UI), loaded once by the first screen that draws a chart. */
var chartLibrary = null;
function echartsLoaded() {
  if (!chartLibrary) {
    chartLibrary = new Promise(function (resolve, reject) {
      var script = h("script", { src: "/ui/vendor/echarts.min.js" });
      script.onload = function () { resolve(window.echarts); };
      script.onerror = function () { chartLibrary = null; reject(new Error("charts unavailable")); };
      document.head.appendChild(script);
    });
  }
  return chartLibrary;
}

/** The width the longest of {@code texts} takes on the page, at a chart's 14 px. */
function textWidth(texts) {
  var context = document.createElement("canvas").getContext("2d");
  context.font = "14px " + window.getComputedStyle(document.body).fontFamily;
  return Math.ceil(Math.max.apply(null, texts.map(function (x) { return context.measureText(x).width; }).concat([0])));
}

/** Resolves once {@code el} is on the page (a chart measures its place when it is drawn); never for one that is not shown within seconds. */
function whenShown(el) {
  return new Promise(function (resolve) {
    var tries = 0;
    (function check() {
      if (el.isConnected && el.clientWidth > 0) { resolve(); } else if (++tries < 300) { requestAnimationFrame(check); }
    }());
  });
}

/**
 * A horizontal bar chart of {label, value, unit?, second?} rows (second: a lighter bar inside, such
 * as a weighted amount), drawn by ECharts as SVG with its figures as its accessible name.
 */
export function barChart(id, title, rows, secondLabel) {
  var described = title + ": " + rows.map(function (r) { return r.label + " " + number(r.value) + (r.unit || ""); }).join(", ");
  var canvas = h("div", { class: "chart-canvas" });
  canvas.style.height = (Math.max(rows.length, 1) * 34 + 40) + "px"; // through the CSSOM: the page's policy refuses style attributes
  var figure = h("figure", { class: "card chart", id: id }, h("figcaption", {}, h("strong", {}, title),
    secondLabel ? h("span", { class: "muted" }, " · " + t("amount") + " / " + secondLabel) : null), rows.length ? canvas : h("p", { class: "muted" }, t("noRecords")));
  if (!rows.length) { return figure; }
  echartsLoaded().then(function (echarts) { return whenShown(canvas).then(function () { return echarts; }); }).then(function (echarts) {
    var chart = echarts.init(canvas, null, { renderer: "svg" });
    // long names shortened on the axis (the tooltip and the accessible name keep them whole)
    var labels = rows.map(function (r) { return r.label.length > 30 ? r.label.substring(0, 29) + "…" : r.label; }).reverse();
    var series = [{ type: "bar", name: title, barWidth: 18, data: rows.map(function (r) {
      return { value: r.value, itemStyle: { color: r.value < 0 ? "#cf222e" : "#1f6feb", borderRadius: 3 } };
    }).reverse(), label: { show: true, position: "right", fontSize: 14, color: "#1f2328",
      formatter: function (p) { return number(p.value) + (rows[rows.length - 1 - p.dataIndex].unit || ""); } } }];
    if (rows.some(function (r) { return r.second !== undefined; })) {
      series.push({ type: "bar", name: secondLabel, barWidth: 8, barGap: "-72%", z: 3, itemStyle: { color: "#9ecbff", borderRadius: 2 },
        data: rows.map(function (r) { return r.second === undefined ? null : r.second; }).reverse() });
    }
    chart.setOption({
      // measured in the page's own font, so the names on the axis get the room they take
      textStyle: { fontFamily: window.getComputedStyle(document.body).fontFamily },
      animation: false, grid: { left: textWidth(labels) + 24, right: 90, top: 8, bottom: 28 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: function (v) { return number(v); } },
      xAxis: { type: "value", axisLabel: { fontSize: 13, formatter: function (v) { return number(v); } } },
      yAxis: { type: "category", data: labels, axisLabel: { fontSize: 14, color: "#1f2328", interval: 0 } },
      series: series
    });
    var drawn = canvas.querySelector("svg");
    if (drawn) { drawn.setAttribute("role", "img"); drawn.setAttribute("aria-label", described); }
    if (window.ResizeObserver) { new ResizeObserver(function () { chart.resize(); }).observe(canvas); }
  }).catch(function () { canvas.replaceWith(h("p", { class: "muted" }, described)); });
  return figure;
}
