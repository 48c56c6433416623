"""The fuzz suite's world (the scope walk's: three desa, their owners, the supervisors) and its
hypothesis profiles:

* ``ci`` (the default) — deterministic (``derandomize``: the same examples on every run), no
  example database; 16 examples per URL with input of its own (a form, a filter), a quarter of
  that (at least 5) for one without (a detail page), to keep within its CI budget;
* ``panjang`` — 2,000 examples per URL (the same split), for ``make fuzz``.

``FUZZ_PROFIL=panjang`` chooses; ``FUZZ_CONTOH=<n>`` sets the number per URL. The form layer
(``test_formulir.py``, no HTTP) takes its own number per form class and FilterSet from the same
profile: 200 in ``ci``, 3,000 in ``panjang`` (``FUZZ_CONTOH_FORM=<n>`` overrides).
"""

import os

import pytest
from django.core.cache import cache
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
settings.register_profile("ci", max_examples=int(os.environ.get("FUZZ_CONTOH", 16)), **_UMUM)
settings.register_profile("panjang", max_examples=int(os.environ.get("FUZZ_CONTOH", 2000)), **_UMUM)
PROFIL = os.environ.get("FUZZ_PROFIL", "ci")
# examples every URL gets whatever the time
MINIMUM = 5
# a file to write each URL's number of examples and seconds to (tuning)
CATAT = os.environ.get("FUZZ_CATAT")


@pytest.fixture(autouse=True)
def _cache_bersih():
    """The public rate limit counts in the cache: what the fuzz posts must not limit the tests
    after it (nor the fuzz targets after another)."""
    cache.clear()
    yield
    cache.clear()
