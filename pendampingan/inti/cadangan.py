"""Backups that are proven: ``manage.py cadangkan <folder>`` and ``manage.py pulihkan <folder>``.

A backup folder holds three things and nothing else:

* ``basis-data.dump`` — ``pg_dump --format=custom`` on PostgreSQL (``basis-data.sqlite3``, a copy
  made with SQLite's backup API, on SQLite);
* ``berkas-privat.tar`` — every file of the private storage (evidence photos, documents,
  attachments, built downloads: ``pendampingan.penyimpanan``), read through the storage API;
* ``manifest.json`` — the row count of every table, the name, size and SHA-256 of every file,
  and the SHA-256 of the two archives.

On PostgreSQL the counts come from the very snapshot ``pg_dump`` copies (a ``REPEATABLE READ``
transaction exports it; ``pg_dump --snapshot`` uses it), so a backup taken while users write is
still consistent with its manifest. Files are read after the snapshot: a file written meanwhile
may be in the archive without its row, never a row without its file (files are only added, and
removed long after their row).

``pulihkan`` refuses a database that has tables or a storage that has files, checks both archives'
hashes, restores (``pg_restore --single-transaction``: all or nothing), and then verifies every
table's row count and every file's hash against the manifest.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path, PurePosixPath

from django.core.files.base import File
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.utils import timezone

MANIFEST = "manifest.json"
ARSIP_BERKAS = "berkas-privat.tar"
DUMP_PG = "basis-data.dump"
SALINAN_SQLITE = "basis-data.sqlite3"
VERSI = 1
_POTONGAN = 1024 * 1024


def _sha256_berkas(jalur: Path) -> str:
    h = hashlib.sha256()
    with open(jalur, "rb") as f:
        while b := f.read(_POTONGAN):
            h.update(b)
    return h.hexdigest()


class _BacaHash:
    """A file wrapper that hashes what is read through it (one pass into the tar)."""

    def __init__(self, f):
        self.f, self.h, self.n = f, hashlib.sha256(), 0

    def read(self, n=-1):
        b = self.f.read(n)
        self.h.update(b)
        self.n += len(b)
        return b


# ---------------------------------------------------------------- the database


def _hitung_tabel(cursor, tabel: list[str]) -> dict[str, int]:
    """The row count of every table but SQLite's own (``sqlite_sequence``, ``sqlite_stat1``)."""
    q = connection.ops.quote_name
    hasil = {}
    for t in sorted(x for x in tabel if not x.startswith("sqlite_")):
        cursor.execute(f"SELECT COUNT(*) FROM {q(t)}")  # noqa: S608 — a table name, quoted
        hasil[t] = cursor.fetchone()[0]
    return hasil


def _pg_argumen(sd: dict) -> tuple[list[str], dict]:
    """Connection arguments for pg_dump/pg_restore from the Django settings, and their env."""
    arg = []
    if sd.get("HOST"):
        arg += ["-h", sd["HOST"]]
    if sd.get("PORT"):
        arg += ["-p", str(sd["PORT"])]
    if sd.get("USER"):
        arg += ["-U", sd["USER"]]
    env = {**os.environ}
    if sd.get("PASSWORD"):
        env["PGPASSWORD"] = sd["PASSWORD"]
    if (sd.get("OPTIONS") or {}).get("sslmode"):
        env["PGSSLMODE"] = sd["OPTIONS"]["sslmode"]
    return arg + ["-d", sd["NAME"]], env


def _program(nama: str) -> str:
    jalur = shutil.which(nama)
    if not jalur:
        raise CommandError(f"{nama} tidak ditemukan (pasang postgresql-client).")
    return jalur


def _jalankan(perintah: list[str], env: dict) -> None:
    hasil = subprocess.run(perintah, env=env, capture_output=True, text=True)  # noqa: S603
    if hasil.returncode != 0:
        raise CommandError(f"{Path(perintah[0]).name} gagal: {hasil.stderr.strip()[-2000:]}")


def _cadangkan_pg(folder: Path) -> dict[str, int]:
    tujuan = folder / DUMP_PG
    with transaction.atomic(), connection.cursor() as c:
        c.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        c.execute("SELECT pg_export_snapshot()")
        snapshot = c.fetchone()[0]
        jumlah = _hitung_tabel(c, connection.introspection.table_names(c))
        arg, env = _pg_argumen(connection.settings_dict)
        _jalankan(
            [_program("pg_dump"), "--format=custom", f"--snapshot={snapshot}", "-f", str(tujuan)]
            + arg,
            env,
        )
    return jumlah


def _cadangkan_sqlite(folder: Path) -> dict[str, int]:
    tujuan = folder / SALINAN_SQLITE
    connection.ensure_connection()
    salinan = sqlite3.connect(tujuan)
    try:
        connection.connection.backup(salinan)
        c = salinan.cursor()
        c.execute("SELECT name FROM sqlite_master WHERE type='table'")
        tabel = [r[0] for r in c.fetchall()]
        jumlah = _hitung_tabel(c, tabel)
    finally:
        salinan.close()
    return jumlah


# ---------------------------------------------------------------- the files


def _storage():
    from pendampingan.penyimpanan import penyimpanan_privat

    return penyimpanan_privat()


def semua_berkas(storage, awal: str = "") -> list[str]:
    """Every file name in ``storage`` (recursively), sorted; ``[]`` for a missing root."""
    try:
        folder, berkas = storage.listdir(awal)
    except FileNotFoundError:
        return []
    hasil = [f"{awal}/{b}" if awal else b for b in berkas]
    for d in folder:
        hasil += semua_berkas(storage, f"{awal}/{d}" if awal else d)
    return sorted(hasil)


def _arsipkan_berkas(folder: Path) -> list[dict]:
    storage = _storage()
    daftar = []
    with tarfile.open(folder / ARSIP_BERKAS, "w") as tar:
        for nama in semua_berkas(storage):
            info = tarfile.TarInfo(nama)
            info.size = storage.size(nama)
            info.mtime = int(timezone.now().timestamp())
            with storage.open(nama, "rb") as f:
                baca = _BacaHash(f)
                tar.addfile(info, baca)
            if baca.n != info.size:
                raise CommandError(f"Berkas {nama} berubah ukuran saat dicadangkan.")
            daftar.append({"nama": nama, "ukuran": info.size, "sha256": baca.h.hexdigest()})
    return daftar


# ---------------------------------------------------------------- backup


def cadangkan(folder: Path) -> dict:
    """Write a backup of the configured database and the private storage into ``folder``."""
    folder = Path(folder)
    if (folder / MANIFEST).exists():
        raise CommandError(f"{folder} sudah berisi cadangan; pilih folder lain.")
    folder.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "postgresql":
        jumlah, arsip_db = _cadangkan_pg(folder), DUMP_PG
    elif connection.vendor == "sqlite":
        jumlah, arsip_db = _cadangkan_sqlite(folder), SALINAN_SQLITE
    else:
        raise CommandError(f"Basis data {connection.vendor} tidak didukung.")
    berkas = _arsipkan_berkas(folder)
    manifest = {
        "versi": VERSI,
        "dibuat": timezone.now().isoformat(),
        "mesin": connection.vendor,
        "basis_data": {"arsip": arsip_db, "sha256": _sha256_berkas(folder / arsip_db)},
        "arsip_berkas": {"arsip": ARSIP_BERKAS, "sha256": _sha256_berkas(folder / ARSIP_BERKAS)},
        "tabel": jumlah,
        "berkas": berkas,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    return manifest


# ---------------------------------------------------------------- restore


def baca_manifest(folder: Path) -> dict:
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except FileNotFoundError:
        raise CommandError(f"{folder / MANIFEST} tidak ada: bukan folder cadangan.") from None
    if manifest.get("versi") != VERSI:
        raise CommandError(f"Versi manifest {manifest.get('versi')} tidak dikenal.")
    for bagian in ("basis_data", "arsip_berkas"):
        jalur = folder / manifest[bagian]["arsip"]
        if not jalur.exists() or _sha256_berkas(jalur) != manifest[bagian]["sha256"]:
            raise CommandError(f"{jalur.name} hilang atau rusak (SHA-256 tidak cocok).")
    return manifest


def _tabel_sekarang() -> list[str]:
    with connection.cursor() as c:
        return connection.introspection.table_names(c)


def _pulihkan_sqlite(arsip: Path) -> None:
    nama = connection.settings_dict["NAME"]
    if connection.is_in_memory_db():
        raise CommandError("Basis data SQLite di memori tidak dapat dipulihkan; pakai berkas.")
    connection.close()
    for akhiran in ("", "-wal", "-shm", "-journal"):
        Path(f"{nama}{akhiran}").unlink(missing_ok=True)
    Path(nama).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(arsip, nama)


def _pulihkan_berkas(arsip: Path) -> None:
    storage = _storage()
    with tarfile.open(arsip, "r") as tar:
        for anggota in tar:
            jalur = PurePosixPath(anggota.name)
            if not anggota.isfile() or jalur.is_absolute() or ".." in jalur.parts:
                raise CommandError(f"Anggota arsip tidak aman: {anggota.name!r}")
            with tar.extractfile(anggota) as f:
                tersimpan = storage.save(anggota.name, File(f, name=anggota.name))
            if tersimpan != anggota.name:
                raise CommandError(f"{anggota.name} tersimpan sebagai {tersimpan}.")


def periksa(manifest: dict) -> list[str]:
    """The differences between the configured database and storage and ``manifest``."""
    beda = []
    with connection.cursor() as c:
        jumlah = _hitung_tabel(c, connection.introspection.table_names(c))
    for t, n in manifest["tabel"].items():
        if jumlah.get(t) != n:
            beda.append(f"tabel {t}: {jumlah.get(t)} baris, manifest {n}")
    beda += [
        f"tabel {t} tidak ada di manifest" for t in sorted(set(jumlah) - set(manifest["tabel"]))
    ]
    storage = _storage()
    ada = set(semua_berkas(storage))
    for b in manifest["berkas"]:
        if b["nama"] not in ada:
            beda.append(f"berkas {b['nama']} hilang")
            continue
        with storage.open(b["nama"], "rb") as f:
            h = hashlib.sha256()
            while potongan := f.read(_POTONGAN):
                h.update(potongan)
        if h.hexdigest() != b["sha256"]:
            beda.append(f"berkas {b['nama']}: SHA-256 berbeda")
    beda += [
        f"berkas {n} tidak ada di manifest"
        for n in sorted(ada - {b["nama"] for b in manifest["berkas"]})
    ]
    return beda


def pulihkan(folder: Path) -> dict:
    """Restore ``folder`` into the configured (empty) database and private storage, then verify
    it against the manifest. Raises ``CommandError`` on any difference."""
    folder = Path(folder)
    manifest = baca_manifest(folder)
    if manifest["mesin"] != connection.vendor:
        raise CommandError(
            f"Cadangan dari {manifest['mesin']} tidak dapat dipulihkan ke {connection.vendor}."
        )
    sd = connection.settings_dict
    if connection.vendor != "sqlite" or connection.is_in_memory_db() or Path(sd["NAME"]).exists():
        if tabel := _tabel_sekarang():
            raise CommandError(
                f"Basis data tujuan tidak kosong ({len(tabel)} tabel): pulihkan ke basis data "
                "baru (createdb)."
            )
    if semua_berkas(_storage()):
        raise CommandError("Penyimpanan berkas privat tujuan tidak kosong.")
    arsip_db = folder / manifest["basis_data"]["arsip"]
    if connection.vendor == "postgresql":
        connection.close()
        arg, env = _pg_argumen(connection.settings_dict)
        _jalankan(
            [
                _program("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                *arg,
                str(arsip_db),
            ],
            env,
        )
    else:
        _pulihkan_sqlite(arsip_db)
    _pulihkan_berkas(folder / manifest["arsip_berkas"]["arsip"])
    if beda := periksa(manifest):
        raise CommandError("Hasil pemulihan tidak cocok dengan manifest:\n" + "\n".join(beda))
    return manifest
