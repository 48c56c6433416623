"""Monthly reports through the API (pendampingan/bulanan/api.py) in the scope walk."""

from tests.bulanan.factories import laporan

from .kasus import Daftar, Objek


def _laporan(d, desa):
    return {"pk": laporan(d.pemilik[desa.kode], desa).pk}


def _penanda(d, desa):
    lap = laporan(d.pemilik[desa.kode], desa, catatan_pengawas=f"Catatan laporan {desa.kode}")
    return lap.catatan_pengawas


KASUS = {
    "api:laporanbulanan-list": Daftar(buat=_penanda),
    "api:laporanbulanan-detail": Objek(buat=_laporan),
}
