"""Reads of the BUM Desa register."""

from __future__ import annotations

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from pendampingan.models import Kegiatan

from ..models import BumDesa, Fasilitasi, LaporanTahunanBumDesa


def bumdes_list(*, user, q: str = "", wilayah: str = "", status_badan_hukum: str = ""):
    qs = BumDesa.objects.visible_to(user)
    if wilayah:
        qs = qs.di_wilayah(wilayah)
    if status_badan_hukum:
        qs = qs.filter(status_badan_hukum=status_badan_hukum)
    if q:
        qs = qs.filter(Q(nama__icontains=q) | Q(wilayah__nama__icontains=q))
    return (
        qs.select_related("wilayah", "wilayah__induk")
        .annotate(jumlah_unit=Count("unit_usaha", filter=Q(unit_usaha__aktif=True), distinct=True))
        .order_by("nama", "pk")
    )


def bumdes_detail(*, user, pk: int) -> BumDesa:
    return get_object_or_404(
        BumDesa.objects.visible_to(user)
        .select_related("wilayah", "wilayah__induk")
        .prefetch_related("desa_anggota", "unit_usaha", "pengurus"),
        pk=pk,
    )


def bumdes_laporan_tren(*, bumdes: BumDesa) -> list[dict]:
    """The yearly figures, oldest first, each with its change against the year before."""
    laporan = list(LaporanTahunanBumDesa.objects.filter(bumdes=bumdes).order_by("tahun"))
    maks = max((float(r.omzet) for r in laporan), default=0) or 1
    hasil, sebelum = [], None
    for r in laporan:
        hasil.append(
            {
                "laporan": r,
                "persen_omzet": round(float(r.omzet) / maks * 100),
                "delta_omzet": (r.omzet - sebelum.omzet) if sebelum else None,
                "delta_laba": (r.laba - sebelum.laba) if sebelum else None,
                "delta_pades": (r.kontribusi_pades - sebelum.kontribusi_pades) if sebelum else None,
            }
        )
        sebelum = r
    return hasil


def bumdes_kasus_kegiatan(*, user, bumdes: BumDesa):
    """The scope-4 cases linked to the BUM Desa, and the daily-log entries that served them."""
    kasus = list(
        Fasilitasi.objects.visible_to(user)
        .filter(bumdes=bumdes)
        .select_related("templat", "tahap_kini", "wilayah")
        .order_by("-tahun", "pk")
    )
    kegiatan = list(
        Kegiatan.objects.visible_to(user)
        .filter(peristiwa_fasilitasi__kasus__bumdes=bumdes)
        .select_related("pendamping", "wilayah")
        .distinct()
        .order_by("-tanggal")[:50]
    )
    return kasus, kegiatan


def bumdes_pilihan(*, user, wilayah_kode: str | None = None):
    qs = BumDesa.objects.visible_to(user).filter(aktif=True)
    if wilayah_kode:
        qs = qs.filter(Q(wilayah_id=wilayah_kode) | Q(desa_anggota=wilayah_kode)).distinct()
    return qs.order_by("nama")
