"""Flags a supervisor sees on an entry and in the verification queue. They inform; they never block.

* ``foto_ganda`` — the same photo (SHA-256) is attached to another entry (anyone's);
* ``exif_waktu`` — a photo's EXIF time lies more than ``KEGIATAN_EXIF_SELISIH_JAM`` hours from the
  entry's date and start time;
* ``exif_gps`` — a photo's EXIF GPS is more than ``KEGIATAN_GPS_JARAK_KM`` from the entry's GPS;
* ``gps_jauh`` — the entry's GPS is more than ``KEGIATAN_GPS_JARAK_KM`` from where this person's
  other entries in that place usually are (the median of their last year there, when there are at
  least ``KEGIATAN_GPS_MIN_RIWAYAT`` of them);
* ``jam_tumpang`` — its time overlaps another entry of the same person on that day;
* ``jam_lebih`` — the person logged more than ``KEGIATAN_JAM_MAKS_SEHARI`` hours that day.

``tanda_kegiatan(kegiatan_list)`` computes them for a page of entries in three queries whatever the
page size (plus the entries' photos, which the caller prefetches as ``foto``). The comparison rows
are read without the viewer's scope on purpose — a photo reused in another kabupaten is exactly
what a supervisor must learn — but only the flag, never the other row, is shown.
"""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from dataclasses import dataclass
from statistics import median

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import FotoKegiatan, Kegiatan


@dataclass(frozen=True)
class Tanda:
    kode: str
    pesan: str


def jarak_km(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance (haversine), kilometres."""
    lat1, lon1, lat2, lon2 = (math.radians(float(x)) for x in (lat1, lon1, lat2, lon2))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _menit(t: datetime.time) -> int:
    return t.hour * 60 + t.minute


def waktu_mulai(k: Kegiatan) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime.combine(k.tanggal, k.jam_mulai), timezone.get_current_timezone()
    )


def tanda_kegiatan(kegiatan_list) -> dict[int, list[Tanda]]:
    """{kegiatan id: [Tanda, ...]} for the given entries (their ``foto`` prefetched)."""
    daftar = list(kegiatan_list)
    hasil: dict[int, list[Tanda]] = {k.pk: [] for k in daftar}
    if not daftar:
        return hasil
    jarak_maks = float(settings.KEGIATAN_GPS_JARAK_KM)
    selisih_maks = datetime.timedelta(hours=settings.KEGIATAN_EXIF_SELISIH_JAM)

    # photos: EXIF against the entry's own time and GPS (prefetched, no query)
    hash_ke_kegiatan: dict[str, int] = {}
    for k in daftar:
        for f in k.foto.all():
            hash_ke_kegiatan.setdefault(f.sha256, k.pk)
            if f.exif_waktu and abs(f.exif_waktu - waktu_mulai(k)) > selisih_maks:
                hasil[k.pk].append(
                    Tanda(
                        "exif_waktu",
                        _("Waktu foto %(f)s (%(w)s) jauh dari waktu kegiatan.")
                        % {
                            "f": f.nama_asli or f.sha256[:8],
                            "w": timezone.localtime(f.exif_waktu).strftime("%d-%m-%Y %H:%M"),
                        },
                    )
                )
            if (
                f.exif_lintang is not None
                and k.lintang is not None
                and jarak_km(f.exif_lintang, f.exif_bujur, k.lintang, k.bujur) > jarak_maks
            ):
                hasil[k.pk].append(
                    Tanda(
                        "exif_gps",
                        _("Lokasi GPS foto %(f)s berjarak %(km).1f km dari lokasi kegiatan.")
                        % {
                            "f": f.nama_asli or f.sha256[:8],
                            "km": jarak_km(f.exif_lintang, f.exif_bujur, k.lintang, k.bujur),
                        },
                    )
                )

    # 1 query: the same photo on other entries
    if hash_ke_kegiatan:
        pemakai: dict[str, set[int]] = defaultdict(set)
        for sha, kid in FotoKegiatan.objects.filter(sha256__in=list(hash_ke_kegiatan)).values_list(
            "sha256", "kegiatan_id"
        ):
            pemakai[sha].add(kid)
        for k in daftar:
            lain = set()
            for f in k.foto.all():
                lain |= pemakai.get(f.sha256, set()) - {k.pk}
            if lain:
                hasil[k.pk].append(
                    Tanda(
                        "foto_ganda",
                        _("Foto yang sama juga dipakai pada %(n)d kegiatan lain.")
                        % {"n": len(lain)},
                    )
                )

    # 1 query: where this person's entries in that place usually are (the median of their other
    # entries there over the last year: one odd entry does not move it)
    dengan_gps = [k for k in daftar if k.lintang is not None]
    if dengan_gps:
        titik: dict[tuple[int, str], list[tuple[int, float, float]]] = defaultdict(list)
        sejak = min(k.tanggal for k in dengan_gps) - datetime.timedelta(days=365)
        for kid, pid, wid, lat, lon in Kegiatan.objects.filter(
            pendamping_id__in={k.pendamping_id for k in dengan_gps},
            wilayah_id__in={k.wilayah_id for k in dengan_gps},
            tanggal__gte=sejak,
            lintang__isnull=False,
            bujur__isnull=False,
        ).values_list("pk", "pendamping_id", "wilayah_id", "lintang", "bujur"):
            titik[(pid, wid)].append((kid, float(lat), float(lon)))
        for k in dengan_gps:
            lain = [
                (lat, lon)
                for kid, lat, lon in titik.get((k.pendamping_id, k.wilayah_id), [])
                if kid != k.pk
            ]
            if len(lain) < settings.KEGIATAN_GPS_MIN_RIWAYAT:
                continue
            lat = median(p[0] for p in lain)
            lon = median(p[1] for p in lain)
            km = jarak_km(k.lintang, k.bujur, lat, lon)
            if km > jarak_maks:
                hasil[k.pk].append(
                    Tanda(
                        "gps_jauh",
                        _(
                            "Lokasi GPS berjarak %(km).1f km dari lokasi biasanya pendamping ini di %(w)s."
                        )
                        % {"km": km, "w": k.wilayah.nama},
                    )
                )

    # 1 query: the person's other entries on the same days (overlaps, hours per day)
    hari: dict[tuple[int, datetime.date], list[tuple[int, int, int]]] = defaultdict(list)
    for kid, pid, tgl, mulai, selesai in Kegiatan.objects.filter(
        pendamping_id__in={k.pendamping_id for k in daftar},
        tanggal__in={k.tanggal for k in daftar},
    ).values_list("pk", "pendamping_id", "tanggal", "jam_mulai", "jam_selesai"):
        hari[(pid, tgl)].append((kid, _menit(mulai), _menit(selesai)))
    batas_menit = settings.KEGIATAN_JAM_MAKS_SEHARI * 60
    for k in daftar:
        baris = hari.get((k.pendamping_id, k.tanggal), [])
        m0, m1 = _menit(k.jam_mulai), _menit(k.jam_selesai)
        tumpang = [kid for kid, a, b in baris if kid != k.pk and a < m1 and m0 < b]
        if tumpang:
            hasil[k.pk].append(
                Tanda(
                    "jam_tumpang",
                    _("Jamnya bertumpang tindih dengan %(n)d kegiatan lain pada hari yang sama.")
                    % {"n": len(tumpang)},
                )
            )
        total = sum(b - a for _kid, a, b in baris)
        if total > batas_menit:
            hasil[k.pk].append(
                Tanda(
                    "jam_lebih",
                    _("Total %(j).1f jam tercatat pada hari ini (lebih dari %(m)d jam).")
                    % {"j": total / 60, "m": settings.KEGIATAN_JAM_MAKS_SEHARI},
                )
            )
    return hasil
