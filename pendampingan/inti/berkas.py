"""Evidence files — one check for every upload, one private storage, one way to serve them.

``periksa_berkas(berkas, jenis=...)`` reads the upload (at most ``UNGGAHAN_MAKS_MB``), decides its
type from the bytes (never the name or the browser's word) and refuses with an Indonesian message:

* anything that is not one of the allowed kinds (an HTML page named ``.jpg`` is HTML);
* images that do not decode fully, or whose header announces more than ``UNGGAHAN_PIKSEL_MAKS``
  pixels (a 30000×30000 PNG of 100 KB is refused before it is decoded);
* files carrying markup or script anywhere in their bytes (a script in a JPEG comment block,
  JavaScript actions in a PDF);
* office documents (ZIP containers) whose members unpack to more than ``UNGGAHAN_MAKS_MB`` × 10 or
  at a ratio above 100 (zip bombs), or that are not well-formed archives.

Photos keep their original bytes (the EXIF time and GPS are what the supervisor needs), a SHA-256 and
a small JPEG thumbnail. Stored files go through ``BerkasPrivatField`` (the private storage, never a
public URL); a file whose transaction does not commit is removed (``bersihkan_tertunda``, run at the
end of every request and task). Scoped views answer with ``respons_berkas``.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import logging
import re
import threading
import warnings
import zipfile
from dataclasses import dataclass
from decimal import Decimal

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection, models, transaction
from django.http import FileResponse
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from ..penyimpanan import penyimpanan_privat
from .exif import exif_foto as _exif

log = logging.getLogger(__name__)

FORMAT_FOTO = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "MPO": "jpg"}
MIME_FOTO = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
JENIS_DOKUMEN = {"pdf", "docx", "xlsx", "odt"}
MIME_DOKUMEN = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "csv": "text/csv",
}
ARSIP_KANTOR = {"docx", "xlsx", "odt"}
UKURAN_THUMBNAIL = (360, 360)
# Markup or script anywhere in the bytes of an upload (a comment block, EXIF text, a PDF action).
POLA_SKRIP = re.compile(
    rb"<\s*(?:script|html|body|iframe|svg|object|embed)\b|<\?php|javascript:|/JavaScript\b|/Launch\b",
    re.IGNORECASE,
)
RASIO_ZIP_MAKS = 100
ANGGOTA_ZIP_MAKS = 2000

# The kinds an upload field may accept.
FOTO = frozenset({"foto"})
DOKUMEN = frozenset({"dokumen"})
FOTO_ATAU_DOKUMEN = frozenset({"foto", "dokumen"})
XLSX = frozenset({"xlsx"})
CSV = frozenset({"csv"})
XLSX_ATAU_CSV = frozenset({"xlsx", "csv"})


def piksel_maks() -> int:
    return int(getattr(settings, "UNGGAHAN_PIKSEL_MAKS", 80_000_000))


@dataclass
class FotoTerperiksa:
    isi: bytes
    sha256: str
    format: str
    ekstensi: str
    lebar: int
    tinggi: int
    thumbnail: bytes
    exif_waktu: datetime.datetime | None
    exif_lintang: Decimal | None
    exif_bujur: Decimal | None

    @property
    def jenis(self) -> str:
        return self.ekstensi

    @property
    def mime(self) -> str:
        return MIME_FOTO[self.ekstensi]

    @property
    def adalah_foto(self) -> bool:
        return True


@dataclass
class DokumenTerperiksa:
    isi: bytes
    sha256: str
    jenis: str

    @property
    def ekstensi(self) -> str:
        return self.jenis

    @property
    def mime(self) -> str:
        return MIME_DOKUMEN[self.jenis]

    @property
    def adalah_foto(self) -> bool:
        return False


def batas_bita() -> int:
    return int(settings.UNGGAHAN_MAKS_MB) * 1024 * 1024


def _galat_besar(mb: float | None = None) -> ValidationError:
    if mb is None:
        pesan = _("Berkas terlalu besar; batasnya %(maks)d MB.") % {
            "maks": settings.UNGGAHAN_MAKS_MB
        }
    else:
        pesan = _("Berkas terlalu besar (%(mb).1f MB); batasnya %(maks)d MB.") % {
            "mb": mb,
            "maks": settings.UNGGAHAN_MAKS_MB,
        }
    return ValidationError(pesan, code="terlalu_besar")


def _baca(berkas) -> bytes:
    batas = batas_bita()
    ukuran = getattr(berkas, "size", None)
    if ukuran is not None and ukuran > batas:
        raise _galat_besar(ukuran / 1024 / 1024)
    if hasattr(berkas, "seek"):
        berkas.seek(0)
    isi = berkas.read(batas + 1)
    if hasattr(berkas, "seek"):
        berkas.seek(0)
    if len(isi) > batas:
        raise _galat_besar()
    if not isi:
        raise ValidationError(_("Berkas kosong."), code="kosong")
    return isi


def _tolak_skrip(isi: bytes) -> None:
    if POLA_SKRIP.search(isi):
        raise ValidationError(
            _("Berkas ini memuat kode atau skrip tersembunyi dan tidak dapat diterima."),
            code="berisi_skrip",
        )


def periksa_berkas(berkas, jenis=FOTO_ATAU_DOKUMEN) -> FotoTerperiksa | DokumenTerperiksa:
    """The one check of every upload. ``jenis``: a set of ``"foto"``, ``"dokumen"`` (PDF, DOCX,
    XLSX, ODT) or single document kinds (``"xlsx"``, ``"pdf"``). The result is kept on the upload
    object, so a form field and the service behind it check the bytes once."""
    jenis = frozenset(jenis)
    simpanan = getattr(berkas, "_terperiksa", None)
    if simpanan is not None and simpanan[0] == jenis:
        return simpanan[1]
    isi = _baca(berkas)
    boleh_foto = "foto" in jenis
    dok = set(JENIS_DOKUMEN) if "dokumen" in jenis else set(jenis) & (JENIS_DOKUMEN | {"csv"})
    tebakan = filetype.guess(isi)
    ekst = tebakan.extension if tebakan else None
    if "csv" in jenis and tebakan is None:
        hasil = _periksa_csv(isi)
    elif boleh_foto and ekst in {"jpg", "png", "webp"}:
        hasil = _periksa_foto(isi)
    elif ekst in dok:
        hasil = _periksa_dokumen(isi, ekst)
    else:
        raise ValidationError(_pesan_jenis(boleh_foto, dok), code="jenis_tidak_diizinkan")
    try:
        berkas._terperiksa = (jenis, hasil)
    except AttributeError:
        pass
    return hasil


def _pesan_jenis(boleh_foto: bool, dok: set) -> str:
    nama = sorted(d.upper() for d in dok)
    if boleh_foto:
        nama = ["JPEG", "PNG", "WebP", *nama]
    if boleh_foto and not dok:
        return _("Berkas ini bukan foto yang dapat dibaca (JPEG, PNG, atau WebP).")
    return _("Jenis berkas tidak dikenali atau tidak diizinkan. Gunakan %(daftar)s.") % {
        "daftar": ", ".join(nama)
    }


def periksa_foto(berkas) -> FotoTerperiksa:
    """A photo (JPEG, PNG or WebP), fully decoded; raises ValidationError (Indonesian)."""
    return periksa_berkas(berkas, FOTO)


def periksa_dokumen(berkas) -> DokumenTerperiksa:
    """A document recognised by its bytes: PDF, DOCX, XLSX or ODT."""
    return periksa_berkas(berkas, DOKUMEN)


def _periksa_foto(isi: bytes) -> FotoTerperiksa:
    tidak_sah = ValidationError(
        _("Berkas ini bukan foto yang dapat dibaca (JPEG, PNG, atau WebP)."), code="bukan_foto"
    )
    terlalu_besar = ValidationError(
        _("Resolusi foto terlalu besar (lebih dari %(mp)d megapiksel).")
        % {"mp": piksel_maks() // 1_000_000},
        code="terlalu_besar",
    )
    _tolak_skrip(isi)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(isi)) as kepala:
                # the header's size, before anything is decompressed
                if kepala.width * kepala.height > piksel_maks():
                    raise terlalu_besar
                if kepala.format not in FORMAT_FOTO:
                    raise tidak_sah
                kepala.verify()
            img = Image.open(io.BytesIO(isi))
            img.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise terlalu_besar
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise tidak_sah
    waktu, lintang, bujur = _exif(img)
    thumb = ImageOps.exif_transpose(img)
    if thumb.mode not in ("RGB", "L"):
        thumb = thumb.convert("RGB")
    thumb.thumbnail(UKURAN_THUMBNAIL)
    keluaran = io.BytesIO()
    thumb.save(keluaran, "JPEG", quality=70, optimize=True)
    return FotoTerperiksa(
        isi=isi,
        sha256=hashlib.sha256(isi).hexdigest(),
        format=img.format,
        ekstensi=FORMAT_FOTO[img.format],
        lebar=img.width,
        tinggi=img.height,
        thumbnail=keluaran.getvalue(),
        exif_waktu=waktu,
        exif_lintang=lintang,
        exif_bujur=bujur,
    )


def _periksa_dokumen(isi: bytes, ekst: str) -> DokumenTerperiksa:
    _tolak_skrip(isi)
    if ekst in ARSIP_KANTOR:
        _periksa_arsip(isi)
    return DokumenTerperiksa(isi=isi, sha256=hashlib.sha256(isi).hexdigest(), jenis=ekst)


def _periksa_csv(isi: bytes) -> DokumenTerperiksa:
    """Plain UTF-8 text (a spreadsheet saved as CSV): no NUL bytes, no markup."""
    bukan = ValidationError(_("Berkas ini bukan teks CSV UTF-8."), code="jenis_tidak_diizinkan")
    if b"\x00" in isi:
        raise bukan
    try:
        isi.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise bukan
    _tolak_skrip(isi)
    return DokumenTerperiksa(isi=isi, sha256=hashlib.sha256(isi).hexdigest(), jenis="csv")


def _periksa_arsip(isi: bytes) -> None:
    """An office document is a ZIP: refuse a broken one and one that unpacks too far (zip bomb).
    The members' declared sizes are summed, then each is read in bounded chunks (a lying header
    does not help)."""
    bom = ValidationError(
        _("Berkas arsip ini terlalu besar setelah dibuka (diduga bom zip)."), code="bom_zip"
    )
    rusak = ValidationError(_("Berkas dokumen rusak atau tidak lengkap."), code="rusak")
    batas = batas_bita() * 10
    try:
        with zipfile.ZipFile(io.BytesIO(isi)) as zf:
            anggota = zf.infolist()
            if len(anggota) > ANGGOTA_ZIP_MAKS:
                raise bom
            total = sum(a.file_size for a in anggota)
            if total > batas or total > RASIO_ZIP_MAKS * max(len(isi), 1) + 1_000_000:
                raise bom
            dibaca = 0
            for a in anggota:
                with zf.open(a) as fh:
                    while potong := fh.read(1 << 16):
                        dibaca += len(potong)
                        if dibaca > batas:
                            raise bom
    except ValidationError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
    ):
        raise rusak


# ------------------------------------------------------------------- storing and serving
_lokal = threading.local()


def _tertunda() -> set:
    if not hasattr(_lokal, "nama"):
        _lokal.nama = set()
    return _lokal.nama


def _catat_tertunda(storage, nama: str) -> None:
    kunci = (storage, nama)
    _tertunda().add(kunci)
    transaction.on_commit(lambda: _tertunda().discard(kunci))


def bersihkan_tertunda() -> int:
    """Remove the files written by transactions that did not commit (their on-commit callback
    never ran). Run outside any transaction: at the end of each request and task. Returns how many
    were removed."""
    if connection.in_atomic_block:
        return 0
    sisa = list(_tertunda())
    _tertunda().clear()
    for storage, nama in sisa:
        try:
            storage.delete(nama)
        except OSError:  # already gone
            log.warning("berkas %s tidak dapat dihapus", nama)
    return len(sisa)


class BerkasPrivatField(models.FileField):
    """A file on the private storage (no public URL), served only through scoped views; removed
    again when the transaction that wrote it does not commit."""

    def __init__(self, *args, **kwargs):
        kwargs["storage"] = penyimpanan_privat
        kwargs.setdefault("max_length", 255)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("storage", None)
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        baru = bool(file) and not file._committed
        file = super().pre_save(model_instance, add)
        if baru:
            _catat_tertunda(file.storage, file.name)
        return file


def simpan_berkas(field_file, nama: str, isi: bytes) -> None:
    """Write ``isi`` into ``field_file`` (of a ``BerkasPrivatField``) without saving the row."""
    field_file.save(nama, ContentFile(isi), save=False)
    _catat_tertunda(field_file.storage, field_file.name)


def respons_berkas(field_file, *, nama: str, mime: str = "", lampiran: bool = True):
    """Serve a stored file to a user who passed the scope check: its stored type (or
    ``application/octet-stream``), never sniffed, as an attachment unless ``lampiran=False``
    (photos shown in the page)."""
    resp = FileResponse(
        field_file.open("rb"),
        as_attachment=lampiran,
        filename=nama,
        content_type=mime or "application/octet-stream",
    )
    resp["X-Content-Type-Options"] = "nosniff"
    resp["Cache-Control"] = "private, max-age=3600"
    resp["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return resp
