"""Every upload URL of the project is walked with the five hostile files (``berkas_jahat``).

The walks live beside each app (tests/<app>/…, each importing ``tests.inti.berkas_jahat``). This
test fails when an upload is added that no walk covers: every form with a file field must be named
in a walk, and every view that reads ``request.FILES`` must have its URL name in one.
"""

import importlib
import inspect
import pathlib
import pkgutil

from django import forms
from django.urls import URLPattern, URLResolver, get_resolver

PAKET = ["pendampingan", "fasilitasi", "pengaduan", "bencana"]
TESTS = pathlib.Path(__file__).resolve().parent.parent


def _modul_jalan() -> list[pathlib.Path]:
    """Every test module that walks the hostile files."""
    return [
        p
        for p in TESTS.rglob("test_*.py")
        if "berkas_jahat" in p.read_text() and p.resolve() != pathlib.Path(__file__).resolve()
    ]


def _teks_jalan() -> str:
    return "\n".join(p.read_text() for p in _modul_jalan())


def _form_diuji() -> set:
    hasil = set()
    for p in _modul_jalan():
        nama = ".".join(p.relative_to(TESTS.parent).with_suffix("").parts)
        hasil |= set(getattr(importlib.import_module(nama), "FORM_DIUJI", ()))
    return hasil


def _form_unggahan():
    for paket in PAKET:
        mod = importlib.import_module(paket)
        for info in pkgutil.walk_packages(mod.__path__, paket + "."):
            if ".migrations" in info.name or ".management" in info.name:
                continue
            m = importlib.import_module(info.name)
            for obj in vars(m).values():
                if (
                    inspect.isclass(obj)
                    and issubclass(obj, forms.BaseForm)
                    and obj.__module__ == m.__name__
                    and any(isinstance(f, forms.FileField) for f in obj.base_fields.values())
                ):
                    yield obj


def _url(resolver=None, ns=""):
    for p in (resolver or get_resolver()).url_patterns:
        if isinstance(p, URLResolver):
            if p.namespace == "admin":
                continue
            yield from _url(p, f"{ns}{p.namespace}:" if p.namespace else ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{ns}{p.name}", inspect.unwrap(p.callback)


def test_setiap_form_unggahan_dijalani_berkas_jahat():
    """Each walk module names the upload forms it posts to (``FORM_DIUJI``); a form with a file
    field that no walk names fails here. A form that is only a base of others is covered by them."""
    semua = set(_form_unggahan())
    assert len(semua) >= 8  # the finder itself works
    diuji = _form_diuji()
    dasar = {f for f in semua if any(g is not f and issubclass(g, f) for g in semua)}
    tanpa = sorted(f.__qualname__ for f in semua - dasar - diuji)
    assert not tanpa, f"Form unggahan tanpa uji berkas jahat: {tanpa}"


def test_setiap_tampilan_yang_membaca_files_dijalani():
    teks = _teks_jalan()
    membaca = []
    for nama, view in _url():
        try:
            src = inspect.getsource(view)
        except (OSError, TypeError):
            continue
        if "request.FILES" in src:
            membaca.append(nama)
    assert "pendampingan:kegiatan-buat" in membaca  # the finder itself works
    tanpa = [n for n in membaca if n not in teks and n.split(":", 1)[1] not in teks]
    assert not tanpa, f"URL unggahan tanpa uji berkas jahat: {tanpa}"
