"""The EXIF time and GPS of a photo — what the evidence flags compare with the entry."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone


def exif_foto(img) -> tuple[datetime.datetime | None, Decimal | None, Decimal | None]:
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
