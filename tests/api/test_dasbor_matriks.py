"""The coverage matrix through the API (``/api/v1/dasbor/matriks/``) and the entries' ``butir``
filter, against the matrix tests' world of 2025 (tests/dasbor/factories.py)."""

import pytest

from pendampingan.models import Butir
from tests.dasbor.factories import Q_MARET, Dunia2025

pytestmark = pytest.mark.django_db


@pytest.fixture
def dunia25(dunia):
    return Dunia2025(dunia)


def test_api_matriks(dunia25, api_klien):
    d = dunia25.d
    k = api_klien(dunia25.korkab.user)
    r = k.get("/api/v1/dasbor/matriks/", {"wilayah": d.kab_a.kode, **Q_MARET})
    assert r.status_code == 200, r.content
    data = r.json()
    assert data["tahun"] == 2025 and data["status_dihitung"] == ["diajukan", "diverifikasi"]
    assert [k_["kode"] for k_ in data["kolom"]] == [d.kec_a.kode, dunia25.kec_g.kode]
    bt1 = next(b for b in data["baris"] if b["kode"] == "BT1")
    assert bt1["jumlah"] == 3 and [s["n"] for s in bt1["sel"]] == [2, 1]
    assert k.get("/api/v1/dasbor/matriks/", {"wilayah": d.kab_b.kode}).status_code == 404
    bad = k.get("/api/v1/dasbor/matriks/", {"dari": "2025-05-01", "sampai": "2025-01-01"})
    assert bad.status_code == 400
    desa = api_klien(d.pld_a.user).get(
        "/api/v1/dasbor/matriks/", {"wilayah": d.desa_a.kode, **Q_MARET}
    )
    bt1 = next(b for b in desa.json()["baris"] if b["kode"] == "BT1")
    assert (bt1["jumlah"], bt1["terakhir"], bt1["sel"]) == (2, "2025-03-20", [])


def test_api_kegiatan_saring_butir(dunia25, api_klien):
    d = dunia25.d
    bt1 = Butir.objects.get(kode="BT1").pk
    k = api_klien(d.pd_a.user)
    r = k.get("/api/v1/kegiatan/", {"lingkup": "wilayah", "butir": bt1})
    assert r.status_code == 200, r.content
    assert {x["id"] for x in r.json()["results"]} == {dunia25.k1.pk, dunia25.k2.pk}
    for salah in ("0", "1.5", str(2**40), "x"):
        assert k.get("/api/v1/kegiatan/", {"butir": salah}).status_code == 400, salah
