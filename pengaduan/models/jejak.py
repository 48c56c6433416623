"""The audit trail of access to protected complaint data (``JejakAkses``): who opened a
complaint's protected reporter identity (an anonim complaint's, or any complaint's about a
facilitator) or a rahasia complaint, when, from which address and through which door (the page or
the API). Append-only: rows are written by ``pengaduan.jejak.jejak_catat`` and never changed or
deleted (the queryset and the model refuse it; admin shows them read-only)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .pengaduan import Pengaduan


class TambahSaja(Exception):
    """An attempt to change or delete an audit row."""


class JejakQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TambahSaja("JejakAkses hanya dapat ditambah.")

    def delete(self):
        raise TambahSaja("JejakAkses hanya dapat ditambah.")


class JejakAkses(models.Model):
    class Pintu(models.TextChoices):
        HALAMAN = "halaman", _("Halaman pengaduan")
        API = "api", _("API")

    pengaduan = models.ForeignKey(Pengaduan, on_delete=models.PROTECT, related_name="jejak_akses")
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    waktu = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)
    alamat = models.GenericIPAddressField(_("alamat klien"), null=True, blank=True)
    pintu = models.CharField(_("melalui"), max_length=8, choices=Pintu.choices)
    identitas = models.BooleanField(_("identitas pelapor dibuka"), default=False)
    rahasia = models.BooleanField(_("pengaduan rahasia dibuka"), default=False)

    objects = JejakQuerySet.as_manager()

    class Meta:
        verbose_name = _("jejak akses data terlindungi")
        verbose_name_plural = _("jejak akses data terlindungi")
        ordering = ["-waktu", "-pk"]
        indexes = [models.Index(fields=["pengaduan", "-waktu"], name="jejak_pengaduan_waktu")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(identitas=True) | models.Q(rahasia=True),
                name="jejak_ada_yang_dibuka",
            )
        ]

    def __str__(self):
        return f"{self.pengaduan_id} · {self.pengguna_id} · {self.waktu:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TambahSaja("JejakAkses hanya dapat ditambah.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TambahSaja("JejakAkses hanya dapat ditambah.")
