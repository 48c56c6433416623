"""Outbox benchmark: time from commit to delivery at a local webhook receiver, with one real
Celery worker and a real Redis.

    .venv/bin/python benchmarks/outbox.py                     # 1,000 events, as fast as possible
    .venv/bin/python benchmarks/outbox.py --laju 50           # paced at 50 events per second
    .venv/bin/python benchmarks/outbox.py --jumlah 200 --concurrency 2
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pd_bench .venv/bin/python benchmarks/outbox.py

Each event is committed in its own transaction (as a request would) and writes one webhook row
to the outbox; after commit it is handed to Celery; the worker claims, POSTs (signed) and marks it.
The commit time is taken by an on-commit callback registered before the outbox's own, so it is
the moment the row became visible. Prints the median, 95th and 99th percentile latency and the
throughput (events delivered per second from the first commit to the last delivery).

Needs Redis (REDIS_URL, default redis://127.0.0.1:6379/7; the run uses a queue of its own). By default a throw-away SQLite file
is used (a fresh one per run); set DATABASE_URL for PostgreSQL (the database must exist).
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _persentil(data, p):
    data = sorted(data)
    k = (len(data) - 1) * p / 100
    f, c = int(k), min(int(k) + 1, len(data) - 1)
    return data[f] + (data[c] - data[f]) * (k - f)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jumlah", type=int, default=1000, help="events (default 1000)")
    ap.add_argument("--laju", type=float, default=0, help="events per second (0 = no pacing)")
    ap.add_argument("--concurrency", type=int, default=1, help="worker processes (default 1)")
    ap.add_argument("--redis", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/7"))
    args = ap.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-outbox-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder / 'bench.sqlite3'}")
    os.environ["REDIS_URL"] = args.redis
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ.setdefault("NOTIFIKASI_ANTRE_TENGGANG_DETIK", "600")  # no sweep interference
    antrian = f"bench-outbox-{os.getpid()}"  # its own queue: nothing else on the Redis is touched
    os.environ["CELERY_TASK_DEFAULT_QUEUE"] = antrian

    import django

    django.setup()
    import redis
    from django.core.management import call_command
    from django.db import transaction

    from pendampingan.models import Wilayah
    from pendampingan.notifikasi import services
    from pendampingan.notifikasi.models import JenisPenerima, PenerimaKementerian, Pesan
    from pendampingan.wilayah_kode import jenis_dari_kode, kode_induk, leluhur, tingkat_dari_kode
    from tests.notifikasi.layanan import PenerimaWebhook, tunggu

    call_command("migrate", verbosity=0)
    kode = "33.01.01.2001"
    for k in [*leluhur(kode), kode]:
        Wilayah.objects.get_or_create(
            kode=k,
            defaults={
                "nama": f"Wilayah {k}",
                "tingkat": tingkat_dari_kode(k),
                "jenis": jenis_dari_kode(k),
                "induk_id": kode_induk(k),
            },
        )
    desa = Wilayah.objects.get(kode=kode)
    penerima = PenerimaWebhook()
    datang: dict[str, float] = {}

    class Kedatangan(list):
        def append(self, req):  # the arrival time of each key, as the receiver reads it
            datang.setdefault(req.kunci, time.time())
            super().append(req)

    penerima.diterima = Kedatangan()
    PenerimaKementerian.objects.all().delete()
    PenerimaKementerian.objects.create(
        nama="Bench", jenis=JenisPenerima.WEBHOOK, url=penerima.url, rahasia="bench"
    )

    log = (folder / "worker.log").open("wb")
    pekerja = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("celery")),
            "-A",
            "config.celery_app",
            "worker",
            "--loglevel=WARNING",
            f"--concurrency={args.concurrency}",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-Q",
            antrian,
        ],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        # warm up: the worker is ready when it has delivered one message
        with transaction.atomic():
            services.notifikasi_kirim(
                peristiwa="bench.pemanasan",
                objek=desa,
                wilayah_kode=kode,
                subjek="pemanasan",
                isi="-",
                payload={},
                kunci=f"pemanasan-{time.time()}",
                kementerian=True,
            )
        tunggu(lambda: len(datang) >= 1, batas=120, pesan="pekerja siap")
        datang.clear()

        commit: dict[str, float] = {}
        jalan = f"bench-{int(time.time())}"
        mulai = time.time()
        for i in range(args.jumlah):
            if args.laju:
                tidur = mulai + i / args.laju - time.time()
                if tidur > 0:
                    time.sleep(tidur)
            kunci = f"{jalan}-{i}"
            with transaction.atomic():
                transaction.on_commit(lambda k=kunci: commit.__setitem__(k, time.time()))
                (p,) = services.notifikasi_kirim(
                    peristiwa="bencana.dilaporkan",
                    objek=desa,
                    wilayah_kode=kode,
                    subjek=f"Kejadian {i}",
                    isi="Banjir.",
                    payload={"i": i, "korban": {"meninggal": 0, "mengungsi": 12}},
                    kunci=kunci,
                    kementerian=True,
                )
            commit[p.kunci] = commit.pop(kunci)
        selesai_commit = time.time()
        tunggu(
            lambda: len(datang) >= args.jumlah,
            batas=600,
            jeda=0.2,
            pesan=f"{len(datang)}/{args.jumlah} terkirim",
        )
        akhir = max(datang.values())
        lat = [(datang[k] - t) * 1000 for k, t in commit.items()]
        kunci_semua = [r.kunci for r in penerima.diterima]
        ganda = len(kunci_semua) - len(set(kunci_semua))
        belum = Pesan.objects.filter(peristiwa="bencana.dilaporkan").exclude(status="terkirim")
        print(f"database: {os.environ['DATABASE_URL'].split(':')[0]}, broker: {args.redis}")
        print(
            f"events: {args.jumlah}, worker concurrency: {args.concurrency}, pacing: "
            f"{args.laju or 'none'} /s"
        )
        print(f"commit rate: {args.jumlah / (selesai_commit - mulai):.0f} events/s")
        print(
            f"commit→delivery latency ms: median {statistics.median(lat):.1f}, "
            f"p95 {_persentil(lat, 95):.1f}, p99 {_persentil(lat, 99):.1f}, max {max(lat):.1f}"
        )
        print(
            f"throughput: {args.jumlah / (akhir - mulai):.1f} messages/s "
            f"(first commit to last delivery, {akhir - mulai:.1f} s)"
        )
        print(f"duplicates at receiver: {ganda}; rows not terkirim: {belum.count()}")
    finally:
        os.killpg(pekerja.pid, signal.SIGTERM)
        pekerja.wait(timeout=30)
        penerima.tutup()
        redis.Redis.from_url(args.redis).delete(antrian)


if __name__ == "__main__":
    threading.current_thread().name = "bench"
    main()
