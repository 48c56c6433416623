"""The access scope — the one rule of who sees and who records what.

From a user's *active* assignments (``Penugasan``) on a date follow two sets of region prefixes:

* ``catat`` — where the user may record: the regions of their field assignments (``lapangan``);
* ``lihat`` — what the user may see: field plus supervised regions (``supervisi``), and everything
  below them.

National roles (TA Pusat, Koordinator Nasional) and superusers see and record everywhere. A user
with no active assignment sees nothing. Every region-owned model filters through
``RegionScopedQuerySet.visible_to`` / ``writable_by``, which turn the prefixes into an OR of
``<fk>__kode__startswith`` lookups: one indexed ``LIKE 'PP.KK.%'`` on the foreign-key column, no join.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Q
from django.utils import timezone

from .wilayah_kode import prefiks, zona_waktu

JABATAN_NASIONAL = {"ta_pusat", "koordinator_nasional"}


@dataclass(frozen=True)
class Cakupan:
    nasional: bool = False
    lihat: tuple[str, ...] = ()
    catat: tuple[str, ...] = ()
    # the codes (not prefixes) of the regions the user is assigned to, by kind
    wilayah_lapangan: tuple[str, ...] = ()
    wilayah_supervisi: tuple[str, ...] = ()
    zona_waktu: str = "Asia/Jakarta"
    pendamping_id: int | None = None
    jabatan: str = ""
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def kosong(self) -> bool:
        return not self.nasional and not self.lihat

    def boleh_lihat(self, kode: str) -> bool:
        return self.nasional or any(_cocok(kode, p) for p in self.lihat)

    def boleh_catat(self, kode: str) -> bool:
        return self.nasional or any(_cocok(kode, p) for p in self.catat)

    @property
    def pengawas(self) -> bool:
        """Supervises someone: a national role or any supervision assignment."""
        return self.nasional or bool(self.wilayah_supervisi)


def _cocok(kode: str, p: str) -> bool:
    return kode == p.rstrip(".") or kode.startswith(p)


def _ringkas(prefiks_list) -> tuple[str, ...]:
    """Drop prefixes covered by a wider one; keep the order stable."""
    hasil = []
    for p in sorted(set(prefiks_list), key=len):
        if not any(p.startswith(q) for q in hasil if q.endswith(".")) and p not in hasil:
            hasil.append(p)
    return tuple(sorted(hasil))


TANPA_AKSES = Cakupan()
SEMUA = Cakupan(nasional=True)


def cakupan_pengguna(user, tanggal: datetime.date | None = None) -> Cakupan:
    """The user's scope on ``tanggal`` (default: today), computed once per request/user object."""
    if user is None or not getattr(user, "is_authenticated", False):
        return TANPA_AKSES
    tanggal = tanggal or timezone.localdate()
    cache = user.__dict__.setdefault("_cakupan_cache", {})
    if tanggal in cache:
        return cache[tanggal]
    from .models import Penugasan

    rows = list(
        Penugasan.objects.aktif(tanggal)
        .filter(pendamping__user=user, pendamping__aktif=True)
        .values_list("wilayah_id", "jenis", "pendamping_id", "pendamping__jabatan")
    )
    pendamping_id = rows[0][2] if rows else _pendamping_id(user)
    jabatan = rows[0][3] if rows else ""
    if (
        user.is_superuser
        or jabatan in JABATAN_NASIONAL
        or user.has_perm("pendampingan.lihat_nasional")
    ):
        hasil = Cakupan(nasional=True, pendamping_id=pendamping_id, jabatan=jabatan)
    else:
        lapangan = tuple(sorted({k for k, j, *_ in rows if j == "lapangan"}))
        supervisi = tuple(sorted({k for k, j, *_ in rows if j == "supervisi"}))
        semua = lapangan + supervisi
        hasil = Cakupan(
            lihat=_ringkas(prefiks(k) for k in semua),
            catat=_ringkas(prefiks(k) for k in lapangan),
            wilayah_lapangan=lapangan,
            wilayah_supervisi=supervisi,
            zona_waktu=zona_waktu(semua[0]) if semua else "Asia/Jakarta",
            pendamping_id=pendamping_id,
            jabatan=jabatan,
        )
    cache[tanggal] = hasil
    return hasil


def _pendamping_id(user):
    p = getattr(user, "pendamping", None) if hasattr(user, "pendamping") else None
    return p.pk if p else None


def q_prefiks(lookup: str, prefiks_list) -> Q:
    """Rows in each region and below it (``lookup`` ends at the code field): the region itself by
    equality, everything below by ``startswith`` of its dotted prefix. Both use the FK's index."""
    q = Q()
    for p in prefiks_list:
        if p.endswith("."):
            q |= Q(**{lookup: p[:-1]}) | Q(**{f"{lookup}__startswith": p})
        else:
            q |= Q(**{lookup: p})
    return q


class RegionScopedQuerySet(models.QuerySet):
    """Base QuerySet of every region-owned model: the only door to its rows.

    Subclasses set ``kode_lookup`` to the path that ends at a Wilayah code, e.g. ``"wilayah__kode"``.
    """

    kode_lookup = "wilayah__kode"

    def _dengan_prefiks(self, prefiks_list):
        if not prefiks_list:
            return self.none()
        return self.filter(q_prefiks(self.kode_lookup, prefiks_list))

    def visible_to(self, user):
        c = cakupan_pengguna(user)
        if c.nasional:
            return self.all()
        return self._dengan_prefiks(c.lihat)

    def writable_by(self, user):
        c = cakupan_pengguna(user)
        if c.nasional:
            return self.all()
        return self._dengan_prefiks(c.catat)

    def di_wilayah(self, kode: str):
        """Rows in region ``kode`` and everything below it; every row when ``kode`` is empty (the
        dashboard's national view — chain it after ``visible_to``)."""
        if not kode:
            return self.all()
        return self._dengan_prefiks([prefiks(kode)])
