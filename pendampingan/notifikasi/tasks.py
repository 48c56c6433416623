"""Celery tasks of the outbox: thin wrappers over ``pengiriman`` and ``services``."""

import socket

from celery import shared_task
from django.conf import settings

from . import pengiriman, services


@shared_task(
    acks_late=True,
    time_limit=settings.NOTIFIKASI_TUGAS_BATAS_DETIK,
    soft_time_limit=settings.NOTIFIKASI_TUGAS_BATAS_DETIK - 10,
    ignore_result=True,
)
def kirim_pesan_task(pesan_id: int) -> str:
    """Deliver outbox row ``pesan_id`` (safe to run twice: the row is claimed first)."""
    hasil = pengiriman.pesan_kirim(pesan_id=pesan_id, pekerja=socket.gethostname())
    return hasil.status


@shared_task(ignore_result=True, time_limit=120, soft_time_limit=100)
def sapu_pesan_task() -> int:
    """Re-queue outbox rows left behind (periodic; see CELERY_BEAT_SCHEDULE)."""
    return len(services.pesan_sapu())
