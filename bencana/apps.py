from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class BencanaConfig(AppConfig):
    name = "bencana"
    label = "bencana"
    verbose_name = _("KLB dan bencana")

    def ready(self):
        from pendampingan import registry, roles

        from . import forms, selectors, services

        izin_lapangan = (
            "bencana.view_kejadian",
            "bencana.add_kejadian",
            "bencana.change_kejadian",
            "bencana.kirim_laporan",
        )
        roles.tambah_izin(roles.GRUP_PENDAMPING, *izin_lapangan)
        roles.tambah_izin(roles.GRUP_PENGAWAS, *izin_lapangan)
        # this app's permissions exist only after its own migrations: sync the groups again then
        post_migrate.connect(roles.sinkronkan_grup_setelah_migrasi, sender=self)
        roles.tambah_izin(
            roles.GRUP_ADMIN,
            "bencana.view_kejadian",
            "bencana.view_jeniskejadian",
            "bencana.add_jeniskejadian",
            "bencana.change_jeniskejadian",
        )
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
