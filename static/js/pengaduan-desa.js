// The public complaint form's desa search: fills the <datalist> from the public endpoint as the
// user types. Without JavaScript the "Cari desa" button does the same on the server.
(function () {
  var input = document.querySelector("input[data-cari-url]");
  if (!input) return;
  var daftar = document.getElementById(input.getAttribute("list"));
  var timer = null, terakhir = "";
  input.addEventListener("input", function () {
    var q = input.value.trim();
    if (q.length < 3 || q === terakhir || /\(\d/.test(q)) return;
    clearTimeout(timer);
    timer = setTimeout(function () {
      terakhir = q;
      fetch(input.dataset.cariUrl + "?q=" + encodeURIComponent(q), {credentials: "same-origin"})
        .then(function (r) { return r.json(); })
        .then(function (data) {
          daftar.textContent = "";
          (data.hasil || []).forEach(function (h) {
            var o = document.createElement("option");
            o.value = h.label;
            daftar.appendChild(o);
          });
        })
        .catch(function () {});
    }, 300);
  });
})();
