"""Input hardening: nothing a visitor sends reaches the database unchecked.

Two layers, both used everywhere:

* ``MasukanMiddleware`` — before any view: a NUL byte or another control character in the path,
  in a query-string key or value, or a NUL in a POST key, value or upload name is answered with
  the 400 page (``BadRequest``, rendered by the project's 400 handler). PostgreSQL refuses NUL in
  text outright, and no browser sends one from a form a person filled in. POST bodies are checked
  when a view (or the CSRF check) first reads ``request.POST``, so a view may still install its own
  upload handlers before the body is parsed.
* ``MasukanAman`` — a form mixin (every form of the project inherits it through ``Form`` /
  ``ModelForm`` below, or through ``KunciSekaliForm``; ``tests/masukan/test_setiap_form.py`` fails
  on a form that does not). Before the form validates, each field gets the bounds of what can be
  stored, so the user sees the message at the field they typed in:

  - integers: the column's range (a ``ModelForm`` field: its model field's range *as PostgreSQL
    stores it*, so SQLite answers the same); a plain form's integer without a declared bound: the
    range of a 32-bit ``integer`` column;
  - decimals: at most ``DESIMAL_DIGIT`` digits where the field declares none;
  - dates (and datetimes): between ``TANGGAL_MIN`` and ``TANGGAL_MAKS`` — a form names the fields
    that may hold older dates (a forum founded in 1985) in ``tanggal_lama``;
  - text: a maximum length on every text field (``TEKS_MAKS`` where none is declared; a declared
    ``max_length`` set after construction, as Django's login form does, is enforced too), and no
    control characters but tab and newlines.

List filters read from the query string go through a form too (``FilterForm``, or a helper below
for a single value) so that a bad value is dropped with a message instead of reaching a query.
"""

from __future__ import annotations

import datetime
import decimal
import re

from django import forms
from django.core import validators
from django.core.exceptions import BadRequest, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# ------------------------------------------------------------------------------ the bounds

INT_MIN, INT_MAKS = -(2**31), 2**31 - 1
BIGINT_MIN, BIGINT_MAKS = -(2**63), 2**63 - 1
SMALLINT_MIN, SMALLINT_MAKS = -(2**15), 2**15 - 1

# the range of each integer column as PostgreSQL stores it (SQLite would take 64 bits for any)
RENTANG_KOLOM = {
    "SmallIntegerField": (SMALLINT_MIN, SMALLINT_MAKS),
    "PositiveSmallIntegerField": (0, SMALLINT_MAKS),
    "IntegerField": (INT_MIN, INT_MAKS),
    "PositiveIntegerField": (0, INT_MAKS),
    "AutoField": (1, INT_MAKS),
    "BigIntegerField": (BIGINT_MIN, BIGINT_MAKS),
    "PositiveBigIntegerField": (0, BIGINT_MAKS),
    "BigAutoField": (1, BIGINT_MAKS),
    "SmallAutoField": (1, SMALLINT_MAKS),
}

TANGGAL_MIN = datetime.date(2000, 1, 1)
TANGGAL_LAMA_MIN = datetime.date(1900, 1, 1)
TANGGAL_MAKS = datetime.date(2100, 12, 31)
TEKS_MAKS = 10_000
DESIMAL_DIGIT = 18

# C0 control characters other than tab, newline and carriage return
_KENDALI = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NUL = "\x00"


def ada_kendali(teks: str) -> bool:
    """Whether ``teks`` holds a control character (NUL included) other than tab and newlines."""
    return bool(_KENDALI.search(teks))


# ------------------------------------------------------------------------------ validators


class TanpaKendaliValidator:
    """Refuses text with a NUL byte or another control character (tab and newlines are fine)."""

    message = _("Teks memuat karakter kendali yang tidak diizinkan.")
    code = "karakter_kendali"

    def __call__(self, value):
        if isinstance(value, str) and ada_kendali(value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return isinstance(other, TanpaKendaliValidator)


class RentangTanggalValidator:
    """A date (or the date of a datetime) between ``minimum`` and ``maksimum``."""

    def __init__(
        self, minimum: datetime.date = TANGGAL_MIN, maksimum: datetime.date = TANGGAL_MAKS
    ):
        self.minimum, self.maksimum = minimum, maksimum

    def __call__(self, value):
        if not isinstance(value, datetime.date):
            return  # also given to text fields, which may parse to a date (a month field)
        tanggal = value.date() if isinstance(value, datetime.datetime) else value
        if not (self.minimum <= tanggal <= self.maksimum):
            raise ValidationError(
                _("Tanggal harus antara %(min)s dan %(maks)s."),
                code="tanggal_di_luar_rentang",
                params={
                    "min": self.minimum.strftime("%d-%m-%Y"),
                    "maks": self.maksimum.strftime("%d-%m-%Y"),
                },
            )

    def __eq__(self, other):
        return isinstance(other, RentangTanggalValidator) and (self.minimum, self.maksimum) == (
            other.minimum,
            other.maksimum,
        )


class DigitDesimalValidator:
    """A decimal below 10^``digit`` in magnitude (for a field that declares no ``max_digits``)."""

    def __init__(self, digit: int = DESIMAL_DIGIT):
        self.digit = digit

    def __call__(self, value):
        if value is None:
            return
        if not value.is_finite() or abs(value) >= decimal.Decimal(10) ** self.digit:
            raise ValidationError(
                _("Angka paling banyak %(n)s digit."),
                code="digit_terlalu_banyak",
                params={"n": self.digit},
            )


# ------------------------------------------------------------------------------ hardening a field


def _batas_integer(field: forms.IntegerField, kolom: str | None) -> None:
    """The column's range; with no column behind the field, a declared bound (up to 64 bits) or
    else the range of a 32-bit ``integer``."""
    if kolom in RENTANG_KOLOM:
        rendah, tinggi = RENTANG_KOLOM[kolom]
    else:
        rendah = BIGINT_MIN if field.min_value is not None else INT_MIN
        tinggi = BIGINT_MAKS if field.max_value is not None else INT_MAKS
    if field.min_value is None or field.min_value < rendah:
        field.min_value = rendah
        field.validators.append(validators.MinValueValidator(rendah))
    if field.max_value is None or field.max_value > tinggi:
        field.max_value = tinggi
        field.validators.append(validators.MaxValueValidator(tinggi))


class PanjangTeksValidator(validators.MaxLengthValidator):
    """``MaxLengthValidator`` for text only (a text field may clean to a date or a number, which
    its own parse bounds)."""

    def __call__(self, value):
        if isinstance(value, str):
            super().__call__(value)


def _batas_teks(field: forms.CharField) -> None:
    if field.max_length is None:
        field.max_length = TEKS_MAKS
    if not any(isinstance(v, validators.MaxLengthValidator) for v in field.validators):
        field.validators.append(PanjangTeksValidator(field.max_length))
    if not any(isinstance(v, TanpaKendaliValidator) for v in field.validators):
        field.validators.append(TanpaKendaliValidator())


def _batas_pilihan(field: forms.ModelChoiceField) -> None:
    """A model choice keyed by an integer column: a value beyond the column's range is refused
    with the field's own message before it reaches a query (SQLite raises ``OverflowError`` on
    it). Set on the form's own copy of the field (``full_clean``), so ``clean`` is that copy's."""
    model = field.queryset.model
    kunci = field.to_field_name
    kolom = model._meta.pk if kunci in (None, "pk") else model._meta.get_field(kunci)
    rentang = RENTANG_KOLOM.get(kolom.get_internal_type())
    if rentang is None:
        return
    rendah, tinggi = rentang
    jamak = isinstance(field, forms.ModelMultipleChoiceField)
    asli = field.clean

    def clean(value):
        nilai = value if jamak and isinstance(value, list | tuple) else [value]
        for v in nilai:
            if isinstance(v, models.Model) or v in field.empty_values:
                continue
            try:
                n = int(str(v).strip())
            except ValueError:
                continue  # not a number: the field's own message
            if not rendah <= n <= tinggi:
                if jamak:
                    raise ValidationError(
                        field.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": v},
                    )
                raise ValidationError(
                    field.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": v},
                )
        return asli(value)

    field.clean = clean


def kencangkan(field: forms.Field, *, kolom: str | None = None, tanggal_min=TANGGAL_MIN) -> None:
    """Give ``field`` the bounds of what can be stored (idempotent). ``kolom`` is the internal type
    of the model field behind it, if any (``"PositiveSmallIntegerField"``)."""
    if getattr(field, "_masukan_aman", False):
        return
    field._masukan_aman = True
    # DecimalField and FloatField are IntegerField subclasses: test them first
    if isinstance(field, forms.DecimalField):
        if field.max_digits is None:
            field.validators.append(DigitDesimalValidator())
    elif isinstance(field, forms.FloatField):
        field.validators.append(validators.MaxValueValidator(1e15))
        field.validators.append(validators.MinValueValidator(-1e15))
    elif isinstance(field, forms.IntegerField):
        _batas_integer(field, kolom)
    elif isinstance(field, forms.DateField | forms.DateTimeField):
        field.validators.append(RentangTanggalValidator(tanggal_min, TANGGAL_MAKS))
    elif isinstance(field, forms.SplitDateTimeField):
        field.validators.append(RentangTanggalValidator(tanggal_min, TANGGAL_MAKS))
    elif isinstance(field, forms.ModelChoiceField):  # ModelMultipleChoiceField too
        _batas_pilihan(field)
    elif isinstance(field, forms.UUIDField | forms.JSONField):
        return  # text fields that clean to other types (their parse bounds them)
    elif isinstance(field, forms.CharField):
        _batas_teks(field)
        field.validators.append(RentangTanggalValidator(tanggal_min, TANGGAL_MAKS))


class MasukanAman:
    """Form mixin: every field bounded before validation (see the module docstring). Fields a form
    adds in its own ``__init__`` are covered too: the bounds are set in ``full_clean``.

    ``tanggal_lama``: names of date fields that may hold dates from ``TANGGAL_LAMA_MIN`` on."""

    tanggal_lama: tuple[str, ...] = ()

    def _kolom(self, nama: str) -> str | None:
        meta = getattr(self, "_meta", None)
        model = getattr(meta, "model", None)
        if model is None:
            return None
        try:
            return model._meta.get_field(nama).get_internal_type()
        except Exception:  # a form field with no model field behind it
            return None

    def kencangkan_semua(self) -> None:
        for nama, field in self.fields.items():
            kencangkan(
                field,
                kolom=self._kolom(nama),
                tanggal_min=TANGGAL_LAMA_MIN if nama in self.tanggal_lama else TANGGAL_MIN,
            )

    def full_clean(self):
        self.kencangkan_semua()
        super().full_clean()


class Form(MasukanAman, forms.Form):
    """The project's plain form base."""


class ModelForm(MasukanAman, forms.ModelForm):
    """The project's model form base."""


class FilterForm(Form):
    """Base of a list's filter form (bound to ``request.GET``): ``bersih()`` is the valid filters,
    an invalid value is dropped (the form shows its message) and never reaches a query."""

    def bersih(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        salah = set(self.errors)
        if "__all__" in salah:  # a cross-field error (a period ending before it starts)
            return {}
        return {k: v for k, v in data.items() if k not in salah and v not in (None, "")}


def teks_get(data, nama: str, default: str = "", maks: int = 200) -> str:
    """A single text filter from a query string: stripped; too long (or with control characters)
    → ``default``, as if it had not been given."""
    nilai = (data.get(nama) or "").strip()
    if len(nilai) > maks or ada_kendali(nilai):
        return default
    return nilai or default


def angka_get(data, nama: str, minimum: int = 0, maksimum: int = INT_MAKS) -> int | None:
    """A single whole-number filter from a query string, or None when absent or out of range."""
    try:
        n = int((data.get(nama) or "").strip())
    except (TypeError, ValueError):
        return None
    return n if minimum <= n <= maksimum else None


# ------------------------------------------------------------------------------ the middleware


def _periksa_get(request) -> None:
    if ada_kendali(request.path):
        raise BadRequest("karakter kendali di path")
    for k, nilai in request.GET.lists():
        if ada_kendali(k) or any(ada_kendali(v) for v in nilai):
            raise BadRequest("karakter kendali di query string")


def _periksa_post(request) -> None:
    for k, nilai in request._post.lists():
        if _NUL in k or any(_NUL in v for v in nilai):
            raise BadRequest("NUL di isian")
    for k, berkas in request._files.lists():
        if _NUL in k or any(_NUL in (b.name or "") for b in berkas):
            raise BadRequest("NUL di nama berkas")


def _pasang_pemeriksa_post(request) -> None:
    """Check the body when it is first parsed (by the CSRF check or the view), not before: a view
    may install upload handlers first (the public complaint form's size limit does)."""
    asli = request._load_post_and_files

    def muat():
        asli()
        try:
            _periksa_post(request)
        except BadRequest:
            from django.http import QueryDict
            from django.utils.datastructures import MultiValueDict

            request._post, request._files = QueryDict(), MultiValueDict()
            raise

    request._load_post_and_files = muat


class MasukanMiddleware:
    """400 for control characters in the path or the query string and for NUL in a POST body."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _periksa_get(request)
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            _pasang_pemeriksa_post(request)
        return self.get_response(request)
