"""Browser journeys: Playwright driving the system Chromium against pytest-django's live server.

Where the machine has no Chromium the journeys are skipped with that reason — except under
CI=true, where a missing browser fails the run."""

import os
import shutil

import pytest

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
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
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
    ctx.close()


def masuk(page, username, password="rahasia-uji-123"):
    page.goto("/akun/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()
