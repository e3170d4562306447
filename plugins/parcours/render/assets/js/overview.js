/* The overview, the journey at a glance, and the two levels of the map
   (overview, detailed map) the URL keeps. In the overview, the arrow keys
   move from stage to stage and Enter opens a stage's details; its curves
   follow the persona chosen. The overview is plain HTML and SVG, drawn at
   the page's first paint; the moment its script is ready is marked for the
   benchmark (`parcours:overview-drawn`). */

/* SVG elements have no `hidden` property: the attribute, which the stylesheet hides. */
function showIf(element, shown) { element.toggleAttribute("hidden", !shown); }

JourneyMap.prototype.setUpLevels = function () {
  var self = this;
  all(this.root, ".parcours-overview").forEach(function (section) {
    section.addEventListener("keydown", function (event) { self.overviewKey(section, event); });
  });
  this.setUpStrip();
  this.setUpStepper();
  requestAnimationFrame(function () {
    if (window.performance && performance.mark) performance.mark("parcours:overview-drawn");
    self.root.setAttribute("data-overview-drawn", "true");
  });
  /* plotly is fetched once the page is idle, so that the detailed map, or a
     print, draws its charts at once; the overview needs none. */
  var idle = window.requestIdleCallback || function (callback) { return setTimeout(callback, 1500); };
  if (this.root.querySelector(".parcours-map .parcours-chart")) idle(function () { loadPlotly().catch(function () {}); });
};

/* Right and left: the next or previous stage; Home and End: the first or last. */
JourneyMap.prototype.overviewKey = function (section, event) {
  var link = event.target.closest ? event.target.closest(".parcours-ov-link") : null;
  if (!link || event.altKey || event.ctrlKey || event.metaKey) return;
  var links = all(section, ".parcours-ov-link").filter(function (item) { return item.offsetParent !== null; });
  var at = links.indexOf(link);
  var to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: links.length - 1 }[event.key];
  if (to === undefined || to < 0 || to >= links.length) return;
  event.preventDefault();
  links[to].focus();
};

/* What changes with the level, the persona or the state shown. */
JourneyMap.prototype.levelsChanged = function () {
  var persona = this.state.persona;
  all(this.root, ".parcours-overview").forEach(function (section) {
    var items = all(section, ".parcours-ov-series[data-persona], .parcours-ov-key-item[data-persona]");
    /* A target curve comes in pairs (target over today): one pair for all, or the persona's own. */
    var pairs = items.some(function (item) { return item.classList.contains("is-today"); });
    var own = persona && items.some(function (item) { return item.getAttribute("data-persona") === persona; });
    items.forEach(function (item) {
      var key = item.getAttribute("data-persona");
      if (pairs) showIf(item, key === (own ? persona : "*"));
      else showIf(item, !persona || key === persona || key === "*");
    });
  });
  this.updateStepper();
  this.updateStrip();
};
