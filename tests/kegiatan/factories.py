"""Helpers for daily-log tests: complete entry data, a real JPEG (optionally with EXIF time and
GPS), real documents."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from pendampingan.models import BidangPendampingan, LembagaDesa, NilaiPrinsip, Prinsip


def data_kegiatan(wilayah, **ubah):
    data = {
        "wilayah": wilayah,
        "tanggal": timezone.localdate(),
        "jam_mulai": datetime.time(9, 0),
        "jam_selesai": datetime.time(11, 0),
        "tata_cara": "asistensi",
        "judul": "Asistensi penyusunan RKP Desa",
        "uraian": "Mendampingi tim penyusun membaca ulang RPJM Desa.",
        "masalah": "",
        "solusi": "",
        "hasil": "",
        "peserta_laki": 5,
        "peserta_perempuan": 4,
        "lintang": None,
        "bujur": None,
        "akurasi": None,
    }
    data.update(ubah)
    return data


def prinsip_lengkap(nilai=NilaiPrinsip.DIJUNJUNG, catatan=""):
    return {p.pk: (nilai, catatan) for p in Prinsip.objects.filter(aktif=True)}


def asistensi_lembaga(kode_lembaga="bpd", kode_bidang="perencanaan"):
    return {
        "jenis_sasaran": "lembaga",
        "lembaga": LembagaDesa.objects.get(kode=kode_lembaga),
        "nama_sasaran": "",
        "bidang": BidangPendampingan.objects.get(kode=kode_bidang),
    }


def _rasional(x):
    from fractions import Fraction

    f = Fraction(x).limit_denominator(10000)
    return (f.numerator, f.denominator)


def jpeg(warna=(200, 30, 30), ukuran=(64, 48), waktu=None, lintang=None, bujur=None) -> bytes:
    img = Image.new("RGB", ukuran, warna)
    exif = Image.Exif()
    if waktu is not None:
        if timezone.is_aware(waktu):
            waktu = timezone.localtime(waktu)  # a camera records local time without a zone
        exif.get_ifd(0x8769)[36867] = waktu.strftime("%Y:%m:%d %H:%M:%S")
    if lintang is not None:
        gps = exif.get_ifd(0x8825)
        for tag_ref, tag, nilai, neg in ((1, 2, lintang, "S"), (3, 4, bujur, "W")):
            pos = "N" if tag == 2 else "E"
            gps[tag_ref] = neg if nilai < 0 else pos
            a = abs(nilai)
            d = int(a)
            m = int((a - d) * 60)
            s = round((a - d - m / 60) * 3600, 4)
            gps[tag] = (d, m, s)
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif)
    return out.getvalue()


def unggah_jpeg(nama="foto.jpg", **kw):
    return SimpleUploadedFile(nama, jpeg(**kw), content_type="image/jpeg")


def unggah_palsu(nama="foto.jpg"):
    return SimpleUploadedFile(nama, b"%PDF-1.4 bukan foto" * 10, content_type="image/jpeg")


def pdf_bytes() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>"
        b"endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def xlsx_bytes() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"] = "Daftar hadir"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
