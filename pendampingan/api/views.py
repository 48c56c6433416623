"""The account page "Token API" (``/akun/token/``): a user's own device tokens — list, create (the
secret is shown once, in the answer to the POST, and never again) and revoke with a confirmation.
Only the user's own tokens are reachable (another user's token is a 404); an admin revokes any in
admin (pendampingan/api/admin.py). A token is made only in a session that has passed the second
factor it owes (pendampingan/masuk): a token signs in without one, so it must not be had for the
password alone."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ..inti.akses import pastikan
from ..masuk.sesi import sesi_lolos
from .forms import TokenBuatForm
from .models import TokenPerangkat
from .services import token_buat, token_cabut


def _milik(user):
    return TokenPerangkat.objects.filter(user=user)


@never_cache
def token_list(request):
    """The user's tokens and the create form; a valid POST answers the page with the new secret."""
    form = TokenBuatForm(request.POST or None)
    baru = rahasia = None
    if request.method == "POST":
        pastikan(
            sesi_lolos(request),
            _("Token API hanya dapat dibuat setelah verifikasi dua langkah pada sesi ini."),
        )
    if request.method == "POST" and form.is_valid():
        try:
            baru, rahasia = token_buat(user=request.user, nama=form.cleaned_data["nama"])
        except ValidationError as e:
            form.add_error(None, e)
        else:
            form = TokenBuatForm()
    status = 400 if request.method == "POST" and baru is None else 200
    return render(
        request,
        "api/token_list.html",
        {
            "form": form,
            "token_list": _milik(request.user).select_related("dicabut_oleh"),
            "baru": baru,
            "rahasia": rahasia,
        },
        status=status,
    )


def token_cabut_view(request, pk):
    """Confirm (GET) and revoke (POST) one of the user's own tokens."""
    token = get_object_or_404(_milik(request.user), pk=pk)
    if request.method == "POST":
        token_cabut(user=request.user, token=token)
        messages.success(
            request,
            _("Token “%(nama)s” dicabut; perangkat itu tidak bisa masuk lagi.")
            % {"nama": token.nama},
        )
        return redirect("akun:token-list")
    return render(request, "api/token_cabut.html", {"token": token})
