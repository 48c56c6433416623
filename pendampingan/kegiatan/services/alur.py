"""The entry's flow (``Kegiatan.alur``): the owner submits or withdraws; a supervisor above the
owner (never the owner) verifies or returns with a note. Every move is ``inti.alur.pindah_status``."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ...inti.akses import pastikan
from ...inti.alur import kunci_baris, pindah_status
from ...models import (
    AsistensiKegiatan,
    Kegiatan,
    Pendamping,
    PengarahanKegiatan,
    Prinsip,
    StatusKegiatan,
    TataCara,
)
from .. import notifikasi
from ..akses import boleh_ubah, boleh_verifikasi, pendamping_pengguna
from ._umum import alasan_kunci_registry


def pastikan_pemilik(kegiatan: Kegiatan, user) -> None:
    pastikan(
        boleh_ubah(user=user, kegiatan=kegiatan),
        _("Hanya pemilik kegiatan yang dapat mengubahnya."),
    )


def kegiatan_kekurangan(kegiatan: Kegiatan) -> list[str]:
    """What an entry still lacks before it can be submitted (empty: ready)."""
    kurang = []
    aktif = set(Prinsip.objects.filter(aktif=True).values_list("pk", flat=True))
    dinilai = set(kegiatan.penilaian_prinsip.values_list("prinsip_id", flat=True))
    if aktif - dinilai:
        kurang.append(_("Lengkapi daftar periksa prinsip (semua prinsip harus dinilai)."))
    if not (kegiatan.uraian or "").strip():
        kurang.append(_("Isi uraian kegiatan."))
    if not kegiatan.tanda_butir.exists():
        kurang.append(_("Pilih paling sedikit satu butir tata cara yang dilayani kegiatan ini."))
    if (
        kegiatan.tata_cara == TataCara.ASISTENSI
        and not AsistensiKegiatan.objects.filter(kegiatan=kegiatan).exists()
    ):
        kurang.append(_("Lengkapi rincian asistensi."))
    if (
        kegiatan.tata_cara == TataCara.PENGARAHAN
        and not PengarahanKegiatan.objects.filter(kegiatan=kegiatan).exists()
    ):
        kurang.append(_("Lengkapi rincian pengarahan."))
    return kurang


@transaction.atomic
def kegiatan_ajukan(*, kegiatan: Kegiatan, user, dari: str | None = None) -> Kegiatan:
    """Submit the owner's entry for verification (the checklist must be complete)."""
    kegiatan = kunci_baris(kegiatan)
    pastikan_pemilik(kegiatan, user)
    if kegiatan.status == StatusKegiatan.DIAJUKAN:
        return kegiatan
    alasan = alasan_kunci_registry(kegiatan)
    if alasan:
        raise ValidationError(alasan)
    kurang = kegiatan_kekurangan(kegiatan)
    if kurang:
        raise ValidationError(kurang)
    ev = pindah_status(
        kegiatan,
        ke=StatusKegiatan.DIAJUKAN,
        oleh=user,
        dari=dari,
        ubah={"diajukan_pada": timezone.now()},
    )
    if ev:
        notifikasi.kabari_pemeriksa(kegiatan=kegiatan, peristiwa=ev)
    return kegiatan


@transaction.atomic
def kegiatan_tarik(*, kegiatan: Kegiatan, user, dari: str | None = None) -> Kegiatan:
    """The owner takes a submitted (not yet verified) entry back to draft to edit it."""
    kegiatan = kunci_baris(kegiatan)
    pastikan_pemilik(kegiatan, user)
    alasan = alasan_kunci_registry(kegiatan)
    if alasan:
        raise ValidationError(alasan)
    pindah_status(
        kegiatan, ke=StatusKegiatan.DRAF, oleh=user, dari=dari, catatan=_("Ditarik oleh pemilik")
    )
    return kegiatan


def _pastikan_pemeriksa(kegiatan: Kegiatan, user) -> Pendamping:
    pastikan(
        boleh_verifikasi(user=user, kegiatan=kegiatan),
        _("Anda tidak dapat memeriksa kegiatan ini (milik sendiri atau di luar wilayah Anda)."),
    )
    return pendamping_pengguna(user)


@transaction.atomic
def kegiatan_verifikasi(
    *, kegiatan: Kegiatan, user, catatan: str = "", dari: str | None = None
) -> Kegiatan:
    """A supervisor above the owner verifies a submitted entry; it is final afterwards."""
    kegiatan = kunci_baris(kegiatan)
    pemeriksa = _pastikan_pemeriksa(kegiatan, user)
    catatan = (catatan or "").strip()
    ev = pindah_status(
        kegiatan,
        ke=StatusKegiatan.DIVERIFIKASI,
        oleh=user,
        dari=dari,
        catatan=catatan,
        ubah={
            "diverifikasi_oleh": pemeriksa,
            "diverifikasi_pada": timezone.now(),
            "catatan_pemeriksa": catatan,
        },
    )
    if ev:
        notifikasi.kabari_pemilik(kegiatan=kegiatan, peristiwa=ev)
    return kegiatan


@transaction.atomic
def kegiatan_kembalikan(
    *, kegiatan: Kegiatan, user, catatan: str, dari: str | None = None
) -> Kegiatan:
    """A supervisor returns a submitted entry with a note saying what to fix."""
    catatan = (catatan or "").strip()
    if not catatan:
        raise ValidationError({"catatan": _("Tuliskan catatan: apa yang perlu diperbaiki?")})
    kegiatan = kunci_baris(kegiatan)
    _pastikan_pemeriksa(kegiatan, user)
    ev = pindah_status(
        kegiatan,
        ke=StatusKegiatan.DIKEMBALIKAN,
        oleh=user,
        dari=dari,
        catatan=catatan,
        ubah={"catatan_pemeriksa": catatan},
    )
    if ev:
        notifikasi.kabari_pemilik(kegiatan=kegiatan, peristiwa=ev)
    return kegiatan


@transaction.atomic
def kegiatan_verifikasi_banyak(*, kegiatan_list: Iterable[Kegiatan], user) -> list[Kegiatan]:
    """Verify several submitted entries at once; all or nothing."""
    hasil = []
    for k in kegiatan_list:
        hasil.append(kegiatan_verifikasi(kegiatan=k, user=user))
    return hasil
