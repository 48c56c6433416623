"""How the URL walk classifies a URL. Each app lists its URLs in ``tests/scope/cases_<app>.py`` as
``KASUS = {"app:url-name": <one of these>}``; a URL with no entry fails the walk, and so does a
URL pattern without a name.

Builders get the ``Dunia`` (tests/conftest.py, extended by tests/scope/conftest.py) and a desa —
``desa_a``, its sibling ``desa_a2`` (same kecamatan) and ``desa_b`` (another kabupaten) — create a
row owned by that desa's facilitator (``dunia.pemilik[desa.kode]``) and return the URL kwargs (and,
for lists, a marker text). Every page the walk gets is also searched for the markers of the desa
its user may not see (their names and codes, their owners' names, their marker rows, the list
markers).
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Publik:
    """Open to anonymous visitors (the public complaint form, login). ``kwargs`` builds the URL."""

    kwargs: Callable | None = None
    status: tuple = (200,)


@dataclass(frozen=True)
class Login:
    """Needs a login but shows no region-owned row by URL (a form page, an empty-by-default list).
    Anonymous → login redirect; the owner of desa A → one of ``status``."""

    status: tuple = (200,)
    kwargs: Callable | None = None


@dataclass(frozen=True)
class Objek:
    """A row in a region, addressed by the URL. ``buat(dunia, desa) -> kwargs``.
    User A: ``status`` for A's row and 404 for the sibling desa's and B's; the supervisor above
    all: ``status`` for B's. A POST to a row of a desa outside the user's scope (as each PLD, the
    PD, the kabupaten supervisor, anonymous) is 403/404/405/a login redirect and changes nothing."""

    buat: Callable
    status: tuple = (200,)
    metode: str = "get"
    data: dict = field(default_factory=dict)
    # who is expected to reach A's row: the desa's facilitator ("pemilik") or only the supervisor
    pengguna_a: str = "pemilik"


@dataclass(frozen=True)
class Daftar:
    """A list. ``buat(dunia, desa) -> marker text`` of a row; A's list shows A's marker, never B's."""

    buat: Callable
    kwargs: Callable | None = None
    pengguna: str = "pemilik"  # or "pengawas": the list is for supervisors (A = PD over desa A)


@dataclass(frozen=True)
class Milik:
    """A row that belongs to one user, not to a region (a download). ``buat(dunia, pendamping) ->
    kwargs``. Its owner: ``status``; everyone else — the sibling's PLD, the other kabupaten's PLD,
    the PD and the kabupaten supervisor above, the supervisor above all — 404."""

    buat: Callable
    status: tuple = (200,)


@dataclass(frozen=True)
class Lewati:
    """Not walked, with the reason written down (e.g. the logout POST)."""

    alasan: str
