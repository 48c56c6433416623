"""A Redis that is not there, for the fallback tests: the cache (or the Celery broker) pointed at a
real port of this machine where nothing listens — a refused connection, not a mock."""

from __future__ import annotations

import contextlib
import socket
import uuid

import pytest

from tests.notifikasi.layanan import port_bebas

BACKEND = "pendampingan.inti.cache.ResilientRedisCache"


def url_mati() -> str:
    """A Redis URL at a free port of 127.0.0.1 (nothing listens there)."""
    return f"redis://127.0.0.1:{port_bebas()}/0"


def cache_di(lokasi: str, **opsi) -> dict:
    """A CACHES entry of the resilient backend at ``lokasi`` with the test's short timeouts."""
    return {
        "BACKEND": BACKEND,
        "LOCATION": lokasi,
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.3, **opsi},
    }


@pytest.fixture
def cache_mati(settings):
    """The default cache is the resilient Redis cache at a port where nothing listens."""
    lokasi = url_mati()
    settings.CACHES = {"default": cache_di(lokasi)}
    return lokasi


@contextlib.contextmanager
def broker_mati():
    """Within: tasks are published (not run inline) to a Redis broker at a port where nothing
    listens. After: inline again, as the test settings have it."""
    from tests.notifikasi.conftest import _celery_ke

    with _celery_ke(url_mati(), f"uji-mati-{uuid.uuid4().hex[:8]}"):
        yield


@contextlib.contextmanager
def redis_menggantung():
    """A TCP port that accepts connections (the kernel's backlog) and never answers: a hung Redis.
    Yields its redis:// URL."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(64)
    try:
        yield f"redis://127.0.0.1:{s.getsockname()[1]}/0"
    finally:
        s.close()
