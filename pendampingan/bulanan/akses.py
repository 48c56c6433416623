"""Who may do what with a monthly plan or report (the predicates the services ``pastikan``).

A row outside the user's scope never gets here: views fetch it through ``visible_to(user)`` (404).
What is decided here is what a user who *sees* a row may do with it (else 403):

* the plan and the report are their facilitator's to write: only the owner edits a plan row,
  (re)drafts the report, edits its narrative and submits it;
* a report is reviewed (approved, returned, recommended for payment) by someone else who holds
  ``bulanan.setujui_laporanbulanan``, supervises the report's region (or is national) and whose
  jabatan ranks above the facilitator's (``inti.akses.peringkat``);
* a month is reopened by such a reviewer who also holds ``bulanan.buka_bulan``;
* an area's ZIP is for a user with ``bulanan.lihat_rekap`` who supervises that area.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from pendampingan.inti.akses import mengawasi, peringkat
from pendampingan.scope import cakupan_pengguna

from .models import LaporanBulanan, RencanaKerja


def pemilik(user, pendamping) -> bool:
    return bool(getattr(user, "pk", None)) and pendamping.user_id == user.pk


def boleh_ubah_rencana(user, rencana: RencanaKerja) -> bool:
    """Add, change or delete a plan row: its facilitator only."""
    return pemilik(user, rencana.pendamping)


def boleh_susun(user, laporan: LaporanBulanan) -> bool:
    """(Re)draft the report and edit its narrative: its facilitator only."""
    return pemilik(user, laporan.pendamping)


def boleh_ajukan(user, laporan: LaporanBulanan) -> bool:
    """Submit the report for review: its facilitator only."""
    return pemilik(user, laporan.pendamping)


def alasan_tidak_memeriksa(user, laporan: LaporanBulanan) -> str | None:
    """Why ``user`` may not review ``laporan`` (approve, return, recommend, reopen), or None."""
    if pemilik(user, laporan.pendamping):
        return _("Anda tidak dapat memeriksa atau menyetujui laporan Anda sendiri.")
    if not user.has_perm("bulanan.setujui_laporanbulanan"):
        return _("Anda tidak memiliki izin untuk memeriksa laporan bulanan.")
    c = cakupan_pengguna(user)
    if c.nasional:
        return None
    if not mengawasi(user, laporan.wilayah_id):
        return _("Laporan ini bukan di wilayah yang Anda awasi.")
    if peringkat(c.jabatan) <= peringkat(laporan.pendamping.jabatan):
        return _("Laporan ini diperiksa oleh pengawas di atas jabatan %(j)s.") % {
            "j": laporan.pendamping.get_jabatan_display()
        }
    return None


def boleh_periksa(user, laporan: LaporanBulanan) -> bool:
    """Approve, return or recommend payment for ``laporan``."""
    return alasan_tidak_memeriksa(user, laporan) is None


def alasan_tidak_membuka(user, laporan: LaporanBulanan) -> str | None:
    """Why ``user`` may not reopen the month of ``laporan`` (a report row, saved or not), or None."""
    if not user.has_perm("bulanan.buka_bulan"):
        return _("Anda tidak memiliki izin untuk membuka kembali bulan.")
    return alasan_tidak_memeriksa(user, laporan)


def boleh_buka(user, laporan: LaporanBulanan) -> bool:
    """Reopen the facilitator's month of ``laporan`` for corrections."""
    return alasan_tidak_membuka(user, laporan) is None


def boleh_rekap(user, kode: str) -> bool:
    """See the recap of region ``kode`` and ask for its reports as one ZIP."""
    return user.has_perm("bulanan.lihat_rekap") and mengawasi(user, kode)
