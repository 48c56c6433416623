"""The dashboard's region: the user's widest one by default, any one inside their scope on
request (``akses.boleh_lihat_wilayah``), the breadcrumb above it and the children below it."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from pendampingan.models import Tingkat, Wilayah
from pendampingan.scope import cakupan_pengguna
from pendampingan.selectors import wilayah_akar, wilayah_breadcrumb

from .. import akses

NASIONAL = "nasional"
PANJANG = {
    NASIONAL: 0,
    Tingkat.PROVINSI: 2,
    Tingkat.KABUPATEN: 5,
    Tingkat.KECAMATAN: 8,
    Tingkat.DESA: 13,
}
TINGKAT_ANAK = {
    NASIONAL: Tingkat.PROVINSI,
    Tingkat.PROVINSI: Tingkat.KABUPATEN,
    Tingkat.KABUPATEN: Tingkat.KECAMATAN,
    Tingkat.KECAMATAN: Tingkat.DESA,
    Tingkat.DESA: Tingkat.DESA,
}


def wilayah_nasional() -> Wilayah:
    """The whole country as an unsaved region with an empty code (``di_wilayah("")`` = all)."""
    return Wilayah(kode="", nama=str(_("Nasional")), tingkat=NASIONAL, jenis="")


def tingkat_anak(wilayah: Wilayah) -> str:
    return TINGKAT_ANAK[wilayah.tingkat]


def panjang_anak(wilayah: Wilayah) -> int:
    return PANJANG[tingkat_anak(wilayah)]


def wilayah_dasbor_default(*, user) -> Wilayah | None:
    """The user's widest region: the country for national roles, else the widest assigned one
    (None: the user has no assignment)."""
    c = cakupan_pengguna(user)
    if c.nasional:
        return wilayah_nasional()
    akar = sorted(wilayah_akar(user=user), key=lambda w: (len(w.kode), w.kode))
    return akar[0] if akar else None


def wilayah_dasbor(*, user, kode: str) -> Wilayah | None:
    """Region ``kode`` (``""`` = the country) if the user may see it, else None — the views
    answer 404 for None."""
    kode = (kode or "").strip()
    if not akses.boleh_lihat_wilayah(user, kode):
        return None
    if not kode:
        return wilayah_nasional()
    return Wilayah.objects.filter(kode=kode).first()


def wilayah_dari_filter(*, user, filter: dict) -> Wilayah | None:
    """The region a query string (or a stored export's filter) names under ``wilayah``, or the
    user's widest region when it names none; None when it is outside the user's scope."""
    kode = filter.get("wilayah")
    if kode is None:
        return wilayah_dasbor_default(user=user)
    return wilayah_dasbor(user=user, kode=kode)


def wilayah_jejak(*, user, wilayah: Wilayah) -> list[Wilayah]:
    """The regions above ``wilayah`` that the user may also see, widest first (the breadcrumb)."""
    if not wilayah.kode:
        return []
    return [
        w for w in wilayah_breadcrumb(wilayah=wilayah) if akses.boleh_lihat_wilayah(user, w.kode)
    ]


def wilayah_pilihan_anak(*, wilayah: Wilayah):
    """The child regions of the selector (at most a few dozen)."""
    if wilayah.tingkat == Tingkat.DESA:
        return Wilayah.objects.none()
    if not wilayah.kode:
        return Wilayah.objects.filter(tingkat=Tingkat.PROVINSI).order_by("kode")
    return Wilayah.objects.filter(induk_id=wilayah.kode).order_by("nama")


def nama_wilayah(kode_list, wilayah: Wilayah) -> dict[str, str]:
    """Names of the child regions in ``kode_list`` (1 query); the region's own code (rows at its
    office) reads "Kantor <name>"."""
    nama = dict(Wilayah.objects.filter(kode__in=set(kode_list)).values_list("kode", "nama"))
    if wilayah.kode:
        nama[wilayah.kode] = str(_("Kantor %(nama)s") % {"nama": wilayah.nama})
    return nama


def tingkat_lebar(wilayah: Wilayah) -> bool:
    """National, provinsi and kabupaten views read the per-region summaries; a kecamatan or a
    desa is small enough to count directly."""
    return wilayah.tingkat in (NASIONAL, Tingkat.PROVINSI, Tingkat.KABUPATEN)
