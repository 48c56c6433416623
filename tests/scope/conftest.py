"""The world of the scope walk: the ``Dunia`` of tests/conftest.py, plus what the walk needs to catch
a leak between two desa of one kecamatan and a supervisor's reach:

* ``pld_a2`` — the owner of the sibling desa ``desa_a2`` (same kecamatan as ``desa_a``), so the
  case builders (``d.pemilik[desa.kode]``) can build a row there too;
* ``tapm_a`` — a supervisor of kabupaten A only (kabupaten B is outside their scope);
* ``staf_admin`` — a staff user in the Admin group who is not a superuser;
* one *side* per desa (``sisi``: A, A2, B) with its markers: the owner's name and marker rows (an
  activity submitted for review and a follow-up) named after the side, and the names and codes of
  its regions. Every page the walk fetches is searched for the row markers of the sides its user
  may not see, and for the region markers of a kabupaten the user sees nothing of (region names are
  reference data: a form may offer the villages of the user's own kabupaten — an incident spreads
  over village borders —, never another kabupaten's).

``desa_a2`` is renamed "Desa Cempaka" here, so that no desa's name is a part of another's ("Desa
Alpha" in "Desa Alpha Dua", cut short to "Desa Alpha D…" on a chart, would pass for desa A).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import pytest

from pendampingan.models import Jabatan, Pendamping, Wilayah
from tests.factories import (
    KegiatanFactory,
    TindakLanjutFactory,
    UserFactory,
    pendamping_di,
)

# a word per side, none a part of another
KATA = {"A": "Anggrek", "A2": "Dahlia", "B": "Bakung"}


@dataclass
class Sisi:
    """The rows of one desa and the texts that betray them on a page."""

    nama: str
    desa: object
    pemilik: Pendamping
    # the names and codes of its regions (public reference data: the complaint form lists every
    # desa), markers only for a user who sees nothing of its kabupaten
    penanda_wilayah: set[str] = field(default_factory=set)
    # private: the owner's name, the rows' names
    penanda_baris: set[str] = field(default_factory=set)

    @property
    def kabupaten(self) -> str:
        return self.desa.kode[:5]


def _namai(p: Pendamping, nama: str) -> Pendamping:
    Pendamping.objects.filter(pk=p.pk).update(nama=nama)
    p.nama = nama
    return p


def _baris_penanda(sisi: Sisi) -> None:
    kata = KATA[sisi.nama]
    k = KegiatanFactory(
        pendamping=sisi.pemilik,
        wilayah=sisi.desa,
        status="diajukan",
        tanggal=datetime.date.today(),
        judul=f"Penanda kegiatan {kata}",
    )
    t = TindakLanjutFactory(
        pendamping=sisi.pemilik, wilayah=sisi.desa, judul=f"Penanda tindak lanjut {kata}"
    )
    sisi.penanda_baris |= {k.judul, t.judul, sisi.pemilik.nama}


def _wilayah(desa) -> set[str]:
    kec, kab = desa.induk, desa.induk.induk
    return {desa.nama, desa.kode, kec.nama, kec.kode, kab.nama}


@pytest.fixture
def dunia(dunia):
    d = dunia
    Wilayah.objects.filter(kode=d.desa_a2.kode).update(nama="Desa Cempaka")
    d.desa_a2.nama = "Desa Cempaka"
    d.pld_a2 = pendamping_di(d.desa_a2.kode, Jabatan.PLD, username="pld_sibling")
    d.pemilik[d.desa_a2.kode] = d.pld_a2
    d.tapm_a = pendamping_di(
        d.kab_a.kode, Jabatan.TAPM_KABUPATEN, jenis="supervisi", username="tapm_a"
    )
    for p, kata in ((d.pld_a, "A"), (d.pld_a2, "A2"), (d.pld_b, "B")):
        _namai(p, f"Pendamping {KATA[kata]}")
    d.sisi = {
        "A": Sisi("A", d.desa_a, d.pld_a, _wilayah(d.desa_a)),
        "A2": Sisi("A2", d.desa_a2, d.pld_a2, _wilayah(d.desa_a2)),
        "B": Sisi("B", d.desa_b, d.pld_b, _wilayah(d.desa_b)),
    }
    for s in d.sisi.values():
        _baris_penanda(s)
    # who sees which side (the scope of tests/conftest.py's world)
    d.melihat = {
        "pld_a": {"A"},
        "pld_a2": {"A2"},
        "pld_b": {"B"},
        "pd_a": {"A", "A2"},
        "tapm_a": {"A", "A2"},
        "pengawas": {"A", "A2", "B"},
        "anonim": set(),
    }
    staf = UserFactory(username="staf_admin", is_staff=True)
    from django.contrib.auth.models import Group

    from pendampingan import roles

    staf.groups.add(Group.objects.get(name=roles.GRUP_ADMIN))
    d.staf_admin = staf
    return d
