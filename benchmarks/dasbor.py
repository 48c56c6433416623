"""Time the dashboards and the busiest lists against a trivial Django view, in one run.

    .venv/bin/python benchmarks/dasbor.py                 # pd_bench, 30 runs each
    .venv/bin/python benchmarks/dasbor.py --ulang 50 --json hasil.json

Each page is requested in-process through Django's test client as a real user of that level
(national koordinator, a koordinator provinsi, a TAPM kabupaten, a PD kecamatan) of the busiest
province, with the full middleware stack. Prints the median and p95 in milliseconds, the number
of SQL queries, and the ratio of each median to the trivial view's median.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
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
    p.add_argument("--json", default="")
    return p.parse_args()


def main():
    a = _argumen()
    os.environ["DATABASE_URL"] = a.db
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.db.models import Count
    from django.db.models.functions import Substr
    from django.test import Client
    from django.urls import clear_url_caches

    from pendampingan.models import Kegiatan, Pendamping, Penugasan, Wilayah

    settings.ROOT_URLCONF = "benchmarks.urls_bench"
    settings.ALLOWED_HOSTS = ["*"]
    clear_url_caches()

    n_kegiatan = Kegiatan.objects.count()

    # the busiest province, and its busiest kabupaten and kecamatan
    def terbesar(awalan: str, n: int) -> str:
        qs = Wilayah.objects.filter(tingkat="desa")
        if awalan:
            qs = qs.filter(kode__startswith=awalan + ".")
        return (
            qs.annotate(k=Substr("kode", 1, n))
            .values("k")
            .annotate(n=Count("kode"))
            .order_by("-n")[0]["k"]
        )

    prov = terbesar("", 2)
    kab = terbesar(prov, 5)
    kec = terbesar(kab, 8)

    def pengguna(jabatan, kode):
        pid = (
            Penugasan.objects.filter(pendamping__jabatan=jabatan, wilayah_id=kode)
            .values_list("pendamping_id", flat=True)
            .first()
        )
        return Pendamping.objects.get(pk=pid).user

    def klien(user):
        c = Client()
        c.force_login(user)
        return c

    nasional = Pendamping.objects.filter(jabatan="koordinator_nasional").first().user
    k_nas = klien(nasional)
    k_prov = klien(pengguna("koordinator_provinsi", prov))
    k_kab = klien(pengguna("tapm_kabupaten", kab))
    k_kec = klien(pengguna("pd", kec))
    desa = Wilayah.objects.filter(kode__startswith=kec + ".").order_by("kode").first().kode

    halaman = [
        ("trivial view", k_nas, "/__sepele/"),
        ("dasbor nasional", k_nas, "/dasbor/"),
        ("dasbor provinsi", k_prov, f"/dasbor/?wilayah={prov}"),
        ("dasbor kabupaten", k_kab, f"/dasbor/?wilayah={kab}"),
        ("dasbor kecamatan", k_kec, f"/dasbor/?wilayah={kec}"),
        ("dasbor desa", k_kec, f"/dasbor/?wilayah={desa}"),
        ("dasbor nasional, 1 tahun", k_nas, "/dasbor/?wilayah=&dari={tahun}&sampai={akhir}"),
        ("daftar kegiatan nasional (bulan ini)", k_nas, "/dasbor/kegiatan/?wilayah=&dari={bulan}"),
        (
            "daftar kegiatan provinsi, menunggu verifikasi",
            k_prov,
            f"/dasbor/kegiatan/?wilayah={prov}&status=diajukan",
        ),
        ("daftar desa tanpa kegiatan, nasional", k_nas, "/dasbor/desa/?wilayah=&kondisi=celah"),
        ("daftar pendamping provinsi", k_prov, f"/dasbor/pendamping/?wilayah={prov}&urut=antrean"),
        (
            "daftar tindak lanjut terlambat, nasional",
            k_nas,
            "/dasbor/tindak-lanjut/?wilayah=&status=terlambat",
        ),
        ("ekspor xlsx dasbor kabupaten", k_kab, f"/dasbor/ekspor.xlsx?wilayah={kab}"),
    ]
    import datetime

    from django.utils import timezone

    hari_ini = timezone.localdate()
    ganti = {
        "tahun": (hari_ini - datetime.timedelta(days=365)).isoformat(),
        "akhir": hari_ini.isoformat(),
        "bulan": hari_ini.replace(day=1).isoformat(),
    }
    hasil = []
    for nama, c, url in halaman:
        url = url.format(**ganti)
        for _ in range(a.pemanasan):
            r = c.get(url)
            assert r.status_code == 200, (nama, url, r.status_code)
        q: list[str] = []

        def hitung(execute, sql, params, many, context, q=q):
            q.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(hitung):
            r = c.get(url)
            if r.streaming:
                b"".join(r.streaming_content)
        waktu = []
        for _ in range(a.ulang):
            t = time.perf_counter()
            r = c.get(url)
            if r.streaming:
                b"".join(r.streaming_content)
            waktu.append((time.perf_counter() - t) * 1000)
        waktu.sort()
        hasil.append(
            {
                "halaman": nama,
                "url": url,
                "median_ms": statistics.median(waktu),
                "p95_ms": waktu[max(0, int(round(0.95 * len(waktu))) - 1)],
                "query": len(q),
            }
        )
    dasar = hasil[0]["median_ms"]
    print(
        f"\nkegiatan: {n_kegiatan:,} · provinsi {prov} · kabupaten {kab} · kecamatan {kec} · {a.ulang} kali\n"
    )
    print(f"{'halaman':48} {'median ms':>10} {'p95 ms':>9} {'query':>6} {'× trivial':>10}")
    for h in hasil:
        h["rasio"] = h["median_ms"] / dasar
        print(
            f"{h['halaman']:48} {h['median_ms']:10.1f} {h['p95_ms']:9.1f} {h['query']:6d} {h['rasio']:10.1f}"
        )
    if a.json:
        Path(a.json).write_text(json.dumps({"kegiatan": n_kegiatan, "hasil": hasil}, indent=2))


if __name__ == "__main__":
    main()
