"""The daily log's satellites: reference tables seeded by data migrations (SDGs Desa, prinsip,
village institutions, stages and empowerment fields, Dana Desa priorities per year), the prinsip
checklist, the asistensi and pengarahan details, evidence files and the status events.

Reference lists that the ministry changes are rows (editable in admin), never ``if`` branches.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..inti.alur import PeristiwaStatusDasar
from ..inti.berkas import BerkasPrivatField
from ..inti.sekali import KunciSekaliModel
from ..scope import RegionScopedQuerySet
from .pilihan import JenisBidang, JenisDokumen, JenisSasaran, NilaiPrinsip, StatusKegiatan


# ------------------------------------------------------------------------ reference tables
class TujuanSdgs(models.Model):
    """The 18 SDGs Desa goals (seeded)."""

    nomor = models.PositiveSmallIntegerField(_("nomor"), unique=True)
    nama = models.CharField(_("nama"), max_length=150)
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("tujuan SDGs Desa")
        verbose_name_plural = _("tujuan SDGs Desa")
        ordering = ["nomor"]

    def __str__(self):
        return f"{self.nomor}. {self.nama}"


class Prinsip(models.Model):
    """A principle of facilitation checked on every entry. Seeded with the five of Kepmendes PDTT
    40/2021; a later regulation adds rows (its name in ``regulasi``) and retires old ones."""

    kode = models.SlugField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama"), max_length=100)
    uraian = models.TextField(_("uraian"), blank=True)
    regulasi = models.CharField(_("regulasi acuan"), max_length=100)
    # The regulation's item (A1–A5); ``uraian`` carries its wording (migration 0014).
    butir = models.ForeignKey(
        "pendampingan.Butir",
        verbose_name=_("butir regulasi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="prinsip",
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("prinsip pendampingan")
        verbose_name_plural = _("prinsip pendampingan")
        ordering = ["urutan", "kode"]

    def __str__(self):
        return self.nama


class LembagaDesa(models.Model):
    """Village institutions an asistensi may target (seeded; editable)."""

    kode = models.SlugField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama"), max_length=100)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("lembaga desa")
        verbose_name_plural = _("lembaga desa")
        ordering = ["urutan", "nama"]

    def __str__(self):
        return self.nama


class BidangPendampingan(models.Model):
    """A stage of village development (pendataan → pertanggungjawaban) or an empowerment field,
    the subject of an asistensi or a pengarahan (seeded from DOMAIN.md B)."""

    kode = models.SlugField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama"), max_length=150)
    jenis = models.CharField(_("jenis"), max_length=15, choices=JenisBidang.choices)
    # The regulation's item (BT1–BT4, BP1–BP4) an asistensi of this stage or field serves: the
    # entry form pre-ticks it (migration 0019).
    butir = models.ForeignKey(
        "pendampingan.Butir",
        verbose_name=_("butir regulasi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bidang_pendampingan",
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("tahap/bidang pendampingan")
        verbose_name_plural = _("tahap/bidang pendampingan")
        ordering = ["jenis", "urutan"]

    def __str__(self):
        return self.nama


class PrioritasDanaDesa(models.Model):
    """A heading of that year's Dana Desa priorities (seeded 2021–2026; editable)."""

    tahun = models.PositiveSmallIntegerField(_("tahun"), db_index=True)
    nama = models.CharField(_("prioritas"), max_length=200)
    kelompok = models.CharField(_("kelompok"), max_length=100, blank=True)
    regulasi = models.CharField(_("regulasi"), max_length=100)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("prioritas Dana Desa")
        verbose_name_plural = _("prioritas Dana Desa")
        ordering = ["-tahun", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "nama"], name="prioritas_dd_unik_per_tahun")
        ]

    def __str__(self):
        awal = f"{self.kelompok}: " if self.kelompok else ""
        return f"{self.tahun} · {awal}{self.nama}"


# -------------------------------------------------------------------- checklist and details
class AnakKegiatanQuerySet(RegionScopedQuerySet):
    """Child records of an entry (checklist, details, evidence, events) are scoped through it."""

    kode_lookup = "kegiatan__wilayah__kode"


class PenilaianPrinsip(models.Model):
    """One line of an entry's prinsip checklist."""

    kegiatan = models.ForeignKey(
        "pendampingan.Kegiatan", on_delete=models.CASCADE, related_name="penilaian_prinsip"
    )
    prinsip = models.ForeignKey(Prinsip, on_delete=models.PROTECT, related_name="penilaian")
    nilai = models.CharField(_("penilaian"), max_length=20, choices=NilaiPrinsip.choices)
    catatan = models.TextField(_("catatan"), blank=True)
    history = HistoricalRecords()

    objects = AnakKegiatanQuerySet.as_manager()

    class Meta:
        verbose_name = _("penilaian prinsip")
        verbose_name_plural = _("penilaian prinsip")
        ordering = ["prinsip__urutan"]
        constraints = [
            models.UniqueConstraint(
                fields=["kegiatan", "prinsip"], name="prinsip_sekali_per_kegiatan"
            ),
            models.CheckConstraint(
                condition=~Q(nilai=NilaiPrinsip.TIDAK_DIJUNJUNG) | ~Q(catatan=""),
                name="prinsip_tidak_dijunjung_wajib_catatan",
                violation_error_message=_("Tuliskan catatan untuk prinsip yang tidak dijunjung."),
            ),
        ]

    def __str__(self):
        return f"{self.prinsip}: {self.get_nilai_display()}"


class AsistensiKegiatan(models.Model):
    """The asistensi detail of an entry: whom it helped and which stage or field it served."""

    kegiatan = models.OneToOneField(
        "pendampingan.Kegiatan", on_delete=models.CASCADE, related_name="asistensi"
    )
    jenis_sasaran = models.CharField(_("sasaran"), max_length=15, choices=JenisSasaran.choices)
    nama_sasaran = models.CharField(_("nama warga"), max_length=150, blank=True)
    lembaga = models.ForeignKey(
        LembagaDesa, verbose_name=_("lembaga desa"), on_delete=models.PROTECT, null=True, blank=True
    )
    bidang = models.ForeignKey(
        BidangPendampingan, verbose_name=_("tahap/bidang"), on_delete=models.PROTECT
    )
    history = HistoricalRecords()

    objects = AnakKegiatanQuerySet.as_manager()

    class Meta:
        verbose_name = _("rincian asistensi")
        verbose_name_plural = _("rincian asistensi")
        constraints = [
            models.CheckConstraint(
                condition=(Q(jenis_sasaran=JenisSasaran.LEMBAGA) & Q(lembaga__isnull=False))
                | (Q(jenis_sasaran=JenisSasaran.PERORANGAN) & ~Q(nama_sasaran="")),
                name="asistensi_sasaran_lengkap",
            )
        ]

    def __str__(self):
        return self.lembaga.nama if self.lembaga_id else self.nama_sasaran


class PengarahanKegiatan(models.Model):
    """The pengarahan detail: stage/field, that year's Dana Desa priority, who received the
    direction, and the commitment the village made (which becomes a ``TindakLanjut``)."""

    kegiatan = models.OneToOneField(
        "pendampingan.Kegiatan", on_delete=models.CASCADE, related_name="pengarahan"
    )
    bidang = models.ForeignKey(
        BidangPendampingan, verbose_name=_("tahap/bidang"), on_delete=models.PROTECT
    )
    prioritas = models.ForeignKey(
        PrioritasDanaDesa,
        verbose_name=_("prioritas Dana Desa"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    penerima = models.CharField(_("penerima pengarahan"), max_length=200)
    komitmen = models.TextField(_("komitmen desa"), blank=True)
    komitmen_pelaksana = models.CharField(_("pelaksana komitmen"), max_length=150, blank=True)
    komitmen_jatuh_tempo = models.DateField(_("batas waktu komitmen"), null=True, blank=True)
    tindak_lanjut = models.OneToOneField(
        "pendampingan.TindakLanjut",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pengarahan",
    )
    history = HistoricalRecords()

    objects = AnakKegiatanQuerySet.as_manager()

    class Meta:
        verbose_name = _("rincian pengarahan")
        verbose_name_plural = _("rincian pengarahan")

    def __str__(self):
        return f"{self.penerima} · {self.bidang}"


# ------------------------------------------------------------------------------- evidence


def _unggah_foto(instance, filename):
    ekstensi = filename.rsplit(".", 1)[-1] if "." in filename else "jpg"
    return (
        f"kegiatan/foto/{timezone.now():%Y/%m}/{instance.sha256[:2]}/{instance.sha256}.{ekstensi}"
    )


def _unggah_thumbnail(instance, filename):
    return f"kegiatan/thumbnail/{timezone.now():%Y/%m}/{instance.sha256[:2]}/{instance.sha256}.jpg"


def _unggah_dokumen(instance, filename):
    return f"kegiatan/dokumen/{timezone.now():%Y/%m}/{instance.sha256}.{instance.jenis}"


class FotoKegiatan(KunciSekaliModel, models.Model):
    """A photo of an entry: checked by decoding it, hashed, thumbnailed; its EXIF time and GPS kept
    beside the entry's own. Stored privately, served by a scoped view."""

    kegiatan = models.ForeignKey(
        "pendampingan.Kegiatan", on_delete=models.CASCADE, related_name="foto"
    )
    berkas = BerkasPrivatField(_("berkas"), upload_to=_unggah_foto)
    thumbnail = BerkasPrivatField(_("thumbnail"), upload_to=_unggah_thumbnail)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    ukuran = models.PositiveIntegerField(_("ukuran (bita)"))
    format = models.CharField(_("format"), max_length=10)
    lebar = models.PositiveIntegerField(_("lebar"))
    tinggi = models.PositiveIntegerField(_("tinggi"))
    nama_asli = models.CharField(_("nama berkas asli"), max_length=255, blank=True)
    exif_waktu = models.DateTimeField(_("waktu EXIF"), null=True, blank=True)
    exif_lintang = models.DecimalField(
        _("lintang EXIF"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    exif_bujur = models.DecimalField(
        _("bujur EXIF"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    diunggah = models.DateTimeField(_("diunggah"), auto_now_add=True)

    objects = AnakKegiatanQuerySet.as_manager()

    class Meta:
        verbose_name = _("foto kegiatan")
        verbose_name_plural = _("foto kegiatan")
        ordering = ["diunggah", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["kegiatan", "sha256"], name="foto_sekali_per_kegiatan")
        ]

    def __str__(self):
        return self.nama_asli or self.sha256[:12]


class DokumenKegiatan(KunciSekaliModel, models.Model):
    """A document of an entry (PDF, DOCX, XLSX, ODT — checked by content)."""

    kegiatan = models.ForeignKey(
        "pendampingan.Kegiatan", on_delete=models.CASCADE, related_name="dokumen"
    )
    berkas = BerkasPrivatField(_("berkas"), upload_to=_unggah_dokumen)
    jenis = models.CharField(_("jenis"), max_length=5, choices=JenisDokumen.choices)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    ukuran = models.PositiveIntegerField(_("ukuran (bita)"))
    nama_asli = models.CharField(_("nama berkas asli"), max_length=255)
    diunggah = models.DateTimeField(_("diunggah"), auto_now_add=True)

    objects = AnakKegiatanQuerySet.as_manager()

    class Meta:
        verbose_name = _("dokumen kegiatan")
        verbose_name_plural = _("dokumen kegiatan")
        ordering = ["diunggah", "pk"]

    def __str__(self):
        return self.nama_asli


# --------------------------------------------------------------------------------- events
class KegiatanPeristiwa(PeristiwaStatusDasar):
    """One status move of an entry: who, when, from, to, note."""

    kegiatan = models.ForeignKey(
        "pendampingan.Kegiatan", on_delete=models.CASCADE, related_name="peristiwa"
    )
    dari = models.CharField(_("dari"), max_length=20, choices=StatusKegiatan.choices, blank=True)
    ke = models.CharField(_("ke"), max_length=20, choices=StatusKegiatan.choices)

    objects = AnakKegiatanQuerySet.as_manager()

    class Meta:
        verbose_name = _("peristiwa kegiatan")
        verbose_name_plural = _("peristiwa kegiatan")
        ordering = ["waktu", "pk"]

    def __str__(self):
        return f"{self.dari or '—'} → {self.ke}"
