/* A phone or a tablet reads the detailed map stage by stage: every stage keeps
   the same lanes, one under the other; the previous and next stages are a
   button or a swipe away, and the page never scrolls sideways. The URL keeps
   the stage shown (`at`). */

var STEPPED = "screen and (max-width: 59.9375em)";
var SWIPE = 50; /* px across, and clearly more across than down */

JourneyMap.prototype.setUpStepper = function () {
  var self = this;
  var query = window.matchMedia(STEPPED);
  this.stepped = query.matches;
  this.at = urlParam("at") || "";
  var changed = function () { self.stepped = query.matches; self.updateStepper(); self.updateStrip(); };
  query.addEventListener("change", changed);
  this.cleanups.push(function () { query.removeEventListener("change", changed); });
  all(this.root, ".parcours-map").forEach(function (section) {
    var bar = uiPiece(self.root, "stepper");
    if (!bar) return;
    section.insertBefore(bar, section.querySelector(".parcours-map-scroll"));
    bar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-step]");
      if (button) self.step(Number(button.getAttribute("data-step")));
    });
    var start = null;
    section.addEventListener("touchstart", function (event) {
      start = self.stepped && event.touches.length === 1 ? { x: event.touches[0].clientX, y: event.touches[0].clientY } : null;
    }, { passive: true });
    section.addEventListener("touchend", function (event) {
      if (!start) return;
      var touch = event.changedTouches[0];
      var across = touch.clientX - start.x, down = touch.clientY - start.y;
      start = null;
      if (Math.abs(across) > SWIPE && Math.abs(across) > 1.5 * Math.abs(down)) self.step(across < 0 ? 1 : -1);
    }, { passive: true });
  });
};

/* The stages a reader can step through: those of the persona chosen. */
function stagesShown(section) {
  return all(section, "col[data-stage]").filter(function (col) { return !col.classList.contains("is-out"); })
    .map(function (col) { return col.getAttribute("data-stage"); });
}

/* The column (from 0) of the stage shown. */
JourneyMap.prototype.stepIndex = function (section) {
  var ids = all(section, "col[data-stage]").map(function (col) { return col.getAttribute("data-stage"); });
  var shown = stagesShown(section);
  return ids.indexOf(shown.indexOf(this.at) >= 0 ? this.at : shown[0]);
};

JourneyMap.prototype.step = function (by) {
  var section = shownMap(this);
  if (!section) return;
  var shown = stagesShown(section);
  var to = Math.max(0, shown.indexOf(this.at)) + by;
  if (to < 0 || to >= shown.length) return;
  this.at = shown[to];
  this.updateStepper();
  this.updateStrip();
  rememberInUrl({ at: to > 0 ? this.at : "" });
  /* The new stage is read from its top, just under the bar that stays in view. */
  var bar = section.querySelector(".parcours-stepper");
  var scroller = section.querySelector(".parcours-map-scroll");
  var under = bar ? bar.getBoundingClientRect().bottom : 0;
  var top = scroller ? scroller.getBoundingClientRect().top : under;
  if (top < under) window.scrollBy(0, top - under);
};

JourneyMap.prototype.updateStepper = function () {
  var self = this;
  all(this.root, ".parcours-map").forEach(function (section) {
    var stepped = Boolean(self.stepped) && !section.hidden;
    section.classList.toggle("is-stepped", stepped);
    var bar = section.querySelector(".parcours-stepper");
    if (bar) bar.hidden = !stepped;
    var at = stepped ? self.stepIndex(section) : -1;
    /* Each cell covers columns [from, from + span): the lane labels are column 0, stage i is i + 1. */
    all(section, "tr").forEach(function (row) {
      var from = 0;
      Array.prototype.forEach.call(row.cells, function (cell) {
        var span = cell.colSpan || 1;
        var here = at < 0 || from === 0 || (from <= at + 1 && at + 1 < from + span);
        cell.classList.toggle("is-elsewhere", !here);
        cell.classList.toggle("is-empty", stepped && here && from > 0 && !cell.textContent.trim() && !cell.querySelector("img, svg"));
        from += span;
      });
    });
    if (!bar || !stepped) return;
    var shown = stagesShown(section);
    var position = shown.indexOf(all(section, "col[data-stage]")[at].getAttribute("data-stage"));
    bar.querySelector('[data-step="-1"]').disabled = position <= 0;
    bar.querySelector('[data-step="1"]').disabled = position >= shown.length - 1;
    var where = bar.querySelector(".parcours-stepper-where");
    where.firstChild.textContent = fill(bar.getAttribute("data-position"), { number: position + 1, total: shown.length });
    /* The stage's name stays in view with the bar, as the map's headers do on a wide screen. */
    where.lastChild.textContent = all(section, "thead .parcours-stage-name")[at].textContent;
  });
};
