// A "copy" button: <button data-salin="#id-of-input" data-tersalin="Copied" hidden>. Shown only
// where the clipboard API exists; without JavaScript the input is still selectable by hand.
(function () {
  document.querySelectorAll("[data-salin]").forEach(function (tombol) {
    var sumber = document.querySelector(tombol.getAttribute("data-salin"));
    if (!sumber || !navigator.clipboard) return;
    tombol.hidden = false;
    var label = tombol.textContent;
    tombol.addEventListener("click", function () {
      navigator.clipboard.writeText(sumber.value).then(function () {
        tombol.textContent = tombol.getAttribute("data-tersalin") || label;
        setTimeout(function () { tombol.textContent = label; }, 2000);
      }, function () { sumber.select(); });
    });
  });
})();
