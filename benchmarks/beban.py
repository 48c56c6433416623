"""Load benchmark: N daily-log entry submissions at concurrency C against gunicorn running the
production settings on PostgreSQL and Redis, beside a trivial view measured in the same run.

    .venv/bin/python benchmarks/beban.py --n 20000 --c 32
    .venv/bin/python benchmarks/beban.py --n 40 --c 4 --wilayah 33.01 --json hasil.json

Each submission is what a phone sends: GET the entry form (its CSRF token and one-time key), then
POST it — the prinsip checklist, the details of its tata cara, most with "ajukan" (which writes
in-app messages to the supervisors in the same transaction and clears their bell in Redis). A
share of them (``--ulang``) is sent again with the same key, half one after the other (a resend
after a timeout), half at the same moment (a double tap): both must answer the first entry.

The run makes its own database ``beban_<pid>`` on the PostgreSQL server (``--pg``), migrates it,
imports the region list (or the slice ``--wilayah``), creates facilitators with assignments
(a PLD per three desa, a PD per kecamatan, a TAPM per kabupaten, a koordinator per provinsi),
starts ``gunicorn -c config/gunicorn.conf.py`` on a free port, logs every client in, fires the
submissions, then GETs the trivial view (``/sehat/`` when it exists, else the login page) as
many times at the same concurrency. It prints both side by side and the exact row check:
rows in the database = distinct keys answered with the entry, no duplicate from any retry.
The database is dropped at the end unless ``--keep``. Entries cause no Celery task (in-app
messages are delivered by the commit), so no worker is started; the check counts queued ones.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

from benchmarks import _beban_klien as kl  # noqa: E402
from benchmarks import _beban_siap as siap  # noqa: E402
from benchmarks._beban_isi import hari_terbuka, isian  # noqa: E402
from benchmarks._beban_laporan import cetak, periksa_baris  # noqa: E402


def _argumen(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=20_000, help="entry submissions (default 20000)")
    p.add_argument("--c", type=int, default=32, help="concurrent clients (default 32)")
    p.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("GUNICORN_WORKERS", 0)) or None,
        help="gunicorn workers (default: the config's, 2 x cores + 1)",
    )
    p.add_argument("--akun", type=int, default=0, help="PLD accounts (default: N/80, 8..400)")
    p.add_argument("--ulang", type=float, default=0.02, help="share sent twice (default 0.02)")
    p.add_argument(
        "--wilayah",
        default="semua",
        help="region slice to import: a code prefix such as 33 or 33.01 (default: all 83,762 desa)",
    )
    p.add_argument("--pg", default=os.environ.get("BEBAN_PG", "postgres://postgres@127.0.0.1:5432"))
    p.add_argument("--redis", default=os.environ.get("BEBAN_REDIS_URL", "redis://127.0.0.1:6379/6"))
    p.add_argument("--keep", action="store_true", help="keep the database (and print its name)")
    p.add_argument("--json", metavar="FILE", help="also write the figures as JSON ('-': stdout)")
    p.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE one entry's queries")
    p.add_argument(
        "--collectstatic",
        action="store_true",
        help="run collectstatic first (without a manifest, static files are served unhashed)",
    )
    p.add_argument(
        "--batas",
        type=float,
        default=0,
        help="stop starting submissions after this many seconds (0: none); the trivial view then "
        "gets as many requests as submissions were started",
    )
    p.add_argument("--seed", type=int, default=14)
    return p.parse_args(argv)


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _catat(pesan, t0):
    print(f"[{time.monotonic() - t0:7.1f}s] {pesan}", flush=True)


def _lingkungan(a, nama_db: str, tmp: Path) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="benchmarks.settings_beban",  # production's (see there)
        DJANGO_SECRET_KEY=secrets.token_urlsafe(40),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"{a.pg}/{nama_db}",
        REDIS_URL=a.redis,
        CELERY_BROKER_URL=a.redis,
        CELERY_TASK_DEFAULT_QUEUE=f"beban-{os.getpid()}",
        MEDIA_ROOT=str(tmp / "media"),
        BERKAS_PRIVAT_ROOT=str(tmp / "privat"),
        AXES_FAILURE_LIMIT="1000",
    )


def _mulai_gunicorn(a, port: int, log: Path) -> subprocess.Popen:
    env = os.environ.copy()
    env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
    if a.workers:
        env["GUNICORN_WORKERS"] = str(a.workers)
    proses = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "-c", "config/gunicorn.conf.py"],
        cwd=AKAR,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    batas = time.monotonic() + 90
    while time.monotonic() < batas:
        if proses.poll() is not None:
            sys.exit(f"gunicorn berhenti ({proses.returncode}); lihat {log}")
        try:
            s = kl.Sambungan("127.0.0.1", port)
            if s.minta("GET", "/akun/login/", header={"X-Forwarded-Proto": "https"})[0] == 200:
                s.tutup()
                return proses
        except OSError:
            time.sleep(0.3)
    sys.exit("gunicorn tidak siap dalam 90 detik")


def _kirim(klien: kl.Klien, data, hasil: kl.Hasil, ulang: str, rekam: dict):
    t0 = time.perf_counter()
    try:
        csrf, kunci = klien.buka_form()
    except kl.GagalForm as e:
        with hasil.kunci:
            hasil.galat[f"form {e.status}"] += 1
        return
    except OSError as e:
        with hasil.kunci:
            hasil.galat[f"form {type(e).__name__}"] += 1
        return
    t1 = time.perf_counter()
    badan = [("csrfmiddlewaretoken", csrf), ("kunci_sekali", kunci), *klien.lengkapi(data)]
    pk, label, isi = _post(klien, badan)
    t2 = time.perf_counter()
    contoh = rekam["folder"] / f"jawaban-{label.split()[0]}.html"
    if not pk and not contoh.exists():  # one answer of each failure kind, to read afterwards
        contoh.write_bytes(isi)
    with hasil.kunci:
        hasil.latensi_form.append(t1 - t0)
        if label != "koneksi":
            hasil.latensi.append(t2 - t1)
        rekam["kunci"][kunci] = pk
        if pk:
            hasil.sukses += 1
        else:
            hasil.galat[label] += 1
    if not ulang or not pk:
        return
    if ulang == "serentak":  # a double tap: two more at the same moment
        jawab: list = []
        kedua = threading.Thread(target=lambda: jawab.append(_post(klien, badan)[0]))
        kedua.start()
        jawab.append(_post(klien, badan)[0])
        kedua.join()
    else:  # a resend after a lost answer
        jawab = [_post(klien, badan)[0]]
    with hasil.kunci:
        rekam["ulang"].update("sama" if j == pk else f"lain:{j}" for j in jawab)


def _masuk(klien: kl.Klien) -> None:
    for coba in range(3):
        try:
            return klien.masuk()
        except (OSError, RuntimeError):
            if coba == 2:
                raise
            klien.s.tutup()


def _post(klien, badan) -> tuple[int | None, str, bytes]:
    try:
        status, h, isi = klien.post("/kegiatan/baru/", badan)
    except OSError as e:
        return None, "koneksi" if not isinstance(e, TimeoutError) else "timeout", b""
    m = kl.RE_DETAIL.search(h.get("location", "")) if status == 302 else None
    if m:
        return int(m.group(1)), "302", isi
    if status == 302:
        return None, f"302 {h.get('location', '')[:40]}", isi
    return None, str(status), isi


def _ringan(klien: kl.Klien, path: str, hasil: kl.Hasil):
    t0 = time.perf_counter()
    try:
        status, _h, _isi = klien.get(path)
    except OSError as e:
        with hasil.kunci:
            hasil.galat[type(e).__name__] += 1
        return
    with hasil.kunci:
        hasil.latensi.append(time.perf_counter() - t0)
        if status == 200:
            hasil.sukses += 1
        else:
            hasil.galat[str(status)] += 1


def main(argv=None) -> dict:
    a = _argumen(argv)
    signal.signal(signal.SIGTERM, lambda *_a: sys.exit(143))  # clean up on a timeout's SIGTERM
    t0 = time.monotonic()
    rng = random.Random(a.seed)
    nama_db = f"beban_{os.getpid()}"
    tmp = Path(tempfile.mkdtemp(prefix="beban-"))
    _lingkungan(a, nama_db, tmp)
    beban_awal = os.getloadavg()
    siap.buat_database(a.pg, nama_db)
    gunicorn = None
    try:
        siap.manage("migrate")
        _catat(f"database {nama_db} dimigrasi", t0)
        if a.collectstatic:
            siap.manage("collectstatic", "--noinput")  # the manifest the production storage reads
        siap.manage("impor_wilayah", "--folder", str(siap.folder_wilayah(a.wilayah, tmp)))
        _catat(f"statis dan wilayah ({a.wilayah}) siap", t0)
        import django

        django.setup()
        jumlah_pld = a.akun or min(max(a.n // 80, 8), 400)
        akun = siap.buat_pendamping(jumlah_pld)
        acuan = siap.acuan()
        _catat(f"{len(akun)} akun pencatat (PLD dan PD) dan pengawasnya dibuat", t0)

        port = _port_bebas()
        gunicorn = _mulai_gunicorn(a, port, tmp / "gunicorn.log")
        sambungan = kl.Sambungan("127.0.0.1", port)
        klien = [kl.Klien(sambungan, x["username"], siap.SANDI) for x in akun]
        # logging in hashes the password (PBKDF2, ~0.5 s of CPU each): a few at a time, retried
        masuk = kl.jalankan(klien, min(a.c, 4), lambda k, h: _masuk(k), kl.Hasil("masuk"))
        sah = [i for i, k in enumerate(klien) if "sessionid" in k.cookie]
        if not sah:
            sys.exit(f"tidak ada klien yang berhasil masuk: {dict(masuk.galat)}")
        klien, akun = [klien[i] for i in sah], [akun[i] for i in sah]
        _catat(
            f"{len(klien)} klien masuk dalam {masuk.selesai - masuk.mulai:.1f}s"
            f" (gagal: {dict(masuk.galat) or 'tidak ada'})",
            t0,
        )

        from django.utils import timezone

        hari = hari_terbuka(timezone.localdate())
        tugas = []
        for i in range(a.n):
            j = rng.randrange(len(klien))
            ulang = ""
            if rng.random() < a.ulang:
                ulang = "serentak" if rng.random() < 0.5 else "berurutan"
            data = isian(rng, nomor=i, tempat=akun[j]["tempat"], acuan=acuan, hari=hari)
            tugas.append((klien[j], data, ulang))
        rekam = {"kunci": {}, "ulang": Counter(), "folder": tmp}
        cpu0 = time.process_time()
        entri = kl.jalankan(
            tugas,
            a.c,
            lambda t, h: _kirim(t[0], t[1], h, t[2], rekam),
            kl.Hasil("entri kegiatan (POST)"),
            batas=a.batas,
        )
        cpu_entri = time.process_time() - cpu0
        _catat(f"{entri.dimulai} pengiriman selesai dalam {entri.selesai - entri.mulai:.1f}s", t0)

        anonim = kl.Klien(sambungan, "", "")
        path = "/sehat/" if anonim.get("/sehat/")[0] == 200 else "/akun/login/"
        ringan = kl.jalankan(
            list(range(entri.dimulai)),
            a.c,
            lambda _i, h: _ringan(anonim, path, h),
            kl.Hasil(f"GET {path}"),
        )
        _catat(f"{entri.dimulai} GET {path} selesai dalam {ringan.selesai - ringan.mulai:.1f}s", t0)

        hasil = {
            "kondisi": {
                "n": a.n,
                "c": a.c,
                "workers": a.workers or "config (2 x cores + 1)",
                "threads": int(os.environ.get("GUNICORN_THREADS", 4)),
                "cpu": os.cpu_count(),
                "load_awal": [round(x, 2) for x in beban_awal],
                "load_akhir": [round(x, 2) for x in os.getloadavg()],
                "wilayah": a.wilayah,
                "statis": "manifest"
                if (AKAR / "staticfiles" / "staticfiles.json").exists()
                else "tanpa manifest",
                "akun_pencatat": len(akun),
                "cpu_klien_detik": round(cpu_entri, 1),
                "sambungan_diulang": sambungan_diulang(),
            },
            "fase": [entri.ringkas(), ringan.ringkas()],
            "masuk_detik": round(masuk.selesai - masuk.mulai, 1),
            "periksa": periksa_baris(rekam),
        }
        if a.explain:
            from benchmarks._beban_explain import jelaskan

            hasil["explain"] = jelaskan(klien_username=akun[0]["username"], acuan=acuan, hari=hari)
        cetak(hasil)
        if a.json:
            teks = json.dumps(hasil, indent=2, ensure_ascii=False, default=str)
            sys.stdout.write(teks + "\n") if a.json == "-" else Path(a.json).write_text(teks)
        return hasil
    finally:
        if gunicorn is not None:
            os.killpg(gunicorn.pid, signal.SIGTERM)
            try:
                gunicorn.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(gunicorn.pid, signal.SIGKILL)
                gunicorn.wait()
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # noqa: BLE001 - Django may not be set up yet
            pass
        if a.keep:
            print(f"database disimpan: {a.pg}/{nama_db}; log gunicorn dan contoh jawaban: {tmp}")
        else:
            siap.hapus_database(a.pg, nama_db)
            shutil.rmtree(tmp, ignore_errors=True)


def sambungan_diulang() -> int:
    return kl.ULANG[0]


if __name__ == "__main__":
    main()
