from django.core.files.base import ContentFile

from pendampingan.models import StatusUnduhan, Unduhan

from .kasus import Daftar, Lewati, Login, Milik, Objek, Publik


def _unduhan(d, pendamping):
    u = Unduhan.objects.create(
        pengguna=pendamping.user,
        jenis="uji",
        judul=f"Unduhan {pendamping.user.username}",
        status=StatusUnduhan.SIAP,
        nama_berkas="uji.csv",
        mime="text/csv",
    )
    u.berkas.save("uji.csv", ContentFile(b"a;b"))
    return {"pk": u.pk}


def _penanda_unduhan(d, desa):
    p = d.pemilik[desa.kode]
    Unduhan.objects.create(pengguna=p.user, jenis="uji", judul=f"Unduhan milik {desa.kode}")
    return f"Unduhan milik {desa.kode}"


KASUS = {
    "pendampingan:unduhan-list": Daftar(buat=_penanda_unduhan),
    "pendampingan:unduhan-detail": Milik(buat=_unduhan),
    "pendampingan:unduhan-ambil": Milik(buat=_unduhan),
    # health probes for the load balancer (pendampingan/inti/kesehatan.py): public, no rows
    "sehat": Publik(),
    "siap": Publik(),
    # accounts (django.contrib.auth.urls)
    "login": Publik(),
    "logout": Lewati("POST saja; keluar tidak menampilkan data."),
    "password_change": Login(),
    "password_change_done": Login(),
    "password_reset": Publik(),
    "password_reset_done": Publik(),
    "password_reset_confirm": Publik(kwargs=lambda d: {"uidb64": "MQ", "token": "salah-token"}),
    "password_reset_complete": Publik(),
    # the core
    "pendampingan:beranda": Daftar(buat=lambda d, desa: desa.nama),
    "pendampingan:wilayah-list": Daftar(buat=lambda d, desa: desa.induk.nama, pengguna="pengawas"),
    "pendampingan:wilayah-detail": Objek(buat=lambda d, desa: {"kode": desa.kode}),
    # the government calendar: the same for every role, no region-owned row
    "pendampingan:kalender": Login(),
    "pendampingan:wilayah-cari": Daftar(buat=lambda d, desa: desa.kode, kwargs=None),
}

# query string the walk adds to a URL, by name
QUERY = {"pendampingan:wilayah-cari": "?q=Desa"}
