"""Regions: the Kemendagri list, keyed by the code itself (see ``scope``)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..scope import RegionScopedQuerySet
from ..wilayah_kode import LABEL_TINGKAT, prefiks


# ------------------------------------------------------------------------------------ regions
class Tingkat(models.TextChoices):
    PROVINSI = "provinsi", LABEL_TINGKAT["provinsi"]
    KABUPATEN = "kabupaten", LABEL_TINGKAT["kabupaten"]
    KECAMATAN = "kecamatan", LABEL_TINGKAT["kecamatan"]
    DESA = "desa", LABEL_TINGKAT["desa"]


class JenisWilayah(models.TextChoices):
    PROVINSI = "provinsi", _("Provinsi")
    KABUPATEN = "kabupaten", _("Kabupaten")
    KOTA = "kota", _("Kota")
    KECAMATAN = "kecamatan", _("Kecamatan")
    DESA = "desa", _("Desa")
    KELURAHAN = "kelurahan", _("Kelurahan")
    DESA_ADAT = "desa_adat", _("Desa Adat")


# The village kinds with a village government (pemerintah desa): they receive Dana Desa, write
# RPJM/RKP/APB Desa and Perdes, found BUM Desa, are scored by IDM / Indeks Desa and have a PLD.
# A kelurahan is an urban administrative unit under the kabupaten/kota: none of that applies.
JENIS_DESA = (JenisWilayah.DESA, JenisWilayah.DESA_ADAT)


class WilayahQuerySet(RegionScopedQuerySet):
    kode_lookup = "kode"

    def desa(self):
        """Every village: desa, desa adat and kelurahan (the region tree, complaints, disasters)."""
        return self.filter(tingkat=Tingkat.DESA)

    def pemerintahan_desa(self):
        """Desa and desa adat only — never a kelurahan (PLD work, Dana Desa, village documents)."""
        return self.filter(tingkat=Tingkat.DESA, jenis__in=JENIS_DESA)


class Wilayah(models.Model):
    kode = models.CharField(_("kode Kemendagri"), max_length=13, primary_key=True)
    nama = models.CharField(_("nama"), max_length=150, db_index=True)
    tingkat = models.CharField(_("tingkat"), max_length=10, choices=Tingkat.choices, db_index=True)
    # derived from the code (``wilayah_kode.jenis_dari_kode``), set on import and by migration
    # 0017; indexed, so "desa only" stays one index-friendly filter
    jenis = models.CharField(_("jenis"), max_length=10, choices=JenisWilayah.choices, db_index=True)
    induk = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="anak",
    )
    kode_bps = models.CharField(_("kode BPS"), max_length=10, blank=True)
    jumlah_penduduk = models.PositiveIntegerField(_("jumlah penduduk"), null=True, blank=True)
    diperbarui = models.DateTimeField(_("diperbarui"), auto_now=True)

    objects = WilayahQuerySet.as_manager()

    class Meta:
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")
        ordering = ["kode"]
        permissions = [("lihat_nasional", _("Melihat seluruh wilayah nasional"))]

    def __str__(self):
        return f"{self.nama} ({self.kode})"

    @property
    def prefiks(self) -> str:
        return prefiks(self.kode)

    @property
    def adalah_desa(self) -> bool:
        return self.tingkat == Tingkat.DESA

    @property
    def adalah_kelurahan(self) -> bool:
        return self.jenis == JenisWilayah.KELURAHAN

    @property
    def berpemerintahan_desa(self) -> bool:
        """A desa or desa adat (not a kelurahan): see ``JENIS_DESA``."""
        return self.tingkat == Tingkat.DESA and self.jenis in JENIS_DESA

    @property
    def label_lengkap(self) -> str:
        """ "Kecamatan Kedungreja", "Desa Tambakreja"; kabupaten/kota names already carry their kind."""
        if self.tingkat == Tingkat.KABUPATEN:
            return self.nama
        return f"{self.get_jenis_display()} {self.nama}"


class ImporWilayah(models.Model):
    """One run of ``impor_wilayah``: which package version, when, and what changed."""

    sumber = models.CharField(_("sumber"), max_length=100)
    versi = models.CharField(_("versi"), max_length=30)
    waktu = models.DateTimeField(_("waktu"), default=timezone.now)
    ditambah = models.PositiveIntegerField(_("ditambah"), default=0)
    diubah = models.PositiveIntegerField(_("nama diubah"), default=0)
    tidak_ada_lagi = models.PositiveIntegerField(_("tidak ada di sumber"), default=0)
    detik = models.FloatField(_("durasi (detik)"), default=0)

    class Meta:
        verbose_name = _("impor wilayah")
        verbose_name_plural = _("riwayat impor wilayah")
        ordering = ["-waktu"]

    def __str__(self):
        return f"{self.sumber}@{self.versi} {self.waktu:%Y-%m-%d %H:%M}"


def pesan_bukan_desa(wilayah: Wilayah, untuk) -> str:
    """The one refusal for a desa-only thing (``untuk``: "penugasan PLD", "APB Desa" …) asked of
    a kelurahan."""
    return _("%(w)s adalah kelurahan, bukan desa: %(u)s hanya untuk desa dan desa adat.") % {
        "w": wilayah.label_lengkap,
        "u": untuk,
    }
