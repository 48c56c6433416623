"""A PLD logs in, sees their villages, and gets the Indonesian 404 page for a desa of another
kabupaten."""

import pytest

from .conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pld_melihat_desanya_dan_404_untuk_kabupaten_lain(halaman, dunia, tmp_path):
    masuk(halaman, "pld_a")
    assert halaman.get_by_role("heading", name="Desa tugas saya").is_visible()
    halaman.get_by_role("link", name="Desa Desa Alpha").click()
    halaman.wait_for_load_state()
    assert halaman.get_by_role("heading", level=1).inner_text().startswith("Desa Desa Alpha")
    assert "Belum ada catatan untuk desa ini." in halaman.content()
    halaman.screenshot(path=str(tmp_path / "desa.png"))
    resp = halaman.goto(f"/wilayah/{dunia.desa_b.kode}/")
    assert resp.status == 404
    assert halaman.get_by_role("heading", name="Halaman tidak ditemukan").is_visible()
    assert "Desa Beta" not in halaman.content()
