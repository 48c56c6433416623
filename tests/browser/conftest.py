"""Browser journeys: Playwright driving the system Chromium against pytest-django's live server.

Where the machine has no Chromium the journeys are skipped with that reason — except under
CI=true, where a missing browser fails the run."""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

os.environ.setdefault(
    "DJANGO_ALLOW_ASYNC_UNSAFE", "true"
)  # Playwright's sync API runs an event loop

CHROMIUM = (
    os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
)
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def _browser():
    if not CHROMIUM:
        if os.environ.get("CI") == "true":
            pytest.fail(
                "Chromium tidak ditemukan (CI=true): pasang dengan `apt-get install -y chromium`."
            )
        pytest.skip(
            "Chromium sistem tidak ada di mesin ini; jalankan `apt-get install -y chromium` untuk uji peramban."
        )
    from django.db import connections
    from playwright.sync_api import sync_playwright

    serial = {a: getattr(connections[a], "_test_serialized_contents", None) for a in connections}
    with sync_playwright() as pw:
        # Playwright's greenlets give the code after this point another contextvars context, so
        # Django hands out new connection objects: carry over the test database's serialized
        # content, which transactional tests (serialized_rollback) restore after each flush.
        for alias, isi in serial.items():
            if isi is not None:
                connections[alias]._test_serialized_contents = isi
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def halaman(_browser, live_server, transactional_db):
    """A fresh browser context (phone-sized by default) on the live server."""
    ctx = _browser.new_context(
        viewport={"width": 390, "height": 844}, locale="id-ID", base_url=live_server.url
    )
    page = ctx.new_page()
    page.set_default_timeout(15000)
    yield page
    # Let in-flight requests finish before the test's database is flushed: on SQLite in memory the
    # live server shares the test's connection, and a request still running would roll back the
    # reference data that the next test restores.
    try:
        page.wait_for_load_state("networkidle", timeout=5000)
    except Exception:  # noqa: BLE001 — a page that never idles must not hide the test's result
        pass
    ctx.close()


def masuk(page, username, password="rahasia-uji-123"):
    """Sign in as a person does. A user who must use two factors (``OTP_WAJIB`` on) and has no
    authenticator app gets one first (as if enrolled earlier); the code step is then answered with
    the app's current code, as the person would type it from their phone."""
    from django.contrib.auth import get_user_model

    from pendampingan.masuk.akses import punya_perangkat, wajib_dua_langkah

    user = get_user_model().objects.filter(username=username).first()
    if user and wajib_dua_langkah(user) and not punya_perangkat(user):
        perangkat_aplikasi(user)
    page.goto("/akun/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    if user and "/akun/dua-langkah/verifikasi/" in page.url:
        page.fill("input[name=kode]", kode_aplikasi(user))
        page.get_by_role("button", name="Verifikasi", exact=True).click()
        page.wait_for_load_state()


def perangkat_aplikasi(user):
    """A confirmed authenticator app for ``user`` (its key stays in the test's hands)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.create(user=user, name="Aplikasi autentikator", confirmed=True)


def kode_aplikasi(user, kunci: str | None = None) -> str:
    """The next code the app of ``user`` (or the app holding ``kunci``) shows that the server has
    not taken yet (a code is good once: a second sign-in within 30 s takes the next step's)."""
    import time

    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    p = TOTPDevice(key=kunci) if kunci else TOTPDevice.objects.get(user=user, confirmed=True)
    langkah = int(time.time()) // p.step
    t = max(langkah, p.last_t + 1)
    if t > langkah + p.tolerance:  # both codes within the tolerance used: wait for the next step
        time.sleep((t - p.tolerance) * p.step - time.time() + 0.1)
    totp = TOTP(p.bin_key, p.step, p.t0, p.digits, p.drift)
    totp.time = t * p.step + 1
    return f"{totp.token():06d}"


AXE = Path(settings.NODE_MODULES) / "axe-core" / "axe.min.js"


def periksa_axe(page, *, dampak=("serious", "critical")):
    """axe-core (npm devDependency) on the page as it stands: no violation of WCAG 2 A/AA rules
    with a ``serious`` or ``critical`` impact. Returns every violation found (for a report)."""
    assert AXE.exists(), f"{AXE} tidak ada: jalankan `make npm`."
    page.add_script_tag(path=str(AXE))
    hasil = page.evaluate(
        "async () => (await axe.run(document, {runOnly: {type: 'tag',"
        " values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
    )
    berat = [v for v in hasil if v["impact"] in dampak]
    assert not berat, berat
    return hasil
