"""The Kemendagri region code, ``PP.KK.CC.DDDD``, and the rules read off it.

A child's code starts with its parent's code followed by a dot, so "everything in a region" is a
prefix: ``33.01.`` for Kabupaten Cilacap. A desa's own code is the whole prefix (it has no children).
"""

import re

from django.utils.translation import gettext_lazy as _

POLA_KODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")

TINGKAT_MENURUT_BAGIAN = {1: "provinsi", 2: "kabupaten", 3: "kecamatan", 4: "desa"}

# Province → zona waktu (WIB/WITA/WIT). A fact of geography, not a yearly list.
ZONA_WAKTU_PROVINSI = {
    **dict.fromkeys(
        [
            "11",
            "12",
            "13",
            "14",
            "15",
            "16",
            "17",
            "18",
            "19",
            "21",
            "31",
            "32",
            "33",
            "34",
            "35",
            "36",
            "61",
            "62",
        ],
        "Asia/Jakarta",
    ),
    **dict.fromkeys(
        ["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"], "Asia/Makassar"
    ),
    **dict.fromkeys(["81", "82", "91", "92", "93", "94", "95", "96", "97"], "Asia/Jayapura"),
}
NAMA_ZONA = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


def kode_valid(kode: str) -> bool:
    return bool(POLA_KODE.match(kode or ""))


def tingkat_dari_kode(kode: str) -> str:
    return TINGKAT_MENURUT_BAGIAN[kode.count(".") + 1]


def jenis_dari_kode(kode: str) -> str:
    """kabupaten/kota from the regency number (71–99 is a kota); desa/kelurahan/desa adat from the
    first digit of the village number (1 kelurahan, 2 desa, 3 desa adat)."""
    bagian = kode.split(".")
    if len(bagian) == 1:
        return "provinsi"
    if len(bagian) == 2:
        return "kota" if int(bagian[1]) >= 71 else "kabupaten"
    if len(bagian) == 3:
        return "kecamatan"
    return {"1": "kelurahan", "3": "desa_adat"}.get(bagian[3][0], "desa")


def kode_induk(kode: str) -> str | None:
    return kode.rsplit(".", 1)[0] if "." in kode else None


def leluhur(kode: str) -> list[str]:
    """The codes of every region above ``kode``, widest first: 33.01.01.2001 → [33, 33.01, 33.01.01]."""
    bagian = kode.split(".")
    return [".".join(bagian[:i]) for i in range(1, len(bagian))]


def prefiks(kode: str) -> str:
    """The prefix that selects a region and everything below it."""
    return kode if kode.count(".") == 3 else kode + "."


def zona_waktu(kode: str) -> str:
    return ZONA_WAKTU_PROVINSI.get(kode[:2], "Asia/Jakarta")


LABEL_TINGKAT = {
    "provinsi": _("Provinsi"),
    "kabupaten": _("Kabupaten/Kota"),
    "kecamatan": _("Kecamatan"),
    "desa": _("Desa/Kelurahan"),
}
