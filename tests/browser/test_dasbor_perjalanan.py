"""A TAPM kabupaten opens the dashboard, drills from the coverage gap to a kecamatan and a desa,
downloads the XLSX, and asks for the PDF, which is built in the background and fetched from their
download page."""

import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from pendampingan.models import Jabatan
from tests.dasbor.factories import isi_dunia
from tests.factories import pendamping_di

from .conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_tapm_kabupaten_menelusuri_celah_cakupan(halaman, dunia, tmp_path):
    pendamping_di(dunia.kab_a.kode, Jabatan.TAPM_KABUPATEN, username="tapm_a")
    isi_dunia(dunia, timezone.localdate())
    halaman.set_viewport_size({"width": 1280, "height": 900})
    masuk(halaman, "tapm_a")
    halaman.get_by_role("navigation", name="Menu utama").get_by_role("link", name="Dasbor").click()
    halaman.wait_for_load_state()
    assert "Dasbor Kabupaten/Kota" in halaman.get_by_role("heading", level=1).inner_text()
    cakupan = halaman.locator("#panel-cakupan")
    assert "1 dari 2 desa" in " ".join(cakupan.inner_text().split())
    halaman.screenshot(path="/tmp/dasbor_kabupaten.png", full_page=True)
    # the kecamatan with the gap, then the desa without entries
    cakupan.get_by_role("link", name=dunia.kec_a.nama, exact=True).click()
    halaman.wait_for_load_state()
    assert "Dasbor Kecamatan" in halaman.get_by_role("heading", level=1).inner_text()
    assert f"wilayah={dunia.kec_a.kode}" in halaman.url
    baris = halaman.locator("#panel-cakupan tr", has_text="Desa Alpha Dua")
    assert baris.locator("td").nth(2).inner_text().strip() == "1"  # no entry: in the gap
    baris.get_by_role("link", name="Desa Alpha Dua").click()
    halaman.wait_for_load_state()
    assert "Desa Alpha Dua" in halaman.get_by_role("heading", level=1).inner_text()
    halaman.screenshot(path="/tmp/dasbor_desa.png", full_page=True)
    # back to the kabupaten through the breadcrumb, and the XLSX of its dashboard
    halaman.get_by_role("navigation", name="Jejak wilayah").get_by_role(
        "link", name=dunia.kab_a.nama, exact=True
    ).click()
    halaman.wait_for_load_state()
    with halaman.expect_download() as unduh:
        halaman.get_by_role("link", name="XLSX").click()
    berkas = tmp_path / "dasbor.xlsx"
    unduh.value.save_as(berkas)
    wb = load_workbook(io.BytesIO(berkas.read_bytes()))
    cakupan_xlsx = list(wb["Cakupan"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[2], r[3]) for r in cakupan_xlsx] == [(dunia.kec_a.kode, 2, 1)]
    # the PDF: queued, then fetched from the download's page
    halaman.get_by_role("button", name="PDF").click()
    halaman.wait_for_load_state()
    assert "/unduhan/" in halaman.url
    assert "Dasbor" in halaman.get_by_role("heading", level=1).inner_text()
    tombol = halaman.get_by_role("link", name="Unduh dasbor-")
    tombol.wait_for(timeout=30_000)  # the page refreshes itself while the file is being made
    with halaman.expect_download() as unduh:
        tombol.click()
    pdf = tmp_path / "dasbor.pdf"
    unduh.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    halaman.screenshot(path="/tmp/dasbor_unduhan_pdf.png", full_page=True)
