"""The public pages' guards: a per-address rate limit on Django's cache (on a database counter
while the cache cannot be reached), and an upload handler that drops an oversized attachment while
it streams (the typed text of the form is kept)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.db import transaction
from django.utils import timezone

from pendampingan.inti.cache import CacheTakTerjangkau, ketat

from .models import HitunganBatas


def alamat(request) -> str:
    """The client's address. Behind a proxy, set ``PENGADUAN_PROXY_TEPERCAYA`` so the last hop of
    X-Forwarded-For is used."""
    if getattr(settings, "PENGADUAN_PROXY_TEPERCAYA", False):
        xff = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if xff:
            return xff.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def lewat_batas(request, nama: str, batas: int, detik: int) -> bool:
    """Count one hit of ``nama`` for the client's address in a window of ``detik`` seconds; True once
    the count passes ``batas``. Two cache operations, no database — unless the cache cannot be
    reached (Redis down): then the count is kept in the database (``HitunganBatas``), so the limit
    still holds. (A window that spans Redis going down or coming back counts on each side anew.)"""
    kunci = f"pengaduan:batas:{nama}:{alamat(request)}"
    try:
        with ketat():
            n = _hitung_cache(kunci, detik)
    except CacheTakTerjangkau:
        n = _hitung_database(kunci, detik)
    return n > batas


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


class BatasUnggahanHandler(FileUploadHandler):
    """Skip any file over ``UNGGAHAN_MAKS_MB`` (the one upload size setting) as it streams in (nothing of it is kept in
    memory or on disk); the other fields are still parsed. What was skipped is left on
    ``request.lampiran_ditolak`` for the form to report. (A body over
    ``PENGADUAN_PERMINTAAN_MAKS_MB`` is refused by the view from its Content-Length, unread.)"""

    def __init__(self, request=None):
        super().__init__(request)
        self.maks = settings.UNGGAHAN_MAKS_MB * 1024 * 1024
        request.lampiran_ditolak = []

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.diterima = 0

    def receive_data_chunk(self, raw_data, start):
        self.diterima += len(raw_data)
        if self.diterima > self.maks:
            self.request.lampiran_ditolak.append(self.file_name)
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size):
        return None
