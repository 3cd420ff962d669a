// Django's URLify drops Vietnamese letters ("Tỉnh ủy Nam Định" -> "tnh-y-nam-djnh").
// Fold them to ASCII first, as ndportal/text.py does on the server, so the slug the
// admin prefills is the one the server would make: "tinh-uy-nam-dinh". Separators in
// document numbers become word breaks there too: "01-NQ/TU" -> "01-nq-tu".
(function () {
  "use strict";
  if (typeof window.URLify !== "function") {
    return;
  }
  const djangoURLify = window.URLify;
  function foldVietnamese(text) {
    return text
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\w\s-]/g, " ");
  }
  window.URLify = function (text, maxLength, allowUnicode) {
    return djangoURLify(foldVietnamese(text), maxLength, allowUnicode);
  };
})();
