"""Days off that an admin adds to the government calendar (``pendampingan.kalender``).

The ``holidays`` package gives Indonesia's national holidays and cuti bersama; this table adds what
it does not know yet (a cuti bersama decided late, a regional day off) and can mark a package day
as a working day after all (``libur`` unticked). Saving or deleting a row refreshes the calendar.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class JenisLibur(models.TextChoices):
    NASIONAL = "nasional", _("Libur nasional")
    CUTI_BERSAMA = "cuti_bersama", _("Cuti bersama")
    LAINNYA = "lainnya", _("Lainnya")


class HariLibur(models.Model):
    """One day in the working-day calendar, added or corrected by an admin."""

    tanggal = models.DateField(_("tanggal"), unique=True)
    nama = models.CharField(_("nama"), max_length=150)
    jenis = models.CharField(
        _("jenis"), max_length=15, choices=JenisLibur.choices, default=JenisLibur.LAINNYA
    )
    libur = models.BooleanField(
        _("hari libur"),
        default=True,
        help_text=_(
            "Hapus centang untuk menjadikan hari libur dari kalender pemerintah tetap hari kerja."
        ),
    )
    keterangan = models.TextField(_("keterangan"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur")
        ordering = ["tanggal"]

    def __str__(self):
        return f"{self.tanggal:%d-%m-%Y} · {self.nama}"
