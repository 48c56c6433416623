"""Reads the butir of Bab II straight from docs/regulasi/kepmendes-pdtt-40-2021-bab-ii.txt.

Independent of the data migration on purpose: the test compares what this parser finds in the
text with what the database holds. Only whitespace is normalised; the list punctuation that
joins items (";", "; dan", a final ".") is not part of an item's wording.
"""

import pathlib
import re

BERKAS = (
    pathlib.Path(__file__).resolve().parents[2]
    / "docs"
    / "regulasi"
    / "kepmendes-pdtt-40-2021-bab-ii.txt"
)

# Section headings in the text, in order; the page ends with the blog's footer.
JUDUL_BAGIAN = [
    ("A", "A. Prinsip Pendampingan"),
    ("B", "B. Asistensi"),
    ("C", "C. Pengorganisasian"),
    ("D", "D. Pengarahan"),
    ("E", "E. Fasilitasi"),
    ("F", "F. Pendampingan dalam Kondisi Kejadian Luar Biasa dan Bencana"),
]
AKHIR = "Diberdayakan oleh Blogger."


def rapikan(teks: str) -> str:
    return " ".join(teks.split())


def _tanpa_penyambung(teks: str) -> str:
    return re.sub(r"(?:\s*;\s*dan|\s*[;.])\s*$", "", teks.strip())


def _pecah(teks: str, pola: str) -> tuple[str, list[tuple[str, str]]]:
    """Split ``teks`` at list markers (``pola`` captures the marker); returns the lead-in and
    (marker, item) pairs, items still raw."""
    bagian = re.split(pola, teks)
    return bagian[0], list(zip(bagian[1::2], bagian[2::2], strict=True))


def bagian(teks: str) -> dict[str, str]:
    teks = teks.split(AKHIR)[0]
    hasil = {}
    for i, (kode, judul) in enumerate(JUDUL_BAGIAN):
        mulai = teks.index(judul) + len(judul)
        akhir = teks.index(JUDUL_BAGIAN[i + 1][1]) if i + 1 < len(JUDUL_BAGIAN) else len(teks)
        hasil[kode] = teks[mulai:akhir]
    return hasil


def _daftar(teks: str, pola: str) -> list[str]:
    return [rapikan(_tanpa_penyambung(isi)) for _, isi in _pecah(teks, pola)[1]]


def butir_dari_teks(teks: str | None = None) -> dict[str, str]:
    """{kode: bunyi} of every butir the text holds (kelompok headings E1–E4 included)."""
    teks = BERKAS.read_text(encoding="utf-8") if teks is None else teks
    b = bagian(teks)
    hasil: dict[str, str] = {}
    angka = r"(?:^|\s)(\d)\.\s+"
    huruf = r"(?:^|\s)([a-l])\.\s+"

    for n, isi in enumerate(_daftar(b["A"], angka), 1):
        hasil[f"A{n}"] = isi

    asistensi = rapikan(b["B"])
    tahap = re.search(r"mulai dari (.+?), sampai (.+?)\. Sedangkan", asistensi)
    bidang = re.search(r"TPP bertugas membantu; (.+?)\. Sehingga", asistensi)
    dampak = re.search(r"akan dapat (.+?)\.$", asistensi)
    daftar_tahap = tahap.group(1).split(", ") + [tahap.group(2)]
    pemisah = r",\s*(?:serta\s+)?"
    for n, isi in enumerate(daftar_tahap, 1):
        hasil[f"BT{n}"] = isi
    for n, isi in enumerate(re.split(pemisah, bidang.group(1)), 1):
        hasil[f"BP{n}"] = isi
    for n, isi in enumerate(re.split(pemisah, dampak.group(1)), 1):
        hasil[f"BD{n}"] = isi

    for n, isi in enumerate(_daftar(b["C"], angka), 1):
        hasil[f"C{n}"] = isi

    hasil["D"] = rapikan(b["D"])

    for nomor, isi in _pecah(b["E"], angka)[1]:
        # The scope's heading is its first line (E4's first item shares that line).
        baris_pertama, _, sisa = isi.partition("\n")
        judul, item = _pecah(baris_pertama, huruf)
        kode = f"E{nomor}"
        if not item and not _pecah(sisa, huruf)[1]:
            hasil[kode] = rapikan(sisa)  # E5: one paragraph under its heading
            continue
        hasil[kode] = rapikan(judul)
        for huruf_butir, bunyi in _pecah(isi[len(judul) :], huruf)[1]:
            hasil[f"{kode}{huruf_butir}"] = rapikan(_tanpa_penyambung(bunyi))

    for n, isi in enumerate(_daftar(b["F"], angka), 1):
        hasil[f"F{n}"] = isi
    return hasil


def judul_e(teks: str | None = None) -> dict[str, str]:
    """Headings of the five fasilitasi scopes (E5's heading is not its wording)."""
    teks = BERKAS.read_text(encoding="utf-8") if teks is None else teks
    return {
        f"E{n}": rapikan(_pecah(isi.partition("\n")[0], r"(?:^|\s)([a-l])\.\s+")[0])
        for n, isi in _pecah(bagian(teks)["E"], r"(?:^|\s)(\d)\.\s+")[1]
    }
