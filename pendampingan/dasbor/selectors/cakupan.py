"""Coverage: desa with an entry in the last ``DASBOR_HARI_CAKUPAN`` days, desa without an active
field assignment, per child region, and the desa lists behind those figures.

"Without a facilitator" counts desa and desa adat only (``Q_TANPA_PLD``): a kelurahan has no PLD,
so it is never a gap (Jakarta Pusat has no desa at all)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone

from pendampingan.models import JENIS_DESA, JenisPenugasan, Penugasan, Tingkat, Wilayah

from ..models import RingkasanWilayah
from ..sumber import Q_TANPA_PLD
from .wilayah import NASIONAL, nama_wilayah, panjang_anak, tingkat_anak, tingkat_lebar


def penugasan_lapangan(wilayah: Wilayah, tanggal=None):
    """Active field assignments in the region."""
    return (
        Penugasan.objects.aktif(tanggal)
        .filter(jenis=JenisPenugasan.LAPANGAN)
        .di_wilayah(wilayah.kode)
    )


def _ringkasan_anak(wilayah: Wilayah) -> list[dict]:
    return [
        {
            "anak": r["wilayah_id"],
            "total": r["desa"],
            "aktif": r["desa_aktif"],
            "kosong": r["desa_kosong"],
            "dihitung": r["dihitung"],
        }
        for r in RingkasanWilayah.objects.filter(induk=wilayah.kode)
        .values("wilayah_id", "desa", "desa_aktif", "desa_kosong", "dihitung")
        .order_by("wilayah_id")
    ]


def _hitung_desa_anak(wilayah: Wilayah, batas: datetime.date, hari_ini) -> list[dict]:
    n = panjang_anak(wilayah)
    ada_pld = Exists(
        Penugasan.objects.aktif(hari_ini).filter(
            jenis=JenisPenugasan.LAPANGAN, wilayah_id=OuterRef("kode")
        )
    )
    rows = list(
        Wilayah.objects.filter(tingkat=Tingkat.DESA)
        .di_wilayah(wilayah.kode)
        .annotate(ada_pld=ada_pld)
        .annotate(sub=Substr("kode", 1, n))
        .values("sub")
        .annotate(
            total=Count("kode"),
            aktif=Count("kode", filter=Q(aktivitas_dasbor__terakhir__gte=batas)),
            kosong=Count("kode", filter=Q_TANPA_PLD),
        )
        .order_by("sub")
    )
    for r in rows:
        r["anak"] = r.pop("sub")
        r["dihitung"] = None
    return rows


def desa_per_anak(*, wilayah: Wilayah, hari_ini: datetime.date | None = None) -> list[dict]:
    """Per child region: desa, desa with an entry in the coverage window, desa without an active
    field assignment (1 query)."""
    hari_ini = hari_ini or timezone.localdate()
    batas = hari_ini - datetime.timedelta(days=settings.DASBOR_HARI_CAKUPAN - 1)
    if tingkat_lebar(wilayah):
        return _ringkasan_anak(wilayah)
    return _hitung_desa_anak(wilayah, batas, hari_ini)


def cakupan(*, wilayah: Wilayah, hari_ini: datetime.date | None = None) -> dict:
    """Desa with at least one entry in the last ``DASBOR_HARI_CAKUPAN`` days, per child region
    (2 queries). At the wide levels the figures come from ``RingkasanWilayah`` (as of its last
    refresh, a few minutes at most)."""
    hari_ini = hari_ini or timezone.localdate()
    batas = hari_ini - datetime.timedelta(days=settings.DASBOR_HARI_CAKUPAN - 1)
    rows = desa_per_anak(wilayah=wilayah, hari_ini=hari_ini)
    nama = nama_wilayah([r["anak"] for r in rows], wilayah)
    for r in rows:
        r["nama"] = nama.get(r["anak"], r["anak"])
        r["celah"] = r["total"] - r["aktif"]
        r["persen"] = round(100 * r["aktif"] / r["total"]) if r["total"] else 0
    rows.sort(key=lambda r: (-r["celah"], r["nama"]))
    total = sum(r["total"] for r in rows)
    aktif = sum(r["aktif"] for r in rows)
    dihitung = [r["dihitung"] for r in rows if r["dihitung"]]
    return {
        "batas": batas,
        "hari": settings.DASBOR_HARI_CAKUPAN,
        "total": total,
        "aktif": aktif,
        "celah": total - aktif,
        "persen": round(100 * aktif / total) if total else 0,
        "baris": rows,
        "tingkat_anak": tingkat_anak(wilayah),
        "dihitung": min(dihitung) if dihitung else None,
    }


def desa_daftar(*, user, wilayah: Wilayah, kondisi: str = "", hari_ini=None, q: str = ""):
    """Desa in the region: ``kondisi`` = "celah" (no entry in the coverage window), "aktif", or
    "kosong" (a desa — not a kelurahan — with no active field assignment). Annotated with the latest entry date."""
    hari_ini = hari_ini or timezone.localdate()
    batas = hari_ini - datetime.timedelta(days=settings.DASBOR_HARI_CAKUPAN - 1)
    qs = (
        Wilayah.objects.visible_to(user)
        .filter(tingkat=Tingkat.DESA)
        .di_wilayah(wilayah.kode)
        .annotate(terakhir=Coalesce("aktivitas_dasbor__terakhir", None))
        .select_related("induk")
    )
    if kondisi == "celah":
        qs = qs.filter(Q(aktivitas_dasbor__terakhir__lt=batas) | Q(aktivitas_dasbor__isnull=True))
    elif kondisi == "aktif":
        qs = qs.filter(aktivitas_dasbor__terakhir__gte=batas)
    elif kondisi == "kosong":
        qs = qs.filter(jenis__in=JENIS_DESA).exclude(
            kode__in=penugasan_lapangan(wilayah).values("wilayah_id")
        )
    if q:
        qs = qs.filter(Q(nama__icontains=q) | Q(kode__startswith=q))
    return qs.order_by("kode")


def desa_jumlah_ringkasan(*, wilayah: Wilayah, kondisi: str = "", q: str = "") -> int | None:
    """The number of desa a national or provinsi desa list will show, from ``RingkasanWilayah``
    (as of its last refresh); None: count the rows."""
    if q or wilayah.tingkat not in (NASIONAL, Tingkat.PROVINSI):
        return None
    rows = desa_per_anak(wilayah=wilayah)
    if kondisi == "celah":
        return sum(r["total"] - r["aktif"] for r in rows)
    if kondisi == "aktif":
        return sum(r["aktif"] for r in rows)
    if kondisi == "kosong":
        return sum(r["kosong"] for r in rows)
    return sum(r["total"] for r in rows)
