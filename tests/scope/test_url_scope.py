"""Walk every URL pattern of the project as users of two kabupaten, a supervisor above both and an
anonymous visitor; fail on a leak, and on a URL nobody classified (add it to cases_<app>.py)."""

import importlib
import pkgutil

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from . import kasus as k

pytestmark = pytest.mark.django_db


def _kumpulkan(resolver=None, ns=""):
    for p in (resolver or get_resolver()).url_patterns:
        if isinstance(p, URLResolver):
            if p.app_name == "admin" or p.namespace == "admin":
                continue  # admin: staff only, covered by tests/pendampingan/test_admin.py
            sub = f"{ns}{p.namespace}:" if p.namespace else ns
            yield from _kumpulkan(p, sub)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{ns}{p.name}"


def _semua_kasus():
    gabung, query = {}, {}
    paket = importlib.import_module("tests.scope")
    for m in pkgutil.iter_modules(paket.__path__):
        if m.name.startswith("cases_"):
            mod = importlib.import_module(f"tests.scope.{m.name}")
            gabung.update(mod.KASUS)
            query.update(getattr(mod, "QUERY", {}))
    return gabung, query


KASUS, QUERY = _semua_kasus()
NAMA_URL = sorted(set(_kumpulkan()))


def test_setiap_url_diklasifikasikan():
    tanpa = [n for n in NAMA_URL if n not in KASUS]
    assert not tanpa, (
        f"URL tanpa klasifikasi scope (tambahkan ke tests/scope/cases_<app>.py): {tanpa}"
    )


def _url(nama, kwargs):
    return reverse(nama, kwargs=kwargs or None) + QUERY.get(nama, "")


def _minta(client, metode, url, data=None):
    return getattr(client, metode)(url, data or {})


def _anonim_ditolak(resp):
    return resp.status_code in (302, 403, 404, 405) and (
        resp.status_code != 302
        or settings.LOGIN_URL in resp.get("Location", "")
        or "/akun/login" in resp.get("Location", "")
    )


@pytest.mark.parametrize("nama", NAMA_URL)
def test_scope_url(nama, dunia):
    kasus = KASUS.get(nama)
    if kasus is None:
        pytest.fail(f"{nama} belum diklasifikasikan")
    if isinstance(kasus, k.Lewati):
        assert kasus.alasan
        return
    anon = Client()
    if isinstance(kasus, k.Publik):
        resp = anon.get(_url(nama, kasus.kwargs(dunia) if kasus.kwargs else None))
        assert resp.status_code in kasus.status, (nama, resp.status_code)
        return
    if isinstance(kasus, k.Login):
        url = _url(nama, kasus.kwargs(dunia) if kasus.kwargs else None)
        assert _anonim_ditolak(anon.get(url)), f"{nama}: anonim tidak diarahkan ke login"
        resp = dunia.klien(dunia.pld_a).get(url)
        assert resp.status_code in kasus.status, (nama, resp.status_code)
        return
    if isinstance(kasus, k.Objek):
        kw_a, kw_b = kasus.buat(dunia, dunia.desa_a), kasus.buat(dunia, dunia.desa_b)
        url_a, url_b = _url(nama, kw_a), _url(nama, kw_b)
        assert _anonim_ditolak(_minta(anon, kasus.metode, url_a, kasus.data)), (
            f"{nama}: anonim melihat data"
        )
        if kasus.pengguna_a == "pemilik":
            user_a, user_b = dunia.pld_a, dunia.pld_b
        else:
            user_a, user_b = dunia.pd_a, dunia.pld_b
        # the out-of-scope row first, so a state-changing action on A's row cannot mask it
        r = _minta(dunia.klien(user_a), kasus.metode, url_b, kasus.data)
        assert r.status_code == 404, (
            f"{nama}: pengguna A mendapat {r.status_code} untuk data B (harus 404)"
        )
        r = _minta(dunia.klien(user_b), kasus.metode, url_a, kasus.data)
        assert r.status_code == 404, (
            f"{nama}: pengguna B mendapat {r.status_code} untuk data A (harus 404)"
        )
        r = _minta(dunia.klien(user_a), kasus.metode, url_a, kasus.data)
        assert r.status_code in kasus.status, (
            f"{nama}: pengguna A mendapat {r.status_code} untuk datanya sendiri"
        )
        if kasus.metode == "get":
            r = dunia.klien(dunia.pengawas).get(url_b)
            assert r.status_code in kasus.status, (
                f"{nama}: pengawas provinsi mendapat {r.status_code}"
            )
        return
    if isinstance(kasus, k.Milik):
        url = _url(nama, kasus.buat(dunia, dunia.pld_a))
        assert _anonim_ditolak(anon.get(url)), f"{nama}: anonim melihat data"
        for lain in (dunia.pld_b, dunia.pd_a, dunia.pengawas):
            r = dunia.klien(lain).get(url)
            assert r.status_code == 404, f"{nama}: {lain.user} mendapat {r.status_code} (harus 404)"
        r = dunia.klien(dunia.pld_a).get(url)
        assert r.status_code in kasus.status, (nama, r.status_code)
        return
    if isinstance(kasus, k.Daftar):
        penanda_a = kasus.buat(dunia, dunia.desa_a)
        penanda_b = kasus.buat(dunia, dunia.desa_b)
        url = _url(nama, kasus.kwargs(dunia) if kasus.kwargs else None)
        assert _anonim_ditolak(anon.get(url)), f"{nama}: anonim melihat daftar"
        user_a = dunia.pld_a if kasus.pengguna == "pemilik" else dunia.pd_a
        isi = dunia.klien(user_a).get(url)
        assert isi.status_code == 200, (nama, isi.status_code)
        teks = (b"".join(isi.streaming_content) if isi.streaming else isi.content).decode()
        assert penanda_a in teks, f"{nama}: baris A ({penanda_a}) tidak tampil untuk pengguna A"
        assert penanda_b not in teks, f"{nama}: baris B ({penanda_b}) bocor ke pengguna A"
        return
    pytest.fail(f"{nama}: jenis kasus tidak dikenal {kasus!r}")
