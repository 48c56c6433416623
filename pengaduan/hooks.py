"""Where the complaints app plugs into the core: its permissions in the core's groups, the menu,
the desa timeline, the links on a daily-log entry, the entry form's extension and the dashboard
panel. Called once from ``PengaduanConfig.ready``; the only module of this app that calls
``registry.daftar_*``."""

from __future__ import annotations

from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def daftar(app_config) -> None:
    from pendampingan import registry, roles

    from . import selectors
    from .forms import EkstensiPengaduanForm
    from .services import butir_kegiatan, simpan_ekstensi

    izin_kerja = (
        "pengaduan.view_pengaduan",
        "pengaduan.add_pengaduan",
        "pengaduan.change_pengaduan",
        "pengaduan.view_kategori",
    )
    roles.tambah_izin(roles.GRUP_PENDAMPING, *izin_kerja)
    roles.tambah_izin(roles.GRUP_PENGAWAS, *izin_kerja, "pengaduan.kelola_pengaduan")
    roles.tambah_izin(
        roles.GRUP_ADMIN,
        "pengaduan.view_pengaduan",
        "pengaduan.view_kategori",
        "pengaduan.add_kategori",
        "pengaduan.change_kategori",
    )
    # this app's permissions exist only after its own post_migrate: sync the groups again then
    post_migrate.connect(roles.sinkronkan_grup_setelah_migrasi, sender=app_config)
    registry.daftar_navigasi(
        "pengaduan",
        # no ``izin``: every facilitator group has view_pengaduan, and a permission check
        # here would cost every page of the site its permission queries
        registry.ItemNavigasi(_("Pengaduan"), "pengaduan:daftar", urutan=40),
    )
    registry.daftar_navigasi(
        "pengaduan-papan",
        registry.ItemNavigasi(
            _("Papan pengaduan"), "pengaduan:papan", urutan=41, hanya_pengawas=True
        ),
    )
    registry.daftar_lini_masa("pengaduan", selectors.lini_masa_desa)
    registry.daftar_tautan_kegiatan("pengaduan", selectors.tautan_kegiatan)
    registry.daftar_sumber_butir("pengaduan", butir_kegiatan)
    registry.daftar_ekstensi_kegiatan(
        registry.EkstensiKegiatan(
            kunci="pengaduan",
            label=_("Pengaduan"),
            tata_cara=frozenset(),  # a complaint may be served by any kind of activity
            form_class=EkstensiPengaduanForm,
            simpan=simpan_ekstensi,
            urutan=60,
        )
    )
    registry.daftar_panel_dasbor(
        registry.PanelDasbor(
            kunci="pengaduan",
            judul=_("Pengaduan"),
            template="pengaduan/partials/_panel_dasbor.html",
            fungsi=selectors.panel_dasbor,
            urutan=60,
        )
    )
