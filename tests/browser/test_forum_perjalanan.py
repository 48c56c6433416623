"""A PLD forms a forum mitra desa, adds members (one by one and from a pasted list), records a
meeting at the village hall with attendance and a decision that becomes a follow-up, and finds
the decision among their follow-ups."""

import datetime
import os

import pytest
from django.utils import timezone

from tests.forum.factories import sarana_di

from .conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAYAR = os.environ.get("LAYAR_DIR")


def _foto(halaman, nama, tmp_path):
    """Full-page screenshot; into $LAYAR_DIR when set (to look at), else the test's tmp dir."""
    folder = LAYAR or str(tmp_path)
    halaman.screenshot(path=os.path.join(folder, nama), full_page=True)


def test_pld_membentuk_forum_sampai_tindak_lanjut(halaman, dunia, tmp_path):
    sarana_di(dunia.desa_a, nama="Balai Desa Alpha")
    masuk(halaman, "pld_a")
    halaman.get_by_role("link", name="Forum", exact=True).click()
    halaman.get_by_role("link", name="Bentuk forum baru").click()
    halaman.fill("input[name=nama]", "Forum Mitra Desa Alpha")
    halaman.select_option("select[name=jenis]", "forum_mitra_desa")
    halaman.fill("input[name=wilayah]", dunia.desa_a.kode)
    halaman.fill("input[name=tanggal_dibentuk]", "2026-01-05")
    halaman.fill("input[name=dasar_hukum]", "SK Kepala Desa Nomor 5 Tahun 2026")
    _foto(halaman, "forum_form.png", tmp_path)
    halaman.get_by_role("button", name="Simpan").click()
    assert halaman.get_by_role("heading", level=1).inner_text() == "Forum Mitra Desa Alpha"

    # one member through the form ...
    halaman.get_by_role("link", name="Tambah anggota").click()
    halaman.fill("input[name=nama]", "Siti Aminah")
    halaman.select_option("select[name=jenis_kelamin]", "P")
    halaman.select_option("select[name=unsur]", label="Kelompok perempuan")
    halaman.fill("input[name=peran]", "Ketua")
    halaman.get_by_role("button", name="Simpan", exact=True).click()
    # ... the same person again is refused, with what was typed kept
    halaman.get_by_role("link", name="Tambah anggota").click()
    halaman.fill("input[name=nama]", "siti aminah")
    halaman.select_option("select[name=jenis_kelamin]", "P")
    halaman.select_option("select[name=unsur]", label="Kelompok perempuan")
    halaman.get_by_role("button", name="Simpan", exact=True).click()
    assert "sudah tercatat sebagai anggota forum ini" in halaman.content()
    assert halaman.input_value("input[name=nama]") == "siti aminah"
    # ... and the rest from a pasted list, one bad line reported by number
    halaman.get_by_role(
        "link", name="Banyak anggota sekaligus? Tempel daftar atau unggah XLSX."
    ).click()
    halaman.fill(
        "textarea[name=teks]",
        "Budi Santoso; L; Kelompok tani; Sekretaris\nHaji Umar; L; Tokoh agama; Penasehat\nTanpa Unsur; P; ;",
    )
    halaman.get_by_role("button", name="Impor").click()
    assert "Baris 3: Unsur kosong." in halaman.inner_text("#galat-impor")
    _foto(halaman, "forum_impor.png", tmp_path)
    halaman.get_by_role("link", name="← Forum Mitra Desa Alpha").click()
    assert "Budi Santoso" in halaman.content() and "Haji Umar" in halaman.content()

    # a meeting with attendance
    halaman.get_by_role("link", name="Catat pertemuan").click()
    halaman.fill("input[name=jam_mulai]", "09:00")
    halaman.fill("input[name=jam_selesai]", "11:30")
    halaman.select_option("select[name=sarana]", label="Balai Desa Alpha — Balai desa (Desa Alpha)")
    halaman.get_by_label("Siti Aminah (Perempuan, Kelompok perempuan)").check()
    halaman.get_by_label("Budi Santoso (Laki-laki, Kelompok tani)").check()
    halaman.fill("input[name=tamu_laki]", "3")
    halaman.fill("input[name=tamu_perempuan]", "4")
    halaman.fill("input[name=tamu_lansia]", "1")
    halaman.fill("textarea[name=notulen]", "Membahas rencana kerja bakti saluran irigasi.")
    _foto(halaman, "pertemuan_form.png", tmp_path)
    halaman.get_by_role("button", name="Simpan pertemuan").click()
    assert "2 anggota hadir" in halaman.content()

    # a decision that becomes a follow-up; a past due date first
    lampau = (timezone.localdate() - datetime.timedelta(days=2)).isoformat()
    tempo = (timezone.localdate() + datetime.timedelta(days=14)).isoformat()
    halaman.fill("textarea[name=isi]", "Kerja bakti membersihkan saluran irigasi dusun II")
    halaman.fill("input[name=penanggung_jawab]", "Ketua kelompok tani")
    halaman.fill("input[name=jatuh_tempo]", lampau)
    halaman.get_by_role("button", name="Simpan keputusan").click()
    assert "sudah lewat" in halaman.content()
    assert "Kerja bakti membersihkan saluran irigasi dusun II" in halaman.input_value(
        "textarea[name=isi]"
    )
    halaman.fill("input[name=jatuh_tempo]", tempo)
    halaman.get_by_role("button", name="Simpan keputusan").click()
    assert "Kerja bakti membersihkan saluran irigasi dusun II" in halaman.inner_text(
        "#daftar-keputusan"
    )
    _foto(halaman, "pertemuan_detail.png", tmp_path)

    # the forum page summarises participation; the follow-up is among the PLD's follow-ups
    halaman.get_by_role("link", name="← Forum Mitra Desa Alpha").click()
    assert "Ketua kelompok tani" in halaman.content()
    _foto(halaman, "forum_detail.png", tmp_path)
    halaman.goto("/forum/tindak-lanjut/")
    daftar = halaman.inner_text("#daftar-tindak-lanjut")
    assert "Kerja bakti membersihkan saluran irigasi dusun II" in daftar
    assert "Ketua kelompok tani" in daftar
    _foto(halaman, "tindak_lanjut.png", tmp_path)
    # and the meeting shows on the desa's timeline
    halaman.goto(f"/wilayah/{dunia.desa_a.kode}/")
    assert "Forum Mitra Desa Alpha: Pertemuan Forum Mitra Desa Alpha" in halaman.content()


def test_pengawas_melihat_rekap_per_wilayah(halaman, dunia, tmp_path):
    from tests.forum.factories import anggota_di, forum_di

    f = forum_di(dunia.desa_a, dunia.pld_a, nama="Forum Mitra Alpha")
    anggota_di(f, nama="Siti", kode_unsur="kelompok-perempuan")
    forum_di(dunia.desa_a2, nama="Pusat Kemasyarakatan Alpha Dua", jenis="pusat_kemasyarakatan")
    sarana_di(dunia.desa_a, nama="Lapangan Alpha", jenis="lapangan", kapasitas=400)
    masuk(halaman, "korprov")
    halaman.get_by_role("link", name="Pengorganisasian").click()
    halaman.get_by_role("link", name=dunia.kab_a.nama).click()
    baris = halaman.locator("tfoot tr").inner_text()
    assert baris.split() == ["Jumlah", "2", "1", "1", "2"]
    assert "Tokoh agama" in halaman.inner_text("#unsur-tidak-pernah")
    assert "Kelompok perempuan" not in halaman.inner_text("#unsur-tidak-pernah")
    _foto(halaman, "pengawasan.png", tmp_path)
    halaman.get_by_role("link", name="Forum", exact=True).click()
    assert "Forum Mitra Alpha" in halaman.content()
    _foto(halaman, "forum_list.png", tmp_path)
    halaman.get_by_role("link", name="Forum Mitra Alpha").click()
    assert halaman.get_by_role("link", name="Catat pertemuan").count() == 0
    halaman.get_by_role("link", name="Sarana desa").first.click()
    assert "Lapangan Alpha" in halaman.content()
    _foto(halaman, "sarana_list.png", tmp_path)
