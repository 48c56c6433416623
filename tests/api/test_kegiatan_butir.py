"""The entry API's butir: read (code, label, tata cara, source) in list and detail, written as
codes through the site's entry form (suggested when absent, kept on a PATCH without them)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from pendampingan.models import BidangPendampingan, Kegiatan, KegiatanButir, Prinsip

pytestmark = pytest.mark.django_db


def _tanda(k) -> dict[str, str]:
    return dict(KegiatanButir.objects.filter(kegiatan=k).values_list("butir__kode", "sumber"))


def _badan(dunia, **ubah):
    data = {
        "tanggal": timezone.localdate().isoformat(),
        "jam_mulai": "09:00",
        "jam_selesai": "10:30",
        "wilayah": dunia.desa_a.kode,
        "tata_cara": "pengarahan",
        "judul": "Pengarahan APB Desa",
        "uraian": "Penyesuaian prioritas.",
        "peserta_laki": 2,
        "peserta_perempuan": 1,
        "prinsip": [{"prinsip": p.kode, "nilai": "dijunjung"} for p in Prinsip.objects.all()],
        "pengarahan": {
            "bidang": BidangPendampingan.objects.get(kode="perencanaan").pk,
            "penerima": "Kepala Desa",
        },
    }
    data.update(ubah)
    return data


def test_api_tanpa_butir_memakai_saran_dan_membaca_sumbernya(dunia, api_klien):
    klien = api_klien(dunia.pld_a.user)
    r = klien.post(reverse("api:kegiatan-list"), _badan(dunia), format="json")
    assert r.status_code == 201, r.json()
    assert r.json()["butir"] == [
        {
            "kode": "D",
            "label": "Pengarahan pengelolaan & Dana Desa",
            "tata_cara": "pengarahan",
            "sumber": "dipilih",
        }
    ]
    daftar = klien.get(reverse("api:kegiatan-list")).json()
    assert daftar["results"][0]["butir"][0]["kode"] == "D"


def test_api_menulis_kode_butir_dan_menolak_yang_salah(dunia, api_klien):
    klien = api_klien(dunia.pld_a.user)
    r = klien.post(reverse("api:kegiatan-list"), _badan(dunia, butir=["D", "E1d"]), format="json")
    assert r.status_code == 201, r.json()
    k = Kegiatan.objects.get(pk=r.json()["id"])
    assert _tanda(k) == {"D": "dipilih", "E1d": "dipilih"}
    url = reverse("api:kegiatan-detail", kwargs={"pk": k.pk})
    r = klien.patch(url, {"butir": ["E1c"]}, format="json", HTTP_IF_MATCH=r["ETag"])
    assert r.status_code == 200, r.json()
    assert [b["kode"] for b in r.json()["butir"]] == ["E1c"]
    r = klien.patch(url, {"butir": ["A1"]}, format="json", HTTP_IF_MATCH=r["ETag"])
    assert r.status_code == 400
    assert "Butir A1 tidak dapat dipilih." in str(r.json())
    # PATCH without butir keeps them
    r = klien.get(url)
    r = klien.patch(url, {"judul": "Judul baru"}, format="json", HTTP_IF_MATCH=r["ETag"])
    assert r.status_code == 200 and [b["kode"] for b in r.json()["butir"]] == ["E1c"]
    assert datetime.date.fromisoformat(r.json()["tanggal"]) == timezone.localdate()
