/* The road map grouped by journey or by status; the URL keeps the grouping. */

function RoadmapGroups(root) {
  var form = root.querySelector("[data-parcours-roadmap-form]");
  if (!form) return;
  form.hidden = false;
  var choice = optionFor(form, "input", urlParam("group"));
  if (choice) choice.checked = true;
  function apply(remember) {
    var value = form.querySelector("input:checked").value;
    all(root, "[data-grouping]").forEach(function (section) { section.hidden = section.getAttribute("data-grouping") !== value; });
    var shown = root.querySelector('[data-grouping="' + value + '"] .parcours-chart');
    if (shown && window.Plotly && shown.classList.contains("js-plotly-plot")) window.Plotly.Plots.resize(shown);
    if (remember) rememberInUrl({ group: value });
  }
  form.addEventListener("change", function () { apply(true); });
  apply(false);
}
