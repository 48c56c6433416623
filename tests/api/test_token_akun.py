"""The account page "Token API" (/akun/token/): list, create (secret once), revoke with a
confirmation; another user's token is a 404; the token then authenticates the API."""

import pytest
from django.urls import reverse

from pendampingan.api.models import TokenPerangkat
from pendampingan.api.services import hash_rahasia, token_buat

pytestmark = pytest.mark.django_db

URL = "/akun/token/"


def test_halaman_terkait_dari_menu(dunia):
    c = dunia.klien(dunia.pld_a)
    r = c.get(reverse("pendampingan:beranda"))
    assert URL.encode() in r.content
    r = c.get(URL)
    assert r.status_code == 200
    assert "Token API" in r.content.decode()
    assert "no-cache" in r["Cache-Control"] or "no-store" in r["Cache-Control"]


def test_anonim_dialihkan_ke_login(client):
    r = client.get(URL)
    assert r.status_code == 302 and "/akun/login/" in r["Location"]


def test_buat_menampilkan_rahasia_sekali_saja(dunia):
    c = dunia.klien(dunia.pld_a)
    r = c.post(URL, {"nama": "HP kerja"})
    assert r.status_code == 200
    token = TokenPerangkat.objects.get(user=dunia.pld_a.user)
    rahasia = r.context["rahasia"]
    assert rahasia and rahasia in r.content.decode()
    assert token.nama == "HP kerja" and token.awalan == rahasia[:8]
    assert token.hash == hash_rahasia(rahasia) and rahasia not in token.hash
    # never again: the next view of the page has only the prefix
    isi = c.get(URL).content.decode()
    assert rahasia not in isi and f"{token.awalan}…" in isi
    # the secret works on the API
    r = c.__class__().get("/api/v1/wilayah/", HTTP_AUTHORIZATION=f"Token {rahasia}")
    assert r.status_code == 200


def test_nama_kosong_ditolak_dengan_pesan(dunia):
    c = dunia.klien(dunia.pld_a)
    r = c.post(URL, {"nama": "   "})
    assert r.status_code == 400
    assert not TokenPerangkat.objects.exists()
    assert "wajib" in r.content.decode().lower() or "harus" in r.content.decode().lower()


def test_batas_token_aktif(dunia, monkeypatch):
    monkeypatch.setattr("pendampingan.api.services.BATAS_TOKEN_AKTIF", 1)
    c = dunia.klien(dunia.pld_a)
    assert c.post(URL, {"nama": "satu"}).status_code == 200
    r = c.post(URL, {"nama": "dua"})
    assert r.status_code == 400 and "Cabut yang tidak dipakai" in r.content.decode()
    assert TokenPerangkat.objects.count() == 1


def test_daftar_hanya_token_sendiri(dunia):
    token_buat(user=dunia.pld_b.user, nama="HP milik B")
    token_buat(user=dunia.pld_a.user, nama="HP milik A")
    isi = dunia.klien(dunia.pld_a).get(URL).content.decode()
    assert "HP milik A" in isi and "HP milik B" not in isi


def test_cabut_dengan_konfirmasi(dunia):
    token, rahasia = token_buat(user=dunia.pld_a.user, nama="HP lama")
    c = dunia.klien(dunia.pld_a)
    url = reverse("akun:token-cabut", args=[token.pk])
    r = c.get(url)
    assert r.status_code == 200 and "Ya, cabut token" in r.content.decode()
    token.refresh_from_db()
    assert token.aktif  # a GET only asks
    r = c.post(url)
    assert r.status_code == 302 and r["Location"] == URL
    token.refresh_from_db()
    assert not token.aktif and token.dicabut_oleh == dunia.pld_a.user
    isi = c.get(URL).content.decode()
    assert "dicabut" in isi
    r = c.__class__().get("/api/v1/wilayah/", HTTP_AUTHORIZATION=f"Token {rahasia}")
    assert r.status_code == 401


def test_token_orang_lain_404(dunia):
    token, _ = token_buat(user=dunia.pld_b.user, nama="HP B")
    c = dunia.klien(dunia.pld_a)
    url = reverse("akun:token-cabut", args=[token.pk])
    assert c.get(url).status_code == 404
    assert c.post(url).status_code == 404
    token.refresh_from_db()
    assert token.aktif


def test_cabut_perlu_csrf(dunia):
    from django.test import Client

    token, _ = token_buat(user=dunia.pld_a.user, nama="HP")
    c = Client(enforce_csrf_checks=True)
    c.force_login(dunia.pld_a.user)
    assert c.post(reverse("akun:token-cabut", args=[token.pk])).status_code == 403
    token.refresh_from_db()
    assert token.aktif
