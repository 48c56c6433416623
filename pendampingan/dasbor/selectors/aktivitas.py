"""Activity: entries per tata cara per week or month, hours and participants, per child region;
the tag counts (SDGs Desa goals, prinsip answers); the entries behind every figure."""

from __future__ import annotations

import datetime

from django.db.models import Count, IntegerField, Q, Sum
from django.db.models.functions import Coalesce, Substr, TruncMonth, TruncWeek

from pendampingan.kegiatan.cakupan_butir import STATUS_TERHITUNG
from pendampingan.models import Kegiatan, StatusKegiatan, TataCara, Tingkat, Wilayah

from .. import sumber
from ..models import RingkasanHarian, RingkasanLabel
from ..periode import Periode, bulan_berikut
from .wilayah import NASIONAL, nama_wilayah, panjang_anak


def _ember(tanggal_field: str, satuan: str):
    return TruncWeek(tanggal_field) if satuan == "minggu" else TruncMonth(tanggal_field)


def _jumlah_kolom():
    return {
        **{tc: Coalesce(Sum(tc), 0) for tc in TataCara.values},
        "menit": Coalesce(Sum("menit"), 0),
        "peserta_laki": Coalesce(Sum("peserta_laki"), 0),
        "peserta_perempuan": Coalesce(Sum("peserta_perempuan"), 0),
        "diajukan": Coalesce(Sum("diajukan"), 0),
    }


def _jumlah_mentah():
    return {
        **{tc: Count("pk", filter=Q(tata_cara=tc)) for tc in TataCara.values},
        "menit": Coalesce(Sum(sumber.MENIT), 0),
        "peserta_laki": Coalesce(Sum(sumber.peserta_laki()), 0, output_field=IntegerField()),
        "peserta_perempuan": Coalesce(
            Sum(sumber.peserta_perempuan()), 0, output_field=IntegerField()
        ),
        "diajukan": Count("pk", filter=Q(status=StatusKegiatan.DIAJUKAN)),
    }


def _ringkasan_wilayah(wilayah: Wilayah, periode: Periode):
    qs = RingkasanHarian.objects.filter(tanggal__gte=periode.dari, tanggal__lte=periode.sampai)
    if not wilayah.kode:
        return qs.filter(induk="")
    return qs.filter(wilayah_id=wilayah.kode)


def _kegiatan_periode(user, wilayah: Wilayah, periode: Periode):
    return (
        Kegiatan.objects.visible_to(user)
        .di_wilayah(wilayah.kode)
        .filter(tanggal__gte=periode.dari, tanggal__lte=periode.sampai)
    )


def aktivitas(*, user, wilayah: Wilayah, periode: Periode) -> dict:
    """Entries per tata cara per week (or month), hours, participants by sex, and the same totals
    per child region (2–3 queries)."""
    satuan = periode.satuan
    n = panjang_anak(wilayah)
    if wilayah.tingkat in (Tingkat.DESA, Tingkat.KECAMATAN):
        mentah = _kegiatan_periode(user, wilayah, periode).order_by()
        ember = list(
            mentah.annotate(ember=_ember("tanggal", satuan))
            .values("ember")
            .annotate(**_jumlah_mentah())
            .order_by("ember")
        )
        anak = list(
            mentah.annotate(anak=Substr("wilayah_id", 1, n))
            .values("anak")
            .annotate(**_jumlah_mentah())
            .order_by("anak")
        )
    else:
        ember = list(
            _ringkasan_wilayah(wilayah, periode)
            .annotate(ember=_ember("tanggal", satuan))
            .values("ember")
            .annotate(**_jumlah_kolom())
            .order_by("ember")
        )
        anak = list(
            RingkasanHarian.objects.filter(
                induk=wilayah.kode, tanggal__gte=periode.dari, tanggal__lte=periode.sampai
            )
            .values(anak=Substr("wilayah_id", 1, n))
            .annotate(**_jumlah_kolom())
            .order_by("anak")
        )
    nama = nama_wilayah([a["anak"] for a in anak], wilayah) if anak else {}
    for rows in (ember, anak):
        for r in rows:
            r["jumlah"] = sum(r[tc] for tc in TataCara.values)
            r["jam"] = round(r["menit"] / 60, 1)
            if "anak" in r:
                r["nama"] = nama.get(r["anak"], r["anak"])
    for r in ember:
        e = r["ember"]
        if isinstance(e, datetime.datetime):
            e = e.date()
        r["mulai"] = max(e, periode.dari)
        akhir = (
            e + datetime.timedelta(days=6)
            if satuan == "minggu"
            else bulan_berikut(e) - datetime.timedelta(days=1)
        )
        r["akhir"] = min(akhir, periode.sampai)
    total = {
        k: sum(r[k] for r in ember)
        for k in [
            *TataCara.values,
            "menit",
            "peserta_laki",
            "peserta_perempuan",
            "diajukan",
            "jumlah",
        ]
    }
    total["jam"] = round(total["menit"] / 60, 1)
    return {"satuan": satuan, "ember": ember, "anak": anak, "total": total}


def label(*, user, wilayah: Wilayah, periode: Periode, awalan: str) -> dict[str, int]:
    """Tag counts (SDGs Desa goals, prinsip answers) for the whole months of the period (1 query)."""
    bulan = periode.bulan()
    if wilayah.tingkat in (Tingkat.DESA, Tingkat.KECAMATAN):
        mentah = (
            Kegiatan.objects.visible_to(user)
            .di_wilayah(wilayah.kode)
            .filter(tanggal__gte=bulan[0], tanggal__lt=bulan_berikut(bulan[-1]))
        )
        hasil: dict[str, int] = {}
        for kunci_expr, qs in sumber.label_queryset(mentah):
            for k, n in (
                qs.order_by()
                .annotate(k=kunci_expr)
                .filter(k__startswith=awalan)
                .values("k")
                .annotate(n=Count("pk"))
                .values_list("k", "n")
            ):
                hasil[k] = hasil.get(k, 0) + n
        return hasil
    qs = RingkasanLabel.objects.filter(bulan__in=bulan, kunci__startswith=awalan)
    qs = qs.filter(induk="") if not wilayah.kode else qs.filter(wilayah_id=wilayah.kode)
    return dict(qs.values("kunci").annotate(n=Sum("jumlah")).values_list("kunci", "n"))


def kegiatan_daftar(*, user, wilayah: Wilayah, filter: dict):
    """The entries behind a figure: region, period, tata cara, status (``terhitung``: submitted
    or verified, what the coverage matrix counts), butir, facilitator."""
    qs = Kegiatan.objects.visible_to(user).di_wilayah(wilayah.kode)
    if filter.get("dari"):
        qs = qs.filter(tanggal__gte=filter["dari"])
    if filter.get("sampai"):
        qs = qs.filter(tanggal__lte=filter["sampai"])
    if filter.get("tata_cara"):
        qs = qs.filter(tata_cara=filter["tata_cara"])
    if filter.get("status") == "terhitung":
        qs = qs.filter(status__in=STATUS_TERHITUNG)
    elif filter.get("status"):
        qs = qs.filter(status=filter["status"])
    if filter.get("butir"):
        qs = qs.filter(tanda_butir__butir_id=filter["butir"])
    if filter.get("pendamping"):
        qs = qs.filter(pendamping_id=filter["pendamping"])
    if filter.get("q"):
        qs = qs.filter(judul__icontains=filter["q"])
    qs = sumber.filter_tambahan(qs, filter)
    return qs.select_related("pendamping", "wilayah").order_by("-tanggal", "-jam_mulai", "-pk")


FILTER_RINGKASAN = {"wilayah", "dari", "sampai", "tata_cara", "status"}


def kegiatan_jumlah_ringkasan(*, wilayah: Wilayah, filter: dict) -> int | None:
    """The number of entries a national or provinsi drill-down list will show, read off the daily
    summary when the filters are ones it holds (period, tata cara, submitted/verified), so that
    paging a national list does not count 600,000 rows; as fresh as the summary (≤ 5 minutes).
    None: count the rows (every smaller region, every other filter)."""
    if wilayah.tingkat not in (NASIONAL, Tingkat.PROVINSI) or not set(filter) <= FILTER_RINGKASAN:
        return None
    status = filter.get("status", "")
    if status not in ("", StatusKegiatan.DIAJUKAN, StatusKegiatan.DIVERIFIKASI):
        return None
    qs = RingkasanHarian.objects.all()
    qs = qs.filter(induk="") if not wilayah.kode else qs.filter(wilayah_id=wilayah.kode)
    if filter.get("dari"):
        qs = qs.filter(tanggal__gte=filter["dari"])
    if filter.get("sampai"):
        qs = qs.filter(tanggal__lte=filter["sampai"])
    if status:
        if filter.get("tata_cara"):
            return None  # the summary keeps status and tata cara apart
        kolom = [status]
    else:
        kolom = [filter["tata_cara"]] if filter.get("tata_cara") else list(TataCara.values)
    hasil = qs.aggregate(**{k: Coalesce(Sum(k), 0) for k in kolom})
    return sum(hasil.values())
