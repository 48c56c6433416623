"""Two-factor sign-in as a koordinator kabupaten does it: signed in with the password, sent to
enrolment (no other page opens), scans — here: reads — the key, confirms with the app's code, keeps
the ten recovery codes; signs out; signs in with a code after a wrong one is refused; signs in
with a recovery code, which then no longer works."""

import base64
import re
import tempfile
import time
from pathlib import Path

import pytest

from pendampingan.models import Jabatan
from tests.factories import pendamping_di

from .conftest import kode_aplikasi, periksa_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAYAR = Path(tempfile.gettempdir()) / "layar-dua-langkah"  # screenshots to look at, not kept


def _foto(page, nama):
    LAYAR.mkdir(exist_ok=True)
    for lebar in (390, 1366):
        page.set_viewport_size({"width": lebar, "height": 900})
        page.screenshot(path=str(LAYAR / f"{nama}-{lebar}.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})


def _sandi(page, username):
    page.goto("/akun/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "rahasia-uji-123")
    page.click("button[type=submit]")
    page.wait_for_load_state()


def _keluar(page):
    page.get_by_role("button", name=re.compile("^(Keluar|Batal dan keluar)$")).first.click()
    page.wait_for_load_state()


def test_daftar_masuk_dengan_kode_dan_kode_pemulihan(halaman, settings):
    settings.OTP_WAJIB = True
    korkab = pendamping_di("33.01", Jabatan.KOORDINATOR_KABUPATEN, username="korkab").user
    page = halaman

    # 1. the password alone opens nothing: the dashboard sends to enrolment
    _sandi(page, "korkab")
    page.goto("/dasbor/")
    assert "/akun/dua-langkah/daftar/" in page.url
    assert page.locator(".qr-dua-langkah svg").is_visible()
    periksa_axe(page)
    _foto(page, "dua-langkah-daftar")
    rahasia = page.locator("#rahasia").inner_text()
    kunci = base64.b32decode(
        rahasia.replace(" ", "") + "=" * (-len(rahasia.replace(" ", "")) % 8)
    ).hex()

    # 2. a wrong first code is refused, the right one enrols and shows ten recovery codes once
    page.fill(
        "input[name=kode]", "000000" if kode_aplikasi(korkab, kunci) != "000000" else "111111"
    )
    page.get_by_role("button", name="Konfirmasi").click()
    page.wait_for_load_state()
    assert page.get_by_text("Kode tidak cocok").is_visible()
    page.fill("input[name=kode]", kode_aplikasi(korkab, kunci))
    page.get_by_role("button", name="Konfirmasi").click()
    page.wait_for_load_state()
    kode = page.locator("#kode-pemulihan code").all_inner_texts()
    assert len(kode) == 10
    unduh = page.get_by_role("link", name="Unduh (.txt)")
    assert unduh.get_attribute("download") == "kode-pemulihan-pendampingan-desa.txt"
    periksa_axe(page)
    _foto(page, "dua-langkah-kode-pemulihan")
    page.get_by_role("link", name="Sudah saya simpan, lanjutkan").click()
    page.wait_for_load_state()
    assert page.url.endswith("/dasbor/")
    assert page.get_by_role("heading", name=re.compile("^Dasbor")).is_visible()
    _keluar(page)

    # 3. sign in again: a wrong code is refused with a message, then the app's code lets in
    _sandi(page, "korkab")
    assert "/akun/dua-langkah/verifikasi/" in page.url
    periksa_axe(page)
    _foto(page, "dua-langkah-verifikasi")
    page.fill("input[name=kode]", "123456" if kode_aplikasi(korkab) != "123456" else "654321")
    page.get_by_role("button", name="Verifikasi").click()
    page.wait_for_load_state()
    assert page.get_by_text("Kode salah").is_visible()
    page.goto("/dasbor/")
    assert "/akun/dua-langkah/verifikasi/" in page.url  # still nothing opens
    time.sleep(1.2)  # the throttle's first wait
    page.fill("input[name=kode]", kode_aplikasi(korkab))
    page.get_by_role("button", name="Verifikasi").click()
    page.wait_for_load_state()
    assert page.url.endswith("/dasbor/")
    _keluar(page)

    # 4. sign in with a recovery code (no phone at hand)
    _sandi(page, "korkab")
    page.fill("input[name=kode]", kode[0].upper())
    page.get_by_role("button", name="Verifikasi").click()
    page.wait_for_load_state()
    assert page.get_by_text("tersisa 9 kode").is_visible()
    page.goto("/akun/dua-langkah/")
    assert page.get_by_text("Tersisa 9 kode pemulihan.").is_visible()
    _foto(page, "dua-langkah-akun")
    _keluar(page)

    # 5. the same recovery code does not work twice
    _sandi(page, "korkab")
    page.fill("input[name=kode]", kode[0])
    page.get_by_role("button", name="Verifikasi").click()
    page.wait_for_load_state()
    assert "/akun/dua-langkah/verifikasi/" in page.url
    assert page.locator(".invalid-feedback, .text-danger, .alert-danger").first.is_visible()
