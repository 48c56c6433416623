"""The link between a daily-log entry and the complaint it served (the entry form's extension)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from pendampingan.inti.akses import pastikan
from pendampingan.kegiatan import services as kegiatan_services
from pendampingan.kegiatan.butir import butir_kode

from .. import akses
from ..models import STATUS_AKHIR, JenisPeristiwa, KegiatanPengaduan, Pengaduan
from .dasar import peristiwa


@transaction.atomic
def pengaduan_kegiatan_tautkan(*, kegiatan, pengaduan: Pengaduan | None, user) -> None:
    """Link a daily-log entry to the complaint it served (or unlink it with ``pengaduan=None``).
    Called by the entry service inside its transaction (the entry extension)."""
    lama = KegiatanPengaduan.objects.filter(kegiatan=kegiatan).select_related("pengaduan").first()
    if pengaduan is None:
        if lama is not None:
            lama.delete()
            kegiatan_services.kegiatan_butir_segarkan(kegiatan=kegiatan)
        return
    if lama is not None and lama.pengaduan_id == pengaduan.pk:
        return
    pastikan(
        akses.boleh_tangani(user, pengaduan),
        _("Kegiatan hanya dapat ditautkan ke pengaduan yang Anda tangani."),
    )
    if pengaduan.status in STATUS_AKHIR:
        raise ValidationError(_("Pengaduan ini sudah ditutup."))
    if kegiatan.wilayah_id != pengaduan.wilayah_id and not pengaduan.wilayah_id.startswith(
        kegiatan.wilayah_id + "."
    ):
        raise ValidationError(_("Tempat kegiatan tidak sesuai dengan desa pengaduan."))
    if lama is not None:
        lama.delete()
    KegiatanPengaduan.objects.create(kegiatan=kegiatan, pengaduan=pengaduan)
    kegiatan_services.kegiatan_butir_segarkan(kegiatan=kegiatan)
    peristiwa(
        pengaduan,
        jenis=JenisPeristiwa.KEGIATAN,
        user=user,
        catatan=_("Kegiatan harian %(t)s: %(j)s")
        % {"t": kegiatan.tanggal.strftime("%d-%m-%Y"), "j": kegiatan.judul},
    )


# Handling a complaint, settled by musyawarah mufakat, is E5 of Kepmendes PDTT 40/2021.
BUTIR_PENGADUAN = "E5"


def butir_kegiatan(kegiatan) -> set[int]:
    """E5 for an entry that served a complaint (``registry.sumber_butir``; two queries)."""
    if not KegiatanPengaduan.objects.filter(kegiatan=kegiatan).exists():
        return set()
    return set(butir_kode([BUTIR_PENGADUAN]).values())


def simpan_ekstensi(kegiatan, form, user) -> None:
    """The entry extension's ``simpan``: link the saved entry to the chosen complaint."""
    pengaduan_kegiatan_tautkan(
        kegiatan=kegiatan, pengaduan=form.cleaned_data.get("pengaduan"), user=user
    )
