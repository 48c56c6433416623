"""A forum's members and the community element each represents."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pendampingan.inti.sekali import KunciSekaliModel
from pendampingan.scope import RegionScopedQuerySet

from .forum import Forum, UnsurMasyarakat


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
    diubah = models.DateTimeField(_("diubah"), auto_now=True)
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
