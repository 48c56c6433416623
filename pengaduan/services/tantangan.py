"""The public forms' security question is single-use: a complaint or a reporter's answer marks its
question's nonce as used in the same transaction, so a captured form cannot be sent again."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.inti.sekali import SudahTersimpan, sudah_ada

from ..models import TantanganTerpakai


def pesan_tantangan_terpakai() -> str:
    return _("Pertanyaan keamanan ini sudah dipakai. Jawab pertanyaan yang baru, lalu kirim lagi.")


@transaction.atomic
def tantangan_pakai(*, nonce: str, model=None, kunci=None) -> None:
    """Mark the question ``nonce`` used; a used one raises ``ValidationError`` on ``jawaban`` —
    unless it was used by a concurrent send of the same form (the same one-time ``kunci`` of
    ``model``), which raises ``SudahTersimpan`` with that record. Tidies the expired marks."""
    if not nonce:
        raise ValidationError({"jawaban": pesan_tantangan_terpakai()})
    sekarang = timezone.now()
    try:
        with transaction.atomic():
            TantanganTerpakai.objects.create(
                nonce=nonce,
                kedaluwarsa=sekarang
                + datetime.timedelta(seconds=settings.PENGADUAN_TANTANGAN_MAKS_DETIK),
            )
    except IntegrityError:
        ada = sudah_ada(model, kunci) if model is not None else None
        if ada is not None:
            raise SudahTersimpan(ada)
        raise ValidationError({"jawaban": pesan_tantangan_terpakai()})
    TantanganTerpakai.objects.filter(kedaluwarsa__lte=sekarang).delete()
