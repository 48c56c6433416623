"""A Redis cache that degrades instead of failing: the cache of every deployment with ``REDIS_URL``.

Redis is an accelerator here, never the record (the database is). So when Redis cannot be reached:

- a read answers as a miss (``get`` → the default, ``get_many`` → ``{}``, ``has_key`` → False) and
  the caller computes the value from the database, as on any miss;
- a write answers as not done (``set``/``add``/``touch``/``delete`` → False) and never raises;
- a write or delete that did not reach Redis may have left an old value there (an invalidation
  lost), so its key is remembered in this process and deleted first thing when Redis answers again,
  before that answer is used (``hapus_tertunda``). Keys a process could not remember (it restarted,
  or more than ``HAPUS_TERTUNDA_MAKS`` piled up) still expire: the keys that matter are short-lived;
- a short circuit breaker (``PEMUTUS_DETIK``) spares every request the connect attempt: after a
  failure, the operations of the next seconds answer at once without touching the network; then
  one tries again. Sockets have short timeouts (the settings), so a hung Redis costs a fraction of a
  second, once per breaker period, not seconds per request;
- one warning per ``PERINGATAN_DETIK`` says Redis is unreachable (with the count since the last),
  and one line says when it answers again.

A caller for whom a miss is not an answer (the public rate limit: "no count" is not "zero") wraps
its calls in ``ketat()``; there the unreachable cache raises ``CacheTakTerjangkau`` instead, and the
caller falls back to the database. ``incr`` on a missing key still raises ``ValueError``, as in
Django. The state is per process and per location, shared by the threads' backend instances.
"""

from __future__ import annotations

import contextvars
import logging
import math
import threading
import time
from contextlib import contextmanager

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

log = logging.getLogger(__name__)


class CacheTakTerjangkau(Exception):
    """Raised inside ``ketat()`` where the cache would otherwise answer a miss: Redis is down."""


_ketat: contextvars.ContextVar[bool] = contextvars.ContextVar("cache_ketat", default=False)


@contextmanager
def ketat():
    """Within this block an unreachable cache raises ``CacheTakTerjangkau`` (backends other than
    ``ResilientRedisCache`` raise what they raise)."""
    token = _ketat.set(True)
    try:
        yield
    finally:
        _ketat.reset(token)


class _Keadaan:
    """What one process knows of one Redis location: the breaker, the warning clock, and the keys
    whose delete (or overwrite) did not reach it."""

    def __init__(self):
        self.kunci = threading.Lock()
        self.terbuka_sampai = 0.0  # breaker open until this monotonic time
        self.mati = False  # the last attempt failed
        self.peringatan_terakhir = -math.inf
        self.gagal_sejak_peringatan = 0
        self.gagal_total = 0
        self.hapus_tertunda: set[str] = set()
        self.hilang = 0  # invalidations that did not fit in ``hapus_tertunda``


_keadaan: dict[str, _Keadaan] = {}
_keadaan_kunci = threading.Lock()


def keadaan(lokasi: str) -> _Keadaan:
    with _keadaan_kunci:
        return _keadaan.setdefault(lokasi, _Keadaan())


class ResilientRedisCache(RedisCache):
    """Django's ``RedisCache`` that answers a miss (reads) or "not done" (writes) when Redis cannot
    be reached, remembers the keys it could not invalidate, and has a short circuit breaker.

    OPTIONS of its own (the rest go to redis-py's pool as usual, e.g. ``socket_timeout``):
    ``PEMUTUS_DETIK`` (breaker period, default 5), ``PERINGATAN_DETIK`` (at most one warning per
    period, default 60), ``HAPUS_TERTUNDA_MAKS`` (remembered keys, default 10,000)."""

    def __init__(self, server, params):
        params = dict(params)
        opsi = dict(params.get("OPTIONS") or {})
        self.pemutus_detik = float(opsi.pop("PEMUTUS_DETIK", 5))
        self.peringatan_detik = float(opsi.pop("PERINGATAN_DETIK", 60))
        self.tertunda_maks = int(opsi.pop("HAPUS_TERTUNDA_MAKS", 10_000))
        opsi.setdefault("socket_connect_timeout", 0.25)
        opsi.setdefault("socket_timeout", 0.5)
        params["OPTIONS"] = opsi
        super().__init__(server, params)
        self._lokasi = server if isinstance(server, str) else ",".join(server)
        self._k = keadaan(self._lokasi)

    # ------------------------------------------------------------ the machinery

    @staticmethod
    def _galat():
        import redis

        return (redis.exceptions.RedisError, OSError)

    def _ingat_hapus(self, kunci_penuh) -> None:
        if not kunci_penuh:
            return
        k = self._k
        with k.kunci:
            for kunci in kunci_penuh:
                if len(k.hapus_tertunda) >= self.tertunda_maks and kunci not in k.hapus_tertunda:
                    k.hilang += 1
                    continue
                k.hapus_tertunda.add(kunci)

    def _catat_gagal(self, operasi: str, exc: BaseException | None) -> None:
        k = self._k
        sekarang = time.monotonic()
        with k.kunci:
            k.terbuka_sampai = sekarang + self.pemutus_detik
            k.mati = True
            k.gagal_sejak_peringatan += 1
            k.gagal_total += 1
            if sekarang - k.peringatan_terakhir < self.peringatan_detik:
                return
            n, k.gagal_sejak_peringatan = k.gagal_sejak_peringatan, 0
            k.peringatan_terakhir = sekarang
            tertunda, hilang = len(k.hapus_tertunda), k.hilang
        log.warning(
            "Cache Redis %s tidak terjangkau (%s pada %s); dijawab sebagai miss, dicoba lagi tiap "
            "%ss. %d kegagalan sejak peringatan terakhir; %d kunci menunggu dihapus%s.",
            self._lokasi,
            type(exc).__name__ if exc else "pemutus terbuka",
            operasi,
            self.pemutus_detik,
            n,
            tertunda,
            f", {hilang} tidak tercatat (kedaluwarsa sendiri)" if hilang else "",
        )

    def _catat_pulih(self, dihapus: int) -> None:
        k = self._k
        with k.kunci:
            if not k.mati:
                return
            k.mati = False
            n, k.gagal_total = k.gagal_total, 0
            k.gagal_sejak_peringatan = 0
            k.peringatan_terakhir = -math.inf
            hilang, k.hilang = k.hilang, 0
        log.warning(
            "Cache Redis %s terjangkau lagi setelah %d kegagalan; %d kunci tertunda dihapus%s.",
            self._lokasi,
            n,
            dihapus,
            f" ({hilang} tidak tercatat)" if hilang else "",
        )

    def _tertutup(self) -> bool:
        return time.monotonic() >= self._k.terbuka_sampai

    def _hapus_tertunda(self) -> int:
        """Delete the remembered keys before anything else is asked of Redis. Raises on failure."""
        k = self._k
        with k.kunci:
            kunci = list(k.hapus_tertunda)
        if kunci:
            for i in range(0, len(kunci), 500):
                self._cache.delete_many(kunci[i : i + 500])
            with k.kunci:
                k.hapus_tertunda.difference_update(kunci)
        return len(kunci)

    def _jalankan(self, operasi: str, fungsi, gagal, *, ingat=()):
        """Run ``fungsi()`` against Redis; on an unreachable Redis remember ``ingat`` (full keys)
        for deletion and answer ``gagal`` (or raise ``CacheTakTerjangkau`` inside ``ketat()``)."""
        exc = None
        if self._tertutup():
            try:
                dihapus = self._hapus_tertunda() if self._k.hapus_tertunda else 0
                hasil = fungsi()
            except self._galat() as e:
                exc = e
            else:
                if self._k.mati:
                    self._catat_pulih(dihapus)
                return hasil
        self._ingat_hapus(ingat)
        self._catat_gagal(operasi, exc)
        if _ketat.get():
            raise CacheTakTerjangkau(f"cache Redis {self._lokasi} tidak terjangkau") from exc
        return gagal

    # ------------------------------------------------------------ the cache API

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        t = self.get_backend_timeout(timeout)
        return self._jalankan("add", lambda: self._cache.add(key, value, t), False)

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._jalankan("get", lambda: self._cache.get(key, default), default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        t = self.get_backend_timeout(timeout)

        def fungsi():
            self._cache.set(key, value, t)
            return True

        # Django's set returns None; False here tells a caller who cares that it did not land
        return self._jalankan("set", fungsi, False, ingat=[key])

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        t = self.get_backend_timeout(timeout)
        return self._jalankan("touch", lambda: self._cache.touch(key, t), False)

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._jalankan("delete", lambda: self._cache.delete(key), False, ingat=[key])

    def get_many(self, keys, version=None):
        peta = {self.make_and_validate_key(k, version=version): k for k in keys}
        if not peta:
            return {}
        hasil = self._jalankan("get_many", lambda: self._cache.get_many(list(peta)), {})
        return {peta[k]: v for k, v in hasil.items()}

    def has_key(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._jalankan("has_key", lambda: self._cache.has_key(key), False)

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        hasil = self._jalankan("incr", lambda: self._cache.incr(key, delta), None)
        if hasil is None:  # unreachable: as Django answers a key that is not there
            raise ValueError(f"Key '{key}' not found (cache tidak terjangkau).")
        return hasil

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        if not data:
            return []
        aman = {self.make_and_validate_key(k, version=version): v for k, v in data.items()}
        t = self.get_backend_timeout(timeout)

        def fungsi():
            self._cache.set_many(aman, t)
            return []

        return self._jalankan("set_many", fungsi, list(data), ingat=list(aman))

    def delete_many(self, keys, version=None):
        aman = [self.make_and_validate_key(k, version=version) for k in keys]
        if aman:
            self._jalankan("delete_many", lambda: self._cache.delete_many(aman), None, ingat=aman)

    def clear(self):
        return self._jalankan("clear", self._cache.clear, False)
