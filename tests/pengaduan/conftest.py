import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _tanpa_jeda_dan_cache_bersih(settings):
    """Tests submit the public form at once; the minimum fill time has its own test."""
    settings.PENGADUAN_WAKTU_ISI_MIN_DETIK = 0
    cache.clear()
    yield
    cache.clear()
