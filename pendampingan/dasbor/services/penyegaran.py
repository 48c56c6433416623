"""Keeping the summaries current: the incremental refresh off the daily log's history table
(every few minutes) and the full rebuild (every night, and ``manage.py ringkasan_bangun``)."""

from __future__ import annotations

import datetime

from django.db import connection, transaction
from django.utils import timezone

from pendampingan.models import Kegiatan

from ..models import StatusPenyegaran
from ..periode import bulan_awal
from .ringkasan import (
    PANJANG_DESA,
    aktivitas_desa_hitung,
    ringkasan_hitung_hari,
    ringkasan_hitung_pendamping,
    ringkasan_wilayah_hitung,
    tindak_lanjut_ringkasan_hitung,
)


def _memori_kerja():
    """A larger sort memory for the rebuild's big GROUP BYs (PostgreSQL only)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SET LOCAL work_mem = '256MB'")


@transaction.atomic
def ringkasan_bangun_ulang() -> None:
    """Rebuild every summary table from the whole daily log (the nightly safety net)."""
    mulai = timezone.now()
    _memori_kerja()
    ringkasan_hitung_hari(tanggal=None)
    ringkasan_hitung_pendamping(pasangan=None)
    aktivitas_desa_hitung(desa=None)
    ringkasan_wilayah_hitung()
    tindak_lanjut_ringkasan_hitung()
    StatusPenyegaran.objects.update_or_create(kunci="kegiatan", defaults={"sampai": mulai})


def ringkasan_segarkan(*, sampai: datetime.datetime | None = None) -> dict:
    """Bring the summaries up to date with every entry change since the last run.

    The changes are read off the daily log's history table (every create, edit, status move and
    delete writes a row there): for each changed entry, all the days, desa and facilitator-months
    it was ever on are recomputed, so a moved date or place leaves no stale count behind."""
    sampai = sampai or timezone.now()
    with transaction.atomic():
        status, dibuat = StatusPenyegaran.objects.select_for_update().get_or_create(
            kunci="kegiatan", defaults={"sampai": sampai}
        )
        if dibuat:
            ringkasan_bangun_ulang()
            return {"penuh": True}
        Riwayat = Kegiatan.history.model
        ids = set(
            Riwayat.objects.filter(history_date__gt=status.sampai, history_date__lte=sampai)
            .values_list("id", flat=True)
            .distinct()
        )
        baris = list(
            Riwayat.objects.filter(id__in=ids).values_list("tanggal", "wilayah_id", "pendamping_id")
        )
        ringkasan_hitung_hari(tanggal={t for t, _w, _p in baris})
        ringkasan_hitung_pendamping(pasangan={(p, bulan_awal(t)) for t, _w, p in baris})
        aktivitas_desa_hitung(desa={w for _t, w, _p in baris if len(w) == PANJANG_DESA})
        ringkasan_wilayah_hitung()
        tindak_lanjut_ringkasan_hitung()
        status.sampai = sampai
        status.save(update_fields=["sampai", "diperbarui"])
    return {"penuh": False, "kegiatan": len(ids)}
