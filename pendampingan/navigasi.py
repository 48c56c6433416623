"""The core's own menu items."""

from django.utils.translation import gettext_lazy as _

from .registry import ItemNavigasi, daftar_navigasi


def daftarkan_inti():
    daftar_navigasi("beranda", ItemNavigasi(_("Beranda"), "pendampingan:beranda", urutan=0))
    daftar_navigasi("wilayah", ItemNavigasi(_("Wilayah"), "pendampingan:wilayah-list", urutan=90))
