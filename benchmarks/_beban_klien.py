"""The load generator's browser: cookies, CSRF and the entry form as a phone sends them, over
keep-alive connections (``http.client``, one per thread), and the timing of each phase.

The web node runs production settings behind a TLS-terminating proxy, so every request carries
``X-Forwarded-Proto: https`` and an ``https://`` Origin, and the Secure cookies are sent back as
a browser behind that proxy would.
"""

from __future__ import annotations

import http.client
import re
import statistics
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser

RE_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RE_KUNCI = re.compile(r'name="kunci_sekali" value="([0-9a-f-]{36})"')
RE_DETAIL = re.compile(r"/kegiatan/(\d+)/$")
BATAS_DETIK = 60  # one request's client-side timeout
ULANG = [0]  # requests sent again on a fresh connection after a closed keep-alive one
_KUNCI_ULANG = threading.Lock()


class Sambungan(threading.local):
    """One keep-alive connection per thread to the web node."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.conn: http.client.HTTPConnection | None = None

    def minta(self, metode, path, *, header, badan=None):
        for coba in (1, 2):
            baru = self.conn is None
            if baru:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=BATAS_DETIK)
            try:
                self.conn.request(metode, path, body=badan, headers=header)
                r = self.conn.getresponse()
                isi = r.read()
                if (r.getheader("Connection") or "").lower() == "close":
                    self.tutup()
                return r.status, r.getheaders(), isi
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # A reused keep-alive connection the server had closed (its keepalive timeout,
                # a recycled worker): reconnect and send again once, as a browser does — for a
                # POST too, which the one-time key makes safe. A fresh connection failing is
                # reported.
                self.tutup()
                if baru or coba == 2:
                    raise
                with _KUNCI_ULANG:
                    ULANG[0] += 1
            except Exception:
                self.tutup()
                raise
        raise RuntimeError("unreachable")

    def tutup(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


class Klien:
    """One logged-in facilitator (a phone): its cookies and credentials."""

    def __init__(self, sambungan: Sambungan, username: str, password: str):
        self.s = sambungan
        self.username, self.password = username, password
        self.cookie: dict[str, str] = {}
        self.origin = f"https://{sambungan.host}:{sambungan.port}"
        self.bawaan: list[tuple[str, str]] | None = None

    def _header(self, *, post=False, referer=""):
        h = {"Host": f"{self.s.host}:{self.s.port}", "X-Forwarded-Proto": "https"}
        if self.cookie:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookie.items())
        if post:
            h["Content-Type"] = "application/x-www-form-urlencoded"
            h["Origin"] = self.origin
            h["Referer"] = self.origin + referer
        return h

    def _simpan_cookie(self, headers):
        for k, v in headers:
            if k.lower() == "set-cookie":
                nama, _, nilai = v.split(";", 1)[0].partition("=")
                if nilai in ("", '""'):
                    self.cookie.pop(nama.strip(), None)
                else:
                    self.cookie[nama.strip()] = nilai.strip()

    def get(self, path):
        status, headers, isi = self.s.minta("GET", path, header=self._header())
        self._simpan_cookie(headers)
        return status, headers, isi

    def post(self, path, data: Iterable[tuple[str, str]] | dict):
        badan = urllib.parse.urlencode(list(data.items()) if isinstance(data, dict) else data)
        status, headers, isi = self.s.minta(
            "POST", path, header=self._header(post=True, referer=path), badan=badan.encode()
        )
        self._simpan_cookie(headers)
        return status, dict((k.lower(), v) for k, v in headers), isi

    def masuk(self) -> None:
        status, _h, isi = self.get("/akun/login/")
        m = RE_CSRF.search(isi.decode())
        if status != 200 or not m:
            raise RuntimeError(f"halaman masuk: {status}")
        status, h, _isi = self.post(
            "/akun/login/",
            {
                "csrfmiddlewaretoken": m.group(1),
                "username": self.username,
                "password": self.password,
            },
        )
        if status != 302 or "sessionid" not in self.cookie:
            raise RuntimeError(f"masuk {self.username}: {status} {h.get('location')}")

    def buka_form(self) -> tuple[str, str]:
        """GET the entry form; return its CSRF token and one-time key (and, the first time, keep
        what a browser would send of the fields this client does not fill: their defaults)."""
        status, _h, isi = self.get("/kegiatan/baru/")
        teks = isi.decode()
        csrf, kunci = RE_CSRF.search(teks), RE_KUNCI.search(teks)
        if status != 200 or not csrf or not kunci:
            raise GagalForm(status)
        if self.bawaan is None:
            p = _IsianBawaan()
            p.feed(teks)
            self.bawaan = p.isian
        return csrf.group(1), kunci.group(1)

    def lengkapi(self, data: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """``data`` plus the form's defaults for every field it does not name."""
        diisi = {k for k, _v in data}
        return [*((k, v) for k, v in self.bawaan or [] if k not in diisi), *data]


class _IsianBawaan(HTMLParser):
    """The successful controls of a form as rendered (what a browser posts untouched): inputs
    with their value, checked boxes and radios, each select's selected option, textareas."""

    LEWAT = {"csrfmiddlewaretoken", "kunci_sekali"}

    def __init__(self):
        super().__init__()
        self.isian: list[tuple[str, str]] = []
        self._select: str | None = None
        self._textarea: str | None = None
        self._teks: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        nama = a.get("name")
        if tag == "input" and nama and nama not in self.LEWAT:
            jenis = (a.get("type") or "text").lower()
            if jenis in ("submit", "button", "file", "image", "reset"):
                return
            if jenis in ("checkbox", "radio") and "checked" not in a:
                return
            self.isian.append((nama, a.get("value") or ("on" if jenis == "checkbox" else "")))
        elif tag == "select" and nama:
            self._select = nama
        elif tag == "option" and self._select and "selected" in a:
            self.isian.append((self._select, a.get("value") or ""))
        elif tag == "textarea" and nama:
            self._textarea, self._teks = nama, []

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.isian.append((self._textarea, "".join(self._teks).lstrip("\n")))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._teks.append(data)


class GagalForm(Exception):
    def __init__(self, status):
        super().__init__(f"form {status}")
        self.status = status


@dataclass
class Hasil:
    """What one phase measured."""

    nama: str
    mulai: float = 0.0
    selesai: float = 0.0
    latensi: list[float] = field(default_factory=list)  # seconds, answered requests
    latensi_form: list[float] = field(default_factory=list)
    sukses: int = 0
    dimulai: int = 0
    galat: Counter = field(default_factory=Counter)
    kunci: threading.Lock = field(default_factory=threading.Lock)

    def ringkas(self) -> dict:
        detik = max(self.selesai - self.mulai, 1e-9)
        lat = sorted(self.latensi)
        form = sorted(self.latensi_form)
        return {
            "nama": self.nama,
            "jawaban": len(lat),
            "dimulai": self.dimulai,
            "sukses": self.sukses,
            "detik": round(detik, 2),
            "sukses_per_detik": round(self.sukses / detik, 1),
            "p50_ms": _ms(persentil(lat, 50)),
            "p95_ms": _ms(persentil(lat, 95)),
            "p99_ms": _ms(persentil(lat, 99)),
            "maks_ms": _ms(lat[-1] if lat else None),
            "rata_ms": _ms(statistics.fmean(lat) if lat else None),
            "form_p50_ms": _ms(persentil(form, 50)),
            "form_p99_ms": _ms(persentil(form, 99)),
            "galat": dict(sorted(self.galat.items())),
        }


def _ms(detik):
    return None if detik is None else round(detik * 1000, 1)


def persentil(data, p):
    if not data:
        return None
    k = (len(data) - 1) * p / 100
    f, c = int(k), min(int(k) + 1, len(data) - 1)
    return data[f] + (data[c] - data[f]) * (k - f)


def jalankan(tugas: list, c: int, kerja: Callable, hasil: Hasil, batas: float = 0) -> Hasil:
    """Run ``kerja(item, hasil)`` over ``tugas`` with ``c`` threads; time the whole phase. With
    ``batas`` (seconds) no new item is started after that long (``hasil.dimulai`` tells how many
    were)."""
    antre = iter(enumerate(tugas))
    ambil = threading.Lock()
    akhir = time.perf_counter() + batas if batas else None

    def utas():
        while True:
            with ambil:
                item = None if akhir and time.perf_counter() > akhir else next(antre, None)
                if item is not None:
                    hasil.dimulai += 1
            if item is None:
                return
            try:
                kerja(item[1], hasil)
            except Exception as e:  # noqa: BLE001 - counted, the phase goes on
                with hasil.kunci:
                    hasil.galat[f"{type(e).__name__}"] += 1

    threads = [threading.Thread(target=utas, daemon=True) for _ in range(c)]
    hasil.mulai = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    hasil.selesai = time.perf_counter()
    return hasil
