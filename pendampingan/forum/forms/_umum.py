"""Pieces shared by the forum forms."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError


def galat_ke_form(form: forms.Form, e: ValidationError) -> None:
    """Put a service's ValidationError on the form (unknown keys become non-field errors)."""
    if hasattr(e, "error_dict"):
        for nama, pesan in e.message_dict.items():
            form.add_error(nama if nama in form.fields else None, pesan)
    else:
        form.add_error(None, e.messages)


class Tanggal(forms.DateInput):
    input_type = "date"

    def __init__(self, **kw):
        super().__init__(format="%Y-%m-%d", **kw)


class Jam(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kw):
        super().__init__(format="%H:%M", **kw)


class SaranaPilihan(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.nama} — {obj.get_jenis_display()} ({obj.wilayah.nama})"
