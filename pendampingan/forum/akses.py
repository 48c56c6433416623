"""Who may do what in pengorganisasian: the predicates (``boleh_…(user, obj) -> bool``).

* Seeing follows the scope: every row is fetched through ``visible_to(user)``, so a row outside it
  is a 404 in the views and never reaches a service.
* Recording — a forum, its status, members, meetings, decisions, activities, a village facility —
  needs the row's region in the user's recording scope (a field assignment there or above). A
  supervisor who may only look gets a 403: views and services call
  ``inti.akses.pastikan(boleh_…(user, obj), pesan)``.
* Opening a follow-up needs a facilitator account (the follow-up is monitored by someone).

The permission codenames of the groups (``forum.add_…``) stay on the views' decorators.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from pendampingan.models import Pendamping
from pendampingan.scope import cakupan_pengguna

PESAN_BUKAN_WILAYAH_CATAT = _("Anda tidak bertugas mencatat di wilayah ini.")
PESAN_HANYA_LIHAT = _("Anda hanya dapat melihat data wilayah ini, tidak mencatatnya.")
PESAN_BUKAN_PENDAMPING = _("Hanya akun pendamping yang dapat membuka tindak lanjut.")


def boleh_catat_di(user, kode: str) -> bool:
    """``user`` records in region ``kode`` (new forums and facilities)."""
    return cakupan_pengguna(user).boleh_catat(kode)


def boleh_ubah_forum(user, forum) -> bool:
    """Change the forum, move its status, add members, meetings and activities to it."""
    return boleh_catat_di(user, forum.wilayah_id)


def boleh_ubah_anggota(user, anggota) -> bool:
    return boleh_ubah_forum(user, anggota.forum)


def boleh_ubah_pertemuan(user, pertemuan) -> bool:
    """Change a meeting and record its decisions."""
    return boleh_ubah_forum(user, pertemuan.forum)


def boleh_ubah_keputusan(user, keputusan) -> bool:
    return boleh_ubah_pertemuan(user, keputusan.pertemuan)


def boleh_ubah_sarana(user, sarana) -> bool:
    return boleh_catat_di(user, sarana.wilayah_id)


def boleh_buka_tindak_lanjut(user) -> bool:
    return Pendamping.objects.filter(user=user).exists()
