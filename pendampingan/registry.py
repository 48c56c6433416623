"""The core's plug-in points. Apps that build on the core (fasilitasi, pengaduan, bencana and the
core's own sub-apps) register here from their ``AppConfig.ready``; the core imports none of them.

* ``lini_masa`` — sources for a desa's timeline: ``fn(desa, user, batas) -> list[ItemLiniMasa]``;
  each source runs a fixed number of queries.
* ``navigasi`` — menu items.
* ``panel_dasbor`` — dashboard panels: ``fn(wilayah, periode, user) -> dict`` rendered by a template.
* ``tautan_kegiatan`` — what an app shows on a daily-log entry (links to its records):
  ``fn(kegiatan_list, user) -> dict[kegiatan_id, list[ItemLiniMasa]]``.
* ``kunci_kegiatan`` — checks that may forbid editing an entry (a locked month):
  ``fn(kegiatan) -> str | None`` (the reason, or None).
* ``pembuka_kunci_kegiatan`` — how such a lock is lifted the recorded way (a supervisor reopens a
  month): ``fn(*, user, pendamping, tanggal, alasan) -> None``, raising ``ValidationError`` or
  ``PermissionDenied`` when ``user`` may not.
* ``ekstensi_kegiatan`` — extra forms inside the daily-log entry form (link the entry to a forum
  meeting, advance a facilitation case, link a complaint or an incident): see ``EkstensiKegiatan``.
* ``panel_desa`` — panels on a desa's page (above its timeline): ``fn(desa, user) -> dict | None``
  rendered by a template (None: nothing to show); a fixed number of queries each.
* ``sumber_butir`` — records of an app that tag an entry with the butir they serve (a forum
  meeting, a facilitation case's stage, a complaint, an incident): ``fn(kegiatan) -> Iterable[int]``
  (butir ids), a fixed number of queries; the core keeps those tags (``sumber`` otomatis) in step
  through ``kegiatan.services.kegiatan_butir_segarkan``, which the app calls when a link changes.
* ``api`` — REST API viewsets under ``/api/v1/<prefix>/`` (``pendampingan/api``):
  ``daftar_api(prefix, viewset, basename)``; URL names are ``api:<basename>-list`` /
  ``api:<basename>-detail`` and the actions'.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ItemLiniMasa:
    waktu: datetime.datetime | datetime.date
    jenis: str  # short label, e.g. "Kegiatan", "Pengaduan"
    judul: str
    url: str = ""
    keterangan: str = ""
    ikon: str = "•"


@dataclass(frozen=True)
class ItemNavigasi:
    label: str
    url_name: str
    urutan: int = 50
    izin: str | None = None  # a permission string the user must have
    hanya_pengawas: bool = False
    url_kwargs: dict = field(default_factory=dict)


@dataclass(frozen=True)
class PanelDasbor:
    kunci: str
    judul: str
    template: str
    fungsi: Callable
    urutan: int = 50


@dataclass(frozen=True)
class EkstensiKegiatan:
    """An app's extra form inside the entry form.

    ``form_class(*args, user=..., kegiatan=None, **kwargs)`` is rendered with ``prefix=kunci`` when the
    entry's tata cara is in ``tata_cara`` (an empty set: every tata cara); ``simpan(kegiatan, form,
    user)`` runs inside the entry service's transaction after the entry is saved."""

    kunci: str
    label: str
    tata_cara: frozenset
    form_class: type
    simpan: Callable
    urutan: int = 50


@dataclass(frozen=True)
class PanelDesa:
    kunci: str
    template: str
    fungsi: Callable
    urutan: int = 50


lini_masa: dict[str, Callable] = {}
ekstensi_kegiatan: dict[str, EkstensiKegiatan] = {}
navigasi: dict[str, ItemNavigasi] = {}
panel_dasbor: dict[str, PanelDasbor] = {}
tautan_kegiatan: dict[str, Callable] = {}
kunci_kegiatan: dict[str, Callable] = {}
pembuka_kunci_kegiatan: dict[str, Callable] = {}
panel_desa: dict[str, PanelDesa] = {}
api: dict[str, tuple[type, str]] = {}
sumber_butir: dict[str, Callable] = {}


def daftar_lini_masa(kunci: str, fungsi: Callable) -> None:
    lini_masa[kunci] = fungsi


def daftar_navigasi(kunci: str, item: ItemNavigasi) -> None:
    navigasi[kunci] = item


def daftar_panel_dasbor(panel: PanelDasbor) -> None:
    panel_dasbor[panel.kunci] = panel


def daftar_tautan_kegiatan(kunci: str, fungsi: Callable) -> None:
    tautan_kegiatan[kunci] = fungsi


def daftar_kunci_kegiatan(kunci: str, fungsi: Callable) -> None:
    kunci_kegiatan[kunci] = fungsi


def daftar_pembuka_kunci_kegiatan(kunci: str, fungsi: Callable) -> None:
    pembuka_kunci_kegiatan[kunci] = fungsi


def daftar_ekstensi_kegiatan(ekstensi: EkstensiKegiatan) -> None:
    ekstensi_kegiatan[ekstensi.kunci] = ekstensi


def daftar_panel_desa(panel: PanelDesa) -> None:
    panel_desa[panel.kunci] = panel


def daftar_sumber_butir(kunci: str, fungsi: Callable) -> None:
    sumber_butir[kunci] = fungsi


def daftar_api(prefix: str, viewset: type, basename: str) -> None:
    api[prefix] = (viewset, basename)


def panel_desa_untuk(desa, user) -> list[tuple[str, dict]]:
    """(template, context) of every registered desa panel that has something to show."""
    hasil = []
    for p in sorted(panel_desa.values(), key=lambda p: (p.urutan, p.kunci)):
        konteks = p.fungsi(desa, user)
        if konteks is not None:
            hasil.append((p.template, konteks))
    return hasil


def lini_masa_desa(desa, user, batas: int = 30) -> list[ItemLiniMasa]:
    """Every registered source's items for ``desa``, newest first, at most ``batas``."""
    items: list[ItemLiniMasa] = []
    for fungsi in lini_masa.values():
        items.extend(fungsi(desa, user, batas))

    def kunci(i):
        w = i.waktu
        return (
            w
            if isinstance(w, datetime.datetime)
            else datetime.datetime.combine(w, datetime.time.max).astimezone()
        )

    return sorted(items, key=lambda i: kunci(i).timestamp(), reverse=True)[:batas]
