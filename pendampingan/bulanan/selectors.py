"""Every read of the monthly report, scoped to the user, with fixed query counts."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from pendampingan.inti.akses import pengawas_terdekat
from pendampingan.models import (
    JenisPenugasan,
    Kegiatan,
    Pendamping,
    Penugasan,
    StatusKegiatan,
    Tingkat,
    Wilayah,
)
from pendampingan.scope import cakupan_pengguna, q_prefiks
from pendampingan.selectors import PANJANG_KODE, TINGKAT_ANAK
from pendampingan.wilayah_kode import prefiks

from .models import (
    LaporanBulanan,
    PembukaanBulan,
    Rekomendasi,
    RencanaKerja,
    StatusLaporan,
)
from .periode import akhir_bulan


def penugasan_lapangan_bulan(*, pendamping: Pendamping, bulan: datetime.date):
    """The facilitator's field assignments that overlap the month."""
    return Penugasan.objects.filter(
        pendamping=pendamping, jenis=JenisPenugasan.LAPANGAN, mulai__lte=akhir_bulan(bulan)
    ).filter(Q(selesai__isnull=True) | Q(selesai__gte=bulan))


def desa_tugas_bulan(*, pendamping: Pendamping, bulan: datetime.date):
    """The desa the facilitator was assigned to (in the field) during the month."""
    kode = list(
        penugasan_lapangan_bulan(pendamping=pendamping, bulan=bulan).values_list(
            "wilayah_id", flat=True
        )
    )
    if not kode:
        return Wilayah.objects.none()
    q = Q()
    for k in kode:
        q |= Q(kode=k) if k.count(".") == 3 else Q(kode__startswith=prefiks(k))
    return Wilayah.objects.filter(q, tingkat=Tingkat.DESA)


def pemeriksa_laporan(*, laporan: LaporanBulanan) -> list[Pendamping]:
    """Who is told a report waits for review: the nearest supervisors of its region above its
    facilitator's jabatan."""
    return pengawas_terdekat(
        kode=laporan.wilayah_id,
        di_atas=laporan.pendamping.jabatan,
        kecuali=(laporan.pendamping_id,),
    )


def rencana_bulan(*, user, pendamping, bulan: datetime.date):
    return (
        RencanaKerja.objects.visible_to(user)
        .filter(pendamping=pendamping, bulan=bulan)
        .select_related("wilayah")
        .order_by("wilayah__nama", "tata_cara")
    )


def laporan_saya(*, user):
    return (
        LaporanBulanan.objects.visible_to(user)
        .filter(pendamping__user=user)
        .select_related("pendamping")
        .order_by("-bulan")
    )


def laporan_perlu_diperiksa(*, user):
    """Submitted reports the user supervises, oldest first."""
    return (
        LaporanBulanan.objects.diawasi_oleh(user)
        .filter(status=StatusLaporan.DIAJUKAN)
        .select_related("pendamping", "wilayah")
        .order_by("diajukan_pada")
    )


def laporan_lengkap(*, user):
    """The reports ``user`` may see, with what their page and their documents show."""
    return LaporanBulanan.objects.visible_to(user).select_related(
        "pendamping",
        "pendamping__user",
        "wilayah",
        "disetujui_oleh__pendamping",
        "direkomendasi_oleh",
    )


def laporan_detail(*, user, pk: int) -> LaporanBulanan:
    """One report the user may see (404 otherwise)."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(laporan_lengkap(user=user), pk=pk)


def laporan_riwayat(*, laporan: LaporanBulanan):
    return laporan.peristiwa.select_related("oleh__pendamping").order_by("waktu", "pk")


def pembukaan_laporan(*, laporan: LaporanBulanan):
    return (
        PembukaanBulan.objects.filter(pendamping=laporan.pendamping, bulan=laporan.bulan)
        .select_related("oleh__pendamping")
        .order_by("-waktu")
    )


def wilayah_rekap(*, user):
    """The regions a user may recap: their supervised regions (national roles: provinces)."""
    c = cakupan_pengguna(user)
    if c.nasional:
        return Wilayah.objects.filter(tingkat=Tingkat.PROVINSI).order_by("kode")
    return Wilayah.objects.filter(kode__in=c.wilayah_supervisi).order_by("kode")


def wilayah_rekap_boleh(*, user):
    """Any region inside the user's supervision (for drilling down)."""
    c = cakupan_pengguna(user)
    if c.nasional:
        return Wilayah.objects.exclude(tingkat=Tingkat.DESA)
    if not c.wilayah_supervisi:
        return Wilayah.objects.none()
    return Wilayah.objects.filter(
        q_prefiks("kode", [prefiks(k) for k in c.wilayah_supervisi])
    ).exclude(tingkat=Tingkat.DESA)


# ---------------------------------------------------------------------------------- recap
@dataclass
class BarisRekap:
    pendamping_id: int
    nama: str
    jabatan: str
    nomor_kontrak: str
    tugas: list[str]
    kelompok: str
    laporan_id: int | None = None
    status: str = ""
    status_label: str = ""
    hari_kerja: int = 0
    kegiatan: int = 0
    terverifikasi: int = 0
    dikembalikan: int = 0
    draf: int = 0
    terlambat: bool = False
    rekomendasi: str = ""
    rekomendasi_label: str = ""
    alasan_rekomendasi: str = ""
    tanda: list[str] = field(default_factory=list)

    @property
    def persen_terverifikasi(self) -> int:
        return round(100 * self.terverifikasi / self.kegiatan) if self.kegiatan else 0


@dataclass
class JumlahRekap:
    kode: str
    nama: str
    pendamping: int = 0
    belum: int = 0
    draf: int = 0
    diajukan: int = 0
    dikembalikan: int = 0
    disetujui: int = 0
    hari_kerja: int = 0
    kegiatan: int = 0
    terverifikasi: int = 0
    bayar: int = 0
    tahan: int = 0
    tanda: int = 0

    @property
    def persen_terverifikasi(self) -> int:
        return round(100 * self.terverifikasi / self.kegiatan) if self.kegiatan else 0

    def tambah(self, b: BarisRekap) -> None:
        self.pendamping += 1
        setattr(self, b.status or "belum", getattr(self, b.status or "belum") + 1)
        self.hari_kerja += b.hari_kerja
        self.kegiatan += b.kegiatan
        self.terverifikasi += b.terverifikasi
        self.bayar += b.rekomendasi == Rekomendasi.BAYAR
        self.tahan += b.rekomendasi == Rekomendasi.TAHAN
        self.tanda += len(b.tanda)

    def sebagai_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}


@dataclass
class Rekap:
    wilayah: Wilayah
    bulan: datetime.date
    baris: list[BarisRekap]
    kelompok: list[JumlahRekap]
    total: JumlahRekap


def rekap_bulanan(*, user, wilayah: Wilayah, bulan: datetime.date) -> Rekap:
    """Every facilitator with a field assignment in ``wilayah`` during ``bulan`` (except the user):
    their report's state, days worked, entries, share verified, flags and the recommendation; and
    the same figures summed per region one level down (the recaps of the level below, rolled up).
    Five queries whatever the area's size. The caller checks that the user supervises ``wilayah``.
    """
    akhir = akhir_bulan(bulan)
    penugasan = list(
        Penugasan.objects.filter(jenis=JenisPenugasan.LAPANGAN, mulai__lte=akhir)
        .filter(Q(selesai__isnull=True) | Q(selesai__gte=bulan))
        .filter(q_prefiks("wilayah__kode", [prefiks(wilayah.kode)]))
        .exclude(pendamping__user=user)
        .select_related("pendamping", "wilayah")
        .order_by("pendamping__nama", "wilayah_id")
    )
    tingkat_anak = TINGKAT_ANAK.get(wilayah.tingkat)
    panjang_anak = PANJANG_KODE.get(tingkat_anak) if tingkat_anak else None
    per_pendamping: dict[int, list[Penugasan]] = defaultdict(list)
    for p in penugasan:
        per_pendamping[p.pendamping_id].append(p)
    ids = list(per_pendamping)
    angka = {
        r["pendamping_id"]: r
        for r in Kegiatan.objects.filter(
            pendamping_id__in=ids, tanggal__gte=bulan, tanggal__lte=akhir
        )
        .values("pendamping_id")
        .annotate(
            n=Count("id"),
            hari=Count("tanggal", distinct=True),
            verif=Count("id", filter=Q(status=StatusKegiatan.DIVERIFIKASI)),
            kembali=Count("id", filter=Q(status=StatusKegiatan.DIKEMBALIKAN)),
            draf=Count("id", filter=Q(status=StatusKegiatan.DRAF)),
        )
    }
    laporan = {
        lap.pendamping_id: lap
        for lap in LaporanBulanan.objects.filter(pendamping_id__in=ids, bulan=bulan)
    }
    rencana = set(
        RencanaKerja.objects.filter(pendamping_id__in=ids, bulan=bulan)
        .values_list("pendamping_id", flat=True)
        .distinct()
    )
    baris: list[BarisRekap] = []
    for pid, tugas in per_pendamping.items():
        pend = tugas[0].pendamping
        kode0 = tugas[0].wilayah_id
        kelompok = (
            kode0[:panjang_anak] if panjang_anak and len(kode0) >= panjang_anak else wilayah.kode
        )
        b = BarisRekap(
            pendamping_id=pid,
            nama=pend.nama,
            jabatan=pend.get_jabatan_display(),
            nomor_kontrak=pend.nomor_kontrak,
            tugas=[t.wilayah.nama for t in tugas],
            kelompok=kelompok,
        )
        a = angka.get(pid)
        if a:
            b.kegiatan, b.hari_kerja = a["n"], a["hari"]
            b.terverifikasi, b.dikembalikan, b.draf = a["verif"], a["kembali"], a["draf"]
        lap = laporan.get(pid)
        if lap:
            b.laporan_id = lap.pk
            b.status, b.status_label = lap.status, lap.get_status_display()
            b.terlambat = lap.terlambat
            b.rekomendasi = lap.rekomendasi
            b.rekomendasi_label = lap.get_rekomendasi_display() if lap.rekomendasi else ""
            b.alasan_rekomendasi = lap.alasan_rekomendasi
        else:
            b.status_label = _("Belum disusun")
        if b.terlambat:
            b.tanda.append(_("diajukan terlambat"))
        if b.dikembalikan:
            b.tanda.append(_("%(n)d kegiatan dikembalikan") % {"n": b.dikembalikan})
        if b.draf:
            b.tanda.append(_("%(n)d kegiatan masih draf") % {"n": b.draf})
        if not b.kegiatan:
            b.tanda.append(_("tidak ada kegiatan"))
        if pid not in rencana:
            b.tanda.append(_("tanpa rencana kerja"))
        baris.append(b)
    kode_kelompok = sorted({b.kelompok for b in baris})
    nama = dict(Wilayah.objects.filter(kode__in=kode_kelompok).values_list("kode", "nama"))
    kelompok = {
        k: JumlahRekap(
            kode=k,
            nama=(_("%(n)s (tingkat ini)") % {"n": nama.get(k, k)})
            if k == wilayah.kode
            else nama.get(k, k),
        )
        for k in kode_kelompok
    }
    total = JumlahRekap(kode=wilayah.kode, nama=wilayah.nama)
    for b in baris:
        kelompok[b.kelompok].tambah(b)
        total.tambah(b)
    return Rekap(
        wilayah=wilayah,
        bulan=bulan,
        baris=baris,
        kelompok=[kelompok[k] for k in kode_kelompok],
        total=total,
    )
