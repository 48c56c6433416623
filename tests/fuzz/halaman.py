"""What a page offers to fuzz: its forms (method, action, fields with their values and options)
and the query parameters its links carry. Read from the HTML itself, so a new field or filter is
fuzzed without anyone listing it."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit


@dataclass
class Isian:
    nama: str
    jenis: str  # the input type, "select" or "textarea"
    nilai: str = ""
    pilihan: list[str] = field(default_factory=list)


@dataclass
class Formulir:
    metode: str
    aksi: str  # path of the action
    isian: dict[str, Isian] = field(default_factory=dict)


class _Pengurai(HTMLParser):
    def __init__(self, url: str):
        super().__init__(convert_charrefs=True)
        self.url = url
        self.formulir: list[Formulir] = []
        self.param_tautan: set[str] = set()
        self._f: Formulir | None = None
        self._select: Isian | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "a" and "href" in a:
            bagian = urlsplit(urljoin(self.url, a["href"]))
            if bagian.path == urlsplit(self.url).path:
                self.param_tautan |= {k for k, _v in parse_qsl(bagian.query)}
        elif tag == "form":
            aksi = urlsplit(urljoin(self.url, a.get("action") or self.url)).path
            self._f = Formulir((a.get("method") or "get").lower(), aksi)
            self.formulir.append(self._f)
        elif self._f is None or not a.get("name"):
            return
        elif tag == "input":
            jenis = (a.get("type") or "text").lower()
            if jenis in ("submit", "button", "image", "reset", "file"):
                return
            ada = self._f.isian.get(a["name"])
            if jenis in ("checkbox", "radio") and ada:
                ada.pilihan.append(a.get("value") or "on")
                return
            nilai = (
                a.get("value", "") if jenis not in ("checkbox", "radio") or "checked" in a else ""
            )
            self._f.isian[a["name"]] = Isian(a["name"], jenis, nilai, [a.get("value") or "on"])
        elif tag == "select":
            self._select = Isian(a["name"], "select")
            self._f.isian[a["name"]] = self._select
        elif tag == "option" and self._select is not None:
            self._select.pilihan.append(a.get("value", ""))
            if "selected" in a:
                self._select.nilai = a.get("value", "")
        elif tag == "textarea":
            self._f.isian[a["name"]] = Isian(a["name"], "textarea")

    def handle_endtag(self, tag):
        if tag == "form":
            self._f = None
        elif tag == "select":
            self._select = None


def urai(url: str, html: str) -> tuple[list[Formulir], set[str]]:
    """The forms of a page and the query parameter names of its links back to itself."""
    p = _Pengurai(url)
    p.feed(html)
    return p.formulir, p.param_tautan
