"""Where the incident app plugs into the core — the one place of its registry wiring, called from
``BencanaConfig.ready``: group permissions, the menu, the desa timeline, the daily-log link and
extension form, the dashboard panel, and the builder of the chronology PDF."""

from __future__ import annotations

from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

IZIN_LAPANGAN = (
    "bencana.view_kejadian",
    "bencana.add_kejadian",
    "bencana.change_kejadian",
    "bencana.kirim_laporan",
)
IZIN_ADMIN = (
    "bencana.view_kejadian",
    "bencana.view_kronologi",
    "bencana.view_penilaiandampak",
    "bencana.view_bukti",
    "bencana.view_jeniskejadian",
    "bencana.add_jeniskejadian",
    "bencana.change_jeniskejadian",
)


def pasang(app_config) -> None:
    from pendampingan import registry, roles
    from pendampingan.inti.unduhan import daftar_pembuat

    from . import dokumen, forms, selectors, services

    roles.tambah_izin(roles.GRUP_PENDAMPING, *IZIN_LAPANGAN)
    roles.tambah_izin(roles.GRUP_PENGAWAS, *IZIN_LAPANGAN)
    roles.tambah_izin(roles.GRUP_ADMIN, *IZIN_ADMIN)
    # this app's permissions exist only after its own migrations: sync the groups again then
    post_migrate.connect(roles.sinkronkan_grup_setelah_migrasi, sender=app_config)

    registry.daftar_navigasi(
        "bencana",
        registry.ItemNavigasi(
            _("Bencana"), "bencana:kejadian-list", urutan=60, izin="bencana.view_kejadian"
        ),
    )
    registry.daftar_navigasi(
        "bencana-rekap",
        registry.ItemNavigasi(
            _("Rekap bencana"),
            "bencana:rekap",
            urutan=61,
            izin="bencana.view_kejadian",
            hanya_pengawas=True,
        ),
    )
    registry.daftar_lini_masa("bencana", selectors.lini_masa_desa)
    registry.daftar_tautan_kegiatan("bencana", selectors.tautan_kegiatan)
    registry.daftar_panel_dasbor(
        registry.PanelDasbor(
            kunci="bencana",
            judul=_("Kejadian bencana aktif"),
            template="bencana/partials/_panel_dasbor.html",
            fungsi=selectors.panel_dasbor,
            urutan=30,
        )
    )
    registry.daftar_sumber_butir("bencana", services.butir_kegiatan)
    registry.daftar_ekstensi_kegiatan(
        registry.EkstensiKegiatan(
            kunci="bencana",
            label=_("Kejadian bencana yang ditangani"),
            tata_cara=frozenset({"bencana"}),
            form_class=forms.KegiatanKejadianForm,
            simpan=services.kegiatan_ekstensi_simpan,
            urutan=50,
        )
    )
    daftar_pembuat(dokumen.JENIS_UNDUHAN, dokumen.kronologi_pdf)
