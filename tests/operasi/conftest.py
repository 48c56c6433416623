"""Operations tests: health probes, logs, Sentry, backups. The real-services fixtures are shared
with the delivery tests (``tests/notifikasi/layanan.py``)."""

from tests.notifikasi.conftest import (  # noqa: F401  (fixtures)
    nyata,
    redis_mesin,
    redis_sendiri,
    smtp,
)
