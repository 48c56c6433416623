"""The flow's buttons: submit, withdraw, verify (one or several), return with a note."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ...models import (
    Kegiatan,
)
from .. import selectors, services
from ..forms import (
    KembalikanForm,
    _pasang_galat,
)


def _dari(request) -> str | None:
    """The status the user saw when they pressed the button (None: not sent)."""
    return request.POST.get("dari") or None


def _aksi(request, pk, fungsi, pesan_ok, **kw):
    kegiatan = get_object_or_404(Kegiatan.objects.visible_to(request.user), pk=pk)
    try:
        fungsi(kegiatan=kegiatan, user=request.user, dari=_dari(request), **kw)
    except ValidationError as e:
        for m in e.messages:
            messages.error(request, m)
    else:
        messages.success(request, pesan_ok)
    return redirect(kegiatan)


@require_POST
def kegiatan_ajukan(request, pk):
    return _aksi(request, pk, services.kegiatan_ajukan, _("Kegiatan diajukan untuk verifikasi."))


@require_POST
def kegiatan_tarik(request, pk):
    return _aksi(request, pk, services.kegiatan_tarik, _("Kegiatan ditarik kembali menjadi draf."))


@require_POST
def kegiatan_verifikasi(request, pk):
    kegiatan = get_object_or_404(Kegiatan.objects.visible_to(request.user), pk=pk)
    try:
        services.kegiatan_verifikasi(
            kegiatan=kegiatan,
            user=request.user,
            catatan=request.POST.get("catatan", ""),
            dari=_dari(request),
        )
    except ValidationError as e:
        for m in e.messages:
            messages.error(request, m)
        return redirect(kegiatan)
    messages.success(request, _("Kegiatan “%(j)s” diverifikasi.") % {"j": kegiatan.judul})
    nxt = request.POST.get("kembali")
    return redirect(nxt if nxt == reverse("pendampingan:kegiatan-antrean") else kegiatan)


def kegiatan_kembalikan(request, pk):
    kegiatan = get_object_or_404(selectors.kegiatan_detail_qs(user=request.user), pk=pk)
    form = KembalikanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.kegiatan_kembalikan(
                kegiatan=kegiatan,
                user=request.user,
                catatan=form.cleaned_data["catatan"],
                dari=_dari(request),
            )
        except ValidationError as e:
            _pasang_galat(form, e)
        else:
            messages.success(request, _("Kegiatan dikembalikan kepada pendamping dengan catatan."))
            return redirect("pendampingan:kegiatan-antrean")
    return render(
        request, "pendampingan/kegiatan/kegiatan_kembalikan.html", {"k": kegiatan, "form": form}
    )


@require_POST
def kegiatan_verifikasi_banyak(request):
    ids = [int(i) for i in request.POST.getlist("kegiatan") if i.isdigit()]
    kegiatan_list = list(
        selectors.antrean_verifikasi(user=request.user).filter(pk__in=ids).order_by("pk")
    )
    if not ids:
        messages.warning(request, _("Pilih dulu kegiatan yang akan diverifikasi."))
    elif len(kegiatan_list) != len(set(ids)):
        messages.error(
            request,
            _(
                "Sebagian kegiatan yang dipilih tidak lagi menunggu verifikasi Anda; tidak ada yang diubah."
            ),
        )
    else:
        try:
            services.kegiatan_verifikasi_banyak(kegiatan_list=kegiatan_list, user=request.user)
        except ValidationError as e:
            for m in e.messages:
                messages.error(request, m)
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)d kegiatan diverifikasi.",
                    "%(n)d kegiatan diverifikasi.",
                    len(kegiatan_list),
                )
                % {"n": len(kegiatan_list)},
            )
    return redirect("pendampingan:kegiatan-antrean")
