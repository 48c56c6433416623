from django.utils import timezone

from .scope import cakupan_pengguna


class ZonaWaktuMiddleware:
    """Show times in the user's own zone (WIB/WITA/WIT), which follows the province of their
    assignment."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            timezone.activate(cakupan_pengguna(user).zona_waktu)
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class PlatformMiddleware:
    """The platform layer's request edge:

    * a refused status move (``PindahDitolak``) that escapes a view becomes a message and a
      redirect back to the page the user came from (same site only), never a 500;
    * a repeated one-time submission (``SudahTersimpan``) shows the first record;
    * files written by a transaction that did not commit are removed once the request is over.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        finally:
            from .inti.berkas import bersihkan_tertunda

            bersihkan_tertunda()

    def process_exception(self, request, exception):
        from django.contrib import messages
        from django.shortcuts import redirect

        from .inti.alur import PindahDitolak
        from .inti.sekali import SudahTersimpan, pesan_sudah_tersimpan

        if isinstance(exception, SudahTersimpan):
            messages.info(request, pesan_sudah_tersimpan())
            return redirect(exception.obj.get_absolute_url())
        if isinstance(exception, PindahDitolak):
            for m in exception.messages:
                messages.error(request, m)
            return redirect(_kembali(request))
        return None


def _kembali(request) -> str:
    from django.utils.http import url_has_allowed_host_and_scheme

    asal = request.META.get("HTTP_REFERER", "")
    if asal and url_has_allowed_host_and_scheme(
        asal, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return asal
    return request.path if request.method == "GET" else "/"
