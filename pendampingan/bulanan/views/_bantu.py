"""What the views of this app share: messages from a refusal, a repeated submission, paging."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect

from pendampingan.inti.sekali import pesan_sudah_tersimpan


def pesan_galat(request, e: ValidationError) -> None:
    for m in e.messages:
        messages.error(request, m)


def galat_ke_form(form, e: ValidationError) -> None:
    if hasattr(e, "error_dict"):
        for f, msgs in e.message_dict.items():
            form.add_error(f if f in form.fields else None, msgs)
    else:
        form.add_error(None, e.messages)


def galat_form_ke_pesan(request, form) -> None:
    for msgs in form.errors.values():
        for m in msgs:
            messages.error(request, m)


def sudah_tersimpan(request, url: str):
    """The same form sent twice: show the record the first one made."""
    messages.info(request, pesan_sudah_tersimpan())
    return redirect(url)


def halaman(request, qs, ukuran=None):
    return Paginator(qs, ukuran or settings.HALAMAN_UKURAN).get_page(request.GET.get("halaman"))
