"""What the incident pages share: the incident through the user's scope (404 outside it), the form
page of one section, and the answer to a refused or repeated submission."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from pendampingan.inti.sekali import SudahTersimpan, kunci_dari, pesan_sudah_tersimpan, sudah_ada

from .. import selectors
from ..akses import IZIN_CATAT as CATAT
from ..akses import IZIN_KIRIM as KIRIM
from ..akses import IZIN_LAPOR as LAPOR
from ..akses import IZIN_LIHAT as LIHAT
from ..akses import PESAN_BUKAN_PENDAMPING, pendamping_dari
from ..models import Kejadian

__all__ = ["CATAT", "KIRIM", "LAPOR", "LIHAT"]


def pendamping(request):
    p = pendamping_dari(request.user)
    if p is None:
        raise PermissionDenied(PESAN_BUKAN_PENDAMPING)
    return p


def kejadian_atau_404(request, pk) -> Kejadian:
    return get_object_or_404(selectors.kejadian_detail_qs(user=request.user), pk=pk)


def galat_ke_form(form, e: ValidationError) -> None:
    if hasattr(e, "error_dict"):
        for field, msgs in e.message_dict.items():
            form.add_error(field if field in form.fields else None, msgs)
    else:
        form.add_error(None, e.messages)


def sudah_tersimpan(request, e: SudahTersimpan):
    """A repeated submission: show the first record."""
    messages.info(request, pesan_sudah_tersimpan())
    return redirect(e.obj.get_absolute_url())


def sudah_ada_dari_post(request, model):
    """The record of the posted one-time key, if it exists already. Checked before the form is
    validated: a form whose choices drop what was just added (a desa, a linked entry) would
    otherwise refuse the repeat of a submission that worked."""
    if model is None:
        return None
    return sudah_ada(model, kunci_dari(request.POST.get("kunci_sekali")))


def url_bagian(k: Kejadian, bagian: str) -> str:
    return reverse("bencana:kejadian-detail", args=[k.pk]) + f"#{bagian}"


def halaman_form(request, k, form, judul, bagian, *, multipart=False, catatan="", **extra):
    return render(
        request,
        "bencana/kejadian_form.html",
        {
            "k": k,
            "form": form,
            "judul": judul,
            "bagian": bagian,
            "multipart": multipart,
            "catatan": catatan,
            **extra,
        },
    )


def aksi(
    request, pk, *, form_class, simpan, judul, bagian, pesan, kw=None, multipart=False, model=None
):
    """A form page that adds one record (of ``model``, keyed by the form's one-time key) to the
    incident through one service."""
    k = kejadian_atau_404(request, pk)
    oleh = pendamping(request)
    extra = kw(k) if kw else {}
    if request.method == "POST":
        ada = sudah_ada_dari_post(request, model)
        if ada is not None:
            return sudah_tersimpan(request, SudahTersimpan(ada))
        form = form_class(request.POST, request.FILES or None, **extra)
        if form.is_valid():
            try:
                simpan(k, form, oleh)
            except SudahTersimpan as e:
                return sudah_tersimpan(request, e)
            except ValidationError as e:
                galat_ke_form(form, e)
            else:
                messages.success(request, pesan)
                return redirect(url_bagian(k, bagian))
    else:
        form = form_class(initial=request.GET.dict() if request.GET else None, **extra)
    return halaman_form(request, k, form, judul, bagian, multipart=multipart)
