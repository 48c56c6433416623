"""The government calendar (pendampingan.kalender): national holidays and cuti bersama with their
Indonesian names, days an admin adds, SLA deadlines counted from the desa's own date, and the
calendar page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from pendampingan import kalender
from pendampingan.kalender import daftar_libur, hari_kerja, hari_libur, tambah_hari_kerja
from pendampingan.models import HariLibur, JenisLibur
from tests.factories import wilayah_rantai
from tests.pengaduan.factories import diterima_pada, pengaduan_buat

pytestmark = pytest.mark.django_db
D = datetime.date
UTC = datetime.UTC
URL = reverse("pendampingan:kalender")


@pytest.fixture(autouse=True)
def _kalender_bersih():
    """A rolled-back row sends no signal: start and end each test with an empty process cache."""
    kalender._lupakan()
    yield
    kalender._lupakan()


def test_contoh_isu_17_maret_2026_tiga_hari_kerja_jatuh_27_maret(dunia):
    # Tue 17 Mar 2026: 18 (cuti bersama Nyepi), 19 (Nyepi), 20 (cuti bersama Idul Fitri),
    # 21–22 (Idul Fitri, weekend), 23–24 (cuti bersama) are off; 25, 26, 27 count
    p = pengaduan_buat(dunia.desa_a, diterima_pada=diterima_pada(D(2026, 3, 17)))
    assert p.tenggat_verifikasi == D(2026, 3, 27)
    assert p.tenggat == D(2026, 3, 27)


def test_cuti_bersama_dihitung_libur_dengan_nama_indonesia():
    assert hari_libur(D(2026, 3, 23)) and not hari_kerja(D(2026, 3, 23))  # a Monday
    assert tambah_hari_kerja(D(2026, 12, 23), 1) == D(2026, 12, 28)  # 24 cuti, 25 Natal
    nama = {d: (n, j) for d, n, j in daftar_libur(2026)}
    assert nama[D(2026, 3, 23)] == ("Cuti Bersama Hari Raya Idul Fitri", JenisLibur.CUTI_BERSAMA)
    assert nama[D(2026, 8, 17)] == ("Hari Kemerdekaan Republik Indonesia", JenisLibur.NASIONAL)
    assert nama[D(2026, 1, 1)][0] == "Tahun Baru Masehi"


def test_hari_tambahan_admin_langsung_dihitung_dan_bisa_dibatalkan(admin_client):
    senin = D(2026, 11, 30)
    assert hari_kerja(senin)  # cached as a working day first
    resp = admin_client.post(
        reverse("admin:pendampingan_harilibur_add"),
        {"tanggal": "2026-11-30", "nama": "Libur daerah", "jenis": "lainnya", "libur": "on"},
    )
    assert resp.status_code == 302, resp.content.decode()[:500]
    assert not hari_kerja(senin)
    assert tambah_hari_kerja(D(2026, 11, 27), 1) == D(2026, 12, 1)
    assert (senin, "Libur daerah", "lainnya") in daftar_libur(2026)
    HariLibur.objects.get(tanggal=senin).delete()
    assert hari_kerja(senin)


def test_admin_menjadikan_libur_paket_hari_kerja():
    HariLibur.objects.create(
        tanggal=D(2026, 3, 24), nama="Masuk kerja", jenis=JenisLibur.CUTI_BERSAMA, libur=False
    )
    assert hari_kerja(D(2026, 3, 24))
    assert D(2026, 3, 24) not in [d for d, *_ in daftar_libur(2026)]


def test_versi_baru_diumumkan_setelah_commit(django_capture_on_commit_callbacks):
    from django.core.cache import cache

    cache.delete(kalender.KUNCI_VERSI)
    with django_capture_on_commit_callbacks(execute=True):
        HariLibur.objects.create(tanggal=D(2026, 7, 1), nama="Libur daerah")
    assert cache.get(kalender.KUNCI_VERSI) is not None


def test_tenggat_dari_tanggal_di_zona_waktu_desa(dunia):
    # 16:30 UTC on Mon 16 Mar 2026 is 23:30 WIB (still the 16th) but 01:30 WIT on the 17th
    desa_wit = wilayah_rantai("91.01.01.2001", "Desa Timur")
    waktu = datetime.datetime(2026, 3, 16, 16, 30, tzinfo=UTC)
    with timezone.override("Asia/Jakarta"):
        wib = pengaduan_buat(dunia.desa_a, diterima_pada=waktu)
        wit = pengaduan_buat(desa_wit, diterima_pada=waktu)
    # from the 16th: 17 counts, then 25 and 26; from the 17th: 25, 26, 27
    assert wib.tenggat_verifikasi == D(2026, 3, 26)
    assert wit.tenggat_verifikasi == D(2026, 3, 27)
    assert kalender.tanggal_setempat(waktu, desa_wit.kode) == D(2026, 3, 17)


def test_halaman_kalender_dan_jumlah_query(dunia):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    klien = dunia.klien(dunia.pld_a)
    HariLibur.objects.create(tanggal=D(2026, 7, 1), nama="Hari Bhayangkara lokal")
    klien.get(URL, {"tahun": "2026"})  # the session and the year's days warmed
    with CaptureQueriesContext(connection) as sedikit:
        resp = klien.get(URL, {"tahun": "2026"})
    assert resp.status_code == 200
    teks = resp.content.decode()
    assert "Cuti Bersama Hari Raya Idul Fitri" in teks
    assert "Hari Bhayangkara lokal" in teks
    assert "Cuti bersama" in teks and "Libur nasional" in teks
    assert "?tahun=2025" in teks and "?tahun=2027" in teks
    assert len(sedikit) <= 10
    # many more admin rows cost no more queries
    for i in range(1, 29):
        HariLibur.objects.create(tanggal=D(2026, 10, 1) + datetime.timedelta(days=i), nama=f"L{i}")
    klien.get(URL, {"tahun": "2026"})
    with CaptureQueriesContext(connection) as banyak:
        assert klien.get(URL, {"tahun": "2026"}).status_code == 200
    assert len(banyak) == len(sedikit)


def test_peramban_berbahasa_inggris_tetap_bahasa_indonesia(dunia):
    """A phone set to English gets the Indonesian page throughout: the weekday names and Django's
    own messages too (the site offers Indonesian only)."""
    klien = dunia.klien(dunia.pld_a)
    teks = klien.get(URL, {"tahun": "2026"}, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Kamis" in teks and "Thursday" not in teks
    assert 'lang="id"' in teks


@pytest.mark.parametrize("tahun", ["abc", "99999", "-1", "2026.5", "1"])
def test_tahun_tidak_sah_kembali_ke_tahun_ini_dengan_pesan(dunia, tahun):
    resp = dunia.klien(dunia.pld_a).get(URL, {"tahun": tahun})
    assert resp.status_code == 200
    assert resp.context["tahun"] == timezone.localdate().year
    assert "tidak dikenali" in resp.content.decode()


def test_tahun_kosong(dunia):
    resp = dunia.klien(dunia.pld_a).get(URL, {"tahun": "2150"})
    assert resp.status_code == 200 and resp.context["tahun"] == timezone.localdate().year
    resp = dunia.klien(dunia.pld_a).get(URL, {"tahun": "2100"})
    assert resp.status_code == 200
    assert resp.context["sesudah"] is None


def test_perlu_login(client):
    resp = client.get(URL)
    assert resp.status_code == 302 and "login" in resp["Location"]
