"""The public forms' security questions that were used (``services.tantangan_pakai``): a signed
question is good for one complaint or one answer, never replayed."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TantanganTerpakai(models.Model):
    """The nonce of a used question, kept until the question would have expired anyway."""

    nonce = models.CharField(_("nonce"), max_length=40, primary_key=True)
    kedaluwarsa = models.DateTimeField(_("kedaluwarsa"), db_index=True)

    class Meta:
        verbose_name = _("pertanyaan keamanan terpakai")
        verbose_name_plural = _("pertanyaan keamanan terpakai")

    def __str__(self):
        return self.nonce
