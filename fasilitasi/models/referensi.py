"""Reference data of fasilitasi, seeded by data migrations and edited in admin: the four scopes
(DOMAIN.md E1–E4) and their lettered items, and the workflow templates with their ordered stages
and expected documents. Each stage says whether its content is a fact of the regulations
(``fakta``, with its source) or a sensible default (``bawaan``) that a province may change."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..tenggat import JenisTenggat, uraian_tenggat


class RuangLingkup(models.Model):
    nomor = models.PositiveSmallIntegerField(_("nomor"), unique=True)
    # The regulation's heading, copied from ``butir_regulasi.bunyi`` (data migration 0009).
    nama = models.CharField(_("nama"), max_length=150)
    butir_regulasi = models.ForeignKey(
        "pendampingan.Butir",
        verbose_name=_("butir regulasi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ruang_lingkup_fasilitasi",
    )

    class Meta:
        verbose_name = _("ruang lingkup fasilitasi")
        verbose_name_plural = _("ruang lingkup fasilitasi")
        ordering = ["nomor"]

    def __str__(self):
        return f"{self.nomor}. {self.nama}"


class ButirFasilitasi(models.Model):
    ruang_lingkup = models.ForeignKey(
        RuangLingkup,
        on_delete=models.PROTECT,
        related_name="butir",
        verbose_name=_("ruang lingkup"),
    )
    huruf = models.CharField(_("huruf"), max_length=2)
    # The regulation's wording, copied from ``butir_regulasi.bunyi`` (data migration 0005).
    uraian = models.CharField(_("uraian"), max_length=500)
    butir_regulasi = models.ForeignKey(
        "pendampingan.Butir",
        verbose_name=_("butir regulasi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="butir_fasilitasi",
    )
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("butir fasilitasi")
        verbose_name_plural = _("butir fasilitasi")
        ordering = ["ruang_lingkup__nomor", "huruf"]
        constraints = [
            models.UniqueConstraint(
                fields=["ruang_lingkup", "huruf"], name="butir_unik_per_lingkup"
            )
        ]

    def __str__(self):
        return f"E{self.kode}. {self.uraian}"

    @property
    def kode(self) -> str:
        return f"{self.ruang_lingkup.nomor}{self.huruf}"


class DasarTahap(models.TextChoices):
    FAKTA = "fakta", _("Fakta regulasi")
    BAWAAN = "bawaan", _("Bawaan (dapat disesuaikan)")


class TemplatAlur(models.Model):
    """A workflow: the ordered stages a case of this kind walks through."""

    kode = models.SlugField(_("kode"), max_length=50, unique=True)
    nama = models.CharField(_("nama"), max_length=150)
    butir = models.ForeignKey(
        ButirFasilitasi,
        on_delete=models.PROTECT,
        related_name="templat",
        verbose_name=_("butir fasilitasi"),
    )
    keterangan = models.TextField(_("keterangan"), blank=True)
    dasar_hukum = models.CharField(_("dasar hukum"), max_length=250, blank=True)
    masa_tahun = models.PositiveSmallIntegerField(
        _("masa berlaku (tahun)"),
        default=1,
        help_text=_("Lama periode dokumen: 1 untuk RKP/APB Desa, 8 untuk RPJM Desa."),
    )
    tahun_sebelum = models.PositiveSmallIntegerField(
        _("tahun paling awal (mundur dari tahun ini)"), default=1
    )
    tahun_sesudah = models.PositiveSmallIntegerField(
        _("tahun paling akhir (maju dari tahun ini)"), default=1
    )
    hanya_desa = models.BooleanField(
        _("hanya untuk desa"),
        default=True,
        help_text=_(
            "Kasus templat ini hanya dibuka di desa dan desa adat, tidak di kelurahan "
            "(RPJM/RKP/APB Desa, Perdes, BUM Desa, status desa)."
        ),
    )
    aktif = models.BooleanField(_("aktif"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("templat alur")
        verbose_name_plural = _("templat alur")
        ordering = ["butir__ruang_lingkup__nomor", "butir__huruf", "nama"]

    def __str__(self):
        return self.nama


class TahapTemplat(models.Model):
    templat = models.ForeignKey(
        TemplatAlur, on_delete=models.CASCADE, related_name="tahap", verbose_name=_("templat")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"))
    nama = models.CharField(_("nama tahap"), max_length=200)
    keterangan = models.TextField(_("keterangan"), blank=True)
    jenis_tenggat = models.CharField(
        _("aturan tenggat"), max_length=15, choices=JenisTenggat.choices, blank=True, default=""
    )
    tenggat_bulan = models.PositiveSmallIntegerField(_("bulan tenggat"), null=True, blank=True)
    tenggat_hari = models.PositiveSmallIntegerField(_("tanggal tenggat"), null=True, blank=True)
    tenggat_geser_tahun = models.SmallIntegerField(
        _("geser tahun"),
        default=0,
        help_text=_("-1: tahun sebelum tahun kasus (mis. APB Desa 2027 ditetapkan 31 Des 2026)."),
    )
    tenggat_jumlah_hari = models.PositiveSmallIntegerField(_("jumlah hari"), null=True, blank=True)
    tonggak = models.BooleanField(
        _("tonggak (penetapan)"),
        default=False,
        help_text=_("Tahap yang berarti dokumen sudah ditetapkan; papan memakai tahap ini."),
    )
    dasar = models.CharField(
        _("dasar"), max_length=10, choices=DasarTahap.choices, default=DasarTahap.BAWAAN
    )
    sumber = models.CharField(_("sumber"), max_length=250, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tahap templat")
        verbose_name_plural = _("tahap templat")
        ordering = ["templat", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["templat", "urutan"], name="tahap_templat_urutan_unik")
        ]

    def __str__(self):
        return f"{self.urutan}. {self.nama}"

    def clean(self):
        validasi_aturan_tenggat(self)

    @property
    def uraian_tenggat(self) -> str:
        return uraian_tenggat(
            jenis=self.jenis_tenggat,
            bulan=self.tenggat_bulan,
            hari=self.tenggat_hari,
            geser_tahun=self.tenggat_geser_tahun,
            jumlah_hari=self.tenggat_jumlah_hari,
        )


def validasi_aturan_tenggat(tahap) -> None:
    """A fixed-day rule needs a valid month and day; a days rule needs the number of days."""
    if tahap.jenis_tenggat == JenisTenggat.TANGGAL_TETAP:
        if not tahap.tenggat_bulan or not 1 <= tahap.tenggat_bulan <= 12:
            raise ValidationError({"tenggat_bulan": _("Isi bulan tenggat (1–12).")})
        if not tahap.tenggat_hari or not 1 <= tahap.tenggat_hari <= 31:
            raise ValidationError({"tenggat_hari": _("Isi tanggal tenggat (1–31).")})
    elif tahap.jenis_tenggat in (JenisTenggat.HARI_KERJA, JenisTenggat.HARI_KALENDER):
        if not tahap.tenggat_jumlah_hari:
            raise ValidationError({"tenggat_jumlah_hari": _("Isi jumlah hari tenggat.")})


class DokumenTahapTemplat(models.Model):
    tahap = models.ForeignKey(
        TahapTemplat, on_delete=models.CASCADE, related_name="dokumen", verbose_name=_("tahap")
    )
    nama = models.CharField(_("nama dokumen"), max_length=200)
    wajib = models.BooleanField(_("wajib"), default=False)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("dokumen yang diharapkan")
        verbose_name_plural = _("dokumen yang diharapkan")
        ordering = ["tahap", "urutan", "pk"]

    def __str__(self):
        return self.nama
