"""The sign-in flow with a second factor, the requirement per role, admin, API and tokens."""

import re

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from pendampingan.api.models import TokenPerangkat
from pendampingan.masuk import services
from pendampingan.masuk.views import KUNCI_BARU

from .conftest import kode_kunci, kode_untuk, masuk, perangkat_untuk

pytestmark = pytest.mark.django_db

DASBOR = "/dasbor/"


def test_pld_tanpa_perangkat_langsung_masuk(orang, client):
    r = masuk(client, orang.pld)
    assert r.status_code == 302 and r["Location"] == "/"
    assert client.get("/").status_code == 200


def test_pd_tanpa_perangkat_langsung_masuk(orang, client):
    masuk(client, orang.pd)
    assert client.get(DASBOR).status_code == 200


def test_korkab_tanpa_perangkat_tidak_bisa_membuka_dasbor(orang, client):
    masuk(client, orang.korkab)
    r = client.get(DASBOR)
    assert r.status_code == 302
    assert r["Location"] == "/akun/dua-langkah/daftar/?next=%2Fdasbor%2F"
    # every page but the enrolment, the code step and sign-out
    for url in ("/", "/kegiatan/", "/akun/token/", "/akun/dua-langkah/", "/admin/"):
        assert client.get(url).status_code == 302, url
    assert client.get("/akun/dua-langkah/daftar/").status_code == 200


def test_korkab_mendaftar_lalu_dasbor_terbuka(orang, client):
    masuk(client, orang.korkab)
    r = client.get("/akun/dua-langkah/daftar/?next=/dasbor/")
    assert r.status_code == 200
    isi = r.content.decode()
    assert "<svg" in isi  # the QR code, drawn inline
    kunci = client.session[KUNCI_BARU]
    assert services.rahasia_teks(kunci) in isi
    # a reload shows the same key
    client.get("/akun/dua-langkah/daftar/")
    assert client.session[KUNCI_BARU] == kunci
    r = client.post("/akun/dua-langkah/daftar/", {"kode": "000000", "next": "/dasbor/"})
    assert r.status_code == 400 and "tidak cocok" in r.content.decode()
    r = client.post("/akun/dua-langkah/daftar/", {"kode": kode_kunci(kunci), "next": "/dasbor/"})
    assert r.status_code == 200
    kode = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", r.content.decode())
    assert len(kode) == 10
    assert sorted(kode) == sorted(
        StaticToken.objects.filter(device__user=orang.korkab).values_list("token", flat=True)
    )
    assert 'href="/dasbor/"' in r.content.decode()
    assert client.get(DASBOR).status_code == 200


def test_korkab_dengan_perangkat_diminta_kode(orang, client):
    p = perangkat_untuk(orang.korkab)
    masuk(client, orang.korkab)
    r = client.get(DASBOR)
    assert r["Location"] == "/akun/dua-langkah/verifikasi/?next=%2Fdasbor%2F"
    assert client.get("/akun/dua-langkah/daftar/")["Location"].startswith(
        "/akun/dua-langkah/verifikasi/"
    )
    r = client.post("/akun/dua-langkah/verifikasi/", {"kode": "999999", "next": "/dasbor/"})
    assert r.status_code == 400
    assert "Kode salah" in r.content.decode()
    assert client.get(DASBOR).status_code == 302
    TOTPDevice.objects.filter(pk=p.pk).update(throttling_failure_count=0)
    kunci_sesi = client.session.session_key
    r = client.post("/akun/dua-langkah/verifikasi/", {"kode": kode_untuk(p), "next": "/dasbor/"})
    assert r.status_code == 302 and r["Location"] == "/dasbor/"
    assert client.session.session_key != kunci_sesi  # new privileges, new session key
    assert client.get(DASBOR).status_code == 200


def test_kode_pemulihan_untuk_masuk_sekali_saja(orang):
    perangkat_untuk(orang.korkab)
    kode = services.kode_pemulihan_buat(user=orang.korkab)
    c = Client()
    masuk(c, orang.korkab)
    r = c.post("/akun/dua-langkah/verifikasi/", {"kode": kode[3], "next": "/dasbor/"}, follow=True)
    assert r.redirect_chain[-1][0] == "/dasbor/"
    assert "tersisa 9 kode" in r.content.decode()
    c2 = Client()
    masuk(c2, orang.korkab)
    r = c2.post("/akun/dua-langkah/verifikasi/", {"kode": kode[3]})
    assert r.status_code == 400


def test_next_ke_situs_lain_diabaikan(orang, client):
    p = perangkat_untuk(orang.korkab)
    masuk(client, orang.korkab)
    r = client.post(
        "/akun/dua-langkah/verifikasi/", {"kode": kode_untuk(p), "next": "https://jahat.example/"}
    )
    assert r["Location"] == "/"


def test_pld_yang_mendaftar_juga_diminta_kode(orang, client):
    p = perangkat_untuk(orang.pld)
    masuk(client, orang.pld)
    assert client.get("/").status_code == 302
    client.post("/akun/dua-langkah/verifikasi/", {"kode": kode_untuk(p)})
    assert client.get("/").status_code == 200


def test_pld_mengaktifkan_lalu_menonaktifkan(orang, client):
    masuk(client, orang.pld)
    assert "Belum aktif" in client.get("/akun/dua-langkah/").content.decode()
    client.get("/akun/dua-langkah/daftar/")
    kunci = client.session[KUNCI_BARU]
    client.post("/akun/dua-langkah/daftar/", {"kode": kode_kunci(kunci)})
    assert "Tersisa 10 kode pemulihan" in client.get("/akun/dua-langkah/").content.decode()
    assert client.get("/akun/dua-langkah/nonaktifkan/").status_code == 200
    r = client.post("/akun/dua-langkah/nonaktifkan/")
    assert r.status_code == 302
    assert not TOTPDevice.objects.filter(user=orang.pld).exists()
    assert DEVICE_ID_SESSION_KEY not in client.session
    assert client.get("/").status_code == 200
    # the next sign-in asks for nothing
    c = Client()
    masuk(c, orang.pld)
    assert c.get("/").status_code == 200


def test_korkab_tidak_bisa_menonaktifkan(orang, client):
    p = perangkat_untuk(orang.korkab)
    masuk(client, orang.korkab)
    client.post("/akun/dua-langkah/verifikasi/", {"kode": kode_untuk(p)})
    assert "Nonaktifkan" not in client.get("/akun/dua-langkah/").content.decode()
    assert client.post("/akun/dua-langkah/nonaktifkan/").status_code == 403
    assert TOTPDevice.objects.filter(user=orang.korkab).exists()


def test_kode_pemulihan_baru_dari_halaman_akun(orang, client):
    p = perangkat_untuk(orang.korkab)
    lama = services.kode_pemulihan_buat(user=orang.korkab)
    masuk(client, orang.korkab)
    client.post("/akun/dua-langkah/verifikasi/", {"kode": kode_untuk(p)})
    assert client.get("/akun/dua-langkah/kode-pemulihan/").status_code == 405
    r = client.post("/akun/dua-langkah/kode-pemulihan/")
    baru = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", r.content.decode())
    assert len(baru) == 10 and not set(baru) & set(lama)


def test_admin_butuh_verifikasi(orang, client):
    masuk(client, orang.admin)
    assert client.get("/admin/")["Location"].startswith("/akun/dua-langkah/daftar/")
    client.get("/akun/dua-langkah/daftar/")
    client.post("/akun/dua-langkah/daftar/", {"kode": kode_kunci(client.session[KUNCI_BARU])})
    assert client.get("/admin/").status_code == 200


def test_situs_admin_menolak_sesi_staf_tanpa_verifikasi(orang, rf):
    """Also without the middleware: admin's own permission check wants the verified session."""
    from django.contrib import admin

    req = rf.get("/admin/")
    req.user = orang.admin
    req.user.is_verified = lambda: False
    assert not admin.site.has_permission(req)
    req.user.is_verified = lambda: True
    assert admin.site.has_permission(req)


def _verifikasi(client, user):
    p = perangkat_untuk(user)
    masuk(client, user)
    client.post("/akun/dua-langkah/verifikasi/", {"kode": kode_untuk(p)})
    return p


def test_admin_mereset_perangkat_dengan_konfirmasi_dan_riwayat(orang, client):
    _verifikasi(client, orang.admin)
    korkab_p = perangkat_untuk(orang.korkab)
    services.kode_pemulihan_buat(user=orang.korkab)
    data = {"action": "reset_dua_langkah", "_selected_action": [orang.korkab.pk]}
    r = client.post("/admin/auth/user/", data)
    assert r.status_code == 200 and "Ya, reset perangkatnya" in r.content.decode()
    assert TOTPDevice.objects.filter(pk=korkab_p.pk).exists()  # not before the confirmation
    r = client.post("/admin/auth/user/", {**data, "konfirmasi": "ya"})
    assert r.status_code == 302
    assert not TOTPDevice.objects.filter(user=orang.korkab).exists()
    assert not StaticToken.objects.filter(device__user=orang.korkab).exists()
    catatan = LogEntry.objects.get(object_id=str(orang.korkab.pk))
    assert catatan.user == orang.admin and "direset" in catatan.get_change_message()
    # the history page of the user shows it
    assert "direset" in client.get(f"/admin/auth/user/{orang.korkab.pk}/history/").content.decode()


def test_sesi_yang_perangkatnya_direset_diminta_daftar_lagi(orang):
    c = Client()
    p = _verifikasi(c, orang.korkab)
    assert c.get(DASBOR).status_code == 200
    services.perangkat_hapus(user=orang.korkab, oleh=orang.admin)
    assert not TOTPDevice.objects.filter(pk=p.pk).exists()
    r = c.get(DASBOR, follow=True)
    assert r.redirect_chain[-1][0].startswith("/akun/dua-langkah/daftar/")


def test_admin_perangkat_otp_tidak_ditawarkan(orang, client):
    _verifikasi(client, orang.admin)
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404


def test_api_dengan_sesi_belum_verifikasi_403(orang, client):
    masuk(client, orang.korkab)
    r = client.get("/api/v1/kegiatan/")
    assert r.status_code == 403
    assert "dua langkah" in r.json()["detail"]


def test_htmx_diarahkan_dengan_hx_redirect(orang, client):
    masuk(client, orang.korkab)
    r = client.get(DASBOR, HTTP_HX_REQUEST="true")
    assert r.status_code == 204 and r["HX-Redirect"].startswith("/akun/dua-langkah/daftar/")


def test_token_api_hanya_dari_sesi_terverifikasi(orang, client, settings):
    _verifikasi(client, orang.korkab)
    assert client.post("/akun/token/", {"nama": "HP kantor"}).status_code == 200
    assert TokenPerangkat.objects.filter(user=orang.korkab).count() == 1
    # a session that skipped the code (the middleware taken out) is still refused the token
    settings.MIDDLEWARE = [
        m for m in settings.MIDDLEWARE if m != "pendampingan.masuk.middleware.DuaLangkahMiddleware"
    ]
    c = Client()
    masuk(c, orang.korkab)
    assert c.post("/akun/token/", {"nama": "HP lain"}).status_code == 403
    assert TokenPerangkat.objects.filter(user=orang.korkab).count() == 1


def test_token_api_pld_tanpa_perangkat_boleh(orang, client):
    masuk(client, orang.pld)
    assert client.post("/akun/token/", {"nama": "HP"}).status_code == 200


def test_token_perangkat_tetap_berlaku_tanpa_sesi(orang, client):
    """A device token stands on its own (it was made in a verified session)."""
    _verifikasi(client, orang.korkab)
    r = client.post("/akun/token/", {"nama": "HP kantor"})
    rahasia = re.search(r'id="rahasia-baru" type="text" value="([^"]+)"', r.content.decode()).group(
        1
    )
    api = Client()
    assert api.get("/api/v1/kegiatan/", HTTP_AUTHORIZATION=f"Token {rahasia}").status_code == 200


def test_halaman_tanpa_query_tambahan_untuk_pld(orang, client):
    """The session's mark costs no query: a PLD's page does not grow with two-factor sign-in."""
    masuk(client, orang.pld)
    client.get("/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        client.get("/")
    assert not [q for q in ctx.captured_queries if "otp_" in q["sql"]]
