"""A facilitator signed in on two devices sees both on "Sesi masuk" (this one marked), signs the
other one out with a confirmation, then signs out of every device — the other browser is then at
the login page. Screenshots at 390 and 1366 px (/tmp/sesi_*.png); axe-core on each page state."""

import pytest

from pendampingan.models import SesiPengguna

from .conftest import masuk, periksa_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _aksesibel(halaman):
    assert halaman.locator("h1").count() == 1
    assert halaman.evaluate("document.documentElement.lang")
    periksa_axe(halaman)


def test_sesi_masuk_keluarkan_dan_keluar_semua(halaman, _browser, dunia, live_server):
    masuk(halaman, "pld_a")
    lain_ctx = _browser.new_context(
        viewport={"width": 1366, "height": 900}, locale="id-ID", base_url=live_server.url
    )
    lain = lain_ctx.new_page()
    masuk(lain, "pld_a")
    assert SesiPengguna.objects.filter(user=dunia.pld_a.user).count() == 2

    halaman.get_by_role("link", name="Sesi masuk").click()
    halaman.wait_for_load_state()
    assert halaman.get_by_role("heading", level=1).inner_text() == "Sesi masuk"
    assert halaman.locator(".list-group-item").count() == 2
    assert halaman.locator(".badge", has_text="sesi ini").count() == 1
    _aksesibel(halaman)
    halaman.screenshot(path="/tmp/sesi_390.png", full_page=True)
    halaman.set_viewport_size({"width": 1366, "height": 900})
    halaman.screenshot(path="/tmp/sesi_1366.png", full_page=True)
    _aksesibel(halaman)
    halaman.set_viewport_size({"width": 390, "height": 844})

    # sign the other browser out: the item without "sesi ini"
    item_lain = halaman.locator(".list-group-item").filter(has_not_text="sesi ini")
    item_lain.get_by_role("link", name="Keluarkan").click()
    halaman.wait_for_load_state()
    assert "harus masuk lagi" in halaman.content()
    _aksesibel(halaman)
    halaman.get_by_role("button", name="Ya, keluarkan").click()
    halaman.wait_for_load_state()
    assert "sudah dikeluarkan" in halaman.content()
    assert halaman.locator(".list-group-item").count() == 1
    lain.goto("/")
    assert "/akun/login/" in lain.url

    # the other browser signs in again; then everything ends from this one
    masuk(lain, "pld_a")
    halaman.reload()
    halaman.get_by_role("link", name="Keluar dari semua perangkat").click()
    halaman.wait_for_load_state()
    assert "2 sesi akan diakhiri" in halaman.content()
    _aksesibel(halaman)
    halaman.screenshot(path="/tmp/sesi_semua_390.png", full_page=True)
    halaman.get_by_role("button", name="Ya, keluar dari semua perangkat").click()
    halaman.wait_for_load_state()
    assert "/akun/login/" in halaman.url and "Silakan masuk lagi" in halaman.content()
    lain.goto("/")
    assert "/akun/login/" in lain.url
    assert not SesiPengguna.objects.filter(user=dunia.pld_a.user).exists()
    lain_ctx.close()
