"""Working days: Monday to Friday, minus Indonesia's government calendar.

The days off of a year are the ``holidays`` package's ``public`` and ``government`` categories for
Indonesia (national holidays and cuti bersama, with their Indonesian names), plus the rows admins
add in ``HariLibur`` (a row with ``libur`` unticked makes a package day a working day again), plus
the ISO dates of the setting ``HARI_LIBUR_TAMBAHAN`` (kept for deployments that still use it).
``tambah_hari_kerja(tanggal, n)`` and ``hari_kerja_antara(a, b)`` are the SLA arithmetic of every
app (complaint deadlines, evaluation periods); ``tanggal_setempat`` gives a moment's date in a
region's own time zone, the day an SLA counts from.

Caching: a year's days are kept per process (``lru_cache``) under a version read from the Django
cache. Saving or deleting a ``HariLibur`` clears this process's copy at once and bumps the version
so the other processes recompute on their next call. When the cache cannot be reached (Redis down,
a read is a miss) the version falls back to a five-minute time bucket: another process may then use
an admin's change up to five minutes late, never fail.
"""

from __future__ import annotations

import datetime
import logging
import time
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.utils.translation import gettext_lazy as _

from .wilayah_kode import ZONA_WAKTU_PROVINSI, zona_waktu

log = logging.getLogger(__name__)

KUNCI_VERSI = "kalender:versi"
DETIK_CADANGAN = 300
KATEGORI = ("public", "government")
ZONA_URUT = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")
# The values of ``models.JenisLibur`` (not imported here: this module works without Django).
JENIS_NASIONAL = "nasional"
JENIS_CUTI = "cuti_bersama"
JENIS_LAINNYA = "lainnya"


def _versi() -> str:
    try:
        from django.core.cache import cache

        v = cache.get(KUNCI_VERSI)
    except Exception:  # settings not configured or the cache backend failed: plain-Python use
        v = None
    return str(v) if v is not None else f"t{int(time.time() // DETIK_CADANGAN)}"


def _lupakan() -> None:
    _libur_tahun.cache_clear()
    _hari_libur.cache_clear()


def _umumkan() -> None:
    _lupakan()
    try:
        from django.core.cache import cache

        cache.set(KUNCI_VERSI, time.time_ns(), None)
    except Exception:  # the cache is an accelerator: the time bucket still expires
        log.warning("kalender: versi baru tidak tersimpan di cache", exc_info=True)


def segarkan(**_kwargs) -> None:
    """Forget the cached years in this process now, and once the change is committed tell the
    other processes (a new version); connected to ``HariLibur``'s save and delete signals."""
    from django.db import transaction

    _lupakan()
    transaction.on_commit(_umumkan)


def _dari_admin(tahun: int) -> list[tuple[datetime.date, str, str, bool]]:
    from django.core.exceptions import AppRegistryNotReady, ImproperlyConfigured

    try:
        from .models import HariLibur
    except (AppRegistryNotReady, ImproperlyConfigured):  # plain-Python use: no admin rows
        return []
    return list(
        HariLibur.objects.filter(tanggal__year=tahun).values_list(
            "tanggal", "nama", "jenis", "libur"
        )
    )


@lru_cache(maxsize=64)
def _libur_tahun(tahun: int, versi: str) -> tuple[tuple[datetime.date, str, str], ...]:
    paket = holidays.country_holidays("ID", years=tahun, categories=KATEGORI, language="id")
    cuti = holidays.country_holidays("ID", years=tahun, categories=("government",), language="id")
    hari = {d: (str(n), JENIS_CUTI if d in cuti else JENIS_NASIONAL) for d, n in paket.items()}
    try:
        from django.conf import settings

        tambahan = getattr(settings, "HARI_LIBUR_TAMBAHAN", ())
    except Exception:  # settings not configured: plain-Python use
        tambahan = ()
    for s in tambahan:
        d = datetime.date.fromisoformat(str(s))
        if d.year == tahun:
            hari.setdefault(d, (str(_("Hari libur tambahan")), JENIS_LAINNYA))
    for d, nama, jenis, libur in _dari_admin(tahun):
        if libur:
            hari[d] = (nama, jenis)
        else:
            hari.pop(d, None)
    return tuple((d, *hari[d]) for d in sorted(hari))


def daftar_libur(tahun: int) -> list[tuple[datetime.date, str, str]]:
    """The year's days off, in order: ``(tanggal, nama, jenis)`` (jenis: a ``JenisLibur`` value)."""
    return list(_libur_tahun(tahun, _versi()))


@lru_cache(maxsize=64)
def _hari_libur(tahun: int, versi: str) -> frozenset[datetime.date]:
    return frozenset(d for d, *_ in _libur_tahun(tahun, versi))


def hari_libur(tanggal: datetime.date, *, versi: str | None = None) -> bool:
    """A national holiday, a cuti bersama or a day off added by an admin."""
    return tanggal in _hari_libur(tanggal.year, versi or _versi())


def hari_kerja(tanggal: datetime.date, *, versi: str | None = None) -> bool:
    """A working day: not Saturday or Sunday, not a day off."""
    return tanggal.weekday() < 5 and not hari_libur(tanggal, versi=versi or _versi())


def tanggal_setempat(waktu: datetime.datetime, kode_wilayah: str) -> datetime.date:
    """The date of the aware ``waktu`` in the region's own zone (WIB, WITA or WIT)."""
    return waktu.astimezone(ZoneInfo(zona_waktu(kode_wilayah))).date()


def hari_ini_per_zona(waktu: datetime.datetime | None = None) -> dict[str, datetime.date]:
    """Today (or the date of the aware ``waktu``) in each of the country's zones, WIB first."""
    from django.utils import timezone

    waktu = waktu or timezone.now()
    return {z: waktu.astimezone(ZoneInfo(z)).date() for z in ZONA_URUT}


def q_menurut_tanggal_setempat(syarat, *, kolom_kode: str = "wilayah__kode", waktu=None):
    """A ``Q`` for rows whose region's own date (WIB, WITA or WIT from its province) satisfies
    ``syarat(tanggal) -> Q`` — "past its due date" is ``lambda d: Q(tenggat__lt=d)``. While the
    three zones share one date (all but two hours a day) it is ``syarat`` of that date alone;
    otherwise one branch per zone, keyed by province prefix (a region of an unlisted province
    counts as WIB, as ``zona_waktu`` says)."""
    from django.db.models import Q

    from .scope import q_prefiks

    tanggal = hari_ini_per_zona(waktu)
    if len(set(tanggal.values())) == 1:
        return syarat(tanggal[ZONA_URUT[0]])
    q = Q()
    lain = Q()
    for zona in ZONA_URUT[1:]:
        kode_prov = [f"{p}." for p, z in ZONA_WAKTU_PROVINSI.items() if z == zona]
        q_zona = q_prefiks(kolom_kode, kode_prov)
        q |= q_zona & syarat(tanggal[zona])
        lain |= q_zona
    return q | (~lain & syarat(tanggal[ZONA_URUT[0]]))


def tambah_hari_kerja(tanggal: datetime.date, n: int) -> datetime.date:
    """The date ``n`` working days after ``tanggal`` (``n`` may be negative; 0 gives ``tanggal``
    itself moved forward to a working day when it falls on a day off)."""
    if isinstance(tanggal, datetime.datetime):
        tanggal = tanggal.date()
    v = _versi()
    langkah = 1 if n >= 0 else -1
    d = tanggal
    if n == 0:
        while not hari_kerja(d, versi=v):
            d += datetime.timedelta(days=1)
        return d
    sisa = abs(n)
    while sisa:
        d += datetime.timedelta(days=langkah)
        if hari_kerja(d, versi=v):
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
    v = _versi()
    n = 0
    d = a
    while d < b:
        d += datetime.timedelta(days=1)
        if hari_kerja(d, versi=v):
            n += 1
    return n
