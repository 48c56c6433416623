"""Small helpers shared by the views of fasilitasi."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator

LIHAT = "fasilitasi.view_fasilitasi"


def halaman(request, qs, ukuran=None):
    return Paginator(qs, ukuran or settings.HALAMAN_UKURAN).get_page(request.GET.get("halaman"))


def angka(nilai):
    try:
        return int(nilai)
    except (TypeError, ValueError):
        return None


def pesan_galat(request, e: ValidationError):
    for m in e.messages:
        messages.error(request, m)


def ke_form(form, e: ValidationError):
    """A service's ValidationError onto the form: on its field where the form has one."""
    if hasattr(e, "error_dict"):
        for f, errs in e.message_dict.items():
            form.add_error(f if f in form.fields else None, errs)
    else:
        form.add_error(None, e.messages)


def galat_form(request, form):
    """A bound form's errors as messages (for forms posted from another page)."""
    for f, errs in form.errors.items():
        label = form.fields[f].label if f in form.fields else ""
        for m in errs:
            messages.error(request, f"{label}: {m}" if label else m)
