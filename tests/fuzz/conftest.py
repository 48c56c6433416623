"""The fuzz suite's world (the scope walk's: three desa, their owners, the supervisors) and its
hypothesis profiles:

* ``ci`` (the default) — deterministic (``derandomize``), no example database, tuned so the whole
  suite stays within its CI budget on PostgreSQL;
* ``panjang`` — thousands of examples per target, for ``make fuzz``;

``FUZZ_PROFIL=panjang`` (or ``FUZZ_CONTOH=<n>`` for a fixed number) chooses.
"""

import os

from hypothesis import HealthCheck, settings

from tests.scope.conftest import dunia  # noqa: F401  (the scope walk's world)

_UMUM = dict(
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)
settings.register_profile("ci", max_examples=int(os.environ.get("FUZZ_CONTOH", 20)), **_UMUM)
settings.register_profile("panjang", max_examples=int(os.environ.get("FUZZ_CONTOH", 2000)), **_UMUM)
PROFIL = os.environ.get("FUZZ_PROFIL", "ci")
