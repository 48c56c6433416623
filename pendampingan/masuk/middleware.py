"""Until a signed-in session has passed the second factor it owes (``sesi``), it reaches only the
code step, enrolment, sign-out and the CSP report endpoint: a page is redirected to the code step
(or to enrolment), an htmx request is told to go there (``HX-Redirect``), an API request with the
session is answered 403. A request with an ``Authorization`` header is the API's device token,
made in a verified session (pendampingan/api/views.py), and is left to the API."""

from __future__ import annotations

from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import sesi

BEBAS_URL = ("masuk:verifikasi", "masuk:daftar", "logout", "login", "csp-laporan", "sehat", "siap")


class DuaLangkahMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._bebas: frozenset[str] | None = None

    def bebas(self, path: str) -> bool:
        if self._bebas is None:
            self._bebas = frozenset(reverse(n) for n in BEBAS_URL)
        return path in self._bebas

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and "HTTP_AUTHORIZATION" not in request.META
            and not self.bebas(request.path_info)
        ):
            owed = sesi.tuntutan_sesi(request)
            if owed != sesi.BEBAS and not user.is_verified():
                return self.tolak(request, owed)
        return self.get_response(request)

    def tolak(self, request, owed: str):
        nama = "masuk:daftar" if owed == sesi.DAFTAR else "masuk:verifikasi"
        kembali = request.get_full_path() if request.method == "GET" else "/"
        url = f"{reverse(nama)}?{urlencode({'next': kembali})}"
        if request.path_info.startswith("/api/"):
            return JsonResponse(
                {"detail": _("Selesaikan verifikasi dua langkah di situs sebelum memakai API.")},
                status=403,
            )
        if request.headers.get("HX-Request"):
            return HttpResponse(status=204, headers={"HX-Redirect": url})
        return HttpResponseRedirect(url)
