"""A facilitator makes a device token on the account page, copies the secret (shown once), uses it
against /api/v1/wilayah/, then revokes it with a confirmation — the API then refuses it. Screenshots
at 390 and 1366 px (/tmp/token_*.png).

Each page state is checked with axe-core (WCAG 2.1 A/AA, no serious or critical violation) and by
hand: one h1, every input labelled, the copy button a real button, the revoke link naming its
token for a screen reader."""

import json
import urllib.error
import urllib.request

import pytest

from pendampingan.api.models import TokenPerangkat

from .conftest import masuk, periksa_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _api(url, rahasia):
    req = urllib.request.Request(url, headers={"Authorization": f"Token {rahasia}"})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def _aksesibel(halaman):
    assert halaman.locator("h1").count() == 1
    for inp in halaman.locator("input:not([type=hidden])").all():
        id_ = inp.get_attribute("id")
        assert id_ and halaman.locator(f"label[for='{id_}']").count() == 1, id_
    assert halaman.evaluate("document.documentElement.lang")
    periksa_axe(halaman)


def test_buat_pakai_dan_cabut_token(halaman, dunia, live_server):
    masuk(halaman, "pld_a")
    halaman.get_by_role("link", name="Token API").click()
    halaman.wait_for_load_state()
    assert halaman.get_by_role("heading", level=1).inner_text() == "Token API"
    assert "Belum ada token." in halaman.content()
    _aksesibel(halaman)

    halaman.get_by_label("Nama perangkat").fill("HP kerja")
    halaman.get_by_role("button", name="Buat token").click()
    halaman.wait_for_load_state()
    rahasia = halaman.locator("#rahasia-baru").input_value()
    token = TokenPerangkat.objects.get(user=dunia.pld_a.user)
    assert len(rahasia) > 30 and token.awalan == rahasia[:8]
    assert "hanya ditampilkan sekali" in halaman.content()
    _aksesibel(halaman)
    # the copy button appears where the clipboard API exists (localhost is a secure context)
    halaman.context.grant_permissions(["clipboard-read", "clipboard-write"])
    salin = halaman.get_by_role("button", name="Salin")
    salin.click()
    assert halaman.evaluate("navigator.clipboard.readText()") == rahasia
    halaman.screenshot(path="/tmp/token_baru_390.png", full_page=True)
    halaman.set_viewport_size({"width": 1366, "height": 900})
    halaman.screenshot(path="/tmp/token_baru_1366.png", full_page=True)
    halaman.set_viewport_size({"width": 390, "height": 844})

    status, isi = _api(f"{live_server.url}/api/v1/wilayah/", rahasia)
    assert status == 200 and dunia.desa_a.kode in {w["kode"] for w in isi["results"]}

    # never shown again
    halaman.goto("/akun/token/")
    assert rahasia not in halaman.content() and f"{rahasia[:8]}…" in halaman.content()
    assert halaman.locator("#rahasia-baru").count() == 0

    halaman.get_by_role("link", name="Cabut HP kerja").click()
    halaman.wait_for_load_state()
    assert halaman.get_by_role("heading", level=1).inner_text() == "Cabut token"
    halaman.screenshot(path="/tmp/token_cabut_390.png", full_page=True)
    periksa_axe(halaman)
    halaman.get_by_role("button", name="Ya, cabut token").click()
    halaman.wait_for_load_state()
    assert "dicabut; perangkat itu tidak bisa masuk lagi" in halaman.content()
    assert halaman.locator(".badge", has_text="dicabut").count() == 1
    halaman.screenshot(path="/tmp/token_dicabut_390.png", full_page=True)
    periksa_axe(halaman)
    halaman.set_viewport_size({"width": 1366, "height": 900})
    halaman.screenshot(path="/tmp/token_dicabut_1366.png", full_page=True)

    status, isi = _api(f"{live_server.url}/api/v1/wilayah/", rahasia)
    assert status == 401 and "dicabut" in isi["galat"]["pesan"]
