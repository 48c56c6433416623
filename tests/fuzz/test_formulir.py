"""The deep, cheap layer of the fuzz suite: every form class and every FilterSet of the project apps
fuzzed directly (no HTTP), hundreds of examples each in CI and thousands in ``make fuzz``.

Each form is built with the keywords its ``__init__`` asks for (``formulir.BAHAN``, from the fuzz
world: each user, with and without the optional record) and bound with hostile data — NUL and
control characters, huge numbers, out-of-range dates, over-long text, JSON values of the wrong type
(as the API binds a form), missing fields, files (images, PDFs, junk) where there are file fields.
``is_valid()`` must not raise; when the form is valid, every cleaned value must fit its model column
(the bounds of ``masukan``, the column's limits, and a round trip through the database as the
column's type: ``kolom.py``). A list's filter form, when valid, is applied the list's own way
(``saring.py``) and evaluated; a FilterSet's query is evaluated for any data.

A form the harness cannot build fails here unless ``formulir.LEWATI`` names it with a reason.
"""

from __future__ import annotations

import os
import time

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory
from hypothesis import given, settings
from hypothesis import strategies as st

from . import formulir as fm
from .conftest import CATAT, PROFIL
from .kolom import periksa_bersih
from .saring import PENERAP, form_saring

pytestmark = pytest.mark.django_db

# examples per form class and per FilterSet: ``FUZZ_CONTOH_FORM`` overrides the profile's number
CONTOH = {"ci": 200, "panjang": 3000}
CONTOH_FORM = int(os.environ.get("FUZZ_CONTOH_FORM", CONTOH.get(PROFIL, CONTOH["ci"])))

FORM = fm.semua_form()
FILTERSET = fm.semua_filterset()


def _pengguna(d):
    return [d.pld_a.user, d.pd_a.user, d.pengawas.user]


def _catat(jenis, nama, jalan, mulai):
    if CATAT:  # FUZZ_CATAT=<file>: examples and seconds of each target
        with open(CATAT, "a") as f:
            f.write(f"{jenis}:{nama}\t{jalan}\t{time.monotonic() - mulai:.2f}\n")


def test_penemuan():
    """Discovery finds the project's forms; every skip still names a class and says why."""
    assert len(FORM) > 50
    nama = {fm.nama_kelas(c) for c in FORM}
    for kelas, alasan in fm.LEWATI.items():
        assert kelas in nama, f"LEWATI menyebut kelas yang tidak ada: {kelas}"
        assert alasan.strip()


def test_setiap_saring_punya_penerap():
    """Every list filter form is applied to its list's query here, or skipped with a reason."""
    # an API filter form (a FilterSet's ``Meta.form``) is applied by its FilterSet below
    dari_filterset = {fm.nama_kelas(fs._meta.form) for fs in FILTERSET}
    dikenal = set(PENERAP) | set(fm.LEWATI) | dari_filterset
    tanpa = [fm.nama_kelas(c) for c in FORM if form_saring(c) and fm.nama_kelas(c) not in dikenal]
    assert not tanpa, f"Form saring tanpa penerap di tests/fuzz/saring.py: {tanpa}"


@pytest.mark.timeout(900)
@pytest.mark.parametrize("kelas", FORM, ids=fm.nama_kelas)
def test_fuzz_form(kelas, dunia):
    nama = fm.nama_kelas(kelas)
    if nama in fm.LEWATI:
        return
    try:
        semua = fm.varian(kelas, dunia, _pengguna(dunia))
    except KeyError as e:
        pytest.fail(
            f"{nama} meminta argumen {e} yang tidak bisa dibuat tests/fuzz/formulir.py "
            "(tambahkan ke BAHAN, atau ke LEWATI dengan alasannya)"
        )
    penerap = PENERAP.get(nama)
    mulai, jalan = time.monotonic(), [0]

    @settings(settings.get_profile(PROFIL), max_examples=CONTOH_FORM)
    @given(st.data())
    def periksa(data):
        jalan[0] += 1
        v = semua[data.draw(st.integers(0, len(semua) - 1), label="varian")]
        isi, berkas = data.draw(fm.data_form(v), label="data")
        form = kelas(data=isi, files=berkas, **v.kwargs)
        if not form.is_valid():
            return
        masalah = periksa_bersih(form)
        assert not masalah, f"{nama}: sah, tetapi {masalah}"
        if penerap is not None:
            user = v.kwargs.get("user") or dunia.pld_a.user
            try:
                for qs in penerap(user, isi, form, v.kwargs):
                    list(qs[:1])
            except (PermissionDenied, Http404):
                pass  # the list's own answer to a region outside the scope (403/404)

    periksa()
    _catat("form", nama, jalan[0], mulai)


def _queryset(model, user):
    manager = model._default_manager
    return manager.visible_to(user) if hasattr(manager, "visible_to") else manager.all()


@pytest.mark.timeout(900)
@pytest.mark.parametrize("kelas", FILTERSET, ids=fm.nama_kelas)
def test_fuzz_filterset(kelas, dunia):
    nama = fm.nama_kelas(kelas)
    model = kelas._meta.model
    semua = []
    for user in _pengguna(dunia):
        request = RequestFactory().get("/api/v1/")
        request.user = user
        contoh = kelas(data={}, queryset=_queryset(model, user), request=request)
        v = fm.Varian({"request": request, "user": user}, dict(contoh.form.fields))
        v.pilihan = {n: fm._nilai_pilihan(f) for n, f in contoh.form.fields.items()}
        semua.append(v)
    mulai, jalan = time.monotonic(), [0]

    @settings(settings.get_profile(PROFIL), max_examples=CONTOH_FORM)
    @given(st.data())
    def periksa(data):
        jalan[0] += 1
        v = semua[data.draw(st.integers(0, len(semua) - 1), label="pengguna")]
        isi, _berkas = data.draw(fm.data_form(v), label="query")
        fs = kelas(
            data=isi, queryset=_queryset(model, v.kwargs["user"]), request=v.kwargs["request"]
        )
        fs.is_valid()
        list(fs.qs[:1])

    periksa()
    _catat("filterset", nama, jalan[0], mulai)


def test_periksa_bersih_menangkap_nilai_yang_tidak_muat(dunia):
    """The column check can fail: cleaned values that do not fit the columns of ``Kegiatan`` — a
    title past its 200 characters, a count beyond its column, a date in year 1, a NUL — are each
    caught."""
    import datetime

    from pendampingan.models import Kegiatan

    class Palsu:  # what periksa_bersih reads of a valid model form
        class _meta:  # noqa: N801
            model = Kegiatan

        cleaned_data = {
            "judul": "j" * 201,
            "peserta_laki": 2**40,
            "tanggal": datetime.date(1, 1, 1),
            "uraian": "a\x00b",
            "peserta_perempuan": 3,
        }

    masalah = " ".join(periksa_bersih(Palsu()))
    for nama in ("judul", "peserta_laki", "tanggal", "uraian"):
        assert nama in masalah, (nama, masalah)
    assert "peserta_perempuan" not in masalah
