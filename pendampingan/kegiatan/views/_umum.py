"""What the daily log's pages share."""

from django.conf import settings
from django.core.paginator import Paginator


def _halaman(request, qs, ukuran=None):
    return Paginator(qs, ukuran or settings.HALAMAN_UKURAN).get_page(request.GET.get("halaman"))
