"""Issue 17: kelurahan are not desa, but a villager of a kelurahan still files a complaint there,
and the national coordinator is the nearest supervisor where nobody else supervises."""

import pytest

from pendampingan.models import Jabatan
from pengaduan import pemberitahuan
from tests.factories import pendamping_di, wilayah_rantai

from .factories import kategori, pengaduan_buat

pytestmark = pytest.mark.django_db


def test_pengaduan_di_kelurahan_diterima_dan_ke_koordinator_nasional():
    kel = wilayah_rantai("31.71.01.1001", "Gambir")
    kornas = pendamping_di(None, Jabatan.KOORDINATOR_NASIONAL)
    p = pengaduan_buat(kel, kategori_kode=kategori().kode)
    assert p.wilayah_id == kel.kode and p.kode
    assert pemberitahuan.pengawas_terdekat(p) == [kornas]
