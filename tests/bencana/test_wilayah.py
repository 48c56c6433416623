"""Issue 17: the national roles are in every province's chain for incidents, and an incident in a
kelurahan is reported like one in a desa."""

import pytest

from bencana import laporan
from pendampingan.models import Jabatan
from pendampingan.notifikasi.models import Pesan, Saluran
from tests.factories import pendamping_di, wilayah_rantai

from .factories import kejadian_di

pytestmark = pytest.mark.django_db


def test_koordinator_nasional_dikabari_kejadian_di_provinsi_tanpa_penugasan_lain(
    dunia, django_capture_on_commit_callbacks
):
    kornas = pendamping_di(None, Jabatan.KOORDINATOR_NASIONAL)
    tapus = pendamping_di(None, Jabatan.TA_PUSAT)
    papua = wilayah_rantai("91.01.01.2001", "Desa Sentani")
    pld = pendamping_di(papua.kode, Jabatan.PLD)
    with django_capture_on_commit_callbacks(execute=True):
        k = kejadian_di(papua, pld)
    assert set(u.pk for u in laporan.penerima_pengawas(kejadian=k)) == {
        kornas.user_id,
        tapus.user_id,
    }
    in_app = set(
        Pesan.objects.filter(saluran=Saluran.IN_APP, peristiwa=laporan.PERISTIWA_AWAL).values_list(
            "penerima_user_id", flat=True
        )
    )
    assert in_app == {kornas.user_id, tapus.user_id}
    # and in province 33 too, beside the regional chain
    with django_capture_on_commit_callbacks(execute=True):
        k2 = kejadian_di(dunia.desa_a, dunia.pld_a)
    assert {u.pk for u in laporan.penerima_pengawas(kejadian=k2)} == {
        dunia.pd_a.user_id,
        dunia.pengawas.user_id,
        kornas.user_id,
        tapus.user_id,
    }


def test_kejadian_di_kelurahan_dilaporkan(django_capture_on_commit_callbacks):
    kel = wilayah_rantai("31.71.01.1001", "Gambir")
    pd = pendamping_di(kel.induk.kode, Jabatan.PD, jenis="lapangan")
    kornas = pendamping_di(None, Jabatan.KOORDINATOR_NASIONAL)
    with django_capture_on_commit_callbacks(execute=True):
        k = kejadian_di(kel, pd)
    assert k.wilayah_id == kel.kode
    assert list(k.desa_terdampak.values_list("wilayah_id", flat=True)) == [kel.kode]
    assert [u.pk for u in laporan.penerima_pengawas(kejadian=k)] == [kornas.user_id]
