"""What the daily log's services share: the result of a save and the edit locks."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ... import registry
from ...models import STATUS_DAPAT_DIUBAH, DokumenKegiatan, FotoKegiatan, Kegiatan, StatusKegiatan


@dataclass
class HasilSimpan:
    """What a save did: the entry, and the files refused with the reason (the entry is saved
    even when some attachments are not)."""

    kegiatan: Kegiatan
    ditolak: list[tuple[str, str]] = field(default_factory=list)
    belum_diajukan: list[str] = field(default_factory=list)
    foto: list[FotoKegiatan] = field(default_factory=list)
    dokumen: list[DokumenKegiatan] = field(default_factory=list)


def alasan_terkunci(kegiatan: Kegiatan) -> str | None:
    """Why ``kegiatan`` may not be edited (verified, submitted, or a registered lock), or None."""
    if kegiatan.status == StatusKegiatan.DIVERIFIKASI:
        return _("Kegiatan yang sudah diverifikasi tidak dapat diubah.")
    if kegiatan.pk and kegiatan.status not in STATUS_DAPAT_DIUBAH:
        return _("Kegiatan sedang diajukan; tarik kembali menjadi draf untuk mengubahnya.")
    return alasan_kunci_registry(kegiatan)


def alasan_kunci_registry(kegiatan: Kegiatan) -> str | None:
    for fungsi in registry.kunci_kegiatan.values():
        alasan = fungsi(kegiatan)
        if alasan:
            return str(alasan)
    return None
