"""Files built for one user in the background (exports, a month's ZIP, a dashboard PDF).

The primary key is a random UUID, so a download's address cannot be guessed; only its owner may
fetch it (``Unduhan.objects.milik(user)``). See ``pendampingan.inti.unduhan``.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..inti.berkas import BerkasPrivatField
from ..inti.sekali import KunciSekaliModel


class StatusUnduhan(models.TextChoices):
    ANTRE = "antre", _("Dalam antrean")
    PROSES = "proses", _("Sedang dibuat")
    SIAP = "siap", _("Siap diunduh")
    GAGAL = "gagal", _("Gagal")


class UnduhanQuerySet(models.QuerySet):
    def milik(self, user):
        """The downloads of ``user`` — nobody else's, whatever their role."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(pengguna=user)

    def menunggu(self):
        return self.filter(status__in=[StatusUnduhan.ANTRE, StatusUnduhan.PROSES])


def _jalur(obj, nama):
    return f"unduhan/{timezone.now():%Y/%m}/{obj.pk}/{nama}"


class Unduhan(KunciSekaliModel, models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="unduhan_berkas"
    )
    jenis = models.CharField(_("jenis"), max_length=60)
    judul = models.CharField(_("judul"), max_length=200)
    parameter = models.JSONField(_("parameter"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=StatusUnduhan.choices, default=StatusUnduhan.ANTRE
    )
    berkas = BerkasPrivatField(_("berkas"), upload_to=_jalur, blank=True)
    nama_berkas = models.CharField(_("nama berkas"), max_length=200, blank=True)
    mime = models.CharField(_("jenis isi"), max_length=120, blank=True)
    ukuran = models.PositiveBigIntegerField(_("ukuran (bita)"), default=0)
    jumlah = models.PositiveIntegerField(_("jumlah baris/laporan"), null=True, blank=True)
    pesan = models.CharField(_("pesan"), max_length=300, blank=True)
    dibuat = models.DateTimeField(_("dibuat"), default=timezone.now)
    # when a worker started building it: a build older than the task's hard time limit is dead
    mulai = models.DateTimeField(_("mulai dibuat"), null=True, blank=True)
    selesai = models.DateTimeField(_("selesai"), null=True, blank=True)

    objects = UnduhanQuerySet.as_manager()

    class Meta:
        verbose_name = _("unduhan")
        verbose_name_plural = _("unduhan")
        ordering = ["-dibuat"]
        indexes = [models.Index(fields=["pengguna", "-dibuat"], name="unduhan_pengguna_baru")]

    def __str__(self):
        return f"{self.judul} ({self.get_status_display()})"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("pendampingan:unduhan-detail", args=[self.pk])

    @property
    def menunggu(self) -> bool:
        return self.status in (StatusUnduhan.ANTRE, StatusUnduhan.PROSES)
