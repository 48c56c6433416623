"""One pipeline for every file built for a user: exports, a month's ZIP, dashboard and chronology
PDFs.

An app registers a builder once (in its ``AppConfig.ready`` or ``hooks`` module)::

    daftar_pembuat("bulanan.zip", buat_zip)   # buat_zip(unduhan) -> HasilBerkas

A view asks for a file with ``unduhan_minta(user=..., jenis=..., judul=..., parameter=...)`` and
redirects to ``unduhan.get_absolute_url()``: the row is written in the request's transaction, the
task ``unduhan_buat_task`` is queued after commit (a failed hand-off — the broker down — is
handed again by the periodic sweep ``unduhan_sapu``), builds the file as its owner (their scope at run
time), stores it on the private storage and tells the owner it is ready (one in-app notice through
the outbox). With tasks inline (the embedded default) the file is ready when the page is shown;
with a worker, the page refreshes itself until it is. Nothing is built inside the request.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import StatusUnduhan, Unduhan
from .berkas import simpan_berkas
from .sekali import buat_sekali, kunci_dari

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HasilBerkas:
    nama: str  # the file name the user gets
    isi: bytes
    mime: str
    jumlah: int | None = None  # rows or reports in it
    pesan: str = ""


pembuat: dict[str, Callable[[Unduhan], HasilBerkas]] = {}


def daftar_pembuat(jenis: str, fungsi: Callable[[Unduhan], HasilBerkas]) -> None:
    pembuat[jenis] = fungsi


@transaction.atomic
def unduhan_minta_sekali(
    *, user, jenis: str, judul: str, parameter: dict | None = None, kunci_sekali=None
) -> tuple[Unduhan, bool]:
    """Queue a file for ``user``; it is built after commit. With the request form's one-time key
    a repeat (double click, resend) returns ``(first download, False)`` and queues nothing."""
    if jenis not in pembuat:
        raise ValidationError(_("Jenis unduhan tidak dikenal."))
    kunci = kunci_dari(kunci_sekali)

    def buat():
        u = Unduhan.objects.create(
            pengguna=user,
            jenis=jenis,
            judul=judul[:200],
            parameter=dict(parameter or {}),
            kunci_sekali=kunci,
        )
        transaction.on_commit(lambda: unduhan_serahkan(str(u.pk)))
        return u

    u, dibuat = buat_sekali(Unduhan, kunci, buat)
    if not dibuat and u.pengguna_id != user.pk:
        raise ValidationError(_("Kunci pengiriman ini sudah dipakai."))
    return u, dibuat


def unduhan_minta(
    *, user, jenis: str, judul: str, parameter: dict | None = None, kunci_sekali=None
):
    """``unduhan_minta_sekali`` when the caller needs only the download."""
    return unduhan_minta_sekali(
        user=user, jenis=jenis, judul=judul, parameter=parameter, kunci_sekali=kunci_sekali
    )[0]


def unduhan_serahkan(unduhan_id: str) -> bool:
    """Hand a queued download to Celery (inline in the embedded default). If the broker cannot be
    reached the row stays queued for the sweep (``unduhan_sapu``): the request that asked for it
    answers as usual, and the page of the download keeps waiting. Returns whether it was handed."""
    from ..tasks import unduhan_buat_task

    try:
        unduhan_buat_task.apply_async(
            (unduhan_id,),
            retry=True,
            retry_policy={
                "max_retries": 1,
                "interval_start": 0,
                "interval_step": 0.5,
                "interval_max": 0.5,
            },
        )
    except Exception:  # noqa: BLE001 - any broker failure: the sweep hands it again
        log.warning(
            "Unduhan %s belum bisa diserahkan ke Celery (broker mati?); tetap antre dan diserahkan "
            "ulang oleh penyapuan.",
            unduhan_id,
            exc_info=True,
        )
        return False
    return True


def unduhan_sapu(*, batas: int = 200) -> list[str]:
    """Hand again the downloads still queued after ``UNDUHAN_ANTRE_TENGGANG_DETIK``: their
    hand-off failed (the broker was down at commit time) or their task was lost with the broker's
    queue. Building is safe to run twice (only a queued row is built), so a row that is merely
    waiting behind others costs one more no-op task. Run periodically by beat
    (``unduhan_sapu_task``); stops at the first hand-off that fails.

    A download still being built after the task's hard time limit (``CELERY_TASK_TIME_LIMIT``)
    plus the grace lost its worker (killed, or the machine went away): the redelivered task finds
    it ``proses`` and leaves it, so the sweep puts it back in the queue first."""
    sekarang = timezone.now()
    tenggang = sekarang - timezone.timedelta(seconds=settings.UNDUHAN_ANTRE_TENGGANG_DETIK)
    basi = tenggang - timezone.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    Unduhan.objects.filter(
        Q(mulai__lt=basi) | Q(mulai__isnull=True, dibuat__lt=basi), status=StatusUnduhan.PROSES
    ).update(status=StatusUnduhan.ANTRE, mulai=None)
    ids = [
        str(pk)
        for pk in Unduhan.objects.filter(status=StatusUnduhan.ANTRE, dibuat__lt=tenggang)
        .order_by("dibuat")
        .values_list("pk", flat=True)[:batas]
    ]
    diserahkan = []
    for pk in ids:
        if not unduhan_serahkan(pk):
            break
        diserahkan.append(pk)
    return diserahkan


def unduhan_buat(*, unduhan_id) -> Unduhan | None:
    """Build a queued download. Safe to run twice: only a queued row is built; a failure is
    recorded on the row (the user sees it on their downloads page) and logged, never raised."""
    with transaction.atomic():
        u = Unduhan.objects.select_for_update().filter(pk=unduhan_id).first()
        if u is None or u.status != StatusUnduhan.ANTRE:
            return u
        u.status = StatusUnduhan.PROSES
        u.mulai = timezone.now()
        u.save(update_fields=["status", "mulai"])
    try:
        hasil = pembuat[u.jenis](u)
        with transaction.atomic():
            simpan_berkas(u.berkas, hasil.nama, hasil.isi)
            u.nama_berkas = hasil.nama[:200]
            u.mime = hasil.mime
            u.ukuran = len(hasil.isi)
            u.jumlah = hasil.jumlah
            u.pesan = hasil.pesan[:300]
            u.status = StatusUnduhan.SIAP
            u.selesai = timezone.now()
            u.save()
            _beri_tahu(u)
    except (ValidationError, PermissionDenied) as exc:  # a reason the user can read
        log.info("unduhan %s ditolak: %s", unduhan_id, exc)
        alasan = " ".join(getattr(exc, "messages", None) or [str(exc)])
        Unduhan.objects.filter(pk=u.pk).update(
            status=StatusUnduhan.GAGAL,
            pesan=(_("Berkas tidak dapat dibuat: %(e)s") % {"e": alasan})[:300],
            selesai=timezone.now(),
        )
        u.refresh_from_db()
    except Exception as exc:  # noqa: BLE001 - the row must say it failed; the error goes to the log
        log.exception("unduhan %s gagal", unduhan_id)
        Unduhan.objects.filter(pk=u.pk).update(
            status=StatusUnduhan.GAGAL,
            pesan=(_("Gagal membuat berkas: %(e)s") % {"e": type(exc).__name__})[:300],
            selesai=timezone.now(),
        )
        u.refresh_from_db()
    return u


def _beri_tahu(u: Unduhan) -> None:
    """The one "ready" notice: in-app, through the outbox."""
    from ..notifikasi.services import notifikasi_kirim

    notifikasi_kirim(
        peristiwa="unduhan.siap",
        objek=u,
        wilayah_kode="",
        subjek=_("Berkas siap diunduh: %(judul)s") % {"judul": u.judul},
        isi=_("Berkas Anda siap diunduh di %(url)s.")
        % {"url": reverse("pendampingan:unduhan-list")},
        payload={"unduhan_id": str(u.pk)},
        kunci=f"unduhan:{u.pk}",
        pengguna=[u.pengguna],
        email_pengguna=False,
    )
