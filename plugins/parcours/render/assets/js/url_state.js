/* The URL keeps what the reader chose on a page (a persona, a filter, a
   grouping), so that a link shows the same view: read and written here only. */

function urlParam(key) {
  return new URLSearchParams(location.search).get(key);
}

/* Set each key (or remove it when its value is empty), keeping the anchor. */
function rememberInUrl(values) {
  var params = new URLSearchParams(location.search);
  Object.keys(values).forEach(function (key) {
    if (values[key]) params.set(key, values[key]); else params.delete(key);
  });
  var query = params.toString();
  try {
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  } catch (refused) {
    /* A page opened from disk (the pull-request preview) may not rewrite its address: the view still changes. */
  }
}

function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

/* Choose the option of a `<select>` or radio group the URL names, when it exists. */
function optionFor(root, selector, value) {
  return value ? root.querySelector(selector + '[value="' + CSS.escape(value) + '"]') : null;
}
