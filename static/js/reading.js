// Text size and high contrast, remembered in this browser (localStorage). Loaded async
// from <head>, so the saved choice applies before most of the page is painted; the
// controls stay hidden when this script does not run (the page works the same).
(function () {
  var KEY = "ndportal-reading";
  var MIN = -1, MAX = 3;
  var root = document.documentElement;
  var state = { size: 0, contrast: false };
  try {
    var saved = JSON.parse(window.localStorage.getItem(KEY) || "{}");
    if (typeof saved.size === "number") state.size = Math.max(MIN, Math.min(MAX, Math.round(saved.size)));
    state.contrast = saved.contrast === true;
  } catch (error) { /* storage blocked or corrupt: defaults */ }

  function apply() {
    if (state.size) root.setAttribute("data-text-size", String(state.size));
    else root.removeAttribute("data-text-size");
    root.classList.toggle("high-contrast", state.contrast);
  }
  function save() {
    try { window.localStorage.setItem(KEY, JSON.stringify(state)); } catch (error) { /* not kept */ }
  }
  apply();

  function wire() {
    var box = document.querySelector("[data-reading-controls]");
    if (!box) return;
    var status = box.querySelector("[data-reading-status]");
    var contrast = box.querySelector("[data-contrast]");
    function refresh(message) {
      box.querySelectorAll("[data-text-step]").forEach(function (button) {
        var step = Number(button.getAttribute("data-text-step"));
        button.disabled = (step < 0 && state.size <= MIN) || (step > 0 && state.size >= MAX);
      });
      contrast.setAttribute("aria-pressed", state.contrast ? "true" : "false");
      if (message && status) status.textContent = message;
    }
    box.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !box.contains(button)) return;
      if (button.hasAttribute("data-contrast")) {
        state.contrast = !state.contrast;
      } else {
        var step = Number(button.getAttribute("data-text-step"));
        state.size = step === 0 ? 0 : Math.max(MIN, Math.min(MAX, state.size + step));
      }
      apply();
      save();
      refresh(button.hasAttribute("data-contrast")
        ? (state.contrast ? "Đã bật tương phản cao" : "Đã tắt tương phản cao")
        : "Cỡ chữ: " + Math.round(100 * [0.875, 1, 1.125, 1.25, 1.5][state.size + 1]) + "%");
    });
    box.hidden = false;
    refresh();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire);
  else wire();
})();
