"""Reads of the pipeline board: villages per stage of a template and year, per child region, and
the villages that have not reached a stage. A fixed number of queries whatever the region's size
(one grouped count per region level, ``Substr`` of the region code; the list is one ``NOT IN``
subquery)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.db.models.functions import Substr

from pendampingan.models import Tingkat, Wilayah
from pendampingan.scope import q_prefiks
from pendampingan.selectors import PANJANG_KODE, wilayah_akar, wilayah_jumlah_desa
from pendampingan.wilayah_kode import prefiks

from ..models import Fasilitasi, StatusFasilitasi, TemplatAlur
from ..models.kasus import q_terlambat


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
                    filter=q_terlambat(),
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
