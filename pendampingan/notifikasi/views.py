from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .models import Pesan


def pesan_list(request):
    """The user's in-app messages (the bell's page), newest first; ?belum=1 for unread only."""
    belum = request.GET.get("belum") == "1"
    qs = selectors.pesan_pengguna(user=request.user, belum_dibaca=belum)
    halaman = Paginator(qs, settings.HALAMAN_UKURAN).get_page(request.GET.get("halaman"))
    return render(
        request,
        "notifikasi/pesan_list.html",
        {
            "halaman": halaman,
            "belum": belum,
            "jumlah_belum": selectors.jumlah_belum_dibaca(user=request.user),
        },
    )


@require_POST
def pesan_baca(request, pk):
    """Mark one of the user's own messages read; with ``buka`` go on to the record."""
    pesan = get_object_or_404(Pesan.objects.untuk_pengguna(request.user), pk=pk)
    services.pesan_tandai_dibaca(user=request.user, pesan_id=pesan.pk)
    if request.POST.get("buka") and pesan.tautan:
        return redirect(pesan.tautan)
    return redirect(_kembali(request))


@require_POST
def pesan_baca_semua(request):
    n = services.pesan_tandai_dibaca(user=request.user)
    messages.success(request, _("%(n)s pemberitahuan ditandai sudah dibaca.") % {"n": n})
    return redirect(_kembali(request))


def _kembali(request) -> str:
    nxt = request.POST.get("next", "")
    # a path on this site only: redirect() would take a bare word for a URL name to reverse
    if nxt.startswith("/") and url_has_allowed_host_and_scheme(
        nxt, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return nxt
    return "notifikasi:pesan-list"
