"""The ministry report through the real parts: a Redis broker, two Celery worker processes, an
SMTP sink and a local webhook receiver (the outbox's fixtures, tests/notifikasi/conftest.py).
Each version is delivered exactly once per recipient, even when its messages are queued again.

Without Redis the test is skipped with the reason; under CI=true it fails instead."""

import subprocess
import time

import pytest
from django.db import transaction

from bencana import laporan, services
from pendampingan.notifikasi import services as notifikasi
from pendampingan.notifikasi.models import Pesan, Saluran, StatusPesan
from tests.conftest import Dunia
from tests.notifikasi import layanan
from tests.notifikasi.conftest import _tanpa_redis, nyata, smtp, webhook  # noqa: F401
from tests.notifikasi.factories import PenerimaEmailFactory, PenerimaWebhookFactory

from .factories import dampak, kejadian_di

pytestmark = [
    pytest.mark.services,
    pytest.mark.timeout(180),
    # transactional (the worker reads committed rows); marked so the seeded data is restored
    pytest.mark.django_db(transaction=True),
]

REDIS_DB = 9  # this Redis database on the shared machine


@pytest.fixture
def redis_bencana():
    if not layanan.redis_hidup():
        _tanpa_redis("Redis tidak berjalan di 127.0.0.1:6379")
    subprocess.run(["redis-cli", "-n", str(REDIS_DB), "FLUSHDB"], check=True, capture_output=True)
    return f"redis://127.0.0.1:6379/{REDIS_DB}"


def _terkirim(nyata):  # noqa: F811
    def cek():
        belum = Pesan.objects.exclude(saluran=Saluran.IN_APP).exclude(status=StatusPesan.TERKIRIM)
        return not belum.exists()

    try:
        layanan.tunggu(cek, batas=60, pesan="semua pesan terkirim")
    except AssertionError:
        raise AssertionError(
            f"{list(Pesan.objects.values_list('kunci', 'status', 'galat_terakhir'))}\n{nyata.log()}"
        )


@pytest.fixture
def _celery_pulih():
    """Set up before ``nyata`` and torn down after it: put Celery's inline mode and broker back
    as they were. (``nyata`` restores the values it read after the Django setting had already
    been switched off, which would leave later tests of this process without inline tasks.)"""
    from config.celery_app import app

    awal = (app.conf.task_always_eager, app.conf.broker_url)
    yield
    app.conf.task_always_eager, app.conf.broker_url = awal


def test_setiap_versi_terkirim_sekali(_celery_pulih, nyata, redis_bencana, webhook, smtp):  # noqa: F811
    t = nyata.mulai(redis_bencana)
    t.pekerja(concurrency=2)
    dunia = Dunia()
    ep = PenerimaWebhookFactory(url=webhook.url, rahasia="rahasia-bnpb", peristiwa="bencana.*")
    PenerimaEmailFactory(alamat_email="pusdalops@kemendesa.go.id", peristiwa="bencana.*")

    with transaction.atomic():  # the quick report, committed as a request would
        k = kejadian_di(dunia.desa_a, dunia.pld_a)
    _terkirim(nyata)
    v1 = list(Pesan.objects.exclude(saluran=Saluran.IN_APP).values_list("pk", flat=True))
    # a double submit of version 1 and the same rows queued again: nothing is sent twice
    with transaction.atomic():
        laporan._beritahu(kejadian=k, versi=k.laporan.get(nomor=1))
    notifikasi.antrekan(v1)
    notifikasi.antrekan(v1)

    with transaction.atomic():
        services.kejadian_ubah_status(kejadian=k, ke="tanggap_darurat", oleh=dunia.pld_a)
        dampak(k, dunia.desa_a, dunia.pld_a, meninggal=1, mengungsi=60)
    with transaction.atomic():
        laporan.laporan_kirim(kejadian=k, oleh=dunia.pld_a, pemicu="Tanggap darurat; dampak")
    _terkirim(nyata)
    time.sleep(2)  # room for a duplicate to arrive, if the claim let one through

    assert webhook.kunci_diterima() == [
        f"bencana:{k.pk}:v1:webhook:{ep.pk}",
        f"bencana:{k.pk}:v2:webhook:{ep.pk}",
    ]
    versi = [r.json()["data"]["versi"] for r in webhook.diterima]
    assert versi == [1, 2]
    assert webhook.diterima[1].json()["data"]["dampak_total"]["mengungsi"] == 60
    # per version: the two supervisors above desa A and the ministry address, one mail each
    penerima = sorted(p[0] for p, _m in smtp.surat)
    harap = sorted(
        [dunia.pd_a.user.email, dunia.pengawas.user.email, "pusdalops@kemendesa.go.id"] * 2
    )
    assert penerima == harap
