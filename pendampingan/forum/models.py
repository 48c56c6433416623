"""Pengorganisasian as records: forums and community centres, their members (with the community
element each represents), the village facilities they use, their meetings (a daily-log entry with
attendance, minutes and decisions) and their activities.

Every row belongs to a region through its forum (``Forum.wilayah``) or directly (``Sarana.wilayah``);
each QuerySet subclasses ``RegionScopedQuerySet`` so ``visible_to(user)`` is the only door — the
status events included.

A forum's status moves along ``PERPINDAHAN_STATUS`` (``Forum.alur``) through ``inti.alur.pindah_status``
only; each move is a ``RiwayatStatusForum``. Every record a form creates carries its one-time key
(``KunciSekaliModel``).
"""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pendampingan.inti.alur import Alur, PeristiwaStatusDasar
from pendampingan.inti.sekali import KunciSekaliModel
from pendampingan.models import Kegiatan, Pendamping, TindakLanjut, Wilayah
from pendampingan.scope import RegionScopedQuerySet


# ------------------------------------------------------------------------------ reference
class UnsurMasyarakat(models.Model):
    """A community element that should take part (DOMAIN.md C.3) — a seeded, admin-editable list."""

    kode = models.SlugField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama"), max_length=80, unique=True)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=50)
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("unsur masyarakat")
        verbose_name_plural = _("unsur masyarakat")
        ordering = ["urutan", "nama"]

    def __str__(self):
        return self.nama


# ---------------------------------------------------------------------------------- forum
class JenisForum(models.TextChoices):
    PUSAT_KEMASYARAKATAN = "pusat_kemasyarakatan", _("Pusat kemasyarakatan")
    FORUM_MITRA_DESA = "forum_mitra_desa", _("Forum mitra desa")
    KELOMPOK_MASYARAKAT = "kelompok_masyarakat", _("Kelompok masyarakat")
    FORUM_KADER = "forum_kader", _("Forum kader")
    LAINNYA = "lainnya", _("Lainnya")


class StatusForum(models.TextChoices):
    AKTIF = "aktif", _("Aktif")
    VAKUM = "vakum", _("Vakum (tidak aktif)")
    BUBAR = "bubar", _("Bubar")


# The allowed status moves. A dissolved forum stays dissolved (form a new one instead).
PERPINDAHAN_STATUS = {
    StatusForum.AKTIF: {StatusForum.VAKUM, StatusForum.BUBAR},
    StatusForum.VAKUM: {StatusForum.AKTIF, StatusForum.BUBAR},
    StatusForum.BUBAR: set(),
}


class ForumQuerySet(RegionScopedQuerySet):
    def aktif(self):
        return self.filter(status=StatusForum.AKTIF)


class Forum(KunciSekaliModel):
    """A forum or community centre of a desa, or a centre at kecamatan/kabupaten level."""

    nama = models.CharField(_("nama forum"), max_length=200)
    jenis = models.CharField(_("jenis"), max_length=30, choices=JenisForum.choices, db_index=True)
    wilayah = models.ForeignKey(
        Wilayah,
        verbose_name=_("wilayah"),
        on_delete=models.PROTECT,
        related_name="forum",
        help_text=_("Desa, atau kecamatan/kabupaten untuk pusat kemasyarakatan antardesa."),
    )
    tanggal_dibentuk = models.DateField(_("tanggal dibentuk"))
    dasar_hukum = models.CharField(
        _("dasar hukum"),
        max_length=200,
        blank=True,
        help_text=_("Mis. SK Kepala Desa Nomor 12 Tahun 2026."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=StatusForum.choices,
        default=StatusForum.AKTIF,
        db_index=True,
    )
    pendamping = models.ForeignKey(
        Pendamping,
        verbose_name=_("pendamping yang mengikuti"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_diikuti",
    )
    keterangan = models.TextField(_("keterangan"), blank=True)
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    history = HistoricalRecords()

    objects = ForumQuerySet.as_manager()
    alur = Alur(peta=PERPINDAHAN_STATUS, peristiwa="forum.RiwayatStatusForum", fk="forum")

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forum")
        ordering = ["wilayah_id", "nama"]
        indexes = [models.Index(fields=["wilayah", "jenis", "status"])]

    def __str__(self):
        return self.nama

    def get_absolute_url(self):
        return reverse("forum:forum-detail", args=[self.pk])


class RiwayatStatusForumQuerySet(RegionScopedQuerySet):
    kode_lookup = "forum__wilayah__kode"


class RiwayatStatusForum(PeristiwaStatusDasar):
    """One status move of a forum (from, to, who, when, why), written by ``pindah_status``."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="riwayat_status")
    # the base's fields, with the forum's statuses as choices (labels on the history)
    dari = models.CharField(_("dari"), max_length=20, choices=StatusForum.choices, blank=True)
    ke = models.CharField(_("ke"), max_length=20, choices=StatusForum.choices)

    objects = RiwayatStatusForumQuerySet.as_manager()

    class Meta(PeristiwaStatusDasar.Meta):
        verbose_name = _("riwayat status forum")
        verbose_name_plural = _("riwayat status forum")


# -------------------------------------------------------------------------------- members
class JenisKelamin(models.TextChoices):
    LAKI_LAKI = "L", _("Laki-laki")
    PEREMPUAN = "P", _("Perempuan")


class AnggotaQuerySet(RegionScopedQuerySet):
    kode_lookup = "forum__wilayah__kode"

    def aktif_pada(self, tanggal):
        return self.filter(Q(tanggal_masuk__isnull=True) | Q(tanggal_masuk__lte=tanggal)).filter(
            Q(tanggal_keluar__isnull=True) | Q(tanggal_keluar__gte=tanggal)
        )


class Anggota(KunciSekaliModel):
    """A member of a forum and the community element they represent."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="anggota")
    nama = models.CharField(_("nama"), max_length=150)
    jenis_kelamin = models.CharField(_("jenis kelamin"), max_length=1, choices=JenisKelamin.choices)
    unsur = models.ForeignKey(
        UnsurMasyarakat,
        verbose_name=_("unsur yang diwakili"),
        on_delete=models.PROTECT,
        related_name="anggota",
    )
    peran = models.CharField(
        _("peran di forum"), max_length=80, blank=True, help_text=_("Mis. ketua, sekretaris.")
    )
    kontak = models.CharField(
        _("kontak"),
        max_length=120,
        blank=True,
        help_text=_("Telepon/WA. Hanya tampil bagi pengguna di wilayah forum ini."),
    )
    tanggal_masuk = models.DateField(_("tanggal masuk"), null=True, blank=True)
    tanggal_keluar = models.DateField(_("tanggal keluar"), null=True, blank=True)
    history = HistoricalRecords()

    objects = AnggotaQuerySet.as_manager()

    class Meta:
        verbose_name = _("anggota forum")
        verbose_name_plural = _("anggota forum")
        ordering = ["nama"]
        constraints = [
            models.UniqueConstraint(
                "forum",
                Lower("nama"),
                name="forum_anggota_unik_per_forum",
                violation_error_message=_("Orang dengan nama ini sudah menjadi anggota forum."),
            ),
            models.CheckConstraint(
                condition=Q(tanggal_keluar__isnull=True)
                | Q(tanggal_masuk__isnull=True)
                | Q(tanggal_keluar__gte=models.F("tanggal_masuk")),
                name="forum_anggota_keluar_setelah_masuk",
                violation_error_message=_("Tanggal keluar tidak boleh sebelum tanggal masuk."),
            ),
        ]

    def __str__(self):
        return self.nama

    def get_absolute_url(self):
        return reverse("forum:forum-detail", args=[self.forum_id])

    @property
    def masih_aktif(self) -> bool:
        return self.tanggal_keluar is None or self.tanggal_keluar >= timezone.localdate()


# ----------------------------------------------------------------------------- facilities
class JenisSarana(models.TextChoices):
    BALAI_DESA = "balai_desa", _("Balai desa")
    GEDUNG_OLAH_RAGA = "gedung_olah_raga", _("Gedung olah raga")
    GEDUNG_PERTEMUAN = "gedung_pertemuan", _("Gedung pertemuan")
    LAPANGAN = "lapangan", _("Lapangan olah raga")
    TAMAN = "taman", _("Taman")
    LAINNYA = "lainnya", _("Lainnya")


class KondisiSarana(models.TextChoices):
    BAIK = "baik", _("Baik")
    RUSAK_RINGAN = "rusak_ringan", _("Rusak ringan")
    RUSAK_BERAT = "rusak_berat", _("Rusak berat")


class SaranaQuerySet(RegionScopedQuerySet):
    pass


class Sarana(KunciSekaliModel):
    """A village facility that forums may use (DOMAIN.md C.2)."""

    wilayah = models.ForeignKey(
        Wilayah, verbose_name=_("desa"), on_delete=models.PROTECT, related_name="sarana"
    )
    jenis = models.CharField(_("jenis"), max_length=20, choices=JenisSarana.choices)
    nama = models.CharField(_("nama"), max_length=150)
    kondisi = models.CharField(
        _("kondisi"), max_length=15, choices=KondisiSarana.choices, default=KondisiSarana.BAIK
    )
    kapasitas = models.PositiveIntegerField(_("kapasitas (orang)"), null=True, blank=True)
    keterangan = models.CharField(_("keterangan"), max_length=250, blank=True)
    history = HistoricalRecords()

    objects = SaranaQuerySet.as_manager()

    class Meta:
        verbose_name = _("sarana desa")
        verbose_name_plural = _("sarana desa")
        ordering = ["wilayah_id", "jenis", "nama"]
        constraints = [
            models.UniqueConstraint(
                "wilayah",
                Lower("nama"),
                name="forum_sarana_unik_per_desa",
                violation_error_message=_("Sarana dengan nama ini sudah ada di desa tersebut."),
            )
        ]

    def __str__(self):
        return f"{self.nama} ({self.get_jenis_display()})"

    def get_absolute_url(self):
        return f"{reverse('forum:sarana-list')}?desa={self.wilayah_id}"


# ------------------------------------------------------------------------------- meetings
class PertemuanQuerySet(RegionScopedQuerySet):
    kode_lookup = "forum__wilayah__kode"


class Pertemuan(KunciSekaliModel):
    """A meeting of a forum: a daily-log entry (tata cara pengorganisasian) with the place, the
    attendance, the minutes and the decisions."""

    kegiatan = models.OneToOneField(
        Kegiatan, on_delete=models.CASCADE, related_name="pertemuan_forum"
    )
    forum = models.ForeignKey(Forum, on_delete=models.PROTECT, related_name="pertemuan")
    sarana = models.ForeignKey(
        Sarana,
        verbose_name=_("sarana"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pertemuan",
    )
    tempat_lain = models.CharField(
        _("tempat lain"),
        max_length=150,
        blank=True,
        help_text=_("Isi bila pertemuan tidak di sarana desa yang terdaftar."),
    )
    hadir = models.ManyToManyField(
        Anggota, verbose_name=_("anggota yang hadir"), blank=True, related_name="pertemuan_dihadiri"
    )
    tamu_laki = models.PositiveIntegerField(_("tamu laki-laki"), default=0)
    tamu_perempuan = models.PositiveIntegerField(_("tamu perempuan"), default=0)
    tamu_disabilitas = models.PositiveIntegerField(_("tamu penyandang disabilitas"), default=0)
    tamu_lansia = models.PositiveIntegerField(_("tamu lanjut usia"), default=0)
    tamu_miskin = models.PositiveIntegerField(_("tamu dari keluarga miskin"), default=0)
    notulen = models.TextField(_("notulen"), blank=True)
    history = HistoricalRecords(m2m_fields=[hadir])

    objects = PertemuanQuerySet.as_manager()

    class Meta:
        verbose_name = _("pertemuan forum")
        verbose_name_plural = _("pertemuan forum")
        ordering = ["-kegiatan__tanggal", "-pk"]

    def __str__(self):
        return f"{self.forum} · {self.kegiatan.tanggal:%d-%m-%Y}"

    def get_absolute_url(self):
        return reverse("forum:pertemuan-detail", args=[self.pk])

    @property
    def jumlah_tamu(self) -> int:
        return self.tamu_laki + self.tamu_perempuan


class KeputusanQuerySet(RegionScopedQuerySet):
    kode_lookup = "pertemuan__forum__wilayah__kode"


class Keputusan(KunciSekaliModel):
    """A decision taken at a meeting; it may become a follow-up action (``TindakLanjut``)."""

    pertemuan = models.ForeignKey(Pertemuan, on_delete=models.CASCADE, related_name="keputusan")
    isi = models.TextField(_("keputusan"))
    tindak_lanjut = models.OneToOneField(
        TindakLanjut,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="keputusan_forum",
    )
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    history = HistoricalRecords()

    objects = KeputusanQuerySet.as_manager()

    class Meta:
        verbose_name = _("keputusan forum")
        verbose_name_plural = _("keputusan forum")
        ordering = ["pk"]

    def __str__(self):
        return self.isi[:80]

    def get_absolute_url(self):
        return reverse("forum:pertemuan-detail", args=[self.pertemuan_id])


# ----------------------------------------------------------------------------- activities
class JenisAktivitas(models.TextChoices):
    PENGABDIAN = "pengabdian", _("Pengabdian masyarakat")
    KEMITRAAN_UMKM = "kemitraan_umkm", _("Kemitraan dan pemberdayaan UMKM")
    STRATEGIS = "strategis", _("Kegiatan strategis lainnya")


class BidangPengabdian(models.TextChoices):
    AGAMA = "agama", _("Keagamaan")
    ILMU = "ilmu", _("Ilmu pengetahuan")
    TTG = "ttg", _("Teknologi tepat guna")
    SENI = "seni", _("Seni budaya")


class AktivitasForumQuerySet(RegionScopedQuerySet):
    kode_lookup = "forum__wilayah__kode"


class AktivitasForum(KunciSekaliModel):
    """An activity the forum carried out (DOMAIN.md C.5–7), recorded as a daily-log entry."""

    kegiatan = models.OneToOneField(
        Kegiatan, on_delete=models.CASCADE, related_name="aktivitas_forum"
    )
    forum = models.ForeignKey(Forum, on_delete=models.PROTECT, related_name="aktivitas")
    jenis = models.CharField(_("jenis aktivitas"), max_length=20, choices=JenisAktivitas.choices)
    bidang = models.CharField(
        _("bidang pengabdian"), max_length=10, choices=BidangPengabdian.choices, blank=True
    )
    umkm = models.TextField(
        _("UMKM yang terlibat"), blank=True, help_text=_("Satu usaha per baris.")
    )
    kesepakatan = models.TextField(_("yang disepakati"), blank=True)
    history = HistoricalRecords()

    objects = AktivitasForumQuerySet.as_manager()

    class Meta:
        verbose_name = _("aktivitas forum")
        verbose_name_plural = _("aktivitas forum")
        ordering = ["-kegiatan__tanggal", "-pk"]

    def __str__(self):
        return f"{self.get_jenis_display()} · {self.forum}"

    def get_absolute_url(self):
        return reverse("forum:forum-detail", args=[self.forum_id])
