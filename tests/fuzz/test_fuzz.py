"""Fuzz every URL of the project (the scope walk's classification: a URL nobody classified fails
here too) with hostile input — every field of every form the page shows (POSTed to the form's
action), every filter of a list (its GET form and the parameters of its own links) and a few
common parameter names — as a user who can reach the page. No answer may be a server error, and
no exception may escape a view.

Targets come from the URL conf, the fields from each page's HTML: a new URL, form, field or filter
is fuzzed without anyone adding it. ``tests/fuzz/conftest.py`` has the hypothesis profiles.
"""

from __future__ import annotations

import time

import pytest
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.scope import kasus as k
from tests.scope.test_url_scope import KASUS, NAMA_URL, QUERY

from .conftest import CATAT, MINIMUM, PROFIL
from .halaman import Formulir, Isian, urai
from .nilai import nilai_jahat, nilai_untuk

pytestmark = pytest.mark.django_db

# parameter names many lists read; tried on every page beside the ones its HTML shows
PARAM_UMUM = [
    "q",
    "status",
    "kategori",
    "wilayah",
    "desa",
    "tingkat",
    "dari",
    "sampai",
    "tahun",
    "bulan",
    "halaman",
    "urut",
    "lingkup",
    "mode",
    "jenis",
]
# field names tried in a POST to a URL that shows no form of its own
ISIAN_UMUM = ["dari", "catatan", "alasan", "isi", "keputusan", "kunci_sekali", "status"]


def _klien(d, kasus) -> Client:
    if isinstance(kasus, k.Publik):
        return Client()
    peran = "pld_a"
    if isinstance(kasus, k.Objek) and kasus.pengguna_a != "pemilik":
        peran = "pd_a"
    if isinstance(kasus, k.Daftar) and kasus.pengguna != "pemilik":
        peran = "pd_a"
    return d.klien(getattr(d, peran))


def _url(nama, kasus, d) -> tuple[str, str]:
    """(the path with its kwargs, the method the page is reached with)."""
    if isinstance(kasus, k.Objek):
        return reverse(nama, kwargs=kasus.buat(d, d.desa_a)), kasus.metode
    if isinstance(kasus, k.Milik):
        return reverse(nama, kwargs=kasus.buat(d, d.pld_a)), "get"
    if isinstance(kasus, k.Daftar):
        kasus.buat(d, d.desa_a)
    kw = kasus.kwargs(d) if getattr(kasus, "kwargs", None) else None
    return reverse(nama, kwargs=kw), "get"


def _boleh_dikirim(aksi: str) -> bool:
    """A form's action worth fuzzing: a URL of the project that the walk does not skip (logout)."""
    try:
        nama = resolve(aksi).view_name
    except Resolver404:
        return False
    return not isinstance(KASUS.get(nama), k.Lewati) and not nama.startswith("admin:")


def _isi(resp) -> str:
    if resp.streaming or not resp.get("Content-Type", "").startswith("text/html"):
        return ""
    return resp.content.decode("utf-8", errors="replace")


def _sasaran(nama, kasus, d):
    """The client, the URL, the GET parameter names and the POST forms to fuzz."""
    klien = _klien(d, kasus)
    path, metode = _url(nama, kasus, d)
    query = QUERY.get(nama, "")
    param = set(PARAM_UMUM)
    formulir: list[Formulir] = []
    kaya = False  # whether the page shows input of its own (a form, a filter, filter links)
    if metode == "get":
        resp = klien.get(path + query)
        assert resp.status_code < 500, (nama, resp.status_code)
        ditemukan, tautan = urai(path, _isi(resp))
        param |= tautan
        kaya = bool(tautan)
        for f in ditemukan:
            if f.metode == "get" and f.aksi == path:
                param |= set(f.isian)
                kaya = True
            elif f.metode == "post" and _boleh_dikirim(f.aksi):
                formulir.append(f)
                kaya = True
    if not isinstance(kasus, k.Milik):
        # the URL itself takes a POST with whatever a view might read
        data = getattr(kasus, "data", {}) or {}
        isian = {n: Isian(n, "text", str(v)) for n, v in data.items()}
        for n in ISIAN_UMUM:
            isian.setdefault(n, Isian(n, "text"))
        formulir.append(Formulir("post", path, isian))
    kaya = kaya or metode == "post" or bool(getattr(kasus, "data", None))
    return klien, path, query, sorted(param), formulir, kaya


def _data_form(draw, f: Formulir) -> dict:
    """The form's own values, with some fields dropped and some made hostile."""
    data = {}
    for nama, isian in f.isian.items():
        cara = draw(st.sampled_from(["bawaan", "jahat", "jahat", "buang"]))
        if cara == "buang":
            continue
        if cara == "bawaan":
            data[nama] = isian.nilai
        else:
            data[nama] = draw(nilai_untuk(isian.nilai, isian.pilihan))
    return data


@pytest.mark.timeout(600)
@pytest.mark.parametrize("nama", NAMA_URL)
def test_fuzz_url(nama, dunia):
    kasus = KASUS.get(nama)
    if kasus is None:
        pytest.fail(f"{nama} belum diklasifikasikan (tests/scope/cases_<app>.py)")
    if isinstance(kasus, k.Lewati):
        assert kasus.alasan
        return
    klien, path, query, param, formulir, kaya = _sasaran(nama, kasus, dunia)
    profil = settings.get_profile(PROFIL)
    # a page without input of its own (a detail page) gets a quarter of the examples
    contoh = profil.max_examples if kaya else max(profil.max_examples // 4, MINIMUM)
    mulai, jalan = time.monotonic(), [0]

    @settings(profil, max_examples=contoh)
    @given(st.data())
    def periksa(data):
        jalan[0] += 1
        pilihan = data.draw(st.integers(0, len(formulir)), label="sasaran")
        if pilihan == 0 or not formulir:
            nilai = data.draw(
                st.dictionaries(st.sampled_from(param), nilai_jahat(), max_size=4), label="GET"
            )
            resp = klien.get(path + query, nilai)
            cara = "GET"
        else:
            f = formulir[pilihan - 1]
            isian = data.draw(st.composite(lambda draw: _data_form(draw, f))(), label=f.aksi)
            resp = klien.post(f.aksi, isian)
            cara = f"POST {f.aksi}"
        assert resp.status_code < 500, f"{nama}: {cara} → {resp.status_code}"

    periksa()
    if CATAT:  # FUZZ_CATAT=<file>: how many examples each URL got (for tuning the CI profile)
        with open(CATAT, "a") as f:
            f.write(f"{nama}\t{jalan[0]}\t{time.monotonic() - mulai:.2f}\n")
