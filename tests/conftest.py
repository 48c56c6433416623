import pytest
from django.test import Client

from pendampingan.models import Jabatan
from tests.factories import pendamping_di, wilayah_rantai


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
