// The incident map: markers from the page's JSON; tiles from the configured server (internet).
(function () {
  var el = document.getElementById("peta");
  if (!el || typeof L === "undefined") return;
  var titik = JSON.parse(document.getElementById("titik-kejadian").textContent);
  var peta = L.map(el, { scrollWheelZoom: false });
  L.tileLayer(el.dataset.tileUrl, { maxZoom: 18, attribution: el.dataset.atribusi }).addTo(peta);
  var batas = [];
  titik.forEach(function (t) {
    var m = L.circleMarker([t.lat, t.lng], { radius: 8, color: "#b91c1c", weight: 2, fillOpacity: 0.6 }).addTo(peta);
    var a = document.createElement("a");
    a.href = t.url;
    a.textContent = t.kode;
    var div = document.createElement("div");
    div.appendChild(a);
    div.appendChild(document.createElement("br"));
    div.appendChild(document.createTextNode(t.jenis + " · " + t.desa + " · " + t.status));
    m.bindPopup(div);
    batas.push([t.lat, t.lng]);
  });
  if (batas.length) peta.fitBounds(batas, { maxZoom: 13, padding: [20, 20] });
  else peta.setView([-2.5, 118], 5);
})();
