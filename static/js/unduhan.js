// The downloads pages while a file is being built: fetch the page again every few seconds and
// swap in its content, until nothing is waiting. (No <meta refresh>: it reloads the whole page
// under a screen reader's feet.) Without JavaScript the "Muat ulang" link does the same.
(function () {
  "use strict";
  var isi = document.getElementById("unduhan-isi");
  if (!isi || isi.dataset.menunggu !== "1") return;
  var jeda = 3000, batas = 200;
  function ulang() {
    if (batas-- <= 0) return;
    fetch(window.location.href, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var baru = new DOMParser().parseFromString(html, "text/html").getElementById("unduhan-isi");
        if (!baru) return;
        isi.innerHTML = baru.innerHTML;
        isi.dataset.menunggu = baru.dataset.menunggu;
        if (baru.dataset.menunggu === "1") setTimeout(ulang, jeda);
      })
      .catch(function () { setTimeout(ulang, jeda * 3); });
  }
  setTimeout(ulang, jeda);
})();
