import importlib

import pytest
from django.apps import apps


def pastikan_unsur_awal():
    """Put back the seeded community elements when a transactional test (which flushes every
    table, data-migration rows included) ran before: the migration's own idempotent function."""
    from pendampingan.forum.models import UnsurMasyarakat

    if UnsurMasyarakat.objects.filter(kode="lainnya").exists():
        return
    migrasi = importlib.import_module("pendampingan.forum.migrations.0002_unsur_masyarakat_awal")
    migrasi.isi(apps, None)


@pytest.fixture(autouse=True)
def _unsur_awal(db):
    pastikan_unsur_awal()
