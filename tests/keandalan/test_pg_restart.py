"""PostgreSQL restarted under load (issue 14): gunicorn with the production settings on a
PostgreSQL cluster of the test's own; signed-in facilitators open pages and save daily-log entries
from several threads while the cluster is restarted (``pg_ctl restart -m fast``).

* a request caught by the restart may fail, but only with the application's Indonesian error page
  (500/503 with its marker) — never gunicorn's bare "Internal Server Error", never a dropped
  connection;
* from 5 s after the database is back, no request fails;
* every entry acknowledged with a redirect to it is in the database afterwards.

The cluster gets the schema of the suite's migrated test database when that is PostgreSQL
(``pg_dump``, ~2 s) and runs the migrations otherwise (~40 s on SQLite runs).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass

import pytest

from tests.keandalan.postgres import KlasterPostgres, folder_bin, koneksi_ke
from tests.keandalan.web import Gunicorn
from tests.notifikasi.layanan import ROOT, url_database

# serialized_rollback: the test database is copied into the cluster, and a previous transactional
# test's flush may have removed the data migrations' reference rows; this brings them back first
pytestmark = [
    pytest.mark.services,
    pytest.mark.timeout(300),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PENGGUNA = 6  # client threads, one signed-in facilitator each
SANDI = "rahasia-uji-123"  # tests.factories.UserFactory's
TENGGANG = 5.0  # seconds after the database is back from which no request may fail
PENGAMATAN = 6.0  # seconds of load observed after that
GUNICORN_HALAMAN = "Internal Server Error"  # gunicorn's own page when the application raised
_LOKASI_ENTRI = re.compile(r"^/kegiatan/(\d+)/(ubah/)?$")


def _tanpa_postgres(alasan: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{alasan} (CI=true: uji PostgreSQL dimulai ulang wajib berjalan)")
    pytest.skip(f"{alasan}: uji ini butuh biner server PostgreSQL (initdb, pg_ctl).")


@pytest.fixture
def klaster():
    if folder_bin() is None or (os.geteuid() == 0 and not shutil.which("runuser")):
        _tanpa_postgres("initdb/pg_ctl tidak ditemukan")
    k = KlasterPostgres()
    try:
        k.buat()
        k.mulai()
        yield k
    finally:
        k.hapus()


def _skema(klaster: KlasterPostgres, nama: str, django_db_blocker):
    """The migrated schema (and the reference rows of the data migrations) in database ``nama``."""
    from django.db import connections

    klaster.buat_database(nama)
    uji = connections["default"]
    if uji.vendor == "postgresql":
        klaster.salin_dari(url_database(uji.settings_dict), nama)
        return
    env = {**os.environ, "DATABASE_URL": klaster.url(nama)}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
        cwd=ROOT, env=env, check=True, capture_output=True, timeout=200,
    )  # fmt: skip


@dataclass
class Dunia:
    pengguna: list[str]
    desa: dict[str, str]  # username → the desa it records in
    isian_tetap: dict[str, str]


def _isi(url: str, django_db_blocker) -> Dunia:
    """Facilitators (each a PLD of their own desa) and what the entry form needs, written into
    the cluster with the suite's factories."""
    from pendampingan.models import BidangPendampingan, LembagaDesa, Prinsip
    from tests.factories import pendamping_di

    with koneksi_ke(url, django_db_blocker):
        desa = {}
        for i in range(PENGGUNA):
            kode = f"33.01.01.{2001 + i}"
            nama = f"pld_restart_{i}"
            pendamping_di(kode, username=nama)
            desa[nama] = kode
        tetap = {
            "jam_mulai": "09:00",
            "jam_selesai": "10:00",
            "tata_cara": "asistensi",
            "uraian": "Membahas rancangan Perdes.",
            "peserta_laki": "3",
            "peserta_perempuan": "2",
            "asistensi-jenis_sasaran": "lembaga",
            "asistensi-lembaga": str(LembagaDesa.objects.get(kode="bpd").pk),
            "asistensi-bidang": str(BidangPendampingan.objects.get(kode="perencanaan").pk),
            **{f"p-prinsip_{p.kode}": "dijunjung" for p in Prinsip.objects.filter(aktif=True)},
        }
        return Dunia(list(desa), desa, tetap)


@dataclass
class Jawaban:
    pengguna: str
    jenis: str  # "lihat" | "tulis"
    mulai: float
    selesai: float
    status: int | None  # None: no HTTP answer at all
    halaman_galat: bool = False  # the application's own error page, with its marker
    halaman_gunicorn: bool = False
    kunci: str = ""
    diakui: bool = False  # a write answered with the redirect to the saved entry
    galat: str = ""

    @property
    def berhasil(self) -> bool:
        return self.diakui if self.jenis == "tulis" else self.status == 200


def _catat(r, jawaban: Jawaban) -> Jawaban:
    jawaban.status = r.status_code
    teks = r.text
    jawaban.halaman_galat = f'data-halaman-galat="{r.status_code}"' in teks
    jawaban.halaman_gunicorn = GUNICORN_HALAMAN in teks and not jawaban.halaman_galat
    if jawaban.jenis == "tulis":
        jawaban.diakui = r.status_code == 302 and bool(
            _LOKASI_ENTRI.match(r.headers.get("Location", ""))
        )
    return jawaban


def _masuk(web: Gunicorn, nama: str):
    import requests

    s = requests.Session()
    s.get(web.url + "/akun/login/", timeout=15)
    r = s.post(
        web.url + "/akun/login/",
        data={
            "username": nama,
            "password": SANDI,
            "csrfmiddlewaretoken": s.cookies.get("csrftoken", ""),
        },
        allow_redirects=False,
        timeout=15,
    )
    assert r.status_code == 302, f"{nama} tidak dapat masuk: {r.status_code} {r.text[:500]}"
    return s


def _satu(web: Gunicorn, dunia: Dunia, nama: str, sesi, n: int) -> Jawaban:
    """Request ``n`` of a user: odd ones open a page, even ones save a new entry."""
    import requests

    tulis = n % 2 == 0
    j = Jawaban(nama, "tulis" if tulis else "lihat", time.monotonic(), 0.0, None)
    try:
        if tulis:
            j.kunci = str(uuid.uuid4())
            data = {
                **dunia.isian_tetap,
                "tanggal": time.strftime("%Y-%m-%d"),
                "wilayah": dunia.desa[nama],
                "judul": f"Asistensi BPD {n}",
                "kunci_sekali": j.kunci,
                "csrfmiddlewaretoken": sesi.cookies.get("csrftoken", ""),
            }
            r = sesi.post(web.url + "/kegiatan/baru/", data=data, allow_redirects=False, timeout=20)
        else:
            r = sesi.get(web.url + ("/kegiatan/" if n % 4 == 1 else "/"), timeout=20)
        _catat(r, j)
    except requests.RequestException as e:
        j.galat = f"{type(e).__name__}: {e}"
    j.selesai = time.monotonic()
    return j


def _beban(web, dunia, sesi: dict, hasil: list, berhenti: threading.Event, batas: int = 10**9):
    """One thread per user, each sending its requests back to back until ``berhenti`` (or
    ``batas`` requests each); returns the threads."""

    def jalan(nama):
        n = 0
        while not berhenti.is_set() and n < batas:
            n += 1
            hasil.append(_satu(web, dunia, nama, sesi[nama], n))

    utas = [threading.Thread(target=jalan, args=(nama,), daemon=True) for nama in sesi]
    for t in utas:
        t.start()
    return utas


def _ringkas(gagal, nol: float) -> str:
    return "\n".join(
        f"  {j.pengguna} {j.jenis} {j.mulai - nol:+.2f}s → {j.status} "
        f"galat-situs={j.halaman_galat} {j.galat}"
        for j in gagal[:20]
    )


def _kunci_tersimpan(klaster: KlasterPostgres, nama: str) -> set[str]:
    from pendampingan.models import Kegiatan

    tabel = Kegiatan._meta.db_table
    keluar = klaster.psql(nama, "-tA", "-c", f"SELECT kunci_sekali FROM {tabel}")
    return {baris for baris in keluar.stdout.decode().split() if baris}


def test_postgres_dimulai_ulang_saat_beban(klaster, django_db_setup, django_db_blocker, tmp_path):
    _skema(klaster, "uji", django_db_blocker)
    dunia = _isi(klaster.url("uji"), django_db_blocker)

    hasil: list[Jawaban] = []
    berhenti = threading.Event()
    web = Gunicorn(database_url=klaster.url("uji"), folder=tmp_path, workers=2, threads=4)
    utas = []
    with web:
        try:
            sesi = {nama: _masuk(web, nama) for nama in dunia.pengguna}
            utas = _beban(web, dunia, sesi, hasil, berhenti)
            time.sleep(3)  # the load settles: every worker thread holds a kept connection

            awal = time.monotonic()
            kembali = klaster.mulai_ulang()
            assert klaster.siap()
            akhir = kembali + TENGGANG + PENGAMATAN
            while time.monotonic() < akhir and all(t.is_alive() for t in utas):
                time.sleep(0.2)
            berhenti.set()
            for t in utas:
                t.join(timeout=30)

            # a quiet restart: no request meets the outage, so every kept connection is a dead
            # one when the load comes back; the health check replaces it before a request uses it
            hening: list[Jawaban] = []
            kembali_hening = klaster.mulai_ulang()
            for t in _beban(web, dunia, sesi, hening, threading.Event(), batas=4):
                t.join(timeout=60)
        finally:
            berhenti.set()
    log = web.teks()

    gagal = [j for j in hasil if not j.berhasil]
    ringkas = _ringkas(gagal, kembali)
    selama = [j for j in hasil if j.selesai >= awal and j.mulai <= kembali]
    sesudah = [j for j in hasil if j.mulai >= kembali + TENGGANG]
    print(
        f"\n{len(hasil)} permintaan; {len(gagal)} gagal; pemulaian ulang {kembali - awal:.2f}s; "
        f"{len(selama)} tumpang tindih dengan pemulaian ulang; {len(sesudah)} sesudah "
        f"+{TENGGANG:.0f}s; gagal terakhir dimulai "
        f"{max((j.mulai - kembali for j in gagal), default=float('nan')):+.2f}s dari kembali"
        f"\n{ringkas}"
    )
    assert not any(t.is_alive() for t in utas)
    # the load ran before, across and after the restart
    assert sum(j.berhasil for j in hasil if j.selesai < awal) >= PENGGUNA
    assert len(sesudah) >= 3 * PENGGUNA, "terlalu sedikit permintaan sesudah basis data kembali"

    # a failure is the application's own Indonesian page, nothing else
    assert not [j for j in gagal if j.galat], f"sambungan putus / tanpa jawaban:\n{ringkas}"
    assert not [j for j in gagal if j.halaman_gunicorn], f"halaman gunicorn:\n{ringkas}"
    assert all(j.status in (500, 503) and j.halaman_galat for j in gagal), ringkas
    assert "Error handling request" not in log, log[-4000:]

    # none after the grace period
    assert not [j for j in gagal if j.mulai >= kembali + TENGGANG], ringkas

    # after the quiet restart, not even the first request on a kept connection fails
    gagal_hening = [j for j in hening if not j.berhasil]
    assert len(hening) == 4 * PENGGUNA
    assert not gagal_hening, "sesudah pemulaian ulang tanpa beban:\n" + _ringkas(
        gagal_hening, kembali_hening
    )

    # every acknowledged write is there
    diakui = {j.kunci for j in hasil + hening if j.diakui}
    assert len(diakui) >= PENGGUNA
    hilang = diakui - _kunci_tersimpan(klaster, "uji")
    assert not hilang, f"{len(hilang)} entri diakui tetapi tidak tersimpan"
    print(f"{len(diakui)} entri diakui, semuanya tersimpan; {len(hening)} permintaan sesudah "
          "pemulaian ulang tanpa beban, semuanya berhasil")  # fmt: skip
