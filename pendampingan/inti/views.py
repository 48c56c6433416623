"""The core's pages of the platform layer: the user's downloads (owner only)."""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from ..models import StatusUnduhan, Unduhan
from .berkas import respons_berkas


@require_GET
def unduhan_list(request):
    qs = Unduhan.objects.milik(request.user).order_by("-dibuat")
    halaman = Paginator(qs, settings.HALAMAN_UKURAN).get_page(request.GET.get("halaman"))
    return render(
        request,
        "pendampingan/unduhan_list.html",
        {"halaman": halaman, "menunggu": any(u.menunggu for u in halaman)},
    )


@require_GET
def unduhan_detail(request, pk):
    """One download: its state while it is built (the page refreshes itself), then the button."""
    u = get_object_or_404(Unduhan.objects.milik(request.user), pk=pk)
    return render(request, "pendampingan/unduhan_detail.html", {"u": u})


@require_GET
def unduhan_ambil(request, pk):
    """A ready file, to its owner only (404 for anyone else)."""
    u = get_object_or_404(Unduhan.objects.milik(request.user), pk=pk, status=StatusUnduhan.SIAP)
    return respons_berkas(u.berkas, nama=u.nama_berkas, mime=u.mime)
