"""Who may see which region's dashboard, lists and exports.

The dashboard only reads, so there is one question: is the region inside the user's scope? A
region is visible to whoever records or supervises in it or above it (``Cakupan.boleh_lihat``,
which includes ``inti.akses.mengawasi``); the whole country (the empty code) only to national
roles. Views answer 404 when the answer is no — on every dashboard URL, the same way. Services and
the background builders ask again with ``pastikan`` (a file is built with its owner's scope at run
time: an assignment that ended in between fails the file, it does not leak it).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from pendampingan.inti.akses import mengawasi, pastikan
from pendampingan.scope import cakupan_pengguna


def boleh_lihat_wilayah(user, kode: str | None) -> bool:
    """The dashboard (and its lists and exports) of region ``kode``; ``""`` = the country, None =
    a region that does not exist."""
    if kode is None:
        return False
    c = cakupan_pengguna(user)
    if not kode:
        return c.nasional
    return mengawasi(user, kode) or c.boleh_lihat(kode)


def boleh_minta_unduhan(user, kode: str | None) -> bool:
    """A file built in the background (a large list export, the dashboard's PDF) of region
    ``kode``: whoever may see the region; the file is theirs alone."""
    return getattr(user, "is_authenticated", False) and boleh_lihat_wilayah(user, kode)


def pastikan_lihat_wilayah(user, kode: str | None) -> None:
    """Raise ``PermissionDenied`` unless ``user`` may see region ``kode``."""
    pastikan(
        boleh_lihat_wilayah(user, kode),
        _("Wilayah ini di luar cakupan penugasan Anda."),
    )


def pastikan_minta_unduhan(user, kode: str | None) -> None:
    pastikan(
        boleh_minta_unduhan(user, kode),
        _("Anda tidak dapat meminta berkas untuk wilayah di luar cakupan penugasan Anda."),
    )
