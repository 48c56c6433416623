"""The daily log's URLs in the scope walk: a facilitator reaches their own entries, a supervisor
those below them, nobody an entry of another kabupaten (404)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from .kasus import Daftar, Login, Objek


def _kegiatan(dunia, desa, status="draf", judul=None):
    from tests.factories import KegiatanFactory

    return KegiatanFactory(
        pendamping=dunia.pemilik[desa.kode],
        wilayah=desa,
        status=status,
        judul=judul or f"Kegiatan di {desa.nama}",
    )


def _foto(dunia, desa):
    from pendampingan.kegiatan import services
    from tests.kegiatan.factories import unggah_jpeg

    k = _kegiatan(dunia, desa)
    return services.foto_tambah(kegiatan=k, berkas=unggah_jpeg(), user=k.pendamping.user)


def _dokumen(dunia, desa):
    from pendampingan.kegiatan import services
    from tests.kegiatan.factories import pdf_bytes

    k = _kegiatan(dunia, desa)
    return services.dokumen_tambah(
        kegiatan=k, berkas=SimpleUploadedFile("n.pdf", pdf_bytes()), user=k.pendamping.user
    )


def _tindak_lanjut(dunia, desa, judul=None):
    from tests.factories import TindakLanjutFactory

    return TindakLanjutFactory(
        pendamping=dunia.pemilik[desa.kode],
        wilayah=desa,
        judul=judul or f"Tindak lanjut {desa.nama}",
    )


def _pk(fn, **kw):
    return lambda d, desa: {"pk": fn(d, desa, **kw).pk}


KASUS = {
    "pendampingan:kegiatan-list": Daftar(buat=lambda d, desa: _kegiatan(d, desa).judul),
    "pendampingan:kegiatan-buat": Login(),
    "pendampingan:kegiatan-antrean": Daftar(
        buat=lambda d, desa: _kegiatan(d, desa, status="diajukan").judul, pengguna="pengawas"
    ),
    # POST only, no row in the URL: the ids are filtered through the queue selector
    # (tests/kegiatan/test_views.py::test_verifikasi_banyak_*)
    "pendampingan:kegiatan-verifikasi-banyak": Login(status=(405,)),
    "pendampingan:kegiatan-detail": Objek(buat=_pk(_kegiatan)),
    # the edit form is the owner's only (a supervisor gets 404 too): walked as a POST
    "pendampingan:kegiatan-ubah": Objek(buat=_pk(_kegiatan), metode="post", status=(200,)),
    "pendampingan:kegiatan-ajukan": Objek(buat=_pk(_kegiatan), metode="post", status=(302,)),
    "pendampingan:kegiatan-tarik": Objek(
        buat=_pk(_kegiatan, status="diajukan"), metode="post", status=(302,)
    ),
    "pendampingan:kegiatan-verifikasi": Objek(
        buat=_pk(_kegiatan, status="diajukan"), metode="post", status=(302,), pengguna_a="pengawas"
    ),
    "pendampingan:kegiatan-kembalikan": Objek(
        buat=_pk(_kegiatan, status="diajukan"), pengguna_a="pengawas"
    ),
    "pendampingan:kegiatan-foto": Objek(buat=_pk(_foto)),
    "pendampingan:kegiatan-foto-hapus": Objek(buat=_pk(_foto), metode="post", status=(302,)),
    "pendampingan:kegiatan-dokumen": Objek(buat=_pk(_dokumen)),
    "pendampingan:kegiatan-dokumen-hapus": Objek(buat=_pk(_dokumen), metode="post", status=(302,)),
    "pendampingan:tindaklanjut-list": Daftar(buat=lambda d, desa: _tindak_lanjut(d, desa).judul),
    # closing is the follower's only: walked as a POST (an empty form re-renders with errors)
    "pendampingan:tindaklanjut-selesai": Objek(
        buat=_pk(_tindak_lanjut), metode="post", status=(200,)
    ),
}
