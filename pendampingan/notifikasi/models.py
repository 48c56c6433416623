"""The outbox: every message the system sends is first a row here, written in the same transaction
as the event that causes it, then delivered after commit by a Celery task (``tasks.py``).

A row's status moves only along ``ALUR_PESAN`` (``Pesan.alur``, the shared ``inti.alur``):
``antre`` → ``dikirim`` (claimed by one worker, on a lease it renews while it sends) →
``terkirim`` | ``gagal_sementara`` (due again at ``coba_lagi_pada``) | ``gagal`` (for good); an
admin may put a failed or waiting row back in the queue or cancel it (``dibatalkan``). Every move writes a ``PeristiwaPesan`` row (from, to, who,
when, note) in the same transaction; every delivery attempt also leaves a ``PercobaanKirim`` row
(when, how long, the result, the HTTP code, the error, the worker).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from pendampingan.inti.alur import Alur, PeristiwaStatusDasar
from pendampingan.models import Tingkat
from pendampingan.scope import RegionScopedQuerySet

from .pagar import validasi_url_webhook


class Saluran(models.TextChoices):
    IN_APP = "in_app", _("Dalam aplikasi")
    EMAIL = "email", _("Email")
    WEBHOOK = "webhook", _("Webhook")


class StatusPesan(models.TextChoices):
    ANTRE = "antre", _("Antre")
    DIKIRIM = "dikirim", _("Sedang dikirim")
    TERKIRIM = "terkirim", _("Terkirim")
    GAGAL_SEMENTARA = "gagal_sementara", _("Gagal sementara")
    GAGAL = "gagal", _("Gagal")
    DIBATALKAN = "dibatalkan", _("Dibatalkan")


# The allowed moves of a message's status (``Pesan.alur``; anything else is refused).
ALUR_PESAN: dict[str, set[str]] = {
    StatusPesan.ANTRE: {StatusPesan.DIKIRIM, StatusPesan.DIBATALKAN},
    StatusPesan.DIKIRIM: {
        StatusPesan.TERKIRIM,
        StatusPesan.GAGAL_SEMENTARA,
        StatusPesan.GAGAL,
        StatusPesan.DIKIRIM,  # a stale claim (the worker died) taken over by another worker
        StatusPesan.ANTRE,  # a stale claim put back in the queue by the sweep
    },
    # due again: claimed by a worker, or put back in the queue / cancelled by an admin
    StatusPesan.GAGAL_SEMENTARA: {StatusPesan.DIKIRIM, StatusPesan.ANTRE, StatusPesan.DIBATALKAN},
    # "kirim ulang sekarang" by an admin, or cancelled (dealt with otherwise)
    StatusPesan.GAGAL: {StatusPesan.ANTRE, StatusPesan.DIBATALKAN},
    StatusPesan.DIBATALKAN: {StatusPesan.ANTRE},
    StatusPesan.TERKIRIM: set(),
}

STATUS_BELUM_SELESAI = (StatusPesan.ANTRE, StatusPesan.DIKIRIM, StatusPesan.GAGAL_SEMENTARA)


class JenisPenerima(models.TextChoices):
    EMAIL = "email", _("Alamat email")
    WEBHOOK = "webhook", _("Endpoint webhook")


class PenerimaKementerian(models.Model):
    """A ministry recipient configured in admin: an email address or a webhook endpoint that gets
    the events of some kinds (``peristiwa``) at some region levels (``tingkat``)."""

    nama = models.CharField(_("nama"), max_length=150)
    jenis = models.CharField(_("jenis"), max_length=10, choices=JenisPenerima.choices)
    alamat_email = models.EmailField(_("alamat email"), blank=True)
    url = models.URLField(
        _("URL endpoint"),
        max_length=500,
        blank=True,
        validators=[validasi_url_webhook],
        help_text=_(
            "Harus mengarah ke alamat publik (bukan loopback, link-local, jaringan privat, "
            "multicast atau cadangan), kecuali host yang diizinkan di WEBHOOK_HOST_DIIZINKAN."
        ),
    )
    rahasia = models.CharField(
        _("rahasia HMAC"),
        max_length=200,
        blank=True,
        help_text=_(
            "Kunci rahasia untuk tanda tangan X-Pendampingan-Signature (HMAC-SHA256 atas "
            "waktu.badan) webhook ini."
        ),
    )
    peristiwa = models.TextField(
        _("jenis peristiwa"),
        blank=True,
        help_text=_(
            "Satu per baris, mis. 'bencana.dilaporkan' atau 'bencana.*'. Kosong = semua peristiwa."
        ),
    )
    tingkat = models.CharField(
        _("tingkat wilayah"),
        max_length=10,
        choices=Tingkat.choices,
        blank=True,
        help_text=_("Hanya peristiwa di wilayah tingkat ini. Kosong = semua tingkat."),
    )
    aktif = models.BooleanField(_("aktif"), default=True)
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("penerima kementerian")
        verbose_name_plural = _("penerima kementerian")
        ordering = ["nama"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(jenis="email") & ~models.Q(alamat_email=""))
                | (models.Q(jenis="webhook") & ~models.Q(url="")),
                name="penerima_kementerian_alamat_sesuai_jenis",
                violation_error_message=_(
                    "Isi alamat email (jenis email) atau URL (jenis webhook)."
                ),
            )
        ]

    def __str__(self):
        return f"{self.nama} ({self.tujuan})"

    @property
    def tujuan(self) -> str:
        return self.alamat_email if self.jenis == JenisPenerima.EMAIL else self.url

    def daftar_peristiwa(self) -> list[str]:
        return [p.strip() for p in self.peristiwa.splitlines() if p.strip()]

    def cocok(self, peristiwa: str, tingkat: str) -> bool:
        """Does this recipient take ``peristiwa`` at region level ``tingkat``?"""
        if self.tingkat and self.tingkat != tingkat:
            return False
        pola = self.daftar_peristiwa()
        if not pola:
            return True
        for p in pola:
            if p == peristiwa or (p.endswith("*") and peristiwa.startswith(p[:-1])):
                return True
        return False


class PesanQuerySet(RegionScopedQuerySet):
    def untuk_pengguna(self, user):
        """The in-app messages addressed to ``user`` (their bell)."""
        return self.filter(saluran=Saluran.IN_APP, penerima_user=user)

    def belum_dibaca(self):
        return self.filter(dibaca_pada__isnull=True)

    def gagal(self):
        return self.filter(status=StatusPesan.GAGAL)


class Pesan(models.Model):
    """One message to one recipient on one channel (the outbox row)."""

    saluran = models.CharField(_("saluran"), max_length=10, choices=Saluran.choices)
    peristiwa = models.CharField(_("peristiwa"), max_length=80, db_index=True)
    # the recipient: a user (in-app, and email to a user), an address, or an endpoint
    penerima_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna penerima"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="pesan_notifikasi",
    )
    penerima_kementerian = models.ForeignKey(
        PenerimaKementerian,
        verbose_name=_("penerima kementerian"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pesan",
    )
    alamat = models.CharField(
        _("alamat tujuan"), max_length=500, blank=True, help_text=_("Email atau URL webhook.")
    )
    subjek = models.CharField(_("subjek"), max_length=250)
    isi = models.TextField(_("isi"))
    isi_html = models.TextField(_("isi HTML"), blank=True)
    tautan = models.CharField(
        _("tautan"), max_length=500, blank=True, help_text=_("Alamat halaman catatan di situs ini.")
    )
    payload = models.JSONField(_("payload (salinan saat peristiwa)"), default=dict, blank=True)
    # the record the message is about
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    object_id = models.CharField(_("id objek"), max_length=64, blank=True)
    objek = GenericForeignKey("content_type", "object_id")
    wilayah = models.ForeignKey(
        "pendampingan.Wilayah",
        verbose_name=_("wilayah"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    kunci = models.CharField(_("kunci idempotensi"), max_length=255, unique=True)
    status = models.CharField(
        _("status"), max_length=20, choices=StatusPesan.choices, default=StatusPesan.ANTRE
    )
    percobaan = models.PositiveSmallIntegerField(_("jumlah percobaan"), default=0)
    galat_terakhir = models.TextField(_("galat terakhir"), blank=True)
    coba_lagi_pada = models.DateTimeField(_("dicoba lagi pada"), null=True, blank=True)
    diklaim_pada = models.DateTimeField(_("diklaim pada"), null=True, blank=True)
    token_klaim = models.CharField(max_length=32, blank=True, editable=False)
    # the claim's lease (database clock): renewed by the sending worker, taken over once it passed
    sewa_sampai = models.DateTimeField(_("sewa klaim sampai"), null=True, blank=True)
    terkirim_pada = models.DateTimeField(_("terkirim pada"), null=True, blank=True)
    dibaca_pada = models.DateTimeField(_("dibaca pada"), null=True, blank=True)
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True, db_index=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)

    objects = PesanQuerySet.as_manager()

    alur = Alur(peta=ALUR_PESAN, peristiwa="notifikasi.PeristiwaPesan", fk="pesan")

    class Meta:
        verbose_name = _("pesan")
        verbose_name_plural = _("pesan (outbox)")
        ordering = ["-dibuat", "-id"]
        permissions = [
            ("kelola_pesan", _("Dapat mengirim ulang dan membatalkan pesan outbox")),
        ]
        indexes = [
            models.Index(fields=["status", "coba_lagi_pada"], name="pesan_status_jatuh_tempo"),
            models.Index(fields=["content_type", "object_id"], name="pesan_objek"),
            models.Index(fields=["penerima_user", "saluran", "dibaca_pada"], name="pesan_lonceng"),
            # the sweep's scans: only the rows waiting or being sent (a handful), never the
            # delivered millions
            models.Index(
                fields=["diubah"], condition=models.Q(status="antre"), name="pesan_antre_sapu"
            ),
            models.Index(
                fields=["sewa_sampai"], condition=models.Q(status="dikirim"), name="pesan_sewa_sapu"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(saluran="in_app") | models.Q(penerima_user__isnull=False),
                name="pesan_in_app_punya_pengguna",
            ),
        ]

    def __str__(self):
        return f"{self.get_saluran_display()} → {self.penerima_label}: {self.subjek}"

    def get_absolute_url(self) -> str:
        """The page of the record the message is about (a failure notice points there too)."""
        return self.tautan

    @property
    def penerima_label(self) -> str:
        """Who, as shown on the record: a user's name (and address for email), a ministry
        recipient's name (never its endpoint URL, which may carry a token), or the address."""
        if self.penerima_user_id:
            u = self.penerima_user
            nama = getattr(getattr(u, "pendamping", None), "nama", "") or u.get_username()
            return f"{nama} ({self.alamat})" if self.saluran == Saluran.EMAIL else nama
        if self.penerima_kementerian_id and self.penerima_kementerian:
            return self.penerima_kementerian.nama
        return self.alamat

    @property
    def belum_selesai(self) -> bool:
        return self.status in STATUS_BELUM_SELESAI


class HasilPercobaan(models.TextChoices):
    BERJALAN = "berjalan", _("Berjalan / terputus")
    BERHASIL = "berhasil", _("Berhasil")
    SEMENTARA = "sementara", _("Gagal sementara")
    PERMANEN = "permanen", _("Gagal permanen")


class PercobaanKirim(models.Model):
    """One delivery attempt of a message. Written when the row is claimed and completed when the
    attempt ends; one left ``berjalan`` is an attempt whose worker died mid-send. (The status
    moves themselves are ``PeristiwaPesan`` rows.)"""

    pesan = models.ForeignKey(Pesan, on_delete=models.CASCADE, related_name="percobaan_list")
    nomor = models.PositiveSmallIntegerField(_("percobaan ke"))
    mulai = models.DateTimeField(_("mulai"))
    selesai = models.DateTimeField(_("selesai"), null=True, blank=True)
    hasil = models.CharField(
        _("hasil"), max_length=10, choices=HasilPercobaan.choices, default=HasilPercobaan.BERJALAN
    )
    kode_http = models.PositiveSmallIntegerField(_("kode HTTP"), null=True, blank=True)
    galat = models.TextField(_("galat"), blank=True)
    pekerja = models.CharField(_("pekerja"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("percobaan kirim")
        verbose_name_plural = _("percobaan kirim")
        ordering = ["pesan", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["pesan", "nomor"], name="percobaan_kirim_unik"),
        ]

    def __str__(self):
        return f"#{self.nomor} {self.get_hasil_display()}"


class PeristiwaPesan(PeristiwaStatusDasar):
    """One status move of a message (``Pesan.alur``): from, to, who (empty: the worker or the
    sweep), when, note. ``percobaan`` is the attempt number the move belongs to (the claim and its
    result), empty for an admin's or the sweep's move."""

    pesan = models.ForeignKey(Pesan, on_delete=models.CASCADE, related_name="peristiwa_list")
    percobaan = models.PositiveSmallIntegerField(_("percobaan ke"), null=True, blank=True)

    class Meta(PeristiwaStatusDasar.Meta):
        verbose_name = _("peristiwa pesan")
        verbose_name_plural = _("peristiwa pesan")
