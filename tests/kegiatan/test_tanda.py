import datetime

import pytest
from django.utils import timezone

from pendampingan.kegiatan import services
from pendampingan.kegiatan.tanda import jarak_km, tanda_kegiatan
from pendampingan.models import Kegiatan
from tests.factories import KegiatanFactory

from .factories import unggah_jpeg

pytestmark = pytest.mark.django_db


def _kode(k):
    k = Kegiatan.objects.prefetch_related("foto").select_related("wilayah").get(pk=k.pk)
    return {t.kode for t in tanda_kegiatan([k])[k.pk]}


def _k(dunia, **kw):
    kw.setdefault("pendamping", dunia.pld_a)
    kw.setdefault("wilayah", dunia.desa_a)
    return KegiatanFactory(**kw)


def test_jarak_km():
    assert jarak_km(-7.0, 110.0, -7.0, 110.0) == 0
    assert jarak_km(-7.0, 110.0, -8.0, 110.0) == pytest.approx(111.2, abs=0.5)


def test_kegiatan_bersih_tanpa_tanda(dunia):
    k = _k(dunia)
    services.foto_tambah(
        kegiatan=k, berkas=unggah_jpeg(waktu=timezone.now()), user=dunia.pld_a.user
    )
    assert _kode(k) == set()


def test_foto_ganda_di_kegiatan_lain_orang_lain(dunia):
    a = _k(dunia)
    b = _k(dunia, pendamping=dunia.pld_b, wilayah=dunia.desa_b)
    services.foto_tambah(kegiatan=a, berkas=unggah_jpeg(), user=dunia.pld_a.user)
    services.foto_tambah(kegiatan=b, berkas=unggah_jpeg(), user=dunia.pld_b.user)
    assert "foto_ganda" in _kode(a) and "foto_ganda" in _kode(b)


def test_waktu_exif_jauh(dunia):
    k = _k(dunia)
    lama = timezone.now() - datetime.timedelta(days=3)
    services.foto_tambah(kegiatan=k, berkas=unggah_jpeg(waktu=lama), user=dunia.pld_a.user)
    assert "exif_waktu" in _kode(k)


def test_gps_exif_jauh_dari_gps_kegiatan(dunia):
    k = _k(dunia, lintang=-7.70, bujur=109.00)
    services.foto_tambah(
        kegiatan=k, berkas=unggah_jpeg(lintang=-6.2, bujur=106.8), user=dunia.pld_a.user
    )
    assert "exif_gps" in _kode(k)


def test_gps_jauh_dari_tempat_biasa(dunia):
    hari = timezone.localdate()
    for i in range(4):
        _k(
            dunia,
            tanggal=hari - datetime.timedelta(days=i + 1),
            lintang=-7.700 + i * 0.001,
            bujur=109.0,
        )
    dekat = _k(dunia, lintang=-7.701, bujur=109.001)
    jauh = _k(
        dunia, jam_mulai=datetime.time(13), jam_selesai=datetime.time(14), lintang=-6.2, bujur=106.8
    )
    assert "gps_jauh" not in _kode(dekat)
    assert "gps_jauh" in _kode(jauh)


def test_gps_butuh_riwayat_cukup(dunia):
    _k(dunia, lintang=-7.7, bujur=109.0, tanggal=timezone.localdate() - datetime.timedelta(days=1))
    jauh = _k(dunia, lintang=-6.2, bujur=106.8)
    assert "gps_jauh" not in _kode(jauh)


def test_jam_tumpang_dan_lebih_dari_16_jam(dunia):
    a = _k(dunia, jam_mulai=datetime.time(6), jam_selesai=datetime.time(14))
    b = _k(dunia, jam_mulai=datetime.time(13), jam_selesai=datetime.time(23))
    assert {"jam_tumpang", "jam_lebih"} <= _kode(a)
    assert {"jam_tumpang", "jam_lebih"} <= _kode(b)
    c = _k(
        dunia,
        pendamping=dunia.pld_b,
        wilayah=dunia.desa_b,
        jam_mulai=datetime.time(13),
        jam_selesai=datetime.time(15),
    )
    assert _kode(c) == set()


def test_tanda_satu_halaman_query_tetap(dunia, django_assert_max_num_queries):
    for n in (3, 9):
        Kegiatan.objects.all().delete()
        for i in range(n):
            k = _k(
                dunia, lintang=-7.7, bujur=109.0 + i * 0.0001, jam_mulai=datetime.time(i % 12 + 1)
            )
            services.foto_tambah(
                kegiatan=k, berkas=unggah_jpeg(warna=(i, 2, 3)), user=dunia.pld_a.user
            )
        daftar = list(Kegiatan.objects.prefetch_related("foto").select_related("wilayah"))
        with django_assert_max_num_queries(3):
            tanda_kegiatan(daftar)
