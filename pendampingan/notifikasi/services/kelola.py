"""The status moves of messages outside a delivery attempt: an admin re-queues or cancels them,
the sweep re-queues what was left behind. Each single move goes through ``inti.alur.pindah_status``
along ``Pesan.alur`` (the row locked, the map checked, the event written)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.inti.akses import pastikan
from pendampingan.inti.alur import PindahDitolak, kunci_baris, pindah_status

from ..akses import boleh_kelola_pesan
from ..models import Pesan, Saluran, StatusPesan
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


def _klaim_basi_kembalikan(pk: int, klaim_basi) -> bool:
    """Put a stale claim (its worker died mid-send) back in the queue; False if it is no longer
    stale when locked (its worker finished, or another took it over)."""
    with transaction.atomic():
        baris = kunci_baris(Pesan(pk=pk))
        if baris.status != StatusPesan.DIKIRIM or not (
            baris.diklaim_pada and baris.diklaim_pada < klaim_basi
        ):
            return False
        pindah_status(
            baris,
            ke=StatusPesan.ANTRE,
            dari=StatusPesan.DIKIRIM,
            ubah={"token_klaim": "", "diklaim_pada": None},
            catatan=_("Klaim basi (pekerja berhenti saat mengirim?) dikembalikan ke antrean."),
        )
        return True


def pesan_sapu(*, batas: int = 500) -> list[int]:
    """Re-queue what is left behind: rows still ``antre`` after a grace period (the broker was
    down at commit time), ``gagal_sementara`` rows whose time has come, and claims older than
    the claim timeout (a worker died mid-send: put back to ``antre`` first, so the dead worker's
    result can no longer be recorded). Run periodically by beat (``sapu_pesan_task``)."""
    sekarang = timezone.now()
    tenggang = sekarang - timezone.timedelta(seconds=settings.NOTIFIKASI_ANTRE_TENGGANG_DETIK)
    klaim_basi = sekarang - timezone.timedelta(seconds=settings.NOTIFIKASI_KLAIM_BATAS_DETIK)
    baris = list(
        Pesan.objects.filter(
            Q(status=StatusPesan.ANTRE, diubah__lt=tenggang)
            | Q(status=StatusPesan.GAGAL_SEMENTARA, coba_lagi_pada__lte=sekarang)
            | Q(status=StatusPesan.DIKIRIM, diklaim_pada__lt=klaim_basi)
        )
        .order_by("dibuat")
        .values_list("pk", "status")[:batas]
    )
    ids = [
        pk
        for pk, status in baris
        if status != StatusPesan.DIKIRIM or _klaim_basi_kembalikan(pk, klaim_basi)
    ]
    if ids:
        antrekan(ids)
    return ids
