"""The butir an entry served (``KegiatanButir``): the owner's choice and the automatic tags.

One row per entry and butir (a unique constraint). ``sumber`` says where it came from: dipilih (the
owner ticked it) or otomatis (a linked record gives it, ``kegiatan.butir.butir_otomatis``). A butir
both chosen and automatic is one row, dipilih; when the owner unticks it, the row stays as otomatis;
when its link goes, an otomatis row goes with it and a dipilih one stays.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from ...inti.alur import kunci_baris
from ...models import Butir, Kegiatan, KegiatanButir, SumberTanda
from ..butir import butir_otomatis


def sinkron_butir(kegiatan: Kegiatan, dipilih: Iterable[Butir] | None) -> None:
    ada = {t.butir_id: t for t in KegiatanButir.objects.filter(kegiatan=kegiatan)}
    if dipilih is None:
        pilih = {b for b, t in ada.items() if t.sumber == SumberTanda.DIPILIH}
    else:
        pilih = {b.pk for b in dipilih}
    sasaran = dict.fromkeys(butir_otomatis(kegiatan), SumberTanda.OTOMATIS)
    sasaran.update(dict.fromkeys(pilih, SumberTanda.DIPILIH))
    for butir_id, tanda in ada.items():
        if butir_id not in sasaran:
            tanda.delete()
        elif tanda.sumber != sasaran[butir_id]:
            tanda.sumber = sasaran[butir_id]
            tanda.save(update_fields=["sumber"])
    for butir_id, sumber in sasaran.items():
        if butir_id not in ada:
            KegiatanButir.objects.create(kegiatan=kegiatan, butir_id=butir_id, sumber=sumber)


@transaction.atomic
def kegiatan_butir_atur(*, kegiatan: Kegiatan, dipilih: Iterable[Butir]) -> None:
    """Set the butir the owner chose (the entry service calls it after checking the owner);
    the automatic tags are brought in step at the same time."""
    sinkron_butir(kegiatan, list(dipilih))


@transaction.atomic
def kegiatan_butir_segarkan(*, kegiatan: Kegiatan) -> None:
    """Bring the entry's automatic tags in step with its linked records (idempotent). Apps call it
    after they link or unlink an entry (a forum meeting, a case's stage, a complaint, an incident)."""
    kegiatan = kunci_baris(kegiatan)
    sinkron_butir(kegiatan, None)
