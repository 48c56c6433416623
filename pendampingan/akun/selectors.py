"""Reads of the account page: only the user's own sessions."""

from __future__ import annotations

from django.utils import timezone

from ..models import SesiPengguna


def sesi_milik(user):
    """The user's sessions that have not expired, most recently seen first (one query)."""
    return SesiPengguna.objects.filter(user=user, sesi__expire_date__gt=timezone.now()).order_by(
        "-terakhir_dilihat", "-pk"
    )
