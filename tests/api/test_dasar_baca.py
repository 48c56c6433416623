"""The API base on the regions endpoint: the error shape (401/404/405), cursor pagination,
``updated_since``, ETag + If-None-Match, times in the user's zone, token auth, session + CSRF."""

import datetime
import re

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from pendampingan.api.models import TokenPerangkat
from pendampingan.api.services import token_buat
from pendampingan.models import Wilayah
from tests.factories import pendamping_di, wilayah_rantai

pytestmark = pytest.mark.django_db

DAFTAR = "/api/v1/wilayah/"


def galat(r, status, kode=None):
    assert r.status_code == status, r.content
    g = r.json()["galat"]
    assert set(g) >= {"kode", "pesan", "rincian"}
    assert g["pesan"] and isinstance(g["rincian"], dict)
    if kode:
        assert g["kode"] == kode
    return g


# ----------------------------------------------------------------------------- error shape


def test_401_anonim_dan_token_salah(dunia):
    g = galat(APIClient().get(DAFTAR), 401, "not_authenticated")
    assert "autentikasi" in g["pesan"].lower() or "kredensial" in g["pesan"].lower()
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION="Token bukan-token")
    g = galat(c.get(DAFTAR), 401)
    assert "Token tidak sah" in g["pesan"]
    c.credentials(HTTP_AUTHORIZATION="Token dua bagian")
    assert "Authorization" in galat(c.get(DAFTAR), 401)["pesan"]
    assert APIClient().get(DAFTAR)["WWW-Authenticate"].startswith("Token")


def test_404_di_luar_wilayah_dengan_bentuk_galat(dunia, api_klien):
    c = api_klien(dunia.pld_a.user)
    assert c.get(f"{DAFTAR}{dunia.desa_a.kode}/").status_code == 200
    g = galat(c.get(f"{DAFTAR}{dunia.desa_b.kode}/"), 404)
    assert "di luar wilayah" in g["pesan"]
    galat(c.get(f"{DAFTAR}99.99.99.9999/"), 404)
    # a control character refused by MasukanMiddleware before any view: JSON too, not HTML
    r = c.get(DAFTAR, {"q": "a\x1ab"})
    assert r["Content-Type"] == "application/json"
    galat(r, 400, "tidak_sah")
    # a value the route refuses, a path that does not exist: the API's 404, not the HTML page
    for url in (f"{DAFTAR}%C2%84/", "/api/v1/tidak-ada/", "/api/v1/wilayah"):
        r = c.get(url)
        assert r["Content-Type"] == "application/json"
        galat(r, 404, "not_found")
    galat(c.post("/api/v1/tidak-ada/"), 404)


@pytest.mark.parametrize(
    "awalan", ["/api/v1/kegiatan/foto/", "/api/v1/kegiatan/dokumen/", "/api/v1/fasilitasi-dokumen/"]
)
@pytest.mark.parametrize("format_", [{}, {"format": "berkas"}])
def test_unduh_galat_tetap_json(dunia, api_klien, awalan, format_):
    """A download negotiated as any type (``*/*``, ``?format=berkas``) still labels its error body
    JSON (schemathesis found ``Content-Type: */*`` on a 404)."""
    c = api_klien(dunia.pld_a.user)
    r = c.get(f"{awalan}987654/unduh/", format_, HTTP_ACCEPT="*/*")
    assert r["Content-Type"] == "application/json"
    galat(r, 404, "not_found")


def test_405_metode_tidak_diizinkan(dunia, api_klien):
    c = api_klien(dunia.pld_a.user)
    g = galat(c.delete(f"{DAFTAR}{dunia.desa_a.kode}/"), 405, "method_not_allowed")
    assert "DELETE" in g["pesan"]


def test_400_filter_dan_waktu_tidak_sah(dunia, api_klien):
    c = api_klien(dunia.pld_a.user)
    g = galat(c.get(DAFTAR, {"updated_since": "kemarin"}), 400, "tidak_sah")
    assert "ISO 8601" in g["rincian"]["updated_since"][0]
    assert g["pesan"].startswith("Data belum benar")
    galat(c.get(DAFTAR, {"updated_since": "99999-01-01"}), 400)
    galat(c.get(DAFTAR, {"tingkat": "bukan"}), 400)


# ----------------------------------------------------------------------------- cursor pagination


def _banyak_desa(n):
    return [wilayah_rantai(f"33.01.01.{2100 + i}", f"Desa Uji {i}") for i in range(n)]


def test_kursor_berikut_dan_sebelum(dunia, api_klien):
    _banyak_desa(7)
    c = api_klien(dunia.pengawas.user)
    semua = [w["kode"] for w in c.get(DAFTAR, {"page_size": 200}).json()["results"]]
    assert len(semua) == len(set(semua)) >= 10
    r = c.get(DAFTAR, {"page_size": 3}).json()
    assert set(r) >= {"next", "previous", "results"} and r["previous"] is None
    dilihat = [w["kode"] for w in r["results"]]
    halaman2 = c.get(r["next"]).json()
    dilihat += [w["kode"] for w in halaman2["results"]]
    assert halaman2["previous"]
    kembali = c.get(halaman2["previous"]).json()
    assert [w["kode"] for w in kembali["results"]] == dilihat[:3]
    nxt = halaman2["next"]
    while nxt:
        h = c.get(nxt).json()
        dilihat += [w["kode"] for w in h["results"]]
        nxt = h["next"]
    assert dilihat == semua  # every row once, in the same order


def test_page_size_dibatasi_200(dunia, api_klien, monkeypatch):
    monkeypatch.setattr("pendampingan.api.dasar.KursorDiubah.max_page_size", 4)
    _banyak_desa(6)
    r = api_klien(dunia.pengawas.user).get(DAFTAR, {"page_size": 10_000})
    assert r.status_code == 200 and len(r.json()["results"]) == 4


def test_kursor_rusak_400(dunia, api_klien):
    g = galat(api_klien(dunia.pld_a.user).get(DAFTAR, {"cursor": "sampah%%"}), 400, "tidak_sah")
    assert "Kursor halaman tidak sah" in g["rincian"]["cursor"][0]


# ----------------------------------------------------------------------------- updated_since


def _atur_diperbarui(kode, w):
    Wilayah.objects.filter(kode=kode).update(diperbarui=w)


def test_updated_since_dan_urutan_sinkron(dunia, api_klien):
    lama = timezone.now() - datetime.timedelta(days=30)
    Wilayah.objects.update(diperbarui=lama)
    baru = timezone.now() - datetime.timedelta(hours=1)
    _atur_diperbarui(dunia.desa_a.kode, baru)
    _atur_diperbarui(dunia.desa_a2.kode, baru + datetime.timedelta(minutes=1))
    c = api_klien(dunia.pengawas.user)
    sejak = (baru - datetime.timedelta(seconds=1)).isoformat()
    r = c.get(DAFTAR, {"updated_since": sejak})
    assert [w["kode"] for w in r.json()["results"]] == [dunia.desa_a2.kode, dunia.desa_a.kode]
    r = c.get(DAFTAR, {"updated_since": sejak, "ordering": "diperbarui"})
    assert [w["kode"] for w in r.json()["results"]] == [dunia.desa_a.kode, dunia.desa_a2.kode]
    # a date alone is its midnight: everything changed today or later
    hari = timezone.localdate(baru).isoformat()
    kode = {w["kode"] for w in c.get(DAFTAR, {"updated_since": hari}).json()["results"]}
    assert {dunia.desa_a.kode, dunia.desa_a2.kode} <= kode and dunia.desa_b.kode not in kode
    # the "+" of an offset sent unescaped arrives as a space: still refused with the message
    galat(c.get(f"{DAFTAR}?updated_since=2026-01-01T00:00:00 07:00"), 400)


# ----------------------------------------------------------------------------- ETag / 304


def test_etag_dan_if_none_match_304(dunia, api_klien):
    c = api_klien(dunia.pld_a.user)
    url = f"{DAFTAR}{dunia.desa_a.kode}/"
    r = c.get(url)
    etag = r["ETag"]
    assert re.fullmatch(r'"[0-9.]+-\d+"', etag)
    r2 = c.get(url, HTTP_IF_NONE_MATCH=etag)
    assert r2.status_code == 304 and r2["ETag"] == etag and not r2.content
    assert c.get(url, HTTP_IF_NONE_MATCH=f"W/{etag}").status_code == 304
    Wilayah.objects.filter(kode=dunia.desa_a.kode).update(diperbarui=timezone.now())
    r3 = c.get(url, HTTP_IF_NONE_MATCH=etag)
    assert r3.status_code == 200 and r3["ETag"] != etag


# ----------------------------------------------------------------------------- time zone


def test_waktu_dalam_zona_pengguna():
    desa = wilayah_rantai("51.71.01.2001", "Desa Sanur")  # Bali: WITA
    pld = pendamping_di(desa.kode, username="pld_wita")
    jawa = pendamping_di(wilayah_rantai("33.01.01.2001").kode, username="pld_wib")
    _, rahasia = token_buat(user=pld.user, nama="HP")
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Token {rahasia}")
    w = c.get(f"{DAFTAR}{desa.kode}/").json()["diperbarui"]
    assert w.endswith("+08:00"), w
    _, rahasia = token_buat(user=jawa.user, nama="HP")
    c.credentials(HTTP_AUTHORIZATION=f"Token {rahasia}")
    assert c.get(f"{DAFTAR}33.01.01.2001/").json()["diperbarui"].endswith("+07:00")


# ----------------------------------------------------------------------------- token auth


def test_token_dicabut_401(dunia, api_klien):
    c = api_klien(dunia.pld_a.user)
    assert c.get(DAFTAR).status_code == 200
    TokenPerangkat.objects.filter(pk=c.token.pk).update(dicabut=timezone.now())
    assert "dicabut" in galat(c.get(DAFTAR), 401)["pesan"]


def test_token_pengguna_nonaktif_401(dunia, api_klien):
    c = api_klien(dunia.pld_a.user)
    dunia.pld_a.user.is_active = False
    dunia.pld_a.user.save()
    galat(c.get(DAFTAR), 401)


def test_bearer_juga_diterima(dunia):
    _, rahasia = token_buat(user=dunia.pld_a.user, nama="HP")
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Bearer {rahasia}")
    assert c.get(DAFTAR).status_code == 200


def test_rahasia_tidak_tersimpan(dunia):
    token, rahasia = token_buat(user=dunia.pld_a.user, nama="HP")
    baris = TokenPerangkat.objects.filter(pk=token.pk).values().get()
    assert all(rahasia not in str(v) for v in baris.values())
    assert len(baris["hash"]) == 64 and baris["awalan"] == rahasia[:8]


def test_terakhir_dipakai_paling_sering_semenit_sekali(dunia, api_klien, django_assert_num_queries):
    c = api_klien(dunia.pld_a.user)
    assert c.token.terakhir_dipakai is None
    c.get(DAFTAR)
    c.token.refresh_from_db()
    pertama = c.token.terakhir_dipakai
    assert pertama is not None
    c.get(DAFTAR)
    c.token.refresh_from_db()
    assert c.token.terakhir_dipakai == pertama  # not written again within the minute
    lalu = timezone.now() - datetime.timedelta(minutes=2)
    TokenPerangkat.objects.filter(pk=c.token.pk).update(terakhir_dipakai=lalu)
    c.get(DAFTAR)
    c.token.refresh_from_db()
    assert c.token.terakhir_dipakai > lalu + datetime.timedelta(minutes=1)


# ----------------------------------------------------------------------------- session + CSRF


def test_sesi_diterima_dan_post_perlu_csrf(dunia):
    c = APIClient(enforce_csrf_checks=True)
    c.force_login(dunia.pld_a.user)
    assert c.get(DAFTAR).status_code == 200
    g = galat(c.post(DAFTAR, {}, format="json"), 403)
    assert "CSRF" in g["pesan"]
    # a token client has no CSRF to send
    _, rahasia = token_buat(user=dunia.pld_a.user, nama="HP")
    t = APIClient(enforce_csrf_checks=True)
    t.credentials(HTTP_AUTHORIZATION=f"Token {rahasia}")
    assert t.post(DAFTAR, {}, format="json").status_code == 405
