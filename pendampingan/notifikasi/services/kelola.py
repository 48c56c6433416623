"""The status moves of messages outside a delivery attempt: an admin re-queues or cancels them,
the sweep re-queues what was left behind. Each single move goes through ``inti.alur.pindah_status``
along ``Pesan.alur`` (the row locked, the map checked, the event written)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.inti.akses import pastikan
from pendampingan.inti.alur import PindahDitolak, kunci_baris, pindah_status

from ..akses import boleh_kelola_pesan
from ..models import Pesan, Saluran, StatusPesan
from ..sewa import sewa_habis
from .kirim import antrekan


@dataclass
class HasilTindakan:
    """What an admin's action on a set of messages did: the ids moved (or queued), and the
    refusals (``PindahDitolak`` messages, one per message that was not moved)."""

    ids: list[int] = field(default_factory=list)
    ditolak: list[str] = field(default_factory=list)


def _pindah_banyak(*, pesan_ids, ke: str, oleh, catatan: str, ubah=None) -> HasilTindakan:
    """Move each selected (not in-app) message to ``ke`` as ``oleh``, each through
    ``pindah_status`` from the status it has now (read here): a message moved by somebody else in
    between is refused with who did it, never moved twice. A message being sent (``dikirim``) is
    left to its worker."""
    hasil = HasilTindakan()
    terpilih = (
        Pesan.objects.filter(pk__in=list(pesan_ids))
        .exclude(saluran=Saluran.IN_APP)
        .order_by("pk")
        .values_list("pk", "status")
    )
    for pk, dari in terpilih:
        if dari == StatusPesan.DIKIRIM:
            hasil.ditolak.append(
                _("Pesan #%(pk)s sedang dikirim; statusnya tidak diubah.") % {"pk": pk}
            )
            continue
        try:
            ev = pindah_status(
                Pesan(pk=pk, status=dari),
                ke=ke,
                dari=dari,
                oleh=oleh,
                catatan=catatan,
                ubah=ubah,
            )
        except PindahDitolak as e:
            hasil.ditolak.append(f"#{pk}: {' '.join(e.messages)}")
            continue
        if ev is not None or ke == StatusPesan.ANTRE:  # already waiting: queued again below
            hasil.ids.append(pk)
    return hasil


@transaction.atomic
def pesan_kirim_ulang(*, pesan_ids: Iterable[int], oleh) -> HasilTindakan:
    """Put failed, cancelled or waiting messages back in the queue now ("kirim ulang sekarang" in
    admin). Delivered messages and messages being sent are left alone. ``.ids`` were queued."""
    pastikan(boleh_kelola_pesan(oleh), _("Anda tidak berhak mengirim ulang pesan."))
    hasil = _pindah_banyak(
        pesan_ids=pesan_ids,
        ke=StatusPesan.ANTRE,
        oleh=oleh,
        catatan=_("Kirim ulang sekarang (admin)."),
        ubah={"coba_lagi_pada": None},
    )
    if hasil.ids:
        ids = list(hasil.ids)
        transaction.on_commit(lambda: antrekan(ids))
    return hasil


@transaction.atomic
def pesan_batalkan(*, pesan_ids: Iterable[int], oleh, alasan: str = "") -> HasilTindakan:
    """Cancel messages that are waiting, due again or failed (an admin dealt with them otherwise):
    they are not sent and leave the "perlu perhatian" filter. ``.ids`` were cancelled."""
    pastikan(boleh_kelola_pesan(oleh), _("Anda tidak berhak membatalkan pesan."))
    return _pindah_banyak(
        pesan_ids=pesan_ids,
        ke=StatusPesan.DIBATALKAN,
        oleh=oleh,
        catatan=alasan or _("Dibatalkan oleh admin."),
        ubah={"coba_lagi_pada": None},
    )


def _klaim_basi_kembalikan(pk: int) -> bool:
    """Put a claim whose lease ran out (its worker stopped renewing it) back in the queue; False
    if, locked, its lease is live again (its worker renewed it) or the row moved on."""
    with transaction.atomic():
        baris = kunci_baris(Pesan(pk=pk))
        if (
            not Pesan.objects.filter(pk=pk, status=StatusPesan.DIKIRIM)
            .filter(sewa_habis())
            .exists()
        ):
            return False
        pindah_status(
            baris,
            ke=StatusPesan.ANTRE,
            dari=StatusPesan.DIKIRIM,
            ubah={"token_klaim": "", "diklaim_pada": None, "sewa_sampai": None},
            catatan=_(
                "Sewa klaim habis (pekerja berhenti saat mengirim?); dikembalikan ke antrean."
            ),
        )
        return True


def pesan_sapu(*, batas: int | None = None) -> list[int]:
    """Re-queue what is left behind; run every ``NOTIFIKASI_SAPU_DETIK`` by beat
    (``sapu_pesan_task``). Returns the ids handed to Celery.

    - claims whose lease ran out (the worker died mid-send): put back to ``antre`` first, the dead
      claim's token cleared, so that worker can no longer record a result;
    - rows still ``antre`` after ``NOTIFIKASI_ANTRE_TENGGANG_DETIK`` (the broker was down at commit
      time, or lost the task);
    - ``gagal_sementara`` rows whose time has come.

    Cheap at any outbox size: three index range scans (the partial indexes ``pesan_sewa_sapu`` and
    ``pesan_antre_sapu`` hold only rows being sent or waiting; ``pesan_status_jatuh_tempo``), at
    most ``batas`` (``NOTIFIKASI_SAPU_BATAS``) rows in all, the oldest first; the rest wait for the
    next sweep. A row handed twice is harmless: the claim lets one task send it."""
    batas = settings.NOTIFIKASI_SAPU_BATAS if batas is None else batas
    sekarang = timezone.now()
    tenggang = sekarang - timezone.timedelta(seconds=settings.NOTIFIKASI_ANTRE_TENGGANG_DETIK)
    basi = list(
        Pesan.objects.filter(status=StatusPesan.DIKIRIM)
        .filter(sewa_habis())
        .order_by("sewa_sampai")
        .values_list("pk", flat=True)[:batas]
    )
    # (one put back now has a fresh ``diubah``: the next query does not hand it a second time)
    ids = [pk for pk in basi if _klaim_basi_kembalikan(pk)]
    sisa = batas - len(basi)
    if sisa > 0:
        antre = list(
            Pesan.objects.filter(status=StatusPesan.ANTRE, diubah__lt=tenggang)
            .order_by("diubah")
            .values_list("pk", flat=True)[:sisa]
        )
        ids += antre
        sisa -= len(antre)
    if sisa > 0:
        ids += list(
            Pesan.objects.filter(status=StatusPesan.GAGAL_SEMENTARA, coba_lagi_pada__lte=sekarang)
            .order_by("coba_lagi_pada")
            .values_list("pk", flat=True)[:sisa]
        )
    if ids:
        antrekan(ids)
    return ids
