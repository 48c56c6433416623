"""A download asked for while the Celery broker (Redis) is unreachable — a refused port, not a
mock: the request's commit is not undone nor turned into an error, the row stays queued, and the
periodic sweep hands it again once the broker is back."""

import logging

import pytest

from pendampingan.inti import unduhan
from pendampingan.models import StatusUnduhan
from tests.inti.redis_mati import broker_mati

pytestmark = pytest.mark.django_db


@pytest.fixture
def pembuat_uji():
    unduhan.daftar_pembuat(
        "uji.csv", lambda u: unduhan.HasilBerkas(nama="uji.csv", isi=b"a\n", mime="text/csv")
    )
    yield
    unduhan.pembuat.pop("uji.csv", None)


def test_broker_mati_unduhan_tetap_antre_lalu_disapu(
    dunia, pembuat_uji, settings, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.WARNING, logger="pendampingan.inti.unduhan")
    with broker_mati():
        with django_capture_on_commit_callbacks(execute=True):
            u = unduhan.unduhan_minta(user=dunia.pld_a.user, jenis="uji.csv", judul="Uji")
        u.refresh_from_db()
        assert u.status == StatusUnduhan.ANTRE
        assert "belum bisa diserahkan" in caplog.text
        settings.UNDUHAN_ANTRE_TENGGANG_DETIK = 0
        assert unduhan.unduhan_sapu() == []  # still down: nothing handed, nothing raised
    # the broker is back (tasks inline, as in these settings)
    settings.UNDUHAN_ANTRE_TENGGANG_DETIK = 3600
    assert unduhan.unduhan_sapu() == []  # within the grace period: left to its own hand-off
    settings.UNDUHAN_ANTRE_TENGGANG_DETIK = 0
    assert unduhan.unduhan_sapu() == [str(u.pk)]
    u.refresh_from_db()
    assert u.status == StatusUnduhan.SIAP
    assert unduhan.unduhan_sapu() == []  # built: never handed again


def test_pembuatan_yang_pekerjanya_mati_diantrekan_ulang(dunia, pembuat_uji, settings):
    """A worker killed mid-build leaves the row ``proses`` (the redelivered task leaves such a
    row alone): once older than the task's hard limit plus the grace, the sweep queues it again
    and it is built; a build still within the limit is not touched."""
    from django.utils import timezone

    from pendampingan.models import Unduhan

    settings.UNDUHAN_ANTRE_TENGGANG_DETIK = 10
    settings.CELERY_TASK_TIME_LIMIT = 300
    sekarang = timezone.now()
    mati = Unduhan.objects.create(
        pengguna=dunia.pld_a.user,
        jenis="uji.csv",
        judul="Mati",
        status=StatusUnduhan.PROSES,
        dibuat=sekarang - timezone.timedelta(seconds=400),
        mulai=sekarang - timezone.timedelta(seconds=320),
    )
    hidup = Unduhan.objects.create(
        pengguna=dunia.pld_a.user,
        jenis="uji.csv",
        judul="Masih dibuat",
        status=StatusUnduhan.PROSES,
        dibuat=sekarang - timezone.timedelta(seconds=400),
        mulai=sekarang - timezone.timedelta(seconds=200),
    )
    assert unduhan.unduhan_sapu() == [str(mati.pk)]
    mati.refresh_from_db()
    hidup.refresh_from_db()
    assert mati.status == StatusUnduhan.SIAP and mati.mulai is not None
    assert hidup.status == StatusUnduhan.PROSES
