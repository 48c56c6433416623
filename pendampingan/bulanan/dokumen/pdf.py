"""The report as PDF: what it shows (``laporan_konteks``, a fixed number of queries whatever the
month's size) laid out by the one PDF helper, ``inti.dokumen.pdf_dari_template`` (its URL fetcher
reads only data URIs and files under the storage roots). Photos come from their thumbnails, never
the originals."""

from __future__ import annotations

import base64
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify

from pendampingan.inti.dokumen import pdf_dari_template

from ..models import LaporanBulanan
from ..periode import akhir_bulan, nama_bulan
from ..ringkasan import foto_pilihan, kegiatan_bulan
from ..selectors import penugasan_lapangan_bulan
from .xlsx import kop


def laporan_konteks(*, laporan: LaporanBulanan) -> dict:
    """Everything the report page and its PDF show, in a fixed number of queries."""
    kegiatan = list(kegiatan_bulan(pendamping=laporan.pendamping, bulan=laporan.bulan))
    narasi = list(laporan.narasi.all())
    foto = foto_pilihan(
        kegiatan_ids=[k.pk for k in kegiatan], batas=int(getattr(settings, "BULANAN_FOTO_MAKS", 24))
    )
    tugas = list(
        penugasan_lapangan_bulan(pendamping=laporan.pendamping, bulan=laporan.bulan)
        .select_related("wilayah", "wilayah__induk")
        .order_by("wilayah_id")
    )
    return {
        "laporan": laporan,
        "pendamping": laporan.pendamping,
        "nama_bulan": nama_bulan(laporan.bulan),
        "periode_akhir": akhir_bulan(laporan.bulan),
        "kop": kop(),
        "tugas": tugas,
        "kegiatan": kegiatan,
        "narasi_tata_cara": [n for n in narasi if n.jenis == "tata_cara"],
        "narasi_desa": [n for n in narasi if n.jenis == "desa"],
        "data": laporan.data or {},
        "foto": foto,
        "jam_kerja": laporan.jam_kerja,
        "dicetak": timezone.localtime(),
    }


def sumber_gambar(berkas) -> str:
    """A URL the PDF renderer can read for a stored file: ``file://`` on a file system storage,
    else the bytes inline as a data URI (remote storage has no local path)."""
    try:
        return Path(berkas.path).as_uri()
    except (NotImplementedError, ValueError):
        with berkas.open("rb") as fh:
            return "data:image/jpeg;base64," + base64.b64encode(fh.read()).decode()


def laporan_pdf(*, laporan: LaporanBulanan) -> bytes:
    """The report as PDF, with a selection of photos (thumbnails) and the signature blocks."""
    ctx = laporan_konteks(laporan=laporan)
    ctx["foto_src"] = [(f, sumber_gambar(f.thumbnail)) for f in ctx["foto"] if f.thumbnail]
    return pdf_dari_template("bulanan/pdf/laporan.html", ctx)


def nama_berkas(laporan: LaporanBulanan, ekstensi: str) -> str:
    return (
        f"laporan-{laporan.bulan:%Y-%m}-{slugify(laporan.pendamping.nama) or laporan.pk}.{ekstensi}"
    )
