"""A PLD on a phone records where people were moved (F1) and a report already made to the
ministry by phone (F4) on an incident; the incident page shows both, at 390 and 1366 px, without
serious accessibility violations. A supervisor's village-status import page refuses a file with a
kelurahan line and lists it."""

import pytest

from fasilitasi.models import StatusDesa
from tests.bencana.factories import kejadian_di
from tests.conftest import Dunia
from tests.factories import wilayah_rantai

from .conftest import masuk, periksa_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pengungsian_dan_laporan_lisan(halaman, tmp_path):
    dunia = Dunia()
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    page = halaman
    masuk(page, "pld_a")
    page.goto(f"/bencana/{k.pk}/")
    page.get_by_role("link", name="Catat pengungsian").click()
    page.fill("input[name=lokasi]", "Balai Desa Alpha")
    page.fill("input[name=jumlah_jiwa]", "-5")
    page.fill("input[name=dipindahkan_oleh]", "BPBD bersama Karang Taruna")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state()
    # a negative number: told in Indonesian, what was typed kept
    assert page.input_value("input[name=lokasi]") == "Balai Desa Alpha"
    assert "Pengungsian dicatat" not in page.content()
    galat = page.locator(".invalid-feedback, .errorlist").first.inner_text()
    assert "0" in galat and "nilai" in galat.lower()  # Django's Indonesian: "… lebih dari … 0"
    page.fill("input[name=jumlah_jiwa]", "85")
    periksa_axe(page)
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state()
    assert "Pengungsian dicatat" in page.content()
    assert "85 jiwa dari Desa Alpha ke Balai Desa Alpha" in page.content()

    page.get_by_role("link", name="Catat laporan lisan/tertulis").click()
    page.get_by_label("Lisan lewat telepon").check()
    page.fill("input[name=penerima_nama]", "Budi Santoso")
    page.fill("input[name=penerima_unit]", "Pusdalops BPSDM")
    page.fill("input[name=pemicu]", "Banjir 1 m, 85 jiwa di balai desa")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state()
    teks = page.content()
    assert "dicatat sebagai versi 2" in teks and "Budi Santoso" in teks
    page.locator("#pengungsian").scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "kejadian-390.png"), full_page=True)
    periksa_axe(page)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.screenshot(path=str(tmp_path / "kejadian-1366.png"), full_page=True)
    print("SCREENSHOT", tmp_path)


def test_impor_status_menolak_kelurahan(halaman, tmp_path):
    dunia = Dunia()
    kel = wilayah_rantai("33.01.01.1001", "Kelurahan Kebonmanis")
    berkas = tmp_path / "idm.csv"
    berkas.write_text(
        f"kode,tahun,skor,iks,ike,ikl\n{dunia.desa_a.kode},2023,0.7,0.7,0.7,0.7\n"
        f"{kel.kode},2023,0.6,,,\n",
        encoding="utf-8",
    )
    page = halaman
    masuk(page, "korprov")
    page.goto("/fasilitasi/status-desa/impor/")
    page.set_input_files("input[name=berkas]", str(berkas))
    page.get_by_role("button", name="Impor").click()
    page.wait_for_load_state()
    teks = page.content()
    assert "adalah kelurahan" in teks and "tidak ada yang diimpor" in teks
    assert not StatusDesa.objects.exists()
    periksa_axe(page)
    page.screenshot(path=str(tmp_path / "impor-390.png"), full_page=True)
    print("SCREENSHOT", tmp_path)
