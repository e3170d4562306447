/* Parcours: the journey map's controls, side panel, charts and print layout,
   and the touchpoint inventory's filters.

   The map is plain HTML and readable before this script runs; the script only
   adds behaviour. It also filters the inventory and verbatim lists, compares
   two personas, and draws the charts of persona pages. It works with Material's instant navigation: everything is
   set up again for each page (document$), and plotly is loaded once, from the
   site itself, only on pages that draw a chart. */
(function () {
  "use strict";

  var here = document.currentScript ? document.currentScript.src : location.href;
  var PLOTLY_URL = new URL("plotly.min.js", here).href;
  var A3_LANDSCAPE = { width: 1520, height: 1050 }; /* 420 × 297 mm minus 8 mm margins (1527 × 1062 CSS px), less a safety margin */
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

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function personasOf(element) { return (element.getAttribute("data-personas") || "").split(" ").filter(Boolean); }
  function concerns(element, persona) { var list = personasOf(element); return !persona || !list.length || list.indexOf(persona) >= 0; }

  /* ------------------------------------------------------------------ map */

  function JourneyMap(root) {
    this.root = root;
    this.form = root.querySelector("[data-parcours-controls]");
    this.panel = root.querySelector("[data-parcours-panel]");
    this.trigger = null;
    /* What to undo when instant navigation leaves the page. */
    var cleanups = this.cleanups = [];
    this.unbind = function () { cleanups.forEach(function (undo) { undo(); }); };
    var params = new URLSearchParams(location.search);
    var states = all(root, ".parcours-map").map(function (map) { return map.getAttribute("data-state"); });
    this.state = {
      persona: params.get("persona") || "",
      journey: states.indexOf(params.get("state")) >= 0 ? params.get("state") : states[0],
      channels: params.get("channels") ? params.get("channels").split(",") : null,
      stage: params.get("stage") || ""
    };
    /* A link to a stage or touchpoint (from the verbatims, the inventory…) opens its
       details, on the map it belongs to: a target stage shows the target journey. */
    var target = this.state.stage || (/^#(stage|target)-/.test(location.hash) ? decodeURIComponent(location.hash.slice(1)) : "");
    var home = /^target-/.test(target) ? "target" : states[0];
    if (target && states.indexOf(home) >= 0) this.state.journey = home;
    this.setUpControls();
    this.setUpPanel();
    this.setUpPrint();
    this.apply(false);
    if (target) {
      this.open(target, null, false);
      /* Arrived from elsewhere (the inventory, the verbatims…): show the stage's
         column on the map beside its panel, not its details far below it. */
      var stage = target.split("--")[0];
      var link = root.querySelector('.parcours-map:not([hidden]) a.parcours-stage-link[href$="#' + CSS.escape(stage) + '"]');
      /* After the browser's own jump to the anchor, which happens at load. */
      var show = function () { requestAnimationFrame(function () { link.scrollIntoView({ block: "center", inline: "center" }); }); };
      if (link && document.readyState === "complete") show();
      else if (link) window.addEventListener("load", show, { once: true });
    }
  }

  JourneyMap.prototype.setUpControls = function () {
    var self = this;
    if (!this.form) return;
    this.form.hidden = false;
    var persona = this.form.querySelector('input[name="persona"][value="' + CSS.escape(this.state.persona) + '"]');
    if (persona) persona.checked = true; else this.state.persona = "";
    var journey = this.form.querySelector('input[name="state"][value="' + CSS.escape(this.state.journey) + '"]');
    if (journey) journey.checked = true;
    if (this.state.channels) {
      all(this.form, 'input[name="channel"]').forEach(function (box) { box.checked = self.state.channels.indexOf(box.value) >= 0; });
    }
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.form.addEventListener("change", function () {
      var checked = self.form.querySelector('input[name="persona"]:checked');
      var state = self.form.querySelector('input[name="state"]:checked');
      var boxes = all(self.form, 'input[name="channel"]');
      self.state.persona = checked ? checked.value : "";
      /* The panel shows a stage of the map being left: it closes with it. */
      if (state && state.value !== self.state.journey && self.panel && !self.panel.hidden) self.close(false);
      if (state) self.state.journey = state.value;
      var chosen = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
      self.state.channels = chosen.length === boxes.length ? null : chosen;
      self.apply(true);
    });
  };

  JourneyMap.prototype.apply = function (remember) {
    var state = this.state;
    var root = this.root;
    all(root, ".parcours-map, .parcours-details, .parcours-insights").forEach(function (section) {
      section.hidden = section.getAttribute("data-state") !== state.journey;
    });
    /* A stage or touchpoint drawn for some personas only follows the chosen persona. */
    all(root, "col[data-stage]").forEach(function (col) {
      col.classList.toggle("is-out", !concerns(col, state.persona));
    });
    all(root, ".parcours-tp[data-personas], .parcours-qualified[data-personas], .parcours-stage[data-personas], .parcours-tp-detail[data-personas]").forEach(function (item) {
      item.hidden = !concerns(item, state.persona);
    });
    all(root, ".parcours-emotion[data-persona]").forEach(function (score) {
      score.hidden = Boolean(state.persona) && score.getAttribute("data-persona") !== state.persona && score.getAttribute("data-persona") !== "*";
    });
    all(root, "[data-channel]").forEach(function (item) {
      if (item.tagName === "INPUT") return;
      item.hidden = Boolean(state.channels) && state.channels.indexOf(item.getAttribute("data-channel")) < 0;
    });
    this.drawCharts();
    if (remember) this.remember();
  };

  JourneyMap.prototype.remember = function () {
    var params = new URLSearchParams(location.search);
    var state = this.state;
    function set(key, value) { if (value) params.set(key, value); else params.delete(key); }
    set("persona", state.persona);
    var first = this.root.querySelector(".parcours-map");
    set("state", first && state.journey !== first.getAttribute("data-state") ? state.journey : "");
    set("channels", state.channels ? state.channels.join(",") : "");
    set("stage", state.stage);
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  };

  /* ---------------------------------------------------------------- panel */

  JourneyMap.prototype.setUpPanel = function () {
    var self = this;
    if (!this.panel) return;
    this.root.addEventListener("click", function (event) {
      /* Material may rewrite `href="#stage-…"` into a full URL: compare the parts. */
      var link = event.target.closest("a[href]");
      if (!link || !self.root.contains(link) || self.panel.contains(link)) return;
      if (link.pathname !== location.pathname || !/^#(stage|target)-/.test(link.hash)) return;
      var id = decodeURIComponent(link.hash.slice(1));
      if (!document.getElementById(id)) return;
      /* Ours alone: instant navigation must not also handle this link. */
      event.preventDefault();
      event.stopPropagation();
      self.open(id, link, true);
    });
    this.panel.querySelector("[data-parcours-close]").addEventListener("click", function () { self.close(); });
    /* Escape closes the panel wherever the focus is, as a dialog does. */
    function escape(event) {
      if (event.key === "Escape" && !self.panel.hidden) { event.stopPropagation(); self.close(true); }
    }
    document.addEventListener("keydown", escape);
    this.cleanups.push(function () { document.removeEventListener("keydown", escape); });
  };

  JourneyMap.prototype.open = function (id, trigger, remember) {
    var source = document.getElementById(id);
    if (!source || this.panel.contains(source)) return;
    var body = this.panel.querySelector("[data-parcours-panel-body]");
    var title = this.panel.querySelector(".parcours-panel-title");
    var heading = source.querySelector("h3, h4");
    title.innerHTML = heading ? heading.innerHTML : "";
    body.innerHTML = "";
    var copy = source.cloneNode(true);
    copy.hidden = false;
    var copiedHeading = copy.querySelector("h3, h4");
    if (copiedHeading) copiedHeading.remove();
    body.appendChild(copy);
    if (source.classList.contains("parcours-stage")) body.appendChild(this.lanesOf(source));
    if (source.classList.contains("parcours-tp-detail")) {
      /* The touchpoint as the map draws it: initiator, volume, satisfaction. */
      var card = this.root.querySelector('.parcours-map a.parcours-tp[href$="#' + CSS.escape(id) + '"]');
      if (card) {
        var summary = document.createElement("div");
        summary.className = "parcours-panel-card";
        summary.innerHTML = card.innerHTML;
        body.insertBefore(summary, body.firstChild);
      }
    }
    all(body, "[id]").concat([copy]).forEach(function (node) { node.removeAttribute("id"); node.removeAttribute("aria-labelledby"); });
    this.panel.hidden = false;
    this.root.classList.add("parcours-has-panel");
    this.trigger = trigger;
    this.state.stage = id;
    this.panel.focus();
    if (remember) this.remember();
  };

  /* What the map's lanes say about a stage, for its panel. */
  JourneyMap.prototype.lanesOf = function (article) {
    var list = document.createElement("dl");
    list.className = "parcours-panel-lanes";
    var map = this.root.querySelector('.parcours-map[data-state="' + this.state.journey + '"]');
    if (!map) return list;
    var cols = all(map, "col[data-stage]");
    var position = cols.findIndex(function (col) { return col.getAttribute("data-stage") === article.getAttribute("data-stage"); });
    if (position < 0) return list;
    all(map, "tbody tr.parcours-lane").forEach(function (row) {
      if (row.classList.contains("parcours-chart-row") || row.hasAttribute("data-channel")) return;
      var cells = row.querySelectorAll("td");
      var cell = cells.length === cols.length ? cells[position] : null;
      if (!cell || !cell.textContent.trim()) return;
      var term = document.createElement("dt");
      term.textContent = row.querySelector("th").textContent;
      var detail = document.createElement("dd");
      detail.innerHTML = cell.innerHTML;
      list.appendChild(term);
      list.appendChild(detail);
    });
    return list;
  };

  /* `refocus`: give the focus back to what opened the panel (not when a control closed it). */
  JourneyMap.prototype.close = function (refocus) {
    this.panel.hidden = true;
    this.root.classList.remove("parcours-has-panel");
    this.state.stage = "";
    this.remember();
    if (refocus !== false && this.trigger && document.contains(this.trigger)) this.trigger.focus();
    this.trigger = null;
  };

  /* --------------------------------------------------------------- charts */

  function colours(root) {
    var style = getComputedStyle(root);
    return {
      text: style.color,
      grid: style.getPropertyValue("--md-default-fg-color--lightest").trim() || "rgba(0,0,0,.1)",
      moment: style.getPropertyValue("--parcours-mot-bg").trim()
    };
  }

  JourneyMap.prototype.drawCharts = function () {
    var self = this;
    var map = this.root.querySelector('.parcours-map[data-state="' + this.state.journey + '"]');
    if (!map) return;
    var charts = all(map, ".parcours-chart");
    if (!charts.length) return;
    loadPlotly().then(function (Plotly) {
      var palette = colours(self.root);
      var cols = all(map, "col[data-stage]");
      var ids = cols.map(function (col) { return col.getAttribute("data-stage"); });
      var names = all(map, ".parcours-stage-name").map(function (name) { return name.textContent; });
      var visible = cols.filter(function (col) { return !col.classList.contains("is-out"); })
        .map(function (col) { return col.getAttribute("data-stage"); });
      charts.forEach(function (chart) {
        var figure = JSON.parse(chart.parentNode.querySelector("template[data-chart-data]").content.textContent);
        /* Each point's stage, from the map's columns: customdata[0] is its id, [1] its name. */
        figure.data.forEach(function (trace) {
          trace.customdata = trace.customdata.map(function (point, index) { return [ids[index], names[index]].concat(point); });
        });
        var traces = figure.data.filter(function (trace) {
          return chart.getAttribute("data-chart") !== "emotion" || !self.state.persona || trace.meta === self.state.persona || trace.meta === "*";
        }).map(function (trace) { return keepStages(trace, visible); });
        var layout = figure.layout;
        layout.xaxis.range = [-0.5, visible.length - 0.5];
        layout.font = { color: palette.text, family: "inherit" };
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
        Plotly.react(chart, traces, layout, { displayModeBar: false, responsive: true, staticPlot: false });
      });
      self.root.setAttribute("data-charts-drawn", "true");
      if (window.performance && performance.mark) performance.mark("parcours:charts-drawn");
    }).catch(function () {
      self.root.setAttribute("data-charts-drawn", "failed");
    });
  };

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

  /* A chart on its own (a persona's curve on each journey): its stages are
     named by the table beside it. */
  function drawStandalone(chart) {
    var figure = JSON.parse(chart.parentNode.querySelector("template[data-chart-data]").content.textContent);
    var group = chart.closest("[data-chart-group]");
    if (group) {
      /* A persona's curve: its stages are named by the table beside it. */
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

  /* The road map grouped by journey or by status. */
  function RoadmapGroups(root) {
    var form = root.querySelector("[data-parcours-roadmap-form]");
    if (!form) return;
    form.hidden = false;
    var params = new URLSearchParams(location.search);
    var wanted = params.get("group");
    var choice = wanted && form.querySelector('input[value="' + CSS.escape(wanted) + '"]');
    if (choice) choice.checked = true;
    function apply(remember) {
      var value = form.querySelector("input:checked").value;
      all(root, "[data-grouping]").forEach(function (section) { section.hidden = section.getAttribute("data-grouping") !== value; });
      var shown = root.querySelector('[data-grouping="' + value + '"] .parcours-chart');
      if (shown && window.Plotly && shown.classList.contains("js-plotly-plot")) window.Plotly.Plots.resize(shown);
      if (remember) {
        var query = new URLSearchParams(location.search);
        query.set("group", value);
        history.replaceState(history.state, "", location.pathname + "?" + query.toString());
      }
    }
    form.addEventListener("change", function () { apply(true); });
    apply(false);
  }

  function drawAllStandalone() {
    var charts = all(document, ".parcours-chart-standalone");
    if (!charts.length) return;
    Promise.all(charts.map(drawStandalone)).then(function () {
      document.documentElement.setAttribute("data-parcours-charts", "drawn");
    });
  }

  /* ---------------------------------------------------------------- print */

  /* Printing fits the chosen map on one A3 landscape page: the print layout
     (`.parcours-print`) sets the page's width, then the largest text size at
     which the header and the map fit the page's height is searched for. */
  JourneyMap.prototype.setUpPrint = function () {
    var self = this;
    var root = this.root;
    function fits() {
      /* Everything but the header and the map is hidden: the page is what prints. */
      var bottom = root.getBoundingClientRect().bottom + window.scrollY;
      return bottom <= A3_LANDSCAPE.height;
    }
    var scheme = null;
    function before() {
      /* Paper is white: a map read in dark mode prints in the light scheme. */
      scheme = document.body.getAttribute("data-md-color-scheme");
      if (scheme && scheme !== "default") document.body.setAttribute("data-md-color-scheme", "default");
      root.setAttribute("data-printed-state", self.state.journey);
      document.documentElement.classList.add("parcours-print");
      root.style.setProperty("--parcours-print-width", A3_LANDSCAPE.width + "px");
      var low = 3, high = 12;
      for (var step = 0; step < 8; step += 1) {
        var size = (low + high) / 2;
        root.style.setProperty("--parcours-print-font", size + "px");
        if (fits()) low = size; else high = size;
      }
      root.style.setProperty("--parcours-print-font", low + "px");
      root.setAttribute("data-print-font", String(Math.round(low * 10) / 10));
      self.printCharts(low);
    }
    function after() {
      if (scheme && scheme !== "default") document.body.setAttribute("data-md-color-scheme", scheme);
      root.removeAttribute("data-printed-state");
      document.documentElement.classList.remove("parcours-print");
      root.style.removeProperty("--parcours-print-font");
      root.style.removeProperty("--parcours-print-width");
      self.drawCharts();
    }
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    this.cleanups.push(function () {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    });
  };

  /* Charts at the printed text's scale: plotly sizes are in pixels. */
  JourneyMap.prototype.printCharts = function (size) {
    if (!window.Plotly) return;
    var palette = colours(this.root);
    all(this.root, ".parcours-map:not([hidden]) .js-plotly-plot").forEach(function (chart) {
      window.Plotly.restyle(chart, { "marker.size": size * 1.1, "line.width": Math.max(1, size / 4) });
      window.Plotly.relayout(chart, { "font.size": size * 1.2, "legend.font.size": size * 1.2, "font.color": palette.text, "yaxis.gridcolor": palette.grid });
      window.Plotly.Plots.resize(chart);
    });
  };

  /* --------------------------------------------------------------- filters */

  /* Lists filtered in the browser (touchpoint inventory, verbatims): each
     `select[data-filter=x]` keeps the `[data-filter-item]` whose `data-x`
     matches; the URL keeps the choice. */
  function Filters(root) {
    var params = new URLSearchParams(location.search);
    var filters = all(root, "select[data-filter]");
    var items = all(root, "[data-filter-item]");
    var count = root.querySelector("[data-parcours-count]");
    var form = root.querySelector("[data-parcours-filters]");
    if (form) form.hidden = false;
    filters.forEach(function (select) {
      var value = params.get(select.getAttribute("data-filter"));
      if (value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) select.value = value;
      select.addEventListener("change", function () { apply(true); });
    });
    function apply(remember) {
      var shown = 0;
      items.forEach(function (item) {
        var keep = filters.every(function (select) {
          /* An item may have several values (a sheet's channels), separated by spaces. */
          var values = (item.getAttribute("data-" + select.getAttribute("data-filter")) || "").split(" ");
          return !select.value || values.indexOf(select.value) >= 0;
        });
        item.hidden = !keep;
        if (keep) shown += 1;
      });
      if (count) count.textContent = String(shown);
      if (!remember) return;
      var query = new URLSearchParams(location.search);
      filters.forEach(function (select) {
        var key = select.getAttribute("data-filter");
        if (select.value) query.set(key, select.value); else query.delete(key);
      });
      var text = query.toString();
      history.replaceState(history.state, "", location.pathname + (text ? "?" + text : ""));
    }
    apply(false);
  }

  /* Two personas side by side: the table holds them all; two choices show two. */
  function Comparison(root) {
    var params = new URLSearchParams(location.search);
    var selects = all(root, "select[data-compare]");
    var form = root.querySelector("[data-parcours-compare-form]");
    if (form) form.hidden = false;
    selects.forEach(function (select, position) {
      var value = params.get(select.getAttribute("data-compare"));
      if (value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) select.value = value;
      else if (select.options.length > position) select.selectedIndex = position;
      select.addEventListener("change", function () { apply(true); });
    });
    function apply(remember) {
      var chosen = selects.map(function (select) { return select.value; });
      all(root, "[data-persona]").forEach(function (cell) {
        cell.hidden = chosen.indexOf(cell.getAttribute("data-persona")) < 0;
      });
      /* The columns in the order chosen: the first choice on the left. */
      all(root, "tr").forEach(function (row) {
        chosen.forEach(function (persona) {
          var cell = row.querySelector(':scope > [data-persona="' + CSS.escape(persona) + '"]');
          if (cell) row.appendChild(cell);
        });
      });
      if (!remember) return;
      var query = new URLSearchParams(location.search);
      selects.forEach(function (select) { query.set(select.getAttribute("data-compare"), select.value); });
      history.replaceState(history.state, "", location.pathname + "?" + query.toString());
    }
    apply(false);
  }

  /* ------------------------------------------------------------ onboarding */

  /* The onboarding path's progress, kept in this browser (localStorage):
     steps ticked, a progress bar, and a link back to the first step not done. */
  function Onboarding(root) {
    var key = "parcours:onboarding:" + new URL(root.getAttribute("data-parcours-onboarding"), location.href).pathname;
    var done = {};
    try {
      done = JSON.parse(window.localStorage.getItem(key) || "{}") || {};
    } catch (error) {
      return; /* no storage (private browsing, policy): the path still reads, without progress */
    }
    var boxes = all(root, "[data-parcours-done]");
    var progress = root.querySelector("[data-parcours-progress]");
    var bar = progress.querySelector("progress");
    var text = progress.querySelector("[data-parcours-progress-text]");
    var resume = progress.querySelector("[data-parcours-resume]");
    var template = root.getAttribute("data-progress-text") || "{done} / {total}";
    function update() {
      var count = 0;
      var next = null;
      boxes.forEach(function (box) {
        var id = box.getAttribute("data-parcours-done");
        box.checked = Boolean(done[id]);
        box.closest(".parcours-step").classList.toggle("is-done", box.checked);
        if (box.checked) count += 1; else if (!next) next = id;
      });
      bar.value = count;
      text.textContent = template.replace("{done}", count).replace("{total}", boxes.length);
      resume.hidden = !next || count === 0;
      if (next) resume.setAttribute("href", "#" + next);
    }
    boxes.forEach(function (box) {
      box.closest("label").hidden = false;
      box.addEventListener("change", function () {
        done[box.getAttribute("data-parcours-done")] = box.checked;
        try { window.localStorage.setItem(key, JSON.stringify(done)); } catch (error) { /* full or refused */ }
        update();
      });
    });
    progress.hidden = false;
    update();
  }

  /* ---------------------------------------------------------------- start */

  var current = [];
  function start() {
    current.forEach(function (map) { if (map.unbind) map.unbind(); });
    current = all(document, "[data-parcours-journey]").map(function (root) { return new JourneyMap(root); });
    all(document, "[data-parcours-filtered]").forEach(function (root) { new Filters(root); });
    all(document, "[data-parcours-compare]").forEach(function (root) { new Comparison(root); });
    all(document, ".parcours-roadmap").forEach(function (root) { new RoadmapGroups(root); });
    all(document, "[data-parcours-onboarding]").forEach(function (root) { new Onboarding(root); });
    drawAllStandalone();
  }

  /* Redraw the charts in the new colours when the reader switches light/dark. */
  new MutationObserver(function () {
    current.forEach(function (map) { map.drawCharts(); });
    drawAllStandalone();
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
