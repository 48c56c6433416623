"""Monthly reports through the API (pendampingan/bulanan/api.py) in the scope walk."""

import datetime

from tests.bulanan.factories import laporan

from .kasus import Daftar, Objek


def _laporan(d, desa):
    return {"pk": laporan(d.pemilik[desa.kode], desa).pk}


def _penanda(d, desa):
    # a month of its own: the admin walk builds every list's rows in one world, beside the site's
    # report of this month (tests/scope/cases_bulanan.py)
    lap = laporan(
        d.pemilik[desa.kode],
        desa,
        bulan=datetime.date(2025, 11, 1),
        catatan_pengawas=f"Catatan laporan {desa.kode}",
    )
    return lap.catatan_pengawas


KASUS = {
    "api:laporanbulanan-list": Daftar(buat=_penanda),
    "api:laporanbulanan-detail": Objek(buat=_laporan),
}
