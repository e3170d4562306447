/* The onboarding path's progress, kept in this browser (as Material keeps
   its own preferences): steps ticked, a progress bar, and a link back to
   the first step not done. Without storage, the path still reads. */

function Onboarding(root) {
  if (!canStore()) return;
  var key = "parcours.onboarding." + new URL(root.getAttribute("data-parcours-onboarding"), location.href).pathname;
  var done = stored(key) || {};
  var boxes = all(root, "[data-parcours-done]");
  var progress = root.querySelector("[data-parcours-progress]");
  var bar = progress.querySelector("progress");
  var text = progress.querySelector("[data-parcours-progress-text]");
  var resume = progress.querySelector("[data-parcours-resume]");
  var template = root.getAttribute("data-progress-text") || "{done} / {total}";
  function update() {
    var count = 0;
    var next = null;
    boxes.forEach(function (box) {
      var id = box.getAttribute("data-parcours-done");
      box.checked = Boolean(done[id]);
      box.closest(".parcours-step").classList.toggle("is-done", box.checked);
      if (box.checked) count += 1; else if (!next) next = id;
    });
    bar.value = count;
    text.textContent = template.replace("{done}", count).replace("{total}", boxes.length);
    resume.hidden = !next || count === 0;
    if (next) resume.setAttribute("href", "#" + next);
  }
  boxes.forEach(function (box) {
    box.closest("label").hidden = false;
    box.addEventListener("change", function () {
      done[box.getAttribute("data-parcours-done")] = box.checked;
      store(key, done);
      update();
    });
  });
  progress.hidden = false;
  update();
}
