"""The dashboard's figures through the API (pendampingan/dasbor/api.py) in the scope walk."""

from .kasus import Daftar

KASUS = {
    # the user's widest region by default (PD A: kecamatan A, whose desa it names per child)
    "api:dasbor-list": Daftar(buat=lambda d, desa: desa.nama, pengguna="pengawas"),
    # the coverage matrix: a column per desa of kecamatan A
    "api:dasbor-matriks-list": Daftar(buat=lambda d, desa: desa.nama, pengguna="pengawas"),
}
