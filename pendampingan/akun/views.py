"""The account page "Sesi masuk": list (GET), sign one device out and sign out everywhere (each a
confirmation page on GET, the act on POST). Only the user's own sessions: another's is a 404."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import LoginView
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ..api.models import TokenPerangkat
from ..forms import LoginForm
from ..inti.masuk import dibatasi
from .selectors import sesi_milik
from .services import sesi_akhiri, sesi_akhiri_semua


class MasukView(LoginView):
    """The login page (the form with bounded input); an address past its failed logins is told so
    with a 429 (``inti.masuk``), as axes answers a locked pair."""

    authentication_form = LoginForm

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if dibatasi(self.request):
            response.status_code = 429
        return response


@never_cache
def sesi_list(request):
    return render(
        request,
        "akun/sesi_list.html",
        {"sesi_list": sesi_milik(request.user), "kunci_ini": request.session.session_key},
    )


@never_cache
def sesi_keluar(request, pk):
    sesi = get_object_or_404(sesi_milik(request.user), pk=pk)
    ini = sesi.sesi_id == request.session.session_key
    if request.method == "POST":
        if ini:
            logout(request)
            messages.success(request, _("Anda sudah keluar dari perangkat ini."))
            return redirect("login")
        sesi_akhiri(user=request.user, sesi=sesi)
        messages.success(request, _("Perangkat itu sudah dikeluarkan; ia harus masuk lagi."))
        return redirect("sesi:sesi-list")
    return render(request, "akun/sesi_keluar.html", {"sesi": sesi, "ini": ini})


@never_cache
def sesi_keluar_semua(request):
    if request.method == "POST":
        n_sesi, n_token = sesi_akhiri_semua(user=request.user)
        logout(request)
        messages.success(
            request,
            _("Anda sudah keluar dari %(s)d sesi; %(t)d token API dicabut. Silakan masuk lagi.")
            % {"s": n_sesi, "t": n_token},
        )
        return redirect("login")
    return render(
        request,
        "akun/sesi_keluar_semua.html",
        {
            "jumlah_sesi": sesi_milik(request.user).count(),
            "jumlah_token": TokenPerangkat.objects.aktif().filter(user=request.user).count(),
        },
    )
