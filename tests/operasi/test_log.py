"""The request id and the log lines: one per request, one per Celery task (a real worker on a
real Redis, the id carried in the task's headers), every line of a request carrying its id."""

from __future__ import annotations

import io
import json
import logging
import uuid

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.test import RequestFactory

from pendampingan.inti import log
from tests.notifikasi import layanan

pytestmark = pytest.mark.django_db


@pytest.fixture
def baris():
    """The lines the configured handler would write (our filter and JSON formatter), parsed."""
    buf = io.StringIO()
    h = logging.StreamHandler(buf)
    h.addFilter(log.FilterIdPermintaan())
    h.setFormatter(log.FormatJson())
    akar = logging.getLogger()
    lama = akar.level
    akar.addHandler(h)
    akar.setLevel(logging.INFO)

    def baca(logger=None):
        semua = [json.loads(x) for x in buf.getvalue().splitlines() if x.strip()]
        return [b for b in semua if logger is None or b["logger"] == logger]

    yield baca
    akar.removeHandler(h)
    akar.setLevel(lama)


@pytest.mark.parametrize(
    ("masuk", "dipakai"),
    [
        ("3f2a9c1e-7b6d-4e1a-9c3b-2d1e0f9a8b7c", True),
        ("Root=1-67891233-abcdef012345678912345678", True),
        ("pendek", False),  # too short
        ("a" * 129, False),  # too long
        ("id dengan spasi 123", False),
        ('"><script>alert(1)</script>', False),
        ("", False),
    ],
)
def test_id_dari_load_balancer_hanya_bila_wajar(masuk, dipakai):
    hasil = log.id_dari_header(masuk)
    if dipakai:
        assert hasil == masuk
    else:
        assert hasil != masuk and len(hasil) == 32 and int(hasil, 16) >= 0


def test_satu_baris_per_permintaan_tanpa_nilai_kueri(client, baris, dunia):
    client.force_login(dunia.pld_a.user)
    r = client.get(
        "/wilayah/cari/?q=Siti+Pelapor&tingkat=desa", HTTP_X_REQUEST_ID="uji-log-0001-abcdef"
    )
    assert r["X-Request-ID"] == "uji-log-0001-abcdef"
    semua = baris("pendampingan.permintaan")
    assert len(semua) == 1, semua
    b = semua[0]
    assert b["metode"] == "GET" and b["jalur"] == "/wilayah/cari/"
    assert b["status"] == r.status_code
    assert b["kueri"] == ["q", "tingkat"]  # the names, never the values
    assert b["user_id"] == dunia.pld_a.user.pk
    assert b["id_permintaan"] == "uji-log-0001-abcdef"
    assert isinstance(b["durasi_ms"], float) and b["level"] == "INFO" and b["waktu"]
    assert "Siti" not in json.dumps(baris())


def test_rahasia_di_jalur_tidak_dicatat(client, baris):
    r = client.get("/akun/reset/MQ/cz4g1t-0123456789abcdef0123456789abcdef/")
    assert r.status_code in (200, 302)
    b = baris("pendampingan.permintaan")[0]
    assert b["jalur"] == "/akun/reset/<uidb64>/<token>/"
    assert "0123456789abcdef" not in json.dumps(baris())
    assert b["user_id"] is None


def test_setiap_baris_selama_permintaan_membawa_idnya(client, settings, baris):
    """The readiness check's own warning (a dead Redis) is written inside the request."""
    from pendampingan.inti import kesehatan

    kesehatan._klien_redis.clear()
    settings.REDIS_URL = f"redis://127.0.0.1:{layanan.port_bebas()}/0"
    settings.SIAP_WAJIB = ["basis_data", "migrasi", "redis"]  # a dead Redis counts here
    r = client.get("/siap/")
    kesehatan._klien_redis.clear()
    rid = r["X-Request-ID"]
    peringatan = baris("pendampingan.inti.kesehatan")
    assert peringatan and all(p["id_permintaan"] == rid for p in peringatan)
    probe = baris("pendampingan.permintaan")
    assert [(p["status"], p["level"]) for p in probe] == [(503, "WARNING")]
    assert not baris("django.request")  # no second line for the same 503
    # outside any request
    logging.getLogger("uji").warning("di luar permintaan")
    assert baris("uji")[0]["id_permintaan"] == "-"


def test_tugas_inline_membawa_id_permintaan(baris):
    """Tasks run inline (local, tests) inside the request keep its id; their line says so."""
    from pendampingan.notifikasi.tasks import sapu_pesan_task

    def view(request):
        sapu_pesan_task.delay()
        return HttpResponse("ok")

    request = RequestFactory().get("/uji/", HTTP_X_REQUEST_ID="uji-inline-00000001")
    log.IdPermintaanMiddleware(view)(request)
    tugas = baris("pendampingan.tugas")
    assert len(tugas) == 1
    assert tugas[0]["tugas"] == "pendampingan.notifikasi.tasks.sapu_pesan_task"
    assert tugas[0]["state"] == "SUCCESS"
    assert tugas[0]["id_permintaan"] == "uji-inline-00000001"


def test_format_log_hanya_json_atau_teks():
    assert log.konfigurasi("json")["formatters"]["utama"]["()"].endswith("FormatJson")
    assert log.konfigurasi("teks")["formatters"]["utama"]["()"].endswith("FormatTeks")
    with pytest.raises(ImproperlyConfigured):
        log.konfigurasi("xml")


@pytest.fixture
def _celery_pulih():
    """Put Celery's inline mode and broker back as they were after ``nyata``."""
    from config.celery_app import app

    awal = (app.conf.task_always_eager, app.conf.broker_url)
    yield
    app.conf.task_always_eager, app.conf.broker_url = awal


@pytest.mark.services
@pytest.mark.timeout(90, func_only=True)
@pytest.mark.django_db(transaction=True)
def test_tugas_di_pekerja_membawa_id_dari_header(_celery_pulih, nyata, redis_mesin, monkeypatch):
    """A request enqueues a task; the worker (another process, JSON logs) writes its task line
    with that request's id, which only the message headers can have carried there."""
    from pendampingan.notifikasi.tasks import sapu_pesan_task

    monkeypatch.setenv("LOG_FORMAT", "json")
    t = nyata.mulai(redis_mesin)
    pekerja = t.pekerja()
    rid = f"uji-pekerja-{uuid.uuid4().hex[:12]}"
    hasil = {}

    def view(request):
        hasil["tugas"] = sapu_pesan_task.delay()
        return HttpResponse("ok")

    r = log.IdPermintaanMiddleware(view)(RequestFactory().get("/uji/", HTTP_X_REQUEST_ID=rid))
    assert r["X-Request-ID"] == rid
    id_tugas = hasil["tugas"].id

    def baris_tugas():
        for x in pekerja.teks().splitlines():
            if x.startswith("{") and id_tugas in x:
                b = json.loads(x)
                if b.get("logger") == "pendampingan.tugas":
                    return b
        return None

    b = layanan.tunggu(baris_tugas, batas=30, pesan=f"baris tugas\n{nyata.log()}")
    assert b["id_permintaan"] == rid
    assert b["tugas"] == "pendampingan.notifikasi.tasks.sapu_pesan_task"
    assert b["state"] == "SUCCESS" and b["durasi_ms"] >= 0 and b["id_tugas"] == id_tugas
    # the worker's other lines are JSON too
    lain = [x for x in pekerja.teks().splitlines() if "ready." in x]
    assert lain and json.loads(lain[0])["logger"]
