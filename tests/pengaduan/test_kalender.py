"""The working-day calendar against fixtures that cross weekends and national holidays."""

import datetime

import pytest

from pendampingan.kalender import hari_kerja, hari_kerja_antara, tambah_hari_kerja

D = datetime.date

# the admin-added days (pendampingan.HariLibur) are read from the database
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("mulai", "n", "hasil"),
    [
        # Wednesday + 3 working days crosses a weekend: Thu, Fri, Mon
        (D(2026, 11, 25), 3, D(2026, 11, 30)),
        # Friday 2026-08-14 + 1: Saturday 15, Sunday 16, Monday 17 = Independence Day → Tuesday 18
        (D(2026, 8, 14), 1, D(2026, 8, 18)),
        # Wed 18 Mar 2026 + 3: Thu 19 Nyepi, Fri 20 cuti bersama, 21–22 (Idul Fitri) a weekend,
        # 23–24 cuti bersama; 25, 26, 27 count
        (D(2026, 3, 18), 3, D(2026, 3, 27)),
        # Christmas (Fri 25 Dec 2026) and the weekend after it
        (D(2026, 12, 24), 1, D(2026, 12, 28)),
        # New year: Thu 31 Dec 2026 + 1 → Fri 1 Jan 2027 is a holiday → Mon 4 Jan 2027
        (D(2026, 12, 31), 1, D(2027, 1, 4)),
        # a Saturday start: + 1 is Monday
        (D(2026, 11, 28), 1, D(2026, 11, 30)),
        # 0 moves a day off forward to the next working day, leaves a working day alone
        (D(2026, 8, 15), 0, D(2026, 8, 18)),
        (D(2026, 11, 30), 0, D(2026, 11, 30)),
        # backwards over a weekend
        (D(2026, 11, 30), -1, D(2026, 11, 27)),
    ],
)
def test_tambah_hari_kerja(mulai, n, hasil):
    assert tambah_hari_kerja(mulai, n) == hasil


def test_hari_libur_dan_akhir_pekan():
    assert not hari_kerja(D(2026, 8, 17))  # Independence Day, a Monday
    assert not hari_kerja(D(2026, 11, 28))  # Saturday
    assert hari_kerja(D(2026, 11, 27))


@pytest.mark.parametrize(
    ("a", "b", "n"),
    [
        (D(2026, 8, 14), D(2026, 8, 18), 1),
        (D(2026, 11, 25), D(2026, 11, 30), 3),
        (D(2026, 11, 30), D(2026, 11, 25), -3),
        (D(2026, 11, 30), D(2026, 11, 30), 0),
        (D(2026, 12, 24), D(2027, 1, 4), 5),  # 28–31 Dec and Mon 4 Jan (25 Dec, 1 Jan off)
    ],
)
def test_hari_kerja_antara(a, b, n):
    assert hari_kerja_antara(a, b) == n


@pytest.mark.parametrize("n", [0, 1, 3, 5, 10, 23])
def test_kebalikan(n):
    a = D(2026, 3, 16)
    assert hari_kerja_antara(a, tambah_hari_kerja(a, n)) == n


def test_libur_tambahan_dari_setting(settings):
    from pendampingan import kalender

    kalender._lupakan()
    settings.HARI_LIBUR_TAMBAHAN = ["2026-11-27"]  # a cuti bersama on a Friday
    try:
        assert tambah_hari_kerja(D(2026, 11, 26), 1) == D(2026, 11, 30)
    finally:
        del settings.HARI_LIBUR_TAMBAHAN
        kalender._lupakan()
