import datetime

from pendampingan.models import TataCara

from .kasus import Daftar, Lewati, Login


def _kegiatan(d, desa):
    from tests.factories import KegiatanFactory

    k = KegiatanFactory(
        pendamping=d.pemilik[desa.kode],
        wilayah=desa,
        tanggal=datetime.date.today(),
        tata_cara=TataCara.ASISTENSI,
        judul=f"Kegiatan penanda {desa.kode}",
    )
    return k.judul


def _tindak_lanjut(d, desa):
    from tests.factories import TindakLanjutFactory

    return TindakLanjutFactory(
        pendamping=d.pemilik[desa.kode], wilayah=desa, judul=f"TL penanda {desa.kode}"
    ).judul


KASUS = {
    # the dashboard of the user's widest region (PD A: kecamatan A, whose desa it lists)
    "dasbor:dasbor": Daftar(buat=lambda d, desa: desa.nama, pengguna="pengawas"),
    "dasbor:dasbor-ekspor": Daftar(
        buat=lambda d, desa: desa.nama, pengguna="pengawas", kwargs=lambda d: {"format": "csv"}
    ),
    "dasbor:kegiatan-list": Daftar(buat=_kegiatan, pengguna="pengawas"),
    "dasbor:tindaklanjut-list": Daftar(buat=_tindak_lanjut, pengguna="pengawas"),
    "dasbor:desa-list": Daftar(buat=lambda d, desa: desa.nama, pengguna="pengawas"),
    "dasbor:pendamping-list": Daftar(
        buat=lambda d, desa: d.pemilik[desa.kode].nama, pengguna="pengawas"
    ),
    "dasbor:ekspor": Daftar(
        buat=_kegiatan, pengguna="pengawas", kwargs=lambda d: {"kunci": "kegiatan", "format": "csv"}
    ),
    "dasbor:unduhan-list": Login(),
    "dasbor:unduhan-ambil": Lewati(
        "Unduhan milik pengguna, bukan milik wilayah: hanya pemiliknya yang boleh mengambil "
        "(404 bagi orang lain, termasuk atasannya) — diuji di tests/dasbor/test_views.py."
    ),
}
