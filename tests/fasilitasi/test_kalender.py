"""The working-day calendar (pendampingan.kalender) as the stage due dates use it: weekends and
Indonesia's national holidays and cuti bersama are skipped. The admin-added days are read from the
database, hence the marker."""

import datetime

import pytest

from pendampingan.kalender import hari_kerja, hari_kerja_antara, hari_libur, tambah_hari_kerja

D = datetime.date

pytestmark = pytest.mark.django_db


def test_akhir_pekan_dan_libur_nasional():
    assert not hari_kerja(D(2026, 11, 28))  # Saturday
    assert hari_kerja(D(2026, 11, 30))  # Monday
    assert hari_libur(D(2026, 8, 17)) and not hari_kerja(D(2026, 8, 17))


def test_tambah_hari_kerja_melewati_lebaran_2026():
    # Fri 13 March 2026 + 5: 16, 17 count; 18 (cuti bersama Nyepi), 19 (Nyepi), 20 (cuti bersama
    # Idul Fitri), 21–22 (Idul Fitri, weekend), 23–24 (cuti bersama) do not; 25, 26, 27 count
    assert tambah_hari_kerja(D(2026, 3, 13), 5) == D(2026, 3, 27)


def test_tambah_dan_antara_saling_membalik():
    a = D(2026, 12, 1)
    for n in (1, 5, 20, 40):
        b = tambah_hari_kerja(a, n)
        assert hari_kerja_antara(a, b) == n
        assert hari_kerja_antara(b, a) == -n


def test_natal():
    assert tambah_hari_kerja(D(2026, 12, 24), 1) == D(2026, 12, 28)
