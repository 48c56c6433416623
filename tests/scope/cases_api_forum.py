"""The forum endpoints of the API (pendampingan/forum/api.py) in the scope walk: the list shows
the user's forums only; a forum, its members and meetings outside the user's scope are a 404 (the
nested lists too); a POST is refused (the endpoints read only)."""

from tests.forum.factories import anggota_di

from .cases_forum import _forum, _pertemuan
from .kasus import Daftar, Objek


def _di_forum(d, desa):
    return {"forum_pk": _forum(d, desa).pk}


def _anggota(d, desa):
    a = anggota_di(_forum(d, desa), nama=f"Anggota walk {desa.kode}")
    return {"forum_pk": a.forum_id, "pk": a.pk}


def _rapat(d, desa):
    p = _pertemuan(d, desa)
    return {"forum_pk": p.forum_id, "pk": p.pk}


KASUS = {
    "api:forum-list": Daftar(buat=lambda d, desa: _forum(d, desa).nama),
    "api:forum-detail": Objek(buat=lambda d, desa: {"pk": _forum(d, desa).pk}),
    "api:forum-anggota-list": Objek(buat=_di_forum),
    "api:forum-anggota-detail": Objek(buat=_anggota),
    "api:forum-pertemuan-list": Objek(buat=_di_forum),
    "api:forum-pertemuan-detail": Objek(buat=_rapat),
}
