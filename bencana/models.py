"""KLB dan bencana (tata cara F): an incident (``Kejadian``) and what the facilitators record on it.

Rules encoded here:

* The incident code (the national "KIB" shape) is ``<kabupaten code without dot>-<type code>-
  <local date>-<sequence>``, e.g. ``3301-101-20261130-01``; the sequence comes from a counter row
  (``UrutanKejadian``) locked with ``select_for_update`` — see ``services.kejadian``.
* Status moves only along ``STATUS_BOLEH`` and every move writes a ``PerubahanStatus`` row.
* The chronology (``Kronologi``) and the impact snapshots (``PenilaianDampak``) are append-only:
  a correction is a new row; ``save()`` of an existing row, ``delete()`` and the QuerySet's
  ``update()``/``delete()`` refuse (and on the database a trigger refuses an UPDATE).
* An incident is visible to whoever sees its first desa *or* any desa added to it later.
"""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pendampingan.models import Kegiatan, Pendamping, Wilayah
from pendampingan.penyimpanan import penyimpanan_privat
from pendampingan.scope import RegionScopedQuerySet, q_prefiks

PESAN_APPEND_ONLY = _(
    "Entri kronologi tidak dapat diubah atau dihapus. Tambahkan koreksi: entri baru yang menunjuk "
    "entri yang dikoreksi."
)
PESAN_DAMPAK_TETAP = _(
    "Penilaian dampak adalah potret pada satu waktu dan tidak dapat diubah atau dihapus. "
    "Catat penilaian baru dengan angka yang benar."
)


# ------------------------------------------------------------------------ reference list
class KategoriKejadian(models.TextChoices):
    ALAM = "alam", _("Bencana alam")
    NON_ALAM = "non_alam", _("Bencana non-alam")
    SOSIAL = "sosial", _("Bencana sosial")
    KLB = "klb", _("Kejadian luar biasa (KLB)")


class JenisKejadian(models.Model):
    """A type of event: the BNPB codes (101 banjir … 999 lainnya) and the KLB/social/non-natural
    types this product adds (2xx KLB, 3xx sosial, 4xx non-alam). Seeded; edited in admin."""

    kode = models.CharField(_("kode"), max_length=5, unique=True)
    nama = models.CharField(_("nama"), max_length=100)
    kategori = models.CharField(_("kategori"), max_length=10, choices=KategoriKejadian.choices)
    sumber = models.CharField(_("sumber kode"), max_length=40, blank=True)
    aktif = models.BooleanField(_("aktif"), default=True)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("jenis kejadian")
        verbose_name_plural = _("jenis kejadian")
        ordering = ["urutan", "kode"]

    def __str__(self):
        return f"{self.kode} {self.nama}"


# --------------------------------------------------------------------------- incident
class StatusKejadian(models.TextChoices):
    DILAPORKAN = "dilaporkan", _("Dilaporkan")
    TANGGAP_DARURAT = "tanggap_darurat", _("Tanggap darurat")
    PEMULIHAN = "pemulihan", _("Pemulihan")
    SELESAI = "selesai", _("Selesai")


# The allowed moves. "selesai → pemulihan" reopens an incident closed too early (a note is required).
STATUS_BOLEH: dict[str, set[str]] = {
    StatusKejadian.DILAPORKAN: {StatusKejadian.TANGGAP_DARURAT, StatusKejadian.SELESAI},
    StatusKejadian.TANGGAP_DARURAT: {StatusKejadian.PEMULIHAN, StatusKejadian.SELESAI},
    StatusKejadian.PEMULIHAN: {StatusKejadian.TANGGAP_DARURAT, StatusKejadian.SELESAI},
    StatusKejadian.SELESAI: {StatusKejadian.PEMULIHAN},
}
STATUS_AKTIF = [
    StatusKejadian.DILAPORKAN,
    StatusKejadian.TANGGAP_DARURAT,
    StatusKejadian.PEMULIHAN,
]


class KejadianQuerySet(RegionScopedQuerySet):
    """Scoped by the first desa (``wilayah``) or any desa added to the incident."""

    def _dengan_prefiks(self, prefiks_list):
        if not prefiks_list:
            return self.none()
        terdampak = DesaTerdampak.objects.filter(q_prefiks("wilayah__kode", prefiks_list))
        return self.filter(
            q_prefiks("wilayah__kode", prefiks_list) | Q(pk__in=terdampak.values("kejadian_id"))
        )

    def aktif(self):
        return self.filter(status__in=STATUS_AKTIF)


class Kejadian(models.Model):
    kode = models.CharField(_("kode kejadian"), max_length=40, unique=True, editable=False)
    jenis = models.ForeignKey(
        JenisKejadian, verbose_name=_("jenis"), on_delete=models.PROTECT, related_name="kejadian"
    )
    waktu = models.DateTimeField(_("waktu kejadian"), db_index=True)
    wilayah = models.ForeignKey(
        Wilayah,
        verbose_name=_("desa pertama"),
        on_delete=models.PROTECT,
        related_name="kejadian_bencana",
    )
    lintang = models.DecimalField(
        _("lintang"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    bujur = models.DecimalField(_("bujur"), max_digits=9, decimal_places=6, null=True, blank=True)
    ringkasan = models.CharField(_("apa yang terjadi"), max_length=250)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=StatusKejadian.choices,
        default=StatusKejadian.DILAPORKAN,
        db_index=True,
    )
    pelapor = models.ForeignKey(
        Pendamping, verbose_name=_("pelapor"), on_delete=models.PROTECT, related_name="+"
    )
    dibuat = models.DateTimeField(_("dilaporkan pada"), auto_now_add=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)
    history = HistoricalRecords()

    objects = KejadianQuerySet.as_manager()

    class Meta:
        verbose_name = _("kejadian")
        verbose_name_plural = _("kejadian")
        ordering = ["-waktu", "-pk"]
        indexes = [models.Index(fields=["status", "waktu"])]
        permissions = [("kirim_laporan", _("Mengirim laporan kejadian ke kementerian"))]

    def __str__(self):
        return f"{self.kode} · {self.jenis.nama}"

    def get_absolute_url(self):
        return reverse("bencana:kejadian-detail", args=[self.pk])

    @property
    def aktif(self) -> bool:
        return self.status in STATUS_AKTIF

    @property
    def kabupaten_kode(self) -> str:
        return self.wilayah_id[:5]


class UrutanKejadian(models.Model):
    """The counter behind the sequence of incident codes: one row per (kabupaten, type, date)."""

    kunci = models.CharField(max_length=30, unique=True)  # "3301-101-20261130"
    terakhir = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("urutan kode kejadian")
        verbose_name_plural = _("urutan kode kejadian")

    def __str__(self):
        return f"{self.kunci}: {self.terakhir}"


class PerubahanStatus(models.Model):
    kejadian = models.ForeignKey(Kejadian, on_delete=models.CASCADE, related_name="perubahan")
    dari = models.CharField(_("dari"), max_length=20, choices=StatusKejadian.choices)
    ke = models.CharField(_("ke"), max_length=20, choices=StatusKejadian.choices)
    oleh = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="+")
    waktu = models.DateTimeField(_("waktu"), default=timezone.now)
    catatan = models.TextField(_("catatan"), blank=True)

    class Meta:
        verbose_name = _("perubahan status kejadian")
        verbose_name_plural = _("perubahan status kejadian")
        ordering = ["waktu", "pk"]

    def __str__(self):
        return f"{self.kejadian_id}: {self.dari} → {self.ke}"


class DesaTerdampak(models.Model):
    kejadian = models.ForeignKey(Kejadian, on_delete=models.CASCADE, related_name="desa_terdampak")
    wilayah = models.ForeignKey(
        Wilayah, verbose_name=_("desa"), on_delete=models.PROTECT, related_name="+"
    )
    ditambah_oleh = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(_("ditambahkan"), auto_now_add=True)

    class Meta:
        verbose_name = _("desa terdampak")
        verbose_name_plural = _("desa terdampak")
        ordering = ["dibuat", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["kejadian", "wilayah"], name="desa_terdampak_unik")
        ]

    def __str__(self):
        return f"{self.kejadian_id} · {self.wilayah_id}"


# ------------------------------------------------------------------- append-only records
class AppendOnlyQuerySet(models.QuerySet):
    pesan = PESAN_APPEND_ONLY

    def update(self, **kwargs):
        raise ValidationError(self.pesan)

    def delete(self):
        raise ValidationError(self.pesan)


class AppendOnlyModel(models.Model):
    pesan_tetap = PESAN_APPEND_ONLY

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(self.pesan_tetap)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(self.pesan_tetap)


class Kronologi(AppendOnlyModel):
    """A timestamped entry of the chronology. Never edited: a correction is a new entry whose
    ``mengoreksi`` points at the entry it corrects."""

    kejadian = models.ForeignKey(Kejadian, on_delete=models.PROTECT, related_name="kronologi")
    waktu = models.DateTimeField(_("waktu"))
    isi = models.TextField(_("apa yang terjadi / dilakukan"))
    mengoreksi = models.ForeignKey(
        "self",
        verbose_name=_("mengoreksi entri"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="koreksi",
    )
    oleh = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(_("dicatat"), default=timezone.now, editable=False)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("entri kronologi")
        verbose_name_plural = _("kronologi")
        ordering = ["waktu", "pk"]

    def __str__(self):
        return f"{self.waktu:%Y-%m-%d %H:%M} {self.isi[:60]}"


class DampakQuerySet(AppendOnlyQuerySet):
    pesan = PESAN_DAMPAK_TETAP

    def terkini(self):
        """Each (incident, desa)'s latest snapshot: no later one exists (ties broken by id)."""
        lebih_baru = PenilaianDampak.objects.filter(
            kejadian_id=models.OuterRef("kejadian_id"), wilayah_id=models.OuterRef("wilayah_id")
        ).filter(
            Q(waktu__gt=models.OuterRef("waktu"))
            | Q(waktu=models.OuterRef("waktu"), pk__gt=models.OuterRef("pk"))
        )
        return self.filter(~models.Exists(lebih_baru))


# The national vocabulary of impact figures (BNPB DIBI), in display order with labels and groups.
KOLOM_DAMPAK: list[tuple[str, str, str]] = [
    ("meninggal", _("Meninggal"), "korban"),
    ("hilang", _("Hilang"), "korban"),
    ("luka_berat", _("Luka berat"), "korban"),
    ("luka_ringan", _("Luka ringan"), "korban"),
    ("mengungsi", _("Mengungsi (jiwa)"), "korban"),
    ("terdampak_jiwa", _("Terdampak (jiwa)"), "korban"),
    ("terdampak_kk", _("Terdampak (KK)"), "korban"),
    ("rumah_rusak_berat", _("Rumah rusak berat"), "rumah"),
    ("rumah_rusak_sedang", _("Rumah rusak sedang"), "rumah"),
    ("rumah_rusak_ringan", _("Rumah rusak ringan"), "rumah"),
    ("rumah_terendam", _("Rumah terendam"), "rumah"),
    ("fasilitas_pendidikan", _("Fasilitas pendidikan"), "fasilitas"),
    ("fasilitas_kesehatan", _("Fasilitas kesehatan"), "fasilitas"),
    ("fasilitas_peribadatan", _("Fasilitas peribadatan"), "fasilitas"),
    ("kantor", _("Kantor"), "fasilitas"),
    ("fasilitas_umum", _("Fasilitas umum"), "fasilitas"),
    ("jembatan", _("Jembatan"), "fasilitas"),
    ("jalan_m", _("Jalan rusak (meter)"), "fasilitas"),
    ("sawah_ha", _("Sawah rusak (ha)"), "lahan"),
    ("lahan_ha", _("Lahan rusak (ha)"), "lahan"),
]
NAMA_KOLOM_DAMPAK = [k for k, _l, _g in KOLOM_DAMPAK]


def _angka(label):
    return models.PositiveIntegerField(label, default=0)


class PenilaianDampak(AppendOnlyModel):
    """A rapid impact assessment of one desa at one time (a dated snapshot). The incident's totals
    add up each desa's latest snapshot."""

    pesan_tetap = PESAN_DAMPAK_TETAP

    kejadian = models.ForeignKey(Kejadian, on_delete=models.PROTECT, related_name="dampak")
    wilayah = models.ForeignKey(
        Wilayah, verbose_name=_("desa"), on_delete=models.PROTECT, related_name="+"
    )
    waktu = models.DateTimeField(_("keadaan per"))
    meninggal = _angka(_("meninggal"))
    hilang = _angka(_("hilang"))
    luka_berat = _angka(_("luka berat"))
    luka_ringan = _angka(_("luka ringan"))
    mengungsi = _angka(_("mengungsi (jiwa)"))
    terdampak_jiwa = _angka(_("terdampak (jiwa)"))
    terdampak_kk = _angka(_("terdampak (KK)"))
    rumah_rusak_berat = _angka(_("rumah rusak berat"))
    rumah_rusak_sedang = _angka(_("rumah rusak sedang"))
    rumah_rusak_ringan = _angka(_("rumah rusak ringan"))
    rumah_terendam = _angka(_("rumah terendam"))
    fasilitas_pendidikan = _angka(_("fasilitas pendidikan"))
    fasilitas_kesehatan = _angka(_("fasilitas kesehatan"))
    fasilitas_peribadatan = _angka(_("fasilitas peribadatan"))
    kantor = _angka(_("kantor"))
    fasilitas_umum = _angka(_("fasilitas umum"))
    jembatan = _angka(_("jembatan"))
    jalan_m = _angka(_("jalan rusak (meter)"))
    sawah_ha = models.DecimalField(
        _("sawah rusak (ha)"), max_digits=10, decimal_places=2, default=0
    )
    lahan_ha = models.DecimalField(
        _("lahan rusak (ha)"), max_digits=10, decimal_places=2, default=0
    )
    sumber = models.CharField(_("sumber data"), max_length=150, blank=True)
    catatan = models.TextField(_("catatan"), blank=True)
    oleh = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(_("dicatat"), default=timezone.now, editable=False)

    objects = DampakQuerySet.as_manager()

    class Meta:
        verbose_name = _("penilaian dampak")
        verbose_name_plural = _("penilaian dampak")
        ordering = ["-waktu", "-pk"]
        indexes = [models.Index(fields=["kejadian", "wilayah", "waktu"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(sawah_ha__gte=0) & Q(lahan_ha__gte=0),
                name="dampak_luas_tidak_negatif",
                violation_error_message=_("Luas sawah/lahan tidak boleh kurang dari nol."),
            )
        ]

    def __str__(self):
        return f"{self.kejadian_id} · {self.wilayah_id} · {self.waktu:%Y-%m-%d %H:%M}"


# -------------------------------------------------------------------------- the record
def _nama_berkas(instance, filename):
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"bencana/bukti/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{ext[:8]}"


class JenisBukti(models.TextChoices):
    FOTO = "foto", _("Foto")
    DOKUMEN = "dokumen", _("Dokumen")


class Bukti(models.Model):
    """A photo or document, checked by its content; its SHA-256 is kept and shown. Served only
    through the scoped view ``bencana:bukti-unduh``."""

    kejadian = models.ForeignKey(Kejadian, on_delete=models.PROTECT, related_name="bukti")
    jenis = models.CharField(_("jenis"), max_length=10, choices=JenisBukti.choices)
    berkas = models.FileField(
        _("berkas"), upload_to=_nama_berkas, storage=penyimpanan_privat, max_length=200
    )
    nama_asli = models.CharField(_("nama berkas"), max_length=200)
    tipe_mime = models.CharField(_("tipe"), max_length=100)
    ukuran = models.PositiveIntegerField(_("ukuran (bita)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    keterangan = models.CharField(_("keterangan"), max_length=250, blank=True)
    oleh = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(_("diunggah"), auto_now_add=True)

    class Meta:
        verbose_name = _("bukti")
        verbose_name_plural = _("bukti")
        ordering = ["dibuat", "pk"]

    def __str__(self):
        return f"{self.nama_asli} ({self.sha256[:12]}…)"


class JenisInstansi(models.TextChoices):
    BPBD = "bpbd", _("BPBD")
    TNI = "tni", _("TNI")
    POLRI = "polri", _("Polri")
    PUSKESMAS = "puskesmas", _("Puskesmas")
    DINAS = "dinas", _("Dinas kabupaten")
    NGO = "ngo", _("LSM/NGO")
    PEMDES = "pemdes", _("Pemerintah desa/kecamatan")
    LAINNYA = "lainnya", _("Lainnya")


class Koordinasi(models.Model):
    kejadian = models.ForeignKey(Kejadian, on_delete=models.PROTECT, related_name="koordinasi")
    waktu = models.DateTimeField(_("waktu"))
    instansi = models.CharField(_("instansi"), max_length=15, choices=JenisInstansi.choices)
    nama_instansi = models.CharField(_("nama instansi"), max_length=150, blank=True)
    kontak = models.CharField(_("narahubung"), max_length=150)
    permintaan = models.TextField(_("yang diminta"))
    kesepakatan = models.TextField(_("yang disepakati"), blank=True)
    oleh = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("koordinasi")
        verbose_name_plural = _("koordinasi")
        ordering = ["waktu", "pk"]

    def __str__(self):
        return f"{self.get_instansi_display()} · {self.kontak}"


class UnsurTokoh(models.TextChoices):
    AGAMA = "agama", _("Tokoh agama")
    ADAT = "adat", _("Tokoh adat")
    MASYARAKAT = "masyarakat", _("Tokoh masyarakat")
    PEMUDA = "pemuda", _("Tokoh pemuda")
    PEREMPUAN = "perempuan", _("Tokoh perempuan")
    PENDIDIKAN = "pendidikan", _("Tokoh pendidikan")
    LAINNYA = "lainnya", _("Lainnya")


class TokohTerlibat(models.Model):
    kejadian = models.ForeignKey(Kejadian, on_delete=models.PROTECT, related_name="tokoh")
    nama = models.CharField(_("nama"), max_length=150)
    unsur = models.CharField(_("unsur"), max_length=15, choices=UnsurTokoh.choices)
    peran = models.CharField(_("peran dalam penanganan"), max_length=250)
    kontak = models.CharField(_("kontak"), max_length=100, blank=True)
    oleh = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tokoh masyarakat terlibat")
        verbose_name_plural = _("tokoh masyarakat terlibat")
        ordering = ["dibuat", "pk"]

    def __str__(self):
        return f"{self.nama} ({self.get_unsur_display()})"


class Keputusan(models.TextChoices):
    DIHENTIKAN = "dihentikan", _("Dihentikan sementara")
    DILANJUTKAN = "dilanjutkan", _("Dilanjutkan")
    DISESUAIKAN = "disesuaikan", _("Dilanjutkan dengan penyesuaian")


class KeputusanKegiatanDesa(models.Model):
    """A village development/empowerment activity at the site: stopped or continued, and why."""

    kejadian = models.ForeignKey(Kejadian, on_delete=models.PROTECT, related_name="keputusan")
    wilayah = models.ForeignKey(
        Wilayah, verbose_name=_("desa"), on_delete=models.PROTECT, related_name="+"
    )
    kegiatan = models.CharField(_("kegiatan desa"), max_length=200)
    keputusan = models.CharField(_("keputusan"), max_length=15, choices=Keputusan.choices)
    alasan = models.TextField(_("alasan"))
    diputuskan_oleh = models.CharField(_("diputuskan oleh"), max_length=150)
    tanggal = models.DateField(_("tanggal keputusan"))
    oleh = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("keputusan kegiatan desa")
        verbose_name_plural = _("keputusan kegiatan desa")
        ordering = ["tanggal", "pk"]

    def __str__(self):
        return f"{self.kegiatan}: {self.get_keputusan_display()}"


class Bantuan(models.Model):
    kejadian = models.ForeignKey(Kejadian, on_delete=models.PROTECT, related_name="bantuan")
    wilayah = models.ForeignKey(
        Wilayah, verbose_name=_("desa penerima"), on_delete=models.PROTECT, related_name="+"
    )
    tanggal = models.DateField(_("tanggal diterima"))
    dari = models.CharField(_("dari"), max_length=150)
    wujud = models.CharField(_("bantuan berupa"), max_length=250)
    untuk_jiwa = models.PositiveIntegerField(_("untuk berapa jiwa"), null=True, blank=True)
    untuk_kk = models.PositiveIntegerField(_("untuk berapa KK"), null=True, blank=True)
    oleh = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bantuan diterima")
        verbose_name_plural = _("bantuan diterima")
        ordering = ["tanggal", "pk"]

    def __str__(self):
        return f"{self.dari}: {self.wujud}"


class LaporanVersi(models.Model):
    """One version of the report sent to the ministry (version 1 = the first report). ``isi`` is
    the payload exactly as sent."""

    kejadian = models.ForeignKey(Kejadian, on_delete=models.PROTECT, related_name="laporan")
    nomor = models.PositiveIntegerField(_("versi"))
    pemicu = models.CharField(_("alasan versi"), max_length=250)
    isi = models.JSONField(_("isi laporan"))
    dikirim_oleh = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(_("dikirim"), default=timezone.now)

    class Meta:
        verbose_name = _("versi laporan kementerian")
        verbose_name_plural = _("versi laporan kementerian")
        ordering = ["nomor"]
        constraints = [
            models.UniqueConstraint(fields=["kejadian", "nomor"], name="laporan_versi_unik")
        ]

    def __str__(self):
        return f"{self.kejadian_id} v{self.nomor}"

    @property
    def kunci(self) -> str:
        """The outbox idempotency key of this version."""
        return f"bencana:{self.kejadian_id}:v{self.nomor}"


class KegiatanKejadian(models.Model):
    """A daily-log entry (duty 9: the facilitator's own response work) linked to an incident."""

    kegiatan = models.OneToOneField(
        Kegiatan, on_delete=models.CASCADE, related_name="tautan_bencana"
    )
    kejadian = models.ForeignKey(Kejadian, on_delete=models.PROTECT, related_name="tautan_kegiatan")
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kegiatan tanggap bencana")
        verbose_name_plural = _("kegiatan tanggap bencana")

    def __str__(self):
        return f"{self.kegiatan_id} → {self.kejadian_id}"
