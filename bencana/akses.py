"""Who may do what with an incident. Predicates only (``boleh_…(user, …) -> bool``); the services
call ``pastikan(boleh_…(…), pesan)`` (``PermissionDenied``, the Indonesian 403 page), the views and
templates use the same predicates to show or hide an action.

* **Open** an incident (the quick report): a field assignment in the desa (``boleh_catat`` of the
  user's scope) — a supervisor reports through the facilitator on the ground.
* **Edit** an incident (add a desa, chronology, evidence, coordination, leaders, decisions, aid,
  mitigation; move it between dilaporkan / tanggap darurat / pemulihan): whoever sees it and is a
  facilitator — the facilitators of its villages and the supervisors above them.
* **Add impact**: as editing, while the incident is not closed (the figures of a closed incident are
  the ones the ministry got; reopen it to record new ones).
* **Close or reopen** it (a move to or from ``selesai``): its reporter, or a supervisor of its first
  desa (``inti.akses.mengawasi``; national roles included).
* **Send a new version of the ministry report**: editing plus the ``bencana.kirim_laporan``
  permission.

A record outside the user's scope never gets this far: views fetch it through ``visible_to(user)``
and answer 404.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from pendampingan.inti.akses import mengawasi
from pendampingan.models import Kegiatan, Pendamping, Wilayah
from pendampingan.scope import cakupan_pengguna
from pendampingan.selectors import desa_catat

from .models import Kejadian, StatusKejadian

# the Django permissions of the pages (and the API) of the app
IZIN_LIHAT = "bencana.view_kejadian"
IZIN_CATAT = "bencana.change_kejadian"
IZIN_LAPOR = "bencana.add_kejadian"
IZIN_KIRIM = "bencana.kirim_laporan"

PESAN_BUKAN_PENDAMPING = _("Akun Anda belum terdaftar sebagai pendamping.")
PESAN_TANPA_DESA = _("Anda belum memiliki desa tugas lapangan tempat melaporkan kejadian.")


def pendamping_dari(user) -> Pendamping | None:
    """The user's facilitator record (cached on the user object), or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    if "_pendamping_bencana" not in user.__dict__:
        user.__dict__["_pendamping_bencana"] = Pendamping.objects.filter(user=user).first()
    return user.__dict__["_pendamping_bencana"]


def boleh_lihat(user, kejadian: Kejadian) -> bool:
    return Kejadian.objects.visible_to(user).filter(pk=kejadian.pk).exists()


def boleh_lapor(user, desa: Wilayah) -> bool:
    """May ``user`` open an incident in ``desa``? (a field assignment there)"""
    return pendamping_dari(user) is not None and cakupan_pengguna(user).boleh_catat(desa.kode)


def boleh_melapor(user) -> bool:
    """May ``user`` open an incident anywhere? (a facilitator with a desa to report in)"""
    return pendamping_dari(user) is not None and desa_catat(user=user).exists()


def boleh_ubah(user, kejadian: Kejadian) -> bool:
    """May ``user`` add to ``kejadian`` or move it between its open states?"""
    return pendamping_dari(user) is not None and boleh_lihat(user, kejadian)


def boleh_catat_dampak(user, kejadian: Kejadian) -> bool:
    return kejadian.status != StatusKejadian.SELESAI and boleh_ubah(user, kejadian)


def boleh_tutup(user, kejadian: Kejadian) -> bool:
    """May ``user`` close ``kejadian`` (→ selesai) or reopen it?"""
    p = pendamping_dari(user)
    if p is None or not boleh_ubah(user, kejadian):
        return False
    return kejadian.pelapor_id == p.pk or mengawasi(user, kejadian.wilayah_id)


def boleh_pindah(user, kejadian: Kejadian, ke: str) -> bool:
    """May ``user`` make the move of ``kejadian`` (as it is now) to ``ke``?"""
    if StatusKejadian.SELESAI in (ke, kejadian.status):
        return boleh_tutup(user, kejadian)
    return boleh_ubah(user, kejadian)


def boleh_kirim_laporan(user, kejadian: Kejadian) -> bool:
    return user.has_perm("bencana.kirim_laporan") and boleh_ubah(user, kejadian)


def boleh_tautkan(user, kegiatan: Kegiatan) -> bool:
    """Only one's own daily-log entry is linked to an incident."""
    p = pendamping_dari(user)
    return p is not None and kegiatan.pendamping_id == p.pk
