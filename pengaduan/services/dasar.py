"""What every complaint service shares: the SLA settings, the running deadline, the timeline rows
that move nothing, and ``pindah`` — the complaint's one status move, through
``inti.alur.pindah_status``."""

from __future__ import annotations

import copy
import datetime

from django.conf import settings
from django.utils import timezone

from pendampingan.inti.alur import pindah_status
from pendampingan.kalender import tanggal_setempat

from ..models import JenisPeristiwa, JenisTenggat, Pengaduan, PeristiwaPengaduan, StatusPengaduan

S = StatusPengaduan


def sla(nama: str) -> int:
    return int(getattr(settings, f"PENGADUAN_SLA_{nama.upper()}"))


def hari_ini(p: Pengaduan | None = None) -> datetime.date:
    """Today; with ``p``, today in its desa's own time zone (the day its SLA counts from)."""
    if p is None:
        return timezone.localdate()
    return tanggal_setempat(timezone.now(), p.wilayah_id)


def pengguna(user):
    """The actor to record (None for the public and the beat task)."""
    return user if user is not None and user.is_authenticated else None


def tenggat_untuk(p: Pengaduan, status: str) -> dict:
    """The running deadline of ``p`` once it has ``status`` (the fields to save)."""
    if status == S.DITERIMA:
        t, j = p.tenggat_verifikasi, JenisTenggat.VERIFIKASI
    elif status in (S.DIVERIFIKASI, S.DITANGANI) and not p.rencana_pada:
        t, j = p.tenggat_rencana, JenisTenggat.RENCANA
    elif status in (S.SELESAI, S.DIRUJUK) and p.tenggat_tutup:
        t, j = p.tenggat_tutup, JenisTenggat.TUTUP
    else:
        t, j = None, ""
    return {"tenggat": t, "tenggat_jenis": j}


def simpan_tenggat(p: Pengaduan, fields=()) -> None:
    """Save ``fields`` of the locked ``p`` with its running deadline (no status change)."""
    for k, v in tenggat_untuk(p, p.status).items():
        setattr(p, k, v)
    p.save(update_fields=[*fields, "tenggat", "tenggat_jenis", "diubah"])


def rencana_tercatat(p: Pengaduan) -> dict:
    """The follow-up plan is in (a musyawarah, a reply or a referral after verification)."""
    if p.rencana_pada or p.status == S.DITERIMA:
        return {}
    return {"rencana_pada": timezone.now()}


def peristiwa(p, *, jenis, user=None, catatan="", publik=False, **kw) -> PeristiwaPengaduan:
    """A timeline row that moves nothing (an assignment, a musyawarah, a reply ...)."""
    return PeristiwaPengaduan.objects.create(
        pengaduan=p, jenis=jenis, oleh=pengguna(user), catatan=catatan, publik=publik, **kw
    )


def pindah(p: Pengaduan, ke: str, *, user, dari=None, catatan="", publik=True, ubah=None):
    """Move ``p`` to ``ke`` with ``inti.alur.pindah_status`` (lock, map, event row), saving
    ``ubah`` and the running deadline of the new status with it. ``dari``: the status the user saw
    (a second, concurrent mover is refused with ``PindahDitolak``). Returns the event row (None for
    a move to the current status)."""
    ubah = dict(ubah or {})
    bayangan = copy.copy(p)  # the deadline of the new state, without touching ``p`` yet
    for k, v in ubah.items():
        setattr(bayangan, k, v)
    ubah.update(tenggat_untuk(bayangan, ke))
    return pindah_status(
        p,
        ke=ke,
        oleh=pengguna(user),
        catatan=catatan,
        dari=dari,
        ubah=ubah,
        peristiwa={"jenis": JenisPeristiwa.STATUS, "publik": publik},
    )
