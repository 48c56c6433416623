from pendampingan.notifikasi.models import Saluran

from .kasus import Daftar, Login, Objek


def _pesan(dunia, desa, subjek=None):
    from pendampingan.notifikasi.models import Pesan

    pemilik = dunia.pemilik[desa.kode]
    p = Pesan.objects.create(
        saluran=Saluran.IN_APP,
        peristiwa="uji.scope",
        penerima_user=pemilik.user,
        wilayah=desa,
        subjek=subjek or f"Pemberitahuan untuk {desa.nama}",
        isi="isi",
        kunci=f"scope:{desa.kode}:{Pesan.objects.count()}",
        status="terkirim",
    )
    return p


KASUS = {
    "notifikasi:pesan-list": Daftar(buat=lambda d, desa: _pesan(d, desa).subjek),
    "notifikasi:pesan-baca": Objek(
        buat=lambda d, desa: {"pk": _pesan(d, desa).pk}, metode="post", status=(302,)
    ),
    # POST only, no row in the URL: each user marks only their own (tests/notifikasi/test_views.py)
    "notifikasi:pesan-baca-semua": Login(status=(405,)),
}
