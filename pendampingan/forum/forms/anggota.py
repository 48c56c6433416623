"""Forms of a forum's members: one member, or a list to import (pasted text or an XLSX file)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pendampingan.inti import masukan
from pendampingan.inti.berkas import XLSX, periksa_berkas
from pendampingan.inti.sekali import KunciSekaliForm

from ..models import Anggota, UnsurMasyarakat
from ._umum import Tanggal


class AnggotaForm(KunciSekaliForm, masukan.ModelForm):
    """A new member (with a one-time key) or a member's data."""

    tanggal_lama = ("tanggal_masuk", "tanggal_keluar")

    class Meta:
        model = Anggota
        fields = [
            "nama",
            "jenis_kelamin",
            "unsur",
            "peran",
            "kontak",
            "tanggal_masuk",
            "tanggal_keluar",
        ]
        widgets = {"tanggal_masuk": Tanggal(), "tanggal_keluar": Tanggal()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unsur"].queryset = UnsurMasyarakat.objects.filter(aktif=True)
        if self.instance.pk:  # a change: nothing is created
            del self.fields["kunci_sekali"]

    def validate_unique(self):
        """The service reports a duplicate with its own message."""

    def _post_clean(self):
        # validation is the service's job; skip the model's full_clean (it would need ``forum``)
        pass


class ImporAnggotaForm(KunciSekaliForm, masukan.Form):
    """A list of members; the one-time key belongs to the submission (a repeat adds no one twice)."""

    teks = forms.CharField(
        label=_("Tempel daftar anggota"),
        required=False,
        widget=forms.Textarea(
            attrs={"rows": 8, "placeholder": "Siti Aminah; P; Kelompok perempuan; Ketua; 0812…"}
        ),
        help_text=_(
            "Satu anggota per baris: nama; L/P; unsur; peran; kontak; tanggal masuk (DD-MM-YYYY). "
            "Boleh disalin langsung dari lembar kerja."
        ),
    )
    berkas = forms.FileField(
        label=_("atau unggah berkas XLSX"),
        required=False,
        help_text=_("Kolom berurutan seperti di atas; baris judul boleh ada."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def clean_berkas(self):
        """The one upload check (bytes, size, zip bombs) before anything opens the workbook."""
        berkas = self.cleaned_data.get("berkas")
        if berkas:
            periksa_berkas(berkas, XLSX)
        return berkas

    def clean(self):
        data = super().clean()
        if "berkas" in self.errors:
            return data
        if not (data.get("teks") or "").strip() and not data.get("berkas"):
            raise ValidationError(_("Tempel daftar anggota atau unggah berkas XLSX."))
        if (data.get("teks") or "").strip() and data.get("berkas"):
            raise ValidationError(_("Pilih salah satu: tempel daftar atau unggah berkas."))
        return data
