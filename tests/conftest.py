import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from pendampingan.models import Jabatan
from tests.factories import pendamping_di, wilayah_rantai


def pytest_collection_modifyitems(items):
    """Transactional tests (browser journeys, real workers) flush the database when they end, which
    would also wipe the reference data seeded by data migrations for the next one: give every such
    test ``serialized_rollback`` so Django restores that data before it."""
    for item in items:
        m = item.get_closest_marker("django_db")
        if m and m.kwargs.get("transaction") and not m.kwargs.get("serialized_rollback"):
            item.add_marker(
                pytest.mark.django_db(**{**m.kwargs, "serialized_rollback": True}), append=False
            )


@pytest.fixture
def hitung_query():
    """``hitung_query(fn)`` → how many queries ``fn()`` ran. Compare a small and a 3× larger
    fixture to prove a page's query count does not grow with its rows."""

    def hitung(fn):
        with CaptureQueriesContext(connection) as ctx:
            fn()
        return len(ctx.captured_queries)

    return hitung


@pytest.fixture(autouse=True)
def _lupakan_penerima_kementerian():
    """The process remembers for a minute whether a ministry recipient exists (the admin's
    warning); a test's rolled-back rows fire no signal, so each test starts without the memory."""
    from pendampingan.notifikasi import kementerian

    kementerian.lupakan()
    yield
    kementerian.lupakan()


@pytest.fixture(autouse=True)
def _media_sementara(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.BERKAS_PRIVAT_ROOT = tmp_path / "privat"


@pytest.fixture
def dunia(db):
    """Two kabupaten in one province, a PLD in a desa of each, a PD over A's kecamatan, and a
    koordinator provinsi above both. The world every scope test stands in."""
    return Dunia()


class Dunia:
    def __init__(self):
        self.desa_a = wilayah_rantai("33.01.01.2001", "Desa Alpha")
        self.desa_a2 = wilayah_rantai("33.01.01.2002", "Desa Alpha Dua")
        self.desa_b = wilayah_rantai("33.02.01.2001", "Desa Beta")
        self.kec_a = self.desa_a.induk
        self.kab_a = self.kec_a.induk
        self.kab_b = self.desa_b.induk.induk
        self.provinsi = self.kab_a.induk
        self.pld_a = pendamping_di(self.desa_a.kode, Jabatan.PLD, username="pld_a")
        self.pld_b = pendamping_di(self.desa_b.kode, Jabatan.PLD, username="pld_b")
        self.pd_a = pendamping_di(self.kec_a.kode, Jabatan.PD, jenis="supervisi", username="pd_a")
        self.pengawas = pendamping_di(
            self.provinsi.kode, Jabatan.KOORDINATOR_PROVINSI, username="korprov"
        )
        # who owns (records) a row in each desa
        self.pemilik = {self.desa_a.kode: self.pld_a, self.desa_b.kode: self.pld_b}

    @staticmethod
    def klien(pendamping) -> Client:
        c = Client()
        c.force_login(pendamping.user)
        return c
