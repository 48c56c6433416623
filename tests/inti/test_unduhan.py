"""The one download pipeline: queued in the request, built by the task, owner-only."""

import pytest
from django.urls import reverse

from pendampingan.inti import unduhan
from pendampingan.models import StatusUnduhan, Unduhan
from pendampingan.notifikasi.models import Pesan

pytestmark = pytest.mark.django_db


@pytest.fixture
def pembuat_uji():
    def buat(u):
        if u.parameter.get("gagal"):
            raise RuntimeError("sengaja")
        return unduhan.HasilBerkas(
            nama="uji.csv", isi=b"a;b\n1;2\n", mime="text/csv", jumlah=1, pesan="1 baris"
        )

    unduhan.daftar_pembuat("uji.csv", buat)
    yield
    unduhan.pembuat.pop("uji.csv", None)


def test_dibuat_setelah_commit_dan_hanya_pemilik_yang_mengunduh(
    dunia, pembuat_uji, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        u = unduhan.unduhan_minta(user=dunia.pld_a.user, jenis="uji.csv", judul="Uji")
    u.refresh_from_db()
    assert u.status == StatusUnduhan.SIAP and u.ukuran == 8 and u.jumlah == 1
    assert (
        Pesan.objects.filter(peristiwa="unduhan.siap", penerima_user=dunia.pld_a.user).count() == 1
    )
    pemilik = dunia.klien(dunia.pld_a)
    r = pemilik.get(reverse("pendampingan:unduhan-ambil", args=[u.pk]))
    assert r.status_code == 200 and b"".join(r.streaming_content) == b"a;b\n1;2\n"
    assert r["X-Content-Type-Options"] == "nosniff"
    for lain in (dunia.pld_b, dunia.pd_a, dunia.pengawas):
        k = dunia.klien(lain)
        assert k.get(reverse("pendampingan:unduhan-ambil", args=[u.pk])).status_code == 404
        assert k.get(reverse("pendampingan:unduhan-detail", args=[u.pk])).status_code == 404
        assert u.judul not in k.get(reverse("pendampingan:unduhan-list")).content.decode()
    assert "Uji" in pemilik.get(reverse("pendampingan:unduhan-list")).content.decode()


def test_pembuat_gagal_dicatat_bukan_500(dunia, pembuat_uji, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        u = unduhan.unduhan_minta(
            user=dunia.pld_a.user, jenis="uji.csv", judul="Gagal", parameter={"gagal": 1}
        )
    u.refresh_from_db()
    assert u.status == StatusUnduhan.GAGAL and "RuntimeError" in u.pesan
    r = dunia.klien(dunia.pld_a).get(u.get_absolute_url())
    assert r.status_code == 200 and "Silakan minta sekali lagi" in r.content.decode()


def test_menjalankan_dua_kali_aman(dunia, pembuat_uji, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        u = unduhan.unduhan_minta(user=dunia.pld_a.user, jenis="uji.csv", judul="Uji")
    nama = Unduhan.objects.get(pk=u.pk).berkas.name
    unduhan.unduhan_buat(unduhan_id=u.pk)
    assert Unduhan.objects.get(pk=u.pk).berkas.name == nama


def test_daftar_jumlah_query_tetap(dunia, pembuat_uji, hitung_query):
    klien = dunia.klien(dunia.pld_a)
    Unduhan.objects.create(pengguna=dunia.pld_a.user, jenis="uji.csv", judul="a")
    sedikit = hitung_query(lambda: klien.get(reverse("pendampingan:unduhan-list")))
    for i in range(6):
        Unduhan.objects.create(pengguna=dunia.pld_a.user, jenis="uji.csv", judul=f"b{i}")
    assert hitung_query(lambda: klien.get(reverse("pendampingan:unduhan-list"))) == sedikit


def test_jenis_tak_dikenal_ditolak(dunia):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        unduhan.unduhan_minta(user=dunia.pld_a.user, jenis="tidak.ada", judul="x")


def test_kunci_sekali_satu_unduhan(dunia, pembuat_uji, django_capture_on_commit_callbacks):
    import uuid

    kunci = uuid.uuid4()
    with django_capture_on_commit_callbacks(execute=True):
        u1, baru1 = unduhan.unduhan_minta_sekali(
            user=dunia.pld_a.user, jenis="uji.csv", judul="Uji", kunci_sekali=kunci
        )
        u2, baru2 = unduhan.unduhan_minta_sekali(
            user=dunia.pld_a.user, jenis="uji.csv", judul="Uji", kunci_sekali=kunci
        )
    assert (u1.pk, baru1, baru2) == (u2.pk, True, False)
    assert Unduhan.objects.count() == 1
    assert Pesan.objects.filter(peristiwa="unduhan.siap").count() == 1  # built and told once


def test_penolakan_dicatat_dengan_alasannya(dunia, django_capture_on_commit_callbacks):
    from django.core.exceptions import PermissionDenied

    def tolak(u):
        raise PermissionDenied("Penugasan Anda sudah berakhir.")

    unduhan.daftar_pembuat("uji.tolak", tolak)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            u = unduhan.unduhan_minta(user=dunia.pld_a.user, jenis="uji.tolak", judul="x")
    finally:
        unduhan.pembuat.pop("uji.tolak", None)
    u.refresh_from_db()
    assert u.status == StatusUnduhan.GAGAL and "Penugasan Anda sudah berakhir." in u.pesan


def test_halaman_menunggu_diperbarui_tanpa_meta_refresh(dunia):
    u = Unduhan.objects.create(pengguna=dunia.pld_a.user, jenis="uji.csv", judul="Sedang dibuat")
    klien = dunia.klien(dunia.pld_a)
    for url in (reverse("pendampingan:unduhan-list"), u.get_absolute_url()):
        html = klien.get(url).content.decode()
        assert 'data-menunggu="1"' in html and "js/unduhan.js" in html
        assert "http-equiv" not in html and "Muat ulang" in html
    Unduhan.objects.filter(pk=u.pk).update(status=StatusUnduhan.SIAP)
    assert 'data-menunggu="0"' in klien.get(u.get_absolute_url()).content.decode()
