"""Every read of the daily log, always from ``visible_to(user)``; each selector owns its
select_related/prefetch_related so a page costs a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import registry
from ..models import (
    FotoKegiatan,
    Kegiatan,
    KegiatanButir,
    KegiatanPeristiwa,
    PenilaianPrinsip,
    StatusKegiatan,
    StatusTindakLanjut,
    TindakLanjut,
)
from ..registry import ItemLiniMasa
from ..scope import cakupan_pengguna
from .akses import pendamping_pengguna, q_dapat_diverifikasi


@dataclass
class SaringKegiatan:
    """Filters of the log lists (all optional)."""

    wilayah: str = ""  # a region code: the region and everything below it
    tata_cara: str = ""
    status: str = ""
    dari: datetime.date | None = None
    sampai: datetime.date | None = None
    q: str = ""
    pendamping: int | None = None
    butir: int | None = None  # a butir id: entries tagged with it


def _saring(qs, saring: SaringKegiatan | None):
    if saring is None:
        return qs
    if saring.wilayah:
        qs = qs.di_wilayah(saring.wilayah)
    if saring.tata_cara:
        qs = qs.filter(tata_cara=saring.tata_cara)
    if saring.status:
        qs = qs.filter(status=saring.status)
    if saring.dari:
        qs = qs.filter(tanggal__gte=saring.dari)
    if saring.sampai:
        qs = qs.filter(tanggal__lte=saring.sampai)
    if saring.pendamping:
        qs = qs.filter(pendamping_id=saring.pendamping)
    if saring.butir:
        qs = qs.filter(tanda_butir__butir_id=saring.butir)
    if saring.q:
        q = saring.q.strip()
        qs = qs.filter(
            Q(judul__icontains=q)
            | Q(uraian__icontains=q)
            | Q(hasil__icontains=q)
            | Q(masalah__icontains=q)
        )
    return qs


def _tanda_butir() -> Prefetch:
    """The entry's butir in the regulation's order (one query for a page of entries)."""
    return Prefetch(
        "tanda_butir",
        queryset=KegiatanButir.objects.select_related("butir").order_by(
            "butir__urutan", "butir__kode"
        ),
    )


def _daftar(qs):
    return qs.select_related("wilayah", "pendamping").prefetch_related(
        Prefetch("foto", queryset=FotoKegiatan.objects.order_by("diunggah", "pk")), _tanda_butir()
    )


def kegiatan_saya(*, user, saring: SaringKegiatan | None = None):
    """The user's own entries, newest first (for "Log saya")."""
    p = pendamping_pengguna(user)
    if p is None:
        return Kegiatan.objects.none()
    qs = Kegiatan.objects.visible_to(user).filter(pendamping=p)
    return _daftar(_saring(qs, saring)).order_by("-tanggal", "-jam_mulai", "-pk")


def kegiatan_wilayah(*, user, saring: SaringKegiatan | None = None):
    """Every entry the user may see (a supervisor's area), newest first."""
    qs = Kegiatan.objects.visible_to(user)
    return _daftar(_saring(qs, saring)).order_by("-tanggal", "-jam_mulai", "-pk")


def antrean_verifikasi(*, user, saring: SaringKegiatan | None = None):
    """Submitted entries the user may verify (below them, in their supervised area, not theirs),
    oldest submission first."""
    q = q_dapat_diverifikasi(user)
    if q is None:
        return Kegiatan.objects.none()
    qs = Kegiatan.objects.visible_to(user).filter(q, status=StatusKegiatan.DIAJUKAN)
    return _daftar(_saring(qs, saring)).order_by("diajukan_pada", "pk")


def jumlah_antrean(*, user) -> int:
    q = q_dapat_diverifikasi(user)
    if q is None:
        return 0
    return Kegiatan.objects.visible_to(user).filter(q, status=StatusKegiatan.DIAJUKAN).count()


def kegiatan_detail_qs(*, user):
    """The door to one entry with everything its page shows."""
    return (
        Kegiatan.objects.visible_to(user)
        .select_related(
            "wilayah",
            "wilayah__induk",
            "pendamping",
            "diverifikasi_oleh",
            "asistensi__lembaga",
            "asistensi__bidang",
            "pengarahan__bidang",
            "pengarahan__prioritas",
            "pengarahan__tindak_lanjut",
        )
        .prefetch_related(
            "sdgs",
            _tanda_butir(),
            Prefetch(
                "penilaian_prinsip",
                queryset=PenilaianPrinsip.objects.select_related("prinsip").order_by(
                    "prinsip__urutan"
                ),
            ),
            Prefetch("foto", queryset=FotoKegiatan.objects.order_by("diunggah", "pk")),
            "dokumen",
            Prefetch(
                "peristiwa", queryset=KegiatanPeristiwa.objects.select_related("oleh__pendamping")
            ),
            Prefetch("tindak_lanjut", queryset=TindakLanjut.objects.order_by("jatuh_tempo")),
        )
    )


def tautan_kegiatan(*, kegiatan_list, user) -> dict[int, list[ItemLiniMasa]]:
    """What other apps link to these entries (``registry.tautan_kegiatan``)."""
    hasil: dict[int, list[ItemLiniMasa]] = {k.pk: [] for k in kegiatan_list}
    for fungsi in registry.tautan_kegiatan.values():
        for kid, items in (fungsi(kegiatan_list, user) or {}).items():
            if kid in hasil:
                hasil[kid].extend(items)
    return hasil


def riwayat_kegiatan(*, kegiatan: Kegiatan, batas: int = 30) -> list[dict]:
    """The entry's simple-history records, newest first, each with the fields it changed."""
    catatan = list(
        kegiatan.history.select_related("history_user").order_by("-history_date")[: batas + 1]
    )
    hasil = []
    for i, h in enumerate(catatan[:batas]):
        sebelumnya = catatan[i + 1] if i + 1 < len(catatan) else None
        berubah = []
        if sebelumnya is not None:
            delta = h.diff_against(sebelumnya)
            for c in delta.changes:
                field = Kegiatan._meta.get_field(c.field)
                berubah.append(str(field.verbose_name))
        hasil.append(
            {
                "waktu": h.history_date,
                "oleh": h.history_user,
                "jenis": h.get_history_type_display(),
                "berubah": berubah,
            }
        )
    return hasil


# ----------------------------------------------------------------------- follow-ups
def tindak_lanjut_saya(*, user, status: str = ""):
    p = pendamping_pengguna(user)
    if p is None:
        return TindakLanjut.objects.none()
    qs = TindakLanjut.objects.visible_to(user).filter(pendamping=p)
    return _tl_saring(qs, status)


def tindak_lanjut_wilayah(*, user, status: str = "", wilayah: str = ""):
    """Follow-ups in the user's area (supervisors), optionally below a region."""
    qs = TindakLanjut.objects.visible_to(user)
    if wilayah:
        qs = qs.di_wilayah(wilayah)
    return _tl_saring(qs, status)


def _tl_saring(qs, status):
    if status == "terlambat":
        qs = qs.terlambat()
    elif status in StatusTindakLanjut.values:
        qs = qs.filter(status=status)
    return qs.select_related("wilayah", "pendamping", "kegiatan").order_by(
        "status", "jatuh_tempo", "pk"
    )


# ----------------------------------------------------------------------- timeline
def lini_masa_kegiatan(desa, user, batas: int) -> list[ItemLiniMasa]:
    """The desa timeline's entries (one query; only entries the user may see)."""
    rows = (
        Kegiatan.objects.visible_to(user)
        .filter(wilayah=desa)
        .select_related("pendamping")
        .order_by("-tanggal", "-jam_mulai")[:batas]
    )
    return [
        ItemLiniMasa(
            waktu=timezone.make_aware(
                datetime.datetime.combine(k.tanggal, k.jam_mulai), timezone.get_current_timezone()
            ),
            jenis=_("Kegiatan"),
            judul=k.judul,
            url=reverse("pendampingan:kegiatan-detail", args=[k.pk]),
            keterangan=f"{k.get_tata_cara_display()} · {k.pendamping.nama} · {k.get_status_display()}",
            ikon="📝",
        )
        for k in rows
    ]


def tata_cara_terakhir(*, user) -> str:
    p = pendamping_pengguna(user)
    if p is None:
        return ""
    return (
        Kegiatan.objects.filter(pendamping=p)
        .order_by("-dibuat")
        .values_list("tata_cara", flat=True)
        .first()
        or ""
    )


def pengguna_pengawas(user) -> bool:
    return cakupan_pengguna(user).pengawas
