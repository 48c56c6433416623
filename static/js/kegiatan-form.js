// The entry form: show the detail sections of the chosen tata cara, show a principle's note
// field when it is not upheld, take the GPS position only when asked, warn about oversize photos
// before they are sent. Without JavaScript every section is shown and the server does the same.
(function () {
  var form = document.getElementById("form-kegiatan");
  if (!form) return;
  var tataCara = form.querySelector("[name=tata_cara]");
  function tampilkanBagian() {
    var nilai = tataCara ? tataCara.value : "";
    form.querySelectorAll("[data-tata-cara]").forEach(function (el) {
      var daftar = el.getAttribute("data-tata-cara").trim();
      el.hidden = daftar !== "" && daftar.split(/\s+/).indexOf(nilai) === -1;
    });
  }
  if (tataCara) { tataCara.addEventListener("change", tampilkanBagian); tampilkanBagian(); }

  // asistensi: the institution list for an institution, the name field for a person
  var sasaran = form.querySelectorAll("input[name='asistensi-jenis_sasaran']");
  function tampilkanSasaran() {
    var pilih = form.querySelector("input[name='asistensi-jenis_sasaran']:checked");
    var lembaga = form.querySelector("[name='asistensi-lembaga']");
    var nama = form.querySelector("[name='asistensi-nama_sasaran']");
    if (!lembaga || !nama) return;
    lembaga.closest(".mb-2").hidden = !!pilih && pilih.value !== "lembaga";
    nama.closest(".mb-2").hidden = !!pilih && pilih.value !== "perorangan";
  }
  sasaran.forEach(function (r) { r.addEventListener("change", tampilkanSasaran); });
  tampilkanSasaran();

  form.querySelectorAll(".prinsip").forEach(function (blok) {
    var catatan = blok.querySelector(".catatan-prinsip");
    function cek() {
      var pilih = blok.querySelector("input[type=radio]:checked");
      var isi = catatan.querySelector("input");
      catatan.hidden = !(pilih && pilih.value === "tidak_dijunjung") && !(isi && isi.value);
    }
    blok.addEventListener("change", cek);
    cek();
  });

  var tombol = document.getElementById("ambil-gps");
  var status = document.getElementById("gps-status");
  if (tombol && "geolocation" in navigator) {
    tombol.hidden = false;
    tombol.addEventListener("click", function () {
      status.textContent = tombol.dataset.menunggu || "…";
      navigator.geolocation.getCurrentPosition(function (pos) {
        form.querySelector("[name=lintang]").value = pos.coords.latitude.toFixed(6);
        form.querySelector("[name=bujur]").value = pos.coords.longitude.toFixed(6);
        form.querySelector("[name=akurasi]").value = Math.round(pos.coords.accuracy);
        status.textContent = tombol.dataset.berhasil || "✓";
      }, function (err) {
        status.textContent = tombol.dataset.gagal || err.message;
      }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
    });
  }

  var foto = document.getElementById("id_foto");
  var peringatan = document.getElementById("foto-peringatan");
  var batas = parseInt(form.dataset.batasMb || "10", 10) * 1024 * 1024;
  if (foto && peringatan) {
    foto.addEventListener("change", function () {
      var besar = Array.prototype.filter.call(foto.files, function (f) { return f.size > batas; });
      peringatan.textContent = besar.map(function (f) { return f.name; }).join(", ");
      if (besar.length) peringatan.textContent += " — " + (peringatan.dataset.pesan || "> " + form.dataset.batasMb + " MB");
    });
  }
})();

// The butir checklist: while the owner has not touched it, follow the suggestion of the chosen
// tata cara and asistensi stage (the map comes from the server; the server does the same without
// JavaScript), keep the hidden ``butir_saran`` equal to what is suggested, and count the ticks.
(function () {
  var form = document.getElementById("form-kegiatan");
  var petaEl = document.getElementById("peta-saran-butir");
  if (!form || !petaEl) return;
  var peta = JSON.parse(petaEl.textContent);
  var saranInput = form.querySelector("[name=butir_saran]");
  var kotak = form.querySelectorAll("input[name=butir]");
  var disentuh = false;
  function hitung() {
    form.querySelectorAll(".kelompok-butir").forEach(function (g) {
      var n = g.querySelectorAll("input[name=butir]:checked").length;
      var lencana = g.querySelector(".jumlah-butir");
      if (lencana) { lencana.textContent = n; lencana.hidden = n === 0; }
    });
  }
  function saranKini() {
    var tataCara = form.querySelector("[name=tata_cara]");
    var nilai = tataCara ? tataCara.value : "";
    var kode = (peta.tata_cara[nilai] || []).slice();
    var bidang = form.querySelector("[name='asistensi-bidang']");
    if (nilai === "asistensi" && bidang && peta.bidang[bidang.value]) kode.push(peta.bidang[bidang.value]);
    return kode;
  }
  function ikuti() {
    if (disentuh) return;
    var lama = (saranInput.value || "").split(",").filter(Boolean);
    var baru = saranKini();
    kotak.forEach(function (k) {
      if (k.disabled) return;
      if (lama.indexOf(k.value) !== -1 && baru.indexOf(k.value) === -1) k.checked = false;
      if (baru.indexOf(k.value) !== -1) {
        k.checked = true;
        var g = k.closest("details");
        if (g) g.open = true;
      }
    });
    saranInput.value = baru.join(",");
    hitung();
  }
  kotak.forEach(function (k) {
    k.addEventListener("change", function () { disentuh = true; hitung(); });
  });
  ["tata_cara", "asistensi-bidang"].forEach(function (nama) {
    var el = form.querySelector("[name='" + nama + "']");
    if (el) el.addEventListener("change", ikuti);
  });
})();
