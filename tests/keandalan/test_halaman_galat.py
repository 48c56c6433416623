"""The error pages cannot fail: each renders with the database and Redis unreachable, with no
query, in Indonesian, with its status; a database outage anywhere in a request is a 503; a broken
template gives the plain last-resort page, never an exception out of the handler."""

import contextlib

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connections
from django.test import Client, RequestFactory
from django.utils.functional import SimpleLazyObject

from config import urls as situs
from pendampingan import errors
from tests.notifikasi.layanan import port_bebas

pytestmark = pytest.mark.urls("tests.keandalan.urls_galat")

CSS = 'href="/static/css/galat.css"'


def penanda(status: int) -> str:
    return f'{errors.PENANDA}="{status}"'


def halaman_lengkap(html: str, status: int):
    """The template page (styled), not the last resort, carrying the status marker."""
    assert penanda(status) in html
    assert CSS in html, "halaman cadangan dipakai: template galat gagal dirender"
    assert "data-cadangan" not in html
    assert 'lang="id"' in html and 'name="viewport"' in html
    assert 'href="/"' in html and "Kembali ke beranda" in html


@contextlib.contextmanager
def _koneksi_mati(django_db_blocker):
    """This process's default database is a PostgreSQL port where nothing listens (psycopg's
    "Connection refused" — what a request meets while the server restarts)."""
    from django.db.utils import load_backend

    sd = connections.configure_settings(
        {
            "default": {
                "ENGINE": "django.db.backends.postgresql",
                "NAME": "tidak_ada",
                "USER": "postgres",
                "HOST": "127.0.0.1",
                "PORT": str(port_bebas()),
                "ATOMIC_REQUESTS": True,
                "OPTIONS": {"connect_timeout": 2},
            }
        }
    )["default"]
    lama = connections["default"]
    mati = load_backend(sd["ENGINE"]).DatabaseWrapper(sd, "default")
    connections["default"] = mati
    try:
        with django_db_blocker.unblock():
            yield mati
    finally:
        mati.close()
        connections["default"] = lama


@pytest.fixture
def tanpa_layanan(settings, django_db_blocker):
    """No database and no Redis: the connection and the cache point at ports where nothing
    listens."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port_bebas()}/0",
        }
    }
    with _koneksi_mati(django_db_blocker) as mati:
        yield mati


def _klien(**kw) -> Client:
    return Client(raise_request_exception=False, **kw)


@pytest.mark.parametrize(
    ("url", "status", "teks"),
    [
        ("/uji-galat/400/", 400, "Tanggal &#x27;sampai&#x27; di luar rentang."),
        ("/uji-galat/400-curiga/", 400, "Ada isian atau alamat halaman yang tidak dapat dibaca"),
        ("/uji-galat/403/", 403, "Hanya pendamping desa ini yang boleh mengubah."),
        ("/uji-galat/404/", 404, "Halaman tidak ditemukan"),
        ("/alamat/yang/tidak-ada/", 404, "di luar wilayah tugas Anda"),
        ("/uji-galat/500/", 500, "terjadi kesalahan di server"),
        ("/uji-galat/503/", 503, "Basis data sedang tidak dapat dihubungi"),
        ("/uji-galat/503-antarmuka/", 503, "Basis data sedang tidak dapat dihubungi"),
        ("/uji-galat/503-berantai/", 503, "Basis data sedang tidak dapat dihubungi"),
    ],
)
def test_halaman_galat_tanpa_basis_data_dan_redis(tanpa_layanan, url, status, teks):
    r = _klien().get(url)
    html = r.content.decode()
    assert r.status_code == status
    halaman_lengkap(html, status)
    assert teks in html
    assert r["Cache-Control"] == "no-store"
    assert "rahasia.internal" not in html  # a SuspiciousOperation's text is for the log only
    assert tanpa_layanan.connection is None  # no connection was even attempted


def test_503_menyuruh_mencoba_lagi(tanpa_layanan):
    r = _klien().get("/uji-galat/503/")
    assert r["Retry-After"] == str(errors.COBA_LAGI_DETIK)
    assert 'href="/uji-galat/503/"' in r.content.decode()  # "Coba lagi" opens the page again


def test_basis_data_mati_di_middleware_juga_503(tanpa_layanan):
    """A signed-in visitor's session cannot be read (the first query of the request, in a
    middleware, before any view): the 503 page, not a 500 and not gunicorn's."""
    klien = _klien()
    klien.cookies["sessionid"] = "a" * 32
    r = klien.get("/kegiatan/")
    assert r.status_code == 503
    halaman_lengkap(r.content.decode(), 503)


def test_basis_data_mati_saat_kirim_formulir(tanpa_layanan):
    """A POST that meets the outage (ATOMIC_REQUESTS opens the transaction first) is told that
    its input may not be saved."""
    klien = _klien()
    klien.cookies["sessionid"] = "a" * 32
    r = klien.post("/kegiatan/baru/", {"judul": "x"})
    html = r.content.decode()
    assert r.status_code == 503
    halaman_lengkap(html, 503)
    assert "Isian formulir Anda mungkin belum tersimpan" in html


def test_csrf_ditolak_dengan_halaman_sendiri(tanpa_layanan):
    r = _klien(enforce_csrf_checks=True).post("/uji-galat/formulir/", {"a": "1"})
    html = r.content.decode()
    assert r.status_code == 403
    halaman_lengkap(html, 403)
    assert "Formulir kedaluwarsa" in html
    assert 'href="/uji-galat/formulir/"' in html  # opening the form again gives a fresh token
    assert "CSRF" not in html  # Django's English reason stays in the log


def test_pengendali_terpasang():
    assert situs.handler400 is errors.permintaan_buruk
    assert situs.handler403 is errors.terlarang
    assert situs.handler404 is errors.tidak_ditemukan
    assert situs.handler500 is errors.galat_server
    from django.conf import settings

    assert settings.CSRF_FAILURE_VIEW == "pendampingan.errors.csrf_gagal"


# ---------------------------------------------------------------- no query, whoever is signed in


def _permintaan_pengguna(rf, user_pk, session_key, path="/kegiatan/"):
    """A request whose user and session would be read from the database if anything asked."""
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    r = rf.get(path)
    r.user = SimpleLazyObject(lambda: get_user_model().objects.get(pk=user_pk))
    r.session = SessionStore(session_key=session_key)
    r.id_permintaan = "9f1c2e7ab3d04e55"
    return r


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("panggil", "status"),
    [
        (lambda r: errors.permintaan_buruk(r, exception=None), 400),
        (lambda r: errors.terlarang(r, exception=None), 403),
        (lambda r: errors.csrf_gagal(r, reason="CSRF token missing."), 403),
        (lambda r: errors.tidak_ditemukan(r, exception=None), 404),
        (lambda r: errors.galat_server(r), 500),
        (lambda r: errors.basis_data_tidak_tersedia(r), 503),
    ],
)
def test_nol_query_untuk_pengguna_yang_masuk(
    dunia, rf, client, django_assert_num_queries, panggil, status
):
    """The site's navigation (a context processor) reads the signed-in user's scope: the error
    pages run none, so a signed-in user's error page costs 0 queries."""
    client.force_login(dunia.pld_a.user)
    permintaan = _permintaan_pengguna(rf, dunia.pld_a.user.pk, client.session.session_key)
    with django_assert_num_queries(0):
        r = panggil(permintaan)
    html = r.content.decode()
    assert r.status_code == status
    halaman_lengkap(html, status)
    assert "9f1c2e7ab3d04e55" in html  # the request id to quote to the admin
    assert "pld_a" not in html and "Keluar" not in html  # nothing of the user


def test_kode_permintaan_di_escape():
    r = RequestFactory().get("/x/")
    r.id_permintaan = '<script>alert("x")</script>'
    html = errors.galat_server(r).content.decode()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_tanpa_kode_permintaan_tidak_ada_baris_kode():
    r = RequestFactory().get("/x/")
    r.user = AnonymousUser()
    assert "Kode permintaan" not in errors.galat_server(r).content.decode()


def test_coba_lagi_tidak_membuka_situs_lain():
    r = RequestFactory().get("/x/")
    r.path = "//situs-lain.example/masuk"
    html = errors.galat_server(r).content.decode()
    assert "situs-lain" not in html


# ---------------------------------------------------------------- the last resort


@pytest.fixture
def template_rusak(settings, tmp_path):
    """Every error template fails to render (a tag library that does not exist)."""
    for nama in ("400", "403", "403_csrf", "404", "500", "503"):
        (tmp_path / f"{nama}.html").write_text("{% load tidak_ada %}<p>tidak terlihat</p>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path], "APP_DIRS": False},
    ]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/uji-galat/400/", 400),
        ("/uji-galat/403/", 403),
        ("/uji-galat/404/", 404),
        ("/uji-galat/500/", 500),
        ("/uji-galat/503/", 503),
    ],
)
def test_template_rusak_halaman_cadangan(template_rusak, tanpa_layanan, url, status):
    r = _klien().get(url)
    html = r.content.decode()
    assert r.status_code == status
    assert penanda(status) in html and 'data-cadangan="1"' in html
    assert 'lang="id"' in html and 'href="/"' in html and "coba lagi" in html
    assert "tidak terlihat" not in html


def test_template_rusak_csrf_cadangan(template_rusak, tanpa_layanan):
    r = _klien(enforce_csrf_checks=True).post("/uji-galat/formulir/", {"a": "1"})
    assert r.status_code == 403
    assert 'data-cadangan="1"' in r.content.decode()


def test_pengendali_yang_gagal_pun_menjawab():
    """Even a request object that raises on every attribute gets the last-resort page."""

    class Rusak:
        def __getattr__(self, nama):
            raise RuntimeError(nama)

    r = errors.galat_server(Rusak())
    assert r.status_code == 500
    assert 'data-cadangan="1"' in r.content.decode() or CSS in r.content.decode()
