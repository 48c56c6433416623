"""Where fasilitasi plugs into the core — the app's one module of registry wiring, run by
``FasilitasiConfig.ready`` (``daftarkan``): menu items, the desa timeline (stage moves), links on a
daily-log entry, the entry-form extension that advances a case, the desa panel (village status,
open cases, BUM Desa), the dashboard panel (pipeline of RKP Desa and APB Desa of the year), the
permissions of each group and the group sync after this app's migrations."""

from __future__ import annotations

from django.db.models import Count
from django.db.models.signals import post_migrate
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from pendampingan import registry, roles
from pendampingan.models import TataCara
from pendampingan.registry import (
    EkstensiKegiatan,
    ItemLiniMasa,
    ItemNavigasi,
    PanelDasbor,
    PanelDesa,
)


# ------------------------------------------------------------------------------ timeline
def _item_peristiwa(p) -> ItemLiniMasa:
    from .models import JenisPeristiwa

    kasus = p.kasus
    if p.jenis == JenisPeristiwa.MAJU and p.ke_tahap_id:
        judul = _("%(k)s: maju ke «%(t)s»") % {"k": kasus.judul, "t": p.ke_tahap.nama}
    elif p.jenis == JenisPeristiwa.MAJU:
        judul = _("%(k)s: selesai") % {"k": kasus.judul}
    elif p.jenis == JenisPeristiwa.MUNDUR:
        judul = _("%(k)s: kembali ke «%(t)s»") % {"k": kasus.judul, "t": p.ke_tahap.nama}
    elif p.jenis == JenisPeristiwa.DIBUKA:
        judul = _("%(k)s: kasus dibuka") % {"k": kasus.judul}
    elif p.jenis == JenisPeristiwa.STATUS:
        judul = _("%(k)s: status %(s)s") % {"k": kasus.judul, "s": p.label_ke}
    else:
        judul = _("%(k)s: kegiatan dicatat") % {"k": kasus.judul}
    return ItemLiniMasa(
        waktu=p.waktu,
        jenis=_("Fasilitasi"),
        judul=judul,
        url=reverse("fasilitasi:kasus-detail", args=[kasus.pk]),
        keterangan=p.catatan[:200],
        ikon="⇢",
    )


def lini_masa_desa(desa, user, batas):
    from .models import PeristiwaFasilitasi

    rows = (
        PeristiwaFasilitasi.objects.visible_to(user)
        .filter(kasus__wilayah_id=desa.kode)
        .select_related("kasus", "ke_tahap")
        .order_by("-waktu", "-pk")[:batas]
    )
    return [_item_peristiwa(p) for p in rows]


def tautan_kegiatan(kegiatan_list, user) -> dict:
    """The case moves each daily-log entry made."""
    from .models import PeristiwaFasilitasi

    ids = [k.pk for k in kegiatan_list]
    hasil: dict[int, list[ItemLiniMasa]] = {}
    if not ids:
        return hasil
    rows = (
        PeristiwaFasilitasi.objects.visible_to(user)
        .filter(kegiatan_id__in=ids)
        .select_related("kasus", "ke_tahap")
        .order_by("waktu")
    )
    for p in rows:
        hasil.setdefault(p.kegiatan_id, []).append(_item_peristiwa(p))
    return hasil


# ------------------------------------------------------------------- entry-form extension
def simpan_ekstensi(kegiatan, form, user):
    """Called by the entry service, in its transaction, after the entry is saved."""
    from . import services
    from .models import JenisPeristiwa, PeristiwaFasilitasi

    kasus = form.cleaned_data.get("kasus")
    if not kasus:
        return None
    sudah_maju = PeristiwaFasilitasi.objects.filter(
        kasus=kasus, kegiatan=kegiatan, jenis=JenisPeristiwa.MAJU
    ).exists()
    if form.cleaned_data.get("maju") and not sudah_maju:  # editing the entry never moves twice
        return services.fasilitasi_maju(
            kasus=kasus, user=user, catatan=form.cleaned_data.get("catatan", ""), kegiatan=kegiatan
        )
    return services.fasilitasi_catat_kegiatan(
        kasus=kasus, user=user, kegiatan=kegiatan, catatan=form.cleaned_data.get("catatan", "")
    )


# ------------------------------------------------------------------------- desa panel
def panel_desa(desa, user):
    from . import selectors

    konteks = selectors.panel_desa(user=user, desa=desa)
    if not (konteks["status_indeks"] or konteks["kasus_terbuka"] or konteks["bumdes_desa"]):
        konteks["kosong"] = True
    return konteks


# --------------------------------------------------------------------- dashboard panel
KODE_PANEL = ("rkp-desa", "apb-desa")


def panel_dasbor(wilayah, periode, user) -> dict:
    """RKP Desa and APB Desa of the period's year in ``wilayah``: villages per stage, late,
    finished — each figure links to its cases. Three queries whatever the region's size."""
    from .models import Fasilitasi, StatusFasilitasi, TemplatAlur
    from .models.kasus import q_terlambat

    tahun = periode[1].year
    templat = list(
        TemplatAlur.objects.filter(kode__in=KODE_PANEL, aktif=True).prefetch_related("tahap")
    )
    rows = (
        Fasilitasi.objects.visible_to(user)
        .di_wilayah(wilayah.kode)
        .filter(templat__in=templat, tahun=tahun)
        .exclude(status=StatusFasilitasi.DIBATALKAN)
        .values("templat_id", "status", "tahap_kini__urutan")
        .annotate(
            n=Count("pk"),
            telat=Count(
                "pk",
                filter=q_terlambat(),
            ),
        )
        .order_by()
    )
    hitung: dict = {}
    for r in rows:
        h = hitung.setdefault(r["templat_id"], {"tahap": {}, "selesai": 0, "telat": 0, "total": 0})
        if r["status"] == StatusFasilitasi.SELESAI:
            h["selesai"] += r["n"]
        else:
            h["tahap"][r["tahap_kini__urutan"]] = (
                h["tahap"].get(r["tahap_kini__urutan"], 0) + r["n"]
            )
        h["telat"] += r["telat"]
        h["total"] += r["n"]
    daftar = reverse("fasilitasi:kasus-list")
    papan = reverse("fasilitasi:papan")
    hasil = []
    for t in sorted(templat, key=lambda t: KODE_PANEL.index(t.kode)):
        h = hitung.get(t.pk, {"tahap": {}, "selesai": 0, "telat": 0, "total": 0})
        q = {"wilayah": wilayah.kode, "templat": t.pk, "tahun": tahun}
        hasil.append(
            {
                "templat": t,
                "total": h["total"],
                "selesai": h["selesai"],
                "telat": h["telat"],
                "url_papan": f"{papan}?{urlencode(q)}",
                "url_telat": f"{daftar}?{urlencode({**q, 'terlambat': 1})}",
                "url_selesai": f"{daftar}?{urlencode({**q, 'status': 'selesai'})}",
                "tahap": [
                    {
                        "tahap": s,
                        "n": h["tahap"].get(s.urutan, 0),
                        "url": f"{daftar}?{urlencode({**q, 'tahap': s.urutan})}",
                    }
                    for s in sorted(t.tahap.all(), key=lambda s: s.urutan)
                ],
            }
        )
    return {"tahun": tahun, "wilayah": wilayah, "pipa": hasil}


# ----------------------------------------------------------------------------- register
def daftarkan(app_config) -> None:
    from .forms import EkstensiKegiatanForm

    # every facilitator and supervisor group may view these (the views check the permission);
    # no ``izin`` here, so the menu costs no permission queries on every page
    registry.daftar_navigasi(
        "fasilitasi",
        ItemNavigasi(_l("Fasilitasi"), "fasilitasi:kasus-saya", urutan=40),
    )
    registry.daftar_navigasi(
        "fasilitasi-papan",
        ItemNavigasi(_l("Papan tahapan"), "fasilitasi:papan", urutan=41),
    )
    registry.daftar_navigasi(
        "bumdes",
        ItemNavigasi(_l("BUM Desa"), "fasilitasi:bumdes-list", urutan=42),
    )
    registry.daftar_lini_masa("fasilitasi", lini_masa_desa)
    registry.daftar_tautan_kegiatan("fasilitasi", tautan_kegiatan)
    from .services import butir_kegiatan

    registry.daftar_sumber_butir("fasilitasi", butir_kegiatan)
    registry.daftar_ekstensi_kegiatan(
        EkstensiKegiatan(
            kunci="fasilitasi",
            label=_l("Kasus fasilitasi"),
            tata_cara=frozenset({TataCara.FASILITASI.value}),
            form_class=EkstensiKegiatanForm,
            simpan=simpan_ekstensi,
            urutan=40,
        )
    )
    registry.daftar_panel_desa(
        PanelDesa("fasilitasi", "fasilitasi/partials/_panel_desa.html", panel_desa, urutan=40)
    )
    registry.daftar_panel_dasbor(
        PanelDasbor(
            "fasilitasi-pipa",
            _l("Tahapan RKP Desa dan APB Desa"),
            "fasilitasi/partials/_panel_dasbor.html",
            panel_dasbor,
            urutan=40,
        )
    )
    lihat = {
        "fasilitasi.view_fasilitasi",
        "fasilitasi.view_bumdesa",
        "fasilitasi.view_statusdesa",
        "fasilitasi.view_templatalur",
    }
    roles.tambah_izin(
        roles.GRUP_PENDAMPING,
        *lihat,
        "fasilitasi.add_fasilitasi",
        "fasilitasi.change_fasilitasi",
        "fasilitasi.add_bumdesa",
        "fasilitasi.change_bumdesa",
    )
    roles.tambah_izin(roles.GRUP_PENGAWAS, *lihat, "fasilitasi.add_statusdesa")
    roles.tambah_izin(
        roles.GRUP_ADMIN,
        *lihat,
        "fasilitasi.add_statusdesa",
        "fasilitasi.change_statusdesa",
        *(
            f"fasilitasi.{aksi}_{model}"
            for aksi in ("add", "change", "delete")
            for model in (
                "templatalur",
                "tahaptemplat",
                "dokumentahaptemplat",
                "ruanglingkup",
                "butirfasilitasi",
                "indeksstatus",
                "ambangstatus",
            )
        ),
        "fasilitasi.view_tahaptemplat",
        "fasilitasi.view_dokumentahaptemplat",
        "fasilitasi.view_ruanglingkup",
        "fasilitasi.view_butirfasilitasi",
        "fasilitasi.view_indeksstatus",
        "fasilitasi.view_ambangstatus",
        "fasilitasi.view_imporstatusdesa",
    )
    # this app's permissions exist only after its own post_migrate: sync the groups again then
    post_migrate.connect(
        roles.sinkronkan_grup_setelah_migrasi, sender=app_config, dispatch_uid="fasilitasi_grup"
    )
