"""The daily SLA pass (the beat task): automatic closing, reminders before a deadline, the notice
to the supervisors once it passed. Deadlines are working days (``pendampingan.kalender``) with the
defaults in settings ``PENGADUAN_SLA_*``."""

from __future__ import annotations

import datetime

from django.db import transaction

from pendampingan.kalender import tambah_hari_kerja

from .. import pemberitahuan
from ..models import Pengaduan, PengingatSLA, StatusPengaduan
from .dasar import hari_ini as _hari_ini
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


def pengaduan_sla_periksa(*, hari_ini: datetime.date | None = None) -> dict[str, int]:
    """Close settled/referred complaints past their closing deadline, remind the handler of a
    deadline within ``PENGADUAN_SLA_PENGINGAT`` working days, tell the supervisors of a deadline
    that passed. Each reminder once per complaint and deadline; safe to run twice."""
    hari_ini = hari_ini or _hari_ini()
    hasil = {"ditutup": 0, "sebelum": 0, "lewat": 0}
    for p in Pengaduan.objects.filter(
        status__in=[S.SELESAI, S.DIRUJUK], tenggat_tutup__lt=hari_ini
    ).only("pk"):
        pengaduan_tutup(pengaduan=p, otomatis=True)
        hasil["ditutup"] += 1
    batas = tambah_hari_kerja(hari_ini, sla("pengingat"))
    terbuka = Pengaduan.objects.terbuka()
    terkait = ("penangan__user", "kategori", "wilayah")
    for p in terbuka.filter(tenggat__gte=hari_ini, tenggat__lte=batas).select_related(*terkait):
        hasil["sebelum"] += _ingatkan(p, PengingatSLA.Tahap.SEBELUM)
    for p in terbuka.filter(tenggat__lt=hari_ini).select_related(*terkait):
        hasil["lewat"] += _ingatkan(p, PengingatSLA.Tahap.LEWAT)
    return hasil
