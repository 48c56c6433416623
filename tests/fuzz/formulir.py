"""The form layer of the fuzz suite: every form class and every FilterSet of the project apps, found
by walking their modules (a new form is fuzzed without anyone listing it), built with the keyword
arguments its ``__init__`` asks for (from the fuzz world), and the hypothesis data to bind it with.

``BAHAN`` builds a keyword argument by its name; a form asking for one that is not there fails
``test_formulir`` unless ``LEWATI`` names it with a reason.
"""

from __future__ import annotations

import datetime
import functools
import importlib
import inspect
import pkgutil
import uuid
from dataclasses import dataclass, field

import django_filters
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict
from django.test import RequestFactory
from hypothesis import strategies as st

from .nilai import nilai_jahat

APLIKASI = ("pendampingan", "fasilitasi", "pengaduan", "bencana")

# form classes the harness does not fuzz, each with the reason
LEWATI: dict[str, str] = {
    "pendampingan.inti.masukan.Form": "the plain base, no field of its own",
    "pendampingan.inti.masukan.ModelForm": "the model form base, no model",
    "pendampingan.inti.masukan.FilterForm": "the filter form base, no field of its own",
}


def _impor_semua() -> None:
    for paket in APLIKASI:
        akar = importlib.import_module(paket)
        for m in pkgutil.walk_packages(akar.__path__, f"{paket}."):
            if ".migrations" in m.name or ".management" in m.name:
                continue
            importlib.import_module(m.name)


def _turunan(c):
    for s in c.__subclasses__():
        yield s
        yield from _turunan(s)


def nama_kelas(c) -> str:
    return f"{c.__module__}.{c.__qualname__}"


def _milik_proyek(c) -> bool:
    return c.__module__.split(".")[0] in APLIKASI and "<locals>" not in c.__qualname__


def semua_form() -> list[type]:
    _impor_semua()
    kelas = {c for c in _turunan(forms.BaseForm) if _milik_proyek(c)}
    return sorted(kelas, key=nama_kelas)


def semua_filterset() -> list[type]:
    _impor_semua()
    kelas = {c for c in _turunan(django_filters.FilterSet) if _milik_proyek(c)}
    return sorted(kelas, key=nama_kelas)


# ------------------------------------------------------------------ keyword arguments from the world


def _kegiatan(d):
    from tests.scope.cases_kegiatan import _kegiatan as buat

    return buat(d, d.desa_a)


def _kejadian(d):
    from tests.scope.cases_bencana import _kejadian as buat

    return buat(d, d.desa_a)


def _kasus(d):
    from tests.scope.cases_fasilitasi import _kasus as buat

    return buat(d, d.desa_a)


def _forum(d):
    from tests.scope.cases_forum import _forum as buat

    return buat(d, d.desa_a)


def _sarana(d):
    from tests.forum.factories import sarana_di

    return sarana_di(d.desa_a, nama="Balai fuzz")


def _pengaduan(d):
    from tests.scope.cases_pengaduan import _aduan

    return _aduan(d, d.desa_a)


def _narasi(d):
    from pendampingan.bulanan.models import NarasiLaporan
    from tests.bulanan.factories import laporan

    lap = laporan(d.pld_a, d.desa_a)
    for i, kunci in enumerate(("asistensi", d.desa_a.kode)):
        NarasiLaporan.objects.create(
            laporan=lap, jenis="tata_cara" if i == 0 else "desa", kunci=kunci, judul=kunci
        )
    return lap.narasi.all()


def _wilayah_qs(d):
    from pendampingan.models import Wilayah

    return Wilayah.objects.filter(kode__startswith=d.kab_a.kode)


def _desa_qs(d):
    from pendampingan.models import Wilayah

    return Wilayah.objects.filter(kode__in=[d.desa_a.kode, d.desa_a2.kode])


def _permintaan(d, user):
    r = RequestFactory().post("/akun/login/")
    r.user = user
    return r


# name of the keyword → builder(dunia, user); built once per target and reused by its examples
BAHAN = {
    "user": lambda d, u: u,
    "request": _permintaan,
    "kegiatan": lambda d, u: _kegiatan(d),
    "kejadian": lambda d, u: _kejadian(d),
    "kasus": lambda d, u: _kasus(d),
    "forum": lambda d, u: _forum(d),
    "sarana": lambda d, u: _sarana(d),
    "pengaduan": lambda d, u: _pengaduan(d),
    "narasi": lambda d, u: _narasi(d),
    "wilayah_qs": lambda d, u: _wilayah_qs(d),
    "desa_qs": lambda d, u: _desa_qs(d),
    "pilihan_wilayah": lambda d, u: [(d.desa_a.kode, d.desa_a.nama)],
    "tahun": lambda d, u: datetime.date.today().year,
    "tata_cara_awal": lambda d, u: "asistensi",
    "jam_awal": lambda d, u: None,
}
# the keywords every form base takes (data, files, prefix, …): not the harness's to supply
_BAWAAN = set(inspect.signature(forms.BaseForm.__init__).parameters) | {
    "self",
    "instance",
    "args",
    "kwargs",
}


def kata_kunci(kelas) -> tuple[list[str], list[str]]:
    """(the keywords ``kelas`` requires, the optional ones the harness can give): those of its
    ``__init__`` and, where that passes ``**kwargs`` on, of its parents' (up to Django's)."""
    wajib, pilihan = [], []
    for c in kelas.__mro__:
        if c.__module__.startswith("django.") or "__init__" not in vars(c):
            continue
        terus = False
        for p in inspect.signature(c.__init__).parameters.values():
            if p.kind == p.VAR_KEYWORD:
                terus = True
            if p.name in _BAWAAN or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
                continue
            if p.name in wajib or p.name in pilihan:
                continue
            # a view always gives the request (a login form without one cannot authenticate)
            if p.default is p.empty or p.name == "request":
                wajib.append(p.name)
            elif p.name in BAHAN:
                pilihan.append(p.name)
        if not terus:
            break
    semua = inspect.signature(kelas.__init__).parameters
    if "request" in semua and "request" not in wajib:  # Django's login form (its own __init__)
        wajib.append("request")
    return wajib, pilihan


@dataclass
class Varian:
    """One way of building the form: its keywords, and the shape of its fields then."""

    kwargs: dict
    isian: dict[str, forms.Field] = field(default_factory=dict)
    pilihan: dict[str, list[str]] = field(default_factory=dict)
    prefix: str | None = None
    strategi: st.SearchStrategy | None = None


def _nilai_pilihan(f: forms.Field) -> list[str]:
    if not hasattr(f, "choices"):
        return []
    hasil = []
    for nilai, label in list(f.choices)[:30]:
        if isinstance(label, list | tuple):  # an option group
            hasil += [str(getattr(v, "value", v)) for v, _l in label]
        else:
            hasil.append(str(getattr(nilai, "value", nilai)))
    return [v for v in hasil if v != ""] or [""]


def varian(kelas, d, pengguna: list) -> list[Varian]:
    """The ways of building ``kelas`` in the world ``d``: with each user, and with or without the
    optional keywords (an edit form with its record, a create form without). Raises ``KeyError``
    with the keyword the harness cannot build."""
    wajib, opsional = kata_kunci(kelas)
    for nama in wajib:
        if nama not in BAHAN:
            raise KeyError(nama)
    hasil = []
    cache: dict[str, object] = {}

    def bahan(nama, u):
        kunci = f"{nama}:{u.pk}" if nama in ("user", "request") else nama
        if kunci not in cache:
            cache[kunci] = BAHAN[nama](d, u)
        return cache[kunci]

    pakai_user = "user" in wajib or "request" in wajib
    for u in pengguna if pakai_user else pengguna[:1]:
        for dengan in ((), tuple(opsional)) if opsional else ((),):
            kw = {n: bahan(n, u) for n in (*wajib, *dengan)}
            contoh = kelas(**kw)
            v = Varian(kw, dict(contoh.fields), prefix=contoh.prefix)
            v.pilihan = {n: _nilai_pilihan(f) for n, f in contoh.fields.items()}
            hasil.append(v)
    return hasil


# ------------------------------------------------------------------ the data


@functools.cache
def _berkas():
    from tests.kegiatan.factories import jpeg, pdf_bytes

    isi = st.one_of(
        st.sampled_from([b"", jpeg(), pdf_bytes(), b"\x89PNG\r\n\x1a\n" + b"\x00" * 40]),
        st.binary(max_size=300),
        st.sampled_from([b"%PDF-1.4\n" + b"A" * 2000, b"GIF89a" + b"\xff" * 64]),
    )
    nama = st.sampled_from(
        ["foto.jpg", "dok.pdf", "a.exe", "../../x.jpg", "\u202egnp.exe", "x" * 300, "t.csv"]
    )
    return st.builds(lambda n, b: SimpleUploadedFile(n, b), nama, isi)


_teks_baik = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)
_tanggal_baik = st.dates(datetime.date(1990, 1, 1), datetime.date(2110, 12, 31))
_waktu_baik = st.times().map(lambda t: t.strftime("%H:%M"))
# what a JSON body of the wrong type becomes on its way to a form: the API binds forms with text
# (a number or boolean as its text, null as empty; see the API's ``data_form`` helpers)
_salah_jenis = st.one_of(
    st.sampled_from(["", "on", "True", "False", "None", "null", "[]", "{}", '{"a": 1}', "[1, 2]"]),
    st.integers(-(2**70), 2**70).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)


def _untuk_isian(f: forms.Field, pilihan: list[str]):
    """Plausible values for one field: what it offers, in-range numbers and dates — the way past
    its first check, where the interesting failures are."""
    if isinstance(f, forms.BooleanField | forms.NullBooleanField):
        return st.sampled_from(["on", "true", "false", "1", "0", ""])
    if pilihan != [""] and hasattr(f, "choices"):
        return st.sampled_from(pilihan)
    if isinstance(f, forms.IntegerField):  # also DecimalField, FloatField
        rendah = f.min_value if f.min_value is not None else -(2**63)
        tinggi = f.max_value if f.max_value is not None else 2**63
        return st.one_of(
            st.integers(-5, 500).map(str),
            st.integers(int(rendah) - 2, int(tinggi) + 2).map(str),
            st.decimals(allow_nan=False, places=3).map(str),
        )
    if isinstance(f, forms.DateTimeField):
        return st.builds(lambda a, b: f"{a.isoformat()} {b}", _tanggal_baik, _waktu_baik)
    if isinstance(f, forms.DateField):
        return _tanggal_baik.map(lambda t: t.isoformat())
    if isinstance(f, forms.TimeField):
        return _waktu_baik
    if isinstance(f, forms.UUIDField):
        return st.uuids().map(str)
    if isinstance(f, forms.EmailField):
        return st.emails()
    if isinstance(f, forms.CharField):
        batas = f.max_length or 1000
        return st.one_of(
            _teks_baik, st.integers(batas - 2, batas + 2).map(lambda n: "y" * max(n, 0))
        )
    return _teks_baik


def _nilai_isian(f: forms.Field, pilihan: list[str], json: bool):
    satu = st.one_of(_untuk_isian(f, pilihan), _untuk_isian(f, pilihan), nilai_jahat())
    if json:
        satu = st.one_of(satu, _salah_jenis)
    if isinstance(f, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        return st.lists(satu, max_size=4)
    return satu if json else st.one_of(satu, st.lists(satu, min_size=2, max_size=3))


def _ke_querydict(data: dict) -> QueryDict:
    qd = QueryDict(mutable=True)
    for k, nilai in data.items():
        qd.setlist(k, [str(x) for x in nilai] if isinstance(nilai, list) else [nilai])
    return qd


def _isian_opsional(v: Varian, json: bool) -> dict:
    hasil = {}
    for nama, f in v.isian.items():
        kunci = f"{v.prefix}-{nama}" if v.prefix else nama
        if isinstance(f, forms.FileField):
            continue
        if isinstance(f.widget, forms.MultiWidget):
            for akhiran in f.widget.widgets_names:
                hasil[kunci + akhiran] = nilai_jahat() | _untuk_isian(f, [])
            continue
        hasil[kunci] = _nilai_isian(f, v.pilihan.get(nama, []), json)
    for lain in ("id", "pk", "dari", "csrfmiddlewaretoken"):
        hasil.setdefault(lain, nilai_jahat())
    return hasil


def data_form(v: Varian):
    """(data, files) for a form of variant ``v``: each field given a plausible or a hostile value,
    or missing, or of the wrong type (a JSON value as the API passes it on: its text); files where
    there are file fields; a few names the form does not have. Half of the time a plain dict (the
    API's JSON body), else a ``QueryDict`` (a browser's form, where any field may come twice).
    Built once per variant (hypothesis draws from one strategy much faster than from new ones)."""
    if v.strategi is None:
        berkas = {
            (f"{v.prefix}-{n}" if v.prefix else n): _berkas()
            for n, f in v.isian.items()
            if isinstance(f, forms.FileField)
        }
        data = st.one_of(
            st.fixed_dictionaries({}, optional=_isian_opsional(v, json=True)),
            st.fixed_dictionaries({}, optional=_isian_opsional(v, json=False)).map(_ke_querydict),
        )
        v.strategi = st.tuples(data, st.fixed_dictionaries({}, optional=berkas))
    return v.strategi


def kunci_uuid() -> str:
    return str(uuid.uuid4())
