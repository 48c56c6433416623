"""Per-device API tokens: a user makes one per phone or system on their account page and revokes
it there; an admin can revoke any. Only the SHA-256 of the secret is stored (the secret has 256
random bits, so a fast hash is enough); the first characters (``awalan``) are kept to tell tokens
apart on the page."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TokenQuerySet(models.QuerySet):
    def aktif(self):
        return self.filter(dicabut__isnull=True)


class TokenPerangkat(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="token_api",
        verbose_name=_("pengguna"),
    )
    nama = models.CharField(_("nama perangkat"), max_length=100)
    awalan = models.CharField(_("awalan"), max_length=8, editable=False)
    hash = models.CharField(max_length=64, unique=True, editable=False)
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    terakhir_dipakai = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)
    dicabut = models.DateTimeField(_("dicabut"), null=True, blank=True)
    dicabut_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dicabut oleh"),
    )

    objects = TokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")
        ordering = ["-dibuat", "-pk"]
        indexes = [models.Index(fields=["user", "dicabut"], name="token_user_aktif")]

    def __str__(self):
        return f"{self.nama} ({self.awalan}…)"

    @property
    def aktif(self) -> bool:
        return self.dicabut is None
