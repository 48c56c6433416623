"""Helpers shared by the forum views."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from pendampingan.scope import cakupan_pengguna

from ..models import (
    Forum,
)


def _halaman(request, qs):
    return Paginator(qs, settings.HALAMAN_UKURAN).get_page(request.GET.get("halaman"))


def _boleh_tulis(user, kode: str) -> bool:
    return cakupan_pengguna(user).boleh_catat(kode)


def _pastikan_tulis(user, kode: str) -> None:
    if not _boleh_tulis(user, kode):
        raise PermissionDenied(_("Anda hanya dapat melihat data wilayah ini, tidak mencatatnya."))


def _forum_tulis(request, pk) -> Forum:
    forum = get_object_or_404(
        Forum.objects.visible_to(request.user).select_related("wilayah"), pk=pk
    )
    _pastikan_tulis(request.user, forum.wilayah_id)
    return forum
