"""The shared input checks (pendampingan/inti/masukan.py): the validators, the field bounds a form
gets, the query-string helpers and the middleware — and that every form of the project has them."""

from __future__ import annotations

import datetime
import decimal
import importlib
import pkgutil

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.test import Client, RequestFactory

from pendampingan.inti import masukan

pytestmark = pytest.mark.django_db


# ---------------------------------------------------------------- validators


@pytest.mark.parametrize("teks", ["a\x00b", "\x01", "\x1b[31m", "x\x7f"])
def test_kendali_ditolak(teks):
    with pytest.raises(ValidationError):
        masukan.TanpaKendaliValidator()(teks)


@pytest.mark.parametrize("teks", ["", "baris\nbaris", "tab\tdan\r\n", "漢字😀 ü"])
def test_teks_biasa_diterima(teks):
    masukan.TanpaKendaliValidator()(teks)


@pytest.mark.parametrize(
    "nilai", [datetime.date(1999, 12, 31), datetime.date(2101, 1, 1), datetime.datetime(1, 1, 1)]
)
def test_tanggal_di_luar_rentang(nilai):
    with pytest.raises(ValidationError):
        masukan.RentangTanggalValidator()(nilai)


@pytest.mark.parametrize("nilai", [datetime.date(2000, 1, 1), datetime.date(2100, 12, 31), "teks"])
def test_tanggal_di_dalam_rentang(nilai):
    masukan.RentangTanggalValidator()(nilai)


@pytest.mark.parametrize("nilai", ["1e18", "-1e18", "Infinity", "123456789012345678901"])
def test_desimal_terlalu_besar(nilai):
    with pytest.raises(ValidationError):
        masukan.DigitDesimalValidator()(decimal.Decimal(nilai))


def test_desimal_biasa():
    masukan.DigitDesimalValidator()(decimal.Decimal("999999999999999999.5") / 10)


# ---------------------------------------------------------------- the form mixin


class _Polos(masukan.Form):
    jumlah = forms.IntegerField(required=False)
    positif = forms.IntegerField(min_value=0, required=False)
    besar = forms.IntegerField(max_value=2**70, required=False)
    teks = forms.CharField(required=False)
    pendek = forms.CharField(required=False)
    tanggal = forms.DateField(required=False)
    lama = forms.DateField(required=False)
    waktu = forms.DateTimeField(required=False)
    angka = forms.DecimalField(required=False)
    pecahan = forms.FloatField(required=False)
    tanggal_lama = ("lama",)

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.fields["pendek"].max_length = 5  # set after construction, as Django's login form does


def _salah(**data):
    f = _Polos(data)
    f.is_valid()
    return set(f.errors)


@pytest.mark.parametrize(
    "data",
    [
        {"jumlah": str(2**31)},
        {"jumlah": str(-(2**31) - 1)},
        {"positif": str(2**31)},
        {"besar": str(2**63)},
        {"teks": "x" * (masukan.TEKS_MAKS + 1)},
        {"teks": "bel\x07"},
        {"pendek": "enam!!"},
        {"tanggal": "1900-01-01"},
        {"tanggal": "9999-12-31"},
        {"lama": "1899-12-31"},
        {"waktu": "0001-01-01T00:00"},
        {"angka": "1e30"},
        {"pecahan": "1e300"},
    ],
)
def test_batas_menolak(data):
    assert _salah(**data) == set(data)


def test_batas_menerima():
    assert not _salah(
        jumlah=str(2**31 - 1),
        positif="0",
        besar=str(2**62),
        teks="x" * masukan.TEKS_MAKS,
        pendek="lima!",
        tanggal="2026-12-07",
        lama="1985-03-01",
        waktu="2026-12-07T10:00",
        angka="12.5",
        pecahan="-6.2",
    )


def test_model_form_memakai_rentang_kolom():
    """A ModelForm's integer gets its column's range as PostgreSQL stores it, also on SQLite."""
    from bencana.models import PenilaianDampak

    kolom = PenilaianDampak._meta.get_field("meninggal").get_internal_type()
    rendah, tinggi = masukan.RENTANG_KOLOM[kolom]
    field = forms.IntegerField()
    masukan.kencangkan(field, kolom=kolom)
    with pytest.raises(ValidationError):
        field.clean(str(tinggi + 1))
    assert field.clean(str(tinggi)) == tinggi
    kecil = forms.IntegerField()
    masukan.kencangkan(kecil, kolom="PositiveSmallIntegerField")
    with pytest.raises(ValidationError):
        kecil.clean("32768")
    with pytest.raises(ValidationError):
        kecil.clean("-1")


def test_field_yang_ditambah_di_init_ikut():
    class Dinamis(masukan.Form):
        def __init__(self, *a, **kw):
            super().__init__(*a, **kw)
            self.fields["n"] = forms.IntegerField()

    f = Dinamis({"n": str(2**40)})
    assert "n" in f.errors


# ---------------------------------------------------------------- query-string helpers


class _FormPilihan(masukan.Form):
    satu = forms.ModelChoiceField(queryset=None, required=False)
    banyak = forms.ModelMultipleChoiceField(queryset=None, required=False)

    def __init__(self, *a, **kw):
        from pendampingan.models import TujuanSdgs

        super().__init__(*a, **kw)
        for f in self.fields.values():
            f.queryset = TujuanSdgs.objects.all()


@pytest.mark.parametrize(
    "nilai", [str(10**30), str(-(10**30)), str(2**63), " 99999999999999999999 "]
)
def test_pilihan_model_di_luar_rentang_kolom_ditolak_dengan_pesan(nilai):
    """A choice id beyond its column's range is the field's own error, never an OverflowError
    (SQLite) or a database error (schemathesis sent one to ``sdgs``)."""
    f = _FormPilihan({"satu": nilai, "banyak": ["1", nilai]})
    assert not f.is_valid()
    assert set(f.errors) == {"satu", "banyak"}


def test_pilihan_model_yang_ada_diterima():
    from pendampingan.models import TujuanSdgs

    pk = TujuanSdgs.objects.order_by("pk").values_list("pk", flat=True).first()
    f = _FormPilihan({"satu": str(pk), "banyak": [str(pk)]})
    assert f.is_valid(), f.errors
    assert f.cleaned_data["satu"].pk == pk and [t.pk for t in f.cleaned_data["banyak"]] == [pk]
    f = _FormPilihan({"satu": "bukan", "banyak": ["x"]})
    assert not f.is_valid() and set(f.errors) == {"satu", "banyak"}


def test_teks_get_dan_angka_get():
    g = {"q": "  banjir ", "panjang": "x" * 201, "n": str(2**40), "m": "7", "s": "a\x01"}
    assert masukan.teks_get(g, "q") == "banjir"
    assert masukan.teks_get(g, "panjang", default="-") == "-"
    assert masukan.teks_get(g, "s") == ""
    assert masukan.angka_get(g, "n") is None
    assert masukan.angka_get(g, "m") == 7
    assert masukan.angka_get(g, "q") is None


def test_filter_form_membuang_nilai_salah():
    class Saring(masukan.FilterForm):
        q = forms.CharField(required=False, max_length=10)
        tahun = forms.IntegerField(required=False, min_value=2000, max_value=2100)

    assert Saring({"q": "banjir", "tahun": "99999"}).bersih() == {"q": "banjir"}
    assert Saring().bersih() == {}


# ---------------------------------------------------------------- the middleware


def _jawab(path, metode="get", data=None):
    return getattr(Client(), metode)(path, data or {})


@pytest.mark.parametrize(
    "path", ["/akun/login/?next=%00", "/akun/login/?a%01=1", "/akun/login/%00", "/?x=%1b"]
)
def test_middleware_kendali_di_get_400(path):
    assert _jawab(path).status_code == 400


def test_middleware_nul_di_post_400():
    assert _jawab("/akun/login/", "post", {"username": "a\x00", "password": "b"}).status_code == 400
    assert _jawab("/akun/login/", "post", {"user\x00": "a"}).status_code == 400


def test_middleware_kendali_lain_di_post_jadi_galat_field():
    """Only NUL is refused before the view; another control character is the field's error."""
    resp = _jawab("/akun/login/", "post", {"username": "a\x07", "password": "b"})
    assert resp.status_code == 200
    assert "username" in resp.context["form"].errors


def test_middleware_memeriksa_post_saat_dibaca():
    """The body is checked when it is parsed, so a view may install upload handlers first."""
    rf = RequestFactory()
    req = rf.post("/x/", {"a": "b\x00"})
    mw = masukan.MasukanMiddleware(lambda r: r)
    hasil = mw(req)
    assert not hasattr(hasil, "_post")  # not parsed by the middleware itself
    from django.core.exceptions import BadRequest

    with pytest.raises(BadRequest):
        hasil.POST  # noqa: B018


# ---------------------------------------------------------------- every form of the project


def _semua_form():
    for paket in ("pendampingan", "fasilitasi", "pengaduan", "bencana"):
        akar = importlib.import_module(paket)
        for m in pkgutil.walk_packages(akar.__path__, f"{paket}."):
            if ".migrations" in m.name or ".management" in m.name:
                continue
            importlib.import_module(m.name)

    def turunan(c):
        for s in c.__subclasses__():
            yield s
            yield from turunan(s)

    for c in set(turunan(forms.BaseForm)):
        if c.__module__.split(".")[0] in ("pendampingan", "fasilitasi", "pengaduan", "bencana"):
            yield c


def test_setiap_form_proyek_memakai_masukan_aman():
    semua = list(_semua_form())
    assert len(semua) > 50
    tanpa = sorted(
        f"{c.__module__}.{c.__qualname__}" for c in semua if not issubclass(c, masukan.MasukanAman)
    )
    assert not tanpa, f"Form tanpa masukan.MasukanAman (pakai masukan.Form/ModelForm): {tanpa}"
