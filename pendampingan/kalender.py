"""Working days: Monday to Friday, minus Indonesia's national holidays (the ``holidays`` package).

Pure Python, no database: ``tambah_hari_kerja(tanggal, n)`` and ``hari_kerja_antara(a, b)`` are the
SLA arithmetic of every app (complaint deadlines, evaluation periods). Extra days off (cuti
bersama) can be listed in the setting ``HARI_LIBUR_TAMBAHAN`` as ISO dates.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _libur_tahun(tahun: int) -> frozenset[datetime.date]:
    hari = set(holidays.country_holidays("ID", years=tahun))
    try:
        from django.conf import settings

        tambahan = getattr(settings, "HARI_LIBUR_TAMBAHAN", ())
    except Exception:  # settings not configured: plain-Python use
        tambahan = ()
    for s in tambahan:
        d = datetime.date.fromisoformat(str(s))
        if d.year == tahun:
            hari.add(d)
    return frozenset(hari)


def hari_libur(tanggal: datetime.date) -> bool:
    """A national holiday (or a configured extra day off)."""
    return tanggal in _libur_tahun(tanggal.year)


def hari_kerja(tanggal: datetime.date) -> bool:
    """A working day: not Saturday or Sunday, not a holiday."""
    return tanggal.weekday() < 5 and not hari_libur(tanggal)


def tambah_hari_kerja(tanggal: datetime.date, n: int) -> datetime.date:
    """The date ``n`` working days after ``tanggal`` (``n`` may be negative; 0 gives ``tanggal``
    itself moved forward to a working day when it falls on a day off)."""
    if isinstance(tanggal, datetime.datetime):
        tanggal = tanggal.date()
    langkah = 1 if n >= 0 else -1
    d = tanggal
    if n == 0:
        while not hari_kerja(d):
            d += datetime.timedelta(days=1)
        return d
    sisa = abs(n)
    while sisa:
        d += datetime.timedelta(days=langkah)
        if hari_kerja(d):
            sisa -= 1
    return d


def hari_kerja_antara(a: datetime.date, b: datetime.date) -> int:
    """Working days after ``a`` up to and including ``b`` (negative when ``b`` is before ``a``), so
    that ``hari_kerja_antara(a, tambah_hari_kerja(a, n)) == n``."""
    if isinstance(a, datetime.datetime):
        a = a.date()
    if isinstance(b, datetime.datetime):
        b = b.date()
    if b < a:
        return -hari_kerja_antara(b, a)
    n = 0
    d = a
    while d < b:
        d += datetime.timedelta(days=1)
        if hari_kerja(d):
            n += 1
    return n
