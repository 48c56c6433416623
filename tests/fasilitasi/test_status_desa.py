"""Village status imported from a spreadsheet (XLSX or CSV, through the platform's one upload
check): refused lines reported line by line with nothing imported, statuses from the bands of the
index and year as data (IDM up to 2023, Indeks Desa from 2024), dimension scores, desa only (not
kelurahan), shown on the desa page with the year-on-year change; the same form sent twice imports
once; the management command does the same."""

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


def test_baris_salah_dilaporkan_semua_dan_tidak_ada_yang_diimpor(dunia):
    idm = IndeksStatus.objects.get(kode="idm")
    teks = (
        "kode,tahun,skor,status\n"
        f"{dunia.desa_a.kode},2022,0.6512,\n"
        f"{dunia.desa_a.kode},2023,0.7210,Maju\n"
        "99.99.99.9999,2023,0.5,Berkembang\n"
        f"{dunia.kab_a.kode},2023,0.5,Berkembang\n"
        f"{dunia.desa_b.kode},2023,0.5,Tertinggal\n"
        f"{dunia.desa_a2.kode},2023,0.9,Tertinggal\n"
        f"{dunia.desa_a2.kode},abad,0.9,\n"
        f"{dunia.desa_a2.kode},2022,1.9,\n"
        f"{dunia.desa_a2.kode},2024,0.7,\n"
    )
    with pytest.raises(services.ImporDitolak) as e:
        services.status_desa_impor(user=dunia.pengawas.user, indeks=idm, berkas=_csv(teks))
    assert e.value.jumlah_baris == 9 and len(e.value.galat) == 6
    assert "tidak ada yang diimpor" in e.value.messages[0]
    pesan = {g["baris"]: g["pesan"] for g in e.value.galat}
    assert "99.99.99.9999 tidak dikenal" in pesan[4]
    assert "bukan kode desa" in pesan[5]
    assert "tidak sesuai skor" in pesan[7]
    assert "bukan angka" in pesan[8]
    assert "di luar 0–1" in pesan[9]
    assert "berlaku sampai 2023, bukan untuk tahun 2024" in pesan[10]
    assert not StatusDesa.objects.exists() and not ImporStatusDesa.objects.exists()


def test_impor_baris_sah(dunia):
    idm = IndeksStatus.objects.get(kode="idm")
    teks = (
        "kode,tahun,skor,status\n"
        f"{dunia.desa_a.kode},2022,0.6512,\n"
        f"{dunia.desa_a.kode},2023,0.7210,Maju\n"
        f"{dunia.desa_b.kode},2023,0.5,Tertinggal\n"
    )
    log = services.status_desa_impor(user=dunia.pengawas.user, indeks=idm, berkas=_csv(teks))
    assert (log.jumlah_baris, log.diimpor, log.ditolak) == (3, 3, 0)
    a = {s.tahun: s for s in StatusDesa.objects.filter(wilayah=dunia.desa_a)}
    assert a[2022].status == "Berkembang" and a[2022].skor == Decimal("0.6512")
    assert a[2023].status == "Maju"
    assert StatusDesa.objects.get(wilayah=dunia.desa_b).status == "Tertinggal"
    assert a[2023].history.count() == 1


def test_di_luar_cakupan_ditolak(dunia):
    idm = IndeksStatus.objects.get(kode="idm")
    tapm_a = pendamping_di(dunia.kab_a.kode, Jabatan.TAPM_KABUPATEN, jenis="supervisi")
    teks = f"kode,tahun,skor,status\n{dunia.desa_b.kode},2023,0.5,\n"
    with pytest.raises(services.ImporDitolak) as e:
        services.status_desa_impor(user=tapm_a.user, indeks=idm, berkas=_csv(teks))
    assert "di luar wilayah Anda" in e.value.galat[0]["pesan"]
    assert not StatusDesa.objects.exists()


def test_kepala_kolom_salah_tidak_menulis_apa_pun(dunia):
    idm = IndeksStatus.objects.get(kode="idm")
    with pytest.raises(ValidationError) as e:
        services.status_desa_impor(
            user=dunia.pengawas.user, indeks=idm, berkas=_csv("desa;thn\n1;2\n")
        )
    assert "Kepala kolom" in str(e.value)
    assert not StatusDesa.objects.exists()


def test_indeks_desa_dari_2024_dengan_dimensi(dunia):
    ind = IndeksStatus.objects.get(kode="indeks-desa")
    assert ind.dimensi.count() == 6 and ind.tahun_awal == 2024
    teks = (
        "kode;tahun;skor;layanan-dasar;sosial;ekonomi;lingkungan;aksesibilitas;tata-kelola\n"
        f"{dunia.desa_a.kode};2025;61,5;70;55,25;60;58;64;62\n"
        f"{dunia.desa_a2.kode};2024;86;;;;;;\n"
    )
    log = services.status_desa_impor(user=dunia.pengawas.user, indeks=ind, berkas=_csv(teks))
    assert log.diimpor == 2
    s = StatusDesa.objects.get(wilayah=dunia.desa_a)
    assert s.status == "Berkembang"  # from the bands of 2024, not from the file
    skor = {x.dimensi.kode: x.skor for x in s.skor_dimensi.select_related("dimensi")}
    assert skor["sosial"] == Decimal("55.25") and len(skor) == 6
    assert StatusDesa.objects.get(wilayah=dunia.desa_a2).status == "Mandiri"
    assert not StatusDesa.objects.get(wilayah=dunia.desa_a2).skor_dimensi.exists()


def test_indeks_desa_sebelum_2024_dan_kolom_asing_ditolak(dunia):
    ind = IndeksStatus.objects.get(kode="indeks-desa")
    teks = f"kode,tahun,skor\n{dunia.desa_a.kode},2023,61\n"
    with pytest.raises(services.ImporDitolak) as e:
        services.status_desa_impor(user=dunia.pengawas.user, indeks=ind, berkas=_csv(teks))
    assert "sejak 2024, bukan untuk tahun 2023" in e.value.galat[0]["pesan"]
    with pytest.raises(ValidationError) as e:
        services.status_desa_impor(
            user=dunia.pengawas.user, indeks=ind, berkas=_csv("kode,tahun,skor,iks\n")
        )
    assert "Kolom iks tidak dikenal" in str(e.value) and "tata-kelola" in str(e.value)


def test_skor_dimensi_salah_ditolak(dunia):
    idm = IndeksStatus.objects.get(kode="idm")
    teks = f"kode,tahun,skor,iks,ike,ikl\n{dunia.desa_a.kode},2023,0.6,0.7,x,0.5\n"
    with pytest.raises(services.ImporDitolak) as e:
        services.status_desa_impor(user=dunia.pengawas.user, indeks=idm, berkas=_csv(teks))
    assert "skor ike «x» bukan angka" in e.value.galat[0]["pesan"]


def test_kelurahan_tidak_diberi_status(dunia):
    from tests.factories import wilayah_rantai

    kel = wilayah_rantai("33.01.01.1001", "Kelurahan Kebonmanis")
    idm = IndeksStatus.objects.get(kode="idm")
    teks = f"kode,tahun,skor\n{kel.kode},2023,0.6\n"
    with pytest.raises(services.ImporDitolak) as e:
        services.status_desa_impor(user=dunia.pengawas.user, indeks=idm, berkas=_csv(teks))
    assert "adalah kelurahan" in e.value.galat[0]["pesan"]
    # and in admin (the model's clean)
    with pytest.raises(ValidationError) as e:
        StatusDesa(wilayah=kel, indeks=idm, tahun=2023, status="Maju").full_clean()
    assert "wilayah" in e.value.message_dict
    with pytest.raises(ValidationError) as e:
        StatusDesa(wilayah=dunia.desa_a, indeks=idm, tahun=2024, status="Maju").full_clean()
    assert "tahun" in e.value.message_dict


def test_impor_ulang_memperbarui(dunia):
    idm = IndeksStatus.objects.get(kode="idm")
    u = dunia.pengawas.user
    services.status_desa_impor(
        user=u, indeks=idm, berkas=_csv(f"kode,tahun,skor,status\n{dunia.desa_a.kode},2023,0.60,\n")
    )
    services.status_desa_impor(
        user=u, indeks=idm, berkas=_csv(f"kode,tahun,skor,status\n{dunia.desa_a.kode},2023,0.58,\n")
    )
    s = StatusDesa.objects.get()
    assert s.status == "Tertinggal" and s.history.count() == 2


def test_halaman_desa_menampilkan_perubahan(dunia):
    idm = IndeksStatus.objects.get(kode="idm")
    teks = (
        "kode,tahun,skor,iks,ike,ikl\n"
        f"{dunia.desa_a.kode},2022,0.5800,,,\n"
        f"{dunia.desa_a.kode},2023,0.6300,0.7100,0.5500,0.6300\n"
    )
    services.status_desa_impor(user=dunia.pengawas.user, indeks=idm, berkas=_csv(teks))
    ind = IndeksStatus.objects.get(kode="indeks-desa")
    services.status_desa_impor(
        user=dunia.pengawas.user,
        indeks=ind,
        berkas=_csv(f"kode,tahun,skor\n{dunia.desa_a.kode},2024,72.5\n"),
    )
    r = dunia.klien(dunia.pld_a).get(
        reverse("pendampingan:wilayah-detail", args=[dunia.desa_a.kode])
    )
    html = r.content.decode()
    assert "Status desa dan fasilitasi" in html
    assert "Indeks Desa Membangun (IDM)" in html
    assert ("+0,0500" in html or "+0.0500" in html) and "naik status" in html
    assert "Indeks Ketahanan Ekonomi (IKE)" in html and ("0,5500" in html or "0.5500" in html)
    # Indeks Desa (from 2024) first, then IDM (up to 2023)
    assert html.index("(sejak 2024)") < html.index("(sampai 2023)")


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
                f"kode,tahun,skor,status\n{dunia.desa_a.kode},2023,0.7,\n77.77,2023,0.5,\n"
            ),
        },
    )
    html = r.content.decode()
    assert "2 baris dibaca, 1 ditolak; tidak ada yang diimpor" in html
    assert "kode wilayah 77.77 tidak dikenal" in html
    assert not StatusDesa.objects.exists()
    r = c.post(
        url,
        {
            "indeks": idm.pk,
            "berkas": _csv(f"kode,tahun,skor,status\n{dunia.desa_a.kode},2023,0.7,\n"),
        },
    )
    assert "1 diimpor, 0 ditolak" in r.content.decode() and StatusDesa.objects.count() == 1


def test_sel_angka_dibaca_seperti_teks(dunia):
    idm = IndeksStatus.objects.get(kode="idm")
    berkas = _lembar([["kode", "tahun", "skor", "status"], [dunia.desa_a.kode, 2023, 0.6512, None]])
    log = services.status_desa_impor(user=dunia.pengawas.user, indeks=idm, berkas=berkas)
    assert log.diimpor == 1, log.galat
    s = StatusDesa.objects.get()
    assert s.tahun == 2023 and s.skor == Decimal("0.6512") and s.status == "Berkembang"


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
    teks = f"kode,tahun,skor,status\n{dunia.desa_a.kode},2023,0.7,\n"
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
    teks += pemisah.join([dunia.desa_a.kode, "2023", "0.7210", "Maju"]) + "\n"
    berkas = SimpleUploadedFile("status.csv", ("\ufeff" + teks).encode(), content_type="text/csv")
    log = services.status_desa_impor(user=dunia.pengawas.user, indeks=idm, berkas=berkas)
    assert (log.jumlah_baris, log.diimpor, log.ditolak) == (1, 1, 0)


def test_perintah_impor(dunia, tmp_path):
    from django.core.management import CommandError, call_command

    berkas = tmp_path / "idm.csv"
    berkas.write_text(f"kode,tahun,skor\n{dunia.desa_a.kode},2023,0.8200\n", encoding="utf-8")
    call_command("impor_status_desa", str(berkas), indeks="idm", oleh="korprov")
    assert StatusDesa.objects.get().status == "Mandiri"
    berkas.write_text(f"kode,tahun,skor\n{dunia.desa_a.kode},2024,0.8\n", encoding="utf-8")
    with pytest.raises(CommandError, match="tidak ada yang diimpor"):
        call_command("impor_status_desa", str(berkas), indeks="idm", oleh="korprov")
    with pytest.raises(CommandError, match="tidak dikenal"):
        call_command("impor_status_desa", str(berkas), indeks="sdgs", oleh="korprov")


def test_panel_desa_jumlah_kueri_tetap(dunia, hitung_query):
    from fasilitasi.selectors import status_desa_ringkas

    idm = IndeksStatus.objects.get(kode="idm")

    def impor(tahun_list):
        teks = "kode,tahun,skor,iks,ike,ikl\n" + "".join(
            f"{dunia.desa_a.kode},{t},0.6,0.6,0.6,0.6\n" for t in tahun_list
        )
        services.status_desa_impor(user=dunia.pengawas.user, indeks=idm, berkas=_csv(teks))

    def baca():
        return status_desa_ringkas(user=dunia.pengawas.user, desa=dunia.desa_a)

    impor([2022])
    sedikit = hitung_query(baca)
    impor([2017, 2018, 2019, 2020, 2021])
    assert hitung_query(baca) == sedikit
    assert len(baca()[0]["tahun"]) == 6
