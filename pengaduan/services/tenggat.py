"""The daily SLA pass (the beat task): automatic closing, reminders before a deadline, the notice
to the supervisors once it passed. Deadlines are working days (``pendampingan.kalender``) with the
defaults in settings ``PENGADUAN_SLA_*``. "Today" is the date in each complaint's desa's own zone
(WIB, WITA, WIT): at 15:30 UTC a desa in Papua is already in tomorrow while Jawa is not."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Q

from pendampingan.kalender import q_menurut_tanggal_setempat, tambah_hari_kerja

from .. import pemberitahuan
from ..models import Pengaduan, PengingatSLA, StatusPengaduan
from .dasar import sla
from .penanganan import pengaduan_tutup

S = StatusPengaduan


def _ingatkan(p: Pengaduan, tahap: str) -> bool:
    """Record and send one reminder for the running deadline; False when already sent."""
    with transaction.atomic():
        _obj, baru = PengingatSLA.objects.get_or_create(
            pengaduan=p, tenggat_jenis=p.tenggat_jenis, tenggat=p.tenggat, tahap=tahap
        )
        if baru:
            pemberitahuan.sla(p, tahap)
    return baru


def pengaduan_sla_periksa(
    *, hari_ini: datetime.date | None = None, waktu: datetime.datetime | None = None
) -> dict[str, int]:
    """Close settled/referred complaints past their closing deadline, remind the handler of a
    deadline within ``PENGADUAN_SLA_PENGINGAT`` working days, tell the supervisors of a deadline
    that passed. Each reminder once per complaint and deadline; safe to run twice.

    "Today" is each desa's own date at ``waktu`` (default now); ``hari_ini`` sets one date for
    every desa instead."""

    def menurut_hari(syarat):
        if hari_ini is not None:
            return syarat(hari_ini)
        return q_menurut_tanggal_setempat(syarat, waktu=waktu)

    hasil = {"ditutup": 0, "sebelum": 0, "lewat": 0}
    for p in (
        Pengaduan.objects.filter(status__in=[S.SELESAI, S.DIRUJUK])
        .filter(menurut_hari(lambda d: Q(tenggat_tutup__lt=d)))
        .only("pk")
    ):
        pengaduan_tutup(pengaduan=p, otomatis=True)
        hasil["ditutup"] += 1
    n = sla("pengingat")
    terbuka = Pengaduan.objects.terbuka()
    terkait = ("penangan__user", "kategori", "wilayah")
    segera = menurut_hari(lambda d: Q(tenggat__gte=d, tenggat__lte=tambah_hari_kerja(d, n)))
    for p in terbuka.filter(segera).select_related(*terkait):
        hasil["sebelum"] += _ingatkan(p, PengingatSLA.Tahap.SEBELUM)
    for p in terbuka.filter(menurut_hari(lambda d: Q(tenggat__lt=d))).select_related(*terkait):
        hasil["lewat"] += _ingatkan(p, PengingatSLA.Tahap.LEWAT)
    return hasil
