/* The side panel: a stage or a touchpoint of the map opens its details
   beside the map, with what the map's lanes say of it; Escape closes it
   wherever the focus is, and the focus goes back to what opened it. */

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
  /* The copy's sections and scroll regions would be landmarks named as the
     originals below the map: in the panel, they are parts of it. */
  all(body, "[aria-labelledby]").forEach(function (node) { node.removeAttribute("aria-labelledby"); });
  all(body, "[role=region]").forEach(function (node) { node.removeAttribute("role"); node.removeAttribute("aria-label"); });
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
