"""Facilitators: their monthly figures (entries, days worked, hours, waiting for verification,
flagged) read off ``RingkasanPendampingBulan``, and the desa without a field facilitator."""

from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce

from pendampingan.models import Pendamping, Wilayah

from ..models import RingkasanPendampingBulan
from ..periode import Periode
from .cakupan import desa_per_anak, penugasan_lapangan
from .wilayah import nama_wilayah


def pendamping_daftar(*, user, wilayah: Wilayah, periode: Periode, urut: str = "nama"):
    """Facilitators with an active field assignment in the region, with their figures for the
    whole months of the period (entries, days worked, hours, waiting for verification, flagged)."""
    bulan = periode.bulan()
    ids = penugasan_lapangan(wilayah).values("pendamping_id")

    def jumlah(kolom):
        sub = (
            RingkasanPendampingBulan.objects.filter(pendamping_id=OuterRef("pk"), bulan__in=bulan)
            .order_by()
            .values("pendamping_id")
            .annotate(s=Sum(kolom))
            .values("s")
        )
        return Coalesce(Subquery(sub, output_field=IntegerField()), 0)

    qs = (
        Pendamping.objects.visible_to(user)
        .filter(pk__in=ids)
        .annotate(
            n_kegiatan=jumlah("jumlah"),
            n_hari=jumlah("hari_kerja"),
            n_menit=jumlah("menit"),
            n_diajukan=jumlah("diajukan"),
            n_ditandai=jumlah("ditandai"),
        )
    )
    urutan = {
        "nama": ["nama", "pk"],
        "kegiatan": ["n_kegiatan", "nama"],
        "antrean": ["-n_diajukan", "nama"],
        "ditandai": ["-n_ditandai", "nama"],
    }
    return qs.order_by(*urutan.get(urut, urutan["nama"]))


def pendamping_ringkas(*, user, wilayah: Wilayah, periode: Periode) -> dict:
    """The facilitators panel: totals, the ten with the longest verification queue, and the
    vacant desa per child region (5 queries)."""
    bulan = periode.bulan()
    ringkasan = RingkasanPendampingBulan.objects.filter(bulan__in=bulan)
    pendamping = Pendamping.objects.visible_to(user)
    if wilayah.kode:
        ids = penugasan_lapangan(wilayah).values("pendamping_id")
        ringkasan = ringkasan.filter(pendamping_id__in=ids)
        pendamping = pendamping.filter(pk__in=ids)
        n_pendamping = pendamping.count()
    else:
        n_pendamping = penugasan_lapangan(wilayah).aggregate(
            n=Count("pendamping_id", distinct=True)
        )["n"]
    total = ringkasan.aggregate(
        kegiatan=Coalesce(Sum("jumlah"), 0),
        hari=Coalesce(Sum("hari_kerja"), 0),
        diajukan=Coalesce(Sum("diajukan"), 0),
        ditandai=Coalesce(Sum("ditandai"), 0),
        aktif=Count("pendamping_id", distinct=True),
    )
    total["pendamping"] = n_pendamping
    total["tanpa_kegiatan"] = max(0, n_pendamping - total["aktif"])
    per = list(
        ringkasan.order_by()
        .values("pendamping_id")
        .annotate(
            n_kegiatan=Sum("jumlah"),
            n_hari=Sum("hari_kerja"),
            n_menit=Sum("menit"),
            n_diajukan=Sum("diajukan"),
            n_ditandai=Sum("ditandai"),
        )
        .order_by("-n_diajukan", "pendamping_id")[:10]
    )
    orang = pendamping.in_bulk([r["pendamping_id"] for r in per])
    teratas = []
    for r in per:
        p = orang.get(r["pendamping_id"])
        if p is not None:
            for k, v in r.items():
                if k.startswith("n_"):
                    setattr(p, k, v)
            teratas.append(p)
    kosong = [r for r in desa_per_anak(wilayah=wilayah) if r["kosong"]]
    nama = nama_wilayah([r["anak"] for r in kosong], wilayah) if kosong else {}
    for r in kosong:
        r["nama"] = nama.get(r["anak"], r["anak"])
        r["n"] = r["kosong"]
    kosong.sort(key=lambda r: (-r["n"], r["nama"]))
    return {
        "total": total,
        "teratas": teratas,
        "kosong": kosong,
        "kosong_total": sum(r["n"] for r in kosong),
    }
