"""F1, F3, F4 through the API: the incident's detail carries the evacuations (and which rows a
correction replaced), the facility damage per BNPB severity and each report version's channel and
receiver; an impact POST takes the severities."""

import pytest
from django.urls import reverse
from django.utils import timezone

from bencana.models import PenilaianDampak
from tests.bencana.factories import dampak, kejadian_di
from tests.bencana.test_tugas_f import JAM_LALU, _lisan, _pindah

pytestmark = pytest.mark.django_db


@pytest.fixture
def kejadian(dunia):
    return kejadian_di(dunia.desa_a, dunia.pld_a)


def test_api_detail_pengungsian_tingkat_dan_saluran(kejadian, dunia, api_klien):
    a = _pindah(kejadian, dunia.pld_a)
    _pindah(kejadian, dunia.pld_a, jumlah_jiwa=100, mengoreksi=a)
    dampak(kejadian, dunia.desa_a, dunia.pld_a, kantor_rusak_berat=1)
    _lisan(kejadian, dunia.pld_a)
    d = api_klien(dunia.pld_a.user).get(reverse("api:bencana-detail", args=[kejadian.pk])).json()
    assert d["pengungsian_jiwa"] == 100
    baris = {x["id"]: x for x in d["pengungsian"]}
    assert baris[a.pk]["berlaku"] is False and len(baris) == 2
    assert d["dampak_total"]["kantor_rusak_berat"] == 1 and d["dampak_total"]["kantor"] == 1
    v2 = d["laporan"][1]
    assert v2["saluran"] == "lisan_telepon" and v2["penerima_nama"] == "Budi Santoso"
    assert v2["pesan"] == [] and v2["waktu_lapor"]
    assert d["laporan"][0]["saluran"] == "sistem"


def test_api_dampak_menerima_tingkat(kejadian, dunia, api_klien):
    r = api_klien(dunia.pld_a.user).post(
        reverse("api:bencana-dampak", args=[kejadian.pk]),
        {
            "desa": dunia.desa_a.kode,
            "waktu": (timezone.now() - JAM_LALU).isoformat(),
            "fasilitas_kesehatan_rusak_ringan": 4,
        },
        format="json",
    )
    assert r.status_code == 201, r.content
    s = PenilaianDampak.objects.get()
    assert s.fasilitas_kesehatan == 4 and r.json()["fasilitas_kesehatan_rusak_ringan"] == 4


def test_api_dampak_jumlah_tanpa_tingkat_dari_klien_lama(kejadian, dunia, api_klien):
    klien = api_klien(dunia.pld_a.user)
    url = reverse("api:bencana-dampak", args=[kejadian.pk])
    waktu = (timezone.now() - JAM_LALU).isoformat()
    r = klien.post(url, {"desa": dunia.desa_a.kode, "waktu": waktu, "kantor": 2}, format="json")
    assert r.status_code == 201, r.content
    assert PenilaianDampak.objects.get().kantor == 2
    r = klien.post(
        url,
        {"desa": dunia.desa_a.kode, "waktu": waktu, "kantor": 5, "kantor_rusak_berat": 1},
        format="json",
    )
    assert r.status_code == 400 and "kantor" in r.json()["galat"]["rincian"]
    assert PenilaianDampak.objects.count() == 1
