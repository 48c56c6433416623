from django import forms
from django.core.exceptions import ValidationError

from . import services
from .models import Pendamping, Penugasan, Wilayah
from .widgets import WilayahField


class PenugasanAdminForm(forms.ModelForm):
    """Admin form for an assignment: the service's rules as form errors."""

    class Meta:
        model = Penugasan
        fields = ["pendamping", "wilayah", "jenis", "mulai", "selesai", "catatan"]

    def clean(self):
        data = super().clean()
        pendamping = data.get("pendamping") or getattr(self.instance, "pendamping", None)
        wilayah, jenis, mulai = data.get("wilayah"), data.get("jenis"), data.get("mulai")
        if isinstance(pendamping, Pendamping) and isinstance(wilayah, Wilayah) and jenis and mulai:
            try:
                services.penugasan_validasi(
                    pendamping=pendamping,
                    wilayah=wilayah,
                    jenis=jenis,
                    mulai=mulai,
                    selesai=data.get("selesai"),
                    kecuali_pk=self.instance.pk,
                )
            except ValidationError as e:
                for field, msgs in e.message_dict.items():
                    self.add_error(field if field in self.fields else None, msgs)
        return data


__all__ = ["PenugasanAdminForm", "WilayahField"]
