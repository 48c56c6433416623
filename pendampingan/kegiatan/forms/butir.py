"""The entry form's butir checklist: which butir of the regulation the activity served.

The suggestion (``kegiatan.butir.butir_saran``) is pre-ticked, and the codes pre-ticked are sent back
in a hidden field (``butir_saran``). When the ticks come back exactly as suggested, the owner did not
touch them, and the server takes the suggestion of what was finally chosen (the tata cara, the
asistensi stage) — so without JavaScript a changed tata cara still gets its own suggestion. The
page's script updates both the ticks and the hidden field as the tata cara changes. Ticks the owner
changed are taken as they are; drafts may have none, submitting needs one (``kegiatan_kekurangan``).
Automatic butir (from linked records) are shown ticked and disabled: they come and go with the link.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from ...models import KegiatanButir, SumberTanda
from ..butir import butir_ditawarkan, butir_saran, kelompokkan, peta_saran


@dataclass(frozen=True)
class PilihanButir:
    butir: object
    dicentang: bool
    otomatis: bool


class ButirField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.kode} · {obj.label}"


class ButirFormMixin:
    """Adds ``butir`` (checkboxes, by code) and ``butir_saran`` (hidden) to the entry form."""

    def pasang_butir(self, *, kegiatan, tata_cara_awal: str = "") -> None:
        self.fields["butir"] = ButirField(
            label=_("Butir tata cara yang dilayani"),
            queryset=butir_ditawarkan(),
            to_field_name="kode",
            required=False,
            widget=forms.CheckboxSelectMultiple,
            error_messages={
                "invalid_choice": _("Butir %(value)s tidak dapat dipilih."),
                "invalid_pk_value": _("Butir %(pk)s tidak dikenal."),
                "invalid_list": _("Pilih butir dari daftar."),
            },
            help_text=_(
                "Saran sudah dicentang dari tata cara dan tahap/bidangnya; tambahkan atau hapus "
                "bila perlu. Butir dari forum, kasus, pengaduan, atau kejadian yang ditautkan "
                "ditandai otomatis setelah disimpan."
            ),
        )
        self.fields["butir_saran"] = forms.CharField(
            required=False, widget=forms.HiddenInput, max_length=500
        )
        self._tawaran = list(butir_ditawarkan())
        self._otomatis: set[str] = set()
        self._ada_pilihan = False
        if kegiatan is not None and kegiatan.pk:
            tanda = list(KegiatanButir.objects.filter(kegiatan=kegiatan).select_related("butir"))
            dipilih = [t.butir.kode for t in tanda if t.sumber == SumberTanda.DIPILIH]
            self._otomatis = {t.butir.kode for t in tanda if t.sumber == SumberTanda.OTOMATIS}
            self._ada_pilihan = bool(dipilih)
            if dipilih:
                awal, saran = dipilih, []
            else:
                asistensi = getattr(kegiatan, "asistensi", None)
                saran = [
                    b.kode
                    for b in butir_saran(
                        tata_cara=kegiatan.tata_cara,
                        bidang=asistensi.bidang if asistensi else None,
                    )
                ]
                awal = saran
        else:
            saran = [b.kode for b in butir_saran(tata_cara=tata_cara_awal)]
            awal = saran
        if not self.is_bound:
            self.initial["butir"] = awal
            self.initial["butir_saran"] = ",".join(saran)

    def _kode_terpilih(self) -> set[str]:
        nilai = self["butir"].value() or []
        return {str(v) for v in (nilai if isinstance(nilai, (list, tuple)) else [nilai])}

    def kelompok_butir(self):
        """The offered butir grouped by tata cara, each with whether it is ticked or automatic."""
        terpilih = self._kode_terpilih()
        hasil = []
        for k in kelompokkan(self._tawaran):
            pilihan = [
                PilihanButir(
                    butir=b,
                    dicentang=b.kode in terpilih or b.kode in self._otomatis,
                    otomatis=b.kode in self._otomatis,
                )
                for b in k.butir
            ]
            hasil.append((k, pilihan, sum(p.dicentang for p in pilihan)))
        return hasil

    def peta_saran(self) -> dict:
        return peta_saran()

    def butir_pilihan(self):
        """The chosen butir for the service, or ``None`` when the ticks are the untouched suggestion
        of an entry without chosen butir (the service then suggests from the final values)."""
        dipilih = list(self.cleaned_data.get("butir") or [])
        saran = {k for k in (self.cleaned_data.get("butir_saran") or "").split(",") if k}
        if not self._ada_pilihan and {b.kode for b in dipilih} == saran:
            return None
        return dipilih
