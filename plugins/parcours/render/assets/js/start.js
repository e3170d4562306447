/* Set-up of every component on each page, again after each instant
   navigation; charts are redrawn in the new colours when the reader
   switches between light and dark. */

var maps = [];

function start() {
  maps.forEach(function (map) { if (map.unbind) map.unbind(); });
  briefings.splice(0).forEach(function (unbind) { unbind(); });
  maps = all(document, "[data-parcours-journey]").map(function (root) { return new JourneyMap(root); });
  all(document, "[data-parcours-filtered]").forEach(function (root) { new Filters(root); });
  all(document, "[data-parcours-compare]").forEach(function (root) { new Comparison(root); });
  all(document, ".parcours-roadmap").forEach(function (root) { new RoadmapGroups(root); });
  all(document, "[data-parcours-onboarding]").forEach(function (root) { new Onboarding(root); });
  all(document, "[data-parcours-changes]").forEach(function (root) { new Changes(root); });
  all(document, "[data-parcours-briefing]").forEach(function (root) { new Briefing(root); });
  drawAllStandalone();
  /* Once Material has wrapped the page's tables and the page is laid out. */
  requestAnimationFrame(reachableScrollers);
}

window.addEventListener("resize", function () { requestAnimationFrame(reachableScrollers); });

onSchemeChange(function () {
  maps.forEach(function (map) { map.drawCharts(); });
  drawAllStandalone();
});
onEveryPage(start);
