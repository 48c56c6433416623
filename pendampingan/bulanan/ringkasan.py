"""Drafting a monthly report from the month's daily-log entries (pure reads, fixed queries).

* hours sheet: per day, the entries' time ranges merged (overlapping entries are not counted
  twice), so "hours worked" is the time covered by at least one activity;
* counts per tata cara, per desa and per status;
* plan against realisation: each plan row's target against the entries of that desa and tata
  cara, and the realised pairs nobody planned;
* problems met and their solutions, participants by sex, the SDGs Desa goals served;
* follow-ups opened and closed in the month;
* the narrative drafts, one per tata cara and one per desa.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict

from django.db.models import Count, Q
from django.utils import formats
from django.utils.translation import gettext as _

from pendampingan.models import (
    FotoKegiatan,
    Kegiatan,
    Pendamping,
    StatusKegiatan,
    StatusTindakLanjut,
    TataCara,
    TindakLanjut,
)
from pendampingan.wilayah_kode import leluhur

from .models import RencanaKerja
from .periode import akhir_bulan, nama_bulan

PANJANG_CUPLIKAN = 240


def kegiatan_bulan(*, pendamping: Pendamping, bulan: datetime.date, lengkap: bool = False):
    """The facilitator's entries of the month, in date order (not scoped: callers hold the report
    or are the facilitator). ``lengkap``: with their SDGs goals (one more query) and photo count."""
    qs = (
        Kegiatan.objects.filter(
            pendamping=pendamping, tanggal__gte=bulan, tanggal__lte=akhir_bulan(bulan)
        )
        .select_related("wilayah")
        .order_by("tanggal", "jam_mulai", "pk")
    )
    if lengkap:
        qs = qs.prefetch_related("sdgs").annotate(jumlah_foto=Count("foto", distinct=True))
    return qs


def foto_pilihan(*, kegiatan_ids: list[int], batas: int) -> list[FotoKegiatan]:
    """A selection of the month's photos: the first photo of each entry, in date order, at most
    ``batas``. One query; only the thumbnails are read when the photos are shown."""
    if not kegiatan_ids or batas <= 0:
        return []
    terpilih, dilihat = [], set()
    qs = (
        FotoKegiatan.objects.filter(kegiatan_id__in=kegiatan_ids)
        .select_related("kegiatan", "kegiatan__wilayah")
        .order_by("kegiatan__tanggal", "kegiatan__jam_mulai", "kegiatan_id", "pk")
        .only(
            "pk",
            "thumbnail",
            "exif_waktu",
            "kegiatan__id",
            "kegiatan__judul",
            "kegiatan__tanggal",
            "kegiatan__jam_mulai",
            "kegiatan__wilayah__kode",
            "kegiatan__wilayah__nama",
        )
    )
    for f in qs.iterator():
        if f.kegiatan_id in dilihat:
            continue
        dilihat.add(f.kegiatan_id)
        terpilih.append(f)
        if len(terpilih) >= batas:
            break
    return terpilih


def _menit(t: datetime.time) -> int:
    return t.hour * 60 + t.minute


def gabung_rentang(rentang: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping [start, end) minute ranges."""
    hasil: list[list[int]] = []
    for a, b in sorted(r for r in rentang if r[1] > r[0]):
        if hasil and a <= hasil[-1][1]:
            hasil[-1][1] = max(hasil[-1][1], b)
        else:
            hasil.append([a, b])
    return [(a, b) for a, b in hasil]


def lembar_jam(kegiatan: list[Kegiatan]) -> list[dict]:
    """The hours sheet: one row per day worked."""
    per_hari: dict[datetime.date, list[Kegiatan]] = defaultdict(list)
    for k in kegiatan:
        per_hari[k.tanggal].append(k)
    baris = []
    for tanggal in sorted(per_hari):
        items = per_hari[tanggal]
        rentang = gabung_rentang([(_menit(k.jam_mulai), _menit(k.jam_selesai)) for k in items])
        menit = sum(b - a for a, b in rentang)
        baris.append(
            {
                "tanggal": tanggal.isoformat(),
                "label": formats.date_format(tanggal, "D, j M Y"),
                "kegiatan": len(items),
                "mulai": min(k.jam_mulai for k in items).strftime("%H:%M"),
                "selesai": max(k.jam_selesai for k in items).strftime("%H:%M"),
                "menit": menit,
                "jam": f"{menit // 60}:{menit % 60:02d}",
                "judul": [k.judul for k in items],
            }
        )
    return baris


def _label_tata_cara(kode: str) -> str:
    try:
        return str(TataCara(kode).label)
    except ValueError:
        return kode


def _cuplik(teks: str) -> str:
    teks = " ".join((teks or "").split())
    return teks if len(teks) <= PANJANG_CUPLIKAN else teks[: PANJANG_CUPLIKAN - 1].rstrip() + "…"


def _daftar_nama(nama: list[str]) -> str:
    nama = list(dict.fromkeys(nama))
    if len(nama) <= 1:
        return "".join(nama)
    return ", ".join(nama[:-1]) + " " + _("dan") + " " + nama[-1]


def _baris_kegiatan(k: Kegiatan, dengan_desa: bool, dengan_tata_cara: bool) -> str:
    bagian = [formats.date_format(k.tanggal, "j M"), k.judul]
    if dengan_desa:
        bagian[1] += f" ({k.wilayah.nama})"
    if dengan_tata_cara:
        bagian[1] += f" [{k.get_tata_cara_display()}]"
    teks = f"- {bagian[0]}: {bagian[1]}."
    if k.uraian:
        teks += " " + _cuplik(k.uraian)
    if k.hasil:
        teks += " " + _("Hasil: %(h)s") % {"h": _cuplik(k.hasil)}
    return teks


def draf_narasi(
    *, bulan: datetime.date, kegiatan: list[Kegiatan]
) -> list[tuple[str, str, str, str]]:
    """Narrative drafts as (jenis, kunci, judul, teks): one per tata cara met, one per desa."""
    nama = nama_bulan(bulan)
    hasil = []
    per_tc: dict[str, list[Kegiatan]] = defaultdict(list)
    per_desa: dict[str, list[Kegiatan]] = defaultdict(list)
    for k in kegiatan:
        per_tc[k.tata_cara].append(k)
        per_desa[k.wilayah_id].append(k)
    urutan_tc = [c.value for c in TataCara]
    for kode in sorted(per_tc, key=lambda c: urutan_tc.index(c) if c in urutan_tc else 99):
        items = per_tc[kode]
        label = _label_tata_cara(kode)
        kepala = _("Selama %(bulan)s dilaksanakan %(n)d kegiatan %(tc)s di %(tempat)s.") % {
            "bulan": nama,
            "n": len(items),
            "tc": label.lower(),
            "tempat": _daftar_nama([k.wilayah.label_lengkap for k in items]),
        }
        baris = [_baris_kegiatan(k, dengan_desa=True, dengan_tata_cara=False) for k in items]
        hasil.append(("tata_cara", kode, label, "\n".join([kepala, *baris])))
    for kode in sorted(per_desa):
        items = per_desa[kode]
        w = items[0].wilayah
        kepala = _("Di %(tempat)s dilaksanakan %(n)d kegiatan selama %(bulan)s: %(tc)s.") % {
            "tempat": w.label_lengkap,
            "n": len(items),
            "bulan": nama,
            "tc": _daftar_nama(
                [
                    f"{_label_tata_cara(c).lower()} ({n})"
                    for c, n in Counter(k.tata_cara for k in items).items()
                ]
            ),
        }
        baris = [_baris_kegiatan(k, dengan_desa=False, dengan_tata_cara=True) for k in items]
        hasil.append(("desa", kode, w.label_lengkap, "\n".join([kepala, *baris])))
    return hasil


def rencana_realisasi(*, rencana: list[RencanaKerja], kegiatan: list[Kegiatan]) -> list[dict]:
    """Each plan row with its realisation, then the realised (desa, tata cara) pairs not planned."""
    realisasi = Counter((k.wilayah_id, k.tata_cara) for k in kegiatan)
    nama_desa = {k.wilayah_id: k.wilayah.label_lengkap for k in kegiatan}
    baris = []
    direncanakan = set()
    for r in rencana:
        kunci = (r.wilayah_id, r.tata_cara)
        direncanakan.add(kunci)
        n = realisasi.get(kunci, 0)
        baris.append(
            {
                "desa_kode": r.wilayah_id,
                "desa": r.wilayah.label_lengkap,
                "tata_cara": r.tata_cara,
                "tata_cara_label": _label_tata_cara(r.tata_cara),
                "sasaran": r.sasaran,
                "target": r.target_kegiatan,
                "realisasi": n,
                "persen": round(100 * n / r.target_kegiatan) if r.target_kegiatan else 0,
                "direncanakan": True,
            }
        )
    for (desa, tc), n in sorted(realisasi.items()):
        if (desa, tc) in direncanakan:
            continue
        baris.append(
            {
                "desa_kode": desa,
                "desa": nama_desa[desa],
                "tata_cara": tc,
                "tata_cara_label": _label_tata_cara(tc),
                "sasaran": "",
                "target": 0,
                "realisasi": n,
                "persen": None,
                "direncanakan": False,
            }
        )
    return baris


def _tindak_lanjut(*, pendamping: Pendamping, bulan: datetime.date) -> dict:
    akhir = akhir_bulan(bulan)
    rows = list(
        TindakLanjut.objects.filter(pendamping=pendamping)
        .filter(
            Q(dibuat__date__gte=bulan, dibuat__date__lte=akhir)
            | Q(selesai_pada__date__gte=bulan, selesai_pada__date__lte=akhir)
        )
        .select_related("wilayah")
        .order_by("jatuh_tempo", "pk")
    )

    def ke_dict(t):
        return {
            "judul": t.judul,
            "desa": t.wilayah.nama,
            "penanggung_jawab": t.penanggung_jawab,
            "jatuh_tempo": t.jatuh_tempo.isoformat(),
            "status": t.get_status_display(),
            "catatan": t.catatan_selesai,
        }

    def di_bulan(dt):
        return dt is not None and bulan <= dt.date() <= akhir

    return {
        "dibuka": [ke_dict(t) for t in rows if di_bulan(t.dibuat)],
        "ditutup": [
            ke_dict(t)
            for t in rows
            if t.status != StatusTindakLanjut.TERBUKA and di_bulan(t.selesai_pada)
        ],
    }


def wilayah_laporan(*, kode_list: list[str]) -> str | None:
    """The narrowest region that holds every code (a desa itself, else the common ancestor)."""
    if not kode_list:
        return None
    bersama = None
    for kode in kode_list:
        rantai = [*leluhur(kode), kode]
        if bersama is None:
            bersama = rantai
            continue
        sama = 0
        while sama < min(len(bersama), len(rantai)) and bersama[sama] == rantai[sama]:
            sama += 1
        bersama = bersama[:sama]
    return bersama[-1] if bersama else None


def _masalah(kegiatan: list[Kegiatan]) -> list[dict]:
    return [
        {
            "tanggal": k.tanggal.isoformat(),
            "judul": k.judul,
            "desa": k.wilayah.nama,
            "masalah": k.masalah.strip(),
            "solusi": k.solusi.strip(),
        }
        for k in kegiatan
        if k.masalah.strip() or k.solusi.strip()
    ]


def _sdgs(kegiatan: list[Kegiatan]) -> list[dict]:
    hitung: Counter = Counter()
    nama = {}
    for k in kegiatan:
        for t in k.sdgs.all():
            hitung[t.nomor] += 1
            nama[t.nomor] = t.nama
    return [{"nomor": n, "nama": nama[n], "jumlah": hitung[n]} for n in sorted(hitung)]


def ringkasan_hitung(*, pendamping: Pendamping, bulan: datetime.date) -> dict:
    """Every figure of the report for the facilitator's month. Six queries."""
    kegiatan = list(kegiatan_bulan(pendamping=pendamping, bulan=bulan, lengkap=True))
    rencana = list(
        RencanaKerja.objects.filter(pendamping=pendamping, bulan=bulan)
        .select_related("wilayah")
        .order_by("wilayah_id", "tata_cara")
    )
    hari = lembar_jam(kegiatan)
    per_status = Counter(k.status for k in kegiatan)
    per_tc = Counter(k.tata_cara for k in kegiatan)
    per_desa = Counter(k.wilayah_id for k in kegiatan)
    nama_desa = {k.wilayah_id: k.wilayah.label_lengkap for k in kegiatan}
    return {
        "hari": hari,
        "hari_kerja": len(hari),
        "menit_kerja": sum(h["menit"] for h in hari),
        "jumlah_kegiatan": len(kegiatan),
        "terverifikasi": per_status.get(StatusKegiatan.DIVERIFIKASI, 0),
        "per_status": {
            s.value: {"label": str(s.label), "jumlah": per_status.get(s.value, 0)}
            for s in StatusKegiatan
        },
        "per_tata_cara": [
            {"kode": c.value, "label": str(c.label), "jumlah": per_tc.get(c.value, 0)}
            for c in TataCara
            if per_tc.get(c.value)
        ],
        "per_desa": [
            {"kode": kode, "nama": nama_desa[kode], "jumlah": n}
            for kode, n in sorted(per_desa.items())
        ],
        "rencana": rencana_realisasi(rencana=rencana, kegiatan=kegiatan),
        "masalah": _masalah(kegiatan),
        "sdgs": _sdgs(kegiatan),
        "peserta": {
            "laki": sum(k.peserta_laki for k in kegiatan),
            "perempuan": sum(k.peserta_perempuan for k in kegiatan),
        },
        "foto": sum(getattr(k, "jumlah_foto", 0) for k in kegiatan),
        "tindak_lanjut": _tindak_lanjut(pendamping=pendamping, bulan=bulan),
        "_kegiatan": kegiatan,
    }
