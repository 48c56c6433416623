"""The core's dashboard panels, registered like any app's (``registry.daftar_panel_dasbor``, in
``hooks``).

A panel's ``fungsi(wilayah, periode, user) -> dict`` runs a fixed number of queries. Besides the
context of its template, the dict may carry:

* ``ekspor``: ``[(judul, kolom, baris)]`` — its tables for the dashboard's CSV/XLSX/PDF export;
* ``aset_css`` / ``aset_js``: static paths the page must load once (e.g. Leaflet for a map).
"""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from pendampingan.models import NilaiPrinsip, Prinsip, TataCara, TujuanSdgs

from . import grafik, selectors, sumber
from .selectors import Periode


def url_daftar(nama: str, wilayah, **filter) -> str:
    q = {"wilayah": wilayah.kode or "", **{k: v for k, v in filter.items() if v not in (None, "")}}
    for k, v in list(q.items()):
        if isinstance(v, datetime.date):
            q[k] = v.isoformat()
    return f"{reverse(nama)}?{urlencode(q)}"


def url_dasbor(kode: str, periode: Periode) -> str:
    return url_daftar(
        "dasbor:dasbor",
        selectors.Wilayah(kode=kode),
        dari=periode.dari,
        sampai=periode.sampai,
    )


def _periode(periode) -> Periode:
    return periode if isinstance(periode, Periode) else Periode(*periode)


# ------------------------------------------------------------------------------ coverage
def panel_cakupan(wilayah, periode, user) -> dict:
    periode = _periode(periode)
    data = selectors.cakupan(wilayah=wilayah)
    for r in data["baris"]:
        anak = selectors.Wilayah(kode=r["anak"])
        r["url_dasbor"] = url_dasbor(r["anak"], periode)
        r["url_celah"] = url_daftar("dasbor:desa-list", anak, kondisi="celah")
        r["url_aktif"] = url_daftar("dasbor:desa-list", anak, kondisi="aktif")
        r["url_semua"] = url_daftar("dasbor:desa-list", anak)
    data["url_celah"] = url_daftar("dasbor:desa-list", wilayah, kondisi="celah")
    data["url_aktif"] = url_daftar("dasbor:desa-list", wilayah, kondisi="aktif")
    data["url_semua"] = url_daftar("dasbor:desa-list", wilayah)
    data["grafik"] = grafik.batang_persen([(r["nama"], r["persen"]) for r in data["baris"][:40]])
    data["ekspor"] = [
        (
            _("Cakupan"),
            [_("Kode"), _("Wilayah"), _("Desa"), _("Desa aktif"), _("Desa tanpa kegiatan"), "%"],
            [
                (r["anak"], r["nama"], r["total"], r["aktif"], r["celah"], r["persen"])
                for r in data["baris"]
            ],
        )
    ]
    return data


# ------------------------------------------------------------------------------ activity
def panel_aktivitas(wilayah, periode, user) -> dict:
    periode = _periode(periode)
    data = selectors.aktivitas(user=user, wilayah=wilayah, periode=periode)
    tata_cara = [(tc, label) for tc, label in TataCara.choices]
    for r in data["ember"]:
        r["sel"] = [
            (
                r[tc],
                url_daftar(
                    "dasbor:kegiatan-list",
                    wilayah,
                    dari=r["mulai"],
                    sampai=r["akhir"],
                    tata_cara=tc,
                ),
            )
            for tc, _label in tata_cara
        ]
        r["url"] = url_daftar("dasbor:kegiatan-list", wilayah, dari=r["mulai"], sampai=r["akhir"])
        r["label"] = (
            r["mulai"].strftime("%d/%m")
            if data["satuan"] == "minggu"
            else r["mulai"].strftime("%m/%Y")
        )
    for r in data["anak"]:
        anak = selectors.Wilayah(kode=r["anak"])
        r["url"] = url_daftar(
            "dasbor:kegiatan-list", anak, dari=periode.dari, sampai=periode.sampai
        )
        r["url_dasbor"] = url_dasbor(r["anak"], periode)
    data["total_sel"] = [
        (
            data["total"][tc],
            url_daftar(
                "dasbor:kegiatan-list",
                wilayah,
                dari=periode.dari,
                sampai=periode.sampai,
                tata_cara=tc,
            ),
        )
        for tc, _label in tata_cara
    ]
    data["url_semua"] = url_daftar(
        "dasbor:kegiatan-list", wilayah, dari=periode.dari, sampai=periode.sampai
    )
    data["url_diajukan"] = url_daftar(
        "dasbor:kegiatan-list", wilayah, dari=periode.dari, sampai=periode.sampai, status="diajukan"
    )
    data["tata_cara"] = tata_cara
    data["grafik"] = grafik.batang_bertumpuk(
        [r["label"] for r in data["ember"]],
        [(str(label), [r[tc] for r in data["ember"]]) for tc, label in tata_cara],
    )
    kolom_tc = [str(label) for _tc, label in tata_cara]
    data["ekspor"] = [
        (
            _("Kegiatan per periode"),
            [
                _("Mulai"),
                _("Sampai"),
                *kolom_tc,
                _("Jumlah"),
                _("Jam"),
                _("Peserta L"),
                _("Peserta P"),
            ],
            [
                (
                    r["mulai"],
                    r["akhir"],
                    *[r[tc] for tc, _l in tata_cara],
                    r["jumlah"],
                    r["jam"],
                    r["peserta_laki"],
                    r["peserta_perempuan"],
                )
                for r in data["ember"]
            ],
        ),
        (
            _("Kegiatan per wilayah"),
            [
                _("Kode"),
                _("Wilayah"),
                *kolom_tc,
                _("Jumlah"),
                _("Jam"),
                _("Peserta L"),
                _("Peserta P"),
            ],
            [
                (
                    r["anak"],
                    r["nama"],
                    *[r[tc] for tc, _l in tata_cara],
                    r["jumlah"],
                    r["jam"],
                    r["peserta_laki"],
                    r["peserta_perempuan"],
                )
                for r in data["anak"]
            ],
        ),
    ]
    return data


# ------------------------------------------------------------------------- SDGs and prinsip
def _bulan_penuh(periode: Periode):
    bulan = periode.bulan()
    return bulan[0], selectors.bulan_berikut(bulan[-1]) - datetime.timedelta(days=1)


def panel_sdgs(wilayah, periode, user) -> dict:
    periode = _periode(periode)
    dari, sampai = _bulan_penuh(periode)
    hitung = selectors.label(user=user, wilayah=wilayah, periode=periode, awalan=sumber.AWALAN_SDG)
    baris = []
    for t in TujuanSdgs.objects.order_by("nomor"):
        n = hitung.get(f"{sumber.AWALAN_SDG}{t.nomor}", 0)
        if n or t.aktif:
            baris.append(
                {
                    "nomor": t.nomor,
                    "nama": t.nama,
                    "n": n,
                    "url": url_daftar(
                        "dasbor:kegiatan-list", wilayah, dari=dari, sampai=sampai, sdg=t.nomor
                    ),
                }
            )
    dilayani = [b for b in baris if b["n"]]
    return {
        "baris": baris,
        "dari": dari,
        "sampai": sampai,
        "jumlah_tujuan": len(dilayani),
        "grafik": grafik.batang_nilai([(f"{b['nomor']}. {b['nama']}", b["n"]) for b in dilayani]),
        "ekspor": [
            (
                _("SDGs Desa"),
                [_("Nomor"), _("Tujuan"), _("Kegiatan")],
                [(b["nomor"], b["nama"], b["n"]) for b in baris],
            )
        ],
    }


def panel_prinsip(wilayah, periode, user) -> dict:
    periode = _periode(periode)
    dari, sampai = _bulan_penuh(periode)
    hitung = selectors.label(
        user=user, wilayah=wilayah, periode=periode, awalan=sumber.AWALAN_PRINSIP
    )
    baris = []
    for p in Prinsip.objects.order_by("urutan", "kode"):
        n = {
            nilai: hitung.get(f"{sumber.AWALAN_PRINSIP}{p.kode}:{nilai}", 0)
            for nilai in NilaiPrinsip.values
        }
        dinilai = n[NilaiPrinsip.DIJUNJUNG] + n[NilaiPrinsip.TIDAK_DIJUNJUNG]
        if not (p.aktif or sum(n.values())):
            continue
        baris.append(
            {
                "kode": p.kode,
                "nama": p.nama,
                "dijunjung": n[NilaiPrinsip.DIJUNJUNG],
                "tidak": n[NilaiPrinsip.TIDAK_DIJUNJUNG],
                "tidak_relevan": n[NilaiPrinsip.TIDAK_RELEVAN],
                "persen": round(100 * n[NilaiPrinsip.DIJUNJUNG] / dinilai) if dinilai else None,
                "url_tidak": url_daftar(
                    "dasbor:kegiatan-list", wilayah, dari=dari, sampai=sampai, prinsip=p.kode
                ),
            }
        )
    return {
        "baris": baris,
        "dari": dari,
        "sampai": sampai,
        "grafik": grafik.batang_persen(
            [(b["nama"], b["persen"]) for b in baris if b["persen"] is not None]
        ),
        "ekspor": [
            (
                _("Prinsip"),
                [
                    _("Prinsip"),
                    _("Dijunjung"),
                    _("Tidak dijunjung"),
                    _("Tidak relevan"),
                    "% dijunjung",
                ],
                [
                    (b["nama"], b["dijunjung"], b["tidak"], b["tidak_relevan"], b["persen"])
                    for b in baris
                ],
            )
        ],
    }


# --------------------------------------------------------------------------- facilitators
def panel_pendamping(wilayah, periode, user) -> dict:
    periode = _periode(periode)
    data = selectors.pendamping_ringkas(user=user, wilayah=wilayah, periode=periode)
    bulan = periode.bulan()
    dari, sampai = bulan[0], selectors.bulan_berikut(bulan[-1]) - datetime.timedelta(days=1)
    data["dari"], data["sampai"] = dari, sampai
    for p in data["teratas"]:
        p.url = url_daftar(
            "dasbor:kegiatan-list", wilayah, dari=dari, sampai=sampai, pendamping=p.pk
        )
        p.url_diajukan = url_daftar(
            "dasbor:kegiatan-list",
            wilayah,
            dari=dari,
            sampai=sampai,
            pendamping=p.pk,
            status="diajukan",
        )
    for r in data["kosong"]:
        r["url"] = url_daftar(
            "dasbor:desa-list", selectors.Wilayah(kode=r["anak"]), kondisi="kosong"
        )
    data["url_semua"] = url_daftar(
        "dasbor:pendamping-list", wilayah, dari=periode.dari, sampai=periode.sampai
    )
    data["url_kosong"] = url_daftar("dasbor:desa-list", wilayah, kondisi="kosong")
    data["url_diajukan"] = url_daftar(
        "dasbor:kegiatan-list", wilayah, dari=dari, sampai=sampai, status="diajukan"
    )
    data["ekspor"] = [
        (
            _("Pendamping"),
            [
                _("Nama"),
                _("Jabatan"),
                _("Kegiatan"),
                _("Hari kerja"),
                _("Menunggu verifikasi"),
                _("Ditandai"),
            ],
            [
                (
                    p.nama,
                    p.get_jabatan_display(),
                    p.n_kegiatan,
                    p.n_hari,
                    p.n_diajukan,
                    p.n_ditandai,
                )
                for p in data["teratas"]
            ],
        ),
        (
            _("Desa tanpa pendamping"),
            [_("Kode"), _("Wilayah"), _("Desa tanpa pendamping")],
            [(r["anak"], r["nama"], r["n"]) for r in data["kosong"]],
        ),
    ]
    return data


# ----------------------------------------------------------------------------- follow-ups
def panel_tindak_lanjut(wilayah, periode, user) -> dict:
    periode = _periode(periode)
    data = selectors.tindak_lanjut_ringkas(user=user, wilayah=wilayah)
    for r in data["per_wilayah"]:
        anak = selectors.Wilayah(kode=r["anak"])
        r["url_terbuka"] = url_daftar("dasbor:tindaklanjut-list", anak, status="terbuka")
        r["url_terlambat"] = url_daftar("dasbor:tindaklanjut-list", anak, status="terlambat")
    for r in data["per_pemilik"]:
        r["url_terbuka"] = url_daftar(
            "dasbor:tindaklanjut-list", wilayah, status="terbuka", pendamping=r["pendamping_id"]
        )
        r["url_terlambat"] = url_daftar(
            "dasbor:tindaklanjut-list", wilayah, status="terlambat", pendamping=r["pendamping_id"]
        )
    data["url_terbuka"] = url_daftar("dasbor:tindaklanjut-list", wilayah, status="terbuka")
    data["url_terlambat"] = url_daftar("dasbor:tindaklanjut-list", wilayah, status="terlambat")
    data["ekspor"] = [
        (
            _("Tindak lanjut per wilayah"),
            [_("Kode"), _("Wilayah"), _("Terbuka"), _("Terlambat")],
            [(r["anak"], r["nama"], r["terbuka"], r["terlambat"]) for r in data["per_wilayah"]],
        ),
        (
            _("Tindak lanjut per pendamping"),
            [_("Pendamping"), _("Terbuka"), _("Terlambat")],
            [(r["pendamping__nama"], r["terbuka"], r["terlambat"]) for r in data["per_pemilik"]],
        ),
    ]
    return data
