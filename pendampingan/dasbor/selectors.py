"""Reads of the dashboard. Every function runs a fixed number of queries whatever the size of the
region: the wider levels read the summary tables (``models``), a desa or a kecamatan reads its
few entries directly. The caller has checked that the user may see the region (``wilayah_dasbor``);
rows of the daily log and follow-ups are still read through ``visible_to(user)``."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, Substr, TruncMonth, TruncWeek
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pendampingan.models import (
    JenisPenugasan,
    Kegiatan,
    Pendamping,
    Penugasan,
    StatusKegiatan,
    TataCara,
    TindakLanjut,
    Tingkat,
    Wilayah,
)
from pendampingan.scope import cakupan_pengguna
from pendampingan.selectors import wilayah_akar, wilayah_breadcrumb

from . import sumber
from .models import (
    RingkasanHarian,
    RingkasanLabel,
    RingkasanPendampingBulan,
    RingkasanTindakLanjut,
    RingkasanWilayah,
)
from .services import MENIT, bulan_awal, bulan_berikut

NASIONAL = "nasional"
PANJANG = {
    NASIONAL: 0,
    Tingkat.PROVINSI: 2,
    Tingkat.KABUPATEN: 5,
    Tingkat.KECAMATAN: 8,
    Tingkat.DESA: 13,
}
TINGKAT_ANAK = {
    NASIONAL: Tingkat.PROVINSI,
    Tingkat.PROVINSI: Tingkat.KABUPATEN,
    Tingkat.KABUPATEN: Tingkat.KECAMATAN,
    Tingkat.KECAMATAN: Tingkat.DESA,
    Tingkat.DESA: Tingkat.DESA,
}


def wilayah_nasional() -> Wilayah:
    """The whole country as an unsaved region with an empty code (``di_wilayah("")`` = all)."""
    return Wilayah(kode="", nama=str(_("Nasional")), tingkat=NASIONAL, jenis="")


def tingkat_anak(wilayah: Wilayah) -> str:
    return TINGKAT_ANAK[wilayah.tingkat]


def panjang_anak(wilayah: Wilayah) -> int:
    return PANJANG[tingkat_anak(wilayah)]


# ------------------------------------------------------------------------- region and period
def wilayah_dasbor_default(*, user) -> Wilayah | None:
    """The user's widest region: the country for national roles, else the widest assigned one."""
    c = cakupan_pengguna(user)
    if c.nasional:
        return wilayah_nasional()
    akar = sorted(wilayah_akar(user=user), key=lambda w: (len(w.kode), w.kode))
    return akar[0] if akar else None


def wilayah_dasbor(*, user, kode: str) -> Wilayah:
    """The region ``kode`` if the user may see it, else 404 (``""`` = the country, national roles
    only)."""
    c = cakupan_pengguna(user)
    if not kode:
        if c.nasional:
            return wilayah_nasional()
        raise Http404
    if not c.boleh_lihat(kode):
        raise Http404
    w = Wilayah.objects.filter(kode=kode).first()
    if w is None:
        raise Http404
    return w


def wilayah_jejak(*, user, wilayah: Wilayah) -> list[Wilayah]:
    """The regions above ``wilayah`` that the user may also see, widest first (the breadcrumb)."""
    if not wilayah.kode:
        return []
    c = cakupan_pengguna(user)
    return [w for w in wilayah_breadcrumb(wilayah=wilayah) if c.boleh_lihat(w.kode)]


def wilayah_pilihan_anak(*, wilayah: Wilayah):
    """The child regions of the selector (at most a few dozen)."""
    if wilayah.tingkat == Tingkat.DESA:
        return Wilayah.objects.none()
    if not wilayah.kode:
        return Wilayah.objects.filter(tingkat=Tingkat.PROVINSI).order_by("kode")
    return Wilayah.objects.filter(induk_id=wilayah.kode).order_by("nama")


@dataclass(frozen=True)
class Periode:
    dari: datetime.date
    sampai: datetime.date

    @property
    def satuan(self) -> str:
        """Bars per week for a period up to two months, per month beyond."""
        return "minggu" if (self.sampai - self.dari).days <= 62 else "bulan"

    def bulan(self) -> list[datetime.date]:
        hasil, b = [], bulan_awal(self.dari)
        while b <= self.sampai:
            hasil.append(b)
            b = bulan_berikut(b)
        return hasil

    def as_tuple(self):
        return (self.dari, self.sampai)


def periode_default(hari_ini: datetime.date | None = None) -> Periode:
    hari_ini = hari_ini or timezone.localdate()
    return Periode(bulan_awal(hari_ini), bulan_berikut(hari_ini) - datetime.timedelta(days=1))


def _nama_wilayah(kode_list, wilayah: Wilayah) -> dict[str, str]:
    nama = dict(Wilayah.objects.filter(kode__in=set(kode_list)).values_list("kode", "nama"))
    if wilayah.kode:
        nama[wilayah.kode] = str(_("Kantor %(nama)s") % {"nama": wilayah.nama})
    return nama


# ---------------------------------------------------------------------------- coverage
def _tingkat_lebar(wilayah: Wilayah) -> bool:
    """National, provinsi and kabupaten views read the per-region summary; a kecamatan or a desa
    is small enough to count directly."""
    return wilayah.tingkat in (NASIONAL, Tingkat.PROVINSI, Tingkat.KABUPATEN)


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
            kosong=Count("kode", filter=Q(ada_pld=False)),
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
    if _tingkat_lebar(wilayah):
        return _ringkasan_anak(wilayah)
    return _hitung_desa_anak(wilayah, batas, hari_ini)


def cakupan(*, wilayah: Wilayah, hari_ini: datetime.date | None = None) -> dict:
    """Desa with at least one entry in the last ``DASBOR_HARI_CAKUPAN`` days, per child region
    (2 queries). At the wide levels the figures come from ``RingkasanWilayah`` (as of its last
    refresh, a few minutes at most)."""
    hari_ini = hari_ini or timezone.localdate()
    batas = hari_ini - datetime.timedelta(days=settings.DASBOR_HARI_CAKUPAN - 1)
    rows = desa_per_anak(wilayah=wilayah, hari_ini=hari_ini)
    nama = _nama_wilayah([r["anak"] for r in rows], wilayah)
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
    "kosong" (no active field assignment on the desa). Annotated with the latest entry date."""
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
        qs = qs.exclude(kode__in=_penugasan_lapangan(wilayah).values("wilayah_id"))
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


# ---------------------------------------------------------------------------- activity
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
        "menit": Coalesce(Sum(MENIT), 0),
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
    nama = _nama_wilayah([a["anak"] for a in anak], wilayah) if anak else {}
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


# ------------------------------------------------------------------------ facilitators
def _penugasan_lapangan(wilayah: Wilayah, tanggal=None):
    return (
        Penugasan.objects.aktif(tanggal)
        .filter(jenis=JenisPenugasan.LAPANGAN)
        .di_wilayah(wilayah.kode)
    )


def pendamping_daftar(*, user, wilayah: Wilayah, periode: Periode, urut: str = "nama"):
    """Facilitators with an active field assignment in the region, with their figures for the
    whole months of the period (entries, days worked, hours, waiting for verification, flagged)."""
    bulan = periode.bulan()
    ids = _penugasan_lapangan(wilayah).values("pendamping_id")

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
        ids = _penugasan_lapangan(wilayah).values("pendamping_id")
        ringkasan = ringkasan.filter(pendamping_id__in=ids)
        pendamping = pendamping.filter(pk__in=ids)
        n_pendamping = pendamping.count()
    else:
        n_pendamping = _penugasan_lapangan(wilayah).aggregate(
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
    nama = _nama_wilayah([r["anak"] for r in kosong], wilayah) if kosong else {}
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


# -------------------------------------------------------------------------- follow-ups
def tindak_lanjut_ringkas(*, user, wilayah: Wilayah, hari_ini=None) -> dict:
    """Open and overdue follow-ups per child region and per monitoring facilitator (3 queries).
    National, provinsi and kabupaten views read ``RingkasanTindakLanjut``; smaller ones count the
    follow-ups themselves."""
    hari_ini = hari_ini or timezone.localdate()
    n = panjang_anak(wilayah)
    if _tingkat_lebar(wilayah):
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
    nama = _nama_wilayah([r["anak"] for r in per_wilayah], wilayah) if per_wilayah else {}
    for r in per_wilayah:
        r["nama"] = nama.get(r["anak"], r["anak"])
    per_wilayah.sort(key=lambda r: (-r["terlambat"], -r["terbuka"], r["nama"]))
    return {
        "per_wilayah": per_wilayah,
        "per_pemilik": per_pemilik,
        "terbuka": sum(r["terbuka"] for r in per_wilayah),
        "terlambat": sum(r["terlambat"] for r in per_wilayah),
    }


# ------------------------------------------------------------------------- drill-down lists
def kegiatan_daftar(*, user, wilayah: Wilayah, filter: dict):
    """The entries behind a figure: region, period, tata cara, status, facilitator."""
    qs = Kegiatan.objects.visible_to(user).di_wilayah(wilayah.kode)
    if filter.get("dari"):
        qs = qs.filter(tanggal__gte=filter["dari"])
    if filter.get("sampai"):
        qs = qs.filter(tanggal__lte=filter["sampai"])
    if filter.get("tata_cara"):
        qs = qs.filter(tata_cara=filter["tata_cara"])
    if filter.get("status"):
        qs = qs.filter(status=filter["status"])
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
