"""The summary tables, recomputed by the database itself: one ``INSERT … SELECT`` of an
ORM-built aggregate per level (kecamatan, kabupaten, provinsi), for the days, months,
facilitator-months or desa given, or for all of them."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import connection, transaction
from django.db.models import (
    Count,
    DateTimeField,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Length, Substr, TruncMonth
from django.utils import timezone

from pendampingan.kegiatan.cakupan_butir import STATUS_TERHITUNG
from pendampingan.models import (
    JenisPenugasan,
    Kegiatan,
    Penugasan,
    StatusKegiatan,
    TataCara,
    TindakLanjut,
    Tingkat,
    Wilayah,
)

from .. import sumber
from ..models import (
    AktivitasDesa,
    RingkasanButir,
    RingkasanHarian,
    RingkasanLabel,
    RingkasanPendampingBulan,
    RingkasanTindakLanjut,
    RingkasanWilayah,
)
from ..periode import bulan_awal, bulan_berikut
from ..sumber import Q_TANPA_PLD

# (code length of a level, code length of its parent): kecamatan, kabupaten, provinsi.
TINGKAT_RINGKASAN = ((8, 5), (5, 2), (2, 0))
PANJANG_DESA = 13
MENIT = sumber.MENIT


def _sisipkan(model, kolom: list[str], qs) -> None:
    """``INSERT INTO model (kolom) <the SELECT of qs>``; the SELECT lists its columns in ``kolom``
    order (``values()`` keeps the order given)."""
    sql, params = qs.query.sql_with_params()
    q = connection.ops.quote_name
    cols = ", ".join(q(model._meta.get_field(c).column) for c in kolom)
    with connection.cursor() as cur:
        cur.execute(f"INSERT INTO {q(model._meta.db_table)} ({cols}) {sql}", params)


def _di_tingkat(kegiatan_qs, panjang: int):
    """Entries at or below a level of ``panjang`` code characters (an entry at a kabupaten office
    counts for the kabupaten and its province, not for any kecamatan)."""
    return kegiatan_qs.annotate(panjang_kode=Length("wilayah_id")).filter(panjang_kode__gte=panjang)


def _induk(panjang_induk: int):
    return Substr("wilayah_id", 1, panjang_induk) if panjang_induk else Value("")


def _agregat_harian(kegiatan_qs, panjang: int, panjang_induk: int):
    return (
        _di_tingkat(kegiatan_qs, panjang)
        .order_by()
        .annotate(w=Substr("wilayah_id", 1, panjang), i=_induk(panjang_induk))
        .values("w", "i", "tanggal")
        .annotate(
            **{f"n_{tc}": Count("pk", filter=Q(tata_cara=tc)) for tc in TataCara.values},
            m=Coalesce(Sum(MENIT), 0),
            pl=Coalesce(Sum(sumber.peserta_laki()), 0, output_field=IntegerField()),
            pp=Coalesce(Sum(sumber.peserta_perempuan()), 0, output_field=IntegerField()),
            nd=Count("pk", filter=Q(status=StatusKegiatan.DIAJUKAN)),
            nv=Count("pk", filter=Q(status=StatusKegiatan.DIVERIFIKASI)),
        )
        .values_list(
            "w", "i", "tanggal", *[f"n_{tc}" for tc in TataCara.values], "m", "pl", "pp", "nd", "nv"
        )
    )


KOLOM_HARIAN = [
    "wilayah",
    "induk",
    "tanggal",
    *TataCara.values,
    "menit",
    "peserta_laki",
    "peserta_perempuan",
    "diajukan",
    "diverifikasi",
]


def _agregat_pendamping(kegiatan_qs):
    return (
        kegiatan_qs.order_by()
        .annotate(b=TruncMonth("tanggal"))
        .values("pendamping_id", "b")
        .annotate(
            n=Count("pk"),
            h=Count("tanggal", distinct=True),
            m=Coalesce(Sum(MENIT), 0),
            nd=Count("pk", filter=Q(status=StatusKegiatan.DIAJUKAN)),
            nf=sumber.hitung_ditandai(),
        )
        .values_list("pendamping_id", "b", "n", "h", "m", "nd", "nf")
    )


KOLOM_PENDAMPING = ["pendamping", "bulan", "jumlah", "hari_kerja", "menit", "diajukan", "ditandai"]


def _label(kegiatan_qs, panjang, panjang_induk):
    """The (region, month, key) counts of tags, one aggregate per tag source."""
    for kunci_expr, qs in sumber.label_queryset(_di_tingkat(kegiatan_qs, panjang)):
        yield (
            qs.order_by()
            .annotate(
                w=Substr("wilayah_id", 1, panjang),
                i=_induk(panjang_induk),
                b=TruncMonth("tanggal"),
                k=kunci_expr,
            )
            .values("w", "i", "b", "k")
            .annotate(n=Count("pk"))
            .values_list("w", "i", "b", "k", "n")
        )


KOLOM_LABEL = ["wilayah", "induk", "bulan", "kunci", "jumlah"]


def _butir(kegiatan_qs, panjang, panjang_induk):
    """The (region, butir, month) counts of the entries that served a butir and count
    (``cakupan_butir.STATUS_TERHITUNG``); an entry carries a butir once (unique tag)."""
    return (
        _di_tingkat(kegiatan_qs, panjang)
        .filter(status__in=STATUS_TERHITUNG, tanda_butir__isnull=False)
        .order_by()
        .annotate(
            w=Substr("wilayah_id", 1, panjang),
            i=_induk(panjang_induk),
            bt=F("tanda_butir__butir_id"),
            b=TruncMonth("tanggal"),
        )
        .values("w", "i", "bt", "b")
        .annotate(n=Count("pk"))
        .values_list("w", "i", "bt", "b", "n")
    )


KOLOM_BUTIR = ["wilayah", "induk", "butir", "bulan", "jumlah"]


@transaction.atomic
def ringkasan_hitung_hari(*, tanggal: set[datetime.date] | None = None) -> None:
    """Recompute the daily, tag and butir summaries for the given days (every day when None).

    Tags and butir are per month, so every month that contains one of the days is recomputed
    whole."""
    kegiatan = Kegiatan.objects.all()
    harian = RingkasanHarian.objects.all()
    label = RingkasanLabel.objects.all()
    butir = RingkasanButir.objects.all()
    if tanggal is not None:
        if not tanggal:
            return
        kegiatan_hari = kegiatan.filter(tanggal__in=sorted(tanggal))
        harian = harian.filter(tanggal__in=sorted(tanggal))
        bulan = sorted({bulan_awal(d) for d in tanggal})
        q_bulan = Q()
        for b in bulan:
            q_bulan |= Q(tanggal__gte=b, tanggal__lt=bulan_berikut(b))
        kegiatan_bulan = kegiatan.filter(q_bulan)
        label = label.filter(bulan__in=bulan)
        butir = butir.filter(bulan__in=bulan)
    else:
        kegiatan_hari = kegiatan_bulan = kegiatan
    harian.delete()
    label.delete()
    butir.delete()
    for panjang, panjang_induk in TINGKAT_RINGKASAN:
        _sisipkan(
            RingkasanHarian, KOLOM_HARIAN, _agregat_harian(kegiatan_hari, panjang, panjang_induk)
        )
        for qs in _label(kegiatan_bulan, panjang, panjang_induk):
            _sisipkan(RingkasanLabel, KOLOM_LABEL, qs)
        _sisipkan(RingkasanButir, KOLOM_BUTIR, _butir(kegiatan_bulan, panjang, panjang_induk))


@transaction.atomic
def ringkasan_hitung_pendamping(*, pasangan: set[tuple[int, datetime.date]] | None = None) -> None:
    """Recompute the per-facilitator monthly rows for (pendamping_id, first day of month) pairs
    (every pair when None)."""
    kegiatan = Kegiatan.objects.all()
    baris = RingkasanPendampingBulan.objects.all()
    if pasangan is not None:
        if not pasangan:
            return
        q_k, q_r = Q(), Q()
        for pid, b in pasangan:
            q_k |= Q(pendamping_id=pid, tanggal__gte=b, tanggal__lt=bulan_berikut(b))
            q_r |= Q(pendamping_id=pid, bulan=b)
        kegiatan, baris = kegiatan.filter(q_k), baris.filter(q_r)
    baris.delete()
    _sisipkan(RingkasanPendampingBulan, KOLOM_PENDAMPING, _agregat_pendamping(kegiatan))


@transaction.atomic
def aktivitas_desa_hitung(*, desa: set[str] | None = None) -> None:
    """Recompute each desa's latest entry date (every desa when None)."""
    kegiatan = Kegiatan.objects.annotate(panjang_kode=Length("wilayah_id")).filter(
        panjang_kode=PANJANG_DESA
    )
    baris = AktivitasDesa.objects.all()
    if desa is not None:
        if not desa:
            return
        kegiatan, baris = (
            kegiatan.filter(wilayah_id__in=sorted(desa)),
            baris.filter(desa_id__in=desa),
        )
    baris.delete()
    _sisipkan(
        AktivitasDesa,
        ["desa", "terakhir"],
        kegiatan.order_by()
        .values("wilayah_id")
        .annotate(t=Max("tanggal"))
        .values_list("wilayah_id", "t"),
    )


@transaction.atomic
def ringkasan_wilayah_hitung(*, hari_ini: datetime.date | None = None) -> None:
    """Recompute, for every kecamatan, kabupaten and provinsi, its desa, those with an entry in
    the coverage window and those without an active field assignment — desa and desa adat only,
    a kelurahan has no PLD (one statement per level)."""
    hari_ini = hari_ini or timezone.localdate()
    batas = hari_ini - datetime.timedelta(days=settings.DASBOR_HARI_CAKUPAN - 1)
    kini = timezone.now()
    ada_pld = Exists(
        Penugasan.objects.aktif(hari_ini).filter(
            jenis=JenisPenugasan.LAPANGAN, wilayah_id=OuterRef("kode")
        )
    )
    RingkasanWilayah.objects.all().delete()
    for panjang, panjang_induk in TINGKAT_RINGKASAN:
        induk = Substr("kode", 1, panjang_induk) if panjang_induk else Value("")
        _sisipkan(
            RingkasanWilayah,
            ["wilayah", "induk", "desa", "desa_aktif", "desa_kosong", "dihitung"],
            Wilayah.objects.filter(tingkat=Tingkat.DESA)
            .annotate(ada_pld=ada_pld)
            .order_by()
            .annotate(w=Substr("kode", 1, panjang), i=induk)
            .values("w", "i")
            .annotate(
                n=Count("kode"),
                na=Count("kode", filter=Q(aktivitas_dasbor__terakhir__gte=batas)),
                nk=Count("kode", filter=Q_TANPA_PLD),
                t=Value(kini, output_field=DateTimeField()),
            )
            .values_list("w", "i", "n", "na", "nk", "t"),
        )


@transaction.atomic
def tindak_lanjut_ringkasan_hitung(*, hari_ini: datetime.date | None = None) -> None:
    """Recompute open and overdue follow-ups per (region, monitoring facilitator) for every
    kecamatan, kabupaten and provinsi (one statement per level)."""
    hari_ini = hari_ini or timezone.localdate()
    RingkasanTindakLanjut.objects.all().delete()
    terbuka = TindakLanjut.objects.terbuka()
    for panjang, panjang_induk in TINGKAT_RINGKASAN:
        _sisipkan(
            RingkasanTindakLanjut,
            ["wilayah", "induk", "pendamping", "terbuka", "terlambat"],
            _di_tingkat(terbuka, panjang)
            .order_by()
            .annotate(w=Substr("wilayah_id", 1, panjang), i=_induk(panjang_induk))
            .values("w", "i", "pendamping_id")
            .annotate(n=Count("pk"), nt=Count("pk", filter=Q(jatuh_tempo__lt=hari_ini)))
            .values_list("w", "i", "pendamping_id", "n", "nt"),
        )
