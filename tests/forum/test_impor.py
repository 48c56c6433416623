"""The bulk member import (pasted text or XLSX): line-by-line report, the one upload check before
openpyxl opens a file (the hostile files of issue 13 refused with a message, never a 500, nothing
added) and a repeated submission that adds nobody twice."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from openpyxl import Workbook

from pendampingan.forum.forms import ImporAnggotaForm
from pendampingan.forum.models import Anggota
from pendampingan.inti.berkas import XLSX, periksa_berkas
from tests.forum.factories import anggota_di, forum_di
from tests.inti import berkas_jahat

# the upload forms this walk covers (tests/inti/test_unggahan_lengkap.py checks none is missing)
FORM_DIUJI = {ImporAnggotaForm}

pytestmark = pytest.mark.django_db


def _xlsx(*baris) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(["Nama", "Jenis kelamin", "Unsur", "Peran", "Kontak", "Tanggal masuk"])
    for b in baris:
        ws.append(list(b))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_impor_tempel_melaporkan_baris_salah_dan_mengimpor_yang_benar(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    anggota_di(f, nama="Sudah Ada")
    teks = "\n".join(
        [
            "nama;jk;unsur;peran;kontak",
            "Siti Aminah; P; Kelompok perempuan; Ketua; 0812",
            "Budi\tL\tkelompok tani\tAnggota\t\t01-02-2026",
            "",
            "Tanpa Unsur; L; ;",
            "Sudah Ada; P; Tokoh agama",
            "Salah JK; X; Tokoh adat",
            "Ahmad, L, tokoh-agama, Penasehat",
        ]
    )
    r = dunia.klien(dunia.pld_a).post(reverse("forum:anggota-impor", args=[f.pk]), {"teks": teks})
    assert r.status_code == 200
    html = r.content.decode()
    assert "Baris 5: Unsur kosong." in html
    assert "Baris 6: Sudah Ada sudah tercatat sebagai anggota forum ini" in html
    assert "Baris 7: Jenis kelamin “X” tidak dikenal" in html
    nama = set(Anggota.objects.filter(forum=f).values_list("nama", flat=True))
    assert nama == {"Sudah Ada", "Siti Aminah", "Budi", "Ahmad"}
    assert Anggota.objects.get(nama="Budi").tanggal_masuk == datetime.date(2026, 2, 1)


def test_impor_xlsx(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    wb = Workbook()
    ws = wb.active
    ws.append(["Nama", "Jenis kelamin", "Unsur", "Peran", "Kontak", "Tanggal masuk"])
    ws.append(["Wati", "Perempuan", "Kader desa", "Sekretaris", "0812", datetime.date(2026, 3, 1)])
    ws.append(["Joko", "L", "Nelayan entah", "", "", None])
    buf = io.BytesIO()
    wb.save(buf)
    berkas = SimpleUploadedFile("anggota.xlsx", buf.getvalue())
    r = dunia.klien(dunia.pld_a).post(
        reverse("forum:anggota-impor", args=[f.pk]), {"berkas": berkas}
    )
    assert "Baris 3: Unsur “Nelayan entah” tidak ada dalam daftar" in r.content.decode()
    w = Anggota.objects.get(forum=f)
    assert (w.nama, w.jenis_kelamin, w.unsur.kode, w.tanggal_masuk) == (
        "Wati",
        "P",
        "kader-desa",
        datetime.date(2026, 3, 1),
    )


def test_impor_berkas_bukan_xlsx(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    berkas = SimpleUploadedFile("anggota.xlsx", b"nama;L;tokoh agama")
    r = dunia.klien(dunia.pld_a).post(
        reverse("forum:anggota-impor", args=[f.pk]), {"berkas": berkas}
    )
    assert r.status_code == 200
    assert "Jenis berkas tidak dikenali atau tidak diizinkan. Gunakan XLSX." in r.content.decode()
    # the field's own message only (not also "paste a list or upload a file")
    assert "Tempel daftar anggota atau unggah berkas XLSX." not in r.content.decode()


@pytest.mark.parametrize("kunci", list(berkas_jahat.BERKAS))
def test_impor_berkas_jahat_ditolak_dengan_pesan(dunia, kunci):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    with pytest.raises(ValidationError) as e:
        periksa_berkas(berkas_jahat.unggahan(kunci), XLSX)
    pesan = e.value.messages[0]
    r = dunia.klien(dunia.pld_a).post(
        reverse("forum:anggota-impor", args=[f.pk]), {"berkas": berkas_jahat.unggahan(kunci)}
    )
    assert r.status_code in (200, 400)
    assert escape(pesan) in r.content.decode()
    assert not Anggota.objects.exists()


def test_impor_xlsx_asli_lolos_pemeriksaan(dunia):
    isi = _xlsx(["Wati", "P", "Kader desa"])
    hasil = periksa_berkas(SimpleUploadedFile("a.xlsx", isi), XLSX)
    assert hasil.jenis == "xlsx"


def test_impor_dikirim_dua_kali_anggota_tidak_ganda(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    k = dunia.klien(dunia.pld_a)
    url = reverse("forum:anggota-impor", args=[f.pk])
    data = {
        "teks": "Siti; P; Kelompok perempuan\nBudi; L; Kelompok tani",
        "kunci_sekali": "6f1c2a52-5b7e-4a8e-9a1e-0c2f3b4d5e6f",
    }
    r1 = k.post(url, data)
    r2 = k.post(url, data)  # the double click: the page the user ends up on
    assert r1.status_code == r2.status_code == 302
    assert r2["Location"] == reverse("forum:forum-detail", args=[f.pk])
    assert Anggota.objects.filter(forum=f).count() == 2
    html = k.get(r2["Location"]).content.decode()
    assert "sudah tersimpan sebelumnya" in html
    # a resend of an XLSX upload with the same key adds nobody either
    xlsx = _xlsx(["Wati", "P", "Kader desa"])
    kunci = "0b5b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d"
    for _ in range(2):
        k.post(url, {"berkas": SimpleUploadedFile("a.xlsx", xlsx), "kunci_sekali": kunci})
    assert Anggota.objects.filter(forum=f).count() == 3


def test_halaman_impor_membawa_kunci(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    r = dunia.klien(dunia.pld_a).get(reverse("forum:anggota-impor", args=[f.pk]))
    assert 'name="kunci_sekali"' in r.content.decode()
