"""gunicorn for the fault rehearsals: ``gunicorn -c config/gunicorn.conf.py`` — the repository's
own config — on a free port of 127.0.0.1, with few workers and the production-like settings of
``tests.keandalan.pengaturan_web`` on a database the test names.

    with Gunicorn(database_url=..., folder=tmp_path) as web:
        requests.get(web.url + "/akun/login/")

Redis and Celery stay out unless ``env`` brings them (``REDIS_URL``, ``CELERY_BROKER_URL``): the
cache is then each worker's memory and tasks run inline after commit.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from tests.notifikasi.layanan import ROOT, port_bebas, tunggu

GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
# environment of the test run that must not leak into the server
_TANPA = ("REDIS_URL", "CELERY_BROKER_URL", "CACHE_URL", "DJANGO_DEBUG", "SENTRY_DSN")


@dataclass
class Gunicorn:
    database_url: str
    folder: Path
    workers: int = 2
    threads: int = 4
    env: dict = field(default_factory=dict)
    port: int = field(default_factory=port_bebas)
    popen: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> Path:
        return self.folder / f"gunicorn-{self.port}.log"

    def teks(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def _env(self) -> dict:
        env = {k: v for k, v in os.environ.items() if k not in _TANPA}
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "tests.keandalan.pengaturan_web",
                "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
                "DATABASE_URL": self.database_url,
                "MEDIA_ROOT": str(self.folder / "media"),
                "BERKAS_PRIVAT_ROOT": str(self.folder / "privat"),
                "GUNICORN_BIND": f"127.0.0.1:{self.port}",
                "GUNICORN_WORKERS": str(self.workers),
                "GUNICORN_THREADS": str(self.threads),
                "GUNICORN_GRACEFUL_TIMEOUT": "5",
                "PYTHONUNBUFFERED": "1",
            }
        )
        env.update(self.env)
        return env

    def _menjawab(self) -> bool:
        """A worker answers HTTP (any status: the database may be down on purpose)."""
        try:
            with urllib.request.urlopen(self.url + "/akun/login/", timeout=2):
                return True
        except urllib.error.HTTPError:
            return True
        except OSError:
            return False

    def mulai(self, batas: float = 60) -> Gunicorn:
        with self.log.open("wb") as f:
            self.popen = subprocess.Popen(
                # no control socket: its default path is one per user, shared by every gunicorn here
                [GUNICORN, "-c", "config/gunicorn.conf.py", "--no-control-socket"],
                cwd=ROOT,
                env=self._env(),
                stdout=f,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            tunggu(
                lambda: self.popen.poll() is not None or self._menjawab(),
                batas=batas,
                jeda=0.2,
                pesan="gunicorn menjawab",
            )
            assert self.popen.poll() is None, f"gunicorn berhenti:\n{self.teks()[-4000:]}"
        except BaseException:
            self.hentikan()  # ``with`` never reaches __exit__ when __enter__ fails
            raise
        return self

    def hentikan(self):
        """SIGTERM to the process group (graceful), SIGKILL after 15 s."""
        if self.popen is None or self.popen.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.popen.pid, signal.SIGTERM)
        try:
            self.popen.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(timeout=15)

    def __enter__(self) -> Gunicorn:
        return self.mulai()

    def __exit__(self, *exc):
        self.hentikan()
