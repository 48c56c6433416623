"""The forms of the actions on a complaint's page. Those that move its status carry a hidden
``dari`` (the status the user saw, ``DariForm``): the service passes it to
``inti.alur.pindah_status``, so a second person acting at the same moment is told what changed
instead of moving it twice. Those that create a record (musyawarah, a reply) carry the one-time key.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pendampingan.inti import masukan
from pendampingan.inti.sekali import KunciSekaliForm
from pendampingan.models import Pendamping

from .. import services
from ..models import Kategori, PeranTeradu, StatusPengaduan


class DariForm(masukan.Form):
    """Mixin: the hidden status the page showed (``pengaduan=`` sets it)."""

    dari = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, pengaduan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.pengaduan = pengaduan
        if pengaduan is not None and not self.is_bound:
            self.initial.setdefault("dari", pengaduan.status)

    def clean_dari(self):
        dari = self.cleaned_data.get("dari") or ""
        return dari if dari in StatusPengaduan.values else None


class VerifikasiForm(DariForm):
    keputusan = forms.ChoiceField(
        label=_("Keputusan"),
        choices=[
            (StatusPengaduan.DIVERIFIKASI, _("Terverifikasi — lanjut ditangani")),
            (StatusPengaduan.DITOLAK, _("Ditolak")),
            (StatusPengaduan.BUKAN_WEWENANG, _("Bukan wewenang pendamping desa")),
        ],
        widget=forms.RadioSelect,
        initial=StatusPengaduan.DIVERIFIKASI,
    )
    alasan = forms.CharField(
        label=_("Alasan (dikirim kepada pelapor bila ditolak)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    kategori = forms.ModelChoiceField(
        label=_("Kategori"), queryset=Kategori.objects.filter(aktif=True), required=False
    )
    teradu_peran = forms.ChoiceField(
        label=_("Ternyata tentang pendamping desa ini?"),
        choices=[("", _("Tidak")), *PeranTeradu.choices],
        required=False,
        help_text=_(
            "Bila ya, pengaduan langsung diteruskan kepada pengawas di atas pendamping itu dan "
            "tidak lagi terlihat oleh pendamping yang diadukan maupun yang di bawah penangannya."
        ),
    )
    teradu = forms.ModelChoiceField(
        label=_("Nama pendamping yang diadukan (bila diketahui)"),
        queryset=Pendamping.objects.none(),
        required=False,
    )

    def __init__(self, *args, pengaduan, **kwargs):
        super().__init__(*args, pengaduan=pengaduan, **kwargs)
        self.fields["kategori"].initial = pengaduan.kategori_id
        self.fields["teradu"].queryset = services.teradu_pilihan(pengaduan)


class TugaskanForm(DariForm):
    penangan = forms.ModelChoiceField(
        label=_("Penangan"),
        queryset=Pendamping.objects.none(),
        empty_label=_("— pilih pendamping —"),
        error_messages={"required": _("Pilih pendamping yang menangani.")},
    )
    catatan = forms.CharField(label=_("Catatan untuk penangan"), required=False, max_length=500)

    def __init__(self, *args, pengaduan, **kwargs):
        super().__init__(*args, pengaduan=pengaduan, **kwargs)
        self.fields["penangan"].queryset = services.penangan_pilihan(pengaduan)


class MusyawarahForm(KunciSekaliForm):
    tanggal = forms.DateField(
        label=_("Tanggal"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages={"required": _("Isi tanggal musyawarah.")},
    )
    tempat = forms.CharField(label=_("Tempat"), max_length=200)
    pihak_hadir = forms.CharField(
        label=_("Pihak yang hadir"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Mis. Kepala Desa, BPD, pelapor, tokoh masyarakat."),
    )
    kesepakatan = forms.CharField(
        label=_("Kesepakatan"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    mufakat = forms.BooleanField(label=_("Mufakat tercapai — pengaduan selesai"), required=False)

    JUMLAH_TL = 3

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tanggal"].initial = timezone.localdate()
        for i in range(self.JUMLAH_TL):
            self.fields[f"tl{i}_judul"] = forms.CharField(
                label=_("Tindak lanjut %(n)d") % {"n": i + 1}, max_length=250, required=False
            )
            self.fields[f"tl{i}_pj"] = forms.CharField(
                label=_("Siapa yang melaksanakan"), max_length=150, required=False
            )
            self.fields[f"tl{i}_tempo"] = forms.DateField(
                label=_("Jatuh tempo"),
                required=False,
                widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
            )

    def baris_tl(self):
        return [
            (self[f"tl{i}_judul"], self[f"tl{i}_pj"], self[f"tl{i}_tempo"])
            for i in range(self.JUMLAH_TL)
        ]

    def clean(self):
        data = super().clean()
        daftar = []
        for i in range(self.JUMLAH_TL):
            j, pj, t = (data.get(f"tl{i}_{k}") for k in ("judul", "pj", "tempo"))
            if not (j or pj or t):
                continue
            if not j:
                self.add_error(f"tl{i}_judul", _("Tuliskan tindak lanjutnya."))
            if not pj:
                self.add_error(f"tl{i}_pj", _("Sebutkan siapa yang melaksanakan."))
            if not t:
                self.add_error(f"tl{i}_tempo", _("Tentukan jatuh tempo."))
            daftar.append({"judul": j, "penanggung_jawab": pj, "jatuh_tempo": t})
        data["tindak_lanjut"] = daftar
        return data


class BalasForm(KunciSekaliForm):
    isi = forms.CharField(
        label=_("Balasan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tuliskan balasannya.")},
    )
    publik = forms.BooleanField(
        label=_("Kirim ke pelapor (tampil di halaman status)"), required=False, initial=True
    )


class RujukForm(DariForm):
    instansi = forms.CharField(
        label=_("Dirujuk ke instansi"),
        max_length=200,
        error_messages={"required": _("Sebutkan instansi tujuan rujukan.")},
    )
    catatan = forms.CharField(label=_("Catatan"), required=False, max_length=1000)


class TutupForm(DariForm):
    catatan = forms.CharField(label=_("Catatan penutupan"), required=False, max_length=1000)


class BukaKembaliForm(DariForm):
    alasan = forms.CharField(
        label=_("Alasan membuka kembali"),
        max_length=1000,
        error_messages={"required": _("Tuliskan alasan membuka kembali.")},
    )
