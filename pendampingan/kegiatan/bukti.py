"""Checking evidence by content, never by name.

* Photos: the file is decoded with Pillow (a renamed PDF or a truncated JPEG is refused), must be
  JPEG, PNG or WebP, and no larger than ``UNGGAHAN_MAKS_MB``. We keep the original bytes (the EXIF
  time and GPS are what the supervisor needs), a SHA-256 of them and a small JPEG thumbnail.
* Documents: PDF, DOCX, XLSX or ODT as recognised by ``filetype`` from the bytes themselves.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import warnings
from dataclasses import dataclass
from decimal import Decimal

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

FORMAT_FOTO = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "MPO": "jpg"}
JENIS_DOKUMEN = {"pdf", "docx", "xlsx", "odt"}
UKURAN_THUMBNAIL = (360, 360)
# A decoded photo larger than this (in pixels) is refused (decompression bombs).
PIKSEL_MAKS = 80_000_000


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


@dataclass
class DokumenTerperiksa:
    isi: bytes
    sha256: str
    jenis: str


def batas_bita() -> int:
    return int(settings.UNGGAHAN_MAKS_MB) * 1024 * 1024


def _baca(berkas) -> bytes:
    batas = batas_bita()
    ukuran = getattr(berkas, "size", None)
    if ukuran is not None and ukuran > batas:
        raise ValidationError(
            _("Berkas terlalu besar (%(mb).1f MB); batasnya %(maks)d MB.")
            % {"mb": ukuran / 1024 / 1024, "maks": settings.UNGGAHAN_MAKS_MB},
            code="terlalu_besar",
        )
    if hasattr(berkas, "seek"):
        berkas.seek(0)
    isi = berkas.read(batas + 1)
    if len(isi) > batas:
        raise ValidationError(
            _("Berkas terlalu besar; batasnya %(maks)d MB.") % {"maks": settings.UNGGAHAN_MAKS_MB},
            code="terlalu_besar",
        )
    if not isi:
        raise ValidationError(_("Berkas kosong."), code="kosong")
    return isi


def periksa_foto(berkas) -> FotoTerperiksa:
    """Decode the image fully; raise ValidationError (Indonesian) when it is not a usable photo."""
    isi = _baca(berkas)
    tidak_sah = ValidationError(
        _("Berkas ini bukan foto yang dapat dibaca (JPEG, PNG, atau WebP)."), code="bukan_foto"
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(isi)) as img:
                img.verify()
            img = Image.open(io.BytesIO(isi))
            if img.format not in FORMAT_FOTO:
                raise tidak_sah
            if img.width * img.height > PIKSEL_MAKS:
                raise ValidationError(_("Resolusi foto terlalu besar."), code="terlalu_besar")
            img.load()
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ):
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


def _exif(img) -> tuple[datetime.datetime | None, Decimal | None, Decimal | None]:
    try:
        exif = img.getexif()
    except Exception:  # noqa: BLE001 - a broken EXIF block is not a broken photo
        return None, None, None
    if not exif:
        return None, None, None
    ifd = exif.get_ifd(0x8769)
    teks = ifd.get(36867) or ifd.get(36868) or exif.get(306)
    offset = ifd.get(36881) or ifd.get(36882)
    waktu = _waktu_exif(teks, offset)
    gps = exif.get_ifd(0x8825)
    lintang = _derajat(gps.get(2), gps.get(1), "S")
    bujur = _derajat(gps.get(4), gps.get(3), "W")
    if lintang is not None and not (-90 <= lintang <= 90):
        lintang = None
    if bujur is not None and not (-180 <= bujur <= 180):
        bujur = None
    return waktu, lintang, bujur


def _waktu_exif(teks, offset) -> datetime.datetime | None:
    if not teks:
        return None
    try:
        naif = datetime.datetime.strptime(str(teks).strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    if offset:
        try:
            tz = datetime.datetime.strptime(str(offset).strip("\x00 "), "%z").tzinfo
            return naif.replace(tzinfo=tz)
        except ValueError:
            pass
    # A camera without an offset records local time: read it in the user's own zone.
    return timezone.make_aware(naif, timezone.get_current_timezone())


def _derajat(nilai, ref, negatif: str) -> Decimal | None:
    if not nilai or len(nilai) != 3:
        return None
    try:
        d, m, s = (float(x) for x in nilai)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    hasil = d + m / 60 + s / 3600
    if isinstance(ref, bytes):
        ref = ref.decode(errors="ignore")
    if (ref or "").strip("\x00 ").upper() == negatif:
        hasil = -hasil
    return Decimal(f"{hasil:.6f}")


def periksa_dokumen(berkas) -> DokumenTerperiksa:
    """Recognise the document by its bytes; PDF, DOCX, XLSX and ODT only."""
    isi = _baca(berkas)
    jenis = filetype.guess(isi)
    if jenis is None or jenis.extension not in JENIS_DOKUMEN:
        raise ValidationError(
            _(
                "Jenis berkas tidak dikenali atau tidak diizinkan. Gunakan PDF, DOCX, XLSX, atau ODT."
            ),
            code="jenis_tidak_diizinkan",
        )
    return DokumenTerperiksa(isi=isi, sha256=hashlib.sha256(isi).hexdigest(), jenis=jenis.extension)
