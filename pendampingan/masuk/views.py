"""The pages of two-factor sign-in. Enrolment shows the QR code (inline SVG drawn here, no outside
service) and the key as text; the key waits in the session until the first code confirms it.
Recovery codes are shown once, in the answer to the POST that made them."""

from __future__ import annotations

import segno
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from . import services, sesi
from .akses import boleh_nonaktifkan, punya_perangkat, wajib_dua_langkah
from .forms import KodeAplikasiForm, KodeForm

KUNCI_BARU = "masuk_kunci_baru"


def tujuan(request) -> str:
    """Where to go afterwards: a safe ``next`` on this site, or the home page."""
    nxt = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        nxt, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return nxt
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _ke(nama: str, request):
    return redirect(f"{reverse(nama)}?{urlencode({'next': tujuan(request)})}")


def _terverifikasi(request, perangkat) -> None:
    """Mark the session as having passed the second factor (a new session key: new privileges)."""
    otp_login(request, perangkat)
    request.session.cycle_key()
    sesi.tandai(request, sesi.VERIFIKASI)


@never_cache
def dua_langkah(request):
    """The account page: whether an app is registered, recovery codes left, what may be done."""
    user = request.user
    sisa = StaticToken.objects.filter(device__user=user).count()
    return render(
        request,
        "masuk/dua_langkah.html",
        {
            "punya": punya_perangkat(user),
            "sisa_kode": sisa,
            "wajib": wajib_dua_langkah(user),
            "boleh_nonaktifkan": boleh_nonaktifkan(user),
        },
    )


@never_cache
def daftar(request):
    """Enrol (or replace) the authenticator app: QR code and key, then the first code."""
    user = request.user
    if sesi.tuntutan_sesi(request) == sesi.VERIFIKASI and not user.is_verified():
        return _ke("masuk:verifikasi", request)
    kunci = request.session.get(KUNCI_BARU) or services.kunci_baru()
    request.session[KUNCI_BARU] = kunci
    form = KodeAplikasiForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            perangkat, kode = services.perangkat_konfirmasi(
                user=user, kunci=kunci, kode=form.cleaned_data["kode"]
            )
        except ValidationError as e:
            form.add_error("kode", e)
        else:
            del request.session[KUNCI_BARU]
            _terverifikasi(request, perangkat)
            return render(
                request,
                "masuk/kode_pemulihan.html",
                {"kode": kode, "lanjut": tujuan(request), "baru_daftar": True},
            )
    qr = segno.make(services.url_aplikasi(user=user, kunci=kunci), error="m")
    return render(
        request,
        "masuk/daftar.html",
        {
            "form": form,
            "qr": mark_safe(qr.svg_inline(scale=5, border=2, title=_("Kode QR"))),  # noqa: S308 — drawn here
            "rahasia": services.rahasia_teks(kunci),
            "wajib": wajib_dua_langkah(user),
            "ganti": punya_perangkat(user),
            "next": tujuan(request),
        },
        status=400 if request.method == "POST" else 200,
    )


@never_cache
def verifikasi(request):
    """The code step after the password: a code from the app or a recovery code."""
    user = request.user
    if user.is_verified():
        return redirect(tujuan(request))
    if not punya_perangkat(user):  # reset by an admin, or never enrolled
        if sesi.tandai(request) == sesi.DAFTAR:
            return _ke("masuk:daftar", request)
        return redirect(tujuan(request))
    form = KodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            perangkat = services.kode_periksa(user=user, kode=form.cleaned_data["kode"])
        except ValidationError as e:
            form.add_error("kode", e)
        else:
            _terverifikasi(request, perangkat)
            if isinstance(perangkat, StaticDevice):
                sisa = perangkat.token_set.count()
                messages.warning(
                    request,
                    _(
                        "Anda masuk dengan kode pemulihan; tersisa %(n)s kode. Buat kode baru di "
                        "halaman Dua langkah bila hampir habis, dan daftarkan ulang aplikasi bila "
                        "ponsel hilang."
                    )
                    % {"n": sisa},
                )
            return redirect(tujuan(request))
    return render(
        request,
        "masuk/verifikasi.html",
        {"form": form, "next": tujuan(request)},
        status=400 if request.method == "POST" else 200,
    )


@require_POST
def kode_pemulihan(request):
    """A new set of recovery codes (the old ones stop working), shown once."""
    if not punya_perangkat(request.user):
        messages.error(request, _("Daftarkan aplikasi autentikator dulu."))
        return redirect("masuk:dua-langkah")
    kode = services.kode_pemulihan_buat(user=request.user)
    return render(
        request,
        "masuk/kode_pemulihan.html",
        {"kode": kode, "lanjut": reverse("masuk:dua-langkah"), "baru_daftar": False},
    )


@never_cache
def nonaktifkan(request):
    """Confirm (GET) and turn off (POST) two-factor sign-in, where the role allows it."""
    if request.method == "POST":
        services.perangkat_hapus(user=request.user, oleh=request.user)
        request.session.pop(DEVICE_ID_SESSION_KEY, None)
        sesi.tandai(request)
        messages.success(request, _("Verifikasi dua langkah dinonaktifkan."))
        return redirect("masuk:dua-langkah")
    return render(request, "masuk/nonaktifkan.html", {"boleh": boleh_nonaktifkan(request.user)})
