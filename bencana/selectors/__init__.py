"""Every read of the incident app, always starting from ``Kejadian.objects.visible_to(user)``.

Impact totals add up each desa's *latest* snapshot (``PenilaianDampak.objects.terkini()``): one
aggregate query whatever the number of villages or snapshots.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, Sum
from django.utils import timezone

from pendampingan.models import Kegiatan, TindakLanjut
from pendampingan.notifikasi.selectors import pesan_untuk_objek

from ..models import (
    KOLOM_DAMPAK,
    NAMA_KOLOM_DAMPAK,
    JenisKejadian,
    Kejadian,
    Kronologi,
    Pengungsian,
    PenilaianDampak,
    StatusKejadian,
)

# the figures shown in compact tables (lists, dashboard, supervisor's view)
KOLOM_RINGKAS = [
    "meninggal",
    "hilang",
    "luka_berat",
    "luka_ringan",
    "mengungsi",
    "terdampak_jiwa",
    "rumah_rusak_berat",
    "rumah_terendam",
]


def kejadian_daftar(
    *,
    user,
    status: str = "aktif",
    jenis: str = "",
    kategori: str = "",
    wilayah: str = "",
    q: str = "",
):
    """Incidents the user may see, filtered; newest first. ``status``: "aktif" (default),
    "semua", or one status value."""
    qs = Kejadian.objects.visible_to(user)
    if status == "aktif" or not status:
        qs = qs.aktif()
    elif status in StatusKejadian.values:
        qs = qs.filter(status=status)
    if jenis:
        qs = qs.filter(jenis__kode=jenis)
    if kategori:
        qs = qs.filter(jenis__kategori=kategori)
    if wilayah:
        qs = qs.di_wilayah(wilayah)
    q = (q or "").strip()
    if q:
        qs = qs.filter(
            Q(kode__icontains=q) | Q(ringkasan__icontains=q) | Q(wilayah__nama__icontains=q)
        )
    return qs.select_related(
        "jenis", "wilayah", "wilayah__induk", "wilayah__induk__induk"
    ).order_by("-waktu", "-pk")


def jenis_aktif():
    return JenisKejadian.objects.filter(aktif=True).order_by("urutan", "kode")


def kejadian_detail_qs(*, user):
    return Kejadian.objects.visible_to(user).select_related(
        "jenis", "wilayah__induk__induk", "pelapor"
    )


def desa_terdampak(*, kejadian: Kejadian):
    return list(kejadian.desa_terdampak.select_related("wilayah__induk").order_by("pk"))


def bukti_kejadian(*, kejadian: Kejadian):
    return list(kejadian.bukti.select_related("oleh").order_by("pk"))


def laporan_versi(*, kejadian: Kejadian):
    """The ministry report's versions, first to last, with their sender."""
    return list(kejadian.laporan.select_related("dikirim_oleh").order_by("nomor"))


def _kosong() -> dict:
    return {k: (Decimal(0) if k.endswith("_ha") else 0) for k in NAMA_KOLOM_DAMPAK}


def _bersihkan(row: dict) -> dict:
    hasil = _kosong()
    for k in NAMA_KOLOM_DAMPAK:
        if row.get(k) is not None:
            hasil[k] = row[k]
    return hasil


def dampak_total(*, kejadian_ids) -> dict[int, dict]:
    """{kejadian_id: {figure: total over each desa's latest snapshot}} in one query."""
    rows = (
        PenilaianDampak.objects.terkini()
        .filter(kejadian_id__in=list(kejadian_ids))
        .order_by()
        .values("kejadian_id")
        .annotate(n_desa=Count("wilayah_id"), **{k: Sum(k) for k in NAMA_KOLOM_DAMPAK})
    )
    return {r["kejadian_id"]: {**_bersihkan(r), "n_desa": r["n_desa"]} for r in rows}


def dampak_terkini_per_desa(*, kejadian: Kejadian):
    """Each affected desa's latest snapshot (desa without one are absent)."""
    return list(
        PenilaianDampak.objects.terkini()
        .filter(kejadian=kejadian)
        .select_related("wilayah", "oleh")
        .order_by("wilayah__nama")
    )


def dampak_riwayat(*, kejadian: Kejadian):
    return list(
        PenilaianDampak.objects.filter(kejadian=kejadian)
        .select_related("wilayah", "oleh")
        .order_by("-waktu", "-pk")
    )


def pengungsian(*, kejadian: Kejadian) -> dict:
    """F1: the evacuations in time order (each with ``koreksi_list``) and the number of people
    moved: the sum over rows no later row corrects. One query whatever the number of rows."""
    baris = list(
        Pengungsian.objects.filter(kejadian=kejadian).select_related(
            "wilayah", "oleh", "mengoreksi"
        )
    )
    koreksi = defaultdict(list)
    for p in baris:
        if p.mengoreksi_id:
            koreksi[p.mengoreksi_id].append(p)
    for p in baris:
        p.koreksi_list = koreksi.get(p.pk, [])
    berlaku = [p for p in baris if not p.koreksi_list]
    lokasi: dict[str, int] = {}
    for p in berlaku:
        if p.jumlah_jiwa:
            lokasi[p.lokasi] = lokasi.get(p.lokasi, 0) + p.jumlah_jiwa
    return {
        "pengungsian": baris,
        "pengungsian_jiwa": sum(p.jumlah_jiwa for p in berlaku),
        "pengungsian_lokasi": sorted(lokasi.items(), key=lambda x: (-x[1], x[0])),
    }


def kolom_dampak():
    return KOLOM_DAMPAK


def kronologi(*, kejadian: Kejadian):
    """Entries in time order; each carries ``koreksi_list`` (the entries that correct it)."""
    entri = list(Kronologi.objects.filter(kejadian=kejadian).select_related("oleh", "mengoreksi"))
    koreksi = defaultdict(list)
    for e in entri:
        if e.mengoreksi_id:
            koreksi[e.mengoreksi_id].append(e)
    for e in entri:
        e.koreksi_list = koreksi.get(e.pk, [])
    return entri


def perubahan_status(*, kejadian: Kejadian):
    """The incident's status moves in time order, with the mover's facilitator name."""
    return list(kejadian.perubahan.select_related("oleh__pendamping").order_by("waktu", "pk"))


def laporan_konteks(*, kejadian: Kejadian, user) -> dict:
    """Everything the chronology report shows (the print page and the PDF). A fixed number of
    queries whatever the number of entries."""
    k = kejadian
    return {
        "k": k,
        "desa": desa_terdampak(kejadian=k),
        "kronologi": kronologi(kejadian=k),
        **pengungsian(kejadian=k),
        "versi": laporan_versi(kejadian=k),
        "kolom": KOLOM_DAMPAK,
        "total": dampak_total(kejadian_ids=[k.pk]).get(k.pk),
        "terkini": dampak_terkini_per_desa(kejadian=k),
        "bukti": bukti_kejadian(kejadian=k),
        "koordinasi": list(k.koordinasi.order_by("waktu", "pk")),
        "tokoh": list(k.tokoh.order_by("pk")),
        "keputusan": list(k.keputusan.select_related("wilayah").order_by("tanggal", "pk")),
        "bantuan": list(k.bantuan.select_related("wilayah").order_by("tanggal", "pk")),
        "mitigasi": mitigasi(kejadian=k),
        "perubahan": perubahan_status(kejadian=k),
        "dicetak": timezone.now(),
        "dicetak_oleh": user,
    }


def mitigasi(*, kejadian: Kejadian):
    ct = ContentType.objects.get_for_model(Kejadian)
    return list(
        TindakLanjut.objects.filter(sumber_jenis=ct, sumber_id=str(kejadian.pk))
        .select_related("wilayah", "pendamping")
        .order_by("jatuh_tempo", "pk")
    )


def kerja_tanggap(*, kejadian: Kejadian, user):
    """The linked daily-log entries (the facilitators' own response work) the user may see,
    grouped by facilitator: [(pendamping, [kegiatan, ...]), ...]."""
    kegiatan = (
        Kegiatan.objects.visible_to(user)
        .filter(tautan_bencana__kejadian=kejadian)
        .select_related("pendamping", "wilayah")
        .order_by("pendamping__nama", "-tanggal", "-jam_mulai")
    )
    kelompok: dict = {}
    for k in kegiatan:
        kelompok.setdefault(k.pendamping, []).append(k)
    return list(kelompok.items())


def kegiatan_untuk_ditautkan(*, kejadian: Kejadian, user, batas: int = 30):
    """The user's own recent entries of tata cara "bencana" in the incident's villages that are
    not linked yet."""
    p = getattr(user, "pendamping", None)
    if p is None:
        return Kegiatan.objects.none()
    desa = list(kejadian.desa_terdampak.values_list("wilayah_id", flat=True))
    tempat = Q(wilayah_id__in=desa)
    for kode in {d.rsplit(".", 1)[0] for d in desa}:
        tempat |= Q(wilayah_id=kode)
    urut = ("-tanggal", "-jam_mulai")
    ids = list(
        Kegiatan.objects.filter(pendamping=p, tata_cara="bencana", tautan_bencana__isnull=True)
        .filter(tempat)
        .order_by(*urut)
        .values_list("pk", flat=True)[:batas]
    )
    # unsliced, so a form field can validate a choice against it
    return Kegiatan.objects.filter(pk__in=ids).select_related("wilayah").order_by(*urut)


def kejadian_aktif_untuk_kegiatan(*, user):
    """Active incidents in the villages where the user records: the choices of the entry form's
    incident link."""
    return (
        Kejadian.objects.writable_by(user)
        .aktif()
        .select_related("jenis", "wilayah")
        .order_by("-waktu")
    )


def pesan_kejadian(*, kejadian: Kejadian) -> dict:
    """The outbox messages about the incident, grouped by report version (their key is
    ``bencana:<id>:v<n>:<channel>:<recipient>``). One query."""
    pesan = list(pesan_untuk_objek(kejadian))
    per_versi: dict[int, list] = {}
    awalan = f"bencana:{kejadian.pk}:v"
    for p in pesan:
        if p.kunci.startswith(awalan):
            nomor = p.kunci[len(awalan) :].split(":", 1)[0]
            if nomor.isdigit():
                per_versi.setdefault(int(nomor), []).append(p)
    return {"pesan_list": pesan, "pesan_versi": per_versi}


from .ringkasan import lini_masa_desa, panel_dasbor, rekap_kabupaten, tautan_kegiatan  # noqa: E402

__all__ = [
    "KOLOM_RINGKAS",
    "bukti_kejadian",
    "dampak_riwayat",
    "dampak_terkini_per_desa",
    "dampak_total",
    "desa_terdampak",
    "jenis_aktif",
    "kegiatan_untuk_ditautkan",
    "kejadian_aktif_untuk_kegiatan",
    "kejadian_daftar",
    "kejadian_detail_qs",
    "kerja_tanggap",
    "kolom_dampak",
    "kronologi",
    "laporan_konteks",
    "laporan_versi",
    "lini_masa_desa",
    "mitigasi",
    "panel_dasbor",
    "pengungsian",
    "perubahan_status",
    "pesan_kejadian",
    "rekap_kabupaten",
    "tautan_kegiatan",
]
