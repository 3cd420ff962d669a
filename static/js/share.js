// Share links: "copy" puts the page address on the clipboard, "print" opens the print
// dialog. Without this script both stay plain links (the address, the print view).
(function () {
  var status = document.querySelector(".share-links .share-status");
  function say(text) { if (status) status.textContent = text; }
  document.querySelectorAll("[data-copy-link]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (!navigator.clipboard) return;
      event.preventDefault();
      navigator.clipboard.writeText(link.href).then(
        function () { say(link.getAttribute("data-copied")); },
        function () { window.location.href = link.href; }
      );
    });
  });
  document.querySelectorAll("[data-print]").forEach(function (control) {
    control.hidden = false;
    control.addEventListener("click", function (event) {
      event.preventDefault();
      window.print();
    });
  });
})();
