/* Presentation mode, for workshops and wall screens: full screen, large
   print, the overview then one stage at a time with its customers' words,
   their clips and captions. The arrow keys move, Home comes back to the
   overview, Escape leaves. The kiosk variant (`?present=kiosk`, or the
   "advance automatically" button) moves on by itself, waits for a clip
   being played, and can be paused. Everything is taken from the page. */

var KIOSK_SECONDS = { overview: 30, stage: 20 };
/* The map's lanes a stage's slide shows, in this order. */
var SLIDE_LANES = ["actions", "expectations", "qualified", "promise"];

JourneyMap.prototype.setUpPresentation = function () {
  var self = this;
  var button = this.root.querySelector("[data-parcours-present]");
  if (button) button.addEventListener("click", function () { self.present(false, 0); });
  this.cleanups.push(function () { self.leave(false); });
  var mode = urlParam("present");
  if (mode) this.present(mode === "kiosk", Number(urlParam("slide")) || 0);
};

JourneyMap.prototype.present = function (kiosk, slide) {
  var self = this;
  var overlay = uiPiece(this.root, "presentation");
  if (!overlay || this.presenting) return;
  if (this.panel && !this.panel.hidden) this.close(false);
  this.presenting = { overlay: overlay, slide: 0, kiosk: false, timer: null, opener: document.activeElement };
  /* A dialog over the page: the rest of the page is out of reach meanwhile. */
  all(document.body, ":scope > *").forEach(function (element) { element.inert = true; });
  document.body.appendChild(overlay);
  document.documentElement.classList.add("parcours-presenting");
  overlay.addEventListener("click", function (event) { self.presentationClick(event); });
  this.presentationKeys = function (event) { self.presentationKey(event); };
  document.addEventListener("keydown", this.presentationKeys, true);
  this.fullscreenLeft = function () { if (!document.fullscreenElement && self.presenting && self.presenting.full) self.leave(true); };
  document.addEventListener("fullscreenchange", this.fullscreenLeft);
  /* Full screen needs the reader's gesture: a wall screen started from its address stays a full window. */
  var gesture = !navigator.userActivation || navigator.userActivation.isActive;
  if (overlay.requestFullscreen && gesture) {
    overlay.requestFullscreen().then(function () { if (self.presenting) self.presenting.full = true; }).catch(function () {});
  }
  this.autoplay(kiosk);
  this.showSlide(slide);
};

/* The slides: 0 is the overview, then each stage the persona chosen lives. */
JourneyMap.prototype.slides = function () {
  var overview = this.root.querySelector('.parcours-overview[data-state="' + this.state.journey + '"]');
  var stages = overview ? all(overview, ".parcours-ov-stage").filter(function (item) { return concerns(item, this.state.persona); }, this) : [];
  return [overview].concat(stages);
};

JourneyMap.prototype.showSlide = function (index) {
  var show = this.presenting;
  if (!show) return;
  var slides = this.slides();
  show.slide = Math.max(0, Math.min(index, slides.length - 1));
  var box = show.overlay.querySelector("[data-slide]");
  box.innerHTML = "";
  all(show.overlay, "audio, video").forEach(function (media) { media.pause(); });
  box.appendChild(show.slide === 0 ? this.overviewSlide(slides[0]) : this.stageSlide(slides[show.slide]));
  box.scrollTop = 0;
  var where = show.overlay.getAttribute("data-position");
  show.overlay.querySelector(".parcours-slide-where").textContent = fill(where, { number: show.slide + 1, total: slides.length });
  show.overlay.querySelector('[data-go="-1"]').disabled = show.slide === 0 && !show.kiosk;
  show.overlay.querySelector('[data-go="1"]').disabled = show.slide === slides.length - 1 && !show.kiosk;
  box.focus({ preventScroll: true });
  rememberInUrl({ present: show.kiosk ? "kiosk" : "on", slide: show.slide ? String(show.slide) : "" });
  this.schedule();
};

/* The overview, as the page draws it, in large print; a stage opens its own slide. */
JourneyMap.prototype.overviewSlide = function (overview) {
  var copy = overview.cloneNode(true);
  copy.hidden = false;
  all(copy, "[id]").forEach(function (node) { node.id = "present-" + node.id; });
  copy.removeAttribute("aria-labelledby");
  all(copy, "use").forEach(function (use) {
    use.setAttribute("xlink:href", "#present-" + use.getAttribute("xlink:href").slice(1));
  });
  all(copy, ".parcours-level-title .parcours-note").forEach(function (note) { note.remove(); });
  return copy;
};

/* A stage: its name and figures, what the map says of it, and its verbatims with their clips. */
JourneyMap.prototype.stageSlide = function (item) {
  var self = this;
  var link = item.querySelector(".parcours-ov-link");
  var article = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  var slide = document.createElement("article");
  slide.className = "parcours-slide-stage";
  var title = document.createElement("h2");
  title.innerHTML = article.querySelector("h3").innerHTML;
  slide.appendChild(title);
  var figures = document.createElement("div");
  figures.className = "parcours-slide-figures";
  all(item, ".parcours-ov-marks, .parcours-ov-replaces, .parcours-ov-counts, .parcours-ov-satisfaction, .parcours-ov-emotion").forEach(function (part) {
    figures.appendChild(part.cloneNode(true));
  });
  all(figures, "a").forEach(function (anchor) { anchor.replaceWith(document.createTextNode(anchor.textContent)); });
  /* A moment of truth is said once, with why it is one (below). */
  if (article.querySelector(".parcours-mot-why")) all(figures, ".parcours-mot").forEach(function (badge) { badge.remove(); });
  slide.appendChild(figures);
  all(article, ":scope > .parcours-mot-why, :scope > .parcours-stage-changes").forEach(function (part) { slide.appendChild(part.cloneNode(true)); });
  var lanes = this.lanesOf(article);
  var columns = document.createElement("dl");
  columns.className = "parcours-slide-lanes";
  var map = this.root.querySelector('.parcours-map[data-state="' + this.state.journey + '"]');
  SLIDE_LANES.forEach(function (lane) {
    var row = map && map.querySelector("tr.parcours-lane-" + lane + " > th");
    var name = row ? row.textContent.trim() : "";
    all(lanes, "dt").forEach(function (term) {
      if (term.textContent.trim() !== name) return;
      var group = document.createElement("div");
      group.appendChild(term.cloneNode(true));
      group.appendChild(term.nextElementSibling.cloneNode(true));
      all(group, ".parcours-quote-short, .parcours-more").forEach(function (quote) { quote.remove(); });
      columns.appendChild(group);
    });
  });
  if (columns.children.length) slide.appendChild(columns);
  var voices = all(article, ".parcours-verbatim");
  if (voices.length) {
    var said = document.createElement("section");
    said.className = "parcours-slide-voices";
    var heading = document.createElement("h3");
    heading.textContent = this.presenting.overlay.getAttribute("data-voices");
    said.appendChild(heading);
    voices.forEach(function (voice) { said.appendChild(self.voiceWithCaptions(voice.cloneNode(true))); });
    slide.appendChild(said);
  }
  all(slide, "[id]").forEach(function (node) { node.removeAttribute("id"); });
  /* A wall or a workshop reads the stage: correcting its source is for the page. */
  all(slide, ".parcours-suggest-line, .parcours-suggest").forEach(function (link) {
    var before = link.previousSibling; /* and the " · " that led to it */
    if (before && before.nodeType === 3) before.textContent = before.textContent.replace(/\s*·\s*$/, "");
    link.remove();
  });
  return slide;
};

/* A verbatim's clip shows its captions as it plays, in large print: an audio
   clip has no picture to show them on. */
JourneyMap.prototype.voiceWithCaptions = function (voice) {
  var self = this;
  var media = voice.querySelector("audio, video");
  if (!media) return voice;
  var line = document.createElement("p");
  line.className = "parcours-live-caption";
  line.setAttribute("aria-label", this.presenting.overlay.getAttribute("data-captions"));
  media.after(line);
  media.addEventListener("loadedmetadata", function () {
    var track = media.textTracks && media.textTracks[0];
    if (!track) return;
    if (media.tagName === "AUDIO") track.mode = "hidden";
    track.addEventListener("cuechange", function () {
      line.textContent = Array.prototype.map.call(track.activeCues || [], function (cue) { return cue.text; }).join(" ");
    });
  });
  media.addEventListener("play", function () { self.schedule(); });
  media.addEventListener("ended", function () { self.schedule(); });
  media.load();
  return voice;
};

JourneyMap.prototype.presentationClick = function (event) {
  var show = this.presenting;
  var target = event.target.closest("button, a[href]");
  if (!show || !target) return;
  if (target.matches("[data-go]")) this.move(Number(target.getAttribute("data-go")));
  else if (target.matches("[data-auto]")) this.autoplay(!show.kiosk);
  else if (target.matches("[data-leave]")) this.leave(true);
  else if (target.matches(".parcours-ov-link")) {
    /* A stage of the overview slide opens its own slide, not the page's panel. */
    event.preventDefault();
    event.stopPropagation();
    this.showSlide(all(show.overlay, ".parcours-ov-link").indexOf(target) + 1);
  }
};

JourneyMap.prototype.presentationKey = function (event) {
  if (!this.presenting || event.altKey || event.ctrlKey || event.metaKey) return;
  var onControl = event.target.closest && event.target.closest("button, a, audio, video, summary");
  var moves = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 };
  if (event.key === " " && !onControl) moves[" "] = 1;
  if (event.key === "Escape") { event.preventDefault(); event.stopPropagation(); this.leave(true); }
  else if (event.key in moves && !(event.target.closest && event.target.closest("audio, video"))) { event.preventDefault(); this.move(moves[event.key]); }
  else if (event.key === "Home") { event.preventDefault(); this.showSlide(0); }
  else if (event.key === "End") { event.preventDefault(); this.showSlide(this.slides().length - 1); }
};

/* On a wall screen, after the last stage comes the overview again. */
JourneyMap.prototype.move = function (by) {
  var count = this.slides().length;
  var to = this.presenting.slide + by;
  if (this.presenting.kiosk) to = (to + count) % count;
  if (to >= 0 && to < count) this.showSlide(to);
};

JourneyMap.prototype.autoplay = function (on) {
  var show = this.presenting;
  show.kiosk = on;
  var button = show.overlay.querySelector("[data-auto]");
  button.setAttribute("aria-pressed", String(on));
  show.overlay.classList.toggle("is-kiosk", on);
  rememberInUrl({ present: on ? "kiosk" : "on" });
  this.schedule();
};

/* The next move of a kiosk: after the slide's time, unless a clip is being played. */
JourneyMap.prototype.schedule = function () {
  var self = this, show = this.presenting;
  if (!show) return;
  clearTimeout(show.timer);
  var bar = show.overlay.querySelector(".parcours-slide-timer span");
  bar.style.animation = "none";
  var playing = all(show.overlay, "audio, video").some(function (media) { return !media.paused && !media.ended; });
  if (!show.kiosk || playing) return;
  var seconds = show.slide === 0 ? KIOSK_SECONDS.overview : KIOSK_SECONDS.stage;
  void bar.offsetWidth; /* restart the bar's animation */
  bar.style.animation = "parcours-timer " + seconds + "s linear";
  show.timer = setTimeout(function () { self.move(1); }, seconds * 1000);
};

JourneyMap.prototype.leave = function (refocus) {
  var show = this.presenting;
  if (!show) return;
  this.presenting = null;
  clearTimeout(show.timer);
  document.removeEventListener("keydown", this.presentationKeys, true);
  document.removeEventListener("fullscreenchange", this.fullscreenLeft);
  if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(function () {});
  show.overlay.remove();
  document.documentElement.classList.remove("parcours-presenting");
  all(document.body, ":scope > *").forEach(function (element) { element.inert = false; });
  rememberInUrl({ present: "", slide: "" });
  var back = this.root.querySelector("[data-parcours-present]");
  if (refocus && back) back.focus();
};
