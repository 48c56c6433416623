"""One trusted client address (pendampingan/inti/alamat.py) and what keys on it: the login lockout
(axes), the per-address failed-login limit, the public rate limit and the API throttles. The proxy
chains are simulated with the headers a proxy would write (REMOTE_ADDR is the proxy)."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from rest_framework.test import APIClient

from pendampingan.inti.alamat import alamat_klien
from pengaduan.models import Pengaduan
from tests.pengaduan.factories import URL_LAPOR, isian_publik

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
URL_MASUK = reverse("login")


@pytest.fixture(autouse=True)
def _cache_bersih():
    from django.core.cache import cache

    cache.clear()  # the counts of one test are not the next one's
    yield
    cache.clear()


def _alamat(remote, xff=None):
    meta = {"REMOTE_ADDR": remote}
    if xff is not None:
        meta["HTTP_X_FORWARDED_FOR"] = xff
    return alamat_klien(RequestFactory().get("/", **meta))


def test_tanpa_proxy_tepercaya_xff_diabaikan(settings):
    settings.PROXY_TEPERCAYA_JUMLAH = 0
    settings.PROXY_TEPERCAYA_ALAMAT = []
    assert _alamat("203.0.113.5", "6.6.6.6") == "203.0.113.5"


@pytest.mark.parametrize(
    ("jumlah", "remote", "xff", "harus"),
    [
        (1, PROXY, "198.51.100.7", "198.51.100.7"),
        # what the client wrote itself sits to the left of what the proxy appended
        (1, PROXY, "6.6.6.6, 198.51.100.7", "198.51.100.7"),
        (1, PROXY, "unknown, 198.51.100.7:4711", "198.51.100.7"),
        (1, PROXY, "[2001:db8::5]:443", "2001:db8::5"),
        (2, PROXY, "6.6.6.6, 198.51.100.7, 10.0.0.2", "198.51.100.7"),
        # fewer hops than proxies: the request did not come through them all
        (2, PROXY, "198.51.100.7", PROXY),
        (1, PROXY, None, PROXY),
    ],
)
def test_jumlah_proxy(settings, jumlah, remote, xff, harus):
    settings.PROXY_TEPERCAYA_JUMLAH = jumlah
    assert _alamat(remote, xff) == harus


def test_alamat_proxy_tepercaya(settings):
    settings.PROXY_TEPERCAYA_JUMLAH = 0
    settings.PROXY_TEPERCAYA_ALAMAT = ["10.0.0.0/24"]
    # every trusted hop at the right is skipped
    assert _alamat(PROXY, "6.6.6.6, 198.51.100.7, 10.0.0.9") == "198.51.100.7"
    # a request that reached the app around the proxy: its X-Forwarded-For is not believed
    assert _alamat("203.0.113.5", "6.6.6.6") == "203.0.113.5"
    # a chain of proxies only: the left-most is the client
    assert _alamat(PROXY, "10.0.0.3, 10.0.0.9") == "10.0.0.3"


def test_setelan_lama_menghentikan_start(monkeypatch):
    """The removed PENGADUAN_PROXY_TEPERCAYA does not silently mean something else now."""
    import importlib

    from django.core.exceptions import ImproperlyConfigured

    import config.settings.klien as klien

    monkeypatch.setenv("PENGADUAN_PROXY_TEPERCAYA", "true")
    try:
        with pytest.raises(ImproperlyConfigured, match="PROXY_TEPERCAYA_JUMLAH"):
            importlib.reload(klien)
    finally:
        monkeypatch.delenv("PENGADUAN_PROXY_TEPERCAYA")
        importlib.reload(klien)


# ------------------------------------------------------------------------------ login lockout


def _masuk(xff, username, password):
    c = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=xff)
    return c.post(URL_MASUK, {"username": username, "password": password})


def test_penyerang_di_x_tidak_mengunci_pengguna_di_y(dunia, settings):
    """Before: every request had the proxy's address, so five wrong passwords from anywhere locked
    the account for everyone behind the proxy."""
    settings.PROXY_TEPERCAYA_JUMLAH = 1
    user = dunia.pld_a.user
    user.set_password("sandi-benar-123")
    user.save()
    for _i in range(settings.AXES_FAILURE_LIMIT):
        r = _masuk("6.6.6.6", user.username, "salah")
    assert r.status_code == 429  # the attacker's pair (username, X) is locked
    assert _masuk("6.6.6.6", user.username, "sandi-benar-123").status_code == 429
    # the user at Y, behind the same proxy, signs in
    r = _masuk("198.51.100.7", user.username, "sandi-benar-123")
    assert r.status_code == 302 and r.url == reverse(settings.LOGIN_REDIRECT_URL)


def test_xff_palsu_tanpa_proxy_tidak_membuka_kunci(dunia, settings):
    """Without a trusted proxy a forged X-Forwarded-For changes nothing: the lockout holds."""
    settings.PROXY_TEPERCAYA_JUMLAH = 0
    user = dunia.pld_a.user
    user.set_password("sandi-benar-123")
    user.save()
    for i in range(settings.AXES_FAILURE_LIMIT):
        Client(REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR=f"6.6.6.{i}").post(
            URL_MASUK, {"username": user.username, "password": "salah"}
        )
    c = Client(REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="198.51.100.99")
    r = c.post(URL_MASUK, {"username": user.username, "password": "sandi-benar-123"})
    assert r.status_code == 429


def test_batas_gagal_masuk_per_alamat(dunia, settings):
    """Many usernames from one address: the address is refused for the window (a clear message,
    the form kept); another address behind the same proxy is not."""
    settings.PROXY_TEPERCAYA_JUMLAH = 1
    settings.MASUK_BATAS_GAGAL_PER_ALAMAT = 3
    user = dunia.pld_a.user
    user.set_password("sandi-benar-123")
    user.save()
    for i in range(3):
        assert _masuk("6.6.6.6", f"tebakan{i}", "salah").status_code == 200
    r = _masuk("6.6.6.6", user.username, "sandi-benar-123")
    assert r.status_code == 429
    assert "Terlalu banyak percobaan masuk" in r.content.decode()
    assert f'value="{user.username}"' in r.content.decode()
    assert _masuk("198.51.100.7", user.username, "sandi-benar-123").status_code == 302


# ------------------------------------------------------------------------------ rate limits


def test_dua_warga_di_balik_proxy_yang_sama_dihitung_sendiri(dunia, settings):
    """Before: the proxy's address counted for the whole country (five complaints an hour)."""
    settings.PROXY_TEPERCAYA_JUMLAH = 1
    settings.PENGADUAN_BATAS_LAPOR_PER_JAM = 1
    settings.PENGADUAN_WAKTU_ISI_MIN_DETIK = 0
    a = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7")
    b = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.8")
    assert a.post(URL_LAPOR, isian_publik(a, dunia)).status_code == 302
    assert b.post(URL_LAPOR, isian_publik(b, dunia)).status_code == 302
    assert a.post(URL_LAPOR, isian_publik(a, dunia, judul="Kedua")).status_code == 429
    assert Pengaduan.objects.count() == 2


def test_xff_palsu_tidak_memberi_jatah_baru(dunia, settings):
    """Without a trusted proxy, a new X-Forwarded-For per request does not reset the count."""
    settings.PROXY_TEPERCAYA_JUMLAH = 0
    settings.PENGADUAN_BATAS_LAPOR_PER_JAM = 1
    settings.PENGADUAN_WAKTU_ISI_MIN_DETIK = 0
    c = Client(REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="6.6.6.1")
    assert c.post(URL_LAPOR, isian_publik(c, dunia)).status_code == 302
    d = Client(REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="6.6.6.2")
    assert d.post(URL_LAPOR, isian_publik(d, dunia, judul="Kedua")).status_code == 429


def test_throttle_api_tidak_percaya_xff_palsu(dunia, settings, monkeypatch):
    """Before: DRF's own get_ident took X-Forwarded-For as given (NUM_PROXIES unset)."""
    from django.core.cache import cache
    from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle, UserRateThrottle

    cache.clear()
    rates = {"user": "1000/min", "anon": "2/min", "alamat": "1000/min"}
    for kelas in (SimpleRateThrottle, UserRateThrottle, AnonRateThrottle):
        monkeypatch.setattr(kelas, "THROTTLE_RATES", rates)
    kode = [
        APIClient(REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR=f"6.6.6.{i}")
        .get("/api/v1/tidak-ada/")
        .status_code
        for i in range(3)
    ]
    assert kode == [404, 404, 429]
    # behind a trusted proxy, two clients are two addresses
    settings.PROXY_TEPERCAYA_JUMLAH = 1
    lain = APIClient(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert lain.get("/api/v1/tidak-ada/").status_code == 404
    cache.clear()


def test_log_permintaan_membawa_alamat(dunia, settings, caplog):
    settings.PROXY_TEPERCAYA_JUMLAH = 1
    with caplog.at_level("INFO", logger="pendampingan.permintaan"):
        Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7").get(URL_MASUK)
    baris = [r for r in caplog.records if r.name == "pendampingan.permintaan"]
    assert baris and baris[-1].alamat == "198.51.100.7"


def test_jejak_akses_memakai_alamat_yang_sama(settings):
    """The complaints' audit trail records the trusted address, not the proxy's."""
    from pengaduan.views.umum import alamat_klien as alamat_jejak

    settings.PROXY_TEPERCAYA_JUMLAH = 1
    req = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7")
    assert alamat_jejak(req) == "198.51.100.7"
    assert alamat_jejak(RequestFactory().get("/", REMOTE_ADDR="")) is None
