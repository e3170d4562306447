var A3_LANDSCAPE = { width: 1520, height: 1050 }; /* 420 × 297 mm minus 8 mm margins (1527 × 1062 CSS px), less a safety margin */

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
  var scheme = null, printed = null, wasHidden = false;
  function before() {
    /* Paper is white: a map read in dark mode prints in the light scheme. */
    scheme = colourScheme();
    if (scheme && scheme !== "default") setColourScheme("default");
    root.setAttribute("data-printed-state", self.state.journey);
    /* The page prints the chosen state's detailed map, whichever level is shown. */
    printed = root.querySelector('.parcours-map[data-state="' + self.state.journey + '"]');
    wasHidden = printed ? printed.hidden : false;
    if (printed) printed.hidden = false;
    /* Paper shows the whole map, never a phone's one stage at a time. */
    self.stepped = false;
    self.updateStepper();
    self.updateStrip();
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
    if (printed && window.Plotly) drawSectionCharts(self, printed, window.Plotly);
    self.printCharts(low);
  }
  function after() {
    if (printed) printed.hidden = wasHidden;
    printed = null;
    self.stepped = window.matchMedia(STEPPED).matches;
    self.updateStepper();
    self.updateStrip();
    if (scheme && scheme !== "default") setColourScheme(scheme);
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
