"""Choosing a region without a select box of 83,000 options: a text input for the code with a
``<datalist>`` that a small script fills from the scoped autocomplete endpoint as the user types.
Without JavaScript the user types the code (or picks from the few options rendered server-side)."""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from .models import Wilayah


class WilayahAutocompleteWidget(forms.TextInput):
    template_name = "pendampingan/widgets/wilayah_autocomplete.html"

    class Media:
        js = ["js/wilayah-autocomplete.js"]

    def __init__(self, *, tingkat: str | None = None, mode: str = "lihat", attrs=None):
        self.tingkat = tingkat
        self.mode = mode
        self.opsi_awal: list[Wilayah] = []
        super().__init__(attrs={"autocomplete": "off", "inputmode": "search", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, Wilayah):
            return value.kode
        return super().format_value(value)

    def get_context(self, name, value, attrs):
        ctx = super().get_context(name, value, attrs)
        ctx["widget"]["attrs"]["list"] = f"{ctx['widget']['attrs'].get('id', name)}-daftar"
        ctx["widget"]["attrs"]["data-autocomplete-url"] = str(
            reverse_lazy("pendampingan:wilayah-cari")
        )
        ctx["widget"]["attrs"]["data-tingkat"] = self.tingkat or ""
        ctx["widget"]["attrs"]["data-mode"] = self.mode
        ctx["opsi_awal"] = self.opsi_awal
        return ctx


class WilayahField(forms.ModelChoiceField):
    """A region chosen by its code, restricted to ``queryset`` (the user's scope)."""

    default_error_messages = {
        "invalid_choice": _("Wilayah dengan kode itu tidak ada atau di luar wilayah tugas Anda."),
    }

    def __init__(self, queryset=None, *, tingkat=None, mode="lihat", opsi_awal_batas=50, **kwargs):
        kwargs.setdefault("widget", WilayahAutocompleteWidget(tingkat=tingkat, mode=mode))
        kwargs.setdefault("help_text", _("Ketik nama atau kode wilayah."))
        super().__init__(
            queryset=queryset if queryset is not None else Wilayah.objects.none(),
            to_field_name="kode",
            **kwargs,
        )
        self.opsi_awal_batas = opsi_awal_batas

    def set_queryset(self, qs):
        """Set the allowed regions; when they are few, render them as ready options."""
        self.queryset = qs
        opsi = list(qs.order_by("nama")[: self.opsi_awal_batas + 1])
        self.widget.opsi_awal = opsi if len(opsi) <= self.opsi_awal_batas else []

    def to_python(self, value):
        value = (value or "").strip()
        if " (" in value and value.endswith(")"):  # "Nama (kode)" as shown in the list
            value = value.rsplit("(", 1)[1].rstrip(")")
        try:
            return super().to_python(value)
        except ValidationError:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
