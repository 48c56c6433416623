"""The API's own URLs and the core's endpoints (pendampingan/api) in the scope walk. The walk's
clients sign in with the session, which the API accepts as well as a device token; an anonymous
request gets 401."""

from .kasus import Daftar, Login, Objek, Publik

KASUS = {
    "api:api-root": Login(),
    # the schema and its docs are public (no data in them)
    "api:schema": Publik(),
    "api:docs": Publik(),
    "api:redoc": Publik(),
    "api:wilayah-list": Daftar(buat=lambda d, desa: desa.kode, kwargs=None),
    "api:wilayah-detail": Objek(buat=lambda d, desa: {"kode": desa.kode}),
    # facilitators: the desa's owner is on the list of whoever sees the desa
    "api:pendamping-list": Daftar(buat=lambda d, desa: d.pemilik[desa.kode].nama),
    "api:pendamping-detail": Objek(buat=lambda d, desa: {"pk": d.pemilik[desa.kode].pk}),
}
