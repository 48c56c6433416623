"""The one rate limit: hits per client address (``inti.alamat``) in a window, counted on Django's
cache — and on a database row (``HitunganBatas``) while the cache cannot be reached, so the limit
still holds when Redis is down (a window that spans Redis going down or coming back counts on each
side anew). Never an error for the caller: a count always comes back.

Used by the public complaint pages and their API (intake, status lookup, desa search, the
reporter's answer, the security question) and by the login (failed logins per address).
"""

from __future__ import annotations

import datetime

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from ..models import HitunganBatas
from .alamat import alamat_klien
from .cache import CacheTakTerjangkau, ketat


def kunci_batas(request, nama: str) -> str:
    return f"batas:{nama}:{alamat_klien(request)}"


def hitung(request, nama: str, detik: int) -> int:
    """Count one hit of ``nama`` for the client's address in a window of ``detik`` seconds and
    answer the count so far. Two cache operations, no database — unless the cache is unreachable."""
    kunci = kunci_batas(request, nama)
    try:
        with ketat():
            return _hitung_cache(kunci, detik)
    except CacheTakTerjangkau:
        return _hitung_database(kunci, detik)


def lewat_batas(request, nama: str, batas: int, detik: int) -> bool:
    """Count one hit (``hitung``); True once the count passes ``batas``."""
    return hitung(request, nama, detik) > batas


def jumlah(request, nama: str) -> int:
    """The count of ``nama`` for the client's address in its current window, without counting."""
    kunci = kunci_batas(request, nama)
    try:
        with ketat():
            return int(cache.get(kunci) or 0)
    except CacheTakTerjangkau:
        baris = HitunganBatas.objects.filter(kunci=kunci, berakhir__gt=timezone.now()).first()
        return baris.jumlah if baris else 0


def _hitung_cache(kunci: str, detik: int) -> int:
    if cache.add(kunci, 1, timeout=detik):
        return 1
    try:
        return cache.incr(kunci)
    except ValueError:  # expired between add and incr
        cache.add(kunci, 1, timeout=detik)
        return 1


def _hitung_database(kunci: str, detik: int) -> int:
    """The same count on a row of ``HitunganBatas``, locked while it is counted."""
    sekarang = timezone.now()
    berakhir = sekarang + datetime.timedelta(seconds=detik)
    with transaction.atomic():
        baris, dibuat = HitunganBatas.objects.select_for_update().get_or_create(
            kunci=kunci, defaults={"jumlah": 1, "berakhir": berakhir}
        )
        if not dibuat and baris.berakhir > sekarang:
            baris.jumlah += 1  # the row is locked: no lost update
            baris.save(update_fields=["jumlah"])
            return baris.jumlah
        if not dibuat:  # its window has ended: a new one
            baris.jumlah, baris.berakhir = 1, berakhir
            baris.save(update_fields=["jumlah", "berakhir"])
        # a new window: tidy the windows that have ended (few rows: only outages write here)
        HitunganBatas.objects.filter(berakhir__lte=sekarang).delete()
        return 1
