"""Village development status per desa, year and index (IDM, Indeks Desa), imported from a
spreadsheet (XLSX or CSV).

An index is data: its dimensions (``DimensiIndeks``: IDM's IKS, IKE, IKL; the six of Indeks Desa),
the years it applies to (IDM up to 2023, Indeks Desa from 2024) and the bands that turn a score
into a status, per year they start to apply (``AmbangStatus``: the bands in force for year Y are
those of the latest ``berlaku_mulai <= Y``). A status row keeps its score per dimension
(``SkorDimensi``). Only desa are scored — not kelurahan (village number starting with 1)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pendampingan.inti.sekali import KunciSekaliModel
from pendampingan.models import Wilayah
from pendampingan.scope import RegionScopedQuerySet

from .referensi import DasarTahap


class IndeksStatus(models.Model):
    kode = models.SlugField(_("kode"), max_length=30, unique=True)
    nama = models.CharField(_("nama"), max_length=150)
    skor_maks = models.DecimalField(_("skor maksimum"), max_digits=7, decimal_places=2, default=1)
    dasar_hukum = models.CharField(_("dasar hukum"), max_length=250, blank=True)
    tahun_awal = models.PositiveSmallIntegerField(
        _("berlaku sejak tahun"), null=True, blank=True, help_text=_("Kosong: tanpa batas awal.")
    )
    tahun_akhir = models.PositiveSmallIntegerField(
        _("berlaku sampai tahun"), null=True, blank=True, help_text=_("Kosong: masih berlaku.")
    )

    class Meta:
        verbose_name = _("indeks status desa")
        verbose_name_plural = _("indeks status desa")
        ordering = ["nama"]

    def __str__(self):
        return self.nama

    def berlaku_pada(self, tahun: int) -> bool:
        return (self.tahun_awal is None or tahun >= self.tahun_awal) and (
            self.tahun_akhir is None or tahun <= self.tahun_akhir
        )

    @property
    def rentang_tahun(self) -> str:
        if self.tahun_awal and self.tahun_akhir:
            return f"{self.tahun_awal}–{self.tahun_akhir}"
        if self.tahun_akhir:
            return str(_("sampai %(t)d") % {"t": self.tahun_akhir})
        if self.tahun_awal:
            return str(_("sejak %(t)d") % {"t": self.tahun_awal})
        return ""


class DimensiIndeks(models.Model):
    """A dimension of an index (IDM: IKS, IKE, IKL; Indeks Desa: layanan dasar, sosial, ekonomi,
    lingkungan, aksesibilitas, tata kelola pemerintahan desa). ``kode`` is the column name in an
    import file."""

    indeks = models.ForeignKey(IndeksStatus, on_delete=models.CASCADE, related_name="dimensi")
    kode = models.SlugField(_("kode (kolom impor)"), max_length=30)
    nama = models.CharField(_("nama"), max_length=150)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("dimensi indeks")
        verbose_name_plural = _("dimensi indeks")
        ordering = ["indeks", "urutan", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["indeks", "kode"], name="dimensi_indeks_unik")
        ]

    def __str__(self):
        return f"{self.indeks.kode}: {self.nama}"


class AmbangStatus(models.Model):
    """One band: scores up to ``batas_atas`` (inclusive) have status ``nama``; the top band has no
    upper limit."""

    indeks = models.ForeignKey(IndeksStatus, on_delete=models.CASCADE, related_name="ambang")
    berlaku_mulai = models.PositiveSmallIntegerField(_("berlaku mulai tahun"))
    urutan = models.PositiveSmallIntegerField(_("urutan (1 = terendah)"))
    nama = models.CharField(_("status"), max_length=50)
    batas_atas = models.DecimalField(
        _("batas atas skor (inklusif)"), max_digits=9, decimal_places=4, null=True, blank=True
    )
    dasar = models.CharField(max_length=10, choices=DasarTahap.choices, default=DasarTahap.FAKTA)
    sumber = models.CharField(_("sumber"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("ambang status")
        verbose_name_plural = _("ambang status")
        ordering = ["indeks", "-berlaku_mulai", "urutan"]
        constraints = [
            models.UniqueConstraint(
                fields=["indeks", "berlaku_mulai", "urutan"], name="ambang_status_unik"
            )
        ]

    def __str__(self):
        return f"{self.indeks} {self.berlaku_mulai}: {self.nama}"


class StatusDesaQuerySet(RegionScopedQuerySet):
    pass


class StatusDesa(models.Model):
    wilayah = models.ForeignKey(
        Wilayah, verbose_name=_("desa"), on_delete=models.PROTECT, related_name="status_indeks"
    )
    indeks = models.ForeignKey(IndeksStatus, on_delete=models.PROTECT, related_name="status_desa")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    skor = models.DecimalField(_("skor"), max_digits=9, decimal_places=4, null=True, blank=True)
    status = models.CharField(_("status"), max_length=50)
    impor = models.ForeignKey(
        "ImporStatusDesa", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    diubah = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = StatusDesaQuerySet.as_manager()

    class Meta:
        verbose_name = _("status desa")
        verbose_name_plural = _("status desa")
        ordering = ["wilayah", "indeks", "tahun"]
        constraints = [
            models.UniqueConstraint(
                fields=["wilayah", "indeks", "tahun"], name="status_desa_unik_per_tahun"
            )
        ]

    def __str__(self):
        return f"{self.wilayah_id} {self.indeks} {self.tahun}: {self.status}"

    def clean(self):
        """Admin edits follow the import's rules: a desa (not a kelurahan), a year the index
        applies to."""
        errors = {}
        if self.wilayah_id and not desa_berindeks(self.wilayah_id):
            errors["wilayah"] = _("Status indeks hanya untuk desa, bukan kelurahan.")
        if self.indeks_id and self.tahun and not self.indeks.berlaku_pada(self.tahun):
            errors["tahun"] = _("%(i)s berlaku %(r)s.") % {
                "i": self.indeks.nama,
                "r": self.indeks.rentang_tahun,
            }
        if errors:
            raise ValidationError(errors)


def desa_berindeks(kode: str) -> bool:
    """A desa or desa adat (village number not starting with 1: not a kelurahan)."""
    bagian = kode.split(".")
    return len(bagian) == 4 and not bagian[3].startswith("1")


class SkorDimensi(models.Model):
    """The score of one dimension in one status row (imported with it)."""

    status = models.ForeignKey(StatusDesa, on_delete=models.CASCADE, related_name="skor_dimensi")
    dimensi = models.ForeignKey(DimensiIndeks, on_delete=models.PROTECT, related_name="+")
    skor = models.DecimalField(_("skor"), max_digits=9, decimal_places=4)

    class Meta:
        verbose_name = _("skor dimensi")
        verbose_name_plural = _("skor dimensi")
        ordering = ["status", "dimensi__urutan"]
        constraints = [
            models.UniqueConstraint(fields=["status", "dimensi"], name="skor_dimensi_unik")
        ]

    def __str__(self):
        return f"{self.dimensi.kode} {self.skor}"


class ImporStatusDesa(KunciSekaliModel):
    """One spreadsheet import: who, when, which index, and the lines it refused (line by line)."""

    indeks = models.ForeignKey(IndeksStatus, on_delete=models.PROTECT, related_name="+")
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    waktu = models.DateTimeField(default=timezone.now)
    nama_berkas = models.CharField(max_length=255)
    jumlah_baris = models.PositiveIntegerField(default=0)
    diimpor = models.PositiveIntegerField(default=0)
    ditolak = models.PositiveIntegerField(default=0)
    galat = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("impor status desa")
        verbose_name_plural = _("riwayat impor status desa")
        ordering = ["-waktu"]

    def __str__(self):
        return f"{self.nama_berkas} ({self.waktu:%Y-%m-%d %H:%M})"
