"""The documents: the report PDF (read back with pypdf), its entries XLSX, fixed query counts with
many entries and photos, the ZIP built by the Celery task and its scoped download."""

import datetime
import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from pendampingan.bulanan import services
from pendampingan.bulanan.dokumen import laporan_konteks, laporan_pdf, pengambil_url, sumber_gambar
from pendampingan.bulanan.models import StatusLaporan, StatusUnduhan, Unduhan
from pendampingan.kegiatan.services import foto_tambah
from pendampingan.notifikasi.models import Pesan
from tests.bulanan.factories import bulan_ini, kegiatan, laporan
from tests.kegiatan.factories import jpeg

pytestmark = pytest.mark.django_db


def _teks_pdf(isi: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(isi)).pages)


def _bulan_penuh(dunia, n_kegiatan, foto_per_kegiatan=0, awal=0):
    p = dunia.pld_a
    for i in range(n_kegiatan):
        k = kegiatan(
            p,
            dunia.desa_a,
            bulan_ini() + datetime.timedelta(days=(awal + i) % 28),
            judul=f"Kegiatan nomor {awal + i:03d}",
            masalah="Warga belum hadir" if i % 10 == 0 else "",
            solusi="Undangan ulang" if i % 10 == 0 else "",
        )
        for j in range(foto_per_kegiatan):
            foto_tambah(
                kegiatan=k,
                berkas=SimpleUploadedFile(
                    "f.jpg", jpeg(warna=((awal + i) % 256, j * 40, 90)), content_type="image/jpeg"
                ),
                _cek=False,
            )
    return p


def test_pdf_memuat_pendamping_bulan_dan_setiap_judul(dunia):
    p = _bulan_penuh(dunia, 6, foto_per_kegiatan=1)
    lap = services.laporan_susun(user=p.user, bulan=bulan_ini())
    teks = _teks_pdf(laporan_pdf(laporan=lap))
    assert p.nama in teks
    assert lap.bulan.strftime("%Y") in teks
    from pendampingan.bulanan.periode import nama_bulan

    assert nama_bulan(lap.bulan).upper() in teks
    for i in range(6):
        assert f"Kegiatan nomor {i:03d}" in teks
    assert "Warga belum hadir" in teks and "Undangan ulang" in teks
    assert "Yang melaporkan," in teks and "KEMENTERIAN DESA" in teks


def test_pdf_memakai_thumbnail_bukan_foto_asli(dunia, settings):
    settings.BULANAN_FOTO_MAKS = 3
    p = _bulan_penuh(dunia, 5, foto_per_kegiatan=2)
    lap = services.laporan_susun(user=p.user, bulan=bulan_ini())
    foto = laporan_konteks(laporan=lap)["foto"]
    assert len(foto) == 3 and len({f.kegiatan_id for f in foto}) == 3
    src = sumber_gambar(foto[0].thumbnail)
    assert src.startswith("file://") and "/kegiatan/thumbnail/" in src


def test_pengambil_url_pdf_dipagari(settings, tmp_path):
    with pytest.raises(ValueError):
        pengambil_url("file:///etc/passwd")
    with pytest.raises(ValueError):
        pengambil_url("http://127.0.0.1:9/x.png")


def test_pdf_seratus_kegiatan_dua_ratus_foto_query_tetap(dunia, django_assert_max_num_queries):
    klien = dunia.klien(dunia.pld_a)
    _bulan_penuh(dunia, 10, foto_per_kegiatan=2)
    lap = services.laporan_susun(user=dunia.pld_a.user, bulan=bulan_ini())
    url = reverse("bulanan:laporan-pdf", args=[lap.pk])
    with django_assert_max_num_queries(40) as sedikit:
        assert klien.get(url).status_code == 200
    _bulan_penuh(dunia, 90, foto_per_kegiatan=2, awal=10)
    services.laporan_susun(user=dunia.pld_a.user, bulan=bulan_ini())
    with django_assert_max_num_queries(len(sedikit)):
        resp = klien.get(url)
    assert resp["Content-Type"] == "application/pdf"
    teks = _teks_pdf(resp.content)
    assert "Kegiatan nomor 099" in teks and "100 kegiatan" in teks


def test_xlsx_kegiatan_aman_dan_lengkap(dunia, django_assert_max_num_queries):
    p = dunia.pld_a
    kegiatan(
        p,
        dunia.desa_a,
        bulan_ini(),
        judul="=cmd|' /C calc'!A0",
        uraian="+1+1",
        masalah="@SUM(A1)",
        peserta_laki=3,
    )
    lap = laporan(p, dunia.desa_a)
    klien = dunia.klien(p)
    with django_assert_max_num_queries(12):
        resp = klien.get(reverse("bulanan:laporan-xlsx", args=[lap.pk]))
    ws = openpyxl.load_workbook(io.BytesIO(resp.content)).active
    baris = [c for c in ws[5]]
    nilai = [c.value for c in baris]
    assert "'=cmd|' /C calc'!A0" in nilai and "'+1+1" in nilai and "'@SUM(A1)" in nilai
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert 3 in nilai


def test_zip_kabupaten_lewat_celery_dan_unduhan_berlingkup(
    dunia, django_capture_on_commit_callbacks
):
    _bulan_penuh(dunia, 2)
    lap = services.laporan_susun(user=dunia.pld_a.user, bulan=bulan_ini())
    laporan(dunia.pld_b, dunia.desa_b, status=StatusLaporan.DRAF)  # other kabupaten: not in it
    klien = dunia.klien(dunia.pengawas)
    with django_capture_on_commit_callbacks(execute=True):
        resp = klien.post(
            reverse("bulanan:unduhan"),
            {"wilayah": dunia.kab_a.kode, "bulan": bulan_ini().strftime("%Y-%m")},
        )
    assert resp.status_code == 302
    u = Unduhan.objects.get()
    assert u.status == StatusUnduhan.SIAP and u.jumlah_laporan == 1
    assert Pesan.objects.filter(peristiwa="bulanan.unduhan_siap", penerima_user=u.user).exists()
    halaman = klien.get(reverse("bulanan:unduhan")).content.decode()
    assert "Siap diunduh" in halaman
    resp = klien.get(reverse("bulanan:unduhan-berkas", args=[u.pk]))
    assert resp.status_code == 200
    zf = zipfile.ZipFile(io.BytesIO(b"".join(resp.streaming_content)))
    nama = zf.namelist()
    assert any(n.endswith(".pdf") and "laporan-" in n for n in nama)
    assert any(n.startswith("rekap-33.01-") for n in nama)
    assert not any("beta" in n.lower() for n in nama)
    teks = _teks_pdf(zf.read(next(n for n in nama if n.endswith(".pdf"))))
    assert lap.pendamping.nama in teks
    # someone else's download: 404
    assert (
        dunia.klien(dunia.pld_b).get(reverse("bulanan:unduhan-berkas", args=[u.pk])).status_code
        == 404
    )


def test_zip_ditolak_untuk_pld_dan_wilayah_luar(dunia):
    resp = dunia.klien(dunia.pld_a).post(
        reverse("bulanan:unduhan"), {"wilayah": dunia.kab_a.kode, "bulan": "2026-10"}
    )
    assert resp.status_code == 403
    resp = dunia.klien(dunia.pd_a).post(
        reverse("bulanan:unduhan"), {"wilayah": dunia.kab_b.kode, "bulan": "2026-10"}
    )
    assert resp.status_code == 400 and not Unduhan.objects.exists()
