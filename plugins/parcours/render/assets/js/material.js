/* What the script knows of Material for MkDocs, in one place: instant
   navigation (`document$`, which re-runs set-up on every page), the
   preferences Material stores for the site (`__md_get` / `__md_set`), the
   colour scheme attribute, and the scroller it wraps plain tables in. On another engine, a page load, the
   browser's own storage and no scheme switch stand in for them. */

function onEveryPage(start) {
  /* Opened from disk (the pull-request preview), Material navigates without
     instant loading and its document$ never tells: each page starts on its own. */
  if (location.protocol !== "file:" && typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}

/* A value kept in this browser for this site, as Material keeps its own
   (scoped to the site's address); null when there is none or no storage. */
function stored(key) {
  try {
    if (typeof window.__md_get === "function") return window.__md_get(key);
    return JSON.parse(window.localStorage.getItem(siteScope() + "." + key));
  } catch (error) {
    return null; /* no storage (private browsing, policy) */
  }
}

/* Keep a value; false when the browser refuses (full, private browsing, policy). */
function store(key, value) {
  try {
    if (typeof window.__md_set === "function") window.__md_set(key, value);
    else window.localStorage.setItem(siteScope() + "." + key, JSON.stringify(value));
    return true;
  } catch (error) {
    return false;
  }
}

/* Whether the browser lets the site keep anything at all. */
function canStore() {
  try {
    window.localStorage.getItem("parcours");
    return true;
  } catch (error) {
    return false;
  }
}

function siteScope() {
  return (window.__md_scope || new URL(".", document.baseURI)).pathname;
}

var SCHEME = "data-md-color-scheme";

function colourScheme() { return document.body.getAttribute(SCHEME); }
function setColourScheme(scheme) { document.body.setAttribute(SCHEME, scheme); }
function onSchemeChange(callback) {
  new MutationObserver(callback).observe(document.body, { attributes: true, attributeFilter: [SCHEME] });
}

/* Material wraps each plain table of a page in a scroller of its own
   (`.md-typeset__scrollwrap`). One that overflows, a wide table in an
   author's page, is made reachable from the keyboard, whose arrows then
   scroll it, and named by its caption or by the heading before it, as
   Parcours's own scroll regions are. Its tables scroll in those regions. */
function reachableScrollers() {
  all(document, ".md-typeset__scrollwrap").forEach(function (wrap) {
    if (wrap.closest(".parcours-table-scroll") || wrap.hasAttribute("tabindex")) return;
    if (wrap.scrollWidth <= wrap.clientWidth) return;
    wrap.tabIndex = 0;
    var name = scrollerName(wrap);
    if (name) {
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", name);
    }
  });
}

function scrollerName(wrap) {
  var caption = wrap.querySelector("caption");
  if (caption) return caption.textContent.trim();
  for (var node = wrap.previousElementSibling; node; node = node.previousElementSibling) {
    /* Without the permalink Material adds to a heading. */
    if (/^H[1-6]$/.test(node.tagName)) {
      var heading = node.cloneNode(true);
      all(heading, ".headerlink").forEach(function (link) { link.remove(); });
      return heading.textContent.trim();
    }
  }
  return "";
}
