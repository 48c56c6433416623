"""Every read of pengorganisasian, always starting from ``visible_to(user)``; each function runs a
fixed number of queries whatever the number of rows."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max, Prefetch, Q, Sum
from django.db.models.functions import Substr

from pendampingan.models import TindakLanjut, Tingkat, Wilayah
from pendampingan.scope import cakupan_pengguna
from pendampingan.selectors import PANJANG_KODE, TINGKAT_ANAK, wilayah_jumlah_desa

from .models import (
    AktivitasForum,
    Anggota,
    Forum,
    JenisForum,
    JenisKelamin,
    Keputusan,
    Pertemuan,
    RiwayatStatusForum,
    Sarana,
    StatusForum,
    UnsurMasyarakat,
)


# ---------------------------------------------------------------------------------- forums
def forum_daftar(
    *,
    user,
    jenis: str = "",
    wilayah_kode: str = "",
    status: str = "",
    unsur_belum: UnsurMasyarakat | None = None,
    q: str = "",
):
    """Forums the user may see, with the number of current members and the last meeting date.
    ``unsur_belum``: only forums where no current member represents that element."""
    qs = Forum.objects.visible_to(user)
    if jenis:
        qs = qs.filter(jenis=jenis)
    if wilayah_kode:
        qs = qs.di_wilayah(wilayah_kode)
    if status:
        qs = qs.filter(status=status)
    if unsur_belum is not None:
        qs = qs.exclude(
            pk__in=Anggota.objects.filter(unsur=unsur_belum, tanggal_keluar__isnull=True).values(
                "forum_id"
            )
        )
    q = (q or "").strip()
    if q:
        qs = qs.filter(Q(nama__icontains=q) | Q(wilayah__nama__icontains=q) | Q(dasar_hukum=q))
    return (
        qs.select_related("wilayah", "wilayah__induk", "pendamping")
        .annotate(
            jumlah_anggota=Count(
                "anggota", filter=Q(anggota__tanggal_keluar__isnull=True), distinct=True
            ),
            pertemuan_terakhir=Max("pertemuan__kegiatan__tanggal"),
        )
        .order_by("wilayah__nama", "nama")
    )


def forum_tulis(*, user):
    """Forums the user may record in (meetings, members, activities)."""
    return Forum.objects.writable_by(user).exclude(status=StatusForum.BUBAR)


def riwayat_status_forum(*, forum: Forum):
    """The forum's status moves, newest first, with who made them."""
    return (
        RiwayatStatusForum.objects.filter(forum=forum)
        .select_related("oleh")
        .order_by("-waktu", "-pk")
    )


def anggota_forum(*, forum: Forum):
    return forum.anggota.select_related("unsur").order_by("tanggal_keluar", "nama")


def pertemuan_forum(*, forum: Forum):
    """The forum's meetings, newest first, with attendance counts."""
    return (
        Pertemuan.objects.filter(forum=forum)
        .select_related("kegiatan", "kegiatan__pendamping", "sarana")
        .annotate(
            jumlah_hadir=Count("hadir", distinct=True),
            hadir_perempuan=Count(
                "hadir", filter=Q(hadir__jenis_kelamin=JenisKelamin.PEREMPUAN), distinct=True
            ),
            jumlah_keputusan=Count("keputusan", distinct=True),
        )
        .order_by("-kegiatan__tanggal", "-pk")
    )


def keputusan_forum(*, forum: Forum):
    """Decisions of all the forum's meetings with the state of their follow-up."""
    return (
        Keputusan.objects.filter(pertemuan__forum=forum)
        .select_related("pertemuan__kegiatan", "tindak_lanjut")
        .order_by("-pertemuan__kegiatan__tanggal", "pk")
    )


def aktivitas_forum(*, forum: Forum):
    return (
        AktivitasForum.objects.filter(forum=forum)
        .select_related("kegiatan", "kegiatan__pendamping")
        .order_by("-kegiatan__tanggal", "-pk")
    )


@dataclass
class RingkasanPartisipasi:
    anggota_aktif: int = 0
    anggota_perempuan: int = 0
    hadir_total: int = 0  # members present + guests, over all meetings
    hadir_perempuan: int = 0
    unsur_ada: list = field(default_factory=list)
    unsur_belum: list = field(default_factory=list)

    @staticmethod
    def _persen(a, b):
        return round(100 * a / b) if b else None

    @property
    def persen_perempuan_anggota(self):
        return self._persen(self.anggota_perempuan, self.anggota_aktif)

    @property
    def persen_perempuan_hadir(self):
        return self._persen(self.hadir_perempuan, self.hadir_total)


def ringkasan_partisipasi(*, anggota_list, pertemuan_list) -> RingkasanPartisipasi:
    """Share of women (members, attendance) and which seeded elements are present or missing,
    from the already-loaded members and meetings (one query for the element list)."""
    aktif = [a for a in anggota_list if a.masih_aktif]
    r = RingkasanPartisipasi(
        anggota_aktif=len(aktif),
        anggota_perempuan=sum(1 for a in aktif if a.jenis_kelamin == JenisKelamin.PEREMPUAN),
    )
    for p in pertemuan_list:
        r.hadir_total += p.jumlah_hadir + p.tamu_laki + p.tamu_perempuan
        r.hadir_perempuan += p.hadir_perempuan + p.tamu_perempuan
    ada = {a.unsur_id for a in aktif}
    for u in UnsurMasyarakat.objects.filter(aktif=True).order_by("urutan", "nama"):
        (r.unsur_ada if u.pk in ada else r.unsur_belum).append(u)
    return r


def pertemuan_detail(*, user, pk: int) -> Pertemuan:
    """Raises Pertemuan.DoesNotExist outside the user's scope."""
    return (
        Pertemuan.objects.visible_to(user)
        .select_related("forum", "forum__wilayah", "kegiatan", "kegiatan__pendamping", "sarana")
        .prefetch_related(
            Prefetch("hadir", queryset=Anggota.objects.select_related("unsur").order_by("nama")),
            Prefetch("keputusan", queryset=Keputusan.objects.select_related("tindak_lanjut")),
        )
        .get(pk=pk)
    )


# ------------------------------------------------------------------------------ facilities
def sarana_daftar(*, user, desa_kode: str = "", jenis: str = "", q: str = ""):
    qs = Sarana.objects.visible_to(user)
    if desa_kode:
        qs = qs.di_wilayah(desa_kode)
    if jenis:
        qs = qs.filter(jenis=jenis)
    q = (q or "").strip()
    if q:
        qs = qs.filter(Q(nama__icontains=q) | Q(wilayah__nama__icontains=q))
    return (
        qs.select_related("wilayah", "wilayah__induk")
        .annotate(jumlah_pertemuan=Count("pertemuan"))
        .order_by("wilayah__nama", "jenis", "nama")
    )


def sarana_untuk_forum(*, user, forum: Forum):
    """Facilities a meeting of ``forum`` may use: those in the forum's region."""
    return Sarana.objects.visible_to(user).di_wilayah(forum.wilayah_id).select_related("wilayah")


# ------------------------------------------------------------------------------- follow-ups
def tindak_lanjut_keputusan(*, user, hanya_milik_saya: bool = True):
    """Follow-ups that came from forum decisions, visible to the user (by default: the ones the
    user monitors), open ones first, soonest due first."""
    ct = ContentType.objects.get_for_model(Keputusan)
    qs = TindakLanjut.objects.visible_to(user).filter(sumber_jenis=ct)
    if hanya_milik_saya:
        qs = qs.filter(pendamping_id=cakupan_pengguna(user).pendamping_id)
    return qs.select_related("wilayah", "keputusan_forum__pertemuan__forum").order_by(
        "status", "jatuh_tempo", "pk"
    )


# --------------------------------------------------------------------------- supervisor view
@dataclass
class BarisPengawasan:
    wilayah: Wilayah
    jumlah_desa: int = 0
    desa_pusat: int = 0  # desa with an active pusat kemasyarakatan
    desa_mitra: int = 0  # desa with an active forum mitra desa
    forum_aktif: int = 0

    @property
    def desa_tanpa_pusat(self):
        return max(self.jumlah_desa - self.desa_pusat, 0)


def pengawasan_wilayah(*, user, wilayah: Wilayah) -> dict:
    """Per child region of ``wilayah``: how many desa have an active community centre and an active
    forum mitra desa; and, over the whole region, which elements are never represented.
    A fixed number of queries."""
    anak_tingkat = TINGKAT_ANAK.get(wilayah.tingkat)
    forum_qs = Forum.objects.visible_to(user).di_wilayah(wilayah.kode)
    if anak_tingkat is None:  # a desa: one row for itself
        anak = [wilayah]
        n = PANJANG_KODE[Tingkat.DESA]
    else:
        anak = list(Wilayah.objects.filter(induk=wilayah).order_by("nama"))
        n = PANJANG_KODE[anak_tingkat]
    jumlah_desa = wilayah_jumlah_desa(
        wilayah_qs=Wilayah.objects.filter(pk__in=[a.kode for a in anak])
    )
    rows = {
        a.kode: BarisPengawasan(wilayah=a, jumlah_desa=jumlah_desa.get(a.kode, 0)) for a in anak
    }
    aktif_desa = (
        forum_qs.filter(status=StatusForum.AKTIF, wilayah__tingkat=Tingkat.DESA)
        .annotate(anak=Substr("wilayah_id", 1, n))
        .values("anak", "jenis")
        .annotate(n=Count("wilayah_id", distinct=True), f=Count("pk"))
    )
    for r in aktif_desa:
        b = rows.get(r["anak"])
        if b is None:
            continue
        b.forum_aktif += r["f"]
        if r["jenis"] == JenisForum.PUSAT_KEMASYARAKATAN:
            b.desa_pusat = r["n"]
        elif r["jenis"] == JenisForum.FORUM_MITRA_DESA:
            b.desa_mitra = r["n"]
    terwakili = set(
        Anggota.objects.visible_to(user)
        .filter(forum__in=forum_qs)
        .order_by()
        .values_list("unsur_id", flat=True)
        .distinct()
    )
    unsur = list(UnsurMasyarakat.objects.filter(aktif=True).order_by("urutan", "nama"))
    baris = list(rows.values())
    return {
        "baris": baris,
        "total": BarisPengawasan(
            wilayah=wilayah,
            jumlah_desa=sum(b.jumlah_desa for b in baris),
            desa_pusat=sum(b.desa_pusat for b in baris),
            desa_mitra=sum(b.desa_mitra for b in baris),
            forum_aktif=sum(b.forum_aktif for b in baris),
        ),
        "unsur_tidak_pernah": [u for u in unsur if u.pk not in terwakili],
        "unsur": unsur,
    }


# --------------------------------------------------------------------- timeline and panels
def pertemuan_di_desa(*, user, desa: Wilayah, batas: int):
    """Meetings of the forums of a desa, newest first."""
    return (
        Pertemuan.objects.visible_to(user)
        .filter(forum__wilayah=desa)
        .select_related("forum", "kegiatan", "sarana")
        .annotate(jumlah_hadir=Count("hadir"))
        .order_by("-kegiatan__tanggal", "-pk")[:batas]
    )


def ringkasan_panel(*, user, wilayah: Wilayah, periode: tuple[datetime.date, datetime.date]):
    """Figures of the dashboard panel (five queries)."""
    forum_qs = Forum.objects.visible_to(user).di_wilayah(wilayah.kode)
    per_status = dict(
        forum_qs.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    per_jenis = dict(
        forum_qs.filter(status=StatusForum.AKTIF)
        .values_list("jenis")
        .annotate(n=Count("pk"))
        .values_list("jenis", "n")
    )
    pertemuan = (
        Pertemuan.objects.visible_to(user)
        .di_wilayah(wilayah.kode)
        .filter(kegiatan__tanggal__range=periode)
    )
    tamu = pertemuan.aggregate(
        jumlah=Count("pk"), laki=Sum("tamu_laki"), perempuan=Sum("tamu_perempuan")
    )
    hadir = Anggota.objects.filter(pertemuan_dihadiri__in=pertemuan).aggregate(
        n=Count("pk"), p=Count("pk", filter=Q(jenis_kelamin=JenisKelamin.PEREMPUAN))
    )
    total = (tamu["laki"] or 0) + (tamu["perempuan"] or 0) + hadir["n"]
    perempuan = (tamu["perempuan"] or 0) + hadir["p"]
    keputusan = (
        Keputusan.objects.visible_to(user)
        .di_wilayah(wilayah.kode)
        .filter(pertemuan__kegiatan__tanggal__range=periode)
    )
    kep = keputusan.aggregate(
        n=Count("pk"),
        tl=Count("tindak_lanjut"),
        terbuka=Count("tindak_lanjut", filter=Q(tindak_lanjut__status="terbuka")),
    )
    return {
        "forum_aktif": per_status.get(StatusForum.AKTIF, 0),
        "forum_vakum": per_status.get(StatusForum.VAKUM, 0),
        "pusat_aktif": per_jenis.get(JenisForum.PUSAT_KEMASYARAKATAN, 0),
        "mitra_aktif": per_jenis.get(JenisForum.FORUM_MITRA_DESA, 0),
        "pertemuan": tamu["jumlah"],
        "hadir_total": total,
        "persen_perempuan": round(100 * perempuan / total) if total else None,
        "keputusan": kep["n"],
        "keputusan_tl": kep["tl"],
        "tl_terbuka": kep["terbuka"],
    }
