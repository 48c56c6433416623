"""Server-rendered SVG charts: no JavaScript, light on a phone, printable, and the same in the
PDF. Every chart is drawn from the numbers of a table shown beside it (the chart itself is
``aria-hidden``)."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import mark_safe

WARNA = ["#15803d", "#0369a1", "#b45309", "#7c3aed", "#b91c1c", "#0f766e", "#4b5563"]


def batang_bertumpuk(label: list[str], seri: list[tuple[str, list[float]]], tinggi: int = 180):
    """Vertical stacked bars: ``label`` per bar, ``seri`` = [(name, values per bar)]."""
    if not label:
        return ""
    lebar_batang, jarak, kiri, bawah = 28, 12, 36, 34
    # at least as wide as the three-column legend, so a chart of one or two periods is not
    # blown up to the column's width (and its legend is not cut off)
    lebar = max(kiri + len(label) * (lebar_batang + jarak) + 10, 4 + 3 * 120)
    total = [sum(s[1][i] for s in seri) for i in range(len(label))]
    maks = max(total) or 1
    skala = (tinggi - bawah - 10) / maks
    bagian = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lebar} {tinggi + 18 * ((len(seri) + 2) // 3)}" '
        f'class="grafik" role="img" aria-hidden="true" preserveAspectRatio="xMinYMin meet">',
        f'<text x="2" y="12" font-size="10" fill="#374151">{_angka(maks)}</text>',
        f'<line x1="{kiri - 4}" y1="{tinggi - bawah}" x2="{lebar}" y2="{tinggi - bawah}" stroke="#9ca3af"/>',
    ]
    for i, lab in enumerate(label):
        x = kiri + i * (lebar_batang + jarak)
        y = tinggi - bawah
        for j, (_nama, nilai) in enumerate(seri):
            h = nilai[i] * skala
            if h:
                y -= h
                bagian.append(
                    f'<rect x="{x}" y="{y:.1f}" width="{lebar_batang}" height="{h:.1f}" fill="{WARNA[j % len(WARNA)]}"/>'
                )
        bagian.append(
            f'<text x="{x + lebar_batang / 2}" y="{tinggi - bawah + 14}" font-size="9" text-anchor="middle" fill="#374151">{escape(lab)}</text>'
        )
    y0 = tinggi + 2
    for j, (nama, _nilai) in enumerate(seri):
        x = 4 + (j % 3) * 120
        y = y0 + (j // 3) * 18
        bagian.append(
            f'<rect x="{x}" y="{y}" width="10" height="10" fill="{WARNA[j % len(WARNA)]}"/>'
        )
        bagian.append(
            f'<text x="{x + 14}" y="{y + 9}" font-size="10" fill="#111827">{escape(nama)}</text>'
        )
    bagian.append("</svg>")
    return mark_safe("".join(bagian))


def batang_persen(baris: list[tuple[str, float]], lebar: int = 320):
    """Horizontal bars of a share (0–100) per row."""
    if not baris:
        return ""
    tinggi_baris, kiri = 18, 120
    tinggi = len(baris) * tinggi_baris + 6
    bagian = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lebar} {tinggi}" class="grafik" '
        f'role="img" aria-hidden="true" preserveAspectRatio="xMinYMin meet">'
    ]
    ruang = lebar - kiri - 40
    for i, (nama, persen) in enumerate(baris):
        y = 3 + i * tinggi_baris
        bagian.append(
            f'<text x="{kiri - 4}" y="{y + 12}" font-size="10" text-anchor="end" fill="#111827">{escape(_pendek(nama))}</text>'
        )
        bagian.append(f'<rect x="{kiri}" y="{y + 2}" width="{ruang}" height="12" fill="#e5e7eb"/>')
        bagian.append(
            f'<rect x="{kiri}" y="{y + 2}" width="{ruang * max(0, min(persen, 100)) / 100:.1f}" height="12" fill="#15803d"/>'
        )
        bagian.append(
            f'<text x="{kiri + ruang + 4}" y="{y + 12}" font-size="10" fill="#111827">{persen:.0f}%</text>'
        )
    bagian.append("</svg>")
    return mark_safe("".join(bagian))


def batang_nilai(baris: list[tuple[str, float]], lebar: int = 320):
    """Horizontal bars of counts per row, scaled to the largest."""
    if not baris:
        return ""
    maks = max(n for _nama, n in baris) or 1
    tinggi_baris, kiri = 18, 120
    tinggi = len(baris) * tinggi_baris + 6
    ruang = lebar - kiri - 50
    bagian = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lebar} {tinggi}" class="grafik" '
        f'role="img" aria-hidden="true" preserveAspectRatio="xMinYMin meet">'
    ]
    for i, (nama, n) in enumerate(baris):
        y = 3 + i * tinggi_baris
        bagian.append(
            f'<text x="{kiri - 4}" y="{y + 12}" font-size="10" text-anchor="end" fill="#111827">{escape(_pendek(nama))}</text>'
        )
        bagian.append(
            f'<rect x="{kiri}" y="{y + 2}" width="{ruang * n / maks:.1f}" height="12" fill="#0369a1"/>'
        )
        bagian.append(
            f'<text x="{kiri + ruang * n / maks + 4:.1f}" y="{y + 12}" font-size="10" fill="#111827">{_angka(n)}</text>'
        )
    bagian.append("</svg>")
    return mark_safe("".join(bagian))


def _pendek(teks: str, n: int = 20) -> str:
    return teks if len(teks) <= n else teks[: n - 1] + "…"


def _angka(n: float) -> str:
    return f"{n:,.0f}".replace(",", ".")
