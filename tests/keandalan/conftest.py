"""Fault rehearsals: real PostgreSQL, Redis, Celery and gunicorn processes, each test bounded in
time. The fixtures of the real-services delivery tests are shared (``tests/notifikasi/layanan.py``):
a redis-server of the test's own (``redis_sendiri``), an SMTP sink (``smtp``), a webhook receiver
(``webhook``) and the Celery processes on the test database (``nyata``)."""

from tests.notifikasi.conftest import (  # noqa: F401  (fixtures)
    nyata,
    redis_mesin,
    redis_sendiri,
    smtp,
    webhook,
)
