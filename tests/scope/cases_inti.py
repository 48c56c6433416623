from .kasus import Daftar, Lewati, Login, Objek, Publik

KASUS = {
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
    "pendampingan:wilayah-cari": Daftar(buat=lambda d, desa: desa.kode, kwargs=None),
}

# query string the walk adds to a URL, by name
QUERY = {"pendampingan:wilayah-cari": "?q=Desa"}
