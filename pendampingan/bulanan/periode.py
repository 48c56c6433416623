"""Months, deadlines and the month lock.

A month's entries may be corrected until the deadline day of the next month
(``BULANAN_HARI_TENGGAT``, default the 3rd); after that — when ``BULANAN_KUNCI_AKTIF`` — the month
is locked. Independently of the date, a month whose report is under review (``diajukan``) or
approved (``disetujui``) is read-only. A supervisor may reopen a month for one facilitator until a
given date (``PembukaanBulan``); reopening an approved or submitted report also returns it.
"""

from __future__ import annotations

import calendar
import datetime

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .models import LaporanBulanan, PembukaanBulan, StatusLaporan


def awal_bulan(tanggal: datetime.date) -> datetime.date:
    return tanggal.replace(day=1)


def akhir_bulan(bulan: datetime.date) -> datetime.date:
    return bulan.replace(day=calendar.monthrange(bulan.year, bulan.month)[1])


def bulan_berikut(bulan: datetime.date) -> datetime.date:
    return (akhir_bulan(bulan) + datetime.timedelta(days=1)).replace(day=1)


def bulan_lalu(bulan: datetime.date) -> datetime.date:
    return (bulan.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def nama_bulan(bulan: datetime.date) -> str:
    """'Oktober 2026' in the active language."""
    return formats.date_format(bulan, "F Y")


def hari_tenggat() -> int:
    return int(getattr(settings, "BULANAN_HARI_TENGGAT", 3))


def kunci_aktif() -> bool:
    return bool(getattr(settings, "BULANAN_KUNCI_AKTIF", True))


def tenggat(bulan: datetime.date) -> datetime.date:
    """The last day on which the month's entries may still be corrected and the report submitted
    on time: the deadline day of the next month."""
    berikut = bulan_berikut(bulan)
    return berikut.replace(day=min(hari_tenggat(), akhir_bulan(berikut).day))


def lewat_tenggat(bulan: datetime.date, hari_ini: datetime.date | None = None) -> bool:
    return (hari_ini or timezone.localdate()) > tenggat(bulan)


def alasan_kunci_bulan(
    *, pendamping_id: int, bulan: datetime.date, hari_ini: datetime.date | None = None
) -> str | None:
    """Why the facilitator's month is read-only, or None. Two queries at most."""
    hari_ini = hari_ini or timezone.localdate()
    bulan = awal_bulan(bulan)
    status = (
        LaporanBulanan.objects.filter(pendamping_id=pendamping_id, bulan=bulan)
        .values_list("status", flat=True)
        .first()
    )
    nama = nama_bulan(bulan)
    if status == StatusLaporan.DISETUJUI:
        return _(
            "Laporan bulanan %(bulan)s sudah disetujui, sehingga kegiatan bulan itu tidak dapat "
            "diubah lagi. Minta pengawas Anda membuka kembali bulan ini bila perlu koreksi."
        ) % {"bulan": nama}
    if status == StatusLaporan.DIAJUKAN:
        return _(
            "Laporan bulanan %(bulan)s sedang diperiksa pengawas, sehingga kegiatan bulan itu tidak "
            "dapat diubah sampai laporan dikembalikan."
        ) % {"bulan": nama}
    if kunci_aktif() and lewat_tenggat(bulan, hari_ini):
        dibuka = PembukaanBulan.objects.filter(
            pendamping_id=pendamping_id, bulan=bulan, sampai__gte=hari_ini
        ).exists()
        if not dibuka:
            return _(
                "Bulan %(bulan)s sudah dikunci sejak %(tgl)s (batas koreksi tanggal %(hari)d bulan "
                "berikutnya). Minta pengawas Anda membuka kembali bulan ini bila perlu koreksi."
            ) % {
                "bulan": nama,
                "tgl": formats.date_format(tenggat(bulan) + datetime.timedelta(days=1), "j F Y"),
                "hari": hari_tenggat(),
            }
    return None


def kunci_kegiatan(kegiatan) -> str | None:
    """The check registered with ``registry.daftar_kunci_kegiatan``: the daily-log services refuse
    to create, change or delete an entry of a locked month."""
    if not kegiatan.pendamping_id or not kegiatan.tanggal:
        return None
    return alasan_kunci_bulan(pendamping_id=kegiatan.pendamping_id, bulan=kegiatan.tanggal)
