"""A fresh install: the admin logs in, is warned that no ministry recipient takes disaster
reports (on the site and in the admin), follows the link, adds one, and the warning is gone."""

import pytest

from pendampingan.notifikasi.models import PenerimaKementerian
from tests.factories import UserFactory

from .conftest import masuk, periksa_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PERINGATAN = "#peringatan-penerima-kementerian"


def test_admin_diperingatkan_lalu_menambah_penerima(halaman):
    UserFactory(username="admin_baru", is_superuser=True, is_staff=True)
    masuk(halaman, "admin_baru")
    peringatan = halaman.locator(PERINGATAN)
    assert "Belum ada penerima kementerian" in peringatan.inner_text()
    halaman.screenshot(path="/tmp/penerima_kementerian_390.png", full_page=True)
    periksa_axe(halaman)
    halaman.set_viewport_size({"width": 1366, "height": 900})
    halaman.screenshot(path="/tmp/penerima_kementerian_1366.png", full_page=True)

    peringatan.get_by_role("link", name="Tambahkan penerima kementerian").click()
    halaman.wait_for_load_state()
    assert halaman.locator(PERINGATAN).count() == 1  # the admin warns too
    halaman.screenshot(path="/tmp/penerima_kementerian_admin.png", full_page=True)
    halaman.fill("input[name=nama]", "Pusdalops Kemendes PDT")
    halaman.select_option("select[name=jenis]", "email")
    halaman.fill("input[name=alamat_email]", "pusdalops@kemendesa.go.id")
    halaman.fill("textarea[name=peristiwa]", "bencana.*")
    halaman.click("input[name=_save]")
    halaman.wait_for_load_state()
    assert PenerimaKementerian.objects.filter(aktif=True).count() == 1
    assert halaman.locator(PERINGATAN).count() == 0
    halaman.goto("/")
    assert halaman.locator(PERINGATAN).count() == 0
