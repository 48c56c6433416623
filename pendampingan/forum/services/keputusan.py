"""Writes of a meeting's decisions and the follow-ups (``TindakLanjut``) they become."""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan import services as inti
from pendampingan.inti.akses import pastikan

from .. import akses
from ..models import (
    Keputusan,
    Pertemuan,
)
from ._umum import (
    _pendamping_pengguna,
    _rapikan,
    _sekali,
    _tgl,
)


# ------------------------------------------------------------------------------- decisions
@transaction.atomic
def keputusan_jadikan_tindak_lanjut(
    *, user, keputusan: Keputusan, judul: str = "", penanggung_jawab: str, jatuh_tempo
) -> Keputusan:
    """Turn a decision into a follow-up action (the core's ``TindakLanjut``) — who, by when."""
    forum = keputusan.pertemuan.forum
    pastikan(akses.boleh_ubah_keputusan(user, keputusan), akses.PESAN_BUKAN_WILAYAH_CATAT)
    if keputusan.tindak_lanjut_id:
        raise ValidationError(_("Keputusan ini sudah menjadi tindak lanjut."))
    tl = inti.tindak_lanjut_buat(
        wilayah=forum.wilayah,
        pendamping=_pendamping_pengguna(user),
        judul=_rapikan(judul) or _rapikan(keputusan.isi)[:250],
        penanggung_jawab=penanggung_jawab,
        jatuh_tempo=jatuh_tempo,
        kegiatan=keputusan.pertemuan.kegiatan,
        sumber=keputusan,
    )
    keputusan.tindak_lanjut = tl
    keputusan.save(update_fields=["tindak_lanjut"])
    return keputusan


@transaction.atomic
def keputusan_buat(
    *,
    user,
    pertemuan: Pertemuan,
    isi: str,
    jadikan_tindak_lanjut: bool = False,
    penanggung_jawab: str = "",
    jatuh_tempo: datetime.date | None = None,
    kunci_sekali: uuid.UUID | None = None,
) -> Keputusan:
    """Record a decision of a meeting, and optionally open its follow-up at once (once per
    ``kunci_sekali``: a repeat opens no second follow-up)."""
    pastikan(akses.boleh_ubah_pertemuan(user, pertemuan), akses.PESAN_BUKAN_WILAYAH_CATAT)
    if jadikan_tindak_lanjut:
        pastikan(akses.boleh_buka_tindak_lanjut(user), akses.PESAN_BUKAN_PENDAMPING)

    def buat():
        teks = (isi or "").strip()
        errors = {}
        if not teks:
            errors["isi"] = _("Tuliskan isi keputusan.")
        if jadikan_tindak_lanjut:
            if not _rapikan(penanggung_jawab):
                errors["penanggung_jawab"] = _("Sebutkan siapa yang melaksanakan tindak lanjut.")
            if jatuh_tempo is None:
                errors["jatuh_tempo"] = _("Tentukan jatuh tempo tindak lanjut.")
            elif jatuh_tempo < timezone.localdate():
                errors["jatuh_tempo"] = _(
                    "Jatuh tempo %(tgl)s sudah lewat. Tentukan tanggal hari ini atau sesudahnya."
                ) % {"tgl": _tgl(jatuh_tempo)}
        if errors:
            raise ValidationError(errors)
        keputusan = Keputusan.objects.create(
            pertemuan=pertemuan, isi=teks, kunci_sekali=kunci_sekali
        )
        if jadikan_tindak_lanjut:
            keputusan_jadikan_tindak_lanjut(
                user=user,
                keputusan=keputusan,
                penanggung_jawab=penanggung_jawab,
                jatuh_tempo=jatuh_tempo,
            )
        return keputusan

    return _sekali(Keputusan, kunci_sekali, buat)
