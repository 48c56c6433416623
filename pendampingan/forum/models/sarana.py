"""The village facilities forums meet in."""

from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pendampingan.inti.sekali import KunciSekaliModel
from pendampingan.models import Wilayah
from pendampingan.scope import RegionScopedQuerySet


# ----------------------------------------------------------------------------- facilities
class JenisSarana(models.TextChoices):
    BALAI_DESA = "balai_desa", _("Balai desa")
    GEDUNG_OLAH_RAGA = "gedung_olah_raga", _("Gedung olah raga")
    GEDUNG_PERTEMUAN = "gedung_pertemuan", _("Gedung pertemuan")
    LAPANGAN = "lapangan", _("Lapangan olah raga")
    TAMAN = "taman", _("Taman")
    LAINNYA = "lainnya", _("Lainnya")


# Every kind of village facility is C2 ("pendayagunaan sarana/prasarana milik Desa"): a meeting
# held in a registered facility tags its entry with it.
BUTIR_SARANA = "C2"


class KondisiSarana(models.TextChoices):
    BAIK = "baik", _("Baik")
    RUSAK_RINGAN = "rusak_ringan", _("Rusak ringan")
    RUSAK_BERAT = "rusak_berat", _("Rusak berat")


class SaranaQuerySet(RegionScopedQuerySet):
    pass


class Sarana(KunciSekaliModel):
    """A village facility that forums may use (DOMAIN.md C.2)."""

    wilayah = models.ForeignKey(
        Wilayah, verbose_name=_("desa"), on_delete=models.PROTECT, related_name="sarana"
    )
    jenis = models.CharField(_("jenis"), max_length=20, choices=JenisSarana.choices)
    nama = models.CharField(_("nama"), max_length=150)
    kondisi = models.CharField(
        _("kondisi"), max_length=15, choices=KondisiSarana.choices, default=KondisiSarana.BAIK
    )
    kapasitas = models.PositiveIntegerField(_("kapasitas (orang)"), null=True, blank=True)
    keterangan = models.CharField(_("keterangan"), max_length=250, blank=True)
    history = HistoricalRecords()

    objects = SaranaQuerySet.as_manager()

    class Meta:
        verbose_name = _("sarana desa")
        verbose_name_plural = _("sarana desa")
        ordering = ["wilayah_id", "jenis", "nama"]
        constraints = [
            models.UniqueConstraint(
                "wilayah",
                Lower("nama"),
                name="forum_sarana_unik_per_desa",
                violation_error_message=_("Sarana dengan nama ini sudah ada di desa tersebut."),
            )
        ]

    def __str__(self):
        return f"{self.nama} ({self.get_jenis_display()})"

    def get_absolute_url(self):
        return f"{reverse('forum:sarana-list')}?desa={self.wilayah_id}"
