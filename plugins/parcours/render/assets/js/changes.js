/* What changed since a date: every change is in the page with the dates it
   holds for (`data-after` <= date < `data-before`); without a date picked,
   each holds for its journey's last review (`data-review`). The date picked
   is kept in the URL (`?since=2026-01-01`), so a link shows the same list. */

var ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function Changes(root) {
  var form = root.querySelector("[data-changes-form]");
  var input = root.querySelector("[data-changes-since]");
  var reset = root.querySelector("[data-changes-reset]");
  var caption = root.querySelector("[data-changes-caption]");
  if (!form || !input) return;
  var byDefault = caption ? caption.textContent : "";
  form.hidden = false;
  var asked = urlParam("since");
  if (asked && ISO_DAY.test(asked)) input.value = asked;
  input.addEventListener("change", function () { apply(true); });
  if (reset) reset.addEventListener("click", function () { input.value = ""; apply(true); input.focus(); });

  function holds(item, day) {
    if (!day) return true; /* no date at all: shown, as the build shows it */
    var after = item.getAttribute("data-after");
    var before = item.getAttribute("data-before");
    return (!after || after <= day) && (!before || day < before);
  }

  function apply(remember) {
    var day = ISO_DAY.test(input.value) ? input.value : "";
    all(root, "[data-change-kind]").forEach(function (section) {
      var shown = 0;
      all(section, "[data-change]").forEach(function (item) {
        var keep = holds(item, day || item.getAttribute("data-review"));
        item.hidden = !keep;
        if (keep) shown += 1;
      });
      var count = section.querySelector("[data-change-count]");
      if (count) count.textContent = String(shown);
      var none = section.querySelector("[data-change-none]");
      if (none) none.hidden = shown > 0;
    });
    if (caption) caption.textContent = day ? caption.getAttribute("data-template").replace("{date}", longDate(day)) : byDefault;
    if (remember) rememberInUrl({ since: day });
  }
  apply(false);
}

/* `2026-01-01` as the page's language writes it, as the build writes its own
   dates: French writes the first of the month "1er" ("1er janvier 2026"). */
function longDate(day) {
  var language = document.documentElement.lang || "fr";
  var parts = day.split("-").map(Number);
  var text = new Intl.DateTimeFormat(language, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
    .format(new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])));
  return language.slice(0, 2) === "fr" && parts[2] === 1 ? text.replace(/^1(?=\s)/, "1er") : text;
}
