"""Forums and community centres, the community elements their members represent, and the
forum's status flow (``Forum.alur``; every move a ``RiwayatStatusForum``)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pendampingan.inti.alur import Alur, PeristiwaStatusDasar
from pendampingan.inti.sekali import KunciSekaliModel
from pendampingan.models import Pendamping, Wilayah
from pendampingan.scope import RegionScopedQuerySet


# ------------------------------------------------------------------------------ reference
class UnsurMasyarakat(models.Model):
    """A community element that should take part (DOMAIN.md C.3) — a seeded, admin-editable list."""

    kode = models.SlugField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama"), max_length=80, unique=True)
    # C3 of Kepmendes PDTT 40/2021 names these elements (migration 0006).
    butir = models.ForeignKey(
        "pendampingan.Butir",
        verbose_name=_("butir regulasi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="unsur_masyarakat",
    )
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


# The pengorganisasian step (butir kode of the current regulation) each kind of forum is: a
# meeting of the forum tags its entry with it (``forum.butir``). Checked against the butir table by
# ``tests/forum/test_butir.py``.
BUTIR_JENIS_FORUM = {
    JenisForum.PUSAT_KEMASYARAKATAN: "C1",
    JenisForum.FORUM_MITRA_DESA: "C4",
    JenisForum.KELOMPOK_MASYARAKAT: "C3",
    JenisForum.FORUM_KADER: "C4",
    JenisForum.LAINNYA: "C7",
}


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
    diubah = models.DateTimeField(_("diubah"), auto_now=True)
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
