"""The lease of a claimed outbox row: how a killed worker's message is sent again within seconds,
and why a worker that lost its claim never records a result over another's.

A claim (``pengiriman._klaim``) sets ``sewa_sampai = now + NOTIFIKASI_SEWA_DETIK``. While the
receiver keeps the worker waiting, the worker renews it every ``NOTIFIKASI_SEWA_PERPANJANG_DETIK``
(``kirim_bersewa``: the network call runs in a helper thread that touches no database; the task's
own thread, with its own connection and transaction state, renews between waits). A lease that ran
out belongs to a worker that stopped renewing — killed, frozen or cut off — and the row may be taken
over (``sewa_habis``): by the sweep, which puts it back in the queue, or by a worker handed the id.

Every time in a lease is the **database's** clock (``Now()``), never the worker's: workers on other
machines whose clocks disagree by seconds still agree on who holds a 10-second lease.

A renewal is a compare-and-set on (status, claim token): when it changes no row, the claim is gone
(the sweep put it back, another worker took it over) and the worker stops waiting at once — it does
not record a result (the token check in ``pengiriman._catat`` refuses that too) and leaves the row to
its new holder. A send already on the wire cannot be called back: the receiver may get the message
from both workers, with the same ``Idempotency-Key``; that is the at-least-once repeat a receiver
must drop (docs/notifikasi.md).

A row claimed by a worker of the version before the lease (during an upgrade) has no lease; it is
taken over once its claim is older than the task's hard time limit (``NOTIFIKASI_TUGAS_BATAS_DETIK``),
after which no worker can still be sending it.
"""

from __future__ import annotations

import datetime
import logging
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Q
from django.db.models.functions import Now
from django.utils import timezone

from .models import Pesan, StatusPesan

log = logging.getLogger(__name__)


class KlaimHilang(Exception):
    """The claim was taken from this worker while it was sending (its lease had run out)."""


def sewa_baru():
    """The expression of a fresh lease: the database's now + ``NOTIFIKASI_SEWA_DETIK``."""
    return Now() + datetime.timedelta(seconds=settings.NOTIFIKASI_SEWA_DETIK)


def sewa_habis() -> Q:
    """The rows (``dikirim``) whose lease ran out, by the database's clock — or, claimed before
    the lease existed, whose claim is older than the task's hard time limit."""
    lama = timezone.now() - datetime.timedelta(seconds=settings.NOTIFIKASI_TUGAS_BATAS_DETIK)
    return Q(sewa_sampai__lt=Now()) | Q(sewa_sampai__isnull=True, diklaim_pada__lt=lama)


def sewa_perpanjang(pesan: Pesan) -> bool | None:
    """Renew the lease of our claim on ``pesan``. True: renewed; False: the claim is no longer
    ours; None: the database could not be asked (try again at the next beat — the lease may run
    out meanwhile, and then the token check decides)."""
    try:
        n = Pesan.objects.filter(
            pk=pesan.pk, status=StatusPesan.DIKIRIM, token_klaim=pesan.token_klaim
        ).update(sewa_sampai=sewa_baru())
    except DatabaseError:
        log.warning("Sewa klaim pesan %s tidak bisa diperpanjang", pesan.pk, exc_info=True)
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()
        return None
    return n == 1


def kirim_bersewa(pesan: Pesan, kirim: Callable[[Pesan], int | None]) -> int | None:
    """``kirim(pesan)`` (network only, no database) in a helper thread, renewing the lease in
    this thread every ``NOTIFIKASI_SEWA_PERPANJANG_DETIK`` while it runs. Returns what ``kirim``
    returned or raises what it raised; raises ``KlaimHilang`` as soon as a renewal finds the claim
    taken (the helper thread is left to end on its own timeouts; its result is not used)."""
    hasil: dict = {}

    def jalan():
        try:
            hasil["nilai"] = kirim(pesan)
        except BaseException as e:  # handed to the task's thread, which raises it
            hasil["galat"] = e

    t = threading.Thread(target=jalan, name=f"kirim-pesan-{pesan.pk}", daemon=True)
    mulai = time.monotonic()
    t.start()
    jeda = settings.NOTIFIKASI_SEWA_PERPANJANG_DETIK
    while True:
        t.join(jeda)
        if not t.is_alive():
            break
        if sewa_perpanjang(pesan) is False:
            log.warning(
                "Klaim pesan %s hilang setelah %.1f s mengirim (sewa habis, diambil pekerja lain); "
                "pengiriman ini tidak dicatat.",
                pesan.pk,
                time.monotonic() - mulai,
            )
            raise KlaimHilang(pesan.pk)
    if "galat" in hasil:
        raise hasil["galat"]
    return hasil.get("nilai")
