"""Fixtures of the real-services delivery tests (see ``layanan.py``)."""

from __future__ import annotations

import contextlib
import os
import uuid

import pytest

from . import layanan

# What the worker and this process agree on: short backoff, grace and sweep period.
PENGATURAN_UJI = {
    "NOTIFIKASI_BACKOFF_DASAR_DETIK": "0.3",
    "NOTIFIKASI_BACKOFF_MAKS_DETIK": "2",
    "NOTIFIKASI_ANTRE_TENGGANG_DETIK": "1",
    "NOTIFIKASI_SAPU_DETIK": "1",
    "NOTIFIKASI_WEBHOOK_TIMEOUT": "30",
}
# The recovery timings: ``Nyata.mulai(..., pemulihan_bawaan=True)`` leaves them at the production
# defaults (config/settings/base.py), for the tests that measure the promised bounds.
PENGATURAN_PEMULIHAN = (
    "NOTIFIKASI_ANTRE_TENGGANG_DETIK",
    "NOTIFIKASI_SAPU_DETIK",
    "NOTIFIKASI_SEWA_DETIK",
    "NOTIFIKASI_SEWA_PERPANJANG_DETIK",
)


def _tanpa_redis(alasan: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{alasan} (CI=true: Redis wajib ada untuk uji pengiriman nyata)")
    pytest.skip(f"{alasan}: uji pengiriman nyata butuh Redis; jalankan `redis-server`.")


@pytest.fixture
def redis_mesin():
    """The machine's Redis at ``REDIS_URL_UJI`` (default 127.0.0.1:6379, database 7). Not emptied:
    other runs of this suite (other worktrees, CI jobs) may be using it; each test has its own
    queue (``Nyata.antrian``)."""
    from urllib.parse import urlsplit

    url = urlsplit(layanan.REDIS_URL_UJI)
    if not layanan.redis_hidup(url.hostname or "127.0.0.1", url.port or 6379):
        _tanpa_redis(f"Redis tidak berjalan di {url.hostname}:{url.port}")
    return layanan.REDIS_URL_UJI


@pytest.fixture
def redis_sendiri(tmp_path):
    """A redis-server of this test's own, on a free port, that the test may stop and restart."""
    import shutil

    if not shutil.which("redis-server"):
        _tanpa_redis("redis-server tidak terpasang")
    r = layanan.RedisSendiri(port=layanan.port_bebas(), folder=tmp_path)
    r.mulai()
    yield r
    with contextlib.suppress(Exception):
        r.hentikan()


@pytest.fixture
def webhook():
    w = layanan.PenerimaWebhook()
    yield w
    w.tutup()


@pytest.fixture
def smtp():
    k = layanan.KotakSmtp()
    yield k
    k.tutup()


@contextlib.contextmanager
def _celery_ke(broker_url: str, antrian: str):
    """Make this process publish tasks to queue ``antrian`` at ``broker_url`` instead of running
    them inline."""
    from kombu import pools

    from config.celery_app import app

    def _reset():
        pools.reset()  # the process-wide connection and producer pools
        app._pool = None
        app.__dict__.pop("amqp", None)  # queues and router are rebuilt from the conf

    lama = (app.conf.task_always_eager, app.conf.broker_url, app.conf.task_default_queue)
    app.conf.task_always_eager = False
    app.conf.broker_url = broker_url
    app.conf.task_default_queue = antrian
    _reset()
    try:
        yield
    finally:
        app.conf.task_always_eager, app.conf.broker_url, app.conf.task_default_queue = lama
        _reset()


class Nyata:
    def __init__(self, db_url, folder, smtp, settings):
        self.db_url, self.folder, self.smtp = db_url, folder, smtp
        self.settings = settings
        self.tumpukan: layanan.Tumpukan | None = None
        self._celery = None
        self.broker_url = ""
        # this test's own queue: runs of the suite sharing the Redis never take each other's tasks
        self.antrian = f"notifikasi-uji-{uuid.uuid4().hex[:10]}"

    def mulai(self, broker_url: str, *, pemulihan_bawaan: bool = False) -> layanan.Tumpukan:
        """Point this process and the Celery processes to come at ``broker_url``. With
        ``pemulihan_bawaan`` the lease, grace and sweep period are the production defaults."""
        pengaturan = {
            k: v
            for k, v in PENGATURAN_UJI.items()
            if not (pemulihan_bawaan and k in PENGATURAN_PEMULIHAN)
        }
        env = {k: v for k, v in os.environ.items() if k not in PENGATURAN_PEMULIHAN}
        env = {
            **env,
            **pengaturan,
            "DJANGO_SETTINGS_MODULE": "tests.notifikasi.pengaturan_pekerja",
            "DATABASE_URL": self.db_url,
            "CELERY_BROKER_URL": broker_url,
            "CELERY_TASK_DEFAULT_QUEUE": self.antrian,
            "EMAIL_URL": self.smtp.url,
            "PYTHONUNBUFFERED": "1",
        }
        env.pop("REDIS_URL", None)
        self.broker_url = broker_url
        # the Celery conf first (it reads the Django settings: capture them before they change)
        self._celery = _celery_ke(broker_url, self.antrian)
        self._celery.__enter__()
        for k, v in pengaturan.items():
            setattr(self.settings, k, float(v))
        self.settings.CELERY_TASK_ALWAYS_EAGER = False
        self.tumpukan = layanan.Tumpukan(env=env, folder=self.folder, antrian=self.antrian)
        return self.tumpukan

    def tutup(self):
        if self.tumpukan:
            self.tumpukan.hentikan_semua()
        if self._celery:
            self._celery.__exit__(None, None, None)
        with contextlib.suppress(Exception):  # the queue's leftovers (e.g. the killed worker's)
            import redis

            redis.Redis.from_url(self.broker_url, socket_timeout=2).delete(self.antrian)

    def log(self) -> str:
        if not self.tumpukan:
            return ""
        return "\n".join(f"--- {p.nama}\n{p.teks()[-4000:]}" for p in self.tumpukan.proses)


@pytest.fixture
def nyata(transactional_db, tmp_path, smtp, settings):
    """The test database shared with Celery processes started by the test; stops them after."""
    with layanan.database_berkas(tmp_path) as db_url:
        n = Nyata(db_url, tmp_path, smtp, settings)
        try:
            yield n
        finally:
            n.tutup()
