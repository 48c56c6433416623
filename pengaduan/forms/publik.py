"""The public forms (no account): the complaint form, the reporter's answer, the status search.
The public forms carry their own protections: a honeypot field, a signed arithmetic question with
a minimum fill time (no outside service) that is good for one send only (its nonce is used up by
the service that stores the complaint or the answer), and a desa field that
accepts a code, "Nama (kode)" or a unique name — with a list of matches to choose from when the name
is ambiguous, so it works without JavaScript."""

from __future__ import annotations

import random
import re
import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pendampingan.inti import masukan
from pendampingan.inti.sekali import KunciSekaliForm
from pendampingan.models import Tingkat, Wilayah

from .. import selectors
from .penerimaan import PengaduanDasarForm

GARAM_TANTANGAN = "pengaduan.tantangan"


def _tantangan_baru() -> tuple[str, str]:
    a, b = random.randint(2, 9), random.randint(2, 9)
    isi = {"a": a, "b": b, "t": int(time.time()), "n": secrets.token_urlsafe(12)}
    token = signing.dumps(isi, salt=GARAM_TANTANGAN)
    return token, _("Berapa %(a)d ditambah %(b)d?") % {"a": a, "b": b}


def _baca_tantangan(token: str) -> dict | None:
    """The question in ``token`` while it is fresh and signed (and carries its nonce), else None."""
    try:
        isi = signing.loads(
            token, salt=GARAM_TANTANGAN, max_age=settings.PENGADUAN_TANTANGAN_MAKS_DETIK
        )
    except signing.BadSignature:
        return None
    if not isinstance(isi, dict) or not isinstance(isi.get("n"), str):
        return None  # a token from before the nonce: ask a new question
    return isi


KODE_DI_AKHIR = re.compile(r"\((\d{2}\.\d{2}\.\d{2}\.\d{4})\)\s*$")


class PenjagaPublikForm(masukan.Form):
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
        else:
            self.nonce_tantangan = isi["n"]
        return data

    # set by a valid clean(); the service uses it up — after its one-time key check, so a double
    # click still answers the first record, and a used question is refused on ``jawaban`` there
    nonce_tantangan = None


class PengaduanPublikForm(PenjagaPublikForm, PengaduanDasarForm):
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
        "teradu_peran",
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

    def argumen_terima(self) -> dict:
        """The valid form as ``services.pengaduan_terima``'s arguments (the page and the API)."""
        d = self.cleaned_data
        nama = (
            "jenis",
            "kategori",
            "teradu_peran",
            "judul",
            "isi",
            "pelapor_nama",
            "pelapor_telepon",
            "pelapor_email",
            "anonim",
            "rahasia",
            "lampiran",
            "kunci_sekali",
        )
        return {
            "wilayah": d["desa"],
            "tantangan": self.nonce_tantangan,
            **{k: d[k] for k in nama},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.opsi_desa: list[Wilayah] = []
        self.pesan_batas = ""  # the rate limit's message on an unbound form (shown on top)

    @classmethod
    def cari_desa(cls, data, *, cari: bool = True):
        """The no-JavaScript desa search ("Cari desa" button): an unbound form holding what was
        typed (no error shown yet) with the matching desa as ``opsi_desa`` (none with
        ``cari=False``: the search was refused by the rate limit)."""
        initial = {
            k: data.get(k)
            for k in cls.base_fields
            if k not in ("lampiran", "situs_web") and data.get(k) is not None
        }
        initial["anonim"] = bool(data.get("anonim"))
        initial["rahasia"] = bool(data.get("rahasia"))
        form = cls(initial=initial)
        if cari:
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


class TanggapanPelaporForm(KunciSekaliForm, PenjagaPublikForm):
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


class StatusCariForm(masukan.Form):
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
