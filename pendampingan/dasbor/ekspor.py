"""The core lists' exports, registered with ``pendampingan.ekspor`` in ``hooks`` (served by
``dasbor:ekspor``; the large ones built by the ``dasbor.ekspor`` builder).

Each reads the region named by ``filter["wilayah"]`` (the user's widest when absent). The view has
answered 404 for a region outside the user's scope before calling them; run later by the builder,
they refuse with ``PermissionDenied`` a region that is no longer the user's.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from pendampingan.ekspor import Ekspor

from . import akses, selectors
from .forms import (
    FilterDesaForm,
    FilterKegiatanForm,
    FilterPendampingForm,
    FilterTindakLanjutForm,
    filter_bersih,
)
from .periode import periode_filter


def _wilayah(user, f):
    w = selectors.wilayah_dari_filter(user=user, filter=f)
    akses.pastikan_lihat_wilayah(user, w.kode if w is not None else None)
    return w


def _f(form_class, f: dict) -> dict:
    return {**filter_bersih(form_class, f), "wilayah": f.get("wilayah")}


# ------------------------------------------------------------------------------- kegiatan
def _kegiatan_qs(user, f):
    f = _f(FilterKegiatanForm, f)
    return selectors.kegiatan_daftar(user=user, wilayah=_wilayah(user, f), filter=f)


def kegiatan_baris(user, f):
    kolom = [
        _("Tanggal"),
        _("Jam mulai"),
        _("Jam selesai"),
        _("Kode wilayah"),
        _("Wilayah"),
        _("Pendamping"),
        _("Tata cara"),
        _("Judul"),
        _("Status"),
    ]
    qs = _kegiatan_qs(user, f)

    def baris():
        for k in qs.iterator(chunk_size=2000):
            yield (
                k.tanggal,
                k.jam_mulai,
                k.jam_selesai,
                k.wilayah_id,
                k.wilayah.nama,
                k.pendamping.nama,
                k.get_tata_cara_display(),
                k.judul,
                k.get_status_display(),
            )

    return kolom, baris()


# --------------------------------------------------------------------------- tindak lanjut
def _tindak_lanjut_qs(user, f):
    f = _f(FilterTindakLanjutForm, f)
    return selectors.tindak_lanjut_daftar(user=user, wilayah=_wilayah(user, f), filter=f)


def tindak_lanjut_baris(user, f):
    kolom = [
        _("Jatuh tempo"),
        _("Kode wilayah"),
        _("Wilayah"),
        _("Tindak lanjut"),
        _("Yang melaksanakan"),
        _("Pendamping pemantau"),
        _("Status"),
    ]
    qs = _tindak_lanjut_qs(user, f)

    def baris():
        for t in qs.iterator(chunk_size=2000):
            yield (
                t.jatuh_tempo,
                t.wilayah_id,
                t.wilayah.nama,
                t.judul,
                t.penanggung_jawab,
                t.pendamping.nama,
                t.get_status_display(),
            )

    return kolom, baris()


# ------------------------------------------------------------------------------------ desa
def _desa_qs(user, f):
    f = _f(FilterDesaForm, f)
    return selectors.desa_daftar(
        user=user, wilayah=_wilayah(user, f), kondisi=f.get("kondisi", ""), q=f.get("q", "")
    )


def desa_baris(user, f):
    kolom = [_("Kode"), _("Desa/Kelurahan"), _("Jenis"), _("Kecamatan"), _("Kegiatan terakhir")]
    qs = _desa_qs(user, f)

    def baris():
        for d in qs.iterator(chunk_size=2000):
            yield (
                d.kode,
                d.nama,
                d.get_jenis_display(),
                d.induk.nama if d.induk else "",
                d.terakhir,
            )

    return kolom, baris()


# ------------------------------------------------------------------------------ pendamping
def _pendamping_qs(user, f):
    f = _f(FilterPendampingForm, f)
    w = _wilayah(user, f)
    periode = periode_filter(f.get("dari"), f.get("sampai"))
    return selectors.pendamping_daftar(
        user=user, wilayah=w, periode=periode, urut=f.get("urut", "nama")
    )


def pendamping_baris(user, f):
    kolom = [
        _("Nama"),
        _("Jabatan"),
        _("Kegiatan"),
        _("Hari kerja"),
        _("Jam"),
        _("Menunggu verifikasi"),
        _("Ditandai"),
    ]
    qs = _pendamping_qs(user, f)

    def baris():
        for p in qs.iterator(chunk_size=2000):
            yield (
                p.nama,
                p.get_jabatan_display(),
                p.n_kegiatan,
                p.n_hari,
                round(p.n_menit / 60, 1),
                p.n_diajukan,
                p.n_ditandai,
            )

    return kolom, baris()


EKSPOR = [
    Ekspor("kegiatan", _l("Kegiatan"), kegiatan_baris, lambda u, f: _kegiatan_qs(u, f).count()),
    Ekspor(
        "tindak_lanjut",
        _l("Tindak lanjut"),
        tindak_lanjut_baris,
        lambda u, f: _tindak_lanjut_qs(u, f).count(),
    ),
    Ekspor("desa", _l("Desa"), desa_baris, lambda u, f: _desa_qs(u, f).count()),
    Ekspor(
        "pendamping", _l("Pendamping"), pendamping_baris, lambda u, f: _pendamping_qs(u, f).count()
    ),
]
