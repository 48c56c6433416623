"""Hypothesis strategies for hostile input: NUL and control characters, numbers beyond every column,
negative counts, dates outside any sane range, very long text, unicode, empty values — mixed with
the values the page itself offers, so that a request also gets past the first check."""

from __future__ import annotations

from hypothesis import strategies as st

JAHAT = [
    "\x00",
    "banjir\x00",
    "33.01.01\x00",
    "\x01\x1b[31m",
    "2147483647",
    "2147483648",
    "-2147483649",
    "9223372036854775808",
    "99999999999999999999999999999",
    "-1",
    "0",
    "1e309",
    "NaN",
    "-Infinity",
    "1900-01-01",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "2026-02-30",
    "31/12/2026",
    "2026-12-07T25:61",
    "",
    " ",
    "'; DROP TABLE x; --",
    "%00",
    "../../etc/passwd",
    "\u202egnp.exe",
    "漢字😀ü",
    "a" * 256,
    "b" * 1001,
    "c" * 20001,
    "on",
    "true",
]

# text any HTTP client can carry (no lone surrogates)
_teks = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_angka = st.integers(min_value=-(2**80), max_value=2**80).map(str)
_tanggal = st.dates().map(lambda d: d.isoformat())
_panjang = st.integers(min_value=100, max_value=12000).map(lambda n: "x" * n)


def nilai_jahat() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(JAHAT), _teks, _angka, _tanggal, _panjang)


def nilai_untuk(bawaan: str = "", pilihan: list[str] | None = None) -> st.SearchStrategy[str]:
    """A hostile value, or the field's own value, or one of its options."""
    baik = [bawaan, *(pilihan or [])]
    return st.one_of(nilai_jahat(), st.sampled_from(baik))
