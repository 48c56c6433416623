"""The public forms' security question is single-use (page, API, reporter's answer), shorter-lived,
and every public action — the desa search in both forms, the API's question — is rate-limited."""

import time
import uuid
from unittest import mock

import pytest
from django.core import signing
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from pengaduan.forms import GARAM_TANTANGAN
from pengaduan.models import Pengaduan, TantanganTerpakai
from tests.pengaduan.factories import URL_LAPOR, isian_publik
from tests.pengaduan.test_publik import _selesai

pytestmark = pytest.mark.django_db

LAPOR_API = reverse("api:pengaduan-publik-list")
FORMULIR_API = reverse("api:pengaduan-publik-formulir")


@pytest.fixture(autouse=True)
def _cache_bersih(settings):
    settings.PENGADUAN_BATAS_LAPOR_PER_JAM = 100
    cache.clear()
    yield
    cache.clear()


def test_tantangan_halaman_tidak_bisa_dipakai_ulang(dunia):
    """Before: the signed question could be replayed for four hours (a script fetched one page
    and sent any number of complaints with it)."""
    c = Client()
    data = isian_publik(c, dunia)
    assert c.post(URL_LAPOR, data).status_code == 302
    # the same answered question, with a new one-time key (a new complaint)
    ulang = {**data, "kunci_sekali": str(uuid.uuid4()), "judul": "Kiriman ulang"}
    r = c.post(URL_LAPOR, ulang)
    assert r.status_code == 200
    html = r.content.decode()
    assert "Pertanyaan keamanan ini sudah dipakai" in html
    assert "Kiriman ulang" in html  # what was typed is kept
    assert r.context["form"].token != data["tantangan"]  # a new question is asked
    assert Pengaduan.objects.count() == 1
    assert TantanganTerpakai.objects.count() == 1


def test_klik_ganda_tetap_satu_kode(dunia):
    """The one-time key is checked before the question: a double click answers the first code."""
    c = Client()
    data = isian_publik(c, dunia)
    assert c.post(URL_LAPOR, data).status_code == 302
    assert c.post(URL_LAPOR, data).status_code == 302
    assert Pengaduan.objects.count() == 1


def test_tantangan_api_tidak_bisa_dipakai_ulang(dunia):
    c = APIClient()
    f = c.get(FORMULIR_API).json()
    soal = signing.loads(f["tantangan"], salt=GARAM_TANTANGAN)
    data = {
        "kategori": isian_publik(Client(), dunia)["kategori"],
        "desa": dunia.desa_a.kode,
        "judul": "BLT tidak sampai",
        "isi": "Bantuan belum diterima.",
        "tantangan": f["tantangan"],
        "jawaban": soal["a"] + soal["b"],
    }
    assert c.post(LAPOR_API, data, format="json").status_code == 201
    r = c.post(LAPOR_API, {**data, "judul": "Kedua"}, format="json")
    assert r.status_code == 400
    assert "sudah dipakai" in r.json()["galat"]["rincian"]["jawaban"][0]
    assert Pengaduan.objects.count() == 1
    # the page and the API share it: a question of the API is used up for the page too
    assert f["berlaku_detik"] == 3600


def test_tantangan_lama_tanpa_nonce_ditolak(dunia):
    c = Client()
    data = isian_publik(c, dunia)
    lama = signing.dumps({"a": 2, "b": 3, "t": int(time.time()) - 60}, salt=GARAM_TANTANGAN)
    r = c.post(URL_LAPOR, {**data, "tantangan": lama, "jawaban": 5})
    assert r.status_code == 200 and "kedaluwarsa" in r.content.decode()
    assert not Pengaduan.objects.exists()


def test_tantangan_kedaluwarsa_setelah_satu_jam(dunia, settings):
    c = Client()
    data = isian_publik(c, dunia)
    assert settings.PENGADUAN_TANTANGAN_MAKS_DETIK == 3600  # was four hours
    isi = signing.loads(data["tantangan"], salt=GARAM_TANTANGAN)
    with mock.patch("time.time", return_value=time.time() - 61 * 60):  # signed 61 minutes ago
        token = signing.dumps(isi, salt=GARAM_TANTANGAN)
    r = c.post(URL_LAPOR, {**data, "tantangan": token})
    assert "kedaluwarsa" in r.content.decode() and not Pengaduan.objects.exists()


def test_tanggapan_pelapor_tantangan_sekali_pakai(dunia):
    p = _selesai(dunia)
    c = Client()
    halaman = c.get(reverse("pengaduan:status"), {"kode": p.kode})
    form = halaman.context["tanggapan_form"]
    soal = signing.loads(form.token, salt=GARAM_TANTANGAN)
    data = {
        "kode": p.kode,
        "isi": "Kesepakatan belum dijalankan.",
        "tantangan": form.token,
        "jawaban": soal["a"] + soal["b"],
        "situs_web": "",
        "kunci_sekali": str(uuid.uuid4()),
    }
    url = reverse("pengaduan:status-tanggapan")
    assert c.post(url, data).status_code == 302
    r = c.post(url, {**data, "kunci_sekali": str(uuid.uuid4()), "isi": "Lagi"})
    assert r.status_code == 400 and "sudah dipakai" in r.content.decode()
    assert p.peristiwa.filter(jenis="tanggapan").count() == 1


# ------------------------------------------------------------------------------ rate limits


def test_cari_desa_di_formulir_dibatasi(dunia, settings):
    """Before: the form's "Cari desa" button (aksi=cari-desa) had no limit at all."""
    settings.PENGADUAN_BATAS_CARI_PER_MENIT = 2
    c = Client()
    data = {**isian_publik(c, dunia), "aksi": "cari-desa", "desa": "Alpha", "judul": "Jalan"}
    for _i in range(2):
        r = c.post(URL_LAPOR, data)
        assert r.status_code == 200 and r.context["form"].opsi_desa
    r = c.post(URL_LAPOR, data)
    assert r.status_code == 429
    html = r.content.decode()
    assert "Terlalu banyak pencarian desa" in html and 'value="Jalan"' in html
    assert not r.context["form"].opsi_desa
    # the JSON search of the same page shares the count
    r = c.get(reverse("pengaduan:lapor-desa"), {"q": "Alpha"})
    assert r.status_code == 429 and r.json()["hasil"] == []


def test_formulir_api_dibatasi(dunia, settings):
    settings.PENGADUAN_BATAS_CARI_PER_MENIT = 2
    c = APIClient()
    assert [c.get(FORMULIR_API).status_code for _i in range(3)] == [200, 200, 429]
    assert "Terlalu banyak permintaan formulir" in c.get(FORMULIR_API).json()["galat"]["pesan"]
