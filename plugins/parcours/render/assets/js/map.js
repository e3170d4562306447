/* The journey map: its controls (persona, current or target journey,
   channels), kept in the URL. The map is plain HTML, readable before this
   runs; the side panel (panel.js), the charts (charts.js) and the print
   layout (print.js) hang on the same object. */

function personasOf(element) { return (element.getAttribute("data-personas") || "").split(" ").filter(Boolean); }
function concerns(element, persona) { var list = personasOf(element); return !persona || !list.length || list.indexOf(persona) >= 0; }

function JourneyMap(root) {
  this.root = root;
  this.form = root.querySelector("[data-parcours-controls]");
  this.panel = root.querySelector("[data-parcours-panel]");
  this.trigger = null;
  /* What to undo when instant navigation leaves the page. */
  var cleanups = this.cleanups = [];
  this.unbind = function () { cleanups.forEach(function (undo) { undo(); }); };
  var states = all(root, ".parcours-map").map(function (map) { return map.getAttribute("data-state"); });
  var channels = urlParam("channels");
  this.state = {
    persona: urlParam("persona") || "",
    journey: states.indexOf(urlParam("state")) >= 0 ? urlParam("state") : states[0],
    /* Two levels of one view: the overview (by default) and the detailed map. */
    zoom: urlParam("zoom") === "detail" ? "detail" : "overview",
    channels: channels ? channels.split(",") : null,
    stage: urlParam("stage") || ""
  };
  /* A link to a stage or touchpoint (from the verbatims, the inventory…) opens its
     details, on the map it belongs to: a target stage shows the target journey,
     a touchpoint the detailed map, where touchpoints are. */
  var target = this.state.stage || (/^#(stage|target)-/.test(location.hash) ? decodeURIComponent(location.hash.slice(1)) : "");
  var home = /^target-/.test(target) ? "target" : states[0];
  if (target && states.indexOf(home) >= 0) this.state.journey = home;
  if (target.indexOf("--") > 0 && !urlParam("zoom")) this.state.zoom = "detail";
  this.setUpControls();
  this.setUpPanel();
  this.setUpPrint();
  this.setUpLevels();
  this.apply(false);
  if (target) {
    this.open(target, null, false);
    /* Arrived from elsewhere (the inventory, the verbatims…): show the stage's
       column on the map beside its panel, not its details far below it. */
    var stage = target.split("--")[0];
    var link = root.querySelector('.parcours-map:not([hidden]) a.parcours-stage-link[href$="#' + CSS.escape(stage) + '"], .parcours-overview:not([hidden]) a.parcours-ov-link[href$="#' + CSS.escape(stage) + '"]');
    /* After the browser's own jump to the anchor, which happens at load. */
    var show = function () { requestAnimationFrame(function () { link.scrollIntoView({ block: "center", inline: "center" }); }); };
    if (link && document.readyState === "complete") show();
    else if (link) window.addEventListener("load", show, { once: true });
  }
  this.setUpPresentation();
}

JourneyMap.prototype.setUpControls = function () {
  var self = this;
  if (!this.form) return;
  this.form.hidden = false;
  var persona = optionFor(this.form, 'input[name="persona"]', this.state.persona);
  if (persona) persona.checked = true; else this.state.persona = "";
  var journey = optionFor(this.form, 'input[name="state"]', this.state.journey);
  if (journey) journey.checked = true;
  var zoom = optionFor(this.form, 'input[name="zoom"]', this.state.zoom);
  if (zoom) zoom.checked = true;
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
    var zoom = self.form.querySelector('input[name="zoom"]:checked');
    if (zoom) self.state.zoom = zoom.value;
    var chosen = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
    self.state.channels = chosen.length === boxes.length ? null : chosen;
    self.apply(true);
  });
};

JourneyMap.prototype.apply = function (remember) {
  var state = this.state;
  all(this.root, ".parcours-map, .parcours-overview, .parcours-what-changes, .parcours-details, .parcours-insights").forEach(function (section) {
    var level = section.classList.contains("parcours-map") ? "detail" : section.classList.contains("parcours-overview") ? "overview" : state.zoom;
    section.hidden = section.getAttribute("data-state") !== state.journey || level !== state.zoom;
  });
  /* The channels filter sorts the detailed map's rows: the overview has none. */
  var channelsControl = this.form && this.form.querySelector('[data-control="channels"]');
  if (channelsControl) channelsControl.hidden = state.zoom !== "detail";
  /* A stage or touchpoint drawn for some personas only follows the chosen persona. */
  all(this.root, "col[data-stage]").forEach(function (col) {
    col.classList.toggle("is-out", !concerns(col, state.persona));
  });
  all(this.root, ".parcours-tp[data-personas], .parcours-qualified[data-personas], .parcours-stage[data-personas], .parcours-tp-detail[data-personas]").forEach(function (item) {
    item.hidden = !concerns(item, state.persona);
  });
  all(this.root, ".parcours-emotion[data-persona], .parcours-ov-emotion [data-persona]").forEach(function (score) {
    score.hidden = Boolean(state.persona) && score.getAttribute("data-persona") !== state.persona && score.getAttribute("data-persona") !== "*";
  });
  all(this.root, "[data-channel]").forEach(function (item) {
    if (item.tagName === "INPUT") return;
    item.hidden = Boolean(state.channels) && state.channels.indexOf(item.getAttribute("data-channel")) < 0;
  });
  this.drawCharts();
  this.levelsChanged();
  if (remember) this.remember();
};

JourneyMap.prototype.drawCharts = function () { drawMapCharts(this); };

JourneyMap.prototype.remember = function () {
  var first = this.root.querySelector(".parcours-map");
  rememberInUrl({
    persona: this.state.persona,
    state: first && this.state.journey !== first.getAttribute("data-state") ? this.state.journey : "",
    zoom: this.state.zoom === "detail" ? "detail" : "",
    channels: this.state.channels ? this.state.channels.join(",") : "",
    stage: this.state.stage
  });
};
