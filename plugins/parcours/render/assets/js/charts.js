/* Charts: plotly is loaded once, from the site itself, only on pages that
   draw one. A chart's figure is JSON in a `<template>` beside it; the map's
   charts follow its columns (the persona and channels chosen). */

var here = document.currentScript ? document.currentScript.src : location.href;
var PLOTLY_URL = new URL("plotly.min.js", here).href;
var plotly = null;

function loadPlotly() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!plotly) {
    plotly = new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = PLOTLY_URL;
      tag.async = true;
      tag.onload = function () { resolve(window.Plotly); };
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }
  return plotly;
}

function figureOf(chart) {
  return JSON.parse(chart.parentNode.querySelector("template[data-chart-data]").content.textContent);
}

function colours(root) {
  var style = getComputedStyle(root);
  return {
    text: style.color,
    grid: style.getPropertyValue("--md-default-fg-color--lightest").trim() || "rgba(0,0,0,.1)",
    moment: style.getPropertyValue("--parcours-mot-bg").trim()
  };
}

/* Axes' labels in the page's text colour: plotly draws labels set inside the
   plot (the emotion curve's) in its own grey, 1.7:1 on the dark scheme's slate. */
function axesText(layout, colour) {
  Object.keys(layout).forEach(function (key) {
    if (/^[xy]axis\d*$/.test(key) && layout[key]) layout[key].tickfont = Object.assign({}, layout[key].tickfont, { color: colour });
  });
}

/* The charts of a journey map's shown state, for the stages and persona chosen;
   none while the overview is shown (it draws its own curve, without plotly). */
function drawMapCharts(map) {
  var section = map.root.querySelector('.parcours-map[data-state="' + map.state.journey + '"]');
  if (!section || section.hidden || !section.querySelector(".parcours-chart")) return;
  loadPlotly().then(function (Plotly) {
    drawSectionCharts(map, section, Plotly);
    map.root.setAttribute("data-charts-drawn", "true");
    if (window.performance && performance.mark) performance.mark("parcours:charts-drawn");
  }).catch(function () {
    map.root.setAttribute("data-charts-drawn", "failed");
  });
}

/* Draw them now: plotly draws these charts at once (printing cannot wait). */
function drawSectionCharts(map, section, Plotly) {
  var charts = all(section, ".parcours-chart");
  var palette = colours(map.root);
  var cols = all(section, "col[data-stage]");
  var ids = cols.map(function (col) { return col.getAttribute("data-stage"); });
  var names = all(section, ".parcours-stage-name").map(function (name) { return name.textContent; });
  var visible = cols.filter(function (col) { return !col.classList.contains("is-out"); })
    .map(function (col) { return col.getAttribute("data-stage"); });
  charts.forEach(function (chart) {
    var figure = figureOf(chart);
    /* Each point's stage, from the map's columns: customdata[0] is its id, [1] its name. */
    figure.data.forEach(function (trace) {
      trace.customdata = trace.customdata.map(function (point, index) { return [ids[index], names[index]].concat(point); });
    });
    var persona = map.state.persona;
    var traces = figure.data.filter(function (trace) {
      return chart.getAttribute("data-chart") !== "emotion" || !persona || trace.meta === persona || trace.meta === "*";
    }).map(function (trace) { return keepStages(trace, visible); });
    var layout = figure.layout;
    layout.xaxis.range = [-0.5, visible.length - 0.5];
    layout.font = { color: palette.text, family: "inherit" };
    axesText(layout, palette.text);
    if (layout.yaxis) layout.yaxis.gridcolor = palette.grid;
    layout.showlegend = chart.getAttribute("data-chart") === "emotion" && traces.length > 1;
    (layout.annotations || []).forEach(function (note) {
      var stage = figure.data[0].customdata[Math.floor(note.x)][0];
      note.visible = visible.indexOf(stage) >= 0;
      note.x = visible.indexOf(stage) + 0.5;
    });
    /* Moments of truth: the band follows its stage's column, in the scheme's tint. */
    (layout.shapes || []).forEach(function (shape) {
      if (shape.name !== "moment-of-truth") return;
      var at = visible.indexOf(ids[Math.round((shape.x0 + shape.x1) / 2)]);
      Object.assign(shape, {
        type: "rect", xref: "x", yref: "paper", y0: 0, y1: 1, layer: "below", line: { width: 0 },
        fillcolor: palette.moment || "rgba(11,87,208,0.07)",
        visible: at >= 0, x0: at - 0.5, x1: at + 0.5
      });
    });
    /* The page's own drawing (first paint, print without script) gives way to plotly's. */
    all(chart, ":scope > .parcours-chart-svg").forEach(function (drawn) { drawn.remove(); });
    Plotly.react(chart, traces, layout, { displayModeBar: false, responsive: true, staticPlot: false });
  });
}

/* Keep a trace's points for the visible stages, at their new positions. */
function keepStages(trace, visible) {
  var copy = Object.assign({}, trace, { x: [], y: [], customdata: [] });
  var text = Array.isArray(trace.text) ? [] : trace.text;
  var shapes = trace.marker && trace.marker.pattern && Array.isArray(trace.marker.pattern.shape) ? [] : null;
  trace.customdata.forEach(function (point, index) {
    var at = visible.indexOf(point[0]);
    if (at < 0) return;
    copy.x.push(at);
    copy.y.push(trace.y[index]);
    copy.customdata.push(point);
    if (Array.isArray(text)) text.push(trace.text[index]);
    if (shapes) shapes.push(trace.marker.pattern.shape[index]);
  });
  if (Array.isArray(text)) copy.text = text;
  if (shapes) copy.marker = Object.assign({}, trace.marker, { pattern: Object.assign({}, trace.marker.pattern, { shape: shapes }) });
  return copy;
}

/* A chart on its own (a persona's curve on each journey, a trend, the matrix,
   the road map): a persona's curve names its stages from the table beside it. */
function drawStandalone(chart) {
  var figure = figureOf(chart);
  var group = chart.closest("[data-chart-group]");
  if (group) {
    var names = all(group, "th[data-stage]");
    figure.data.forEach(function (trace) {
      trace.customdata = trace.customdata.map(function (point, index) {
        var name = names[index];
        return [name ? name.getAttribute("data-stage") : "", name ? name.textContent : ""].concat(point);
      });
    });
  }
  var palette = colours(chart);
  figure.layout.font = { color: palette.text, family: "inherit" };
  axesText(figure.layout, palette.text);
  if (figure.layout.xaxis) figure.layout.xaxis.gridcolor = palette.grid;
  if (figure.layout.yaxis) figure.layout.yaxis.gridcolor = palette.grid;
  if (figure.layout.height) chart.style.height = figure.layout.height + "px";
  return loadPlotly().then(function (Plotly) {
    return Plotly.react(chart, figure.data, figure.layout, { displayModeBar: false, responsive: true }).then(function () {
      if (chart.hasAttribute("data-links") && !chart.hasAttribute("data-linked")) {
        /* Each point leads to its sheet (customdata[1]); the table below has the same links for the keyboard. */
        chart.setAttribute("data-linked", "");
        chart.on("plotly_click", function (event) {
          var url = event.points && event.points[0] && event.points[0].customdata && event.points[0].customdata[1];
          if (url) location.href = new URL(url, location.href).href;
        });
      }
    });
  });
}

function drawAllStandalone() {
  var charts = all(document, ".parcours-chart-standalone");
  if (!charts.length) return;
  Promise.all(charts.map(drawStandalone)).then(function () {
    document.documentElement.setAttribute("data-parcours-charts", "drawn");
  });
}
