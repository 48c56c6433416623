"""The core's data: regions, facilitators, their assignments, the daily log and follow-ups.

Every region-owned row carries a foreign key to ``Wilayah`` (primary key: the Kemendagri code) and
a QuerySet built on ``scope.RegionScopedQuerySet`` — ``visible_to(user)`` is the only door to it.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..inti.akses import PERINGKAT_JABATAN
from ..inti.alur import Alur
from ..inti.sekali import KunciSekaliModel
from ..scope import RegionScopedQuerySet, cakupan_pengguna, q_prefiks
from ..wilayah_kode import LABEL_TINGKAT, prefiks
from .pilihan import ALUR_KEGIATAN, STATUS_DAPAT_DIUBAH, NilaiPrinsip, StatusKegiatan, TataCara


# ------------------------------------------------------------------------------------ regions
class Tingkat(models.TextChoices):
    PROVINSI = "provinsi", LABEL_TINGKAT["provinsi"]
    KABUPATEN = "kabupaten", LABEL_TINGKAT["kabupaten"]
    KECAMATAN = "kecamatan", LABEL_TINGKAT["kecamatan"]
    DESA = "desa", LABEL_TINGKAT["desa"]


class JenisWilayah(models.TextChoices):
    PROVINSI = "provinsi", _("Provinsi")
    KABUPATEN = "kabupaten", _("Kabupaten")
    KOTA = "kota", _("Kota")
    KECAMATAN = "kecamatan", _("Kecamatan")
    DESA = "desa", _("Desa")
    KELURAHAN = "kelurahan", _("Kelurahan")
    DESA_ADAT = "desa_adat", _("Desa Adat")


class WilayahQuerySet(RegionScopedQuerySet):
    kode_lookup = "kode"

    def desa(self):
        return self.filter(tingkat=Tingkat.DESA)


class Wilayah(models.Model):
    kode = models.CharField(_("kode Kemendagri"), max_length=13, primary_key=True)
    nama = models.CharField(_("nama"), max_length=150, db_index=True)
    tingkat = models.CharField(_("tingkat"), max_length=10, choices=Tingkat.choices, db_index=True)
    jenis = models.CharField(_("jenis"), max_length=10, choices=JenisWilayah.choices)
    induk = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="anak",
    )
    kode_bps = models.CharField(_("kode BPS"), max_length=10, blank=True)
    jumlah_penduduk = models.PositiveIntegerField(_("jumlah penduduk"), null=True, blank=True)
    diperbarui = models.DateTimeField(_("diperbarui"), auto_now=True)

    objects = WilayahQuerySet.as_manager()

    class Meta:
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")
        ordering = ["kode"]
        permissions = [("lihat_nasional", _("Melihat seluruh wilayah nasional"))]

    def __str__(self):
        return f"{self.nama} ({self.kode})"

    @property
    def prefiks(self) -> str:
        return prefiks(self.kode)

    @property
    def adalah_desa(self) -> bool:
        return self.tingkat == Tingkat.DESA

    @property
    def label_lengkap(self) -> str:
        """ "Kecamatan Kedungreja", "Desa Tambakreja"; kabupaten/kota names already carry their kind."""
        if self.tingkat == Tingkat.KABUPATEN:
            return self.nama
        return f"{self.get_jenis_display()} {self.nama}"


class ImporWilayah(models.Model):
    """One run of ``impor_wilayah``: which package version, when, and what changed."""

    sumber = models.CharField(_("sumber"), max_length=100)
    versi = models.CharField(_("versi"), max_length=30)
    waktu = models.DateTimeField(_("waktu"), default=timezone.now)
    ditambah = models.PositiveIntegerField(_("ditambah"), default=0)
    diubah = models.PositiveIntegerField(_("nama diubah"), default=0)
    tidak_ada_lagi = models.PositiveIntegerField(_("tidak ada di sumber"), default=0)
    detik = models.FloatField(_("durasi (detik)"), default=0)

    class Meta:
        verbose_name = _("impor wilayah")
        verbose_name_plural = _("riwayat impor wilayah")
        ordering = ["-waktu"]

    def __str__(self):
        return f"{self.sumber}@{self.versi} {self.waktu:%Y-%m-%d %H:%M}"


# ------------------------------------------------------------------------ facilitators
class Jabatan(models.TextChoices):
    PLD = "pld", _("Pendamping Lokal Desa (PLD)")
    PD = "pd", _("Pendamping Desa (PD)")
    PENDAMPING_TEKNIS = "pendamping_teknis", _("Pendamping Teknis")
    TAPM_KABUPATEN = "tapm_kabupaten", _("TAPM Kabupaten")
    KOORDINATOR_KABUPATEN = "koordinator_kabupaten", _("Koordinator Kabupaten")
    TA_PROVINSI = "ta_provinsi", _("TA Provinsi")
    KOORDINATOR_PROVINSI = "koordinator_provinsi", _("Koordinator Provinsi")
    TA_PUSAT = "ta_pusat", _("TA Pusat")
    KOORDINATOR_NASIONAL = "koordinator_nasional", _("Koordinator Nasional")


class JenisPenugasan(models.TextChoices):
    LAPANGAN = "lapangan", _("Kerja lapangan")
    SUPERVISI = "supervisi", _("Supervisi")


# Which (kind, region level) each jabatan may be assigned to. The supervision chain
# PLD → PD → TAPM Kab/Korkab → TA Prov/Korprov → pusat follows from it.
PENUGASAN_SAH = {
    Jabatan.PLD: {(JenisPenugasan.LAPANGAN, Tingkat.DESA)},
    Jabatan.PD: {
        (JenisPenugasan.LAPANGAN, Tingkat.KECAMATAN),
        (JenisPenugasan.SUPERVISI, Tingkat.KECAMATAN),
    },
    Jabatan.PENDAMPING_TEKNIS: {(JenisPenugasan.LAPANGAN, Tingkat.KECAMATAN)},
    Jabatan.TAPM_KABUPATEN: {
        (JenisPenugasan.LAPANGAN, Tingkat.KABUPATEN),
        (JenisPenugasan.SUPERVISI, Tingkat.KABUPATEN),
    },
    Jabatan.KOORDINATOR_KABUPATEN: {(JenisPenugasan.SUPERVISI, Tingkat.KABUPATEN)},
    Jabatan.TA_PROVINSI: {
        (JenisPenugasan.LAPANGAN, Tingkat.PROVINSI),
        (JenisPenugasan.SUPERVISI, Tingkat.PROVINSI),
    },
    Jabatan.KOORDINATOR_PROVINSI: {(JenisPenugasan.SUPERVISI, Tingkat.PROVINSI)},
    Jabatan.TA_PUSAT: {(JenisPenugasan.SUPERVISI, Tingkat.PROVINSI)},
    Jabatan.KOORDINATOR_NASIONAL: {(JenisPenugasan.SUPERVISI, Tingkat.PROVINSI)},
}


class PendampingQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Facilitators with an assignment (any period) inside the user's visible regions, and the
        user themself."""
        c = cakupan_pengguna(user)
        if c.nasional:
            return self.all()
        if c.kosong:
            return self.filter(user=user) if user.is_authenticated else self.none()
        ids = Penugasan.objects.filter(q_prefiks("wilayah__kode", c.lihat)).values("pendamping_id")
        return self.filter(Q(pk__in=ids) | Q(user=user))


class Pendamping(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pendamping"
    )
    nama = models.CharField(_("nama"), max_length=150)
    jabatan = models.CharField(_("jabatan"), max_length=30, choices=Jabatan.choices)
    nomor_kontrak = models.CharField(_("nomor kontrak"), max_length=60, blank=True)
    telepon = models.CharField(_("telepon"), max_length=30, blank=True)
    aktif = models.BooleanField(_("aktif"), default=True)
    history = HistoricalRecords()

    objects = PendampingQuerySet.as_manager()

    class Meta:
        verbose_name = _("pendamping")
        verbose_name_plural = _("pendamping")
        ordering = ["nama"]

    def __str__(self):
        return f"{self.nama} — {self.get_jabatan_display()}"


class PenugasanQuerySet(RegionScopedQuerySet):
    def aktif(self, tanggal=None):
        tanggal = tanggal or timezone.localdate()
        return self.filter(mulai__lte=tanggal).filter(
            Q(selesai__isnull=True) | Q(selesai__gte=tanggal)
        )


class Penugasan(models.Model):
    pendamping = models.ForeignKey(Pendamping, on_delete=models.CASCADE, related_name="penugasan")
    wilayah = models.ForeignKey(Wilayah, on_delete=models.PROTECT, related_name="penugasan")
    jenis = models.CharField(
        _("jenis"), max_length=10, choices=JenisPenugasan.choices, default=JenisPenugasan.LAPANGAN
    )
    mulai = models.DateField(_("mulai"))
    selesai = models.DateField(
        _("selesai"), null=True, blank=True, help_text=_("Kosongkan jika belum berakhir.")
    )
    catatan = models.CharField(_("catatan"), max_length=200, blank=True)
    history = HistoricalRecords()

    objects = PenugasanQuerySet.as_manager()

    class Meta:
        verbose_name = _("penugasan")
        verbose_name_plural = _("penugasan")
        ordering = ["-mulai"]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__isnull=True) | Q(selesai__gte=models.F("mulai")),
                name="penugasan_selesai_setelah_mulai",
                violation_error_message=_("Tanggal selesai tidak boleh sebelum tanggal mulai."),
            ),
            models.UniqueConstraint(
                fields=["pendamping", "wilayah", "jenis", "mulai"], name="penugasan_unik_per_mulai"
            ),
        ]
        indexes = [models.Index(fields=["mulai", "selesai"])]

    def __str__(self):
        return f"{self.pendamping.nama} · {self.get_jenis_display()} · {self.wilayah}"

    def aktif_pada(self, tanggal) -> bool:
        return self.mulai <= tanggal and (self.selesai is None or self.selesai >= tanggal)


# ------------------------------------------------------------------------- the daily log
# TataCara, StatusKegiatan and the allowed moves live in ``pilihan`` (shared with ``kegiatan``).
# Jabatan rank along the supervision chain: one table, in ``inti.akses``.


class KegiatanQuerySet(RegionScopedQuerySet):
    def milik(self, pendamping_id):
        return self.filter(pendamping_id=pendamping_id)


class Kegiatan(KunciSekaliModel, models.Model):
    """One activity in a facilitator's daily log — the hub the other apps link to.

    Status moves follow ``pilihan.ALUR_KEGIATAN`` and each writes a ``KegiatanPeristiwa``
    (``pendampingan.kegiatan.services``); details per tata cara live in ``AsistensiKegiatan`` and
    ``PengarahanKegiatan``; the prinsip checklist in ``PenilaianPrinsip``; evidence in
    ``FotoKegiatan`` and ``DokumenKegiatan``."""

    pendamping = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="kegiatan")
    wilayah = models.ForeignKey(
        Wilayah, verbose_name=_("tempat"), on_delete=models.PROTECT, related_name="kegiatan"
    )
    tanggal = models.DateField(_("tanggal"), db_index=True)
    jam_mulai = models.TimeField(_("jam mulai"))
    jam_selesai = models.TimeField(_("jam selesai"))
    tata_cara = models.CharField(_("tata cara"), max_length=20, choices=TataCara.choices)
    judul = models.CharField(_("judul"), max_length=200)
    uraian = models.TextField(_("uraian kegiatan"), blank=True)
    masalah = models.TextField(_("masalah yang ditemui"), blank=True)
    solusi = models.TextField(_("solusi"), blank=True)
    hasil = models.TextField(_("hasil"), blank=True)
    peserta_laki = models.PositiveIntegerField(_("peserta laki-laki"), default=0)
    peserta_perempuan = models.PositiveIntegerField(_("peserta perempuan"), default=0)
    sdgs = models.ManyToManyField(
        "pendampingan.TujuanSdgs", verbose_name=_("tujuan SDGs Desa"), blank=True
    )
    lintang = models.DecimalField(
        _("lintang"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    bujur = models.DecimalField(_("bujur"), max_digits=9, decimal_places=6, null=True, blank=True)
    akurasi = models.FloatField(_("akurasi GPS (m)"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=15,
        choices=StatusKegiatan.choices,
        default=StatusKegiatan.DRAF,
        db_index=True,
    )
    catatan_pemeriksa = models.TextField(_("catatan pemeriksa"), blank=True)
    diajukan_pada = models.DateTimeField(_("diajukan pada"), null=True, blank=True)
    diverifikasi_oleh = models.ForeignKey(
        Pendamping,
        verbose_name=_("diverifikasi oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kegiatan_diverifikasi",
    )
    diverifikasi_pada = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["diubah", "kunci_sekali"])

    objects = KegiatanQuerySet.as_manager()
    alur = Alur(peta=ALUR_KEGIATAN, peristiwa="pendampingan.KegiatanPeristiwa", fk="kegiatan")

    class Meta:
        verbose_name = _("kegiatan")
        verbose_name_plural = _("kegiatan")
        ordering = ["-tanggal", "-jam_mulai"]
        indexes = [
            models.Index(fields=["pendamping", "tanggal"]),
            models.Index(fields=["wilayah", "tanggal"]),
            models.Index(fields=["status", "tanggal"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(jam_selesai__gt=models.F("jam_mulai")),
                name="kegiatan_selesai_setelah_mulai",
                violation_error_message=_("Jam selesai harus sesudah jam mulai."),
            ),
            models.CheckConstraint(
                condition=Q(lintang__isnull=True) | Q(lintang__gte=-90, lintang__lte=90),
                name="kegiatan_lintang_sah",
            ),
            models.CheckConstraint(
                condition=Q(bujur__isnull=True) | Q(bujur__gte=-180, bujur__lte=180),
                name="kegiatan_bujur_sah",
            ),
        ]

    def __str__(self):
        return f"{self.tanggal:%d-%m-%Y} · {self.judul}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("pendampingan:kegiatan-detail", args=[self.pk])

    @property
    def durasi_menit(self) -> int:
        return (self.jam_selesai.hour * 60 + self.jam_selesai.minute) - (
            self.jam_mulai.hour * 60 + self.jam_mulai.minute
        )

    @property
    def jumlah_peserta(self) -> int:
        return self.peserta_laki + self.peserta_perempuan

    @property
    def boleh_diubah_status(self) -> bool:
        """Draft and returned entries are edited by their owner; submitted and verified are not."""
        return self.status in STATUS_DAPAT_DIUBAH


class StatusTindakLanjut(models.TextChoices):
    TERBUKA = "terbuka", _("Terbuka")
    SELESAI = "selesai", _("Selesai")
    BATAL = "batal", _("Dibatalkan")


class TindakLanjutQuerySet(RegionScopedQuerySet):
    def terbuka(self):
        return self.filter(status=StatusTindakLanjut.TERBUKA)

    def terlambat(self, tanggal=None):
        return self.terbuka().filter(jatuh_tempo__lt=tanggal or timezone.localdate())


class TindakLanjut(models.Model):
    """A follow-up action: what, who is to do it, by when. Any app may open one (a pengarahan
    commitment, a forum decision, a musyawarah agreement, a mitigation step) and point at its
    source through ``sumber``."""

    wilayah = models.ForeignKey(Wilayah, on_delete=models.PROTECT, related_name="tindak_lanjut")
    pendamping = models.ForeignKey(
        Pendamping,
        verbose_name=_("pendamping pemantau"),
        on_delete=models.PROTECT,
        related_name="tindak_lanjut",
    )
    kegiatan = models.ForeignKey(
        Kegiatan, on_delete=models.SET_NULL, null=True, blank=True, related_name="tindak_lanjut"
    )
    judul = models.CharField(_("tindak lanjut"), max_length=250)
    penanggung_jawab = models.CharField(_("siapa yang melaksanakan"), max_length=150)
    jatuh_tempo = models.DateField(_("jatuh tempo"), db_index=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=StatusTindakLanjut.choices,
        default=StatusTindakLanjut.TERBUKA,
        db_index=True,
    )
    catatan_selesai = models.TextField(_("catatan penyelesaian"), blank=True)
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    sumber_jenis = models.ForeignKey(ContentType, on_delete=models.SET_NULL, null=True, blank=True)
    sumber_id = models.CharField(max_length=64, blank=True)
    sumber = GenericForeignKey("sumber_jenis", "sumber_id")
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    history = HistoricalRecords()

    objects = TindakLanjutQuerySet.as_manager()

    class Meta:
        verbose_name = _("tindak lanjut")
        verbose_name_plural = _("tindak lanjut")
        ordering = ["jatuh_tempo", "pk"]
        indexes = [models.Index(fields=["sumber_jenis", "sumber_id"])]

    def __str__(self):
        return self.judul

    @property
    def terlambat(self) -> bool:
        return self.status == StatusTindakLanjut.TERBUKA and self.jatuh_tempo < timezone.localdate()


# The daily log's satellites (reference tables, checklist, details per tata cara, evidence, events).
from .kegiatan import (  # noqa: E402
    AsistensiKegiatan,
    BidangPendampingan,
    DokumenKegiatan,
    FotoKegiatan,
    KegiatanPeristiwa,
    LembagaDesa,
    PengarahanKegiatan,
    PenilaianPrinsip,
    Prinsip,
    PrioritasDanaDesa,
    TujuanSdgs,
)
from .unduhan import StatusUnduhan, Unduhan  # noqa: E402

__all__ = [
    "ALUR_KEGIATAN",
    "PERINGKAT_JABATAN",
    "STATUS_DAPAT_DIUBAH",
    "AsistensiKegiatan",
    "BidangPendampingan",
    "DokumenKegiatan",
    "FotoKegiatan",
    "ImporWilayah",
    "Jabatan",
    "JenisPenugasan",
    "JenisWilayah",
    "Kegiatan",
    "KegiatanPeristiwa",
    "LembagaDesa",
    "NilaiPrinsip",
    "Pendamping",
    "PengarahanKegiatan",
    "PenilaianPrinsip",
    "Penugasan",
    "Prinsip",
    "PrioritasDanaDesa",
    "StatusKegiatan",
    "StatusTindakLanjut",
    "StatusUnduhan",
    "TataCara",
    "Tingkat",
    "TindakLanjut",
    "TujuanSdgs",
    "Unduhan",
    "Wilayah",
]
