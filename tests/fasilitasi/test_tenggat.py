"""Due-date rules of a stage."""

import datetime

import pytest

from fasilitasi.tenggat import JenisTenggat, hitung_jatuh_tempo, uraian_tenggat

D = datetime.date

# the working-day calendar reads the days admins added (pendampingan.kalender)
pytestmark = pytest.mark.django_db


def test_tanggal_tetap_dengan_geser_tahun():
    # APB Desa 2027 enacted by 31 December 2026
    assert hitung_jatuh_tempo(
        jenis=JenisTenggat.TANGGAL_TETAP,
        tahun_kasus=2027,
        mulai=D(2026, 12, 1),
        bulan=12,
        hari=31,
        geser_tahun=-1,
    ) == D(2026, 12, 31)
    assert hitung_jatuh_tempo(
        jenis=JenisTenggat.TANGGAL_TETAP, tahun_kasus=2026, mulai=D(2026, 1, 5), bulan=10, hari=31
    ) == D(2026, 10, 31)


def test_tanggal_tetap_29_februari_tahun_biasa():
    assert hitung_jatuh_tempo(
        jenis=JenisTenggat.TANGGAL_TETAP, tahun_kasus=2027, mulai=D(2027, 1, 1), bulan=2, hari=29
    ) == D(2027, 2, 28)


def test_hari_kerja_melewati_libur():
    # evaluation: 20 working days from Mon 7 Dec 2026 skips the holidays and the weekends
    hasil = hitung_jatuh_tempo(
        jenis=JenisTenggat.HARI_KERJA, tahun_kasus=2027, mulai=D(2026, 12, 7), jumlah_hari=20
    )
    # 24 Dec (cuti bersama Natal), 25 Dec (Natal), 1 Jan (Tahun Baru) and 5 Jan 2027 (Isra Mi'raj)
    # are days off
    assert hasil == D(2027, 1, 8)


def test_hari_kalender_dan_tanpa_aturan():
    assert hitung_jatuh_tempo(
        jenis=JenisTenggat.HARI_KALENDER, tahun_kasus=2026, mulai=D(2026, 12, 30), jumlah_hari=3
    ) == D(2027, 1, 2)
    assert hitung_jatuh_tempo(jenis="", tahun_kasus=2026, mulai=D(2026, 1, 1)) is None


def test_uraian():
    assert "31" in uraian_tenggat(jenis="tanggal_tetap", bulan=12, hari=31, geser_tahun=-1)
    assert "20 hari kerja" in uraian_tenggat(jenis="hari_kerja", jumlah_hari=20)
