/* Two personas side by side: the table holds them all; two choices show two,
   the first one chosen on the left. */

function Comparison(root) {
  var selects = all(root, "select[data-compare]");
  var form = root.querySelector("[data-parcours-compare-form]");
  if (form) form.hidden = false;
  selects.forEach(function (select, position) {
    var value = urlParam(select.getAttribute("data-compare"));
    if (optionFor(select, "option", value)) select.value = value;
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
    var values = {};
    selects.forEach(function (select) { values[select.getAttribute("data-compare")] = select.value; });
    rememberInUrl(values);
  }
  apply(false);
}
