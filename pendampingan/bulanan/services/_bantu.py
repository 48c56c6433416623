"""What the services of this app share: the user's facilitator record and the month lock."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from pendampingan.inti.akses import pastikan
from pendampingan.models import Pendamping

from ..periode import alasan_kunci_bulan


def pendamping_pengguna(user) -> Pendamping:
    """The user's facilitator record (403 when the account has none)."""
    p = getattr(user, "pendamping", None) if hasattr(user, "pendamping") else None
    pastikan(p is not None, _("Akun Anda belum terhubung dengan data pendamping."))
    return p


def pastikan_bulan_terbuka(*, pendamping: Pendamping, bulan: datetime.date) -> None:
    """Refuse (``ValidationError`` with the reason) when the facilitator's month is locked."""
    alasan = alasan_kunci_bulan(pendamping_id=pendamping.pk, bulan=bulan)
    if alasan:
        raise ValidationError(alasan)
