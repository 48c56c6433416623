"""The Content-Security-Policy ENFORCED in the test server: the main pages of each role raise no
violation (``securitypolicyviolation`` events, caught by an init script before any page script
runs) and log no console error — the login, the public complaint form (with its desa search), the
PLD's home, entry form and log, the code step and enrolment of two-factor sign-in, a supervisor's
dashboard, verification queue and incident map (its Leaflet assets self-hosted, its tiles from the
allowed tile server), Django admin."""

import datetime
import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from PIL import Image

from bencana.models import JenisKejadian
from bencana.services import kejadian_laporkan
from tests.bencana.factories import pastikan_jenis
from tests.factories import KegiatanFactory
from tests.pengaduan.factories import kategori_isi

from .conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PENGAMAT = """
window.__pelanggaran = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__pelanggaran.push([e.violatedDirective, e.blockedURI, e.sourceFile, e.lineNumber, e.sample].join(" "));
});
"""


def _ubin_png() -> bytes:
    b = io.BytesIO()
    Image.new("RGB", (256, 256), (200, 220, 200)).save(b, format="PNG")
    return b.getvalue()


@pytest.fixture
def tegakkan(settings):
    settings.CONTENT_SECURITY_POLICY = settings.CSP_KEBIJAKAN
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = None
    settings.OTP_WAJIB = True


class Pengamat:
    def __init__(self, page):
        self.page = page
        self.galat: list[str] = []
        page.add_init_script(PENGAMAT)
        page.on(
            "console", lambda m: m.type == "error" and self.galat.append(f"{page.url}: {m.text}")
        )
        page.on("pageerror", lambda e: self.galat.append(f"{page.url}: {e}"))
        # the map's tile server is on the internet, which this machine does not reach: answer
        # its requests here (the policy is checked before a request leaves the page)
        png = _ubin_png()
        page.context.route(
            "https://tile.openstreetmap.org/**",
            lambda r: r.fulfill(body=png, content_type="image/png"),
        )
        # likewise Redoc's logo, the one outside image its page allows (pendampingan/api/urls.py)
        page.context.route(
            "https://cdn.redoc.ly/**", lambda r: r.fulfill(body=png, content_type="image/png")
        )

    def buka(self, url: str):
        r = self.page.goto(url)
        self.page.wait_for_load_state("networkidle")
        assert r.status < 400, (url, r.status)
        assert self.page.url.endswith(url), (url, self.page.url)  # not sent elsewhere (login)
        assert "content-security-policy" in r.all_headers(), url
        self.periksa(url)

    def periksa(self, url: str):
        pelanggaran = self.page.evaluate("window.__pelanggaran || []")
        assert not pelanggaran, (url, pelanggaran)
        assert not self.galat, self.galat


def _keluar(page):
    page.get_by_role("button", name="Keluar", exact=True).click()
    page.wait_for_load_state()


def test_halaman_utama_tanpa_pelanggaran_csp(halaman, dunia, tegakkan):
    pastikan_jenis()
    kategori_isi()
    KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a, judul="Musdes RKP")
    kejadian_laporkan(
        pelapor=dunia.pld_a,
        jenis=JenisKejadian.objects.first(),
        waktu=timezone.now() - datetime.timedelta(hours=1),
        desa=dunia.desa_a,
        ringkasan="Banjir di dusun utara",
        lintang=Decimal("-7.7123"),
        bujur=Decimal("109.0151"),
    )
    page = halaman
    p = Pengamat(page)

    # the public: login, the complaint form and its desa search (script: fetch to this site)
    p.buka("/akun/login/")
    p.buka("/pengaduan/lapor/")
    page.fill("input[name=desa]", "Alpha")
    page.wait_for_timeout(800)  # the script's search as one types (debounced), before the button's
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Cari desa").click()
    page.wait_for_load_state("networkidle")
    p.periksa("/pengaduan/lapor/ (cari desa)")

    # a PLD: home, the entry form, the log, the two-factor account page and its enrolment
    masuk(page, "pld_a")
    for url in (
        "/",
        "/kegiatan/baru/",
        "/kegiatan/",
        "/akun/dua-langkah/",
        "/akun/dua-langkah/daftar/",
    ):
        p.buka(url)
    _keluar(page)

    # a supervisor (two factors: the code step is passed by masuk()): dashboard, queue, map
    page.goto("/akun/login/")
    page.fill("input[name=username]", "korprov")
    page.fill("input[name=password]", "rahasia-uji-123")
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    p.periksa("/akun/dua-langkah/daftar/ (wajib)")  # no device yet: the enrolment page
    assert "/akun/dua-langkah/daftar/" in page.url
    _keluar(page)
    masuk(page, "korprov")
    assert page.url.endswith("/"), page.url
    p.periksa("verifikasi")
    for url in (f"/dasbor/?wilayah={dunia.kab_a.kode}", "/kegiatan/verifikasi/", "/bencana/peta/"):
        p.buka(url)
    assert page.locator(".leaflet-marker-pane path, .leaflet-overlay-pane path").count() >= 1
    assert page.locator("img.leaflet-tile-loaded").count() >= 1  # a tile from the allowed server
    _keluar(page)

    # Django admin
    get_user_model().objects.create_superuser("admin_uji", "a@contoh.id", "rahasia-uji-123")
    masuk(page, "admin_uji")
    for url in ("/admin/", "/admin/auth/user/", "/admin/pendampingan/kegiatan/"):
        p.buka(url)

    # the API's documentation (Swagger UI, Redoc: self-hosted through drf-spectacular-sidecar)
    p.buka("/api/v1/docs/")
    page.wait_for_selector(".swagger-ui .info", timeout=20000)
    p.periksa("/api/v1/docs/ (dirender)")
    p.buka("/api/v1/redoc/")
    page.wait_for_selector("#redoc-container h1", timeout=20000)
    p.periksa("/api/v1/redoc/ (dirender)")
