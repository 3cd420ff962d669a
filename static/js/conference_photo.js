// Arrow keys move between photos; the links work the same without this script.
document.addEventListener("keydown", function (event) {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  var target = event.target;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  var rel = { ArrowLeft: "prev", ArrowRight: "next" }[event.key];
  var link = rel && document.querySelector('.photo-nav a[rel="' + rel + '"]');
  if (link) window.location.href = link.href;
});
var hint = document.querySelector(".photo-hint");
if (hint) hint.hidden = false;
