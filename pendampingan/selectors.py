"""Every read of the core, always scoped to the user."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.utils import timezone

from .models import JenisPenugasan, Pendamping, Penugasan, TindakLanjut, Tingkat, Wilayah
from .scope import cakupan_pengguna, q_prefiks
from .wilayah_kode import leluhur, prefiks

PANJANG_KODE = {Tingkat.PROVINSI: 2, Tingkat.KABUPATEN: 5, Tingkat.KECAMATAN: 8, Tingkat.DESA: 13}
TINGKAT_ANAK = {
    Tingkat.PROVINSI: Tingkat.KABUPATEN,
    Tingkat.KABUPATEN: Tingkat.KECAMATAN,
    Tingkat.KECAMATAN: Tingkat.DESA,
}


def wilayah_akar(*, user):
    """The widest regions the user may see: the provinces for national roles, else their own
    assigned regions (a region inside another assigned one is left out)."""
    c = cakupan_pengguna(user)
    if c.nasional:
        return Wilayah.objects.filter(tingkat=Tingkat.PROVINSI)
    kode = [p.rstrip(".") for p in c.lihat]
    return Wilayah.objects.filter(kode__in=kode)


def wilayah_jumlah_desa(*, wilayah_qs) -> dict[str, int]:
    """{kode: number of desa/kelurahan below it} for the regions of ``wilayah_qs``, in one query
    per level present."""
    hasil: dict[str, int] = {}
    per_tingkat: dict[str, list[str]] = {}
    for kode, tingkat in wilayah_qs.values_list("kode", "tingkat"):
        per_tingkat.setdefault(tingkat, []).append(kode)
    for tingkat, kode_list in per_tingkat.items():
        if tingkat == Tingkat.DESA:
            hasil.update(dict.fromkeys(kode_list, 1))
            continue
        n = PANJANG_KODE[tingkat]
        rows = (
            Wilayah.objects.filter(tingkat=Tingkat.DESA)
            .filter(q_prefiks("kode", [prefiks(k) for k in kode_list]))
            .annotate(induk_kode=Substr("kode", 1, n))
            .values("induk_kode")
            .annotate(n=Count("kode"))
        )
        hasil.update({r["induk_kode"]: r["n"] for r in rows})
    return hasil


def wilayah_saring(qs, *, q: str):
    """Regions of ``qs`` whose code starts with, or name contains, ``q`` (the one search rule of
    the region pages, the autocomplete and the API)."""
    q = (q or "").strip()
    if not q:
        return qs
    return qs.filter(Q(kode__startswith=q) | Q(nama__icontains=q))


def wilayah_anak(*, wilayah: Wilayah, q: str = ""):
    return wilayah_saring(Wilayah.objects.filter(induk=wilayah), q=q).order_by("kode")


def wilayah_cari(*, user, q: str, tingkat: str | None = None, mode: str = "lihat", batas: int = 20):
    """Autocomplete: regions in the user's scope whose code starts with, or name contains, ``q``."""
    qs = Wilayah.objects.writable_by(user) if mode == "catat" else Wilayah.objects.visible_to(user)
    if tingkat:
        qs = qs.filter(tingkat=tingkat)
    return (
        wilayah_saring(qs, q=q)
        .select_related("induk", "induk__induk")
        .order_by("tingkat", "nama")[:batas]
    )


def wilayah_penugasan_desa(*, desa: Wilayah):
    """Every assignment (current and past) at the desa or a region above it."""
    return (
        Penugasan.objects.filter(wilayah_id__in=[desa.kode, *leluhur(desa.kode)])
        .select_related("pendamping", "wilayah")
        .order_by("-selesai", "wilayah_id", "-mulai")
    )


def wilayah_breadcrumb(*, wilayah: Wilayah) -> list[Wilayah]:
    kode = leluhur(wilayah.kode)
    by_kode = {w.kode: w for w in Wilayah.objects.filter(kode__in=kode)}
    return [by_kode[k] for k in kode if k in by_kode]


def desa_catat(*, user, tanggal: datetime.date | None = None):
    """The desa/kelurahan where the user may record activities."""
    return Wilayah.objects.writable_by(user).filter(tingkat=Tingkat.DESA)


def pendamping_lapangan_wilayah(*, kode: str, tanggal: datetime.date | None = None):
    """Facilitators with an active field assignment on ``kode`` or on a region above it."""
    tanggal = tanggal or timezone.localdate()
    ids = (
        Penugasan.objects.aktif(tanggal)
        .filter(jenis=JenisPenugasan.LAPANGAN, wilayah_id__in=[kode, *leluhur(kode)])
        .values("pendamping_id")
    )
    return Pendamping.objects.filter(pk__in=ids, aktif=True).select_related("user")


def tindak_lanjut_terlambat(*, user):
    """Open follow-ups past due in the user's scope, oldest first."""
    return (
        TindakLanjut.objects.visible_to(user)
        .terlambat()
        .select_related("wilayah", "pendamping")
        .order_by("jatuh_tempo")
    )
