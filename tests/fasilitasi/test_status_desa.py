"""Village status imported from a spreadsheet (XLSX, through the platform's one upload check):
unknown codes reported line by line, valid lines imported, statuses from the bands as data, shown
on the desa page with the year-on-year change; the same form sent twice imports once."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from fasilitasi import services
from fasilitasi.models import ImporStatusDesa, IndeksStatus, StatusDesa
from pendampingan.models import Jabatan
from tests.factories import pendamping_di

pytestmark = pytest.mark.django_db
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _lembar(baris) -> SimpleUploadedFile:
    buku = Workbook()
    for r in baris:
        buku.active.append(r)
    buf = io.BytesIO()
    buku.save(buf)
    return SimpleUploadedFile("status.xlsx", buf.getvalue(), content_type=XLSX_MIME)


def _csv(teks):
    """The lines of a CSV text (comma or semicolon) as the cells of a sheet, all as text."""
    pemisah = ";" if teks.count(";") > teks.count(",") else ","
    return _lembar([r.split(pemisah) for r in teks.splitlines()])


def test_impor_baris_sah_dan_laporan_per_baris(dunia):
    idm = IndeksStatus.objects.get(kode="idm")
    teks = (
        "kode,tahun,skor,status\n"
        f"{dunia.desa_a.kode},2024,0.6512,\n"
        f"{dunia.desa_a.kode},2025,0.7210,Maju\n"
        "99.99.99.9999,2025,0.5,Berkembang\n"
        f"{dunia.kab_a.kode},2025,0.5,Berkembang\n"
        f"{dunia.desa_b.kode},2025,0.5,Tertinggal\n"
        f"{dunia.desa_a2.kode},2025,0.9,Tertinggal\n"
        f"{dunia.desa_a2.kode},abad,0.9,\n"
        f"{dunia.desa_a2.kode},2025,1.9,\n"
    )
    log = services.status_desa_impor(user=dunia.pengawas.user, indeks=idm, berkas=_csv(teks))
    assert log.jumlah_baris == 8
    assert log.diimpor == 3
    assert log.ditolak == 5
    pesan = {g["baris"]: g["pesan"] for g in log.galat}
    assert "99.99.99.9999 tidak dikenal" in pesan[4]
    assert "bukan kode desa" in pesan[5]
    assert "tidak sesuai skor" in pesan[7]
    assert "bukan angka" in pesan[8]
    assert "di luar 0–1" in pesan[9]
    a = {s.tahun: s for s in StatusDesa.objects.filter(wilayah=dunia.desa_a)}
    assert a[2024].status == "Berkembang" and a[2024].skor == Decimal("0.6512")
    assert a[2025].status == "Maju"
    assert StatusDesa.objects.get(wilayah=dunia.desa_b).status == "Tertinggal"
    assert a[2025].history.count() == 1


def test_di_luar_cakupan_ditolak(dunia):
    idm = IndeksStatus.objects.get(kode="idm")
    tapm_a = pendamping_di(dunia.kab_a.kode, Jabatan.TAPM_KABUPATEN, jenis="supervisi")
    teks = f"kode,tahun,skor,status\n{dunia.desa_b.kode},2025,0.5,\n"
    log = services.status_desa_impor(user=tapm_a.user, indeks=idm, berkas=_csv(teks))
    assert log.diimpor == 0 and "di luar wilayah Anda" in log.galat[0]["pesan"]


def test_kepala_kolom_salah_tidak_menulis_apa_pun(dunia):
    idm = IndeksStatus.objects.get(kode="idm")
    with pytest.raises(ValidationError) as e:
        services.status_desa_impor(
            user=dunia.pengawas.user, indeks=idm, berkas=_csv("desa;thn\n1;2\n")
        )
    assert "Kepala kolom" in str(e.value)
    assert not StatusDesa.objects.exists()


def test_indeks_tanpa_ambang_perlu_status(dunia):
    ind = IndeksStatus.objects.get(kode="indeks-desa")
    teks = (
        "kode;tahun;skor;status\n"
        f"{dunia.desa_a.kode};2025;61,5;Berkembang\n"
        f"{dunia.desa_a2.kode};2025;61,5;\n"
    )
    log = services.status_desa_impor(user=dunia.pengawas.user, indeks=ind, berkas=_csv(teks))
    assert log.diimpor == 1
    assert "tidak dapat dihitung" in log.galat[0]["pesan"]


def test_impor_ulang_memperbarui(dunia):
    idm = IndeksStatus.objects.get(kode="idm")
    u = dunia.pengawas.user
    services.status_desa_impor(
        user=u, indeks=idm, berkas=_csv(f"kode,tahun,skor,status\n{dunia.desa_a.kode},2025,0.60,\n")
    )
    services.status_desa_impor(
        user=u, indeks=idm, berkas=_csv(f"kode,tahun,skor,status\n{dunia.desa_a.kode},2025,0.58,\n")
    )
    s = StatusDesa.objects.get()
    assert s.status == "Tertinggal" and s.history.count() == 2


def test_halaman_desa_menampilkan_perubahan(dunia):
    idm = IndeksStatus.objects.get(kode="idm")
    teks = (
        "kode,tahun,skor,status\n"
        f"{dunia.desa_a.kode},2024,0.5800,\n"
        f"{dunia.desa_a.kode},2025,0.6300,\n"
    )
    services.status_desa_impor(user=dunia.pengawas.user, indeks=idm, berkas=_csv(teks))
    r = dunia.klien(dunia.pld_a).get(
        reverse("pendampingan:wilayah-detail", args=[dunia.desa_a.kode])
    )
    html = r.content.decode()
    assert "Status desa dan fasilitasi" in html
    assert "Indeks Desa Membangun (IDM)" in html
    assert ("+0,0500" in html or "+0.0500" in html) and "naik status" in html


def test_halaman_impor(dunia):
    url = reverse("fasilitasi:status-impor")
    assert dunia.klien(dunia.pld_a).get(url).status_code == 403
    c = dunia.klien(dunia.pengawas)
    assert c.get(url).status_code == 200
    idm = IndeksStatus.objects.get(kode="idm")
    r = c.post(
        url,
        {
            "indeks": idm.pk,
            "berkas": _csv(
                f"kode,tahun,skor,status\n{dunia.desa_a.kode},2025,0.7,\n77.77,2025,0.5,\n"
            ),
        },
    )
    html = r.content.decode()
    assert "1 diimpor, 1 ditolak" in html
    assert "kode wilayah 77.77 tidak dikenal" in html


def test_sel_angka_dibaca_seperti_teks(dunia):
    idm = IndeksStatus.objects.get(kode="idm")
    berkas = _lembar([["kode", "tahun", "skor", "status"], [dunia.desa_a.kode, 2024, 0.6512, None]])
    log = services.status_desa_impor(user=dunia.pengawas.user, indeks=idm, berkas=berkas)
    assert log.diimpor == 1, log.galat
    s = StatusDesa.objects.get()
    assert s.tahun == 2024 and s.skor == Decimal("0.6512") and s.status == "Berkembang"


def test_berkas_selain_xlsx_atau_csv_ditolak_pemeriksaan_berkas(dunia):
    idm = IndeksStatus.objects.get(kode="idm")
    from tests.kegiatan.factories import pdf_bytes

    pdf = SimpleUploadedFile("status.pdf", pdf_bytes(), content_type="application/pdf")
    with pytest.raises(ValidationError) as e:
        services.status_desa_impor(user=dunia.pengawas.user, indeks=idm, berkas=pdf)
    assert "XLSX" in str(e.value) and "CSV" in str(e.value)
    assert not ImporStatusDesa.objects.exists() and not StatusDesa.objects.exists()


def test_impor_tanpa_izin_403(dunia):
    idm = IndeksStatus.objects.get(kode="idm")
    with pytest.raises(PermissionDenied):
        services.status_desa_impor(
            user=dunia.pld_a.user, indeks=idm, berkas=_csv("kode,tahun,skor,status\n")
        )


def test_formulir_dikirim_dua_kali_satu_impor(dunia):
    c = dunia.klien(dunia.pengawas)
    url = reverse("fasilitasi:status-impor")
    form = c.get(url).context["form"]
    kunci = str(form["kunci_sekali"].value())
    idm = IndeksStatus.objects.get(kode="idm")
    teks = f"kode,tahun,skor,status\n{dunia.desa_a.kode},2025,0.7,\n"
    for _ in range(2):
        r = c.post(url, {"indeks": idm.pk, "berkas": _csv(teks), "kunci_sekali": kunci})
        assert r.status_code == 200
    assert ImporStatusDesa.objects.count() == 1
    assert "dikirim dua kali" in r.content.decode()
    assert "1 diimpor, 0 ditolak" in r.content.decode()


@pytest.mark.parametrize("pemisah", [";", ","])
def test_impor_dari_csv_sungguhan(dunia, pemisah):
    """A real CSV file (UTF-8 with BOM, as Excel saves it) is read like the sheet."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    idm = IndeksStatus.objects.get(kode="idm")
    teks = pemisah.join(["kode", "tahun", "skor", "status"]) + "\n"
    teks += pemisah.join([dunia.desa_a.kode, "2025", "0.7210", "Maju"]) + "\n"
    berkas = SimpleUploadedFile("status.csv", ("\ufeff" + teks).encode(), content_type="text/csv")
    log = services.status_desa_impor(user=dunia.pengawas.user, indeks=idm, berkas=berkas)
    assert (log.jumlah_baris, log.diimpor, log.ditolak) == (1, 1, 0)
