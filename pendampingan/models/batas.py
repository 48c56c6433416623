"""The rate limit's counter in the database (``inti.batas``), used while the cache (Redis) cannot
be reached: the limit still holds when Redis is down."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HitunganBatas(models.Model):
    """One guarded action of one address in one window: how many hits, and when the window ends.
    A row whose window has ended counts from one again; ended rows are removed as new ones come."""

    kunci = models.CharField(_("kunci"), max_length=200, unique=True)
    jumlah = models.PositiveIntegerField(_("jumlah"), default=0)
    berakhir = models.DateTimeField(_("berakhir"), db_index=True)

    class Meta:
        verbose_name = _("hitungan batas")
        verbose_name_plural = _("hitungan batas")

    def __str__(self):
        return f"{self.kunci}: {self.jumlah}"
