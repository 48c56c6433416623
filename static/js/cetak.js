// <button data-cetak>: print the page (no inline onclick: the Content-Security-Policy forbids it).
(function () {
  document.querySelectorAll("[data-cetak]").forEach(function (tombol) {
    tombol.addEventListener("click", function () { window.print(); });
  });
})();
