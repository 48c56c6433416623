from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BulananConfig(AppConfig):
    name = "pendampingan.bulanan"
    label = "bulanan"
    verbose_name = _("Laporan bulanan")

    def ready(self):
        from django.db.models.signals import post_migrate

        from pendampingan import registry, roles
        from pendampingan.registry import ItemNavigasi, PanelDasbor

        from .panel import panel_dasbor, tautan_kegiatan
        from .periode import kunci_kegiatan

        registry.daftar_kunci_kegiatan("bulanan", kunci_kegiatan)
        registry.daftar_pembuka_kunci_kegiatan("bulanan", _buka_bulan)
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
        dasar = {
            "bulanan.view_rencanakerja",
            "bulanan.add_rencanakerja",
            "bulanan.change_rencanakerja",
            "bulanan.delete_rencanakerja",
            "bulanan.view_laporanbulanan",
            "bulanan.add_laporanbulanan",
            "bulanan.change_laporanbulanan",
        }
        pemeriksa = {
            "bulanan.setujui_laporanbulanan",
            "bulanan.buka_bulan",
            "bulanan.lihat_rekap",
        }
        # PD are in the Pendamping group and supervise PLD; the scope and the jabatan rank decide
        # whose report a user may review (services.boleh_memeriksa).
        roles.tambah_izin(roles.GRUP_PENDAMPING, *dasar, *pemeriksa)
        roles.tambah_izin(roles.GRUP_PENGAWAS, *dasar, *pemeriksa)
        roles.tambah_izin(
            roles.GRUP_ADMIN,
            "bulanan.view_rencanakerja",
            "bulanan.view_laporanbulanan",
            "bulanan.view_pembukaanbulan",
            "bulanan.view_unduhan",
        )
        # this app's permissions exist only after its own post_migrate: sync the groups again then
        post_migrate.connect(roles.sinkronkan_grup_setelah_migrasi, sender=self)


def _buka_bulan(*, user, pendamping, tanggal, alasan):
    """The month lock is lifted the recorded way: a supervisor reopens the month."""
    from .services import bulan_buka

    bulan_buka(user=user, pendamping=pendamping, bulan=tanggal, alasan=alasan)
