"""The core's own menu items."""

from django.utils.translation import gettext_lazy as _

from .registry import ItemNavigasi, daftar_navigasi


def daftarkan_inti():
    daftar_navigasi("beranda", ItemNavigasi(_("Beranda"), "pendampingan:beranda", urutan=0))
    daftar_navigasi(
        "kegiatan-buat",
        ItemNavigasi(
            _("Catat kegiatan"),
            "pendampingan:kegiatan-buat",
            urutan=10,
            izin="pendampingan.add_kegiatan",
        ),
    )
    daftar_navigasi(
        "kegiatan-list", ItemNavigasi(_("Log saya"), "pendampingan:kegiatan-list", urutan=11)
    )
    daftar_navigasi(
        "kegiatan-antrean",
        ItemNavigasi(
            _("Verifikasi"), "pendampingan:kegiatan-antrean", urutan=12, hanya_pengawas=True
        ),
    )
    daftar_navigasi(
        "tindaklanjut-list",
        ItemNavigasi(_("Tindak lanjut"), "pendampingan:tindaklanjut-list", urutan=13),
    )
    daftar_navigasi("wilayah", ItemNavigasi(_("Wilayah"), "pendampingan:wilayah-list", urutan=90))
    daftar_navigasi(
        "kalender", ItemNavigasi(_("Kalender libur"), "pendampingan:kalender", urutan=92)
    )
    daftar_navigasi(
        "unduhan-list", ItemNavigasi(_("Unduhan saya"), "pendampingan:unduhan-list", urutan=95)
    )
