"""What pengorganisasian plugs into the core — the app's one place of registry wiring, called from
``ForumConfig.ready``: menu items, the desa timeline, links on a daily-log entry, the entry-form
extension, the dashboard panel and the permissions of the facilitator groups."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pendampingan import registry, roles
from pendampingan.models import TataCara, Wilayah
from pendampingan.registry import EkstensiKegiatan, ItemLiniMasa, ItemNavigasi, PanelDasbor

from . import selectors, services
from .butir import butir_kegiatan
from .forms import SEBAGAI_PERTEMUAN, EkstensiForumForm
from .models import AktivitasForum, Pertemuan

IZIN_PENDAMPING = {
    f"forum.{aksi}_{model}"
    for model in ("forum", "anggota", "sarana", "pertemuan", "keputusan", "aktivitasforum")
    for aksi in ("view", "add", "change")
} | {"forum.view_unsurmasyarakat"}
IZIN_PENGAWAS = {
    f"forum.view_{model}"
    for model in (
        "forum",
        "anggota",
        "sarana",
        "pertemuan",
        "keputusan",
        "aktivitasforum",
        "unsurmasyarakat",
    )
}
IZIN_ADMIN = IZIN_PENGAWAS | {
    "forum.add_unsurmasyarakat",
    "forum.change_unsurmasyarakat",
    "forum.change_forum",
    "forum.change_sarana",
}


def lini_masa(desa: Wilayah, user, batas: int) -> list[ItemLiniMasa]:
    """Meetings of the desa's forums (two queries)."""
    return [
        ItemLiniMasa(
            waktu=p.kegiatan.tanggal,
            jenis=_("Pertemuan forum"),
            judul=f"{p.forum.nama}: {p.kegiatan.judul}",
            url=reverse("forum:pertemuan-detail", args=[p.pk]),
            keterangan=_("%(n)d anggota hadir, %(t)d tamu")
            % {"n": p.jumlah_hadir, "t": p.tamu_laki + p.tamu_perempuan},
            ikon="👥",
        )
        for p in selectors.pertemuan_di_desa(user=user, desa=desa, batas=batas)
    ]


def tautan_kegiatan(kegiatan_list, user) -> dict:
    """The forum a daily-log entry served (two queries for any number of entries)."""
    ids = [k.pk for k in kegiatan_list]
    hasil: dict[int, list[ItemLiniMasa]] = {}
    for p in (
        Pertemuan.objects.visible_to(user)
        .filter(kegiatan_id__in=ids)
        .select_related("forum", "kegiatan")
    ):
        hasil.setdefault(p.kegiatan_id, []).append(
            ItemLiniMasa(
                waktu=p.kegiatan.tanggal,
                jenis=_("Pertemuan forum"),
                judul=p.forum.nama,
                url=reverse("forum:pertemuan-detail", args=[p.pk]),
            )
        )
    for a in (
        AktivitasForum.objects.visible_to(user)
        .filter(kegiatan_id__in=ids)
        .select_related("forum", "kegiatan")
    ):
        hasil.setdefault(a.kegiatan_id, []).append(
            ItemLiniMasa(
                waktu=a.kegiatan.tanggal,
                jenis=a.get_jenis_display(),
                judul=a.forum.nama,
                url=reverse("forum:forum-detail", args=[a.forum_id]),
            )
        )
    return hasil


def simpan_ekstensi(kegiatan, form, user) -> None:
    """Link the saved entry to the chosen forum (as a meeting or an activity)."""
    data = form.cleaned_data
    forum = data.get("forum")
    if forum is None:
        return
    if data.get("sebagai") == SEBAGAI_PERTEMUAN:
        lama = Pertemuan.objects.filter(kegiatan=kegiatan).first()
        tetap = lama is not None and lama.forum_id == forum.pk
        services.pertemuan_tautkan(
            user=user,
            kegiatan=kegiatan,
            forum=forum,
            sarana=data.get("sarana"),
            tempat_lain=data.get("tempat_lain", ""),
            hadir=list(lama.hadir.all()) if tetap else [],
            tamu={
                "tamu_laki": data.get("tamu_laki") or 0,
                "tamu_perempuan": data.get("tamu_perempuan") or 0,
                **({k: getattr(lama, k) for k in services.TAMU_RENTAN} if tetap else {}),
            },
            notulen=data.get("notulen", ""),
        )
    else:
        services.aktivitas_tautkan(
            user=user,
            kegiatan=kegiatan,
            forum=forum,
            jenis=data["sebagai"],
            bidang=data.get("bidang", ""),
            umkm=data.get("umkm", ""),
            kesepakatan=data.get("kesepakatan", ""),
        )


def panel_dasbor(wilayah: Wilayah, periode: tuple[datetime.date, datetime.date], user) -> dict:
    """The forums panel of the dashboard (five queries whatever the region; ``wilayah.kode`` is
    empty in the national view). Every figure links to the rows behind it."""
    angka = selectors.ringkasan_panel(user=user, wilayah=wilayah, periode=periode)
    daftar = reverse("forum:forum-list")
    w = f"wilayah={wilayah.kode}&" if wilayah.kode else ""
    persen = angka["persen_perempuan"]
    return {
        "angka": angka,
        "url_aktif": f"{daftar}?{w}status=aktif",
        "url_vakum": f"{daftar}?{w}status=vakum",
        "url_pusat": f"{daftar}?{w}status=aktif&jenis=pusat_kemasyarakatan",
        "url_mitra": f"{daftar}?{w}status=aktif&jenis=forum_mitra_desa",
        "url_pengawasan": f"{reverse('forum:pengawasan')}?{w}".rstrip("?&"),
        "url_tindak_lanjut": f"{reverse('forum:tindak-lanjut-list')}?semua=1",
        "ekspor": [
            (
                _("Forum dan pengorganisasian"),
                [_("Ukuran"), _("Jumlah")],
                [
                    (_("Forum aktif"), angka["forum_aktif"]),
                    (_("Forum vakum"), angka["forum_vakum"]),
                    (_("Pusat kemasyarakatan aktif"), angka["pusat_aktif"]),
                    (_("Forum mitra desa aktif"), angka["mitra_aktif"]),
                    (_("Pertemuan dalam periode"), angka["pertemuan"]),
                    (_("Kehadiran (anggota dan tamu)"), angka["hadir_total"]),
                    (_("Persen perempuan di antara yang hadir"), "" if persen is None else persen),
                    (_("Keputusan"), angka["keputusan"]),
                    (_("Keputusan menjadi tindak lanjut"), angka["keputusan_tl"]),
                    (_("Tindak lanjut masih terbuka"), angka["tl_terbuka"]),
                ],
            )
        ],
    }


def daftarkan() -> None:
    roles.tambah_izin(roles.GRUP_PENDAMPING, *IZIN_PENDAMPING)
    roles.tambah_izin(roles.GRUP_PENGAWAS, *IZIN_PENGAWAS)
    roles.tambah_izin(roles.GRUP_ADMIN, *IZIN_ADMIN)
    registry.daftar_navigasi(
        "forum", ItemNavigasi(gettext_lazy("Forum"), "forum:forum-list", urutan=30)
    )
    registry.daftar_navigasi(
        "forum-sarana", ItemNavigasi(gettext_lazy("Sarana desa"), "forum:sarana-list", urutan=31)
    )
    registry.daftar_navigasi(
        "forum-pengawasan",
        ItemNavigasi(
            gettext_lazy("Pengorganisasian"), "forum:pengawasan", urutan=32, hanya_pengawas=True
        ),
    )
    registry.daftar_lini_masa("forum", lini_masa)
    registry.daftar_tautan_kegiatan("forum", tautan_kegiatan)
    registry.daftar_sumber_butir("forum", butir_kegiatan)
    registry.daftar_ekstensi_kegiatan(
        EkstensiKegiatan(
            kunci="forum",
            label=gettext_lazy("Forum (pengorganisasian)"),
            tata_cara=frozenset({TataCara.PENGORGANISASIAN}),
            form_class=EkstensiForumForm,
            simpan=simpan_ekstensi,
            urutan=30,
        )
    )
    registry.daftar_panel_dasbor(
        PanelDasbor(
            kunci="forum",
            judul=gettext_lazy("Forum dan pengorganisasian"),
            template="forum/partials/_panel_dasbor.html",
            fungsi=panel_dasbor,
            urutan=30,
        )
    )
