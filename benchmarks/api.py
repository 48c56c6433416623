"""The entry list and the entry create through the API beside the site's own list page and entry
form, and a trivial view, in one run (issue 15: "the API is no slower than the HTML page it
mirrors").

    .venv/bin/python benchmarks/api.py                    # pd_bench, 30 runs each
    .venv/bin/python benchmarks/api.py --ulang 50 --json hasil.json
    .venv/bin/python benchmarks/api.py --db postgres://postgres@127.0.0.1:5432/pd_bench --kode 33.01

Everything is requested in-process through Django's test client with the full middleware stack
(as benchmarks/dasbor.py does), as a PLD of the busiest kecamatan of the data set (make it with
benchmarks/buat_data_nasional.py) — the site with its session, the API with a device token:

* the trivial view ``/sehat/`` (answered before the other middleware) and ``/__sepele/`` (a tiny
  view behind all of it, benchmarks/urls_bench.py);
* the site's list ``/kegiatan/`` against ``api:kegiatan-list`` (first page, 50 rows);
* the site's form POST ``/kegiatan/baru/`` (302 to the entry) against a POST to
  ``api:kegiatan-list`` (201) with the same entry (benchmarks/_beban_isi.py: asistensi, prinsip,
  GPS), each with a fresh one-time key (``kunci_sekali`` field / ``Idempotency-Key`` header). The
  API takes the same entry as the JSON it documents (``api_json``: the main fields, ``sdgs``,
  ``prinsip`` rows, the ``asistensi`` object), which it validates with the same form. The API
  answers the saved entry; the site answers a redirect, so the form is also measured with the
  entry page it lands on (``follow``): that pair is what the API's create is compared with.

Prints the median and p95 in milliseconds, the SQL queries of one request, and each median as a
multiple of the trivial view's and of the HTML page it mirrors. The entries it creates are
deleted at the end (``--simpan`` keeps them).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))


def _argumen():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument(
        "--db",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pd_bench"),
    )
    p.add_argument("--ulang", type=int, default=30)
    p.add_argument("--pemanasan", type=int, default=3)
    p.add_argument("--kode", default="", help="only PLDs under this region code")
    p.add_argument("--seed", type=int, default=15)
    p.add_argument("--simpan", action="store_true", help="keep the entries it created")
    p.add_argument("--json", default="")
    return p.parse_args()


def api_json(d: dict[str, list[str]]) -> dict:
    """The site form's posted fields as the API's JSON entry (``KegiatanMasukan`` in the schema)."""
    hasil: dict = {"prinsip": []}
    for k, v in d.items():
        if k == "sdgs":
            hasil["sdgs"] = [int(x) for x in v]
        elif k.startswith("p-prinsip_") and not k.endswith("_catatan"):
            kode = k.removeprefix("p-prinsip_")
            catatan = d.get(f"{k}_catatan", [""])[0]
            hasil["prinsip"].append({"prinsip": kode, "nilai": v[0], "catatan": catatan})
        elif k.startswith(("asistensi-", "pengarahan-")):
            bagian, nama = k.split("-", 1)
            hasil.setdefault(bagian, {})[nama] = v[0]
        elif not k.startswith("p-"):
            hasil[k] = v[0]
    return hasil


def _ukur(kirim, ulang: int, pemanasan: int, harap: int, connection):
    for _ in range(pemanasan):
        r = kirim()
        assert r.status_code == harap, (r.status_code, r.content[:2000])
    q: list[str] = []

    def hitung(execute, sql, params, many, context, q=q):
        q.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(hitung):
        r = kirim()
    assert r.status_code == harap, (r.status_code, r.content[:2000])
    waktu = []
    for _ in range(ulang):
        t = time.perf_counter()
        r = kirim()
        waktu.append((time.perf_counter() - t) * 1000)
        assert r.status_code == harap, (r.status_code, r.content[:2000])
    waktu.sort()
    return {
        "median_ms": statistics.median(waktu),
        "p95_ms": waktu[max(0, int(round(0.95 * len(waktu))) - 1)],
        "query": len(q),
    }


def main():
    a = _argumen()
    os.environ["DATABASE_URL"] = a.db
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import clear_url_caches, reverse
    from django.utils import timezone
    from rest_framework.throttling import SimpleRateThrottle

    from benchmarks._beban_isi import hari_terbuka, isian
    from benchmarks._beban_siap import acuan
    from pendampingan.api.models import TokenPerangkat
    from pendampingan.api.services import token_buat
    from pendampingan.models import Kegiatan, Penugasan

    settings.ROOT_URLCONF = "benchmarks.urls_bench"
    settings.ALLOWED_HOSTS = ["*"]
    clear_url_caches()
    # a benchmark is one client hammering: the throttles would answer 429 long before the end
    SimpleRateThrottle.THROTTLE_RATES = {k: "1000000/hour" for k in ("user", "anon", "alamat")}

    hari_ini = timezone.localdate()
    tugas = Penugasan.objects.filter(pendamping__jabatan="pld", selesai__isnull=True)
    if a.kode:
        tugas = tugas.filter(wilayah_id__startswith=a.kode)
    t = tugas.select_related("pendamping__user").order_by("wilayah_id").first()
    assert t is not None, "tidak ada PLD di data ini (jalankan benchmarks/buat_data_nasional.py)"
    pld = t.pendamping
    tempat = list(
        Penugasan.objects.filter(pendamping=pld, selesai__isnull=True).values_list(
            "wilayah_id", flat=True
        )
    )
    n_kegiatan = Kegiatan.objects.visible_to(pld.user).count()

    situs = Client()
    situs.force_login(pld.user)
    token, rahasia = token_buat(user=pld.user, nama="benchmark api")
    api = Client(HTTP_AUTHORIZATION=f"Token {rahasia}", HTTP_ACCEPT="application/json")
    url_api = reverse("api:kegiatan-list")

    rng = random.Random(a.seed)
    ref = acuan()
    hari = hari_terbuka(hari_ini)
    nomor = iter(range(1, 10**9))
    dibuat_sebelum = set(Kegiatan.objects.filter(pendamping=pld).values_list("pk", flat=True))

    def entri() -> dict:
        # asistensi with GPS and no submit: the same work for both paths every time
        while True:
            data = isian(rng, nomor=next(nomor), tempat=tempat, acuan=ref, hari=hari)
            d: dict[str, list[str]] = {}
            for k, v in data:
                d.setdefault(k, []).append(v)
            if d["tata_cara"] == ["asistensi"] and "lintang" in d:
                d.pop("ajukan", None)
                return d

    def form_post(**kw):
        d = entri()
        d["kunci_sekali"] = [str(uuid.uuid4())]
        return situs.post("/kegiatan/baru/", d, **kw)

    def api_post():
        return api.post(
            url_api,
            json.dumps(api_json(entri())),
            content_type="application/json",
            HTTP_IDEMPOTENCY_KEY=str(uuid.uuid4()),
        )

    langkah = [
        ("trivial view /sehat/", lambda: situs.get("/sehat/"), 200),
        ("trivial view di balik middleware", lambda: situs.get("/__sepele/"), 200),
        ("daftar kegiatan — halaman situs", lambda: situs.get("/kegiatan/"), 200),
        ("daftar kegiatan — API", lambda: api.get(url_api), 200),
        ("buat kegiatan — formulir situs", form_post, 302),
        # what the user gets from one save: the site's redirect and the entry page it lands on,
        # the API's answer with the entry
        ("buat kegiatan — formulir + halaman entri", lambda: form_post(follow=True), 200),
        ("buat kegiatan — API", api_post, 201),
    ]
    hasil = []
    try:
        for nama, kirim, harap in langkah:
            print(f"... {nama}", flush=True)
            h = _ukur(kirim, a.ulang, a.pemanasan, harap, connection)
            hasil.append({"langkah": nama, **h})
    finally:
        if not a.simpan:
            Kegiatan.objects.filter(pendamping=pld).exclude(pk__in=dibuat_sebelum).delete()
        TokenPerangkat.objects.filter(pk=token.pk).delete()

    dasar = hasil[1]["median_ms"]
    cermin = {3: 2, 6: 5}  # API row → the HTML row it mirrors (what the user gets back)
    print(
        f"\nPLD {pld.user.username} · {len(tempat)} desa · {n_kegiatan:,} kegiatan terlihat · {a.ulang} kali\n"
    )
    print(
        f"{'langkah':42} {'median ms':>10} {'p95 ms':>9} {'query':>6} {'× trivial':>10} {'× situs':>8}"
    )
    for i, h in enumerate(hasil):
        h["rasio_trivial"] = h["median_ms"] / dasar
        h["rasio_situs"] = h["median_ms"] / hasil[cermin[i]]["median_ms"] if i in cermin else None
        situs_txt = f"{h['rasio_situs']:8.2f}" if h["rasio_situs"] is not None else " " * 8
        print(
            f"{h['langkah']:42} {h['median_ms']:10.1f} {h['p95_ms']:9.1f} {h['query']:6d}"
            f" {h['rasio_trivial']:10.1f} {situs_txt}"
        )
    if a.json:
        Path(a.json).write_text(json.dumps({"kegiatan": n_kegiatan, "hasil": hasil}, indent=2))


if __name__ == "__main__":
    main()
