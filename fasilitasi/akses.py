"""Who may do what in fasilitasi — the predicates, one per action.

Each is ``boleh_…(user, obj) -> bool``: the Django permission of the action (given to the groups in
``hooks.py``) and the record's desa inside the user's region scope. Services call
``pastikan(boleh_…(...), pesan)`` (``pendampingan.inti.akses``), which raises ``PermissionDenied``:
a record the user may see but not change answers 403 with the message. A record outside the
user's scope never gets this far — views fetch it through ``visible_to(user)`` and answer 404.

Who may advance, move the status of, or attach documents to a case is today the same rule (a
facilitator whose scope holds the desa); the predicates stay separate so each can change alone.
"""

from __future__ import annotations

from pendampingan.scope import cakupan_pengguna


def _di_cakupan(user, kode: str) -> bool:
    return cakupan_pengguna(user).boleh_lihat(kode)


# ------------------------------------------------------------------------------ cases
def boleh_lihat_kasus(user, kasus) -> bool:
    return user.has_perm("fasilitasi.view_fasilitasi") and _di_cakupan(user, kasus.wilayah_id)


def boleh_buka_kasus(user, wilayah) -> bool:
    """Open a case for the desa ``wilayah``."""
    return user.has_perm("fasilitasi.add_fasilitasi") and _di_cakupan(user, wilayah.kode)


def boleh_pindah_tahap(user, kasus) -> bool:
    """Move the case to its next or previous stage, or link a daily-log entry to it."""
    return user.has_perm("fasilitasi.change_fasilitasi") and _di_cakupan(user, kasus.wilayah_id)


def boleh_ubah_status_kasus(user, kasus) -> bool:
    """Postpone, resume or cancel the case."""
    return user.has_perm("fasilitasi.change_fasilitasi") and _di_cakupan(user, kasus.wilayah_id)


def boleh_unggah_dokumen(user, kasus) -> bool:
    """Attach a document to the case's current stage."""
    return user.has_perm("fasilitasi.change_fasilitasi") and _di_cakupan(user, kasus.wilayah_id)


def boleh_ubah_kasus(user, kasus) -> bool:
    """Any of the changes above (the case page shows its forms)."""
    return (
        boleh_pindah_tahap(user, kasus)
        or boleh_ubah_status_kasus(user, kasus)
        or boleh_unggah_dokumen(user, kasus)
    )


# --------------------------------------------------------------------------- BUM Desa
def boleh_daftar_bumdes(user, wilayah) -> bool:
    """Register a BUM Desa seated in the desa ``wilayah``."""
    return user.has_perm("fasilitasi.add_bumdesa") and _di_cakupan(user, wilayah.kode)


def boleh_ubah_bumdes(user, bumdes) -> bool:
    """Edit the BUM Desa, its units, managers and yearly figures."""
    return user.has_perm("fasilitasi.change_bumdesa") and _di_cakupan(user, bumdes.wilayah_id)


def boleh_pindah_kedudukan_bumdes(user, bumdes, wilayah) -> bool:
    """Move the seat of the BUM Desa to the desa ``wilayah``."""
    return boleh_ubah_bumdes(user, bumdes) and _di_cakupan(user, wilayah.kode)


# ------------------------------------------------------------------------ village status
def boleh_impor_status_desa(user) -> bool:
    """Import village status; each line is then checked against the user's scope."""
    return user.has_perm("fasilitasi.add_statusdesa")
