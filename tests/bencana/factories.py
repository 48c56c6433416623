"""Incident factories: rows are made through the app's services, as a facilitator would."""

import datetime
import importlib
import io

from django.apps import apps as django_apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from bencana import services
from bencana.models import JenisKejadian


def pastikan_jenis() -> None:
    """Put back the seeded types: a transactional test (browser, real worker) empties every table
    when it ends, the data migration's rows included."""
    seed = importlib.import_module("bencana.migrations.0002_jenis_kejadian_dan_pengaman")
    if JenisKejadian.objects.count() < len(seed.JENIS):
        seed.seed(django_apps, None)


def jenis(kode="101") -> JenisKejadian:
    pastikan_jenis()
    return JenisKejadian.objects.get(kode=kode)


def foto_png(nama="banjir.png", warna=(30, 90, 200), ukuran=(40, 30)) -> SimpleUploadedFile:
    buf = io.BytesIO()
    Image.new("RGB", ukuran, warna).save(buf, format="PNG")
    return SimpleUploadedFile(nama, buf.getvalue(), content_type="image/png")


def foto_jpeg(nama="banjir.jpg") -> SimpleUploadedFile:
    buf = io.BytesIO()
    Image.new("RGB", (32, 32), (200, 40, 40)).save(buf, format="JPEG")
    return SimpleUploadedFile(nama, buf.getvalue(), content_type="image/jpeg")


def pdf_kecil(nama="surat.pdf") -> SimpleUploadedFile:
    isi = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return SimpleUploadedFile(nama, isi, content_type="application/pdf")


def kejadian_di(
    desa, pelapor, *, kode_jenis="101", waktu=None, ringkasan="Banjir setinggi 1 m", **kw
):
    return services.kejadian_laporkan(
        pelapor=pelapor,
        jenis=jenis(kode_jenis),
        waktu=waktu or timezone.now() - datetime.timedelta(hours=1),
        desa=desa,
        ringkasan=ringkasan,
        **kw,
    )


def dampak(kejadian, desa, oleh, waktu=None, **angka):
    return services.dampak_catat(
        kejadian=kejadian,
        desa=desa,
        waktu=waktu or timezone.now() - datetime.timedelta(minutes=30),
        angka=angka,
        oleh=oleh,
    )
