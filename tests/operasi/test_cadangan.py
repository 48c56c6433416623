"""Backups that are proven: rows in several apps and private files (evidence photos, a document)
are backed up with ``manage.py cadangkan``, restored by ``manage.py pulihkan`` — another process,
configured for a FRESH database (a new database on the PostgreSQL server, or a new SQLite file)
and a fresh files folder — and every table's row count and every file's SHA-256 are then checked
here, by the test's own reading of both sides (not only by the command's manifest)."""

from __future__ import annotations

import copy
import hashlib
import json
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections, transaction

from bencana.services import bukti_tambah
from pendampingan.inti import cadangan
from pendampingan.kegiatan.services.bukti import foto_tambah
from tests.bencana.factories import foto_png, kejadian_di
from tests.conftest import Dunia
from tests.factories import KegiatanFactory
from tests.fasilitasi.factories import buka_kasus
from tests.kegiatan.factories import unggah_jpeg
from tests.notifikasi.layanan import ROOT, url_database
from tests.pengaduan.factories import pengaduan_buat

PG = dict(host="127.0.0.1", user="postgres")


def _isi_dunia() -> dict[str, int]:
    """Rows in the core, pendampingan's evidence, pengaduan, bencana (with the outbox rows its
    report causes), fasilitasi; two evidence photos. Returns the seeded tables' minimum counts."""
    from pendampingan.notifikasi.models import Pesan

    with transaction.atomic():
        d = Dunia()
        k = KegiatanFactory(pendamping=d.pld_a, wilayah=d.desa_a, judul="Musdes RKP")
        foto = foto_tambah(kegiatan=k, berkas=unggah_jpeg(), _cek=False)
    with transaction.atomic():
        aduan = pengaduan_buat(d.desa_a)
    with transaction.atomic():
        kj = kejadian_di(d.desa_a, d.pld_a)
    bukti = bukti_tambah(kejadian=kj, berkas=foto_png(), oleh=d.pld_a)
    with transaction.atomic():
        kasus = buka_kasus(d)
    baris = [k, foto, aduan, kj, bukti, kasus, Pesan.objects.first(), d.pld_a.user]
    return {b._meta.db_table: 1 for b in baris}


def _jumlah_sumber() -> dict[str, int]:
    q = connection.ops.quote_name
    with connection.cursor() as c:
        tabel = [t for t in connection.introspection.table_names(c) if not t.startswith("sqlite_")]
        hasil = {}
        for t in tabel:
            c.execute(f"SELECT COUNT(*) FROM {q(t)}")  # noqa: S608
            hasil[t] = c.fetchone()[0]
    return hasil


def _berkas(akar: Path) -> dict[str, str]:
    return {
        str(p.relative_to(akar)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(akar.rglob("*"))
        if p.is_file()
    }


def _pulihkan_di_proses_lain(folder: Path, database_url: str, berkas: Path):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url,
        "BERKAS_PRIVAT_ROOT": str(berkas),
        "PYTHONUNBUFFERED": "1",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "pulihkan", str(folder)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )


class DatabaseBaru:
    """A fresh target: a new database on the shared PostgreSQL server (dropped afterwards), or a
    new SQLite file."""

    def __init__(self, tmp_path: Path):
        self.vendor = connection.vendor
        if self.vendor == "postgresql":
            sd = copy.deepcopy(connection.settings_dict)
            self.nama = f"pulih_uji_{uuid.uuid4().hex[:12]}"
            sd["NAME"] = self.nama
            self.url = url_database(sd)
            self.sd = sd
        else:
            self.nama = str(tmp_path / "pulih" / "baru.sqlite3")
            self.url = f"sqlite:///{self.nama}"

    def buat(self):
        if self.vendor == "postgresql":
            subprocess.run(self._arg("createdb"), check=True, capture_output=True, timeout=30)

    def hapus(self):
        if self.vendor == "postgresql":
            subprocess.run(
                [*self._arg("dropdb"), "--if-exists", "--force"], capture_output=True, timeout=30
            )

    def _arg(self, program):
        sd = self.sd
        return [
            program,
            "-h",
            sd.get("HOST") or "127.0.0.1",
            "-p",
            str(sd.get("PORT") or 5432),
            "-U",
            sd.get("USER") or "postgres",
            self.nama,
        ]

    def jumlah(self) -> dict[str, int]:
        """Every table's row count, read straight from the restored database."""
        if self.vendor == "postgresql":
            k = connections["default"].__class__(self.sd, alias="pulih_uji")  # its own
            try:
                with k.cursor() as c:
                    c.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                    hasil = {}
                    for (t,) in c.fetchall():
                        c.execute(f'SELECT COUNT(*) FROM "{t}"')  # noqa: S608
                        hasil[t] = c.fetchone()[0]
                    return hasil
            finally:
                k.close()
        k = sqlite3.connect(self.nama)
        try:
            tabel = [
                r[0]
                for r in k.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                )
            ]
            return {t: k.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tabel}  # noqa: S608
        finally:
            k.close()


@pytest.fixture
def db_baru(tmp_path):
    d = DatabaseBaru(tmp_path)
    d.buat()
    yield d
    d.hapus()


# transactional: pg_dump (another process) reads committed rows only
@pytest.mark.django_db(transaction=True)
@pytest.mark.timeout(90, func_only=True)
def test_cadangan_dipulihkan_ke_database_baru_dengan_setiap_baris_dan_berkas(
    tmp_path, db_baru, settings
):
    minimum = _isi_dunia()
    sumber = _jumlah_sumber()
    for t, n in minimum.items():
        assert sumber[t] >= n, f"{t}: {sumber[t]} baris (isi dunia tidak lengkap)"
    berkas_sumber = _berkas(Path(settings.BERKAS_PRIVAT_ROOT))
    assert sum(n.startswith("kegiatan/foto/") for n in berkas_sumber) == 1, berkas_sumber
    assert len(berkas_sumber) >= 3  # the photo, its thumbnail, the incident's evidence

    folder = tmp_path / "cadangan"
    call_command("cadangkan", str(folder))
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["tabel"] == sumber
    assert {b["nama"]: b["sha256"] for b in manifest["berkas"]} == berkas_sumber

    tujuan = tmp_path / "berkas-baru"
    hasil = _pulihkan_di_proses_lain(folder, db_baru.url, tujuan)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "cocok dengan manifest" in hasil.stdout

    assert db_baru.jumlah() == sumber
    assert _berkas(tujuan) == berkas_sumber

    # again into the database just restored: refused (it has tables), nothing changed
    hasil = _pulihkan_di_proses_lain(folder, db_baru.url, tmp_path / "berkas-lain")
    assert hasil.returncode != 0 and "tidak kosong" in hasil.stderr, hasil.stderr
    assert db_baru.jumlah() == sumber
    # a second backup into the same folder would mix two snapshots
    with pytest.raises(CommandError, match="sudah berisi"):
        call_command("cadangkan", str(folder))
    # a damaged archive is refused before anything is restored
    with open(folder / cadangan.ARSIP_BERKAS, "ab") as f:
        f.write(b"\0")
    with pytest.raises(CommandError, match="rusak"):
        cadangan.baca_manifest(folder)


@pytest.mark.django_db
def test_pemeriksaan_menemukan_setiap_selisih():
    """The check ``pulihkan`` ends with names a missing row, a missing file and a changed one."""
    d = Dunia()
    k = KegiatanFactory(pendamping=d.pld_a, wilayah=d.desa_a)
    foto = foto_tambah(kegiatan=k, berkas=unggah_jpeg(), _cek=False)
    akar = Path(settings.BERKAS_PRIVAT_ROOT)
    manifest = {
        "tabel": _jumlah_sumber(),
        "berkas": [{"nama": n, "sha256": h} for n, h in _berkas(akar).items()],
    }
    assert cadangan.periksa(manifest) == []
    (akar / foto.thumbnail.name).write_bytes(b"lain")
    (akar / foto.berkas.name).unlink()
    (akar / "sisa.txt").write_bytes(b"?")
    k.delete()
    beda = "\n".join(cadangan.periksa(manifest))
    assert "tabel pendampingan_kegiatan: 0 baris, manifest 1" in beda
    assert f"berkas {foto.berkas.name} hilang" in beda
    assert f"berkas {foto.thumbnail.name}: SHA-256 berbeda" in beda
    assert "berkas sisa.txt tidak ada di manifest" in beda
