"""The supervisor's side: approve or return a submitted report, recommend payment, reopen a month.

Who may do it is ``akses.alasan_tidak_memeriksa`` / ``alasan_tidak_membuka`` (403 with the reason);
the move itself is ``pindah_status`` (row locked, map checked, event written). Forms send the status
the supervisor saw (``dari``): of two supervisors approving and returning the same report at the
same moment, one moves it and the other is told who did.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.inti.akses import pastikan
from pendampingan.inti.alur import kunci_baris, pindah_status
from pendampingan.inti.sekali import SudahTersimpan, buat_sekali, kunci_dari, sudah_ada
from pendampingan.models import Pendamping

from ..akses import alasan_tidak_membuka, alasan_tidak_memeriksa
from ..models import LaporanBulanan, PembukaanBulan, Rekomendasi, StatusLaporan
from ..periode import awal_bulan
from .laporan import wilayah_laporan_bulan
from .pemberitahuan import kabari


def _pastikan_periksa(user, laporan: LaporanBulanan) -> None:
    alasan = alasan_tidak_memeriksa(user, laporan)
    pastikan(alasan is None, alasan or "")


@transaction.atomic
def laporan_setujui(
    *, user, laporan: LaporanBulanan, catatan: str = "", dari: str | None = None
) -> LaporanBulanan:
    """Approve a submitted report; the month's entries become read-only."""
    _pastikan_periksa(user, laporan)
    catatan = (catatan or "").strip()
    ev = pindah_status(
        laporan,
        ke=StatusLaporan.DISETUJUI,
        oleh=user,
        catatan=catatan,
        dari=dari,
        ubah={
            "disetujui_pada": timezone.now(),
            "disetujui_oleh": user,
            "catatan_pengawas": catatan,
        },
    )
    if ev is not None:
        kabari(laporan=laporan, peristiwa="bulanan.disetujui")
    return laporan


@transaction.atomic
def laporan_kembalikan(
    *, user, laporan: LaporanBulanan, catatan: str, dari: str | None = None
) -> LaporanBulanan:
    """Return a submitted report to its facilitator with a note saying what to fix."""
    _pastikan_periksa(user, laporan)
    catatan = (catatan or "").strip()
    if not catatan:
        raise ValidationError(
            {"catatan": _("Tuliskan catatan: apa yang perlu diperbaiki pendamping.")}
        )
    ev = pindah_status(
        laporan,
        ke=StatusLaporan.DIKEMBALIKAN,
        oleh=user,
        catatan=catatan,
        dari=dari,
        ubah={"catatan_pengawas": catatan, "disetujui_pada": None, "disetujui_oleh": None},
    )
    if ev is not None:
        kabari(laporan=laporan, peristiwa="bulanan.dikembalikan")
    return laporan


@transaction.atomic
def laporan_rekomendasikan(
    *, user, laporan: LaporanBulanan, rekomendasi: str, alasan: str = ""
) -> LaporanBulanan:
    """The supervisor's payment recommendation (pay / hold) with a reason (required for hold)."""
    _pastikan_periksa(user, laporan)
    alasan = (alasan or "").strip()
    if rekomendasi not in Rekomendasi.values:
        raise ValidationError({"rekomendasi": _("Pilih bayar atau tahan.")})
    if rekomendasi == Rekomendasi.TAHAN and not alasan:
        raise ValidationError({"alasan": _("Tuliskan alasan pembayaran ditahan.")})
    baris = kunci_baris(laporan)
    if rekomendasi == Rekomendasi.BAYAR and baris.status != StatusLaporan.DISETUJUI:
        raise ValidationError(
            {
                "rekomendasi": _(
                    "Pembayaran hanya dapat direkomendasikan untuk laporan yang disetujui."
                )
            }
        )
    baris.rekomendasi = rekomendasi
    baris.alasan_rekomendasi = alasan
    baris.direkomendasi_oleh = user
    baris.direkomendasi_pada = timezone.now()
    baris.save(
        update_fields=[
            "rekomendasi",
            "alasan_rekomendasi",
            "direkomendasi_oleh",
            "direkomendasi_pada",
            "diubah",
        ]
    )
    return baris


def _validasi_buka(*, alasan: str, sampai: datetime.date) -> None:
    hari_ini = timezone.localdate()
    errors = {}
    if not alasan:
        errors["alasan"] = _("Tuliskan alasan membuka kembali bulan ini.")
    if sampai < hari_ini:
        errors["sampai"] = _("Tanggal batas tidak boleh di masa lalu.")
    elif sampai > hari_ini + datetime.timedelta(days=31):
        errors["sampai"] = _("Bulan dapat dibuka paling lama 31 hari.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def bulan_buka(
    *,
    user,
    pendamping: Pendamping,
    bulan: datetime.date,
    alasan: str,
    sampai: datetime.date | None = None,
    kunci_sekali=None,
) -> PembukaanBulan:
    """Reopen a facilitator's month for corrections until ``sampai`` (default: 3 days). A submitted
    or approved report goes back to the facilitator (``dikembalikan``) with the reason. The form
    sent twice records one reopening (``SudahTersimpan``)."""
    kunci = kunci_dari(kunci_sekali)
    ada = sudah_ada(PembukaanBulan, kunci)
    if ada is not None:
        raise SudahTersimpan(ada)
    bulan = awal_bulan(bulan)
    alasan = (alasan or "").strip()
    sampai = sampai or timezone.localdate() + datetime.timedelta(days=3)
    _validasi_buka(alasan=alasan, sampai=sampai)
    laporan = LaporanBulanan.objects.filter(pendamping=pendamping, bulan=bulan).first()
    if laporan is not None:
        laporan = kunci_baris(laporan)
        laporan.pendamping = pendamping
        bayangan = laporan
    else:
        try:
            kode = wilayah_laporan_bulan(pendamping=pendamping, bulan=bulan)
        except ValidationError:
            raise ValidationError(_("Pendamping ini tidak bertugas pada bulan tersebut.")) from None
        bayangan = LaporanBulanan(pendamping=pendamping, bulan=bulan, wilayah_id=kode)
    tolak = alasan_tidak_membuka(user, bayangan)
    pastikan(tolak is None, tolak or "")

    def buat() -> PembukaanBulan:
        buka = PembukaanBulan.objects.create(
            pendamping=pendamping,
            wilayah_id=bayangan.wilayah_id,
            bulan=bulan,
            sampai=sampai,
            alasan=alasan,
            oleh=user,
            kunci_sekali=kunci,
        )
        if laporan is not None and laporan.status in (
            StatusLaporan.DIAJUKAN,
            StatusLaporan.DISETUJUI,
        ):
            pindah_status(
                laporan,
                ke=StatusLaporan.DIKEMBALIKAN,
                oleh=user,
                catatan=_("Bulan dibuka kembali sampai %(tgl)s: %(alasan)s")
                % {"tgl": sampai.strftime("%d-%m-%Y"), "alasan": alasan},
                ubah={"catatan_pengawas": alasan, "disetujui_pada": None, "disetujui_oleh": None},
            )
        return buka

    buka, dibuat = buat_sekali(PembukaanBulan, kunci, buat)
    if not dibuat:
        raise SudahTersimpan(buka)
    return buka
