"""Who may do what with a complaint, beyond seeing it (``Pengaduan.objects.visible_to``).

* **kelola** (verify, reject, assign, refer, close): a supervisor of the complaint's region (a
  supervision assignment on it or above it) or a national role.
* **tangani** (musyawarah, reply, refer, mark settled): the assigned handler, or whoever may kelola.
* **lihat pelapor**: everyone who sees the complaint when it is not anonim; when it is anonim only
  the supervisor chain (kelola), national roles and the facilitator who typed the complaint in.
  A complaint about a facilitator (``teradu_peran``): only its assigned handler, and only when it is
  not anonim.
* **lihat jejak** (the audit trail of who opened the protected data): the supervisors above the
  handler (a rank above the handler's, or above the lowest supervisor when nobody handles it yet)
  and national roles.

Seeing the complaint at all is ``models.terlihat`` (the ``visible_to`` rule for one complaint):
every predicate here starts from it, so a facilitator complained about, or anyone below the
handler of a complaint about a facilitator, may do nothing with it.
* **isi boleh keluar** (the REST API): a rahasia complaint is read only on the site. The API feeds
  other systems, so for *everyone* it gives a rahasia complaint's status and dates only — never its
  title, story, category, reporter, handler, timeline or attachments — and its content filters
  (category, text search) never match one.

Every check needs the user's permission ``pengaduan.change_pengaduan`` as well. Services call
``inti.akses.pastikan(boleh_…(user, p), pesan)`` (a ``PermissionDenied``: the 403 page with the
message); who supervises a region is ``inti.akses.mengawasi``.
"""

from __future__ import annotations

from django.db.models import Q

from pendampingan.inti.akses import mengawasi, peringkat
from pendampingan.scope import cakupan_pengguna

from .models import peringkat_peran, terlihat

# the lowest supervisor's rank (a PD): the audit trail of a complaint nobody handles yet is for
# the ranks above it
PERINGKAT_PENGAWAS_PERTAMA = peringkat("pd")


def boleh_kelola(user, pengaduan) -> bool:
    if not user.has_perm("pengaduan.change_pengaduan") or not terlihat(user, pengaduan):
        return False
    return mengawasi(user, pengaduan.wilayah_id)


def boleh_tangani(user, pengaduan) -> bool:
    if not user.has_perm("pengaduan.change_pengaduan") or not terlihat(user, pengaduan):
        return False
    pid = cakupan_pengguna(user).pendamping_id
    if pid and pengaduan.penangan_id == pid:
        return True
    return boleh_kelola(user, pengaduan)


def boleh_lihat_pelapor(user, pengaduan) -> bool:
    if not terlihat(user, pengaduan):
        return False
    pid = cakupan_pengguna(user).pendamping_id
    if pengaduan.teradu_peran:
        return not pengaduan.anonim and pid is not None and pengaduan.penangan_id == pid
    if not pengaduan.anonim:
        return True
    if pid and pengaduan.dicatat_oleh_id == pid:
        return True
    return mengawasi(user, pengaduan.wilayah_id)


def boleh_musyawarah(user, pengaduan) -> bool:
    """A musyawarah is recorded by a facilitator (it names who recorded it) who may handle it."""
    return cakupan_pengguna(user).pendamping_id is not None and boleh_tangani(user, pengaduan)


def identitas_terlindung(pengaduan) -> bool:
    """Is the reporter's identity protected data (its opening is written to the audit trail)?"""
    return pengaduan.anonim or bool(pengaduan.teradu_peran)


def boleh_lihat_jejak(user, pengaduan) -> bool:
    """The audit trail: national roles, and the supervisors of the desa above the handler."""
    c = cakupan_pengguna(user)
    if c.nasional:
        return True
    if not terlihat(user, pengaduan) or not mengawasi(user, pengaduan.wilayah_id):
        return False
    if pengaduan.penangan_id:
        batas = peringkat(pengaduan.penangan.jabatan)
    else:
        batas = max(peringkat_peran(pengaduan.teradu_peran) + 1, PERINGKAT_PENGAWAS_PERTAMA)
    return peringkat(c.jabatan) > batas


def isi_boleh_keluar(pengaduan) -> bool:
    """May the complaint's content (anything describing it) leave through the API? Not when it is
    rahasia — for every user, whatever their role: the API answers its status and dates only."""
    return not pengaduan.rahasia


def q_isi_boleh_keluar(jalur: str = "") -> Q:
    """``isi_boleh_keluar`` as a condition (for the API's content filters), on the fields under
    ``jalur`` (``"pengaduan__"`` for a complaint's child records)."""
    return Q(**{f"{jalur}rahasia": False})
