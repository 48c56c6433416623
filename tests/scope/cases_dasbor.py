import datetime

from pendampingan.models import TataCara

from .kasus import Daftar


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
    # CSV here; the PDF (POST, queued on the core's download pipeline) is walked in
    # tests/dasbor/test_views.py: 404 outside the scope, the file only to its owner
    "dasbor:dasbor-ekspor": Daftar(
        buat=lambda d, desa: desa.nama, pengguna="pengawas", kwargs=lambda d: {"format": "csv"}
    ),
    # the coverage matrix of the user's widest region (PD A: kecamatan A, a column per desa)
    "dasbor:matriks": Daftar(buat=lambda d, desa: desa.nama, pengguna="pengawas"),
    # its XLSX: GET asks (the region's name), POST queues (tests/dasbor/test_matriks.py)
    "dasbor:matriks-ekspor": Daftar(buat=lambda d, desa: desa.induk.nama, pengguna="pengawas"),
    "dasbor:kegiatan-list": Daftar(buat=_kegiatan, pengguna="pengawas"),
    "dasbor:tindaklanjut-list": Daftar(buat=_tindak_lanjut, pengguna="pengawas"),
    "dasbor:desa-list": Daftar(buat=lambda d, desa: desa.nama, pengguna="pengawas"),
    "dasbor:pendamping-list": Daftar(
        buat=lambda d, desa: d.pemilik[desa.kode].nama, pengguna="pengawas"
    ),
    "dasbor:ekspor": Daftar(
        buat=_kegiatan, pengguna="pengawas", kwargs=lambda d: {"kunci": "kegiatan", "format": "csv"}
    ),
}
