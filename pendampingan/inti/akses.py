"""Permissions: one way to refuse, one rank of jabatan, one answer to "who supervises here".

* Each app keeps its predicates (``boleh_…(user, obj) -> bool``) in its own ``akses.py``. Services
  call ``pastikan(boleh_…(user, obj), pesan)``, which raises ``PermissionDenied`` with a message a
  user can read; Django answers it with the Indonesian 403 page (``errors.terlarang`` shows the
  message). A record outside the user's scope never reaches a service: views fetch it through
  ``visible_to(user)`` and answer 404.
* ``peringkat(jabatan)`` — the supervision chain PLD → PD → TAPM Kab/Korkab → TA Prov/Korprov → pusat.
* ``mengawasi(user, kode)`` — the user supervises region ``kode`` (a supervision assignment on it or
  above it, or a national role).
* ``pengawas_wilayah`` / ``pengawas_terdekat`` — the facilitators who supervise a region, and those
  nearest above a given facilitator. A national assignment (no region: TA Pusat, Koordinator
  Nasional) supervises every region, so the national roles are in every province's chain.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone

from ..scope import _cocok, cakupan_pengguna
from ..wilayah_kode import leluhur, prefiks

# Jabatan rank along the supervision chain (national roles on top).
PERINGKAT_JABATAN = {
    "pld": 1,
    "pd": 2,
    "pendamping_teknis": 2,
    "tapm_kabupaten": 3,
    "koordinator_kabupaten": 3,
    "ta_provinsi": 4,
    "koordinator_provinsi": 4,
    "ta_pusat": 5,
    "koordinator_nasional": 5,
}


def pastikan(boleh: bool, pesan: str) -> None:
    """Raise ``PermissionDenied(pesan)`` unless ``boleh``."""
    if not boleh:
        raise PermissionDenied(pesan)


def peringkat(jabatan: str) -> int:
    return PERINGKAT_JABATAN.get(jabatan or "", 0)


def jabatan_di_bawah(nilai: int) -> list[str]:
    return [j for j, r in PERINGKAT_JABATAN.items() if r < nilai]


def mengawasi(user, kode: str) -> bool:
    """Does ``user`` supervise region ``kode`` (or hold a national role)?"""
    c = cakupan_pengguna(user)
    if c.nasional:
        return True
    return any(_cocok(kode, prefiks(k)) for k in c.wilayah_supervisi)


def pengawas_wilayah(*, kode: str, tanggal: datetime.date | None = None):
    """Facilitators who supervise ``kode``: an active supervision assignment on it, above it, or
    national (no region)."""
    from ..models import JenisPenugasan, Pendamping, Penugasan

    tanggal = tanggal or timezone.localdate()
    ids = (
        Penugasan.objects.aktif(tanggal)
        .filter(jenis=JenisPenugasan.SUPERVISI)
        .filter(Q(wilayah_id__in=[kode, *leluhur(kode)]) | Q(wilayah__isnull=True))
        .values("pendamping_id")
    )
    return Pendamping.objects.filter(pk__in=ids, aktif=True).select_related("user")


def pengawas_terdekat(*, kode: str, di_atas: str = "", kecuali=()) -> list:
    """The supervisors of ``kode`` of the lowest rank still above ``di_atas`` (a jabatan; "" for
    anyone), leaving out the facilitators in ``kecuali`` (ids). One query."""
    batas = peringkat(di_atas)
    calon = [
        p
        for p in pengawas_wilayah(kode=kode)
        if peringkat(p.jabatan) > batas and p.pk not in set(kecuali)
    ]
    if not calon:
        return []
    terdekat = min(peringkat(p.jabatan) for p in calon)
    return [p for p in calon if peringkat(p.jabatan) == terdekat]
