"""The outbox's reads: the delivery-state panel of a record and the bell's cached count."""

import pytest

from pendampingan.notifikasi import selectors
from tests.notifikasi.factories import PenerimaWebhookFactory
from tests.notifikasi.test_services import _kirim

pytestmark = pytest.mark.django_db


def test_pesan_untuk_objek_dan_partial(
    dunia, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    from django.template.loader import render_to_string

    with django_capture_on_commit_callbacks(execute=True):
        _kirim(dunia, pengguna=[dunia.pd_a.user], alamat_email=["bukan-email"])
        _kirim(dunia, objek=dunia.desa_b, kunci="lain", alamat_email=["b@contoh.id"])
    with django_assert_max_num_queries(2):
        daftar = list(selectors.pesan_untuk_objek(dunia.desa_a))
        html = render_to_string(
            "notifikasi/partials/_status_pengiriman.html", {"pesan_list": daftar}
        )
    assert len(daftar) == 3
    assert "Alamat email tidak valid" in html  # failing, and why
    assert "b@contoh.id" not in html
    assert "Terkirim" in html
    kosong = render_to_string("notifikasi/partials/_status_pengiriman.html", {"pesan_list": []})
    assert "Belum ada pemberitahuan" in kosong


def test_jumlah_lonceng_dari_cache_dan_dilupakan_saat_berubah(
    dunia, django_capture_on_commit_callbacks, django_assert_num_queries
):
    user = dunia.pld_a.user
    assert selectors.jumlah_belum_dibaca(user=user) == 0
    with django_assert_num_queries(0):
        assert selectors.jumlah_belum_dibaca(user=user) == 0  # cached
    with django_capture_on_commit_callbacks(execute=True):
        _kirim(dunia, pengguna=[user], email_pengguna=False)
    assert selectors.jumlah_belum_dibaca(user=user) == 1  # the new message dropped the cache
    # a message written but rolled back leaves the cached count alone (and right)
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True) as cb:
        with pytest.raises(RuntimeError), transaction.atomic():
            _kirim(dunia, kunci="batal", pengguna=[user], email_pengguna=False)
            raise RuntimeError
    assert cb == [] and selectors.jumlah_belum_dibaca(user=user) == 1


def test_partial_menyebut_nama_penerima_bukan_url_endpoint(dunia):
    from django.template.loader import render_to_string

    PenerimaWebhookFactory(nama="Pusdatin Kemendes", url="http://127.0.0.1:9/hook?token=rahasia")
    _kirim(dunia, kementerian=True, pengguna=[dunia.pd_a.user])
    html = render_to_string(
        "notifikasi/partials/_status_pengiriman.html",
        {"pesan_list": selectors.pesan_untuk_objek(dunia.desa_a)},
    )
    assert "Pusdatin Kemendes" in html and "token=rahasia" not in html
    assert f"{dunia.pd_a.nama} ({dunia.pd_a.user.email})" in html
    assert "menunggu dikirim" in html  # not committed: still waiting


def test_partial_pesan_dibatalkan(dunia):
    from django.template.loader import render_to_string

    from pendampingan.notifikasi.models import Pesan, StatusPesan

    (p,) = _kirim(dunia, alamat_email=["a@contoh.id"])
    Pesan.objects.filter(pk=p.pk).update(status=StatusPesan.DIBATALKAN)
    html = render_to_string(
        "notifikasi/partials/_status_pengiriman.html",
        {"pesan_list": selectors.pesan_untuk_objek(dunia.desa_a)},
    )
    assert 'data-status="dibatalkan"' in html and "dibatalkan admin, tidak dikirim" in html
