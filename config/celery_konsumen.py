"""The worker's consumer, with a short reconnect pause.

When the broker (Redis) goes away, Celery's consumer reconnects with kombu's default pauses —
2, 4, 6 … up to 30 s — and no setting reaches them. After an outage of a minute the worker would
then sit idle for up to 30 s after Redis is back, and the outbox's promise (queued messages
delivered within 15 s of Redis' return) would be broken by the worker, not the sweep. Here the
pauses grow from ``CELERY_SAMBUNG_ULANG_AWAL_DETIK`` by the same step up to
``CELERY_SAMBUNG_ULANG_MAKS_DETIK`` (0.5 and 2 s by default): a reconnect attempt is one TCP
connect, cheap for both sides.
"""

from __future__ import annotations

import functools

from celery.worker.consumer import Consumer
from django.conf import settings


class KonsumenSigap(Consumer):
    def ensure_connected(self, conn):
        awal = float(getattr(settings, "CELERY_SAMBUNG_ULANG_AWAL_DETIK", 0.5))
        maks = float(getattr(settings, "CELERY_SAMBUNG_ULANG_MAKS_DETIK", 2))
        conn.ensure_connection = functools.partial(
            conn.ensure_connection, interval_start=awal, interval_step=awal, interval_max=maks
        )
        return super().ensure_connected(conn)
