"""The incident app's summaries for others: the supervisor's recap per kabupaten, and what the
core shows of incidents (the desa timeline, the daily-log links, the dashboard panel)."""

from __future__ import annotations

from django.db.models import Count, Sum
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils.translation import gettext as _

from pendampingan.models import Wilayah
from pendampingan.registry import ItemLiniMasa
from pendampingan.scope import cakupan_pengguna, q_prefiks
from pendampingan.wilayah_kode import prefiks

from ..models import (
    KOLOM_DAMPAK,
    NAMA_KOLOM_DAMPAK,
    KegiatanKejadian,
    Kejadian,
    PenilaianDampak,
    PerubahanStatus,
)
from . import KOLOM_RINGKAS, _bersihkan, _kosong


def rekap_kabupaten(*, user, wilayah: str = ""):
    """The supervisor's view: per kabupaten, the active incidents and the impact totals over the
    latest snapshot of each affected desa. Three queries."""
    aktif = Kejadian.objects.visible_to(user).aktif()
    if wilayah:
        aktif = aktif.di_wilayah(wilayah)
    jumlah = dict(
        aktif.annotate(kab=Substr("wilayah_id", 1, 5))
        .order_by()
        .values("kab")
        .annotate(n=Count("pk"))
        .values_list("kab", "n")
    )
    dampak = (
        PenilaianDampak.objects.terkini()
        .filter(kejadian__in=aktif)
        .annotate(kab=Substr("wilayah_id", 1, 5))
        .order_by()
        .values("kab")
        .annotate(**{k: Sum(k) for k in NAMA_KOLOM_DAMPAK})
    )
    per_kab = {r["kab"]: _bersihkan(r) for r in dampak}
    kode = sorted(set(jumlah) | set(per_kab))
    nama = dict(Wilayah.objects.filter(kode__in=kode).values_list("kode", "nama"))
    return [
        {
            "kode": k,
            "nama": nama.get(k, k),
            "jumlah": jumlah.get(k, 0),
            "dampak": per_kab.get(k, _kosong()),
        }
        for k in kode
    ]


# --------------------------------------------------------------- plug-ins of the core
def lini_masa_desa(desa, user, batas):
    """Incidents that touched the desa, and their status changes: two queries."""
    qs = (
        Kejadian.objects.visible_to(user)
        .filter(desa_terdampak__wilayah=desa)
        .select_related("jenis")
        .order_by("-waktu")[:batas]
    )
    items = [
        ItemLiniMasa(
            waktu=k.waktu,
            jenis=_("Bencana"),
            judul=f"{k.jenis.nama}: {k.ringkasan}",
            url=reverse("bencana:kejadian-detail", args=[k.pk]),
            keterangan=f"{k.kode} · {k.get_status_display()}",
            ikon="⚠",
        )
        for k in qs
    ]
    perubahan = (
        PerubahanStatus.objects.visible_to(user)
        .filter(kejadian__desa_terdampak__wilayah=desa)
        .select_related("kejadian")
        .order_by("-waktu")[:batas]
    )
    items += [
        ItemLiniMasa(
            waktu=p.waktu,
            jenis=_("Bencana"),
            judul=_("%(kode)s: status %(ke)s")
            % {"kode": p.kejadian.kode, "ke": p.get_ke_display()},
            url=reverse("bencana:kejadian-detail", args=[p.kejadian_id]),
            keterangan=p.catatan,
            ikon="⚠",
        )
        for p in perubahan
    ]
    return items


def tautan_kegiatan(kegiatan_list, user):
    """{kegiatan_id: [ItemLiniMasa]} — the incident each entry served. One query."""
    ids = [k.pk for k in kegiatan_list]
    rows = (
        KegiatanKejadian.objects.visible_to(user)
        .filter(kegiatan_id__in=ids)
        .select_related("kejadian__jenis")
        .order_by("pk")
    )
    hasil: dict[int, list] = {}
    for t in rows:
        hasil.setdefault(t.kegiatan_id, []).append(
            ItemLiniMasa(
                waktu=t.kejadian.waktu,
                jenis=_("Bencana"),
                judul=f"{t.kejadian.kode} · {t.kejadian.jenis.nama}",
                url=reverse("bencana:kejadian-detail", args=[t.kejadian_id]),
                ikon="⚠",
            )
        )
    return hasil


def panel_dasbor(wilayah, periode, user):
    """Dashboard panel: active incidents in ``wilayah`` (every visible one for the national view,
    ``wilayah.kode == ""``) with impact totals over each desa's latest snapshot. Three queries."""
    aktif = Kejadian.objects.visible_to(user).aktif()
    dampak = PenilaianDampak.objects.terkini().filter(kejadian__in=aktif)
    if wilayah.kode:
        aktif = aktif.di_wilayah(wilayah.kode)
        dampak = dampak.filter(kejadian__in=aktif).filter(
            q_prefiks("wilayah__kode", [prefiks(wilayah.kode)])
        )
    daftar = list(aktif.select_related("jenis", "wilayah").order_by("-waktu")[:50])
    total = _bersihkan(dampak.aggregate(**{k: Sum(k) for k in NAMA_KOLOM_DAMPAK}))
    label = {k: lbl for k, lbl, _g in KOLOM_DAMPAK}
    saring = f"?wilayah={wilayah.kode}" if wilayah.kode else ""
    return {
        "jumlah": len(daftar),
        "kejadian": daftar[:5],
        "dampak": total,
        "label": label,
        "kolom": KOLOM_RINGKAS,
        "url_daftar": reverse("bencana:kejadian-list") + saring,
        "url_rekap": reverse("bencana:rekap") + saring,
        "pengawas": cakupan_pengguna(user).pengawas,
        "ekspor": [
            (
                _("Kejadian bencana aktif"),
                [_("Kode"), _("Jenis"), _("Desa"), _("Status"), _("Waktu")],
                [
                    [k.kode, k.jenis.nama, k.wilayah.nama, str(k.get_status_display()), k.waktu]
                    for k in daftar
                ],
            ),
            (
                _("Dampak kejadian aktif (penilaian terbaru tiap desa)"),
                [_("Dampak"), _("Total")],
                [[str(label[k]), total[k]] for k in NAMA_KOLOM_DAMPAK],
            ),
        ],
    }
