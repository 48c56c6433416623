"""Run the same call in several threads at the same moment (PostgreSQL: each thread has its own
connection and transaction), for the concurrency cases of issue 13."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

# Threads on SQLite share one in-memory database without row locks: nothing to prove there.
hanya_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Dua transaksi serentak dengan kunci baris hanya dapat diuji di PostgreSQL (CI).",
)


def serentak(fn, n: int = 2) -> list:
    """``fn(i)`` in ``n`` threads released together; returns each result or raised exception."""
    penghalang = threading.Barrier(n)
    hasil: list = [None] * n

    def jalan(i):
        try:
            penghalang.wait(timeout=10)
            hasil[i] = fn(i)
        except BaseException as e:  # noqa: BLE001 - the test inspects what happened
            hasil[i] = e
        finally:
            connections.close_all()

    ts = [threading.Thread(target=jalan, args=(i,)) for i in range(n)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(timeout=60)
    return hasil
