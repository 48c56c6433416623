"""The fasilitasi endpoints of the API (fasilitasi/api.py) in the scope walk: the case and
document lists show the user's own rows only; a case, a document and its file outside the scope
are a 404; a POST is refused (the endpoints read only)."""

from fasilitasi import services
from tests.fasilitasi.factories import berkas_pdf

from .cases_fasilitasi import _kasus
from .kasus import Daftar, Objek


def _dokumen(d, desa):
    return services.dokumen_lampirkan(
        kasus=_kasus(d, desa),
        user=d.pemilik[desa.kode].user,
        nama="Rancangan Perdes APB Desa",
        berkas=berkas_pdf(nama=f"walk-{desa.kode}.pdf", isi=desa.kode.encode()),
    )


KASUS = {
    "api:fasilitasi-list": Daftar(buat=lambda d, desa: _kasus(d, desa).judul),
    "api:fasilitasi-detail": Objek(buat=lambda d, desa: {"pk": _kasus(d, desa).pk}),
    "api:fasilitasi-dokumen-list": Daftar(buat=lambda d, desa: _dokumen(d, desa).nama_asli),
    "api:fasilitasi-dokumen-detail": Objek(buat=lambda d, desa: {"pk": _dokumen(d, desa).pk}),
    "api:fasilitasi-dokumen-unduh": Objek(buat=lambda d, desa: {"pk": _dokumen(d, desa).pk}),
}
