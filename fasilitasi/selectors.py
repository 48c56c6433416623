"""Every read of fasilitasi, always starting from ``visible_to(user)``; each runs a fixed number
of queries whatever the size of the region."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, Count, IntegerField, Prefetch, Q, Value, When
from django.db.models.functions import Substr
from django.utils import timezone

from pendampingan.models import Kegiatan, Tingkat, Wilayah
from pendampingan.scope import cakupan_pengguna, q_prefiks
from pendampingan.selectors import PANJANG_KODE, wilayah_akar, wilayah_jumlah_desa
from pendampingan.wilayah_kode import prefiks

from .models import (
    BumDesa,
    DokumenFasilitasi,
    Fasilitasi,
    LaporanTahunanBumDesa,
    PeristiwaFasilitasi,
    StatusDesa,
    StatusFasilitasi,
    TahapFasilitasi,
    TemplatAlur,
)


# ------------------------------------------------------------------------------ cases
def _dengan_terlambat(qs, hari_ini=None):
    hari_ini = hari_ini or timezone.localdate()
    return qs.annotate(
        telat=Case(
            When(status=StatusFasilitasi.BERJALAN, jatuh_tempo__lt=hari_ini, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    )


def fasilitasi_list(
    *,
    user,
    saya: bool = False,
    wilayah: str = "",
    templat: int | None = None,
    tahun: int | None = None,
    urutan_tahap: int | None = None,
    status: str = "",
    terlambat: bool = False,
    q: str = "",
):
    """Cases the user may see, filtered; late ones first, then by due date."""
    qs = Fasilitasi.objects.visible_to(user)
    if saya:
        qs = qs.filter(penanggung_jawab__user=user)
    if wilayah:
        qs = qs.di_wilayah(wilayah)
    if templat:
        qs = qs.filter(templat_id=templat)
    if tahun:
        qs = qs.filter(tahun=tahun)
    if urutan_tahap:
        qs = qs.filter(tahap_kini__urutan=urutan_tahap, status__in=["berjalan", "ditunda"])
    if status == "terbuka":
        qs = qs.terbuka()
    elif status:
        qs = qs.filter(status=status)
    if terlambat:
        qs = qs.terlambat()
    if q:
        qs = qs.filter(Q(judul__icontains=q) | Q(wilayah__nama__icontains=q))
    return (
        _dengan_terlambat(qs)
        .select_related("wilayah", "wilayah__induk", "templat", "tahap_kini", "penanggung_jawab")
        .order_by("-telat", "templat__nama", "tahap_kini__urutan", "jatuh_tempo", "pk")
    )


def fasilitasi_detail(*, user, pk: int) -> Fasilitasi:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        Fasilitasi.objects.visible_to(user).select_related(
            "wilayah",
            "wilayah__induk",
            "templat",
            "butir",
            "butir__ruang_lingkup",
            "tahap_kini",
            "penanggung_jawab",
            "bumdes",
            "dibuka_oleh",
        ),
        pk=pk,
    )


def fasilitasi_tahap(*, kasus: Fasilitasi) -> list[TahapFasilitasi]:
    """The case's stages with their attached documents."""
    return list(
        kasus.tahap.order_by("urutan").prefetch_related(
            Prefetch(
                "berkas",
                queryset=DokumenFasilitasi.objects.select_related("diunggah_oleh").order_by(
                    "diunggah"
                ),
            )
        )
    )


def fasilitasi_peristiwa(*, kasus: Fasilitasi) -> list[PeristiwaFasilitasi]:
    return list(
        kasus.peristiwa.select_related("oleh", "dari_tahap", "ke_tahap", "kegiatan")
        .prefetch_related("dokumen")
        .order_by("-waktu", "-pk")
    )


def fasilitasi_riwayat(*, kasus: Fasilitasi, batas: int = 50):
    return list(kasus.history.select_related("history_user").order_by("-history_date")[:batas])


def kegiatan_pilihan(*, user, kasus: Fasilitasi, batas: int = 30):
    """The user's recent daily-log entries in the case's desa (to link to a move)."""
    terbaru = list(
        Kegiatan.objects.visible_to(user)
        .filter(pendamping__user=user, wilayah_id=kasus.wilayah_id)
        .order_by("-tanggal", "-jam_mulai")
        .values_list("pk", flat=True)[:batas]
    )
    # an unsliced queryset, so the form field can validate the choice against it
    return Kegiatan.objects.filter(pk__in=terbaru).order_by("-tanggal", "-jam_mulai")


def fasilitasi_terbuka_untuk_kegiatan(*, user, wilayah_kode: str | None = None):
    """Open cases the user may advance from a daily-log entry (in the entry's desa, if known)."""
    qs = Fasilitasi.objects.visible_to(user).filter(status=StatusFasilitasi.BERJALAN)
    c = cakupan_pengguna(user)
    if not c.nasional:
        qs = qs.filter(Q(penanggung_jawab__user=user) | q_prefiks("wilayah__kode", c.catat))
    if wilayah_kode:
        qs = qs.filter(wilayah_id=wilayah_kode)
    return qs.select_related("wilayah", "tahap_kini").order_by("wilayah__nama", "judul")


# ------------------------------------------------------------------------------- board
@dataclass
class BarisPapan:
    wilayah: Wilayah
    total_desa: int = 0
    per_tahap: dict = field(default_factory=dict)  # urutan -> number of villages
    selesai: int = 0
    ditunda: int = 0
    terlambat: int = 0
    mencapai_tonggak: int = 0
    kolom: list = field(default_factory=list)

    def isi_kolom(self, tahap) -> None:
        """(stage, villages at it) in the board's column order."""
        self.kolom = [(t, self.per_tahap.get(t.urutan, 0)) for t in tahap]

    @property
    def dengan_kasus(self) -> int:
        return sum(self.per_tahap.values()) + self.selesai + self.ditunda

    @property
    def tanpa_kasus(self) -> int:
        return max(self.total_desa - self.dengan_kasus, 0)

    @property
    def belum_tonggak(self) -> int:
        return max(self.total_desa - self.mencapai_tonggak, 0)


def papan_templat(*, templat: TemplatAlur):
    """The template's stages as they are now (the board's columns) and its milestone stage."""
    tahap = list(templat.tahap.order_by("urutan"))
    tonggak = next((t for t in tahap if t.tonggak), tahap[-1] if tahap else None)
    return tahap, tonggak


def papan_baris(*, user, wilayah: Wilayah | None, templat: TemplatAlur, tahun: int, tonggak_urutan):
    """One row per child region of ``wilayah`` (or per root region of the user when None):
    villages at each stage, finished, postponed, late, and past the milestone stage."""
    if wilayah is None:
        induk = list(wilayah_akar(user=user).order_by("kode")[:500])
    elif wilayah.tingkat == Tingkat.DESA:
        induk = [wilayah]
    else:
        induk = list(Wilayah.objects.filter(induk=wilayah).order_by("nama"))
    baris = {w.kode: BarisPapan(wilayah=w) for w in induk}
    jumlah = wilayah_jumlah_desa(wilayah_qs=Wilayah.objects.filter(kode__in=list(baris)))
    for kode, b in baris.items():
        b.total_desa = jumlah.get(kode, 0)
    hari_ini = timezone.localdate()
    per_tingkat: dict[str, list[str]] = defaultdict(list)
    for w in induk:
        per_tingkat[w.tingkat].append(w.kode)
    for tingkat, kode_list in per_tingkat.items():
        n = PANJANG_KODE[tingkat]
        rows = (
            Fasilitasi.objects.visible_to(user)
            .filter(templat=templat, tahun=tahun)
            .exclude(status=StatusFasilitasi.DIBATALKAN)
            .filter(q_prefiks("wilayah__kode", [prefiks(k) for k in kode_list]))
            .annotate(anak=Substr("wilayah_id", 1, n))
            .values("anak", "status", "tahap_kini__urutan")
            .annotate(
                n=Count("pk"),
                telat=Count(
                    "pk",
                    filter=Q(status=StatusFasilitasi.BERJALAN, jatuh_tempo__lt=hari_ini),
                ),
            )
            .order_by()
        )
        for r in rows:
            b = baris.get(r["anak"])
            if b is None:
                continue
            urutan = r["tahap_kini__urutan"]
            if r["status"] == StatusFasilitasi.SELESAI:
                b.selesai += r["n"]
            elif r["status"] == StatusFasilitasi.DITUNDA:
                b.ditunda += r["n"]
            else:
                b.per_tahap[urutan] = b.per_tahap.get(urutan, 0) + r["n"]
            b.terlambat += r["telat"]
            if r["status"] == StatusFasilitasi.SELESAI or (
                tonggak_urutan and urutan and urutan >= tonggak_urutan
            ):
                b.mencapai_tonggak += r["n"]
    return list(baris.values())


def papan_total(baris: list[BarisPapan], wilayah) -> BarisPapan:
    total = BarisPapan(wilayah=wilayah)
    for b in baris:
        total.total_desa += b.total_desa
        total.selesai += b.selesai
        total.ditunda += b.ditunda
        total.terlambat += b.terlambat
        total.mencapai_tonggak += b.mencapai_tonggak
        for k, v in b.per_tahap.items():
            total.per_tahap[k] = total.per_tahap.get(k, 0) + v
    return total


def desa_belum_mencapai(*, user, wilayah: Wilayah | None, templat, tahun: int, urutan: int):
    """Villages in the region (within the user's scope) with no case of ``templat``/``tahun`` at
    stage ``urutan`` or beyond (finished counts as beyond) — villages with no case at all included."""
    desa = Wilayah.objects.visible_to(user).filter(tingkat=Tingkat.DESA)
    if wilayah is not None:
        desa = desa.filter(q_prefiks("kode", [prefiks(wilayah.kode)]))
    sudah = (
        Fasilitasi.objects.filter(templat=templat, tahun=tahun)
        .exclude(status=StatusFasilitasi.DIBATALKAN)
        .filter(Q(status=StatusFasilitasi.SELESAI) | Q(tahap_kini__urutan__gte=urutan))
        .values("wilayah_id")
    )
    return desa.exclude(kode__in=sudah).select_related("induk").order_by("induk__nama", "nama")


def kasus_desa(*, user, desa_kode: list[str], templat, tahun: int) -> dict[str, Fasilitasi]:
    """{desa code: its case of templat/year} for the codes given (one query)."""
    return {
        k.wilayah_id: k
        for k in Fasilitasi.objects.visible_to(user)
        .filter(templat=templat, tahun=tahun, wilayah_id__in=desa_kode)
        .exclude(status=StatusFasilitasi.DIBATALKAN)
        .select_related("tahap_kini")
    }


# --------------------------------------------------------------------------- BUM Desa
def bumdes_list(*, user, q: str = "", wilayah: str = "", status_badan_hukum: str = ""):
    qs = BumDesa.objects.visible_to(user)
    if wilayah:
        qs = qs.di_wilayah(wilayah)
    if status_badan_hukum:
        qs = qs.filter(status_badan_hukum=status_badan_hukum)
    if q:
        qs = qs.filter(Q(nama__icontains=q) | Q(wilayah__nama__icontains=q))
    return (
        qs.select_related("wilayah", "wilayah__induk")
        .annotate(jumlah_unit=Count("unit_usaha", filter=Q(unit_usaha__aktif=True), distinct=True))
        .order_by("nama", "pk")
    )


def bumdes_detail(*, user, pk: int) -> BumDesa:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        BumDesa.objects.visible_to(user)
        .select_related("wilayah", "wilayah__induk")
        .prefetch_related("desa_anggota", "unit_usaha", "pengurus"),
        pk=pk,
    )


def bumdes_laporan_tren(*, bumdes: BumDesa) -> list[dict]:
    """The yearly figures, oldest first, each with its change against the year before."""
    laporan = list(LaporanTahunanBumDesa.objects.filter(bumdes=bumdes).order_by("tahun"))
    maks = max((float(r.omzet) for r in laporan), default=0) or 1
    hasil, sebelum = [], None
    for r in laporan:
        hasil.append(
            {
                "laporan": r,
                "persen_omzet": round(float(r.omzet) / maks * 100),
                "delta_omzet": (r.omzet - sebelum.omzet) if sebelum else None,
                "delta_laba": (r.laba - sebelum.laba) if sebelum else None,
                "delta_pades": (r.kontribusi_pades - sebelum.kontribusi_pades) if sebelum else None,
            }
        )
        sebelum = r
    return hasil


def bumdes_kasus_kegiatan(*, user, bumdes: BumDesa):
    """The scope-4 cases linked to the BUM Desa, and the daily-log entries that served them."""
    kasus = list(
        Fasilitasi.objects.visible_to(user)
        .filter(bumdes=bumdes)
        .select_related("templat", "tahap_kini", "wilayah")
        .order_by("-tahun", "pk")
    )
    kegiatan = list(
        Kegiatan.objects.visible_to(user)
        .filter(peristiwa_fasilitasi__kasus__bumdes=bumdes)
        .select_related("pendamping", "wilayah")
        .distinct()
        .order_by("-tanggal")[:50]
    )
    return kasus, kegiatan


def bumdes_pilihan(*, user, wilayah_kode: str | None = None):
    qs = BumDesa.objects.visible_to(user).filter(aktif=True)
    if wilayah_kode:
        qs = qs.filter(Q(wilayah_id=wilayah_kode) | Q(desa_anggota=wilayah_kode)).distinct()
    return qs.order_by("nama")


# ------------------------------------------------------------------------ village status
def status_desa_ringkas(*, user, desa: Wilayah) -> list[dict]:
    """Per index: the years of status, newest first, each with its change against the year
    before (score difference and whether the status went up, down or stayed)."""
    rows = list(
        StatusDesa.objects.visible_to(user)
        .filter(wilayah=desa)
        .select_related("indeks")
        .prefetch_related("indeks__ambang")
        .order_by("indeks__nama", "tahun")
    )
    per_indeks: dict[int, dict] = {}
    for s in rows:
        d = per_indeks.setdefault(s.indeks_id, {"indeks": s.indeks, "tahun": []})
        urutan = _urutan_status(s)
        sebelum = d["tahun"][-1] if d["tahun"] else None
        arah = ""
        if sebelum is not None and urutan is not None and sebelum["urutan"] is not None:
            arah = (
                "naik"
                if urutan > sebelum["urutan"]
                else "turun"
                if urutan < sebelum["urutan"]
                else "tetap"
            )
        d["tahun"].append(
            {
                "status": s,
                "urutan": urutan,
                "delta": (s.skor - sebelum["status"].skor)
                if sebelum and s.skor is not None and sebelum["status"].skor is not None
                else None,
                "arah": arah,
            }
        )
    for d in per_indeks.values():
        d["tahun"].reverse()
    return list(per_indeks.values())


URUTAN_STATUS_BAKU = {
    "sangat tertinggal": 1,
    "tertinggal": 2,
    "berkembang": 3,
    "maju": 4,
    "mandiri": 5,
}


def _urutan_status(s: StatusDesa) -> int | None:
    for a in s.indeks.ambang.all():
        if a.nama == s.status:
            return a.urutan
    return URUTAN_STATUS_BAKU.get(s.status.lower())


def panel_desa(*, user, desa: Wilayah) -> dict:
    """What fasilitasi shows on a desa page: status per index with year-on-year change, open
    cases, BUM Desa."""
    kasus = list(
        Fasilitasi.objects.visible_to(user)
        .filter(wilayah=desa)
        .terbuka()
        .select_related("templat", "tahap_kini")
        .order_by("jatuh_tempo", "pk")[:20]
    )
    bumdes = list(
        BumDesa.objects.visible_to(user)
        .filter(Q(wilayah=desa) | Q(desa_anggota=desa))
        .distinct()
        .order_by("nama")[:10]
    )
    return {
        "desa": desa,
        "status_indeks": status_desa_ringkas(user=user, desa=desa),
        "kasus_terbuka": kasus,
        "bumdes_desa": bumdes,
    }
