"""A villager files a complaint about "the PD of this desa" on the public form; the PD signs in and
finds nothing of it (not in the list, its page a 404, no notice); the TAPM above them sees it with
the reporter's name (not anonim) and, as its handler, is the one it was sent to; the koordinator
provinsi above the TAPM sees the audit trail of that opening."""

import re

import pytest
from django.core.cache import cache

from pendampingan.models import Jabatan
from pengaduan.models import Pengaduan
from tests.factories import pendamping_di
from tests.pengaduan.factories import kategori_isi

from .conftest import masuk, periksa_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LAYAR = "/tmp/pengaduan_teradu_{}.png"


def _keluar(page):
    page.get_by_role("button", name="Keluar").click()
    page.wait_for_load_state()


def test_aduan_tentang_pd_tidak_sampai_ke_pd(halaman, dunia, settings):
    settings.PENGADUAN_WAKTU_ISI_MIN_DETIK = 0
    cache.clear()
    kategori_isi()
    tapm = pendamping_di(dunia.kab_a.kode, Jabatan.TAPM_KABUPATEN, username="tapm_a")
    page = halaman

    # 1. the villager says the complaint is about the PD of the desa — no name needed
    page.goto("/pengaduan/lapor/")
    page.select_option("select[name=kategori]", label="Pendampingan / pendamping")
    page.select_option("select[name=teradu_peran]", value="pd")
    page.fill("input[name=desa]", dunia.desa_a.kode)
    page.fill("input[name=judul]", "PD meminta uang untuk tanda tangan")
    page.fill("textarea[name=isi]", "PD kecamatan meminta imbalan sebelum menandatangani RKP.")
    page.fill("input[name=pelapor_nama]", "Pak Darmo")
    page.uncheck("input[name=anonim]")
    soal = page.locator("label[for=id_jawaban]").inner_text()
    a, b = map(int, re.findall(r"\d+", soal)[:2])
    page.fill("input[name=jawaban]", str(a + b))
    page.screenshot(path=LAYAR.format("1_formulir_390"), full_page=True)
    periksa_axe(page)
    page.get_by_role("button", name="Kirim pengaduan").click()
    page.wait_for_load_state()
    kode = page.locator("#kode-pelacakan").inner_text().strip()
    p = Pengaduan.objects.get(kode=kode)
    assert p.teradu_peran == "pd" and p.penangan == tapm

    # 2. the PD: not in the list, the page is a 404, no notice in the bell
    masuk(page, "pd_a")
    page.goto("/pengaduan/")
    assert "PD meminta uang" not in page.content()
    resp = page.goto(f"/pengaduan/{p.pk}/")
    assert resp.status == 404
    page.goto("/notifikasi/")
    assert kode not in page.content()
    page.goto(f"/wilayah/{dunia.desa_a.kode}/")
    assert kode not in page.content()
    page.goto("/pengaduan/")
    _keluar(page)

    # 3. the TAPM (the handler, above the PD) sees it and who reported it
    masuk(page, "tapm_a")
    page.goto("/notifikasi/")
    assert kode in page.content()
    page.goto("/pengaduan/")
    page.get_by_role("link", name="PD meminta uang untuk tanda tangan").click()
    page.wait_for_load_state()
    assert "Pak Darmo" in page.locator("#pelapor").inner_text()
    assert "PD / Pendamping Teknis desa ini" in page.locator("#teradu").inner_text()
    page.screenshot(path=LAYAR.format("2_detail_tapm_390"), full_page=True)
    periksa_axe(page)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.screenshot(path=LAYAR.format("3_detail_tapm_1366"), full_page=True)
    _keluar(page)

    # 4. the koordinator provinsi above the handler: the case without the name, and the trail
    masuk(page, "korprov")
    page.goto(f"/pengaduan/{p.pk}/")
    assert "Pak Darmo" not in page.content()
    jejak = page.locator("#jejak-akses")
    assert tapm.nama in jejak.inner_text() and "identitas pelapor" in jejak.inner_text()
    page.screenshot(path=LAYAR.format("4_jejak_1366"), full_page=True)
    periksa_axe(page)
    page.set_viewport_size({"width": 390, "height": 844})
    jejak.screenshot(path=LAYAR.format("5_jejak_390"))
