"""Follow-ups: open and overdue per child region and per monitoring facilitator, and the list
behind them."""

from __future__ import annotations

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Substr
from django.utils import timezone

from pendampingan.models import Pendamping, TindakLanjut, Wilayah

from ..models import RingkasanTindakLanjut
from .wilayah import nama_wilayah, panjang_anak, tingkat_lebar


def tindak_lanjut_ringkas(*, user, wilayah: Wilayah, hari_ini=None) -> dict:
    """Open and overdue follow-ups per child region and per monitoring facilitator (3 queries).
    National, provinsi and kabupaten views read ``RingkasanTindakLanjut``; smaller ones count the
    follow-ups themselves."""
    hari_ini = hari_ini or timezone.localdate()
    n = panjang_anak(wilayah)
    if tingkat_lebar(wilayah):
        anak = RingkasanTindakLanjut.objects.filter(induk=wilayah.kode)
        sendiri = (
            RingkasanTindakLanjut.objects.filter(induk="")
            if not wilayah.kode
            else RingkasanTindakLanjut.objects.filter(wilayah_id=wilayah.kode)
        )
        hitung = {"terbuka": Sum("terbuka"), "terlambat": Sum("terlambat")}
        per_wilayah = list(anak.values(anak=F("wilayah_id")).annotate(**hitung).order_by("anak"))
        per_pemilik = list(
            sendiri.values("pendamping_id")
            .annotate(**hitung)
            .order_by("-terlambat", "-terbuka", "pendamping_id")[:10]
        )
        nama_orang = dict(
            Pendamping.objects.filter(pk__in=[r["pendamping_id"] for r in per_pemilik]).values_list(
                "pk", "nama"
            )
        )
        for r in per_pemilik:
            r["pendamping__nama"] = nama_orang.get(r["pendamping_id"], "")
    else:
        qs = TindakLanjut.objects.visible_to(user).di_wilayah(wilayah.kode).terbuka().order_by()
        hitung = {
            "terbuka": Count("pk"),
            "terlambat": Count("pk", filter=Q(jatuh_tempo__lt=hari_ini)),
        }
        per_wilayah = list(
            qs.annotate(anak=Substr("wilayah_id", 1, n))
            .values("anak")
            .annotate(**hitung)
            .order_by("anak")
        )
        per_pemilik = list(
            qs.values("pendamping_id", "pendamping__nama")
            .annotate(**hitung)
            .order_by("-terlambat", "-terbuka", "pendamping__nama")[:10]
        )
    nama = nama_wilayah([r["anak"] for r in per_wilayah], wilayah) if per_wilayah else {}
    for r in per_wilayah:
        r["nama"] = nama.get(r["anak"], r["anak"])
    per_wilayah.sort(key=lambda r: (-r["terlambat"], -r["terbuka"], r["nama"]))
    return {
        "per_wilayah": per_wilayah,
        "per_pemilik": per_pemilik,
        "terbuka": sum(r["terbuka"] for r in per_wilayah),
        "terlambat": sum(r["terlambat"] for r in per_wilayah),
    }


def tindak_lanjut_daftar(*, user, wilayah: Wilayah, filter: dict, hari_ini=None):
    hari_ini = hari_ini or timezone.localdate()
    qs = TindakLanjut.objects.visible_to(user).di_wilayah(wilayah.kode)
    status = filter.get("status") or ""
    if status == "terlambat":
        qs = qs.terlambat(hari_ini)
    elif status:
        qs = qs.filter(status=status)
    if filter.get("pendamping"):
        qs = qs.filter(pendamping_id=filter["pendamping"])
    if filter.get("q"):
        qs = qs.filter(judul__icontains=filter["q"])
    return qs.select_related("pendamping", "wilayah").order_by("jatuh_tempo", "pk")
