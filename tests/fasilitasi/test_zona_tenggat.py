"""Fasilitasi deadlines in the desa's own zone: a stage starts on the desa's date, and "late" is
judged by the desa's date (a desa in WIT near midnight UTC)."""

import datetime

import pytest

from fasilitasi.models import Fasilitasi
from fasilitasi.models.kasus import q_terlambat
from pendampingan.models import Jabatan
from tests.factories import pendamping_di
from tests.fasilitasi.factories import buka_kasus

pytestmark = pytest.mark.django_db

MALAM_UTC = datetime.datetime(2026, 8, 19, 15, 30, tzinfo=datetime.UTC)


def _kasus_timur(dunia):
    pld = pendamping_di("91.01.01.2001", Jabatan.PLD, username="pld_timur")
    pengawas = pendamping_di("91.01.01", Jabatan.PD, jenis="supervisi", username="pd_timur")
    desa = pld.penugasan.get().wilayah
    dunia.pemilik[desa.kode] = pld
    return buka_kasus(dunia, desa=desa, oleh=pengawas, pj=pld)


def test_terlambat_menurut_tanggal_desa(dunia):
    timur = _kasus_timur(dunia)
    jawa = buka_kasus(dunia)
    Fasilitasi.objects.filter(pk__in=[timur.pk, jawa.pk]).update(
        jatuh_tempo=datetime.date(2026, 8, 19)
    )
    telat = set(
        Fasilitasi.objects.filter(q_terlambat(waktu=MALAM_UTC)).values_list("pk", flat=True)
    )
    assert telat == {timur.pk}
    dua_jam_lagi = MALAM_UTC + datetime.timedelta(hours=2)
    telat = set(
        Fasilitasi.objects.filter(q_terlambat(waktu=dua_jam_lagi)).values_list("pk", flat=True)
    )
    assert telat == {timur.pk, jawa.pk}
    # an explicit date still applies to every desa
    assert not Fasilitasi.objects.terlambat(datetime.date(2026, 8, 19)).exists()
