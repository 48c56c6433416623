"""/sehat/ and /siap/: answered before any other middleware, cheap, quick to fail, never a 500.
Redis is a real redis-server of the test's own (stopped mid-test) and a socket that accepts and
never answers; the database is a real connection to a database that is not there."""

from __future__ import annotations

import copy
import datetime
import re
import socket
import time
import uuid

import pytest
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pendampingan.inti import kesehatan
from pendampingan.notifikasi.models import Pesan, StatusPesan
from tests.notifikasi.layanan import port_bebas

pytestmark = [pytest.mark.django_db, pytest.mark.timeout(60)]


@pytest.fixture(autouse=True)
def _segar():
    """Each test measures for itself: no Redis client or passed migration check carried over."""
    kesehatan._klien_redis.clear()
    kesehatan._migrasi_lengkap = False
    yield
    kesehatan._klien_redis.clear()
    kesehatan._migrasi_lengkap = False


def _pesan(status=StatusPesan.ANTRE, **ubah) -> Pesan:
    p = Pesan.objects.create(
        saluran="email",
        peristiwa="uji.kesehatan",
        alamat="pusdalops@example.id",
        subjek="Uji",
        isi="Uji",
        kunci=uuid.uuid4().hex,
        status=status,
    )
    if ubah:
        Pesan.objects.filter(pk=p.pk).update(**ubah)
    return p


def test_sehat_tanpa_query_tanpa_host_dan_tanpa_pengalihan(
    client, settings, django_assert_num_queries
):
    settings.ALLOWED_HOSTS = ["pendampingan.example.id"]
    settings.SECURE_SSL_REDIRECT = True
    with django_assert_num_queries(0):
        r = client.get("/sehat/", HTTP_HOST="10.0.0.7")  # a load balancer probes by IP
    assert r.status_code == 200
    assert r.json() == {"status": "ok"}
    assert r["Cache-Control"].startswith("no-store")
    r = client.get("/siap/", HTTP_HOST="10.0.0.7")
    assert r.status_code == 200, r.content
    # the same settings do refuse that host and redirect plain HTTP everywhere else
    assert client.get("/akun/login/", HTTP_HOST="10.0.0.7").status_code == 400
    r = client.get("/akun/login/", HTTP_HOST="pendampingan.example.id")
    assert r.status_code == 301 and r["Location"].startswith("https://")


def test_siap_semua_pemeriksaan_lulus(client):
    r = client.get("/siap/")
    assert r.status_code == 200
    badan = r.json()
    assert badan["status"] == "ok" and badan["gagal"] == []
    p = badan["pemeriksaan"]
    assert set(p) == {"basis_data", "migrasi", "antrean", "redis"}
    assert p["migrasi"] == {"ok": True, "belum": 0}
    assert p["redis"] == {"ok": True, "dilewati": "tidak dikonfigurasi"}
    assert p["antrean"]["jumlah"] == 0
    assert client.post("/siap/").status_code == 405
    assert client.head("/sehat/").status_code == 200


def test_redis_mati_503_dalam_sedetik(client, settings, redis_sendiri):
    settings.REDIS_URL = redis_sendiri.url
    r = client.get("/siap/")
    assert r.status_code == 200, r.content
    assert r.json()["pemeriksaan"]["redis"]["ok"] is True
    redis_sendiri.hentikan()
    # by default a dead Redis is reported, not a reason to take the node out (pages still work)
    r = client.get("/siap/")
    assert r.status_code == 200 and r.json()["status"] == "terdegradasi", r.content
    assert r.json()["gagal"] == ["redis"]
    settings.SIAP_WAJIB = ["basis_data", "migrasi", "redis", "broker", "antrean"]
    mulai = time.monotonic()
    r = client.get("/siap/")
    assert time.monotonic() - mulai < 1.0
    assert r.status_code == 503 and r.json()["status"] == "gagal"
    assert r.json()["gagal"] == ["redis"]
    assert r.json()["pemeriksaan"]["redis"] == {"ok": False, "galat": "ConnectionError"}
    # liveness does not care
    assert client.get("/sehat/").status_code == 200


def test_redis_yang_tidak_menjawab_503_dalam_batas_waktu(client, settings):
    """A Redis that accepts the connection and never answers (a hung server)."""
    with socket.socket() as diam:
        diam.bind(("127.0.0.1", 0))
        diam.listen(8)  # the kernel completes the handshake; nobody reads
        settings.REDIS_URL = f"redis://127.0.0.1:{diam.getsockname()[1]}/0"
        settings.SIAP_BATAS_WAKTU_DETIK = 0.5
        settings.SIAP_WAJIB = ["basis_data", "migrasi", "redis", "broker", "antrean"]
        mulai = time.monotonic()
        r = client.get("/siap/")
        lama = time.monotonic() - mulai
    assert r.status_code == 503
    assert r.json()["gagal"] == ["redis"]
    assert 0.4 < lama < 2.0, lama


def test_broker_redis_lain_juga_diperiksa(client, settings):
    settings.REDIS_URL = ""
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{port_bebas()}/0"
    settings.SIAP_WAJIB = ["basis_data", "migrasi", "redis", "broker", "antrean"]
    r = client.get("/siap/")
    assert r.status_code == 503
    assert r.json()["gagal"] == ["broker"]


def test_antrean_macet_503(client, settings):
    settings.SIAP_ANTREAN_UMUR_MAKS_DETIK = 600
    settings.SIAP_WAJIB = ["basis_data", "migrasi", "redis", "broker", "antrean"]
    lama = timezone.now() - datetime.timedelta(minutes=20)
    # waiting, but not due yet (retry time in the future): not a stall, however old
    _pesan(
        StatusPesan.GAGAL_SEMENTARA,
        diubah=lama,
        coba_lagi_pada=timezone.now() + datetime.timedelta(minutes=5),
    )
    _pesan(StatusPesan.TERKIRIM, diubah=lama)  # done: not counted
    _pesan(diubah=timezone.now())
    r = client.get("/siap/")
    assert r.status_code == 200, r.content
    assert r.json()["pemeriksaan"]["antrean"]["jumlah"] == 2
    # a message in the queue for 20 minutes: the worker is not draining it
    p = _pesan(diubah=lama)
    r = client.get("/siap/")
    assert r.status_code == 503
    antrean = r.json()["pemeriksaan"]["antrean"]
    assert r.json()["gagal"] == ["antrean"]
    assert antrean["jumlah"] == 3 and 1199 < antrean["umur_tertua_detik"] < 1300
    # a retry due 20 minutes ago counts the same
    Pesan.objects.filter(pk=p.pk).update(status=StatusPesan.GAGAL_SEMENTARA, coba_lagi_pada=lama)
    assert client.get("/siap/").status_code == 503
    settings.SIAP_ANTREAN_UMUR_MAKS_DETIK = 0  # the age check off: figures only
    assert client.get("/siap/").status_code == 200
    settings.SIAP_ANTREAN_MAKS = 2  # a count limit
    r = client.get("/siap/")
    assert r.status_code == 503 and r.json()["gagal"] == ["antrean"]
    # by default a stalled outbox is reported only: late messages do not take the site down
    settings.SIAP_WAJIB = ["basis_data", "migrasi"]
    r = client.get("/siap/")
    assert r.status_code == 200 and r.json()["status"] == "terdegradasi"
    assert r.json()["gagal"] == ["antrean"]


def test_migrasi_belum_diterapkan_503(client):
    terakhir = MigrationRecorder.Migration.objects.filter(app="pengaduan").latest("id")
    terakhir.delete()
    r = client.get("/siap/")
    assert r.status_code == 503
    assert r.json()["gagal"] == ["migrasi"]
    assert r.json()["pemeriksaan"]["migrasi"] == {"ok": False, "belum": 1}


def test_database_tak_terjangkau_503_bukan_500(client, tmp_path):
    lama = connections["default"]
    sd = copy.deepcopy(lama.settings_dict)
    if lama.vendor == "sqlite":
        sd["NAME"] = str(tmp_path / "tidak-ada" / "db.sqlite3")  # its folder does not exist
    else:
        sd["PORT"] = str(port_bebas())  # nothing listens there
    connections["default"] = lama.__class__(sd, alias="default")
    try:
        assert client.get("/sehat/").status_code == 200
        r = client.get("/siap/")
    finally:
        connections["default"].close()
        connections["default"] = lama
    assert r.status_code == 503
    badan = r.json()
    assert badan["gagal"] == ["antrean", "basis_data", "migrasi"]
    assert badan["pemeriksaan"]["basis_data"] == {"ok": False, "galat": "OperationalError"}
    assert badan["pemeriksaan"]["migrasi"]["dilewati"]


def test_query_antrean_dilayani_indeks():
    """Every outbox query of the check is served by an index of the outbox — never a
    scan of the table, which holds every message ever sent."""
    with CaptureQueriesContext(connection) as ctx:
        kesehatan._periksa_antrean()
    sql = [q["sql"] for q in ctx.captured_queries if "notifikasi_pesan" in q["sql"]]
    assert len(sql) == 3
    with connection.cursor() as c:
        for s in sql:
            if connection.vendor == "postgresql":
                c.execute("SET LOCAL enable_seqscan = off")  # an empty table would be scanned
                c.execute(f"EXPLAIN {s}")
            else:
                c.execute(f"EXPLAIN QUERY PLAN {s}")
            rencana = "\n".join(str(r) for r in c.fetchall())
            # (status, retry time), or the sweep's partial index of queued rows by age
            assert re.search(r"pesan_(status_jatuh_tempo|antre_sapu)", rencana), f"{s}\n{rencana}"
