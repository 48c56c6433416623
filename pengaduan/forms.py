"""Forms of the complaint pages. The public form carries its own protections: a honeypot field, a
signed arithmetic question with a minimum fill time (no outside service), and a desa field that
accepts a code, "Nama (kode)" or a unique name — with a list of matches to choose from when the name
is ambiguous, so it works without JavaScript."""

from __future__ import annotations

import random
import re
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pendampingan.models import Pendamping, Tingkat, Wilayah
from pendampingan.widgets import WilayahField

from . import selectors, services
from .models import JenisPengaduan, Kategori, Pengaduan, Saluran, StatusPengaduan

GARAM_TANTANGAN = "pengaduan.tantangan"


class BerkasBanyakInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class BerkasBanyakField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", BerkasBanyakInput(attrs={"accept": "image/*,application/pdf"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        tunggal = super().clean
        if isinstance(data, list | tuple):
            return [tunggal(d, initial) for d in data if d]
        return [tunggal(data, initial)] if data else []


def _tantangan_baru() -> tuple[str, str]:
    a, b = random.randint(2, 9), random.randint(2, 9)
    token = signing.dumps({"a": a, "b": b, "t": int(time.time())}, salt=GARAM_TANTANGAN)
    return token, _("Berapa %(a)d ditambah %(b)d?") % {"a": a, "b": b}


def _baca_tantangan(token: str) -> dict | None:
    try:
        return signing.loads(
            token, salt=GARAM_TANTANGAN, max_age=settings.PENGADUAN_TANTANGAN_MAKS_DETIK
        )
    except signing.BadSignature:
        return None


KODE_DI_AKHIR = re.compile(r"\((\d{2}\.\d{2}\.\d{2}\.\d{4})\)\s*$")


class _PengaduanDasarForm(forms.Form):
    jenis = forms.ChoiceField(
        label=_("Jenis"),
        choices=JenisPengaduan.choices,
        initial=JenisPengaduan.PENGADUAN,
        widget=forms.RadioSelect,
    )
    kategori = forms.ModelChoiceField(
        label=_("Kategori"),
        queryset=Kategori.objects.filter(aktif=True),
        empty_label=_("— pilih kategori —"),
        error_messages={"required": _("Pilih kategori.")},
    )
    judul = forms.CharField(
        label=_("Judul singkat"),
        max_length=200,
        error_messages={"required": _("Tuliskan judul singkat pengaduan.")},
    )
    isi = forms.CharField(
        label=_("Ceritakan masalahnya"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
        error_messages={"required": _("Ceritakan apa yang terjadi — uraian tidak boleh kosong.")},
        help_text=_("Apa yang terjadi, kapan, di mana, siapa yang terlibat, dan harapan Anda."),
    )
    lampiran = BerkasBanyakField(
        label=_("Lampiran (foto atau PDF)"),
        required=False,
        help_text=_("Paling banyak 3 berkas, masing-masing maksimal 5 MB."),
    )
    pelapor_nama = forms.CharField(label=_("Nama pelapor"), max_length=150, required=False)
    pelapor_telepon = forms.CharField(
        label=_("Nomor HP / WhatsApp"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    pelapor_email = forms.EmailField(
        label=_("Email"),
        required=False,
        help_text=_("Jika diisi, kode pelacakan dan balasan dikirim ke email ini."),
        error_messages={"invalid": _("Alamat email tidak sah.")},
    )
    anonim = forms.BooleanField(
        label=_("Sembunyikan identitas saya (anonim)"),
        required=False,
        initial=True,
        help_text=_("Nama dan kontak Anda hanya dapat dilihat oleh pengawas pendamping."),
    )
    rahasia = forms.BooleanField(
        label=_("Rahasiakan pengaduan ini"),
        required=False,
        help_text=_("Isi pengaduan tidak pernah ditampilkan kepada publik."),
    )

    def clean_judul(self):
        return self.cleaned_data["judul"].strip()

    def clean_isi(self):
        isi = self.cleaned_data["isi"].strip()
        if not isi:
            raise ValidationError(_("Ceritakan apa yang terjadi — uraian tidak boleh kosong."))
        return isi

    def clean_lampiran(self):
        berkas = self.cleaned_data.get("lampiran") or []
        if len(berkas) > settings.PENGADUAN_LAMPIRAN_MAKS_JUMLAH:
            raise ValidationError(
                _("Paling banyak %(n)d lampiran.") % {"n": settings.PENGADUAN_LAMPIRAN_MAKS_JUMLAH}
            )
        pesan = []
        for b in berkas:
            try:
                services.lampiran_periksa(b)
            except ValidationError as e:
                pesan.extend(e.messages)
        if pesan:
            raise ValidationError(pesan)
        return berkas


class PenjagaPublikForm(forms.Form):
    """The public forms' guards: a honeypot field and a signed arithmetic question that also sets a
    minimum fill time. Subclasses call ``segarkan_tantangan`` before re-rendering."""

    # honeypot: hidden from people by CSS, filled in by bots
    situs_web = forms.CharField(label=_("Jangan diisi"), required=False)
    tantangan = forms.CharField(widget=forms.HiddenInput, required=False)
    jawaban = forms.IntegerField(
        label=_("Pertanyaan keamanan"),
        required=True,
        error_messages={
            "required": _("Jawab pertanyaan keamanan."),
            "invalid": _("Jawab dengan angka."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pertanyaan = ""
        token = self.data.get("tantangan") if self.is_bound else self.initial.get("tantangan")
        isi = _baca_tantangan(token) if token else None
        if isi is None:
            token, self.pertanyaan = _tantangan_baru()
        else:
            self.pertanyaan = _("Berapa %(a)d ditambah %(b)d?") % isi
        self.token = token
        self.fields["jawaban"].label = self.pertanyaan
        if not self.is_bound:
            self.initial["tantangan"] = token

    def segarkan_tantangan(self):
        """After a failed submit: keep a valid, correctly answered question; else ask a new one."""
        galat = self._errors or {}
        if "jawaban" in galat or "tantangan" in galat:
            self.token, self.pertanyaan = _tantangan_baru()
            self.fields["jawaban"].label = self.pertanyaan
            self.data = self.data.copy()
            self.data["jawaban"] = ""
        self.data = self.data.copy()
        self.data["tantangan"] = self.token

    def clean(self):
        data = super().clean()
        if data.get("situs_web"):
            self.add_error(None, _("Pengiriman ditolak oleh penyaring spam."))
            return data
        isi = _baca_tantangan(self.data.get("tantangan", ""))
        if isi is None:
            self.add_error("jawaban", _("Pertanyaan keamanan kedaluwarsa; jawab yang baru."))
            return data
        jawaban = data.get("jawaban")
        if jawaban is not None and jawaban != isi["a"] + isi["b"]:
            self.add_error("jawaban", _("Jawaban pertanyaan keamanan salah."))
        elif time.time() - isi["t"] < settings.PENGADUAN_WAKTU_ISI_MIN_DETIK:
            self.add_error(None, _("Formulir dikirim terlalu cepat. Periksa lagi, lalu kirim."))
        return data


class PengaduanPublikForm(PenjagaPublikForm, _PengaduanDasarForm):
    """The public form (no account)."""

    desa = forms.CharField(
        label=_("Desa / kelurahan"),
        max_length=200,
        help_text=_("Ketik nama desa (minimal 3 huruf) atau kodenya, lalu tekan “Cari desa”."),
        error_messages={"required": _("Pilih desa atau kelurahan tempat masalah terjadi.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "search"}),
    )

    field_order = [
        "jenis",
        "kategori",
        "desa",
        "judul",
        "isi",
        "lampiran",
        "pelapor_nama",
        "pelapor_telepon",
        "pelapor_email",
        "anonim",
        "rahasia",
        "jawaban",
        "situs_web",
        "tantangan",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.opsi_desa: list[Wilayah] = []

    @classmethod
    def cari_desa(cls, data):
        """The no-JavaScript desa search ("Cari desa" button): an unbound form holding what was
        typed (no error shown yet) with the matching desa as ``opsi_desa``."""
        initial = {k: data.get(k) for k in cls.base_fields if k not in ("lampiran", "situs_web")}
        initial["anonim"] = bool(data.get("anonim"))
        initial["rahasia"] = bool(data.get("rahasia"))
        form = cls(initial=initial)
        form.opsi_desa = selectors.desa_publik_cari(q=data.get("desa", ""))
        return form

    def clean_desa(self):
        teks = self.cleaned_data["desa"].strip()
        m = KODE_DI_AKHIR.search(teks)
        kode = m.group(1) if m else teks
        if re.fullmatch(r"\d{2}\.\d{2}\.\d{2}\.\d{4}", kode):
            w = Wilayah.objects.filter(kode=kode, tingkat=Tingkat.DESA).first()
            if w is None:
                raise ValidationError(_("Desa dengan kode %(k)s tidak ditemukan.") % {"k": kode})
            return w
        if re.fullmatch(r"[\d.]+", teks):
            raise ValidationError(
                _("Kode desa %(k)s tidak ditemukan. Contoh kode: 33.01.01.2001.") % {"k": teks}
            )
        opsi = selectors.desa_publik_cari(q=teks)
        persis = [w for w in opsi if w.nama.lower() == teks.lower()]
        if len(persis) == 1:
            return persis[0]
        self.opsi_desa = opsi
        if not opsi:
            raise ValidationError(
                _("Desa “%(n)s” tidak ditemukan. Periksa ejaannya.") % {"n": teks}
            )
        raise ValidationError(_("Pilih desa yang dimaksud dari daftar di bawah."))


class TanggapanPelaporForm(PenjagaPublikForm):
    """The reporter answers a settled or referred complaint from the status page (no account)."""

    kode = forms.CharField(widget=forms.HiddenInput, max_length=20)
    isi = forms.CharField(
        label=_("Tanggapan Anda"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=3000,
        error_messages={"required": _("Tuliskan tanggapan Anda.")},
        help_text=_("Misalnya: kesepakatan belum dijalankan, atau masalah sudah beres."),
    )

    field_order = ["kode", "isi", "jawaban", "situs_web", "tantangan"]


class PengaduanInternalForm(_PengaduanDasarForm):
    """A facilitator records a complaint received in person, by WhatsApp, SMS, letter or phone."""

    saluran = forms.ChoiceField(
        label=_("Diterima melalui"),
        choices=[c for c in Saluran.choices if c[0] != Saluran.WEB],
        initial=Saluran.LANGSUNG,
    )
    desa = WilayahField(label=_("Desa / kelurahan"), tingkat=Tingkat.DESA)
    diterima_tanggal = forms.DateField(
        label=_("Tanggal diterima"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        help_text=_("Tenggat dihitung dari tanggal ini."),
    )

    field_order = ["saluran", "diterima_tanggal", "jenis", "kategori", "desa", "judul", "isi"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["desa"].set_queryset(Wilayah.objects.visible_to(user).desa())
        self.fields["diterima_tanggal"].initial = timezone.localdate()

    def clean_diterima_tanggal(self):
        t = self.cleaned_data["diterima_tanggal"]
        if t > timezone.localdate():
            raise ValidationError(_("Tanggal diterima tidak boleh di masa depan."))
        return t


class VerifikasiForm(forms.Form):
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
    teradu = forms.ModelChoiceField(
        label=_("Pendamping yang diadukan (kategori pendampingan)"),
        queryset=Pendamping.objects.none(),
        required=False,
    )

    def __init__(self, *args, pengaduan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kategori"].initial = pengaduan.kategori_id
        self.fields["teradu"].queryset = services.teradu_pilihan(pengaduan)


class TugaskanForm(forms.Form):
    penangan = forms.ModelChoiceField(
        label=_("Penangan"),
        queryset=Pendamping.objects.none(),
        empty_label=_("— pilih pendamping —"),
        error_messages={"required": _("Pilih pendamping yang menangani.")},
    )
    catatan = forms.CharField(label=_("Catatan untuk penangan"), required=False, max_length=500)

    def __init__(self, *args, pengaduan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["penangan"].queryset = services.penangan_pilihan(pengaduan)


class MusyawarahForm(forms.Form):
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


class BalasForm(forms.Form):
    isi = forms.CharField(
        label=_("Balasan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tuliskan balasannya.")},
    )
    publik = forms.BooleanField(
        label=_("Kirim ke pelapor (tampil di halaman status)"), required=False, initial=True
    )


class RujukForm(forms.Form):
    instansi = forms.CharField(
        label=_("Dirujuk ke instansi"),
        max_length=200,
        error_messages={"required": _("Sebutkan instansi tujuan rujukan.")},
    )
    catatan = forms.CharField(label=_("Catatan"), required=False, max_length=1000)


class TutupForm(forms.Form):
    catatan = forms.CharField(label=_("Catatan penutupan"), required=False, max_length=1000)


class BukaKembaliForm(forms.Form):
    alasan = forms.CharField(
        label=_("Alasan membuka kembali"),
        max_length=1000,
        error_messages={"required": _("Tuliskan alasan membuka kembali.")},
    )


class StatusCariForm(forms.Form):
    kode = forms.CharField(
        label=_("Kode pelacakan"),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocapitalize": "characters",
                "autocomplete": "off",
                "placeholder": "PD-XXXX-XXXX",
            }
        ),
    )


class _PengaduanPilihan(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.kode} · {obj.judul[:60]} ({obj.wilayah.nama})"


class EkstensiPengaduanForm(forms.Form):
    """Inside the daily-log entry form: the complaint this activity served (among the open ones the
    user handles)."""

    pengaduan = _PengaduanPilihan(
        label=_("Pengaduan yang ditangani"),
        queryset=Pengaduan.objects.none(),
        required=False,
        empty_label=_("— tidak terkait pengaduan —"),
    )

    def __init__(self, *args, user, kegiatan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pengaduan"].queryset = selectors.pengaduan_untuk_kegiatan(user=user)
        if kegiatan is not None and kegiatan.pk and not self.is_bound:
            tautan = kegiatan.pengaduan_terkait.first()
            if tautan is not None:
                self.initial["pengaduan"] = tautan.pengaduan_id
