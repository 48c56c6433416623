"""Who is told what about a complaint.

* a new complaint → the nearest supervisors of its desa (never the facilitator complained about);
  the reporter gets the tracking code when they left an email;
* a rejection, "not our remit" or a referral, and every public reply → the reporter (email);
* an assignment → the handler;
* a deadline about to pass → the handler (or, before assignment, the nearest supervisors);
  a deadline passed → the whole supervisor chain.

The messages go through the notifications outbox (issue 7, ``notifikasi_kirim``) when that app is
on main; until then these functions decide and return the recipients only.
"""

from __future__ import annotations

from pendampingan.models import Pendamping
from pendampingan.selectors import pengawas_wilayah


def pengawas_terdekat(p) -> list[Pendamping]:
    """The supervisors at the level nearest the complaint's desa."""
    semua = list(pengawas_wilayah(kode=p.wilayah_id).prefetch_related("penugasan"))
    semua = [x for x in semua if x.pk != p.teradu_id]
    if not semua:
        return []

    def kedalaman(x):
        kode = [
            t.wilayah_id
            for t in x.penugasan.all()
            if t.jenis == "supervisi" and p.wilayah_id.startswith(t.wilayah_id)
        ]
        return max((len(k) for k in kode), default=0)

    terdalam = max(kedalaman(x) for x in semua)
    return [x for x in semua if kedalaman(x) == terdalam]


def pengawas_rantai(p) -> list[Pendamping]:
    return [x for x in pengawas_wilayah(kode=p.wilayah_id) if x.pk != p.teradu_id]


def diterima(p) -> dict:
    return {"pengguna": pengawas_terdekat(p), "email": [p.pelapor_email] if p.pelapor_email else []}


def keputusan(p, alasan: str) -> dict:
    return {"pengguna": [], "email": [p.pelapor_email] if p.pelapor_email else []}


def ditugaskan(p) -> dict:
    return {"pengguna": [p.penangan] if p.penangan else [], "email": []}


def balasan(p, peristiwa) -> dict:
    return {"pengguna": [], "email": [p.pelapor_email] if p.pelapor_email else []}


def sla(p, tahap: str) -> dict:
    if tahap == "sebelum":
        penerima = [p.penangan] if p.penangan_id else pengawas_terdekat(p)
    else:
        penerima = pengawas_rantai(p)
    return {"pengguna": penerima, "email": []}
