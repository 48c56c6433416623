"""The BUM Desa register (PP 11/2021): a village-owned enterprise, or a BUM Desa Bersama of
several villages; its business units and managers; a yearly snapshot of its figures.

The row belongs to the desa where it is seated (``wilayah``); a BUM Desa Bersama lists its member
villages in ``desa_anggota`` and is visible to those who see the seat."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pendampingan.inti.sekali import KunciSekaliModel
from pendampingan.models import Wilayah
from pendampingan.scope import RegionScopedQuerySet


class JenisBumDesa(models.TextChoices):
    BUM_DESA = "bumdes", _("BUM Desa")
    BERSAMA = "bersama", _("BUM Desa Bersama")


class StatusBadanHukum(models.TextChoices):
    BELUM = "belum", _("Belum terdaftar")
    NAMA = "nama", _("Nama terverifikasi")
    PERBAIKAN = "perbaikan", _("Perbaikan dokumen")
    BADAN_HUKUM = "badan_hukum", _("Berbadan hukum (sertifikat pendaftaran)")


class BumDesaQuerySet(RegionScopedQuerySet):
    pass


class BumDesa(KunciSekaliModel):
    wilayah = models.ForeignKey(
        Wilayah, verbose_name=_("desa kedudukan"), on_delete=models.PROTECT, related_name="bumdes"
    )
    desa_anggota = models.ManyToManyField(
        Wilayah,
        verbose_name=_("desa anggota (BUM Desa Bersama)"),
        blank=True,
        related_name="bumdes_bersama",
    )
    nama = models.CharField(_("nama"), max_length=200)
    jenis = models.CharField(
        _("jenis"), max_length=10, choices=JenisBumDesa.choices, default=JenisBumDesa.BUM_DESA
    )
    status_badan_hukum = models.CharField(
        _("status badan hukum"),
        max_length=12,
        choices=StatusBadanHukum.choices,
        default=StatusBadanHukum.BELUM,
    )
    nomor_registrasi = models.CharField(
        _("nomor sertifikat/registrasi"), max_length=100, blank=True
    )
    tanggal_registrasi = models.DateField(_("tanggal registrasi"), null=True, blank=True)
    nomor_perdes = models.CharField(_("Perdes pendirian"), max_length=100, blank=True)
    tahun_berdiri = models.PositiveSmallIntegerField(_("tahun berdiri"), null=True, blank=True)
    keterangan = models.TextField(_("keterangan"), blank=True)
    aktif = models.BooleanField(_("aktif"), default=True)
    dibuat = models.DateTimeField(auto_now_add=True)
    diubah = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(m2m_fields=[desa_anggota])

    objects = BumDesaQuerySet.as_manager()

    class Meta:
        verbose_name = _("BUM Desa")
        verbose_name_plural = _("BUM Desa")
        ordering = ["nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["nomor_registrasi"],
                condition=~models.Q(nomor_registrasi=""),
                name="bumdes_nomor_registrasi_unik",
                violation_error_message=_("Nomor registrasi itu sudah dipakai BUM Desa lain."),
            )
        ]

    def __str__(self):
        return self.nama

    def get_absolute_url(self):
        return reverse("fasilitasi:bumdes-detail", args=[self.pk])


class _BagianBumDesa(KunciSekaliModel):
    """A row shown on its BUM Desa's page (a unit, a manager, a year's figures)."""

    bagian = ""

    class Meta:
        abstract = True

    def get_absolute_url(self):
        return reverse("fasilitasi:bumdes-detail", args=[self.bumdes_id]) + f"#{self.bagian}"


class UnitUsahaQuerySet(RegionScopedQuerySet):
    kode_lookup = "bumdes__wilayah__kode"


class UnitUsaha(_BagianBumDesa):
    bagian = "unit"
    bumdes = models.ForeignKey(BumDesa, on_delete=models.CASCADE, related_name="unit_usaha")
    nama = models.CharField(_("nama unit usaha"), max_length=200)
    bidang = models.CharField(_("bidang usaha"), max_length=150, blank=True)
    aktif = models.BooleanField(_("aktif"), default=True)
    history = HistoricalRecords()

    objects = UnitUsahaQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit usaha")
        verbose_name_plural = _("unit usaha")
        ordering = ["-aktif", "nama"]

    def __str__(self):
        return self.nama


class JabatanPengurus(models.TextChoices):
    PENASIHAT = "penasihat", _("Penasihat")
    PENGAWAS = "pengawas", _("Pengawas")
    DIREKTUR = "direktur", _("Direktur / ketua pelaksana operasional")
    SEKRETARIS = "sekretaris", _("Sekretaris")
    BENDAHARA = "bendahara", _("Bendahara")
    KEPALA_UNIT = "kepala_unit", _("Kepala unit usaha")
    LAINNYA = "lainnya", _("Lainnya")


class PengurusQuerySet(RegionScopedQuerySet):
    kode_lookup = "bumdes__wilayah__kode"


class PengurusBumDesa(_BagianBumDesa):
    bagian = "pengurus"
    bumdes = models.ForeignKey(BumDesa, on_delete=models.CASCADE, related_name="pengurus")
    nama = models.CharField(_("nama"), max_length=150)
    jabatan = models.CharField(_("jabatan"), max_length=12, choices=JabatanPengurus.choices)
    telepon = models.CharField(_("telepon"), max_length=30, blank=True)
    mulai = models.DateField(_("mulai"), null=True, blank=True)
    selesai = models.DateField(_("selesai"), null=True, blank=True)
    history = HistoricalRecords()

    objects = PengurusQuerySet.as_manager()

    class Meta:
        verbose_name = _("pengurus BUM Desa")
        verbose_name_plural = _("pengurus BUM Desa")
        ordering = ["selesai", "jabatan", "nama"]

    def __str__(self):
        return f"{self.nama} ({self.get_jabatan_display()})"


class LaporanTahunanQuerySet(RegionScopedQuerySet):
    kode_lookup = "bumdes__wilayah__kode"


class LaporanTahunanBumDesa(_BagianBumDesa):
    """A year's figures, as reported to the village's Musdes."""

    bagian = "laporan"
    bumdes = models.ForeignKey(BumDesa, on_delete=models.CASCADE, related_name="laporan")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    omzet = models.DecimalField(_("omzet (Rp)"), max_digits=16, decimal_places=0, default=0)
    laba = models.DecimalField(_("laba bersih (Rp)"), max_digits=16, decimal_places=0, default=0)
    kontribusi_pades = models.DecimalField(
        _("kontribusi ke PADes (Rp)"), max_digits=16, decimal_places=0, default=0
    )
    aset = models.DecimalField(_("total aset (Rp)"), max_digits=16, decimal_places=0, default=0)
    jumlah_anggota = models.PositiveIntegerField(_("anggota/penerima manfaat"), default=0)
    jumlah_pekerja = models.PositiveIntegerField(_("pekerja"), default=0)
    catatan = models.TextField(_("catatan"), blank=True)
    history = HistoricalRecords()

    objects = LaporanTahunanQuerySet.as_manager()

    class Meta:
        verbose_name = _("laporan tahunan BUM Desa")
        verbose_name_plural = _("laporan tahunan BUM Desa")
        ordering = ["bumdes", "tahun"]
        constraints = [
            models.UniqueConstraint(fields=["bumdes", "tahun"], name="laporan_bumdes_tahun_unik")
        ]

    def __str__(self):
        return f"{self.bumdes} {self.tahun}"
