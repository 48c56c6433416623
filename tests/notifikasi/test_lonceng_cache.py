"""The bell and the login with the cache's Redis unreachable (a refused port, not a mock): the
count comes from the database, the invalidation after a commit does not fail the request."""

import re

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from pendampingan.notifikasi import services
from tests.inti.redis_mati import cache_mati  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def _lonceng(resp) -> int:
    assert resp.status_code == 200
    m = re.search(r"data-lonceng-jumlah>(\d+)<", resp.content.decode())
    return int(m.group(1)) if m else 0


def _kirim(dunia, kunci):
    with transaction.atomic():
        services.notifikasi_kirim(
            peristiwa="uji.lonceng",
            objek=None,
            wilayah_kode="",
            subjek=f"Pesan {kunci}",
            isi="Isi",
            payload={},
            kunci=kunci,
            pengguna=[dunia.pld_a.user],
            email_pengguna=False,
        )


def test_lonceng_dihitung_dari_database_saat_redis_mati(
    dunia,
    cache_mati,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    k = dunia.klien(dunia.pld_a)
    beranda = reverse("pendampingan:beranda")
    assert _lonceng(k.get(beranda)) == 0
    with django_capture_on_commit_callbacks(execute=True) as cb:
        _kirim(dunia, "satu")
        _kirim(dunia, "dua")
    assert cb  # the invalidation ran (and did not raise)
    assert _lonceng(k.get(beranda)) == 2
    assert _lonceng(k.get(reverse("notifikasi:pesan-list"))) == 2
    with django_capture_on_commit_callbacks(execute=True):
        r = k.post(reverse("notifikasi:pesan-baca-semua"))
    assert r.status_code == 302
    assert _lonceng(k.get(beranda)) == 0


def test_login_saat_redis_mati(dunia, cache_mati):  # noqa: F811
    c = Client()
    r = c.post(reverse("login"), {"username": "pld_a", "password": "rahasia-uji-123"})
    assert r.status_code == 302
    assert c.get(reverse("pendampingan:beranda")).status_code == 200
    # a wrong password is still counted (axes keeps its count in the database)
    r = Client().post(reverse("login"), {"username": "pld_a", "password": "salah"})
    assert r.status_code == 200
