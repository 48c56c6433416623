"""The real parts for the delivery tests: a Redis (the machine's, or one started here), Celery
worker and beat processes, an SMTP sink (aiosmtpd) and a webhook receiver (http.server).

The worker must see the rows the test commits, so it runs against the test database itself: on
PostgreSQL that is pytest-django's ``test_<name>`` database; on SQLite — whose test database lives
in memory — the fixture ``db_bersama`` copies the freshly migrated in-memory database to a file and
points this process's connection at that file for the test's duration.
"""

from __future__ import annotations

import contextlib
import copy
import http.server
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
CELERY = str(Path(sys.executable).with_name("celery"))
# The machine's Redis for the tests that do not start their own: REDIS_URL_UJI, by default database
# 7 on 127.0.0.1:6379 (runs sharing one Redis may each pick a database; each test has its own
# queue anyway, and nothing is flushed).
REDIS_URL_UJI = os.environ.get("REDIS_URL_UJI", "redis://127.0.0.1:6379/7")


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tunggu(syarat, *, batas: float = 30, jeda: float = 0.1, pesan: str = ""):
    """Poll ``syarat()`` until it is truthy; fail after ``batas`` seconds."""
    akhir = time.monotonic() + batas
    while True:
        hasil = syarat()
        if hasil:
            return hasil
        if time.monotonic() > akhir:
            raise AssertionError(f"waktu habis ({batas}s): {pesan or syarat}")
        time.sleep(jeda)


def redis_hidup(host="127.0.0.1", port=6379) -> bool:
    """Does a Redis answer PING at ``host:port``?"""
    try:
        with socket.create_connection((host, port), timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


# ---------------------------------------------------------------- database shared with the worker


def url_database(settings_dict) -> str:
    """A DATABASE_URL for django-environ that reaches the same database as ``settings_dict``."""
    engine = settings_dict["ENGINE"]
    if engine.endswith("sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    user = quote(settings_dict.get("USER") or "")
    pw = quote(settings_dict.get("PASSWORD") or "")
    cred = f"{user}:{pw}@" if pw else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or "5432"
    return f"postgres://{cred}{host}:{port}/{settings_dict['NAME']}"


@contextlib.contextmanager
def database_berkas(tmp_path: Path):
    """Yield the DATABASE_URL a worker process can use to reach this test's database."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connections

    lama = connections["default"]
    if lama.vendor != "sqlite" or not lama.is_in_memory_db():
        yield url_database(lama.settings_dict)
        return
    berkas = tmp_path / "uji-bersama.sqlite3"
    lama.ensure_connection()
    tujuan = sqlite3.connect(berkas)
    lama.connection.backup(tujuan)
    tujuan.close()
    sd = copy.deepcopy(lama.settings_dict)
    sd["NAME"] = str(berkas)
    baru = lama.__class__(sd, alias="default")
    connections["default"] = baru
    ContentType.objects.clear_cache()  # ids as they are in this database, not a previous one
    try:
        yield url_database(sd)
    finally:
        baru.close()
        connections["default"] = lama


# ---------------------------------------------------------------- Celery processes


@dataclass
class Proses:
    nama: str
    popen: subprocess.Popen
    log: Path

    def teks(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def bunuh(self, sinyal=signal.SIGKILL):
        """Signal the whole process group (a prefork worker's children too)."""
        if self.popen.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, sinyal)
        self.popen.wait(timeout=30)

    def hentikan(self):
        if self.popen.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.bunuh()


@dataclass
class Tumpukan:
    """Starts Celery processes with one environment and stops them all at the end."""

    env: dict
    folder: Path
    antrian: str = "celery"
    proses: list[Proses] = field(default_factory=list)

    def _mulai(self, nama: str, argumen: list[str], siap: str, batas: float = 60) -> Proses:
        log = self.folder / f"{nama}-{len(self.proses)}.log"
        f = log.open("wb")
        p = subprocess.Popen(
            [CELERY, "-A", "config.celery_app", *argumen],
            cwd=ROOT,
            env=self.env,
            stdout=f,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        f.close()
        pr = Proses(nama, p, log)
        self.proses.append(pr)
        tunggu(
            lambda: siap in pr.teks() or p.poll() is not None,
            batas=batas,
            pesan=f"{nama} siap",
        )
        assert p.poll() is None, f"{nama} berhenti:\n{pr.teks()[-3000:]}"
        return pr

    def pekerja(self, *, concurrency: int = 1, pool: str = "prefork") -> Proses:
        return self._mulai(
            "pekerja",
            [
                "worker",
                "--loglevel=INFO",
                f"--pool={pool}",
                f"--concurrency={concurrency}",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-Q",
                self.antrian,
                "-n",
                f"{self.antrian}-{len(self.proses)}@%h",
            ],
            siap="ready.",
        )

    def beat(self) -> Proses:
        return self._mulai(
            "beat",
            [
                "beat",
                "--loglevel=INFO",
                "--scheduler=django_celery_beat.schedulers:DatabaseScheduler",
                "--max-interval=1",
                f"--pidfile={self.folder / 'beat.pid'}",
            ],
            siap="beat: Starting",
        )

    def hentikan_semua(self):
        for p in reversed(self.proses):
            p.hentikan()


# ---------------------------------------------------------------- a Redis of our own


@dataclass
class RedisSendiri:
    """A redis-server on its own port, which a test may stop and start again."""

    port: int
    folder: Path
    popen: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def mulai(self):
        self.popen = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        tunggu(lambda: redis_hidup(port=self.port), batas=15, pesan="redis-server siap")

    def hentikan(self):
        if self.popen and self.popen.poll() is None:
            self.popen.terminate()
            self.popen.wait(timeout=15)
        tunggu(lambda: not redis_hidup(port=self.port), batas=10, pesan="redis-server berhenti")


# ---------------------------------------------------------------- the webhook receiver


@dataclass
class Permintaan:
    header: dict
    badan: bytes
    waktu: float

    @property
    def kunci(self) -> str:
        return self.header.get("Idempotency-Key", "")

    def json(self):
        return json.loads(self.badan)


class PenerimaWebhook:
    """A local HTTP server in a thread. ``jawaban`` is the list of status codes to answer in turn
    (the last one repeats); ``tahan`` makes the next request wait until ``lepas()``."""

    def __init__(self, jawaban=(200,)):
        self.jawaban = list(jawaban)
        self.diterima: list[Permintaan] = []
        self.kunci_lock = threading.Lock()
        self.tahan_berikutnya = False
        self.sedang_ditahan = threading.Event()
        self._lepas = threading.Event()
        penerima = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                panjang = int(self.headers.get("Content-Length", 0))
                badan = self.rfile.read(panjang)
                with penerima.kunci_lock:
                    penerima.diterima.append(
                        Permintaan(dict(self.headers.items()), badan, time.monotonic())
                    )
                    n = len(penerima.diterima)
                    kode = penerima.jawaban[min(n, len(penerima.jawaban)) - 1]
                    tahan = penerima.tahan_berikutnya
                    penerima.tahan_berikutnya = False
                if tahan:
                    penerima.sedang_ditahan.set()
                    penerima._lepas.wait(60)
                with contextlib.suppress(OSError):
                    self.send_response(kode)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(b'{"ok": true}' if kode < 400 else b'{"galat": "uji"}')

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/webhook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def tahan(self):
        self.tahan_berikutnya = True

    def lepas(self):
        self._lepas.set()

    def kunci_diterima(self) -> list[str]:
        with self.kunci_lock:
            return [p.kunci for p in self.diterima]

    def tutup(self):
        self._lepas.set()
        self.server.shutdown()
        self.server.server_close()


# ---------------------------------------------------------------- the SMTP sink


class KotakSmtp:
    """aiosmtpd on a free port; ``surat`` collects (envelope recipients, raw message bytes).
    ``tolak_penerima`` set to an SMTP reply (e.g. "550 5.1.1 tidak ada") refuses every RCPT."""

    def __init__(self):
        from aiosmtpd.controller import Controller

        kotak = self
        self.surat: list[tuple[list[str], bytes]] = []
        self.tolak_penerima: str | None = None

        class Handler:
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if kotak.tolak_penerima:
                    return kotak.tolak_penerima
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, server, session, envelope):
                kotak.surat.append((list(envelope.rcpt_tos), envelope.original_content))
                return "250 OK"

        self.port = port_bebas()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()
        self.url = f"smtp://127.0.0.1:{self.port}"

    def tutup(self):
        self.controller.stop()
