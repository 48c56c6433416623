"""Every read on complaints, always starting from ``visible_to(user)`` of the complaint or of its
child records (which apply the complaint's own rule) — except the two public reads (the status page
by code and the desa search of the public form), which return only what a stranger may see."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.kalender import q_menurut_tanggal_setempat
from pendampingan.models import Tingkat, Wilayah
from pendampingan.registry import ItemLiniMasa

from .models import (
    STATUS_TERBUKA,
    JejakAkses,
    JenisPeristiwa,
    KegiatanPengaduan,
    Musyawarah,
    Pengaduan,
    PeristiwaPengaduan,
    StatusPengaduan,
    kode_pelacakan_normal,
)


def pengaduan_daftar(
    *,
    user,
    status: str = "",
    kategori: str = "",
    desa: str = "",
    terlambat: bool = False,
    q: str = "",
    penangan_saya: bool = False,
):
    """The handler's list with its filters; rows carry what the list shows."""
    qs = Pengaduan.objects.visible_to(user).select_related(
        "kategori", "wilayah", "wilayah__induk", "penangan"
    )
    if status == "terbuka":
        qs = qs.filter(status__in=STATUS_TERBUKA)
    elif status:
        qs = qs.filter(status=status)
    if kategori:
        qs = qs.filter(kategori__kode=kategori)
    if desa:
        qs = qs.di_wilayah(desa)
    if terlambat:
        qs = qs.terlambat()
    if penangan_saya:
        qs = qs.filter(penangan__user=user)
    q = (q or "").strip()
    if q:
        kode = kode_pelacakan_normal(q)
        cari = Q(judul__icontains=q) | Q(isi__icontains=q) | Q(wilayah__nama__icontains=q)
        if kode:
            cari |= Q(kode=kode)
        qs = qs.filter(cari)
    return qs.order_by("-diterima_pada", "-pk")


def pengaduan_untuk_kegiatan(*, user):
    """Complaints a daily-log entry may be linked to: open or settled ones the user handles."""
    return (
        Pengaduan.objects.visible_to(user)
        .filter(penangan__user=user, status__in=[*STATUS_TERBUKA, StatusPengaduan.SELESAI])
        .select_related("wilayah")
        .order_by("-diterima_pada")
    )


def tautan_kegiatan(kegiatan_list, user) -> dict:
    """{kegiatan_id: [ItemLiniMasa]} — the complaint each entry served, if the user may see it
    (one query for any number of entries)."""
    hasil: dict = {}
    for t in (
        KegiatanPengaduan.objects.visible_to(user)
        .filter(kegiatan_id__in=[k.pk for k in kegiatan_list])
        .select_related("pengaduan")
    ):
        p = t.pengaduan
        hasil.setdefault(t.kegiatan_id, []).append(
            ItemLiniMasa(
                waktu=p.diterima_pada,
                jenis=_("Pengaduan"),
                judul=f"{p.kode} · {p.judul}",
                url=reverse("pengaduan:detail", kwargs={"pk": p.pk}),
                keterangan=p.get_status_display(),
            )
        )
    return hasil


def pengaduan_detail(*, user, pk: int) -> Pengaduan:
    """One complaint in the user's scope (raises Pengaduan.DoesNotExist outside it)."""
    return (
        Pengaduan.objects.visible_to(user)
        .select_related(
            "kategori",
            "wilayah",
            "wilayah__induk",
            "wilayah__induk__induk",
            "penangan",
            "dicatat_oleh",
        )
        .prefetch_related("teradu")
        .get(pk=pk)
    )


def pengaduan_lini_masa(*, pengaduan: Pengaduan):
    """Events, musyawarah (with their follow-ups) and attachments of one complaint."""
    from pendampingan.models import TindakLanjut

    peristiwa = list(pengaduan.peristiwa.select_related("oleh", "oleh__pendamping"))
    musyawarah = list(pengaduan.musyawarah.select_related("dicatat_oleh"))
    tl = {}
    if musyawarah:
        from django.contrib.contenttypes.models import ContentType

        ct = ContentType.objects.get_for_model(Musyawarah)
        for t in TindakLanjut.objects.filter(
            sumber_jenis=ct, sumber_id__in=[str(m.pk) for m in musyawarah]
        ).order_by("jatuh_tempo", "pk"):
            tl.setdefault(t.sumber_id, []).append(t)
    for m in musyawarah:
        m.tindak_lanjut_list = tl.get(str(m.pk), [])
    return {
        "peristiwa": peristiwa,
        "musyawarah": musyawarah,
        "lampiran": list(pengaduan.lampiran.all()),
        "kegiatan_terkait": list(
            pengaduan.kegiatan_terkait.select_related("kegiatan", "kegiatan__pendamping")
        ),
    }


def jejak_pengaduan(*, pengaduan: Pengaduan, batas: int = 100) -> list:
    """The audit trail of one complaint, newest first (the caller checked
    ``akses.boleh_lihat_jejak``). One query."""
    return list(
        JejakAkses.objects.filter(pengaduan=pengaduan)
        .select_related("pengguna", "pengguna__pendamping")
        .order_by("-waktu", "-pk")[:batas]
    )


def pesan_pengaduan(*, pengaduan: Pengaduan, peristiwa: list, lihat_pelapor: bool) -> list:
    """The outbox messages about a complaint for its delivery-state panel: those to staff (about the
    complaint) and — only for users who may see the reporter — those to the reporter (about its
    events). One query."""
    from django.contrib.contenttypes.models import ContentType

    from pendampingan.notifikasi.models import Pesan

    ct = ContentType.objects.get_for_model(Pengaduan)
    q = Q(content_type=ct, object_id=str(pengaduan.pk))
    if lihat_pelapor and peristiwa:
        ct_ev = ContentType.objects.get_for_model(PeristiwaPengaduan)
        q |= Q(content_type=ct_ev, object_id__in=[str(e.pk) for e in peristiwa])
    return list(
        Pesan.objects.filter(q)
        .select_related("penerima_user__pendamping", "penerima_kementerian")
        .order_by("dibuat", "saluran", "pk")
    )


# ------------------------------------------------------------------------- public reads
@dataclass(frozen=True)
class StatusPublik:
    kode: str
    status: str
    status_label: str
    jenis_label: str
    diterima_pada: datetime.datetime
    diverifikasi_pada: datetime.datetime | None
    selesai_pada: datetime.datetime | None
    ditutup_pada: datetime.datetime | None
    tenggat: datetime.date | None
    rahasia: bool
    judul: str
    kategori: str
    desa: str
    instansi_rujukan: str
    balasan: list


def status_publik(*, kode: str) -> StatusPublik | None:
    """What the status page shows for a tracking code — never the reporter; for a rahasia complaint
    never its content (title, category, desa, story). None when no such code."""
    kode = kode_pelacakan_normal(kode)
    if not kode:
        return None
    p = (
        Pengaduan.objects.select_related("kategori", "wilayah")
        .only(
            "kode",
            "status",
            "jenis",
            "rahasia",
            "judul",
            "diterima_pada",
            "diverifikasi_pada",
            "selesai_pada",
            "ditutup_pada",
            "tenggat",
            "instansi_rujukan",
            "kategori__nama",
            "wilayah__nama",
        )
        .filter(kode=kode)
        .first()
    )
    if p is None:
        return None
    balasan = list(
        PeristiwaPengaduan.objects.filter(pengaduan=p, publik=True)
        .order_by("waktu", "pk")
        .values("waktu", "jenis", "ke", "catatan")
    )
    for b in balasan:
        b["judul"] = (
            StatusPengaduan(b["ke"]).label
            if b["ke"] and b["jenis"] != JenisPeristiwa.BALASAN
            else JenisPeristiwa(b["jenis"]).label
        )
    return StatusPublik(
        kode=p.kode,
        status=p.status,
        status_label=p.get_status_display(),
        jenis_label=p.get_jenis_display(),
        diterima_pada=p.diterima_pada,
        diverifikasi_pada=p.diverifikasi_pada,
        selesai_pada=p.selesai_pada,
        ditutup_pada=p.ditutup_pada,
        tenggat=p.tenggat if p.status in STATUS_TERBUKA else None,
        rahasia=p.rahasia,
        judul="" if p.rahasia else p.judul,
        kategori="" if p.rahasia else p.kategori.nama,
        desa="" if p.rahasia else p.wilayah.nama,
        instansi_rujukan=p.instansi_rujukan,
        balasan=balasan,
    )


def desa_publik_cari(*, q: str, batas: int = 15):
    """The public form's desa search: desa/kelurahan only, by name or code, with their kecamatan
    and kabupaten names (two joins, one query)."""
    q = (q or "").strip()
    if len(q) < 3:
        return []
    qs = Wilayah.objects.filter(tingkat=Tingkat.DESA)
    if q[:2].isdigit():
        qs = qs.filter(kode__startswith=q)
    else:
        qs = qs.filter(nama__icontains=q)
    return list(qs.select_related("induk", "induk__induk").order_by("nama", "kode")[:batas])


# ------------------------------------------------------------------------- boards, panels
def papan_pengawas(*, user):
    """The supervisor's board: open complaints by age band, by category, overdue per handler."""
    hari_ini = timezone.localdate()
    terbuka = Pengaduan.objects.visible_to(user).filter(status__in=STATUS_TERBUKA)
    batas = [
        ("0-3", hari_ini - datetime.timedelta(days=3), None),
        ("4-7", hari_ini - datetime.timedelta(days=7), hari_ini - datetime.timedelta(days=3)),
        ("8-14", hari_ini - datetime.timedelta(days=14), hari_ini - datetime.timedelta(days=7)),
        (">14", None, hari_ini - datetime.timedelta(days=14)),
    ]
    agregat = {}
    for kunci, dari, sampai in batas:
        cond = Q()
        if dari is not None:
            cond &= Q(diterima_pada__date__gt=dari)
        if sampai is not None:
            cond &= Q(diterima_pada__date__lte=sampai)
        agregat[kunci] = Count("pk", filter=cond)
    lewat = q_menurut_tanggal_setempat(lambda d: Q(tenggat__lt=d))
    agregat["terlambat"] = Count("pk", filter=lewat)
    agregat["semua"] = Count("pk")
    umur = terbuka.aggregate(**agregat)
    per_kategori = list(
        terbuka.values("kategori__kode", "kategori__nama")
        .annotate(n=Count("pk"), telat=Count("pk", filter=lewat))
        .order_by("-n", "kategori__nama")
    )
    per_penangan = list(
        terbuka.values("penangan_id", "penangan__nama")
        .annotate(n=Count("pk"), telat=Count("pk", filter=lewat))
        .order_by("-telat", "-n", "penangan__nama")
    )
    tertua = list(
        terbuka.select_related("wilayah", "kategori", "penangan").order_by("diterima_pada")[:10]
    )
    return {
        "umur": umur,
        "pita_umur": [(b[0], umur[b[0]]) for b in batas],
        "per_kategori": per_kategori,
        "per_penangan": per_penangan,
        "tertua": tertua,
    }


def panel_dasbor(wilayah, periode, user) -> dict:
    """Dashboard panel (issue 10 contract): counts in the region for the period, one query."""
    mulai, akhir = periode
    qs = Pengaduan.objects.visible_to(user).di_wilayah(wilayah.kode)
    masuk = Q(diterima_pada__date__gte=mulai, diterima_pada__date__lte=akhir)
    angka = qs.aggregate(
        masuk=Count("pk", filter=masuk),
        terbuka=Count("pk", filter=Q(status__in=STATUS_TERBUKA)),
        terlambat=Count(
            "pk",
            filter=Q(status__in=STATUS_TERBUKA)
            & q_menurut_tanggal_setempat(lambda d: Q(tenggat__lt=d)),
        ),
        selesai=Count(
            "pk",
            filter=Q(
                status__in=[StatusPengaduan.SELESAI, StatusPengaduan.DIRUJUK, "ditutup"],
                selesai_pada__date__gte=mulai,
                selesai_pada__date__lte=akhir,
            ),
        ),
    )
    url = reverse("pengaduan:daftar")
    return {
        "angka": angka,
        "ekspor": [
            (
                _("Pengaduan"),
                [_("Ukuran"), _("Jumlah")],
                [
                    (_("Pengaduan masuk dalam periode"), angka["masuk"]),
                    (_("Masih terbuka"), angka["terbuka"]),
                    (_("Lewat tenggat"), angka["terlambat"]),
                    (_("Selesai atau dirujuk dalam periode"), angka["selesai"]),
                ],
            )
        ],
        "url_terbuka": f"{url}?status=terbuka&desa={wilayah.kode}",
        "url_terlambat": f"{url}?status=terbuka&terlambat=1&desa={wilayah.kode}",
        "url_semua": f"{url}?desa={wilayah.kode}",
    }


def lini_masa_desa(desa, user, batas) -> list[ItemLiniMasa]:
    """The desa timeline: non-confidential complaints the user may see (one query)."""
    rows = (
        Pengaduan.objects.visible_to(user)
        .publik()
        .filter(wilayah=desa)
        .select_related("kategori")
        .order_by("-diterima_pada")[:batas]
    )
    return [
        ItemLiniMasa(
            waktu=p.diterima_pada,
            jenis=_("Pengaduan"),
            judul=f"{p.kode} · {p.judul}",
            url=reverse("pengaduan:detail", kwargs={"pk": p.pk}),
            keterangan=f"{p.kategori.nama} · {p.get_status_display()}",
            ikon="!",
        )
        for p in rows
    ]
