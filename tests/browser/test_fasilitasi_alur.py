"""Journey: a PD opens an APB Desa case for a village, the village's PLD attaches the required
document and advances the case with their daily-log entry, and the provincial supervisor's board
shows the village at the next stage."""

import datetime
import importlib

import pytest
from django.apps import apps

from fasilitasi.models import Fasilitasi
from pendampingan.models import TataCara
from tests.factories import KegiatanFactory

from .conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def referensi(transactional_db):
    """Transactional tests flush the tables between tests, seeded reference data included: seed
    the templates again (the migration's function is idempotent)."""
    importlib.import_module("fasilitasi.migrations.0002_data_referensi").seed(apps, None)


def test_pd_membuka_pld_memajukan_pengawas_melihat(halaman, referensi, dunia, tmp_path):
    tahun = datetime.date.today().year
    page = halaman

    # 1. the PD opens the case
    masuk(page, "pd_a")
    page.goto("/fasilitasi/kasus/baru/")
    page.fill("input[name=wilayah]", dunia.desa_a.kode)
    page.select_option("select[name=templat]", label="APB Desa")
    page.fill("input[name=tahun]", str(tahun))
    page.select_option("select[name=penanggung_jawab]", value=str(dunia.pld_a.pk))
    page.screenshot(path=str(tmp_path / "1-buka.png"), full_page=True)
    page.get_by_role("button", name="Buka kasus").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text().startswith(f"APB Desa {tahun}")
    kasus = Fasilitasi.objects.get()
    assert kasus.tahap_kini.urutan == 1

    # 2. the PLD logs the day's work, attaches the draft and advances the case with that entry
    kegiatan = KegiatanFactory(
        pendamping=dunia.pld_a,
        wilayah=dunia.desa_a,
        tata_cara=TataCara.FASILITASI,
        judul="Fasilitasi penyusunan rancangan APB Desa",
    )
    page.context.clear_cookies()
    masuk(page, "pld_a")
    page.goto("/fasilitasi/")
    page.get_by_role("link", name=f"APB Desa {tahun}").click()
    page.wait_for_load_state()
    assert "Dokumen wajib yang belum dilampirkan" in page.content()
    page.select_option("select[name=nama]", value="Rancangan Perdes APB Desa")
    page.set_input_files(
        "input[name=berkas]",
        files=[{"name": "rancangan-apbdes.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    page.get_by_role("button", name="Lampirkan").click()
    page.wait_for_load_state()
    assert "Dokumen «Rancangan Perdes APB Desa» dilampirkan." in page.content()
    page.select_option("select[name=kegiatan]", value=str(kegiatan.pk))
    page.fill("textarea[name=catatan]", "Rancangan selesai, siap dibahas dengan BPD")
    page.get_by_role("button", name="Maju ke tahap berikutnya").click()
    page.wait_for_load_state()
    assert "Kasus pindah ke tahap «Pembahasan dan kesepakatan bersama dengan BPD»" in page.content()
    assert "Fasilitasi penyusunan rancangan APB Desa" in page.content()
    page.screenshot(path=str(tmp_path / "2-kasus.png"), full_page=True)

    # 3. the supervisor's board shows the village at stage 2
    page.context.clear_cookies()
    masuk(page, "korprov")
    page.goto("/fasilitasi/papan/")
    page.select_option("select[name=templat]", label="APB Desa")
    page.fill("input[name=tahun]", str(tahun))
    page.get_by_role("button", name="Tampilkan").click()
    page.wait_for_load_state()
    page.get_by_role("link", name=dunia.provinsi.nama).first.click()
    page.wait_for_load_state()
    page.get_by_role("link", name=dunia.kab_a.nama).click()
    page.wait_for_load_state()
    page.get_by_role("link", name=dunia.kec_a.nama).click()
    page.wait_for_load_state()
    baris = page.locator("tr", has=page.get_by_role("link", name="Desa Alpha", exact=True))
    sel = baris.locator("td").nth(3)  # desa, tanpa kasus, stage 1, stage 2
    assert sel.inner_text().strip() == "1"
    page.screenshot(path=str(tmp_path / "3-papan.png"), full_page=True)
    sel.get_by_role("link").click()
    page.wait_for_load_state()
    assert f"APB Desa {tahun}" in page.content()
    assert "Pembahasan dan kesepakatan bersama dengan BPD" in page.content()
