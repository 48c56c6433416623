"""The incident endpoints of the API (bencana/api.py) in the scope walk: the same reach as the
site's pages (cases_bencana.py) — an incident of desa A for A's facilitator and the supervisor
above, a 404 for the sibling desa's and kabupaten B's; its evidence file through the incident's
scope; the writes refused (404) outside it."""

import datetime

from django.utils import timezone

from .cases_bencana import _bukti, _penanda, _pk
from .kasus import Daftar, Objek

_KRONOLOGI = {
    "waktu": (timezone.now() - datetime.timedelta(hours=1)).isoformat(),
    "isi": "Air mulai surut.",
}

KASUS = {
    "api:bencana-list": Daftar(buat=_penanda),
    "api:bencana-detail": Objek(buat=_pk),
    # the writes: the walk posts no figures and no file, so the owner gets the form's 400
    "api:bencana-dampak": Objek(buat=_pk, metode="post", status=(400,)),
    "api:bencana-bukti": Objek(buat=_pk, metode="post", status=(400,)),
    "api:bencana-kronologi": Objek(buat=_pk, metode="post", data=_KRONOLOGI, status=(201,)),
    "api:bencana-bukti-detail": Objek(buat=_bukti),
    "api:bencana-bukti-unduh": Objek(buat=_bukti),
}
