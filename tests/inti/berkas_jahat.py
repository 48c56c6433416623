"""The hostile uploads every upload URL must refuse (issue 13), made on the fly.

``berkas_jahat()`` → ``{nama: SimpleUploadedFile}``: a 30000×30000 PNG of ~100 KB, a JPEG with a
script in its comment block, an HTML page named .jpg, a 60 MB file and a zip bomb named .docx.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def png_raksasa(lebar: int = 30000, tinggi: int = 30000) -> bytes:
    """A valid PNG header announcing lebar×tinggi pixels with a tiny (all-zero) compressed body."""

    def chunk(tipe: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + tipe
            + data
            + struct.pack(">I", zlib.crc32(tipe + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", lebar, tinggi, 8, 0, 0, 0, 0)  # 8-bit greyscale
    baris = b"\x00" * (lebar + 1)
    kompres = zlib.compressobj(9)
    data = kompres.compress(baris * 200) + kompres.flush()  # only the first rows: ~100 KB or less
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def jpeg_dengan_skrip() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (32, 32), "green").save(buf, "JPEG")
    isi = buf.getvalue()
    komentar = b"<script>alert(document.cookie)</script>"
    com = b"\xff\xfe" + struct.pack(">H", len(komentar) + 2) + komentar
    return isi[:2] + com + isi[2:]  # a COM segment right after SOI


def html_bernama_jpg() -> bytes:
    return b"<!doctype html><html><body><script>alert(1)</script></body></html>"


def berkas_60mb() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buf, "PNG")
    return buf.getvalue() + b"\x00" * (60 * 1024 * 1024)


def bom_zip() -> bytes:
    """A .docx-shaped ZIP whose one member unpacks to 1 GiB of zeros (about 1 MB on disk)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            nol = b"\x00" * (1 << 20)
            for _ in range(1024):
                fh.write(nol)
    return buf.getvalue()


BERKAS = {
    "png-30000": ("raksasa.png", png_raksasa, "image/png"),
    "jpeg-skrip": ("foto.jpg", jpeg_dengan_skrip, "image/jpeg"),
    "html-jpg": ("foto.jpg", html_bernama_jpg, "image/jpeg"),
    "60mb": ("besar.png", berkas_60mb, "image/png"),
    "bom-zip": ("laporan.docx", bom_zip, "application/vnd.openxmlformats-officedocument"),
}

_cache: dict[str, bytes] = {}


def isi(kunci: str) -> bytes:
    if kunci not in _cache:
        _cache[kunci] = BERKAS[kunci][1]()
    return _cache[kunci]


def unggahan(kunci: str) -> SimpleUploadedFile:
    nama, _, tipe = BERKAS[kunci]
    return SimpleUploadedFile(nama, isi(kunci), content_type=tipe)


def berkas_jahat() -> dict[str, SimpleUploadedFile]:
    return {k: unggahan(k) for k in BERKAS}
