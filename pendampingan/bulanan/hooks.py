"""Where the monthly report plugs into the core — every registry call of this app, run once from
``BulananConfig.ready``:

* the month lock on daily-log entries, how it is lifted the recorded way (a reopening), and the
  report link shown on each entry;
* the menu items and the dashboard panel;
* the builders of the download pipeline (a report's PDF and XLSX, an area's ZIP);
* the permissions of the role groups.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

DASAR = {
    "bulanan.view_rencanakerja",
    "bulanan.add_rencanakerja",
    "bulanan.change_rencanakerja",
    "bulanan.delete_rencanakerja",
    "bulanan.view_laporanbulanan",
    "bulanan.add_laporanbulanan",
    "bulanan.change_laporanbulanan",
}
PEMERIKSA = {
    "bulanan.setujui_laporanbulanan",
    "bulanan.buka_bulan",
    "bulanan.lihat_rekap",
}


def pasang(app_config) -> None:
    from django.db.models.signals import post_migrate

    from pendampingan import registry, roles
    from pendampingan.inti.unduhan import daftar_pembuat
    from pendampingan.registry import ItemNavigasi, PanelDasbor

    from .dokumen.pembuat import PEMBUAT
    from .panel import panel_dasbor, tautan_kegiatan
    from .periode import kunci_kegiatan

    registry.daftar_kunci_kegiatan("bulanan", kunci_kegiatan)
    registry.daftar_pembuka_kunci_kegiatan("bulanan", buka_kunci_kegiatan)
    registry.daftar_tautan_kegiatan("bulanan", tautan_kegiatan)
    registry.daftar_navigasi(
        "bulanan", ItemNavigasi(_("Laporan bulanan"), "bulanan:beranda", urutan=30)
    )
    registry.daftar_navigasi(
        "bulanan-rekap",
        ItemNavigasi(
            _("Rekap bulanan"),
            "bulanan:rekap",
            urutan=31,
            # no permission lookup on every page; the recap view checks bulanan.lihat_rekap
            hanya_pengawas=True,
        ),
    )
    registry.daftar_panel_dasbor(
        PanelDasbor(
            kunci="bulanan",
            judul=_("Laporan bulanan"),
            template="bulanan/partials/_panel_dasbor.html",
            fungsi=panel_dasbor,
            urutan=25,
        )
    )
    for jenis, fungsi in PEMBUAT.items():
        daftar_pembuat(jenis, fungsi)
    # PD are in the Pendamping group and supervise PLD; the scope and the jabatan rank decide
    # whose report a user may review (akses.alasan_tidak_memeriksa).
    roles.tambah_izin(roles.GRUP_PENDAMPING, *DASAR, *PEMERIKSA)
    roles.tambah_izin(roles.GRUP_PENGAWAS, *DASAR, *PEMERIKSA)
    roles.tambah_izin(
        roles.GRUP_ADMIN,
        "bulanan.view_rencanakerja",
        "bulanan.view_laporanbulanan",
        "bulanan.view_pembukaanbulan",
    )
    # this app's permissions exist only after its own post_migrate: sync the groups again then
    post_migrate.connect(roles.sinkronkan_grup_setelah_migrasi, sender=app_config)


def buka_kunci_kegiatan(*, user, pendamping, tanggal, alasan) -> None:
    """The month lock is lifted the recorded way: ``user`` reopens the facilitator's month
    (``ValidationError`` / ``PermissionDenied`` when they may not)."""
    from .services import bulan_buka

    bulan_buka(user=user, pendamping=pendamping, bulan=tanggal, alasan=alasan)
