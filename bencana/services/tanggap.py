"""The response: coordination with agencies, community leaders, village activities stopped or
continued, aid received, mitigation actions (core follow-ups), and the daily-log link (duty 9)."""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from pendampingan import services as inti
from pendampingan.inti.akses import pastikan
from pendampingan.kegiatan import services as kegiatan_services
from pendampingan.kegiatan.butir import butir_kode
from pendampingan.models import Kegiatan, Pendamping, TataCara, Wilayah

from .. import akses
from ..models import (
    Bantuan,
    KegiatanKejadian,
    Kejadian,
    KeputusanKegiatanDesa,
    Koordinasi,
    TokohTerlibat,
)
from ._umum import desa_kejadian, pengguna, sekali, waktu_lampau

PESAN_LUAR_WILAYAH = _("Kejadian ini di luar wilayah tugas Anda.")


def _boleh_ubah(oleh: Pendamping, kejadian: Kejadian) -> None:
    pastikan(akses.boleh_ubah(pengguna(oleh), kejadian), PESAN_LUAR_WILAYAH)


@transaction.atomic
def koordinasi_catat(
    *, kejadian: Kejadian, oleh: Pendamping, waktu, kunci_sekali: uuid.UUID | None = None, **data
) -> Koordinasi:
    def buat(kunci):
        _boleh_ubah(oleh, kejadian)
        waktu_lampau(waktu)
        return Koordinasi.objects.create(
            kejadian=kejadian, oleh=oleh, waktu=waktu, kunci_sekali=kunci, **data
        )

    return sekali(Koordinasi, kunci_sekali, buat)


@transaction.atomic
def tokoh_catat(
    *, kejadian: Kejadian, oleh: Pendamping, kunci_sekali: uuid.UUID | None = None, **data
) -> TokohTerlibat:
    def buat(kunci):
        _boleh_ubah(oleh, kejadian)
        return TokohTerlibat.objects.create(
            kejadian=kejadian, oleh=oleh, kunci_sekali=kunci, **data
        )

    return sekali(TokohTerlibat, kunci_sekali, buat)


@transaction.atomic
def keputusan_catat(
    *,
    kejadian: Kejadian,
    oleh: Pendamping,
    wilayah: Wilayah,
    tanggal,
    kunci_sekali: uuid.UUID | None = None,
    **data,
) -> KeputusanKegiatanDesa:
    """Record the village's decision to stop or continue an activity at the site."""

    def buat(kunci):
        _boleh_ubah(oleh, kejadian)
        desa_kejadian(kejadian, wilayah)
        waktu_lampau(tanggal, "tanggal")
        return KeputusanKegiatanDesa.objects.create(
            kejadian=kejadian,
            oleh=oleh,
            wilayah=wilayah,
            tanggal=tanggal,
            kunci_sekali=kunci,
            **data,
        )

    return sekali(KeputusanKegiatanDesa, kunci_sekali, buat)


@transaction.atomic
def bantuan_catat(
    *,
    kejadian: Kejadian,
    oleh: Pendamping,
    wilayah: Wilayah,
    tanggal,
    kunci_sekali: uuid.UUID | None = None,
    **data,
) -> Bantuan:
    def buat(kunci):
        _boleh_ubah(oleh, kejadian)
        desa_kejadian(kejadian, wilayah)
        waktu_lampau(tanggal, "tanggal")
        return Bantuan.objects.create(
            kejadian=kejadian,
            oleh=oleh,
            wilayah=wilayah,
            tanggal=tanggal,
            kunci_sekali=kunci,
            **data,
        )

    return sekali(Bantuan, kunci_sekali, buat)


@transaction.atomic
def mitigasi_buat(
    *,
    kejadian: Kejadian,
    oleh: Pendamping,
    wilayah: Wilayah,
    judul: str,
    mitra: str,
    jatuh_tempo: datetime.date,
    kunci_sekali=None,
):
    """A mitigation action with its partners, as a follow-up in the core pointing at the incident
    (a repeat of the form's one-time key raises ``SudahTersimpan`` with the first)."""
    _boleh_ubah(oleh, kejadian)
    desa_kejadian(kejadian, wilayah)
    return inti.tindak_lanjut_buat(
        wilayah=wilayah,
        pendamping=oleh,
        judul=judul,
        penanggung_jawab=mitra,
        jatuh_tempo=jatuh_tempo,
        sumber=kejadian,
        kunci_sekali=kunci_sekali,
    )


# ---------------------------------------------------------------- daily-log link (duty 9)
@transaction.atomic
def kegiatan_tautkan(
    *, kegiatan: Kegiatan, kejadian: Kejadian, user, kunci_sekali: uuid.UUID | None = None
) -> KegiatanKejadian:
    """Link a daily-log entry (tata cara KLB dan bencana) to an incident of the entry's desa."""

    def buat(kunci):
        pastikan(
            akses.boleh_tautkan(user, kegiatan),
            _("Hanya kegiatan Anda sendiri yang dapat ditautkan."),
        )
        pastikan(akses.boleh_lihat(user, kejadian), PESAN_LUAR_WILAYAH)
        if kegiatan.tata_cara != TataCara.BENCANA:
            raise ValidationError(
                _("Hanya kegiatan dengan tata cara KLB dan bencana yang dapat ditautkan.")
            )
        kode = kegiatan.wilayah_id
        if not kejadian.desa_terdampak.filter(
            Q(wilayah_id=kode) | Q(wilayah__kode__startswith=f"{kode}.")
        ).exists():
            raise ValidationError(
                _("Tempat kegiatan ini tidak termasuk wilayah terdampak kejadian %(k)s.")
                % {"k": kejadian.kode}
            )
        tautan, _baru = KegiatanKejadian.objects.update_or_create(
            kegiatan=kegiatan, defaults={"kejadian": kejadian, "kunci_sekali": kunci}
        )
        kegiatan_services.kegiatan_butir_segarkan(kegiatan=kegiatan)
        return tautan

    return sekali(KegiatanKejadian, kunci_sekali, buat)


# Reporting the TPP's work on an incident through the daily log is duty F9 of Kepmendes PDTT
# 40/2021 ("melaporkan pelaksanaan tugas TPP ... melalui aplikasi Daily Report").
BUTIR_TAUTAN_KEJADIAN = "F9"


def butir_kegiatan(kegiatan: Kegiatan) -> set[int]:
    """F9 for an entry linked to an incident (``registry.sumber_butir``; two queries)."""
    if not KegiatanKejadian.objects.filter(kegiatan=kegiatan).exists():
        return set()
    return set(butir_kode([BUTIR_TAUTAN_KEJADIAN]).values())


def kegiatan_ekstensi_simpan(kegiatan: Kegiatan, form, user) -> KegiatanKejadian | None:
    """The daily-log hook (``EkstensiKegiatan.simpan``): link the entry to the chosen incident, or,
    when none was chosen, to the one active incident of the entry's desa if there is exactly one."""
    from ..selectors import kejadian_aktif_untuk_kegiatan

    kejadian = form.cleaned_data.get("kejadian")
    if kejadian is None:
        kandidat = list(
            kejadian_aktif_untuk_kegiatan(user=user)
            .filter(desa_terdampak__wilayah_id=kegiatan.wilayah_id)
            .distinct()[:2]
        )
        if len(kandidat) != 1:
            return None
        kejadian = kandidat[0]
    return kegiatan_tautkan(kegiatan=kegiatan, kejadian=kejadian, user=user)
