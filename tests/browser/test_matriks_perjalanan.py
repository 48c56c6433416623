"""A kabupaten coordinator opens the coverage matrix of their kabupaten for this year, sees for
each butir which kecamatan served it and which never did, clicks through to the entries behind a
cell and to one entry, and asks for the matrix's XLSX; the facilitator's home lists the butir their
desa has not yet served. Pages checked with axe-core at 390 and 1366 px."""

import pytest
from django.utils import timezone

from pendampingan.dasbor import services
from pendampingan.models import Jabatan, StatusKegiatan
from tests.dasbor.factories import entri
from tests.factories import pendamping_di, wilayah_rantai

from .conftest import masuk, periksa_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_koordinator_kabupaten_membaca_matriks_butir(halaman, dunia):
    hari_ini = timezone.localdate()
    pendamping_di(dunia.kab_a.kode, Jabatan.KOORDINATOR_KABUPATEN, "supervisi", "korkab_a")
    desa_g = wilayah_rantai("33.01.02.2001", "Desa Gamma")
    kec_g = desa_g.induk
    pld_g = pendamping_di(desa_g.kode, username="pld_g")
    entri(
        dunia.pld_a,
        dunia.desa_a,
        hari_ini,
        StatusKegiatan.DIVERIFIKASI,
        "BT1",
        judul="Asistensi pendataan desa Alpha",
    )
    entri(pld_g, desa_g, hari_ini, StatusKegiatan.DIAJUKAN, "D", judul="Pengarahan Dana Desa")
    entri(dunia.pld_b, dunia.desa_b, hari_ini, StatusKegiatan.DIVERIFIKASI, "BT1", judul="Beta")
    services.ringkasan_bangun_ulang()

    halaman.set_viewport_size({"width": 1366, "height": 900})
    masuk(halaman, "korkab_a")
    halaman.get_by_role("navigation", name="Menu utama").get_by_role("link", name="Dasbor").click()
    halaman.wait_for_load_state()
    halaman.locator("#panel-butir").get_by_role("link", name="Buka matriks butir").click()
    halaman.wait_for_load_state()
    halaman.get_by_role("link", name="Tahun ini").click()
    halaman.wait_for_load_state()
    assert "Matriks butir" in halaman.get_by_role("heading", level=1).inner_text()
    assert dunia.kab_a.nama in halaman.get_by_role("heading", level=1).inner_text()
    tabel = halaman.locator("table.matriks")
    kepala = [t.strip() for t in tabel.locator("thead th").all_inner_texts()]
    assert kepala[2:] == sorted([dunia.kec_a.nama, kec_g.nama])
    assert dunia.desa_b.nama not in halaman.content()
    # BT1: kecamatan A served it once, kecamatan G never (said in text for screen readers)
    bt1 = tabel.locator("tbody tr", has_text="BT1")
    sel = bt1.locator("td")
    assert sel.nth(0).inner_text().strip() == "1"
    i_a, i_g = (1, 2) if dunia.kec_a.kode < kec_g.kode else (2, 1)
    assert sel.nth(i_a).inner_text().strip() == "1"
    assert "belum pernah dilayani tahun ini" in sel.nth(i_g).text_content()
    # the regulation's wording opens under the code
    bt1.locator("summary").click()
    assert bt1.locator("details p").is_visible()
    halaman.screenshot(path="/tmp/matriks_1366.png", full_page=True)
    periksa_axe(halaman)
    halaman.set_viewport_size({"width": 390, "height": 844})
    halaman.screenshot(path="/tmp/matriks_390.png", full_page=False)
    # the frame scrolls, the page does not
    lebar = halaman.evaluate("document.documentElement.scrollWidth")
    assert lebar <= 390, lebar
    periksa_axe(halaman)

    # the cell's entries, then one entry
    sel.nth(i_a).get_by_role("link", name="1").click()
    halaman.wait_for_load_state()
    assert "BT1" in halaman.locator("main").inner_text()
    halaman.get_by_role("link", name="Asistensi pendataan desa Alpha").click()
    halaman.wait_for_load_state()
    assert "Asistensi pendataan desa Alpha" in halaman.get_by_role("heading", level=1).inner_text()
    halaman.go_back()
    halaman.go_back()
    halaman.wait_for_load_state()

    # the XLSX is built in the background and fetched from the download's page
    halaman.get_by_role("button", name="XLSX").click()
    halaman.wait_for_load_state()
    assert "/unduhan/" in halaman.url
    tombol = halaman.get_by_role("link", name="Unduh matriks-butir-")
    tombol.wait_for(timeout=30_000)


def test_beranda_pld_menyebut_butir_yang_belum_dilayani(halaman, dunia):
    hari_ini = timezone.localdate()
    entri(dunia.pld_a, dunia.desa_a, hari_ini, StatusKegiatan.DIVERIFIKASI, "BT1")
    masuk(halaman, "pld_a")
    ringkas = halaman.locator("details.butir-belum").first
    assert f"butir belum dilayani tahun {hari_ini.year}" in ringkas.inner_text()
    ringkas.locator("summary").click()
    isi = ringkas.inner_text()
    assert "BT2" in isi and "BT1 " not in isi
    halaman.screenshot(path="/tmp/beranda_butir_390.png", full_page=True)
    periksa_axe(halaman)
