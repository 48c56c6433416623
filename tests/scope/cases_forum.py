"""The URLs of pengorganisasian (pendampingan/forum). Write pages are walked by POST with empty
data: the owner gets the form back with errors (200), anyone outside the region a 404."""

from django.contrib.contenttypes.models import ContentType

from pendampingan.forum.models import Keputusan
from tests.forum.factories import anggota_di, forum_di, keputusan_di, pertemuan_di, sarana_di

from .kasus import Daftar, Login, Objek


def _forum(d, desa):
    return forum_di(desa, d.pemilik[desa.kode], nama=f"Forum Walk {desa.kode}")


def _pertemuan(d, desa):
    return pertemuan_di(_forum(d, desa), d.pemilik[desa.kode])


def _keputusan(d, desa):
    return keputusan_di(_pertemuan(d, desa))


def _tl(d, desa):
    k = keputusan_di(_pertemuan(d, desa), isi=f"Keputusan walk {desa.kode}", tindak_lanjut=True)
    tl = k.tindak_lanjut
    tl.sumber_jenis = ContentType.objects.get_for_model(Keputusan)
    tl.sumber_id = str(k.pk)
    tl.save()
    return tl.judul


def _pk(fn):
    return lambda d, desa: {"pk": fn(d, desa).pk}


_POST = {"metode": "post", "data": {}}

KASUS = {
    "forum:forum-list": Daftar(buat=lambda d, desa: _forum(d, desa).nama),
    "forum:forum-create": Login(),
    "forum:forum-detail": Objek(buat=_pk(_forum)),
    "forum:forum-update": Objek(buat=_pk(_forum), **_POST),
    "forum:forum-status": Objek(buat=_pk(_forum), **_POST),
    "forum:anggota-create": Objek(buat=_pk(_forum), **_POST),
    "forum:anggota-impor": Objek(buat=_pk(_forum), **_POST),
    "forum:pertemuan-create": Objek(buat=_pk(_forum), **_POST),
    "forum:aktivitas-create": Objek(buat=_pk(_forum), **_POST),
    "forum:anggota-update": Objek(buat=_pk(lambda d, desa: anggota_di(_forum(d, desa))), **_POST),
    "forum:pertemuan-detail": Objek(buat=_pk(_pertemuan)),
    "forum:pertemuan-update": Objek(buat=_pk(_pertemuan), **_POST),
    "forum:keputusan-create": Objek(buat=_pk(_pertemuan), **_POST),
    "forum:keputusan-tindak-lanjut": Objek(buat=_pk(_keputusan), **_POST),
    "forum:tindak-lanjut-list": Daftar(buat=_tl),
    "forum:sarana-list": Daftar(
        buat=lambda d, desa: sarana_di(desa, nama=f"Balai {desa.kode}").nama
    ),
    "forum:sarana-create": Login(),
    "forum:sarana-update": Objek(buat=_pk(lambda d, desa: sarana_di(desa)), **_POST),
    "forum:pengawasan": Daftar(
        buat=lambda d, desa: _forum(d, desa) and desa.nama, pengguna="pengawas"
    ),
}

QUERY = {"forum:tindak-lanjut-list": "?semua=1"}
