"""An API client's entry (JSON) through the site's own entry form.

The site validates an entry with the bound set of forms in ``kegiatan.views.entri._FormKegiatan``
(``KegiatanForm``, ``PrinsipForm`` prefixed ``p``, ``AsistensiForm``, ``PengarahanForm`` and the
registered extensions, each switched on by the tata cara). The API does not copy any of that: it
turns the JSON into the form data the page would post (``data_form``), binds the same class, and
maps its errors back to the JSON's names (``galat_form``). An edit (PATCH) starts from what the
edit page would post for the entry as it is (``data_kini``) and overlays what the client sent.
"""

from __future__ import annotations

import json
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from .. import registry
from ..kegiatan.services import FIELD_UTAMA
from ..kegiatan.views.entri import _FormKegiatan

AWALAN = {"asistensi": "asistensi", "pengarahan": "pengarahan"}


def _teks(nilai) -> str:
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return "true" if nilai else "false"
    if isinstance(nilai, (dict, list)):
        return json.dumps(nilai)  # not a value any field takes: the form says so
    return str(nilai)


def _pasang(q: QueryDict, nama: str, nilai) -> None:
    if isinstance(nilai, list):
        q.setlist(nama, [_teks(v) for v in nilai])
    else:
        q[nama] = _teks(nilai)


def _minta(user, data: QueryDict | None):
    """What ``_FormKegiatan`` reads of a request: the user, the method, the posted data."""
    return SimpleNamespace(
        user=user,
        method="POST" if data is not None else "GET",
        POST=data if data is not None else QueryDict(),
        FILES=MultiValueDict(),
    )


def _bukan_objek(nama: str):
    return ValidationError({nama: [_("Harus berupa objek JSON.")]})


def data_form(masukan, awal: QueryDict | None = None) -> QueryDict:
    """The entry form's data for the client's JSON ``masukan`` (over ``awal`` for an edit)."""
    if not isinstance(masukan, dict):
        raise ValidationError(_("Isi permintaan harus berupa objek JSON."))
    q = awal.copy() if awal is not None else QueryDict(mutable=True)
    for f in FIELD_UTAMA:
        if f in masukan:
            _pasang(q, f, masukan[f])
    for nama in ("sdgs", "butir"):
        if nama in masukan:
            nilai = masukan[nama]
            q.setlist(nama, [_teks(v) for v in (nilai if isinstance(nilai, list) else [nilai])])
    if "prinsip" in masukan:
        baris = masukan["prinsip"] or []
        if not isinstance(baris, list) or not all(isinstance(b, dict) for b in baris):
            raise ValidationError({"prinsip": [_("Harus berupa daftar objek {prinsip, nilai}.")]})
        for b in baris:
            kode = _teks(b.get("prinsip"))
            _pasang(q, f"p-prinsip_{kode}", b.get("nilai"))
            _pasang(q, f"p-prinsip_{kode}_catatan", b.get("catatan"))
    for nama, awalan in AWALAN.items():
        if masukan.get(nama) is None:
            continue
        if not isinstance(masukan[nama], dict):
            raise _bukan_objek(nama)
        for k, v in masukan[nama].items():
            _pasang(q, f"{awalan}-{k}", v)
    ekstensi = masukan.get("ekstensi") or {}
    if not isinstance(ekstensi, dict):
        raise _bukan_objek("ekstensi")
    for kunci, isian in ekstensi.items():
        if kunci not in registry.ekstensi_kegiatan:
            continue
        if not isinstance(isian, dict):
            raise _bukan_objek(f"ekstensi.{kunci}")
        for k, v in isian.items():
            _pasang(q, f"{kunci}-{k}", v)
    q.pop("ajukan", None)
    if masukan.get("ajukan") is True:
        q["ajukan"] = "1"
    return q


def data_kini(user, kegiatan) -> QueryDict:
    """What the edit page would post for ``kegiatan`` as it is (its forms' current values)."""
    f = _FormKegiatan(_minta(user, None), kegiatan)
    q = QueryDict(mutable=True)
    forms = [f.utama, f.prinsip, f.asistensi, f.pengarahan, *(form for _e, form in f.ekstensi)]
    for form in forms:
        for bf in form:
            if bf.name == "kunci_sekali":
                continue
            nilai = bf.value()
            if nilai is None:
                continue
            _pasang(q, bf.html_name, list(nilai) if isinstance(nilai, (list, tuple)) else nilai)
    return q


def form_terikat(user, data: QueryDict, kegiatan=None) -> _FormKegiatan:
    return _FormKegiatan(_minta(user, data), kegiatan)


def argumen(f: _FormKegiatan, data: QueryDict) -> dict:
    return f.argumen(_minta(f.user, data))


def galat_form(f: _FormKegiatan) -> dict[str, list[str]]:
    """The forms' errors under the JSON's names (``prinsip.<kode>``, ``asistensi.<field>``,
    ``ekstensi.<kunci>.<field>``)."""
    hasil: dict[str, list[str]] = {}

    def tambah(nama, pesan):
        hasil.setdefault(nama, []).extend(str(p) for p in pesan)

    for nama, pesan in _galat(f.utama):
        tambah("non_field_errors" if nama == "__all__" else nama, pesan)
    for nama, pesan in _galat(f.prinsip):
        kunci = nama.removeprefix("prinsip_")
        tambah("prinsip" if nama == "__all__" else f"prinsip.{kunci}", pesan)
    for awalan, form in (("asistensi", f.asistensi), ("pengarahan", f.pengarahan)):
        for nama, pesan in _galat(form):
            tambah(awalan if nama == "__all__" else f"{awalan}.{nama}", pesan)
    for eks, form in f.ekstensi:
        for nama, pesan in _galat(form):
            tambah(f"ekstensi.{eks.kunci}" + ("" if nama == "__all__" else f".{nama}"), pesan)
    return hasil


def _galat(form):
    """The errors of a form that was validated (a part not in play for the tata cara is bound
    but never checked: asking its ``errors`` would validate it)."""
    return list((form._errors or {}).items()) if form.is_bound else []
