"""One-time submission keys: a double click, a resend after a timeout or a browser retry creates one
record and shows it.

* ``KunciSekaliForm`` (a form mixin) carries a hidden ``kunci_sekali`` made when the form is
  rendered; a bound form without one (an old page, a script) gets a fresh key, so it still works.
* ``KunciSekaliModel`` (an abstract model) stores it under a unique constraint.
* ``buat_sekali(Model, kunci, buat)`` returns ``(record, True)`` after ``buat()`` created it, or
  ``(first record, False)`` when that key was used before — also when two requests race: the
  second waits on the unique index, its savepoint is rolled back and the first record returned.
  Files the rolled-back attempt wrote are removed (``berkas.bersihkan_tertunda``).
* ``SudahTersimpan`` carries the first record up from a service to the view, which shows it.

The API's ``Idempotency-Key`` header and the offline app's queue send the same key.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django import forms
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from .masukan import MasukanAman

NAMA_FIELD = "kunci_sekali"


class KunciSekaliModel(models.Model):
    kunci_sekali = models.UUIDField(
        _l("kunci pengiriman"), null=True, blank=True, unique=True, editable=False
    )

    class Meta:
        abstract = True


class SudahTersimpan(Exception):
    """The record of this one-time key exists already (``obj``)."""

    def __init__(self, obj):
        super().__init__(str(obj))
        self.obj = obj


class KunciSekaliForm(MasukanAman, forms.Form):
    """Mixin for every form that creates a record. Put it first in the bases."""

    kunci_sekali = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault(NAMA_FIELD, uuid.uuid4())

    def clean_kunci_sekali(self):
        return self.cleaned_data.get(NAMA_FIELD) or uuid.uuid4()


def kunci_dari(data) -> uuid.UUID | None:
    """A key from form data or a header value; None when absent or not a UUID."""
    if isinstance(data, uuid.UUID) or data is None:
        return data
    try:
        return uuid.UUID(str(data).strip())
    except (ValueError, AttributeError):
        return None


def sudah_ada(model, kunci):
    if kunci is None:
        return None
    return model._default_manager.filter(**{NAMA_FIELD: kunci}).first()


def buat_sekali(model, kunci, buat: Callable[[], models.Model]):
    """``(record, dibuat)``: run ``buat()`` (which must store ``kunci`` on the record) unless a
    record with ``kunci`` exists; on a race the first record wins."""
    kunci = kunci_dari(kunci)
    ada = sudah_ada(model, kunci)
    if ada is not None:
        return ada, False
    try:
        with transaction.atomic():
            return buat(), True
    except IntegrityError:
        ada = sudah_ada(model, kunci)
        if ada is None:
            raise
        return ada, False


def pesan_sudah_tersimpan() -> str:
    return _("Data ini sudah tersimpan sebelumnya (dikirim dua kali); yang pertama ditampilkan.")
