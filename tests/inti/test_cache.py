"""The resilient Redis cache (``pendampingan.inti.cache``) against a Redis that is not there (a
refused port), one that hangs (a port that never answers) and one of the test's own that is stopped
and started again. Nothing is mocked."""

import logging
import time

import pytest
import redis

from pendampingan.inti.cache import CacheTakTerjangkau, ResilientRedisCache, keadaan, ketat
from tests.inti.redis_mati import redis_menggantung, url_mati
from tests.notifikasi.conftest import redis_sendiri  # noqa: F401  (fixture)

pytestmark = pytest.mark.timeout(60)


def _cache(lokasi, **opsi) -> ResilientRedisCache:
    opsi = {"socket_connect_timeout": 0.2, "socket_timeout": 0.3, "PEMUTUS_DETIK": 0.5, **opsi}
    return ResilientRedisCache(lokasi, {"OPTIONS": opsi})


def test_redis_mati_setiap_operasi_dijawab_tanpa_galat_dan_cepat(caplog):
    # no breaker: every operation really tries the closed port
    c = _cache(url_mati(), PEMUTUS_DETIK=0)
    caplog.set_level(logging.WARNING, logger="pendampingan.inti.cache")
    mulai = time.monotonic()
    for _ in range(50):
        assert c.get("a") is None
        assert c.get("a", "bawaan") == "bawaan"
        assert c.get_many(["a", "b"]) == {}
        assert c.has_key("a") is False
        assert c.set("a", 1) is False
        assert c.add("a", 1) is False
        assert c.touch("a") is False
        assert c.delete("a") is False
        assert c.delete_many(["a", "b"]) is None
        assert c.set_many({"a": 1, "b": 2}) == ["a", "b"]
        assert c.get_or_set("a", lambda: 7) == 7
        with pytest.raises(ValueError):  # as Django answers a key that is not there
            c.incr("a")
        assert c.clear() is False
    lama = time.monotonic() - mulai
    assert lama < 2, f"{50 * 13} operations took {lama:.2f}s against a refused port"
    peringatan = [r for r in caplog.records if r.name == "pendampingan.inti.cache"]
    assert len(peringatan) == 1, [r.getMessage() for r in peringatan]  # once per interval
    assert "tidak terjangkau" in peringatan[0].getMessage()


def test_redis_menggantung_pemutus_menghemat_tiap_permintaan():
    with redis_menggantung() as lokasi:
        c = _cache(lokasi, socket_timeout=0.3, PEMUTUS_DETIK=1.0)
        mulai = time.monotonic()
        assert c.get("a") is None
        pertama = time.monotonic() - mulai
        assert 0.25 <= pertama < 1.5, pertama  # one read timeout, not seconds
        mulai = time.monotonic()
        for _ in range(200):
            assert c.get("a") is None
            assert c.set("a", 1) is False
        assert time.monotonic() - mulai < 0.2  # the breaker is open: no network at all
        time.sleep(1.05)
        mulai = time.monotonic()
        assert c.get("a") is None  # the breaker closed again: one more real attempt
        assert time.monotonic() - mulai >= 0.25


def test_ketat_mengangkat_galat_bukan_miss():
    c = _cache(url_mati())
    with ketat(), pytest.raises(CacheTakTerjangkau):
        c.add("a", 1)
    with ketat(), pytest.raises(CacheTakTerjangkau):  # the breaker is open now: at once
        c.get("a")
    assert c.get("a") is None  # outside ketat(): a miss again


def test_hapus_yang_gagal_dijalankan_saat_redis_kembali(redis_sendiri):  # noqa: F811
    c = _cache(redis_sendiri.url, PEMUTUS_DETIK=0.2)
    mentah = redis.Redis.from_url(redis_sendiri.url)
    c.set("lonceng", 3)
    c.set("lain", "lama")
    c.set("tetap", "ya")
    mentah.save()  # the values survive the restart: stale ones are what a lost delete leaves
    redis_sendiri.hentikan()

    assert c.delete("lonceng") is False
    assert c.set("lain", "baru") is False  # an overwrite that did not land is a stale value too
    assert c.get("tetap") is None
    assert keadaan(redis_sendiri.url).hapus_tertunda == {c.make_key("lonceng"), c.make_key("lain")}

    redis_sendiri.mulai()
    assert mentah.exists(c.make_key("lonceng"), c.make_key("lain")) == 2  # stale, on the server
    time.sleep(0.25)  # the breaker period
    # the first question after the outage is answered after the remembered deletes ran
    assert c.get("lonceng") is None
    assert mentah.exists(c.make_key("lonceng"), c.make_key("lain")) == 0
    assert c.get("lain") is None and c.get("tetap") == "ya"
    assert not keadaan(redis_sendiri.url).hapus_tertunda
    assert c.set("lain", "baru") is True and c.get("lain") == "baru"


def test_kunci_tertunda_dibatasi():
    lokasi = url_mati()
    c = _cache(lokasi, HAPUS_TERTUNDA_MAKS=2, PEMUTUS_DETIK=0)
    c.delete_many(["a", "b", "c"])
    k = keadaan(lokasi)
    assert len(k.hapus_tertunda) == 2 and k.hilang == 1
