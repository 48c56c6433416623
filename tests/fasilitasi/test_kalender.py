"""The Indonesian working-day calendar (pendampingan.kalender)."""

import datetime

from pendampingan.kalender import (
    adalah_hari_kerja,
    hari_kerja_antara,
    hari_libur,
    tambah_hari_kerja,
)

D = datetime.date


def test_akhir_pekan_bukan_hari_kerja():
    assert not adalah_hari_kerja(D(2026, 11, 28))  # Saturday
    assert not adalah_hari_kerja(D(2026, 11, 29))  # Sunday
    assert adalah_hari_kerja(D(2026, 11, 30))  # Monday


def test_libur_nasional_dan_cuti_bersama():
    assert hari_libur(D(2026, 8, 17))  # Hari Kemerdekaan
    assert not adalah_hari_kerja(D(2026, 8, 17))
    # 20 March 2026 is cuti bersama Idul Fitri: not a working day by default, but a working day
    # when only national holidays count
    assert not adalah_hari_kerja(D(2026, 3, 20))
    assert adalah_hari_kerja(D(2026, 3, 20), cuti_bersama=False)


def test_tambah_hari_kerja_melewati_lebaran_2026():
    # Fri 13 March 2026 + 5 working days: 16, 17 are working; 18 (cuti Nyepi), 19 (Nyepi),
    # 20 (cuti), 21–22 (Idul Fitri, weekend), 23–24 (cuti) are not; then 25, 26, 27.
    assert tambah_hari_kerja(D(2026, 3, 13), 5) == D(2026, 3, 27)
    # without cuti bersama: 16, 17, 18, 20, 23
    assert tambah_hari_kerja(D(2026, 3, 13), 5, cuti_bersama=False) == D(2026, 3, 23)


def test_tambah_nol_dan_negatif():
    assert tambah_hari_kerja(D(2026, 11, 30), 0) == D(2026, 11, 30)
    assert tambah_hari_kerja(D(2026, 11, 30), -1) == D(2026, 11, 27)


def test_hari_kerja_antara_kebalikan_tambah():
    a = D(2026, 12, 1)
    for n in (1, 5, 20, 40):
        b = tambah_hari_kerja(a, n)
        assert hari_kerja_antara(a, b) == n
        assert hari_kerja_antara(b, a) == -n
    assert hari_kerja_antara(a, a) == 0


def test_natal_dan_cuti_bersama_desember_2026():
    # 24 Dec (cuti bersama), 25 Dec (Natal), 26–27 weekend
    assert tambah_hari_kerja(D(2026, 12, 23), 1) == D(2026, 12, 28)
