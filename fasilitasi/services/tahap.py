"""Moves of a case: forward and back through its stages, and its status (postpone, resume, cancel).

* A **status** move (and finishing the last stage, berjalan → selesai) goes through
  ``inti.alur.pindah_status`` along the case's ``alur`` (``PERPINDAHAN_STATUS``): it locks the row,
  checks the map and the status the user saw (``dari``), writes the event.
* A **stage** move is not a status move: it locks the case row (``inti.alur.kunci_baris``) and
  checks the stage the user saw (``dari_tahap``, a hidden field of the form). When the case moved
  since, the move is refused with ``PindahDitolak`` naming who moved it and when — two people
  pressing "maju" at the same moment move the case one stage, never two, and never see a 500. The
  same person's repeat (a double click) is a no-op.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from pendampingan.inti.akses import pastikan
from pendampingan.inti.alur import PindahDitolak, kunci_baris, pindah_status
from pendampingan.kalender import tanggal_setempat
from pendampingan.models import Kegiatan

from .. import akses
from ..models import (
    DokumenFasilitasi,
    Fasilitasi,
    JenisPeristiwa,
    PeristiwaFasilitasi,
    StatusFasilitasi,
)
from .dokumen import dokumen_kurang
from .kasus import jatuh_tempo_tahap, tandai_kegiatan, validasi_kegiatan


def _tidak_berwenang() -> str:
    return _("Anda tidak berwenang memindah tahap kasus fasilitasi ini.")


def pastikan_bisa_pindah(kasus: Fasilitasi) -> None:
    """Refuse (``PindahDitolak``) a stage move of a finished, cancelled or postponed case."""
    if kasus.status == StatusFasilitasi.SELESAI:
        pesan = _("Kasus ini sudah selesai; tahapnya tidak dapat dipindah lagi.")
    elif kasus.status == StatusFasilitasi.DIBATALKAN:
        pesan = _("Kasus ini sudah dibatalkan; tahapnya tidak dapat dipindah.")
    elif kasus.status == StatusFasilitasi.DITUNDA:
        pesan = _("Kasus ini sedang ditunda; lanjutkan dulu sebelum memindah tahapnya.")
    else:
        return
    raise PindahDitolak(pesan, code="tidak_sah")


def _nama(user) -> str:
    return user.get_full_name() or user.get_username()


def sudah_dipindah(kasus: Fasilitasi, *, user, dari_tahap: int | None, jenis: str) -> bool:
    """Has the (locked) case left the stage the user saw? ``False``: it has not, go on.
    ``True``: this user already made this very move (a double click) — nothing to do.
    Otherwise raise ``PindahDitolak`` saying who moved it, to where, and when."""
    if dari_tahap is None:
        return False
    if kasus.tahap_kini_id == dari_tahap and kasus.status != StatusFasilitasi.SELESAI:
        return False
    ev = (
        PeristiwaFasilitasi.objects.filter(
            kasus=kasus, jenis__in=[JenisPeristiwa.MAJU, JenisPeristiwa.MUNDUR]
        )
        .select_related("oleh")
        .order_by("-waktu", "-pk")
        .first()
    )
    if (
        ev is not None
        and ev.jenis == jenis
        and ev.oleh_id == user.pk
        and ev.dari_tahap_id == dari_tahap
    ):
        return True
    if ev is None or ev.oleh is None:
        pesan = _("Tahap kasus ini sudah berubah sejak halaman dibuka.")
    else:
        isi = {
            "siapa": _nama(ev.oleh),
            "kapan": formats.date_format(timezone.localtime(ev.waktu), "j M Y H.i"),
            "t": kasus.tahap_kini.nama if kasus.tahap_kini_id else "",
        }
        if kasus.status == StatusFasilitasi.SELESAI:
            pesan = _("Kasus ini sudah diselesaikan oleh %(siapa)s pada %(kapan)s.") % isi
        else:
            pesan = (
                _("Kasus ini sudah dipindah ke tahap «%(t)s» oleh %(siapa)s pada %(kapan)s.") % isi
            )
    return _tolak_basi(pesan)


def _tolak_basi(pesan: str):
    raise PindahDitolak(
        pesan + " " + _("Tahapnya tidak dipindah lagi; periksa halaman kasus."),
        code="sudah_berubah",
    )


def _tanggal_berlaku(kasus, kegiatan, tanggal) -> datetime.date:
    if kegiatan is not None:
        tanggal = kegiatan.tanggal
    elif tanggal is None:  # the desa's own date: a due date counts from the day there
        tanggal = tanggal_setempat(timezone.now(), kasus.wilayah_id)
    if kasus.tahap_kini and kasus.tahap_kini.mulai and tanggal < kasus.tahap_kini.mulai:
        raise ValidationError(
            _("Tanggal %(t)s sebelum tahap saat ini dimulai (%(m)s).")
            % {"t": tanggal.strftime("%d-%m-%Y"), "m": kasus.tahap_kini.mulai.strftime("%d-%m-%Y")}
        )
    return tanggal


def fasilitasi_periksa_maju(*, kasus: Fasilitasi) -> None:
    """Raise the reason the case cannot move forward now (status, missing documents)."""
    pastikan_bisa_pindah(kasus)
    kurang = dokumen_kurang(kasus, kasus.tahap_kini)
    if kurang:
        raise ValidationError(
            _("Dokumen wajib tahap «%(t)s» belum dilampirkan: %(d)s.")
            % {"t": kasus.tahap_kini.nama, "d": ", ".join(kurang)}
        )


@transaction.atomic
def fasilitasi_maju(
    *,
    kasus: Fasilitasi,
    user,
    catatan: str = "",
    kegiatan: Kegiatan | None = None,
    tanggal: datetime.date | None = None,
    dari_tahap: int | None = None,
) -> Fasilitasi:
    """Move the case to its next stage (or finish it from the last stage, a status move through
    ``pindah_status``). The current stage's required documents must be attached; a finished,
    cancelled or postponed case cannot move. ``dari_tahap``: the id of the stage the user saw."""
    pastikan(akses.boleh_pindah_tahap(user, kasus), _tidak_berwenang())
    kasus = kunci_baris(kasus)
    if sudah_dipindah(kasus, user=user, dari_tahap=dari_tahap, jenis=JenisPeristiwa.MAJU):
        return kasus
    fasilitasi_periksa_maju(kasus=kasus)
    validasi_kegiatan(kegiatan, kasus, user)
    tanggal = _tanggal_berlaku(kasus, kegiatan, tanggal)
    kini = kasus.tahap_kini
    berikut = kasus.tahap.filter(urutan__gt=kini.urutan).order_by("urutan").first()
    kini.selesai = tanggal
    kini.save(update_fields=["selesai"])
    isi = {
        "jenis": JenisPeristiwa.MAJU,
        "dari_tahap": kini,
        "tanggal": tanggal,
        "kegiatan": kegiatan,
    }
    if berikut is None:
        peristiwa = pindah_status(
            kasus,
            ke=StatusFasilitasi.SELESAI,
            dari=StatusFasilitasi.BERJALAN,
            oleh=user,
            catatan=catatan,
            ubah={"selesai_pada": timezone.now(), "jatuh_tempo": None},
            peristiwa=isi,
        )
    else:
        berikut.mulai = tanggal
        berikut.selesai = None
        berikut.jatuh_tempo = jatuh_tempo_tahap(berikut, kasus.tahun, tanggal)
        berikut.save(update_fields=["mulai", "selesai", "jatuh_tempo"])
        kasus.tahap_kini = berikut
        kasus.jatuh_tempo = berikut.jatuh_tempo
        kasus.save(update_fields=["tahap_kini", "jatuh_tempo", "diubah"])
        peristiwa = PeristiwaFasilitasi.objects.create(
            kasus=kasus, ke_tahap=berikut, oleh=user, catatan=(catatan or "").strip(), **isi
        )
    peristiwa.dokumen.set(DokumenFasilitasi.objects.filter(tahap=kini))
    tandai_kegiatan(kegiatan)
    return kasus


@transaction.atomic
def fasilitasi_mundur(
    *,
    kasus: Fasilitasi,
    user,
    alasan: str,
    kegiatan: Kegiatan | None = None,
    tanggal: datetime.date | None = None,
    dari_tahap: int | None = None,
) -> Fasilitasi:
    """Send the case back to its previous stage, with a reason (e.g. the evaluation returned the
    draft). The previous stage starts again; its due date is computed anew. ``dari_tahap``: the id
    of the stage the user saw."""
    pastikan(akses.boleh_pindah_tahap(user, kasus), _tidak_berwenang())
    if not (alasan or "").strip():
        raise ValidationError({"alasan": _("Tuliskan alasan kembali ke tahap sebelumnya.")})
    kasus = kunci_baris(kasus)
    if sudah_dipindah(kasus, user=user, dari_tahap=dari_tahap, jenis=JenisPeristiwa.MUNDUR):
        return kasus
    pastikan_bisa_pindah(kasus)
    validasi_kegiatan(kegiatan, kasus, user)
    kini = kasus.tahap_kini
    sebelum = kasus.tahap.filter(urutan__lt=kini.urutan).order_by("-urutan").first()
    if sebelum is None:
        raise PindahDitolak(_("Kasus ini sudah di tahap pertama."), code="tidak_sah")
    tanggal = _tanggal_berlaku(kasus, kegiatan, tanggal)
    kini.mulai = None
    kini.jatuh_tempo = None
    kini.save(update_fields=["mulai", "jatuh_tempo"])
    sebelum.mulai = tanggal
    sebelum.selesai = None
    sebelum.jatuh_tempo = jatuh_tempo_tahap(sebelum, kasus.tahun, tanggal)
    sebelum.save(update_fields=["mulai", "selesai", "jatuh_tempo"])
    kasus.tahap_kini = sebelum
    kasus.jatuh_tempo = sebelum.jatuh_tempo
    kasus.save(update_fields=["tahap_kini", "jatuh_tempo", "diubah"])
    PeristiwaFasilitasi.objects.create(
        kasus=kasus,
        jenis=JenisPeristiwa.MUNDUR,
        dari_tahap=kini,
        ke_tahap=sebelum,
        oleh=user,
        tanggal=tanggal,
        catatan=alasan.strip(),
        kegiatan=kegiatan,
    )
    tandai_kegiatan(kegiatan)
    return kasus


@transaction.atomic
def fasilitasi_ubah_status(
    *, kasus: Fasilitasi, user, status: str, catatan: str = "", dari: str | None = None
) -> Fasilitasi:
    """Postpone, resume or cancel a case along ``PERPINDAHAN_STATUS`` (``pindah_status``); the
    same status is a no-op. ``dari``: the status the user saw — when somebody moved the case since,
    the move is refused with who did it. A case is finished only by moving forward from its last
    stage."""
    pastikan(
        akses.boleh_ubah_status_kasus(user, kasus),
        _("Anda tidak berwenang mengubah status kasus fasilitasi ini."),
    )
    if status == StatusFasilitasi.SELESAI:
        raise PindahDitolak(
            _("Kasus selesai dengan memindahkan tahap terakhir, bukan dengan mengubah status."),
            code="tidak_sah",
        )
    baris = kunci_baris(kasus)
    bergerak = baris.status != status and (dari is None or baris.status == dari)
    if bergerak and status in (StatusFasilitasi.DITUNDA, StatusFasilitasi.DIBATALKAN):
        if not (catatan or "").strip():
            raise ValidationError({"catatan": _("Tuliskan alasan menunda atau membatalkan kasus.")})
    if (
        bergerak
        and status == StatusFasilitasi.BERJALAN
        and (
            Fasilitasi.objects.filter(
                wilayah_id=baris.wilayah_id, templat_id=baris.templat_id, tahun=baris.tahun
            )
            .exclude(pk=baris.pk)
            .exclude(status=StatusFasilitasi.DIBATALKAN)
            .exists()
        )
    ):
        raise ValidationError(_("Sudah ada kasus lain dengan templat dan tahun yang sama."))
    pindah_status(
        kasus,
        ke=status,
        dari=dari,
        oleh=user,
        catatan=catatan,
        peristiwa={
            "jenis": JenisPeristiwa.STATUS,
            "dari_tahap_id": baris.tahap_kini_id,
            "ke_tahap_id": baris.tahap_kini_id,
            "tanggal": tanggal_setempat(timezone.now(), baris.wilayah_id),
        },
    )
    return kasus
