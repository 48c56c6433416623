"""A PostgreSQL cluster of a test's own: ``initdb`` into a temporary folder, ``pg_ctl`` on a free
port, so a test may stop and restart it without touching the machine's shared cluster on 5432.

Run as root, every server command runs as the ``postgres`` user (``initdb`` refuses root); the
folder is made in /tmp (pytest's tmp_path is not reachable by that user) and removed at the end.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.notifikasi.layanan import port_bebas


def folder_bin() -> Path | None:
    """The folder of the server binaries (``pg_config --bindir``, else the newest Debian one)."""
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        keluar = subprocess.run(["pg_config", "--bindir"], capture_output=True, check=True)
        bindir = Path(keluar.stdout.decode().strip())
        if (bindir / "initdb").exists():
            return bindir
    kandidat = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: p.parts)
    return kandidat[-1].parent if kandidat else None


@dataclass
class KlasterPostgres:
    """``buat()`` then ``mulai()``; ``mulai_ulang()`` is ``pg_ctl restart -m fast``; ``hapus()``
    stops it (immediately) and removes its folder."""

    port: int = field(default_factory=port_bebas)
    bindir: Path | None = field(default_factory=folder_bin)
    folder: Path | None = None

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    def url(self, nama: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{nama}"

    def _jalankan(self, program: str, *argumen: str, batas: float = 60):
        """Run a server program as the cluster's owner. Its output goes to a file, not a pipe: a
        server that ``pg_ctl`` starts inherits the descriptors and would hold a pipe open."""
        perintah = [str(self.bindir / program), *argumen]
        if os.geteuid() == 0:
            perintah = ["runuser", "-u", "postgres", "--", *perintah]
        keluaran = self.folder / "perintah.log"
        with keluaran.open("ab") as f:
            hasil = subprocess.run(perintah, stdout=f, stderr=subprocess.STDOUT, timeout=batas)
        if hasil.returncode != 0:
            raise AssertionError(
                f"{program} gagal ({hasil.returncode}):\n{keluaran.read_text(errors='replace')}"
                f"\n{self.log.read_text(errors='replace') if self.log.exists() else ''}"
            )

    def buat(self):
        assert self.bindir is not None, "initdb tidak ditemukan"
        self.folder = Path(tempfile.mkdtemp(prefix="pg-uji-"))
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        (self.folder / "perintah.log").touch()
        self._jalankan(
            "initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
            "--locale=C", "--no-sync",
        )  # fmt: skip

    def mulai(self):
        opsi = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} "
            "-c fsync=off -c max_connections=50 -c shared_buffers=32MB"
        )
        self._jalankan(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "30", "-o", opsi,
            "start",
        )  # fmt: skip

    def mulai_ulang(self) -> float:
        """``pg_ctl restart -m fast`` (open connections are terminated, new ones refused until it
        is back); returns when the server accepts connections again: ``time.monotonic()``."""
        self._jalankan(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-m", "fast", "-w", "-t", "30",
            "restart",
        )  # fmt: skip
        return time.monotonic()

    def siap(self) -> bool:
        hasil = subprocess.run(
            [str(self.bindir / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port), "-q"],
            check=False,
        )
        return hasil.returncode == 0

    def psql(self, nama: str, *argumen: str, masukan: bytes | None = None, batas: float = 60):
        return subprocess.run(
            [str(self.bindir / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
             "-d", nama, "-v", "ON_ERROR_STOP=1", "-q", *argumen],
            input=masukan, check=True, capture_output=True, timeout=batas,
        )  # fmt: skip

    def buat_database(self, nama: str):
        self.psql("postgres", "-c", f'CREATE DATABASE "{nama}"')

    def salin_dari(self, url_sumber: str, nama: str):
        """Copy a database of another server (schema and rows) into ``nama`` here."""
        dump = subprocess.run(
            [str(self.bindir / "pg_dump"), "--no-owner", "--no-privileges", "-d", url_sumber],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        self.psql(nama, masukan=dump.stdout, batas=120)

    def hapus(self):
        if self.folder is None:
            return
        if (self.data / "postmaster.pid").exists():
            with contextlib.suppress(subprocess.SubprocessError, OSError):
                self._jalankan("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None


@contextlib.contextmanager
def koneksi_ke(url: str, django_db_blocker=None):
    """Point this process's default connection at ``url`` for the block (to write a test's data
    into another server with the usual factories); the previous connection is put back after."""
    import environ
    from django.contrib.contenttypes.models import ContentType
    from django.db import connections
    from django.db.utils import load_backend

    sd = connections.configure_settings({"default": environ.Env.db_url_config(url)})["default"]
    lama = connections["default"]
    baru = load_backend(sd["ENGINE"]).DatabaseWrapper(sd, "default")
    connections["default"] = baru
    ContentType.objects.clear_cache()  # ids as they are in that database
    buka = django_db_blocker.unblock() if django_db_blocker else contextlib.nullcontext()
    try:
        with buka:
            yield baru
    finally:
        baru.close()
        connections["default"] = lama
        ContentType.objects.clear_cache()
