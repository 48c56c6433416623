"""Helpers shared by the forum views."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404

from pendampingan.inti.akses import pastikan

from .. import akses
from ..models import Forum


def _halaman(request, qs):
    return Paginator(qs, settings.HALAMAN_UKURAN).get_page(request.GET.get("halaman"))


def _pastikan_tulis(boleh: bool) -> None:
    """403 for a row the user sees (fetched through ``visible_to``) but may not record in."""
    pastikan(boleh, akses.PESAN_HANYA_LIHAT)


def _forum_tulis(request, pk) -> Forum:
    """The forum, if the user sees it (else 404) and records in its region (else 403)."""
    forum = get_object_or_404(
        Forum.objects.visible_to(request.user).select_related("wilayah"), pk=pk
    )
    _pastikan_tulis(akses.boleh_ubah_forum(request.user, forum))
    return forum
