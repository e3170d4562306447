/* The detailed map. It scrolls in its own region, where its stage headers and
   lane labels stay in view (the stylesheet); on a long map a strip says which
   stages are in view and which lane is at the top, each stage one click away.
   Channel rows left empty by the persona chosen, or by the stage a phone
   shows, are folded into one line that names them and counts them. */

/* A piece of the interface the page wrote for the script (its words, its icons). */
function uiPiece(root, name) {
  var template = root.querySelector("template[data-parcours-ui]");
  var piece = template && template.content.querySelector('[data-ui="' + name + '"]');
  return piece ? piece.cloneNode(true) : null;
}

/* "Étapes {first} à {last}" with its values. */
function fill(text, values) {
  return (text || "").replace(/\{(\w+)\}/g, function (whole, key) { return key in values ? values[key] : whole; });
}

function shownMap(map) {
  return map.root.querySelector(".parcours-map:not([hidden])");
}

JourneyMap.prototype.setUpStrip = function () {
  var self = this;
  all(this.root, ".parcours-map").forEach(function (section) {
    var scroller = section.querySelector(".parcours-map-scroll");
    var strip = uiPiece(self.root, "strip");
    if (!scroller || !strip) return;
    var list = strip.querySelector("ol");
    all(section, "thead .parcours-stages th").forEach(function (header, index) {
      var name = header.querySelector(".parcours-stage-name").textContent;
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = String(index + 1);
      button.title = name;
      button.setAttribute("aria-label", fill(strip.getAttribute("data-go"), { number: index + 1, name: name }));
      button.addEventListener("click", function () { self.showColumn(section, index); });
      item.appendChild(button);
      list.appendChild(item);
    });
    section.insertBefore(strip, scroller);
    var pending = false;
    scroller.addEventListener("scroll", function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () { pending = false; self.updateStrip(); });
    }, { passive: true });
  });
  var resized = function () { self.updateStrip(); };
  window.addEventListener("resize", resized);
  this.cleanups.push(function () { window.removeEventListener("resize", resized); });
};

/* Bring a stage's column next to the lane labels, and the focus to its header. */
JourneyMap.prototype.showColumn = function (section, index) {
  var scroller = section.querySelector(".parcours-map-scroll");
  var header = all(section, "thead .parcours-stages th")[index];
  var lanes = section.querySelector("tbody th");
  if (!header) return;
  scroller.scrollTo({ left: header.offsetLeft - (lanes ? lanes.offsetWidth : 0), behavior: "smooth" });
  var link = header.querySelector("a");
  if (link) link.focus({ preventScroll: true });
};

/* Which stages are in view, and which lane is at the top of the map's region. */
JourneyMap.prototype.updateStrip = function () {
  var section = shownMap(this);
  all(this.root, ".parcours-strip-map").forEach(function (strip) { strip.hidden = true; });
  if (section) this.foldChannels(section);
  if (!section || section.classList.contains("is-stepped")) return;
  var scroller = section.querySelector(".parcours-map-scroll");
  var strip = section.querySelector(".parcours-strip-map");
  if (!scroller || !strip) return;
  var long = scroller.scrollWidth > scroller.clientWidth + 1 || scroller.scrollHeight > scroller.clientHeight + 1;
  strip.hidden = !long;
  if (!long) return;
  var lanes = section.querySelector("tbody th");
  var left = scroller.scrollLeft + (lanes ? lanes.offsetWidth : 0), right = scroller.scrollLeft + scroller.clientWidth;
  var inView = [];
  all(section, "thead .parcours-stages th").forEach(function (header, index) {
    var middle = header.offsetLeft + header.offsetWidth / 2;
    var shown = header.offsetWidth > 0 && middle >= left && middle <= right;
    var button = strip.querySelectorAll("button")[index];
    button.classList.toggle("is-in-view", shown);
    if (shown) { button.setAttribute("aria-current", "true"); inView.push(index + 1); } else button.removeAttribute("aria-current");
  });
  var head = section.querySelector("thead");
  var top = scroller.scrollTop + (head ? head.offsetHeight : 0);
  var lane = all(section, "tbody tr").filter(function (row) { return row.offsetHeight > 0; })
    .find(function (row) { return row.offsetTop + row.offsetHeight > top; });
  var where = fill(strip.getAttribute("data-range"), {
    first: inView[0] || 1, last: inView[inView.length - 1] || 1, total: strip.querySelectorAll("button").length
  });
  if (lane && scroller.scrollTop > 0) where += " · " + fill(strip.getAttribute("data-lane"), { lane: lane.querySelector("th").textContent.trim() });
  strip.querySelector(".parcours-strip-where").textContent = where;
};

/* Channel rows with no touchpoint in the stages shown: folded, named and counted. */
JourneyMap.prototype.foldChannels = function (section) {
  var rows = all(section, "tbody tr[data-channel]");
  if (!rows.length) return;
  var cols = all(section, "col[data-stage]");
  var at = section.classList.contains("is-stepped") ? this.stepIndex(section) : -1;
  var names = [];
  rows.forEach(function (row) {
    row.classList.remove("is-folded");
    if (row.hidden) return; /* the channels filter hid it */
    var empty = all(row, "td").every(function (cell, index) {
      var out = at >= 0 ? index !== at : cols[index] && cols[index].classList.contains("is-out");
      return out || !all(cell, ".parcours-tp").some(function (card) { return !card.hidden; });
    });
    row.classList.toggle("is-folded", empty);
    if (empty) names.push(row.querySelector("th .parcours-channel").textContent.trim());
  });
  var fold = section.querySelector("tr.parcours-fold");
  var words = uiPiece(this.root, "words");
  if (!fold && words) {
    /* One cell across the row (a row header would have nothing to name), its text kept in view. */
    fold = document.createElement("tr");
    fold.className = "parcours-lane parcours-fold";
    fold.innerHTML = "<td><span></span></td>";
    fold.firstChild.colSpan = cols.length + 1;
    fold.setAttribute("data-one", words.getAttribute("data-fold-one"));
    fold.setAttribute("data-many", words.getAttribute("data-fold-many"));
    rows[rows.length - 1].after(fold);
  }
  if (!fold) return;
  fold.hidden = !names.length;
  var text = names.length === 1 ? fold.getAttribute("data-one") : fold.getAttribute("data-many");
  fold.querySelector("span").textContent = fill(text, { count: names.length, names: names.join(", ") });
};
