"""Sessions by role (pendampingan/inti/sesi.py) and the account page "Sesi masuk"
(pendampingan/akun/): the record of each signed-in device, signing one out, signing out
everywhere (API device tokens too)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from pendampingan.api.services import token_buat
from pendampingan.inti.sesi import TANDA
from pendampingan.models import SesiPengguna

pytestmark = pytest.mark.django_db

URL_DAFTAR = reverse("sesi:sesi-list")
URL_SEMUA = reverse("sesi:sesi-keluar-semua")
UA_HP = (
    "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36"
)


def _masuk(user, *, ua=UA_HP, alamat="198.51.100.7") -> Client:
    """A real login through the form, from a device and an address."""
    if not user.check_password("sandi-benar-123"):  # a new hash would end the other sessions
        user.set_password("sandi-benar-123")
        user.save()
    c = Client(HTTP_USER_AGENT=ua, REMOTE_ADDR=alamat)
    r = c.post(reverse("login"), {"username": user.username, "password": "sandi-benar-123"})
    assert r.status_code == 302, r.content
    return c


def _sisa(c: Client) -> datetime.timedelta:
    return Session.objects.get(pk=c.session.session_key).expire_date - timezone.now()


def _kira(sisa: datetime.timedelta, harus: datetime.timedelta) -> bool:
    return abs(sisa - harus) < datetime.timedelta(minutes=2)


# ------------------------------------------------------------------------------ lifetimes


def test_umur_sesi_menurut_peran(dunia, settings):
    """Before: 14 days for every role."""
    assert _kira(_sisa(_masuk(dunia.pld_a.user)), datetime.timedelta(days=30))
    assert _kira(_sisa(_masuk(dunia.pd_a.user)), datetime.timedelta(days=30))
    assert _kira(_sisa(_masuk(dunia.pengawas.user)), datetime.timedelta(hours=12))
    admin = get_user_model().objects.create_user("admin_dinas", is_staff=True)
    assert _kira(_sisa(_masuk(admin)), datetime.timedelta(hours=8))
    # a PLD who is also a Django admin user gets the admin's short session
    dunia.pld_b.user.is_staff = True
    dunia.pld_b.user.save()
    assert _kira(_sisa(_masuk(dunia.pld_b.user)), datetime.timedelta(hours=8))
    settings.SESI_UMUR_LAPANGAN_HARI = 7
    assert _kira(_sisa(_masuk(dunia.pld_a.user)), datetime.timedelta(days=7))


def test_umur_dihitung_dari_masuk_bukan_diperpanjang(dunia, settings):
    settings.SESI_SEGARKAN_DETIK = 0  # every request refreshes the record (and saves the session)
    c = _masuk(dunia.pengawas.user)
    batas = Session.objects.get(pk=c.session.session_key).expire_date
    assert c.get(reverse("pendampingan:beranda")).status_code == 200
    assert Session.objects.get(pk=c.session.session_key).expire_date == batas


# ------------------------------------------------------------------------------ the record


def test_masuk_mencatat_perangkat_dan_alamat(dunia, settings):
    settings.PROXY_TEPERCAYA_JUMLAH = 1
    user = dunia.pld_a.user
    user.set_password("sandi-benar-123")
    user.save()
    c = Client(HTTP_USER_AGENT=UA_HP, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    c.post(reverse("login"), {"username": user.username, "password": "sandi-benar-123"})
    s = SesiPengguna.objects.get(user=user)
    assert s.sesi_id == c.session.session_key
    assert s.alamat == "203.0.113.9" and s.perangkat == UA_HP
    assert s.perangkat_ringkas == "Chrome di Android"


def test_terakhir_dilihat_disegarkan_paling_sering_tiap_periode(dunia, settings):
    c = _masuk(dunia.pld_a.user)
    s = SesiPengguna.objects.get()
    lama = timezone.now() - datetime.timedelta(hours=1)
    SesiPengguna.objects.update(terakhir_dilihat=lama)
    c.get(reverse("pendampingan:beranda"))  # within SESI_SEGARKAN_DETIK: not written
    assert SesiPengguna.objects.get().terakhir_dilihat == lama
    settings.SESI_SEGARKAN_DETIK = 0
    c.get(reverse("pendampingan:beranda"), REMOTE_ADDR="198.51.100.99")
    s = SesiPengguna.objects.get()
    assert s.terakhir_dilihat > lama and s.alamat == "198.51.100.99"


def test_sesi_tanpa_catatan_harus_masuk_lagi(dunia):
    """A session from before the record (no mark) is signed out: every live session is listed,
    so signing out everywhere reaches it."""
    c = _masuk(dunia.pld_a.user)
    sesi = c.session
    del sesi[TANDA]
    sesi.save()
    r = c.get(reverse("pendampingan:beranda"))
    assert r.status_code == 302 and r.url.startswith(reverse("login"))


def test_ganti_kata_sandi_sesi_tetap_tercatat(dunia):
    c = _masuk(dunia.pld_a.user)
    r = c.post(
        reverse("password_change"),
        {
            "old_password": "sandi-benar-123",
            "new_password1": "Sandi-Baru-Panjang-42",
            "new_password2": "Sandi-Baru-Panjang-42",
        },
    )
    assert r.status_code == 302
    assert c.get(URL_DAFTAR).status_code == 200
    s = SesiPengguna.objects.get(user=dunia.pld_a.user)
    assert s.sesi_id == c.session.session_key


# ------------------------------------------------------------------------------ the page


def test_daftar_sesi_milik_sendiri_dan_sesi_ini(dunia):
    hp = _masuk(dunia.pld_a.user)
    laptop = _masuk(dunia.pld_a.user, ua="Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/133.0")
    _masuk(dunia.pld_b.user, ua="Mozilla/5.0 (iPhone; CPU iPhone OS 18_1) Safari/604.1")
    r = laptop.get(URL_DAFTAR)
    assert r.status_code == 200
    daftar = list(r.context["sesi_list"])
    assert {s.perangkat_ringkas for s in daftar} == {"Chrome di Android", "Firefox di Windows"}
    html = r.content.decode()
    assert html.count("sesi ini") == 1 and "Safari di iPhone" not in html
    assert hp.get(URL_DAFTAR).status_code == 200


def test_daftar_sesi_jumlah_query_tetap(dunia, django_assert_max_num_queries):
    def jumlah(n):
        c = None
        for _i in range(n):
            c = _masuk(dunia.pld_a.user)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as q:
            assert c.get(URL_DAFTAR).status_code == 200
        return len(q)

    satu = jumlah(2)
    tiga = jumlah(4)  # 2 + 4 = 6 sessions: three times as many rows
    assert tiga == satu
    lain = _masuk(dunia.pld_b.user)
    with django_assert_max_num_queries(satu):
        assert lain.get(URL_DAFTAR).status_code == 200


def test_keluarkan_perangkat_lain(dunia):
    hp = _masuk(dunia.pld_a.user)
    laptop = _masuk(dunia.pld_a.user, ua="Mozilla/5.0 (Windows NT 10.0) Firefox/133.0")
    sesi_hp = SesiPengguna.objects.get(sesi_id=hp.session.session_key)
    url = reverse("sesi:sesi-keluar", args=[sesi_hp.pk])
    assert "Keluarkan Chrome di Android" in laptop.get(url).content.decode()  # confirmation
    r = laptop.post(url)
    assert r.status_code == 302 and r.url == URL_DAFTAR
    assert not Session.objects.filter(pk=sesi_hp.sesi_id).exists()
    assert not SesiPengguna.objects.filter(pk=sesi_hp.pk).exists()
    r = hp.get(reverse("pendampingan:beranda"))
    assert r.status_code == 302 and r.url.startswith(reverse("login"))
    assert laptop.get(URL_DAFTAR).status_code == 200


def test_sesi_orang_lain_404(dunia):
    lain = _masuk(dunia.pld_b.user)
    sesi_b = SesiPengguna.objects.get(sesi_id=lain.session.session_key)
    c = _masuk(dunia.pld_a.user)
    url = reverse("sesi:sesi-keluar", args=[sesi_b.pk])
    assert c.get(url).status_code == 404
    assert c.post(url).status_code == 404
    assert Session.objects.filter(pk=sesi_b.sesi_id).exists()


def test_keluar_dari_sesi_ini(dunia):
    c = _masuk(dunia.pld_a.user)
    s = SesiPengguna.objects.get()
    r = c.post(reverse("sesi:sesi-keluar", args=[s.pk]))
    assert r.status_code == 302 and r.url == reverse("login")
    assert not SesiPengguna.objects.exists()


def test_keluar_dari_semua_perangkat_dan_token(dunia):
    hp = _masuk(dunia.pld_a.user)
    laptop = _masuk(dunia.pld_a.user)
    lain = _masuk(dunia.pld_b.user)
    token, rahasia = token_buat(user=dunia.pld_a.user, nama="HP lapangan")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {rahasia}")
    assert api.get("/api/v1/wilayah/").status_code == 200
    konfirmasi = laptop.get(URL_SEMUA).content.decode()
    assert "2 sesi akan diakhiri" in konfirmasi and "1 token API aktif akan dicabut" in konfirmasi
    r = laptop.post(URL_SEMUA)
    assert r.status_code == 302 and r.url == reverse("login")
    for c in (hp, laptop):
        r = c.get(reverse("pendampingan:beranda"))
        assert r.status_code == 302 and r.url.startswith(reverse("login"))
    assert api.get("/api/v1/wilayah/").status_code == 401
    token.refresh_from_db()
    assert token.dicabut is not None
    assert not SesiPengguna.objects.filter(user=dunia.pld_a.user).exists()
    # another user's session is untouched
    assert lain.get(URL_DAFTAR).status_code == 200


def test_halaman_sesi_perlu_masuk(dunia):
    r = Client().get(URL_DAFTAR)
    assert r.status_code == 302 and r.url.startswith(reverse("login"))
