"""Writes of the dashboard: keeping the summary tables current, and building large exports.

The summary rows are computed by the database itself (``INSERT … SELECT`` of one ORM-built
aggregate per level), so a full rebuild of a year of national entries takes seconds to minutes,
and the incremental refresh recomputes only the days that changed.
"""

from __future__ import annotations

import datetime
import logging
import tempfile

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import connection, transaction
from django.db.models import Count, DateTimeField, IntegerField, Max, Q, Sum, Value
from django.db.models.functions import (
    Coalesce,
    ExtractHour,
    ExtractMinute,
    Length,
    Substr,
    TruncMonth,
)
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.models import Kegiatan, StatusKegiatan, TataCara

from . import sumber
from .models import (
    AktivitasDesa,
    RingkasanHarian,
    RingkasanLabel,
    RingkasanPendampingBulan,
    RingkasanTindakLanjut,
    RingkasanWilayah,
    StatusPenyegaran,
    StatusUnduhan,
    Unduhan,
)

log = logging.getLogger(__name__)

# (code length of a level, code length of its parent): kecamatan, kabupaten, provinsi.
TINGKAT_RINGKASAN = ((8, 5), (5, 2), (2, 0))
PANJANG_DESA = 13

MENIT = (ExtractHour("jam_selesai") * 60 + ExtractMinute("jam_selesai")) - (
    ExtractHour("jam_mulai") * 60 + ExtractMinute("jam_mulai")
)


def _sisipkan(model, kolom: list[str], qs) -> None:
    """``INSERT INTO model (kolom) <the SELECT of qs>``; the SELECT lists its columns in ``kolom``
    order (``values()`` keeps the order given)."""
    sql, params = qs.query.sql_with_params()
    q = connection.ops.quote_name
    cols = ", ".join(q(model._meta.get_field(c).column) for c in kolom)
    with connection.cursor() as cur:
        cur.execute(f"INSERT INTO {q(model._meta.db_table)} ({cols}) {sql}", params)


def bulan_awal(d: datetime.date) -> datetime.date:
    return d.replace(day=1)


def bulan_berikut(d: datetime.date) -> datetime.date:
    return (d.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


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


@transaction.atomic
def ringkasan_hitung_hari(*, tanggal: set[datetime.date] | None = None) -> None:
    """Recompute the daily and tag summaries for the given days (every day when None).

    Tags are per month, so every month that contains one of the days is recomputed whole."""
    kegiatan = Kegiatan.objects.all()
    harian = RingkasanHarian.objects.all()
    label = RingkasanLabel.objects.all()
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
    else:
        kegiatan_hari = kegiatan_bulan = kegiatan
    harian.delete()
    label.delete()
    for panjang, panjang_induk in TINGKAT_RINGKASAN:
        _sisipkan(
            RingkasanHarian, KOLOM_HARIAN, _agregat_harian(kegiatan_hari, panjang, panjang_induk)
        )
        for qs in _label(kegiatan_bulan, panjang, panjang_induk):
            _sisipkan(RingkasanLabel, KOLOM_LABEL, qs)


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
    the coverage window and those without an active field assignment (one statement per level)."""
    from django.conf import settings
    from django.db.models import Exists, OuterRef

    from pendampingan.models import JenisPenugasan, Penugasan, Tingkat, Wilayah

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
                nk=Count("kode", filter=Q(ada_pld=False)),
                t=Value(kini, output_field=DateTimeField()),
            )
            .values_list("w", "i", "n", "na", "nk", "t"),
        )


@transaction.atomic
def tindak_lanjut_ringkasan_hitung(*, hari_ini: datetime.date | None = None) -> None:
    """Recompute open and overdue follow-ups per (region, monitoring facilitator) for every
    kecamatan, kabupaten and provinsi (one statement per level)."""
    from pendampingan.models import TindakLanjut

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


def _memori_kerja():
    """A larger sort memory for the rebuild's big GROUP BYs (PostgreSQL only)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SET LOCAL work_mem = '256MB'")


@transaction.atomic
def ringkasan_bangun_ulang() -> None:
    """Rebuild every summary table from the whole daily log (the nightly safety net)."""
    mulai = timezone.now()
    _memori_kerja()
    ringkasan_hitung_hari(tanggal=None)
    ringkasan_hitung_pendamping(pasangan=None)
    aktivitas_desa_hitung(desa=None)
    ringkasan_wilayah_hitung()
    tindak_lanjut_ringkasan_hitung()
    StatusPenyegaran.objects.update_or_create(kunci="kegiatan", defaults={"sampai": mulai})


def ringkasan_segarkan(*, sampai: datetime.datetime | None = None) -> dict:
    """Bring the summaries up to date with every entry change since the last run.

    The changes are read off the daily log's history table (every create, edit, status move and
    delete writes a row there): for each changed entry, all the days, desa and facilitator-months
    it was ever on are recomputed, so a moved date or place leaves no stale count behind."""
    sampai = sampai or timezone.now()
    with transaction.atomic():
        status, dibuat = StatusPenyegaran.objects.select_for_update().get_or_create(
            kunci="kegiatan", defaults={"sampai": sampai}
        )
        if dibuat:
            ringkasan_bangun_ulang()
            return {"penuh": True}
        Riwayat = Kegiatan.history.model
        ids = set(
            Riwayat.objects.filter(history_date__gt=status.sampai, history_date__lte=sampai)
            .values_list("id", flat=True)
            .distinct()
        )
        baris = list(
            Riwayat.objects.filter(id__in=ids).values_list("tanggal", "wilayah_id", "pendamping_id")
        )
        ringkasan_hitung_hari(tanggal={t for t, _w, _p in baris})
        ringkasan_hitung_pendamping(pasangan={(p, bulan_awal(t)) for t, _w, p in baris})
        aktivitas_desa_hitung(desa={w for _t, w, _p in baris if len(w) == PANJANG_DESA})
        ringkasan_wilayah_hitung()
        tindak_lanjut_ringkasan_hitung()
        status.sampai = sampai
        status.save(update_fields=["sampai", "diperbarui"])
    return {"penuh": False, "kegiatan": len(ids)}


# ------------------------------------------------------------------------------- downloads
FORMAT_UNDUHAN = ("csv", "xlsx")


@transaction.atomic
def unduhan_buat(*, pengguna, ekspor: str, format: str, parameter: dict) -> Unduhan:
    """Queue a large export; the file is built after commit by ``unduhan_buat_task``."""
    from pendampingan.ekspor import ekspor_terdaftar

    from . import tasks

    if ekspor not in ekspor_terdaftar:
        raise ValidationError(_("Jenis ekspor tidak dikenal."))
    if format not in FORMAT_UNDUHAN:
        raise ValidationError(_("Format ekspor harus CSV atau XLSX."))
    u = Unduhan.objects.create(
        pengguna=pengguna,
        ekspor=ekspor,
        format=format,
        parameter={k: v for k, v in parameter.items() if k not in ("format", "halaman")},
        judul=f"{ekspor_terdaftar[ekspor].judul} {timezone.localtime():%d-%m-%Y %H.%M}",
    )
    transaction.on_commit(lambda: tasks.unduhan_buat_task.delay(u.pk))
    return u


def unduhan_jalankan(*, unduhan_id: int) -> Unduhan | None:
    """Build the file of a queued download as its owner (their scope at run time). Safe to run
    twice: only a queued download is built."""
    from pendampingan.ekspor import baris_csv, ekspor_terdaftar, tulis_xlsx

    with transaction.atomic():
        u = Unduhan.objects.select_for_update().filter(pk=unduhan_id).first()
        if u is None or u.status != StatusUnduhan.ANTRE:
            return u
        u.status = StatusUnduhan.PROSES
        u.save(update_fields=["status"])
    try:
        e = ekspor_terdaftar[u.ekspor]
        kolom, baris = e.fungsi(u.pengguna, dict(u.parameter))
        with tempfile.TemporaryFile() as tmp:
            if u.format == "csv":
                hitung = [0]

                def dihitung(rows):
                    for b in rows:
                        hitung[0] += 1
                        yield b

                for potong in baris_csv(kolom, dihitung(baris)):
                    tmp.write(potong.encode("utf-8"))
                n = hitung[0]
            else:
                n = tulis_xlsx(tmp, kolom, baris, e.judul)
            tmp.seek(0)
            nama = f"{u.ekspor}-{u.pk}.{u.format}"
            with transaction.atomic():
                u.berkas.save(nama, File(tmp), save=False)
                u.status = StatusUnduhan.SIAP
                u.jumlah_baris = n
                u.selesai = timezone.now()
                u.save(update_fields=["berkas", "status", "jumlah_baris", "selesai"])
                _beri_tahu(u)
    except Exception as exc:  # the user sees the failure on their downloads page
        log.exception("unduhan %s gagal", unduhan_id)
        Unduhan.objects.filter(pk=u.pk).update(
            status=StatusUnduhan.GAGAL, pesan=str(exc)[:300], selesai=timezone.now()
        )
        raise
    return u


def _beri_tahu(u: Unduhan) -> None:
    """Tell the owner the file is ready: in-app through the outbox when the notifications app
    provides it; the downloads page shows it either way."""
    try:
        from pendampingan.notifikasi.services import notifikasi_kirim
    except ImportError:
        return
    from django.urls import reverse

    notifikasi_kirim(
        peristiwa="dasbor.unduhan_siap",
        objek=u,
        wilayah_kode="",
        subjek=_("Berkas ekspor siap: %(judul)s") % {"judul": u.judul},
        isi=_("Berkas ekspor Anda (%(n)s baris) siap diunduh di %(url)s.")
        % {"n": u.jumlah_baris, "url": reverse("dasbor:unduhan-list")},
        payload={"unduhan_id": u.pk},
        kunci=f"dasbor.unduhan:{u.pk}",
        pengguna=[u.pengguna],
        email_pengguna=False,
    )
