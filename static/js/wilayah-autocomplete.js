// Fills the <datalist> of region inputs from the scoped autocomplete endpoint as the user types.
(function () {
  function pasang(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2 || !list) return;
      timer = setTimeout(function () {
        var url = input.dataset.autocompleteUrl + "?q=" + encodeURIComponent(q) +
          "&tingkat=" + encodeURIComponent(input.dataset.tingkat || "") + "&mode=" + encodeURIComponent(input.dataset.mode || "");
        fetch(url, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (data) {
          list.innerHTML = "";
          data.hasil.forEach(function (w) {
            var o = document.createElement("option");
            o.value = w.kode;
            o.label = w.nama + (w.induk ? " — " + w.induk : "");
            o.textContent = o.label;
            list.appendChild(o);
          });
        }).catch(function () {});
      }, 250);
    });
  }
  document.querySelectorAll("input[data-autocomplete-url]").forEach(pasang);
})();
