"""A PLD reviews the month drafted from their entries, edits the narrative and submits it; their
PD approves it, records the payment recommendation, gets the report's PDF from the download page
and downloads the recap as XLSX."""

import datetime
import io
import os

import openpyxl
import pytest
from django.utils import timezone
from pypdf import PdfReader

from pendampingan.models import StatusKegiatan, TataCara
from tests.bulanan.factories import kegiatan

from .conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAYAR = os.environ.get("LAYAR_DIR")


def _foto(halaman, nama, tmp_path):
    halaman.screenshot(path=os.path.join(LAYAR or str(tmp_path), nama), full_page=True)


def test_pld_mengajukan_pd_menyetujui_dan_mengunduh_rekap(halaman, dunia, tmp_path):
    hari_ini = timezone.localdate()
    kegiatan(
        dunia.pld_a,
        dunia.desa_a,
        hari_ini,
        "08:00",
        "10:30",
        judul="Asistensi RKP Desa",
        status=StatusKegiatan.DIVERIFIKASI,
        masalah="Data kemiskinan belum mutakhir",
        solusi="Musdes pemutakhiran data",
    )
    kegiatan(
        dunia.pld_a,
        dunia.desa_a,
        hari_ini,
        "13:00",
        "14:00",
        judul="Pengarahan Dana Desa",
        tata_cara=TataCara.PENGARAHAN,
        status=StatusKegiatan.DIAJUKAN,
    )
    bulan = hari_ini.replace(day=1)

    # the PLD opens the month, drafts the report, edits the narrative, submits
    masuk(halaman, "pld_a")
    halaman.get_by_role("link", name="Laporan bulanan", exact=True).click()
    _foto(halaman, "bulanan_beranda.png", tmp_path)
    halaman.goto(f"/bulanan/bulan/{bulan:%Y-%m}/")
    halaman.get_by_role("button", name="Susun laporan bulan ini").click()
    assert "Laporan disusun dari kegiatan bulan ini." in halaman.content()
    assert "2 kegiatan" in halaman.content() and "3,5 jam" in halaman.content()
    teks = halaman.locator("textarea").first
    assert "Asistensi RKP Desa" in teks.input_value()
    teks.fill("Asistensi penyusunan RKP Desa bersama tim penyusun; data kemiskinan dimutakhirkan.")
    halaman.get_by_role("button", name="Simpan narasi").click()
    assert "Narasi disimpan (1 bagian berubah)." in halaman.content()
    _foto(halaman, "bulanan_laporan_pld.png", tmp_path)
    halaman.once("dialog", lambda d: d.accept())
    halaman.get_by_role("button", name="Ajukan laporan").click()
    assert "Laporan diajukan kepada pengawas Anda." in halaman.content()
    assert halaman.get_by_text("Diajukan", exact=True).first.is_visible()
    halaman.get_by_role("button", name="Keluar").click()

    # the PD finds it waiting, approves it, recommends payment
    masuk(halaman, "pd_a")
    halaman.get_by_role("link", name="Laporan bulanan", exact=True).click()
    halaman.get_by_role("link", name=f"{dunia.pld_a.nama} ·").first.click()
    assert "data kemiskinan dimutakhirkan" in halaman.content()
    _foto(halaman, "bulanan_laporan_pd.png", tmp_path)
    halaman.get_by_role("button", name="Setujui laporan").click()
    assert "Laporan disetujui. Kegiatan bulan itu kini terkunci." in halaman.content()
    halaman.get_by_label("Bayar").check()
    halaman.get_by_role("button", name="Simpan rekomendasi").click()
    assert "Rekomendasi pembayaran disimpan." in halaman.content()

    # the report's PDF: asked for on the report page, built by the download pipeline
    halaman.get_by_role("button", name="Unduh PDF").click()
    assert "/unduhan/" in halaman.url
    with halaman.expect_download() as unduh:
        halaman.get_by_role("link", name="Unduh laporan-").click()
    pdf = PdfReader(unduh.value.path())
    assert dunia.pld_a.nama in "".join(p.extract_text() for p in pdf.pages)
    halaman.go_back()

    # the recap of the kecamatan for that month, downloaded as XLSX
    halaman.get_by_role("link", name="Rekap bulanan", exact=True).click()
    halaman.fill("input[name=bulan]", f"{bulan:%Y-%m}")
    halaman.get_by_role("button", name="Tampilkan").click()
    assert dunia.pld_a.nama in halaman.content()
    _foto(halaman, "bulanan_rekap.png", tmp_path)
    halaman.get_by_role("button", name="Unduh rekap (XLSX)").click()  # built in the background
    assert "/unduhan/" in halaman.url
    with halaman.expect_download() as unduh:
        halaman.get_by_role("link", name="Unduh rekap-").click()
    wb = openpyxl.load_workbook(io.BytesIO(open(unduh.value.path(), "rb").read()))
    nilai = [c.value for row in wb["Rincian pendamping"].iter_rows() for c in row]
    assert dunia.pld_a.nama in nilai and "Disetujui" in nilai and "Bayar" in nilai
    assert datetime.date.today().year > 2000
