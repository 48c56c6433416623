"""Helpers for fasilitasi tests: cases opened through the real service, documents that pass the
content check."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from fasilitasi import services
from fasilitasi.models import TemplatAlur

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def berkas_pdf(nama="dokumen.pdf", isi: bytes = b""):
    return SimpleUploadedFile(nama, PDF + isi, content_type="application/pdf")


def templat(kode="apb-desa") -> TemplatAlur:
    return TemplatAlur.objects.get(kode=kode)


def buka_kasus(dunia, desa=None, kode="apb-desa", tahun=None, oleh=None, pj=None, tanggal=None):
    desa = desa or dunia.desa_a
    oleh = oleh or dunia.pd_a
    pj = pj or dunia.pemilik.get(desa.kode, dunia.pld_a)
    return services.fasilitasi_buka(
        user=oleh.user,
        wilayah=desa,
        templat=templat(kode),
        tahun=tahun or datetime.date.today().year,
        penanggung_jawab=pj,
        tanggal=tanggal,
    )


def lampirkan_wajib(kasus, user):
    """Attach every required document of the case's current stage."""
    kasus.refresh_from_db()
    for i, nama in enumerate(kasus.tahap_kini.dokumen_wajib):
        services.dokumen_lampirkan(
            kasus=kasus,
            user=user,
            nama=nama,
            berkas=berkas_pdf(isi=f"{kasus.pk}-{nama}-{i}".encode()),
        )


def majukan(kasus, user, kali=1, **kw):
    for _ in range(kali):
        lampirkan_wajib(kasus, user)
        kasus = services.fasilitasi_maju(kasus=kasus, user=user, **kw)
    return kasus
