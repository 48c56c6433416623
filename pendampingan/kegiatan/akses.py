"""Who records where, and who verifies whose entries.

* An entry's place is a desa the user may record in, or a kecamatan/kabupaten office region of
  their field assignment (``wilayah_catat_kegiatan``) — the core's ``writable_by`` scope.
* A supervisor verifies an entry when the entry's region lies in one of their *supervision*
  assignments (or they hold a national role), the owner ranks below them on the chain
  PLD → PD → TAPM Kab/Korkab → TA Prov/Korprov → pusat, and it is not their own entry.
"""

from __future__ import annotations

from django.db.models import Q

from ..inti.akses import jabatan_di_bawah, mengawasi, peringkat
from ..models import Kegiatan, Pendamping, Tingkat, Wilayah
from ..scope import cakupan_pengguna, q_prefiks
from ..wilayah_kode import prefiks


def pendamping_pengguna(user) -> Pendamping | None:
    if not getattr(user, "is_authenticated", False):
        return None
    if "_pendamping_cache" not in user.__dict__:
        user.__dict__["_pendamping_cache"] = Pendamping.objects.filter(user=user).first()
    return user.__dict__["_pendamping_cache"]


def wilayah_catat_kegiatan(*, user):
    """The places an entry of ``user`` may be recorded at (desa, kecamatan or kabupaten)."""
    return Wilayah.objects.writable_by(user).filter(
        tingkat__in=[Tingkat.DESA, Tingkat.KECAMATAN, Tingkat.KABUPATEN]
    )


def boleh_ubah(*, user, kegiatan: Kegiatan) -> bool:
    """Only the owner edits, submits, withdraws or attaches files to an entry."""
    p = pendamping_pengguna(user)
    return p is not None and kegiatan.pendamping_id == p.pk


def q_dapat_diverifikasi(user) -> Q | None:
    """A filter on Kegiatan for the entries ``user`` may verify, or None (nothing)."""
    c = cakupan_pengguna(user)
    if not c.pengawas:
        return None
    sendiri = c.pendamping_id
    if c.nasional:
        if user.is_superuser and not c.jabatan:
            q = Q()
        else:
            q = Q(pendamping__jabatan__in=jabatan_di_bawah(peringkat(c.jabatan) or 5))
    else:
        q = q_prefiks("wilayah__kode", [prefiks(k) for k in c.wilayah_supervisi]) & Q(
            pendamping__jabatan__in=jabatan_di_bawah(peringkat(c.jabatan))
        )
    if sendiri:
        q &= ~Q(pendamping_id=sendiri)
    return q


def boleh_verifikasi(*, user, kegiatan: Kegiatan) -> bool:
    """May ``user`` verify or return ``kegiatan``? (never their own; only those below them)."""
    c = cakupan_pengguna(user)
    if not c.pengawas or (c.pendamping_id and kegiatan.pendamping_id == c.pendamping_id):
        return False
    pemilik = peringkat(kegiatan.pendamping.jabatan)
    if c.nasional:
        return (user.is_superuser and not c.jabatan) or pemilik < (peringkat(c.jabatan) or 5)
    if pemilik >= peringkat(c.jabatan):
        return False
    return mengawasi(user, kegiatan.wilayah_id)
