"""The bell, the list and mark-read."""

import pytest
from django.urls import reverse

from pendampingan.notifikasi.models import Pesan
from tests.notifikasi.factories import PesanInAppFactory

pytestmark = pytest.mark.django_db


def test_lonceng_menampilkan_jumlah_belum_dibaca(dunia):
    PesanInAppFactory.create_batch(3, penerima_user=dunia.pld_a.user)
    PesanInAppFactory(penerima_user=dunia.pld_b.user)
    html = dunia.klien(dunia.pld_a).get(reverse("pendampingan:beranda")).content.decode()
    assert "data-lonceng-jumlah>3<" in html
    assert reverse("notifikasi:pesan-list") in html


def test_lonceng_tanpa_query_setelah_masuk(dunia, django_assert_max_num_queries):
    """The count is taken at login; an ordinary page reads the bell from the cache."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    PesanInAppFactory.create_batch(2, penerima_user=dunia.pld_a.user)
    k = dunia.klien(dunia.pld_a)  # force_login → user_logged_in
    with CaptureQueriesContext(connection) as q:
        html = k.get(reverse("pendampingan:beranda")).content.decode()
    assert "data-lonceng-jumlah>2<" in html
    assert not [x for x in q.captured_queries if "notifikasi_pesan" in x["sql"]]


def test_lonceng_tanpa_pesan_tanpa_angka(dunia):
    html = dunia.klien(dunia.pld_a).get(reverse("pendampingan:beranda")).content.decode()
    assert "data-lonceng-jumlah" not in html
    assert reverse("notifikasi:pesan-list") in html


@pytest.mark.parametrize("n", [3, 9])
def test_daftar_jumlah_query_tetap(dunia, n, django_assert_max_num_queries):
    PesanInAppFactory.create_batch(n, penerima_user=dunia.pld_a.user, tautan="/wilayah/33/")
    k = dunia.klien(dunia.pld_a)
    with django_assert_max_num_queries(12):
        resp = k.get(reverse("notifikasi:pesan-list"))
    assert resp.status_code == 200
    assert resp.content.decode().count('name="buka"') == n


def test_tandai_dibaca_dan_buka(dunia):
    p = PesanInAppFactory(penerima_user=dunia.pld_a.user, tautan="/wilayah/33.01/")
    k = dunia.klien(dunia.pld_a)
    resp = k.post(reverse("notifikasi:pesan-baca", args=[p.pk]), {"buka": "1"})
    assert resp.status_code == 302 and resp["Location"] == "/wilayah/33.01/"
    p.refresh_from_db()
    assert p.dibaca_pada is not None


def test_tandai_dibaca_pesan_orang_lain_404(dunia):
    p = PesanInAppFactory(penerima_user=dunia.pld_b.user)
    resp = dunia.klien(dunia.pld_a).post(reverse("notifikasi:pesan-baca", args=[p.pk]))
    assert resp.status_code == 404
    p.refresh_from_db()
    assert p.dibaca_pada is None


def test_tandai_semua_hanya_milik_sendiri(dunia):
    PesanInAppFactory.create_batch(2, penerima_user=dunia.pld_a.user)
    lain = PesanInAppFactory(penerima_user=dunia.pld_b.user)
    k = dunia.klien(dunia.pld_a)
    resp = k.post(reverse("notifikasi:pesan-baca-semua"), {"next": "https://jahat.example/"})
    assert resp.status_code == 302 and resp["Location"] == reverse("notifikasi:pesan-list")
    assert not Pesan.objects.filter(penerima_user=dunia.pld_a.user, dibaca_pada=None).exists()
    lain.refresh_from_db()
    assert lain.dibaca_pada is None
    html = k.get(reverse("notifikasi:pesan-list") + "?belum=1").content.decode()
    assert "Semua pemberitahuan sudah dibaca." in html


def test_daftar_kosong(dunia):
    html = dunia.klien(dunia.pld_a).get(reverse("notifikasi:pesan-list")).content.decode()
    assert "Belum ada pemberitahuan untuk Anda." in html
