"""Pages of pengorganisasian. Each view: authorise (permission + scope), validate a form, call one
service, respond. Rows are fetched through ``visible_to`` (404 outside the scope); writing needs the
region in the user's recording scope (``akses.boleh_…``; 403 for a supervisor who may only look).
A repeated create (the same one-time key) ends in ``SudahTersimpan``, which ``PlatformMiddleware``
turns into the first record's page with a notice; a refused status move is shown on the form."""

from .forum import (
    anggota_create,
    anggota_impor,
    anggota_update,
    forum_create,
    forum_detail,
    forum_list,
    forum_status,
    forum_update,
    pengawasan,
    sarana_create,
    sarana_list,
    sarana_update,
)
from .pertemuan import (
    aktivitas_create,
    keputusan_create,
    keputusan_tindak_lanjut,
    pertemuan_create,
    pertemuan_detail,
    pertemuan_update,
    tindak_lanjut_saya,
)

__all__ = [
    "aktivitas_create",
    "anggota_create",
    "anggota_impor",
    "anggota_update",
    "forum_create",
    "forum_detail",
    "forum_list",
    "forum_status",
    "forum_update",
    "keputusan_create",
    "keputusan_tindak_lanjut",
    "pengawasan",
    "pertemuan_create",
    "pertemuan_detail",
    "pertemuan_update",
    "sarana_create",
    "sarana_list",
    "sarana_update",
    "tindak_lanjut_saya",
]
