"""The coverage matrix: butir of the regulation × child regions, each cell the entries that
served the butir in the period (whole months) and whether it was served at all in the period's
year; at desa level the desa's own checklist of the year.

What counts is ``kegiatan.cakupan_butir.STATUS_TERHITUNG`` (submitted or verified). National,
provinsi and kabupaten read the summary ``RingkasanButir``; a kecamatan reads its entries live
(the ``(wilayah, tanggal)`` index of the daily log, then the tag's unique index). Four queries
whatever the volume: the butir, the child regions, the counts, and (kecamatan) nothing more.
"""

from __future__ import annotations

import datetime

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Substr

from pendampingan.kegiatan.cakupan_butir import (
    butir_matriks,
    daftar_periksa_desa,
    kegiatan_terhitung,
    tahun_penuh,
)
from pendampingan.models import TataCaraBab, Tingkat, Wilayah

from ..models import RingkasanButir
from ..periode import Periode, bulan_berikut
from .wilayah import panjang_anak, tingkat_lebar, wilayah_pilihan_anak


def bulan_penuh(periode: Periode) -> tuple[datetime.date, datetime.date]:
    """The period widened to whole months (the summary counts per month)."""
    bulan = periode.bulan()
    return bulan[0], bulan_berikut(bulan[-1]) - datetime.timedelta(days=1)


def _kelompok(baris: list[dict]) -> list[dict]:
    """Rows grouped by tata cara, A–F, each group in the regulation's order."""
    label = dict(TataCaraBab.choices)
    grup: dict[str, list] = {tc: [] for tc in TataCaraBab.values}
    for r in baris:
        grup.setdefault(r["butir"].tata_cara, []).append(r)
    return [
        {"tata_cara": tc, "label": label.get(tc, tc), "baris": rows}
        for tc, rows in grup.items()
        if rows
    ]


def _hitung_ringkasan(wilayah: Wilayah, dari, sampai, awal, akhir) -> dict:
    """{(region code, butir id): (period, year)} off the summary: the children's rows and the
    region's own (its office's entries included)."""
    qs = RingkasanButir.objects.filter(
        Q(bulan__gte=dari, bulan__lte=sampai) | Q(bulan__gte=awal, bulan__lte=akhir)
    )
    qs = (
        qs.filter(induk="")
        if not wilayah.kode
        else qs.filter(Q(induk=wilayah.kode) | Q(wilayah_id=wilayah.kode))
    )
    return {
        (r["wilayah_id"], r["butir_id"]): (r["np"] or 0, r["nt"] or 0)
        for r in qs.values("wilayah_id", "butir_id").annotate(
            np=Sum("jumlah", filter=Q(bulan__gte=dari, bulan__lte=sampai)),
            nt=Sum("jumlah", filter=Q(bulan__gte=awal, bulan__lte=akhir)),
        )
    }


def _hitung_langsung(user, wilayah: Wilayah, dari, sampai, awal, akhir) -> dict:
    """The same counts read off the entries (a kecamatan: a few thousand tags a year)."""
    n = panjang_anak(wilayah)
    qs = (
        kegiatan_terhitung(
            user=user, dari=min(dari, awal), sampai=max(sampai, akhir), wilayah=wilayah.kode
        )
        .annotate(anak=Substr("wilayah_id", 1, n), butir_id=F("tanda_butir__butir_id"))
        .values("anak", "butir_id")
        .annotate(
            np=Count("pk", filter=Q(tanggal__gte=dari, tanggal__lte=sampai)),
            nt=Count("pk", filter=Q(tanggal__gte=awal, tanggal__lte=akhir)),
        )
    )
    hasil: dict = {}
    total: dict = {}
    for r in qs:
        if r["anak"] != wilayah.kode:
            hasil[(r["anak"], r["butir_id"])] = (r["np"], r["nt"])
        # the region's own total: every row below it and at its office
        np, nt = total.get(r["butir_id"], (0, 0))
        total[r["butir_id"]] = (np + r["np"], nt + r["nt"])
    hasil.update({(wilayah.kode, b): v for b, v in total.items()})
    return hasil


def matriks_butir(*, user, wilayah: Wilayah, periode: Periode) -> dict:
    """The matrix of ``wilayah`` (not a desa: see ``daftar_periksa``) over ``periode``.

    ``kolom``: the child regions ``[{"kode", "nama"}]``; ``grup``: per tata cara
    ``{"tata_cara", "label", "baris": [...]}``, each row ``{"butir", "jumlah", "jumlah_tahun",
    "sel": [{"kode", "n", "n_tahun"}]}`` in column order. ``tahun`` is the period's end year;
    "never served this year" is ``n_tahun == 0``."""
    dari, sampai = bulan_penuh(periode)
    tahun = periode.sampai.year
    awal, akhir = tahun_penuh(tahun)
    butir = list(butir_matriks())
    kolom = list(wilayah_pilihan_anak(wilayah=wilayah).values("kode", "nama"))
    if tingkat_lebar(wilayah):
        hitung = _hitung_ringkasan(wilayah, dari, sampai, awal, akhir)
    else:
        hitung = _hitung_langsung(user, wilayah, dari, sampai, awal, akhir)
    baris = []
    for b in butir:
        sel = []
        for k in kolom:
            n, nt = hitung.get((k["kode"], b.pk), (0, 0))
            sel.append({"kode": k["kode"], "n": n, "n_tahun": nt})
        if wilayah.kode:
            jumlah, jumlah_tahun = hitung.get((wilayah.kode, b.pk), (0, 0))
        else:
            jumlah, jumlah_tahun = sum(s["n"] for s in sel), sum(s["n_tahun"] for s in sel)
        baris.append({"butir": b, "jumlah": jumlah, "jumlah_tahun": jumlah_tahun, "sel": sel})
    return {
        "dari": dari,
        "sampai": sampai,
        "tahun": tahun,
        "kolom": kolom,
        "grup": _kelompok(baris),
        "jumlah_butir": len(baris),
        "dilayani": sum(1 for r in baris if r["jumlah"]),
        "belum_tahun": sum(1 for r in baris if not r["jumlah_tahun"]),
        "sel_belum": sum(1 for r in baris for s in r["sel"] if not s["n_tahun"]),
    }


def daftar_periksa(*, user, desa: Wilayah, periode: Periode) -> dict:
    """A desa's checklist of the period's year (every butir: served? how often, last date)."""
    tahun = periode.sampai.year
    baris = daftar_periksa_desa(user=user, desa=desa, tahun=tahun)
    dari, sampai = tahun_penuh(tahun)
    return {
        "tahun": tahun,
        "dari": dari,
        "sampai": sampai,
        "grup": _kelompok(baris),
        "jumlah_butir": len(baris),
        "dilayani": sum(1 for r in baris if r["n"]),
        "belum_tahun": sum(1 for r in baris if not r["n"]),
    }


def adalah_desa(wilayah: Wilayah) -> bool:
    """A desa's matrix is its checklist."""
    return wilayah.tingkat == Tingkat.DESA
