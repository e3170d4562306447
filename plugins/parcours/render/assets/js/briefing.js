var A4_PORTRAIT = { width: 718, height: 1035 }; /* 210 × 297 mm minus 10 mm margins (718 × 1047 CSS px), less a safety margin */

/* A team's briefing prints on one A4 portrait page: the print layout
   (`.parcours-print-briefing`) sets the page's width, then the largest text
   size at which the card fits the page's height is searched for, as the
   journey map does on its A3 page. A button prints it. */
function Briefing(root) {
  var button = root.querySelector("[data-briefing-print]");
  if (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }
  var scheme = null;
  function fits() {
    return root.getBoundingClientRect().bottom + window.scrollY <= A4_PORTRAIT.height;
  }
  function before() {
    /* Paper is white: a briefing read in dark mode prints in the light scheme. */
    scheme = colourScheme();
    if (scheme && scheme !== "default") setColourScheme("default");
    document.documentElement.classList.add("parcours-print-briefing");
    root.style.setProperty("--parcours-print-width", A4_PORTRAIT.width + "px");
    var low = 4, high = 14;
    for (var step = 0; step < 8; step += 1) {
      var size = (low + high) / 2;
      root.style.setProperty("--parcours-print-font", size + "px");
      if (fits()) low = size; else high = size;
    }
    root.style.setProperty("--parcours-print-font", low + "px");
    root.setAttribute("data-print-font", String(Math.round(low * 10) / 10));
  }
  function after() {
    if (scheme && scheme !== "default") setColourScheme(scheme);
    document.documentElement.classList.remove("parcours-print-briefing");
    root.style.removeProperty("--parcours-print-font");
    root.style.removeProperty("--parcours-print-width");
  }
  window.addEventListener("beforeprint", before);
  window.addEventListener("afterprint", after);
  briefings.push(function () {
    window.removeEventListener("beforeprint", before);
    window.removeEventListener("afterprint", after);
  });
}

/* Each briefing's print handlers, removed when instant navigation leaves its page. */
var briefings = [];
