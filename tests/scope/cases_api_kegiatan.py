"""The daily log's API (pendampingan/api/kegiatan*.py) in the scope walk: the same reach as the
site's pages (cases_kegiatan.py) — a facilitator their own entries, a supervisor those below them,
nobody an entry of another kabupaten (404); anonymous gets 401."""

from .cases_kegiatan import _dokumen, _foto, _kegiatan, _pk, _tindak_lanjut
from .kasus import Daftar, Objek

KASUS = {
    "api:kegiatan-list": Daftar(buat=lambda d, desa: _kegiatan(d, desa).judul),
    "api:kegiatan-detail": Objek(buat=_pk(_kegiatan)),
    # the flow's buttons: a factory draft lacks its checklist, so submitting it is refused (400)
    "api:kegiatan-ajukan": Objek(buat=_pk(_kegiatan), metode="post", status=(400,)),
    "api:kegiatan-tarik": Objek(
        buat=_pk(_kegiatan, status="diajukan"), metode="post", status=(200,)
    ),
    "api:kegiatan-verifikasi": Objek(
        buat=_pk(_kegiatan, status="diajukan"), metode="post", status=(200,), pengguna_a="pengawas"
    ),
    "api:kegiatan-kembalikan": Objek(
        buat=_pk(_kegiatan, status="diajukan"),
        metode="post",
        data={"catatan": "Lengkapi daftar hadir."},
        status=(200,),
        pengguna_a="pengawas",
    ),
    # uploads: the walk posts no file, so the owner gets the 400 that asks for one
    "api:kegiatan-foto": Objek(buat=_pk(_kegiatan), metode="post", status=(400,)),
    "api:kegiatan-dokumen": Objek(buat=_pk(_kegiatan), metode="post", status=(400,)),
    "api:kegiatan-antrean-list": Daftar(
        buat=lambda d, desa: _kegiatan(d, desa, status="diajukan").judul, pengguna="pengawas"
    ),
    # one entry of the queue (the base viewset's retrieve): a supervisor's, through the queue
    "api:kegiatan-antrean-detail": Objek(
        buat=_pk(_kegiatan, status="diajukan"), pengguna_a="pengawas"
    ),
    "api:foto-kegiatan-detail": Objek(buat=_pk(_foto)),
    "api:foto-kegiatan-unduh": Objek(buat=_pk(_foto)),
    "api:dokumen-kegiatan-detail": Objek(buat=_pk(_dokumen)),
    "api:dokumen-kegiatan-unduh": Objek(buat=_pk(_dokumen)),
    "api:tindaklanjut-list": Daftar(buat=lambda d, desa: _tindak_lanjut(d, desa).judul),
    "api:tindaklanjut-detail": Objek(buat=_pk(_tindak_lanjut)),
    # closing is the follower's only (a supervisor gets 404): walked as a POST
    "api:tindaklanjut-selesai": Objek(
        buat=_pk(_tindak_lanjut),
        metode="post",
        data={"status": "selesai", "catatan": "Sudah dilaksanakan."},
        status=(200,),
    ),
}
