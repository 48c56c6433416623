"""A villager files a complaint and gets a code; a PD verifies and assigns it; the PLD records a
musyawarah with an agreement; the villager sees "Selesai" on the status page."""

import re

import pytest
from django.core.cache import cache

from tests.pengaduan.factories import kategori_isi

from .conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LAYAR = "/tmp/pengaduan_{}.png"


def _keluar(page):
    page.get_by_role("button", name="Keluar").click()
    page.wait_for_load_state()


def test_warga_melapor_sampai_selesai(halaman, dunia, settings):
    settings.PENGADUAN_WAKTU_ISI_MIN_DETIK = 0
    cache.clear()
    kategori_isi()
    page = halaman

    # 1. the villager, no account, from the login page's link
    page.goto("/akun/login/")
    page.get_by_role("link", name="Warga desa? Sampaikan pengaduan tanpa akun.").click()
    page.wait_for_load_state()
    assert page.locator("input[name=anonim]").is_checked()  # protected by default
    page.select_option("select[name=kategori]", label="Bantuan sosial / BLT")
    page.fill("input[name=desa]", "Alpha")
    page.get_by_role("button", name="Cari desa").click()  # the server-side search
    page.wait_for_load_state()
    page.get_by_label(re.compile(r"^Desa Alpha —")).check()
    page.fill("input[name=judul]", "BLT bulan Mei belum cair")
    page.fill("textarea[name=isi]", "Tiga keluarga di RT 02 belum menerima BLT bulan Mei.")
    page.fill("input[name=pelapor_nama]", "Bu Warsini")
    soal = page.locator("label[for=id_jawaban]").inner_text()
    a, b = map(int, re.findall(r"\d+", soal)[:2])
    page.fill("input[name=jawaban]", str(a + b))
    page.screenshot(path=LAYAR.format("1_formulir"), full_page=True)
    page.get_by_role("button", name="Kirim pengaduan").click()
    page.wait_for_load_state()
    kode = page.locator("#kode-pelacakan").inner_text().strip()
    assert re.fullmatch(r"PD-[A-Z2-9]{4}-[A-Z2-9]{4}", kode)
    page.screenshot(path=LAYAR.format("2_kode"), full_page=True)

    # 2. the PD verifies and assigns it to the PLD
    masuk(page, "pd_a")
    page.goto("/pengaduan/")
    page.screenshot(path=LAYAR.format("3_daftar"), full_page=True)
    page.get_by_role("link", name="BLT bulan Mei belum cair").click()
    page.wait_for_load_state()
    assert "Bu Warsini" in page.content()  # the supervisor sees the anonymous reporter
    page.locator("#aksi-verifikasi").get_by_role("button", name="Simpan keputusan").click()
    page.wait_for_load_state()
    page.locator("#aksi-tugaskan select[name=penangan]").select_option(
        label=f"{dunia.pld_a.nama} — Pendamping Lokal Desa (PLD)"
    )
    page.locator("#aksi-tugaskan").get_by_role("button", name="Tugaskan").click()
    page.wait_for_load_state()
    assert "Ditangani" in page.content()
    page.screenshot(path=LAYAR.format("4_detail_pd"), full_page=True)
    page.goto(f"/wilayah/{dunia.desa_a.kode}/")  # the desa timeline
    assert page.get_by_role("link", name=re.compile(f"{kode} · BLT bulan Mei")).is_visible()
    page.goto(f"/dasbor/?wilayah={dunia.kec_a.kode}")  # the dashboard panel
    panel = page.locator("#panel-pengaduan")
    assert panel.is_visible()
    panel.screenshot(path=LAYAR.format("4b_dasbor_panel"))
    _keluar(page)

    # 3. the PLD records a musyawarah with an agreement and a follow-up
    masuk(page, "pld_a")
    page.goto("/pengaduan/?saya=1")
    page.get_by_role("link", name="BLT bulan Mei belum cair").click()
    page.wait_for_load_state()
    assert "Bu Warsini" not in page.content()  # anonim: hidden from the handler
    page.get_by_role("link", name="Catat musyawarah").click()
    page.wait_for_load_state()
    page.fill("input[name=tempat]", "Balai Desa Alpha")
    page.fill("textarea[name=pihak_hadir]", "Kepala Desa, BPD, pelapor, pendamping")
    page.fill("textarea[name=kesepakatan]", "BLT Mei dibayarkan pekan depan.")
    page.check("input[name=mufakat]")
    page.fill("input[name=tl0_judul]", "Pembayaran BLT Mei")
    page.fill("input[name=tl0_pj]", "Kaur Keuangan")
    page.fill("input[name=tl0_tempo]", "2099-01-31")
    page.screenshot(path=LAYAR.format("5_musyawarah"), full_page=True)
    page.get_by_role("button", name="Simpan musyawarah").click()
    page.wait_for_load_state()
    page.screenshot(path=LAYAR.format("5b_setelah_simpan"), full_page=True)
    assert "Musyawarah tercatat." in page.content()
    assert "Pembayaran BLT Mei" in page.content()
    page.screenshot(path=LAYAR.format("6_detail_pld"), full_page=True)
    _keluar(page)

    # 4. the villager looks the code up
    page.goto("/pengaduan/status/")
    page.fill("input[name=kode]", kode.lower())
    page.get_by_role("button", name="Lihat").click()
    page.wait_for_load_state()
    assert page.locator("#status-label").inner_text() == "Selesai"
    assert "Bu Warsini" not in page.content()
    assert page.locator("#tanggapan").is_visible()  # the reporter may still answer
    page.screenshot(path=LAYAR.format("7_status"), full_page=True)
