"""The regulation's own items (butir) as data: every numbered item of Bab II of Kepmendes PDTT
40/2021, with its wording copied verbatim from ``docs/regulasi/``.

A ``Regulasi`` owns its butir; codes are unique per regulation, so a successor regulation adds its
own rows beside the old ones and history is never rewritten. The wording (``bunyi``) is law: it is
loaded by a data migration, checked against the text file by ``tests/pendampingan/test_butir.py``
and read-only in admin once created; only the screen label, order and ``aktif`` are edited there.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class TataCaraBab(models.TextChoices):
    """The six tata cara of Bab II (A–F). Values match ``pilihan.TataCara`` plus ``prinsip``."""

    PRINSIP = "prinsip", _("A. Prinsip pendampingan")
    ASISTENSI = "asistensi", _("B. Asistensi")
    PENGORGANISASIAN = "pengorganisasian", _("C. Pengorganisasian")
    PENGARAHAN = "pengarahan", _("D. Pengarahan")
    FASILITASI = "fasilitasi", _("E. Fasilitasi")
    BENCANA = "bencana", _("F. KLB dan bencana")


class JenisButir(models.TextChoices):
    KELOMPOK = "kelompok", _("Kelompok (judul lingkup)")
    BUTIR = "butir", _("Butir")


class Regulasi(models.Model):
    """A regulation the butir come from (Kepmendes PDTT 40/2021 today)."""

    kode = models.SlugField(_("kode"), max_length=60, unique=True)
    nama = models.CharField(_("nama singkat"), max_length=100, unique=True)
    judul = models.CharField(_("judul lengkap"), max_length=300)
    tanggal_ditetapkan = models.DateField(_("tanggal ditetapkan"), null=True, blank=True)
    berkas_teks = models.CharField(
        _("berkas teks di repositori"),
        max_length=200,
        blank=True,
        help_text=_("Teks sumber bunyi butir, relatif terhadap akar repositori."),
    )
    digantikan_oleh = models.ForeignKey(
        "self",
        verbose_name=_("digantikan oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="menggantikan",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("regulasi")
        verbose_name_plural = _("regulasi")
        ordering = ["tanggal_ditetapkan", "kode"]

    def __str__(self):
        return self.nama


class Butir(models.Model):
    """One numbered item of a regulation's tata cara, worded as the regulation words it."""

    regulasi = models.ForeignKey(
        Regulasi, verbose_name=_("regulasi"), on_delete=models.PROTECT, related_name="butir"
    )
    kode = models.CharField(_("kode"), max_length=12)
    tata_cara = models.CharField(
        _("tata cara"), max_length=20, choices=TataCaraBab.choices, db_index=True
    )
    jenis = models.CharField(
        _("jenis"), max_length=10, choices=JenisButir.choices, default=JenisButir.BUTIR
    )
    induk = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="anak",
    )
    bunyi = models.TextField(_("bunyi regulasi"))
    label = models.CharField(_("label layar"), max_length=80)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    aktif = models.BooleanField(_("aktif"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("butir regulasi")
        verbose_name_plural = _("butir regulasi")
        ordering = ["regulasi", "urutan", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["regulasi", "kode"],
                name="butir_kode_unik_per_regulasi",
                violation_error_message=_("Kode butir sudah dipakai dalam regulasi ini."),
            ),
        ]

    def __str__(self):
        return f"{self.kode} · {self.label}"


class SumberTanda(models.TextChoices):
    """How an entry came to carry a butir."""

    DIPILIH = "dipilih", _("Dipilih pendamping")
    OTOMATIS = "otomatis", _("Otomatis dari kegiatan terkait")


class KegiatanButir(models.Model):
    """One butir an entry of the daily log served (an entry serves one or more)."""

    kegiatan = models.ForeignKey(
        "pendampingan.Kegiatan",
        verbose_name=_("kegiatan"),
        on_delete=models.CASCADE,
        related_name="tanda_butir",
    )
    butir = models.ForeignKey(
        Butir, verbose_name=_("butir"), on_delete=models.PROTECT, related_name="tanda_kegiatan"
    )
    sumber = models.CharField(
        _("sumber"), max_length=10, choices=SumberTanda.choices, default=SumberTanda.DIPILIH
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("butir kegiatan")
        verbose_name_plural = _("butir kegiatan")
        constraints = [
            models.UniqueConstraint(
                fields=["kegiatan", "butir"],
                name="kegiatan_butir_unik",
                violation_error_message=_("Butir ini sudah ditandai pada kegiatan ini."),
            ),
        ]

    def __str__(self):
        return f"{self.kegiatan_id} · {self.butir_id}"
