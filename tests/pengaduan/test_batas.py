"""The public rate limit with the cache's Redis unreachable (a refused port, not a mock): the count
is kept in the database and the limit still holds."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pendampingan.models import HitunganBatas
from pengaduan.models import Pengaduan
from tests.inti.redis_mati import cache_mati  # noqa: F401  (fixture)

from .factories import URL_LAPOR, isian_publik

pytestmark = pytest.mark.django_db


def test_batas_lapor_tetap_berlaku_saat_redis_mati(dunia, settings, cache_mati):  # noqa: F811
    settings.PENGADUAN_BATAS_LAPOR_PER_JAM = 2
    c = Client()
    for _i in range(2):
        assert c.post(URL_LAPOR, isian_publik(c, dunia)).status_code == 302
    resp = c.post(URL_LAPOR, isian_publik(c, dunia, judul="Yang ketiga"))
    assert resp.status_code == 429
    assert "Yang ketiga" in resp.content.decode()
    assert Pengaduan.objects.count() == 2
    assert HitunganBatas.objects.get(kunci__startswith="batas:pengaduan-lapor:").jumlah == 3
    lain = Client(REMOTE_ADDR="10.0.0.9")  # another address is not affected
    assert lain.post(URL_LAPOR, isian_publik(lain, dunia)).status_code == 302

    # the window ends: counted from one again (and the ended rows are tidied)
    HitunganBatas.objects.update(berakhir=timezone.now() - datetime.timedelta(seconds=1))
    assert c.post(URL_LAPOR, isian_publik(c, dunia, judul="Jam berikut")).status_code == 302
    assert HitunganBatas.objects.get(kunci__endswith=":pengaduan-lapor:127.0.0.1").jumlah == 1
    assert not HitunganBatas.objects.filter(kunci__endswith=":pengaduan-lapor:10.0.0.9").exists()


def test_batas_status_tetap_berlaku_saat_redis_mati(dunia, settings, cache_mati):  # noqa: F811
    settings.PENGADUAN_BATAS_STATUS_PER_MENIT = 3
    c = Client()
    for _i in range(3):
        assert c.get(reverse("pengaduan:status"), {"kode": "PD-2222-2222"}).status_code == 404
    assert c.get(reverse("pengaduan:status"), {"kode": "PD-2222-2223"}).status_code == 429


def test_batas_di_cache_saat_redis_hidup_tanpa_database(dunia, settings):
    """The ordinary path (here the test cache) writes no counter row."""
    settings.PENGADUAN_BATAS_STATUS_PER_MENIT = 1
    c = Client()
    c.get(reverse("pengaduan:status"), {"kode": "PD-2222-2222"})
    assert c.get(reverse("pengaduan:status"), {"kode": "PD-2222-2222"}).status_code == 429
    assert not HitunganBatas.objects.exists()
