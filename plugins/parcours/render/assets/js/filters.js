/* Lists filtered in the browser (touchpoint inventory, verbatims, best
   practices): each `select[data-filter=x]` keeps the `[data-filter-item]`
   whose `data-x` matches; the URL keeps the choice. */

function Filters(root) {
  var filters = all(root, "select[data-filter]");
  var items = all(root, "[data-filter-item]");
  var count = root.querySelector("[data-parcours-count]");
  var form = root.querySelector("[data-parcours-filters]");
  if (form) form.hidden = false;
  filters.forEach(function (select) {
    var value = urlParam(select.getAttribute("data-filter"));
    if (optionFor(select, "option", value)) select.value = value;
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
    var chosen = {};
    filters.forEach(function (select) { chosen[select.getAttribute("data-filter")] = select.value; });
    rememberInUrl(chosen);
  }
  apply(false);
}
