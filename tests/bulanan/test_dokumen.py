"""The documents: the report PDF (read back with pypdf), its entries XLSX, fixed query counts with
many entries and photos, all built by the core download pipeline (the view only asks; with inline
tasks the file is ready when the download page shows), and the owner-only download."""

import datetime
import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from pendampingan.bulanan import services
from pendampingan.bulanan.dokumen import laporan_konteks, laporan_pdf, sumber_gambar
from pendampingan.bulanan.models import StatusLaporan
from pendampingan.inti.dokumen import pengambil_url
from pendampingan.kegiatan.services import foto_tambah
from pendampingan.models import JenisPenugasan, Penugasan, StatusUnduhan, Unduhan
from pendampingan.notifikasi.models import Pesan
from tests.bulanan.factories import bulan_ini, kegiatan, laporan
from tests.kegiatan.factories import jpeg

pytestmark = pytest.mark.django_db


def _teks_pdf(isi: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(isi)).pages)


def _minta(klien, url, capture, data=None):
    """POST the download request, run what was queued after commit (the build), return the
    response and the download row."""
    with capture(execute=True):
        resp = klien.post(url, data or {})
    assert resp.status_code == 302, resp.status_code
    u = Unduhan.objects.order_by("-dibuat").first()
    assert resp.url == u.get_absolute_url()
    return resp, u


def _ambil(klien, u) -> bytes:
    resp = klien.get(reverse("pendampingan:unduhan-ambil", args=[u.pk]))
    assert resp.status_code == 200
    return b"".join(resp.streaming_content)


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


def test_pengambil_url_pdf_dipagari():
    """The PDF goes through the one fenced fetcher (no local file outside storage, no network)."""
    with pytest.raises(ValueError):
        pengambil_url("file:///etc/passwd")
    with pytest.raises(ValueError):
        pengambil_url("http://127.0.0.1:9/x.png")


def test_pdf_lewat_pipa_unduhan_query_tetap(
    dunia, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    """100 entries and 200 photos cost the same queries as 10 and 20 — request and build."""
    klien = dunia.klien(dunia.pld_a)
    _bulan_penuh(dunia, 10, foto_per_kegiatan=2)
    lap = services.laporan_susun(user=dunia.pld_a.user, bulan=bulan_ini())
    url = reverse("bulanan:laporan-pdf", args=[lap.pk])
    assert klien.get(url).status_code == 405  # nothing is built on a GET
    with django_assert_max_num_queries(60) as sedikit:
        _minta(klien, url, django_capture_on_commit_callbacks)
    _bulan_penuh(dunia, 90, foto_per_kegiatan=2, awal=10)
    services.laporan_susun(user=dunia.pld_a.user, bulan=bulan_ini())
    with django_assert_max_num_queries(len(sedikit)):
        _resp, u = _minta(klien, url, django_capture_on_commit_callbacks)
    assert (u.jenis, u.status, u.mime) == ("bulanan.pdf", StatusUnduhan.SIAP, "application/pdf")
    assert u.parameter == {"laporan": lap.pk} and u.nama_berkas.endswith(".pdf")
    halaman = klien.get(u.get_absolute_url()).content.decode()
    assert u.nama_berkas in halaman
    teks = _teks_pdf(_ambil(klien, u))
    assert "Kegiatan nomor 099" in teks and "100 kegiatan" in teks
    # the supervisor may ask for it too; the facilitator's download stays theirs alone
    assert (
        dunia.klien(dunia.pd_a).get(reverse("pendampingan:unduhan-ambil", args=[u.pk])).status_code
        == 404
    )


def test_xlsx_kegiatan_aman_dan_lengkap(
    dunia, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
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
    with django_assert_max_num_queries(40):  # the request, the build, the "ready" notice
        _resp, u = _minta(
            klien,
            reverse("bulanan:laporan-xlsx", args=[lap.pk]),
            django_capture_on_commit_callbacks,
        )
    assert (u.jenis, u.status) == ("bulanan.xlsx", StatusUnduhan.SIAP)
    ws = openpyxl.load_workbook(io.BytesIO(_ambil(klien, u))).active
    baris = [c for c in ws[5]]
    nilai = [c.value for c in baris]
    assert "'=cmd|' /C calc'!A0" in nilai and "'+1+1" in nilai and "'@SUM(A1)" in nilai
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert 3 in nilai


def test_sel_aman_memakai_penjaga_ekspor_dan_menulis_teks():
    from openpyxl import Workbook

    from pendampingan.bulanan.dokumen import sel_aman
    from pendampingan.ekspor import aman

    ws = Workbook().active
    for i, v in enumerate(["=1+1", "-2", "\t=x", "biasa"], start=1):
        sel = sel_aman(ws, i, 1, v)
        assert sel.value == aman(v) and sel.data_type == "s"
    assert sel_aman(ws, 5, 1, 7).value == 7
    assert sel_aman(ws, 6, 1, None).value is None


def test_zip_kabupaten_lewat_pipa_unduhan_dan_hanya_pemiliknya(
    dunia, django_capture_on_commit_callbacks
):
    _bulan_penuh(dunia, 2)
    lap = services.laporan_susun(user=dunia.pld_a.user, bulan=bulan_ini())
    laporan(dunia.pld_b, dunia.desa_b, status=StatusLaporan.DRAF)  # other kabupaten: not in it
    klien = dunia.klien(dunia.pengawas)
    resp, u = _minta(
        klien,
        reverse("bulanan:rekap-zip"),
        django_capture_on_commit_callbacks,
        {"wilayah": dunia.kab_a.kode, "bulan": bulan_ini().strftime("%Y-%m")},
    )
    assert (u.jenis, u.status, u.jumlah, u.pengguna) == (
        "bulanan.zip",
        StatusUnduhan.SIAP,
        1,
        dunia.pengawas.user,
    )
    assert u.parameter == {"wilayah": dunia.kab_a.kode, "bulan": bulan_ini().isoformat()}
    assert Pesan.objects.filter(peristiwa="unduhan.siap", penerima_user=u.pengguna).exists()
    halaman = klien.get(reverse("pendampingan:unduhan-list")).content.decode()
    assert u.judul in halaman
    zf = zipfile.ZipFile(io.BytesIO(_ambil(klien, u)))
    nama = zf.namelist()
    assert any(n.endswith(".pdf") and "laporan-" in n for n in nama)
    assert any(n.startswith("rekap-33.01-") for n in nama)
    assert not any("beta" in n.lower() for n in nama)
    teks = _teks_pdf(zf.read(next(n for n in nama if n.endswith(".pdf"))))
    assert lap.pendamping.nama in teks
    # someone else's download: 404
    assert (
        dunia.klien(dunia.pld_b).get(reverse("pendampingan:unduhan-ambil", args=[u.pk])).status_code
        == 404
    )


def test_zip_ditolak_untuk_pld_dan_wilayah_luar(dunia):
    resp = dunia.klien(dunia.pld_a).post(
        reverse("bulanan:rekap-zip"), {"wilayah": dunia.kab_a.kode, "bulan": "2026-10"}
    )
    assert resp.status_code == 403
    resp = dunia.klien(dunia.pd_a).post(
        reverse("bulanan:rekap-zip"), {"wilayah": dunia.kab_b.kode, "bulan": "2026-10"}
    )
    assert resp.status_code == 404 and not Unduhan.objects.exists()
    assert dunia.klien(dunia.pd_a).get(reverse("bulanan:rekap-zip")).status_code == 405


def test_zip_dibangun_dengan_cakupan_pemilik_saat_itu(dunia, django_capture_on_commit_callbacks):
    """Queued while the PD supervised the kecamatan, built after that ended: the build fails
    rather than hand out reports they may no longer see."""
    _bulan_penuh(dunia, 1)
    services.laporan_susun(user=dunia.pld_a.user, bulan=bulan_ini())
    with django_capture_on_commit_callbacks(execute=False) as antre:
        u = services.rekap_zip_minta(user=dunia.pd_a.user, wilayah=dunia.kec_a, bulan=bulan_ini())
    Penugasan.objects.filter(pendamping=dunia.pd_a, jenis=JenisPenugasan.SUPERVISI).delete()
    for fungsi in antre:
        fungsi()
    u.refresh_from_db()
    assert u.status == StatusUnduhan.GAGAL and not u.berkas
