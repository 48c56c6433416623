"""Every write of the outbox. ``notifikasi_kirim`` is the one door other apps use to send.

* ``kirim`` — the rows of an event, written in the caller's transaction and handed to Celery after
  commit; the supervisors' notice of a message that failed for good;
* ``kelola`` — an admin's "kirim ulang sekarang" and "batalkan", and the sweep;
* ``baca`` — a user marks their in-app messages read;
* ``tarik`` — the messages about a record withdrawn from users who may no longer see it.

A message's status changes only through ``inti.alur.pindah_status`` along ``Pesan.alur`` (the
worker's claim in ``pengiriman`` keeps its own locking query but checks the same map and writes the
same event rows).
"""

from .baca import pesan_tandai_dibaca
from .kelola import HasilTindakan, pesan_batalkan, pesan_kirim_ulang, pesan_sapu
from .kirim import antrekan, notifikasi_kirim, pengawas_beri_tahu_gagal
from .tarik import penerima_pesan, pesan_tarik

__all__ = [
    "HasilTindakan",
    "antrekan",
    "notifikasi_kirim",
    "penerima_pesan",
    "pengawas_beri_tahu_gagal",
    "pesan_batalkan",
    "pesan_kirim_ulang",
    "pesan_sapu",
    "pesan_tandai_dibaca",
    "pesan_tarik",
]
