// The quick report on a weak connection: post the text fields first (one small request), then
// the photo in a second request; without this script the form posts everything at once. Both carry
// a one-time key, so sending again after a timeout never makes a second incident.
(function () {
  var form = document.getElementById("form-lapor");
  if (!form || !window.fetch || !window.FormData) return;
  var pesan = JSON.parse(document.getElementById("pesan-lapor").textContent);
  var status = document.getElementById("lapor-status");
  var tombol = document.getElementById("kirim-lapor");
  var gps = document.getElementById("ambil-gps");
  var lat = form.querySelector("[name=lintang]");
  var lng = form.querySelector("[name=bujur]");

  function tampil(teks, jenis) {
    status.textContent = teks;
    status.className = "alert alert-" + jenis;
  }
  function ambilLokasi() {
    navigator.geolocation.getCurrentPosition(function (p) {
      if (!lat.value) lat.value = p.coords.latitude.toFixed(6);
      if (!lng.value) lng.value = p.coords.longitude.toFixed(6);
      document.getElementById("gps-info").textContent = pesan.gps.replace("%s", Math.round(p.coords.accuracy));
    }, function () {
      document.getElementById("gps-info").textContent = pesan.gpsGagal;
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  }
  if (navigator.geolocation) {
    gps.classList.remove("d-none");
    gps.addEventListener("click", ambilLokasi);
    if (!lat.value && !lng.value) ambilLokasi();
  }

  function tandaiGalat(galat) {
    form.querySelectorAll(".is-invalid").forEach(function (el) { el.classList.remove("is-invalid"); });
    form.querySelectorAll(".galat-js").forEach(function (el) { el.remove(); });
    Object.keys(galat).forEach(function (nama) {
      var teks = galat[nama].map(function (g) { return g.message; }).join(" ");
      var input = form.querySelector("[name=" + nama + "]");
      var div = document.createElement("div");
      div.className = "invalid-feedback d-block galat-js";
      div.textContent = teks;
      if (input) { input.classList.add("is-invalid"); input.insertAdjacentElement("afterend", div); }
      else { form.insertAdjacentElement("afterbegin", div); }
    });
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var data = new FormData(form);
    var fotoInput = form.querySelector("[name=foto]");
    var foto = fotoInput && fotoInput.files.length ? fotoInput.files[0] : null;
    data.delete("foto");
    tombol.disabled = true;
    tampil(pesan.mengirim, "info");
    var csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
    fetch(form.action || window.location.href, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-Lapor-Cepat": "1", "X-CSRFToken": csrf }
    }).then(function (r) {
      return r.json().then(function (j) { return { ok: r.ok, j: j }; });
    }).then(function (hasil) {
      if (!hasil.ok) {
        tombol.disabled = false;
        tampil(pesan.gagal, "danger");
        tandaiGalat(hasil.j.galat || {});
        return;
      }
      if (!foto) { window.location.href = hasil.j.url; return; }
      tampil(pesan.foto, "success");
      var fd = new FormData();
      fd.append("berkas", foto);
      // the photo's one-time key: a resend after a timeout stores it once
      if (hasil.j.foto_kunci) fd.append("kunci_sekali", hasil.j.foto_kunci);
      fetch(hasil.j.foto_url, {
        method: "POST", body: fd, credentials: "same-origin",
        headers: { "X-Foto-Susulan": "1", "X-CSRFToken": csrf }
      }).then(function (r) {
        if (r.ok) { window.location.href = hasil.j.url; return; }
        return r.json().then(function (j) {
          tampil(pesan.fotoGagal + " " + (j.galat || ""), "warning");
          setTimeout(function () { window.location.href = hasil.j.url + "?foto=gagal"; }, 4000);
        });
      }).catch(function () {
        tampil(pesan.fotoGagal, "warning");
        setTimeout(function () { window.location.href = hasil.j.url + "?foto=gagal"; }, 4000);
      });
    }).catch(function () {
      tombol.disabled = false;
      tampil(pesan.jaringan, "danger");
    });
  });
})();
