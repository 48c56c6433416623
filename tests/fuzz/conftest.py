"""The fuzz suite's world (the scope walk's: three desa, their owners, the supervisors) and its
hypothesis profiles:

* ``ci`` (the default) — deterministic (``derandomize``: the same examples in the same order on
  every run), no example database; up to 100 examples per URL but at most ``FUZZ_DETIK`` seconds
  of requests per URL (1 s; a URL without input of its own gets a quarter of both), so the suite
  keeps within its CI budget on a slower machine — it then runs the first examples of the same
  sequence, never others;
* ``panjang`` — 2,000 examples per URL and no time limit, for ``make fuzz``.

``FUZZ_PROFIL=panjang`` chooses; ``FUZZ_CONTOH=<n>`` sets the number, ``FUZZ_DETIK=<s>`` the time
(0: no limit).
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
settings.register_profile("ci", max_examples=int(os.environ.get("FUZZ_CONTOH", 100)), **_UMUM)
settings.register_profile("panjang", max_examples=int(os.environ.get("FUZZ_CONTOH", 2000)), **_UMUM)
PROFIL = os.environ.get("FUZZ_PROFIL", "ci")
# seconds of requests per URL (None: no limit)
DETIK = float(os.environ.get("FUZZ_DETIK", 1.0 if PROFIL == "ci" else 0)) or None
# examples every URL gets whatever the time
MINIMUM = 5
# a file to write each URL's number of examples and seconds to (tuning)
CATAT = os.environ.get("FUZZ_CATAT")
