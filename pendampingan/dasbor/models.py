"""The dashboard's summary tables.

The dashboard never aggregates the daily log itself at the wider levels: it reads summary rows
whose number depends on the number of regions and days, not on the number of entries.

* ``RingkasanHarian`` — one row per (region, day) for every kecamatan, kabupaten and provinsi with
  at least one entry that day: entries per tata cara, minutes, participants by sex, the entries
  waiting for verification. A region's totals are its own rows; its breakdown by child region is
  the rows whose ``induk`` is the region.
* ``RingkasanLabel`` — per (region, month, key) counts of tags: SDGs Desa goals served
  (``sdg:<n>``) and the prinsip checklist (``prinsip:<kode>:<nilai>``).
* ``AktivitasDesa`` — per desa the date of its latest entry (coverage = latest entry in the last 30
  days).
* ``RingkasanPendampingBulan`` — per (facilitator, month): entries, days worked, backlog, flags.

They are rebuilt by ``services.ringkasan_segarkan`` for the days touched since the last run (read
off the daily log's history table) by a beat task every few minutes, and in full by the command
``ringkasan_bangun``. See docs/dasbor.md for the freshness guarantees.

The dashboard keeps no downloads of its own: large exports and the PDF are rows of the core's
``pendampingan.Unduhan`` (builders ``dasbor.ekspor`` and ``dasbor.pdf``, see ``services.unduhan``).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RingkasanHarian(models.Model):
    wilayah = models.ForeignKey(
        "pendampingan.Wilayah", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    induk = models.CharField(max_length=13, blank=True)
    tanggal = models.DateField()
    asistensi = models.PositiveIntegerField(default=0)
    pengorganisasian = models.PositiveIntegerField(default=0)
    pengarahan = models.PositiveIntegerField(default=0)
    fasilitasi = models.PositiveIntegerField(default=0)
    bencana = models.PositiveIntegerField(default=0)
    menit = models.PositiveBigIntegerField(default=0)
    peserta_laki = models.PositiveBigIntegerField(default=0)
    peserta_perempuan = models.PositiveBigIntegerField(default=0)
    diajukan = models.PositiveIntegerField(default=0)
    diverifikasi = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("ringkasan harian")
        verbose_name_plural = _("ringkasan harian")
        constraints = [
            models.UniqueConstraint(fields=["wilayah", "tanggal"], name="ringkasan_wilayah_tanggal")
        ]
        indexes = [models.Index(fields=["induk", "tanggal"], name="ringkasan_induk_tanggal")]


class RingkasanLabel(models.Model):
    wilayah = models.ForeignKey(
        "pendampingan.Wilayah", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    induk = models.CharField(max_length=13, blank=True)
    bulan = models.DateField(help_text=_("Hari pertama bulan."))
    kunci = models.CharField(max_length=60)
    jumlah = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("ringkasan label")
        verbose_name_plural = _("ringkasan label")
        constraints = [
            models.UniqueConstraint(
                fields=["wilayah", "bulan", "kunci"], name="ringkasan_label_unik"
            )
        ]
        indexes = [models.Index(fields=["induk", "bulan"], name="ringkasan_label_induk_bulan")]


class AktivitasDesa(models.Model):
    desa = models.OneToOneField(
        "pendampingan.Wilayah",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="aktivitas_dasbor",
        db_constraint=False,
    )
    terakhir = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("aktivitas desa")
        verbose_name_plural = _("aktivitas desa")


class RingkasanPendampingBulan(models.Model):
    pendamping = models.ForeignKey(
        "pendampingan.Pendamping", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    bulan = models.DateField()
    jumlah = models.PositiveIntegerField(default=0)
    hari_kerja = models.PositiveIntegerField(default=0)
    menit = models.PositiveBigIntegerField(default=0)
    diajukan = models.PositiveIntegerField(default=0)
    ditandai = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("ringkasan pendamping bulanan")
        verbose_name_plural = _("ringkasan pendamping bulanan")
        constraints = [
            models.UniqueConstraint(
                fields=["pendamping", "bulan"], name="ringkasan_pendamping_bulan"
            )
        ]
        indexes = [models.Index(fields=["bulan", "pendamping"], name="ringkasan_bulan_pendamping")]


class RingkasanWilayah(models.Model):
    """Per kecamatan, kabupaten and provinsi: how many desa, how many with an entry in the
    coverage window, how many without an active field assignment. Recomputed whole by every
    refresh (it moves with the calendar and with assignments, not only with entries)."""

    wilayah = models.OneToOneField(
        "pendampingan.Wilayah",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        db_constraint=False,
    )
    induk = models.CharField(max_length=13, blank=True, db_index=True)
    desa = models.PositiveIntegerField(default=0)
    desa_aktif = models.PositiveIntegerField(default=0)
    desa_kosong = models.PositiveIntegerField(default=0)
    dihitung = models.DateTimeField()

    class Meta:
        verbose_name = _("ringkasan wilayah")
        verbose_name_plural = _("ringkasan wilayah")


class RingkasanTindakLanjut(models.Model):
    """Open and overdue follow-ups per (kecamatan / kabupaten / provinsi, monitoring
    facilitator), recomputed whole by every refresh (overdue moves with the calendar)."""

    wilayah = models.ForeignKey(
        "pendampingan.Wilayah", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    induk = models.CharField(max_length=13, blank=True)
    pendamping = models.ForeignKey(
        "pendampingan.Pendamping", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    terbuka = models.PositiveIntegerField(default=0)
    terlambat = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("ringkasan tindak lanjut")
        verbose_name_plural = _("ringkasan tindak lanjut")
        indexes = [models.Index(fields=["induk"], name="ringkasan_tl_induk")]


class StatusPenyegaran(models.Model):
    """Where the incremental refresh stopped (one row)."""

    kunci = models.CharField(max_length=30, primary_key=True)
    sampai = models.DateTimeField()
    diperbarui = models.DateTimeField(auto_now=True)


def _jalur_unduhan(obj, nama):
    """Where the removed dasbor download model kept its files (migration 0001 still names it;
    migration 0005 moved them to the core's private storage)."""
    return f"unduhan/{obj.pengguna_id}/{timezone.now():%Y%m}/{nama}"


class RingkasanButir(models.Model):
    """Per (kecamatan / kabupaten / provinsi, butir, month): the entries that served the butir
    (``KegiatanButir``) and count (``STATUS_TERHITUNG``: submitted or verified — not drafts, not
    returned ones). Rebuilt with the tag summaries, for the months of the days touched."""

    wilayah = models.ForeignKey(
        "pendampingan.Wilayah", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    induk = models.CharField(max_length=13, blank=True)
    butir = models.ForeignKey(
        "pendampingan.Butir", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    bulan = models.DateField(help_text=_("Hari pertama bulan."))
    jumlah = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("ringkasan butir")
        verbose_name_plural = _("ringkasan butir")
        constraints = [
            models.UniqueConstraint(
                fields=["wilayah", "butir", "bulan"], name="ringkasan_butir_unik"
            )
        ]
        indexes = [models.Index(fields=["induk", "bulan"], name="ringkasan_butir_induk_bulan")]
