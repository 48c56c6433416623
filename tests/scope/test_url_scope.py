"""Walk every URL pattern of the project as the owners of three desa — ``desa_a``, its sibling
``desa_a2`` in the same kecamatan, ``desa_b`` in another kabupaten —, the PD over A's kecamatan, a
supervisor of kabupaten A, the provincial supervisor above all and an anonymous visitor. Fail on:

* a URL pattern without a name, or with a name nobody classified (add it to cases_<app>.py);
* a row of a desa outside the user's scope that answers anything but 404;
* a POST to such a row (as each PLD, the PD, the kabupaten supervisor, anonymous) that is not
  refused (403/404/405/login) or that changes anything in the database (405: a view that takes no
  POST answers it before any lookup, so it says nothing about the row);
* any page — lists, forms and "login only" pages included — whose body names a desa the user may
  not see, its owner, or its rows (``tests/scope/conftest.py``: the markers of each side).

Admin is walked as a staff user who is not a superuser in ``test_admin_scope.py``.
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from . import kasus as k

pytestmark = pytest.mark.django_db

SISI = ("A", "A2", "B")


def _pola(resolver=None, ns: str = "", rute: str = ""):
    """(name or None, route) of every URL pattern outside admin."""
    for p in (resolver or get_resolver()).url_patterns:
        if isinstance(p, URLResolver):
            if p.app_name == "admin" or p.namespace == "admin":
                continue  # admin: test_admin_scope.py
            sub = f"{ns}{p.namespace}:" if p.namespace else ns
            yield from _pola(p, sub, rute + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield (f"{ns}{p.name}" if p.name else None), rute + str(p.pattern)


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
POLA = list(_pola())
NAMA_URL = sorted({n for n, _r in POLA if n})


def test_setiap_pola_url_bernama():
    tanpa = sorted(r for n, r in POLA if n is None)
    assert not tanpa, (
        f"Pola URL tanpa nama (beri name=..., lalu klasifikasikan di cases_<app>.py): {tanpa}"
    )


def test_setiap_url_diklasifikasikan():
    tanpa = [n for n in NAMA_URL if n not in KASUS]
    assert not tanpa, (
        f"URL tanpa klasifikasi scope (tambahkan ke tests/scope/cases_<app>.py): {tanpa}"
    )


# ---------------------------------------------------------------- helpers


def _url(nama, kwargs):
    return reverse(nama, kwargs=kwargs or None) + QUERY.get(nama, "")


def _minta(client, metode, url, data=None):
    return getattr(client, metode)(url, data or {})


def _ke_login(resp) -> bool:
    lokasi = resp.get("Location", "")
    return resp.status_code == 302 and (settings.LOGIN_URL in lokasi or "/akun/login" in lokasi)


def _anonim_ditolak(resp):
    # 401: the API (/api/v1/) asks for a token or a session instead of redirecting to the login
    return resp.status_code in (401, 403, 404, 405) or _ke_login(resp)


_PLACEHOLDER = re.compile(r'placeholder="[^"]*"')
_TEKS = ("text/", "application/json", "application/xhtml", "application/javascript")


def _isi(resp) -> str | None:
    """The body as text; None for a binary file (PDF, XLSX, ZIP, image)."""
    jenis = resp.get("Content-Type", "")
    data = b"".join(resp.streaming_content) if resp.streaming else resp.content
    if jenis and not jenis.startswith(_TEKS):
        return None
    return data.decode("utf-8", errors="replace")


class Walk:
    """One URL's walk: the world, a logged-in client per role, the list markers of each side."""

    def __init__(self, nama, dunia):
        self.nama, self.d = nama, dunia
        self.tambahan: dict[str, set[str]] = {s: set() for s in SISI}
        self._klien: dict[str, Client] = {"anonim": Client()}

    def klien(self, peran: str) -> Client:
        """The role's client, logged in on first use (a login costs a few queries)."""
        if peran not in self._klien:
            self._klien[peran] = self.d.klien(getattr(self.d, peran))
        return self._klien[peran]

    def penanda(self, sisi: str, peran: str, publik: bool = False) -> set[str]:
        """The texts that betray side ``sisi`` on a page for ``peran``: its rows (and the list
        markers), and — unless the page is public or ``peran`` sees some of its kabupaten — its
        regions."""
        s = self.d.sisi[sisi]
        hasil = s.penanda_baris | self.tambahan[sisi]
        kab_terlihat = {self.d.sisi[x].kabupaten for x in self.d.melihat[peran]}
        if not publik and s.kabupaten not in kab_terlihat:
            hasil |= s.penanda_wilayah
        return hasil

    def bocor(self, teks: str, peran: str, publik: bool = False) -> list[tuple[str, str]]:
        """The markers of the sides ``peran`` may not see that ``teks`` contains. A text of a side
        the user may see that contains a marker (a list marker "Kegiatan di Desa Alpha Dua" ⊃
        "Desa Alpha") is masked first; so are form placeholders (example values, not data)."""
        boleh = self.d.melihat[peran]
        izin = set()
        for s in boleh:
            izin |= self.d.sisi[s].penanda_baris | self.d.sisi[s].penanda_wilayah
            izin |= self.tambahan[s]
        if publik:  # region names are public (the complaint form lists every desa)
            for s in SISI:
                izin |= self.d.sisi[s].penanda_wilayah
        teks = _PLACEHOLDER.sub("", teks)
        temuan = []
        for s in SISI:
            if s in boleh:
                continue
            for m in sorted(self.penanda(s, peran, publik)):
                if not m or m in izin:
                    continue
                t = teks
                for a in sorted((a for a in izin if m in a), key=len, reverse=True):
                    t = t.replace(a, "\x00")
                if m in t:
                    temuan.append((s, m))
        return temuan

    def periksa(self, resp, peran: str, publik: bool = False) -> str | None:
        """Assert that the page ``peran`` got names nothing outside their scope; return its text."""
        teks = _isi(resp)
        if teks is not None:
            temuan = self.bocor(teks, peran, publik)
            assert not temuan, (
                f"{self.nama}: halaman untuk {peran} memuat penanda sisi lain {temuan} "
                f"(HTTP {resp.status_code})"
            )
        return teks

    def minta(self, peran, metode, url, data=None, publik=False):
        resp = _minta(self.klien(peran), metode, url, data)
        resp.teks = self.periksa(resp, peran, publik)
        return resp


# every table but the ones a refused request may write (sessions, login-attempt logs, the record
# of each signed-in session and the rate limit's counter)
_TANPA_JEJAK = {"sessions", "axes"}
_TANPA_JEJAK_MODEL = {"pendampingan.SesiPengguna", "pendampingan.HitunganBatas"}


def _jejak() -> dict[str, str]:
    """A fingerprint of every table's content (raw SQL: 130 tables in a few dozen ms)."""
    hasil = {}
    with connection.cursor() as c:
        for m in apps.get_models():
            meta = m._meta
            if meta.app_label in _TANPA_JEJAK or meta.label in _TANPA_JEJAK_MODEL:
                continue
            if meta.proxy or not meta.managed:
                continue
            q = connection.ops.quote_name
            c.execute(f"SELECT * FROM {q(meta.db_table)} ORDER BY {q(meta.pk.column)}")
            hasil[meta.label] = hashlib.sha256(repr(c.fetchall()).encode()).hexdigest()
    return hasil


def _berubah(sebelum, sesudah) -> list[str]:
    return sorted(t for t in sesudah if sebelum.get(t) != sesudah[t])


# who tries a row of which side, and must be refused: each PLD the other's in the kecamatan and a
# PLD of the other kabupaten, the PD and the supervisor of kabupaten A the row of kabupaten B
TERLARANG = [
    ("pld_a", "A2"),
    ("pld_a", "B"),
    ("pld_a2", "A"),
    ("pd_a", "B"),
    ("tapm_a", "B"),
    ("pld_b", "A"),
]


# ---------------------------------------------------------------- the walk


@pytest.mark.parametrize("nama", NAMA_URL)
def test_scope_url(nama, dunia):
    kasus = KASUS.get(nama)
    if kasus is None:
        pytest.fail(f"{nama} belum diklasifikasikan")
    if isinstance(kasus, k.Lewati):
        assert kasus.alasan
        return
    w = Walk(nama, dunia)
    jalan = {
        k.Publik: _publik,
        k.Login: _login,
        k.Objek: _objek,
        k.Milik: _milik,
        k.Daftar: _daftar,
    }.get(type(kasus))
    if jalan is None:
        pytest.fail(f"{nama}: jenis kasus tidak dikenal {kasus!r}")
    jalan(w, kasus)


def _publik(w: Walk, kasus: k.Publik):
    url = _url(w.nama, kasus.kwargs(w.d) if kasus.kwargs else None)
    resp = w.minta("anonim", "get", url, publik=True)
    assert resp.status_code in kasus.status, (w.nama, resp.status_code)


def _login(w: Walk, kasus: k.Login):
    url = _url(w.nama, kasus.kwargs(w.d) if kasus.kwargs else None)
    assert _anonim_ditolak(w.minta("anonim", "get", url)), f"{w.nama}: anonim tidak ditolak"
    for peran in ("pld_a", "pld_a2", "pld_b"):
        resp = w.minta(peran, "get", url)
        assert resp.status_code in kasus.status, (w.nama, peran, resp.status_code)
    # the PD's answer may differ (a report for supervisors only); whatever it is, nothing of B
    w.minta("pd_a", "get", url)


def _objek(w: Walk, kasus: k.Objek):
    d = w.d
    url = {s: _url(w.nama, kasus.buat(d, d.sisi[s].desa)) for s in SISI}
    pemilik = kasus.pengguna_a == "pemilik"
    user_a = "pld_a" if pemilik else "pd_a"

    # rows outside the user's scope first, so a state-changing action on A's row cannot mask them
    if kasus.metode == "get":
        for peran, s in TERLARANG:
            r = w.minta(peran, "get", url[s])
            assert r.status_code == 404, (
                f"{w.nama}: {peran} mendapat {r.status_code} untuk data {s} (harus 404)"
            )
        assert _anonim_ditolak(w.minta("anonim", "get", url["A"])), f"{w.nama}: anonim melihat"

    # a POST to another side's row: refused, and nothing written (the logins before the snapshot)
    for peran, _s in TERLARANG:
        w.klien(peran)
    sebelum = _jejak()
    for peran, s in [*TERLARANG, ("anonim", "A")]:
        r = w.minta(peran, "post", url[s], kasus.data)
        assert r.status_code in (401, 403, 404, 405) or _ke_login(r), (
            f"{w.nama}: POST {peran} ke data {s} mendapat {r.status_code} "
            f"(harus 401/403/404/405/ke login)"
        )
    berubah = _berubah(sebelum, _jejak())
    assert not berubah, f"{w.nama}: POST ke data sisi lain mengubah tabel {berubah}"

    r = w.minta(user_a, kasus.metode, url["A"], kasus.data)
    assert r.status_code in kasus.status, (
        f"{w.nama}: {user_a} mendapat {r.status_code} untuk datanya sendiri"
    )
    if kasus.metode == "get":
        if pemilik:
            r = w.minta("pld_a2", "get", url["A2"])
            assert r.status_code in kasus.status, (
                f"{w.nama}: pld_a2 mendapat {r.status_code} untuk datanya sendiri"
            )
        r = w.minta("pengawas", "get", url["B"])
        assert r.status_code in kasus.status, (
            f"{w.nama}: pengawas provinsi mendapat {r.status_code}"
        )


def _milik(w: Walk, kasus: k.Milik):
    d = w.d
    url = _url(w.nama, kasus.buat(d, d.pld_a))
    _url(w.nama, kasus.buat(d, d.pld_a2))  # another owner's row beside it
    assert _anonim_ditolak(w.minta("anonim", "get", url)), f"{w.nama}: anonim melihat"
    for peran in ("pld_a2", "pld_b", "pd_a", "tapm_a", "pengawas"):
        r = w.minta(peran, "get", url)
        assert r.status_code == 404, (
            f"{w.nama}: {peran} mendapat {r.status_code} untuk milik pld_a (harus 404)"
        )
    r = w.minta("pld_a", "get", url)
    assert r.status_code in kasus.status, (w.nama, r.status_code)


def _daftar(w: Walk, kasus: k.Daftar):
    d = w.d
    for s in SISI:
        w.tambahan[s].add(kasus.buat(d, d.sisi[s].desa))
    url = _url(w.nama, kasus.kwargs(d) if kasus.kwargs else None)
    assert _anonim_ditolak(w.minta("anonim", "get", url)), f"{w.nama}: anonim melihat daftar"
    if kasus.pengguna == "pemilik":
        harus = {"pld_a": "A", "pld_a2": "A2"}
        lain = ("pd_a",)
    else:
        harus = {"pd_a": "A"}
        lain = ("pld_a2", "tapm_a")
    for peran, s in harus.items():
        r = w.minta(peran, "get", url)
        assert r.status_code == 200, (w.nama, peran, r.status_code)
        for penanda in w.tambahan[s]:
            assert penanda in r.teks, f"{w.nama}: baris {s} ({penanda}) tidak tampil untuk {peran}"
    for peran in lain:  # whatever they get, nothing outside their scope
        w.minta(peran, "get", url)
