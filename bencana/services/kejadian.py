"""The incident itself: the quick report, its status moves and its villages.

The incident code's sequence: a counter row per (kabupaten, type, local date) is created if missing
(``INSERT … ON CONFLICT DO NOTHING``), then locked with ``SELECT … FOR UPDATE`` and incremented.
On PostgreSQL a second concurrent report waits on the lock and reads the committed value; on SQLite
the first INSERT takes the database's single write lock, so writers are serialised the same way.
A unique constraint on ``Kejadian.kode`` is the last guard.

The quick report carries a one-time key: a double click, a resend or two requests at once create
one incident and one set of ministry notifications (the outbox rows are written inside the create,
which a repeat never runs).
"""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.inti.akses import pastikan
from pendampingan.inti.alur import kunci_baris, pindah_status
from pendampingan.inti.berkas import FOTO
from pendampingan.models import Pendamping, Tingkat, Wilayah
from pendampingan.wilayah_kode import zona_waktu

from .. import akses, laporan
from ..models import (
    STATUS_BOLEH,
    DesaTerdampak,
    JenisKejadian,
    Kejadian,
    Kronologi,
    StatusKejadian,
    UrutanKejadian,
)
from ._umum import koordinat, pengguna, periksa, sekali, waktu_lampau
from .catatan import bukti_simpan

PESAN_LUAR_WILAYAH = _("Kejadian ini di luar wilayah tugas Anda.")


def _tanggal_lokal(waktu: datetime.datetime, kode: str) -> datetime.date:
    return timezone.localtime(waktu, ZoneInfo(zona_waktu(kode))).date()


def kode_kejadian_baru(*, desa: Wilayah, jenis: JenisKejadian, tanggal: datetime.date) -> str:
    """Take the next sequence number for (kabupaten, type, date) and return the incident code.
    Must run inside the caller's transaction (the counter row stays locked until it commits)."""
    kunci = f"{desa.kode[:5].replace('.', '')}-{jenis.kode}-{tanggal:%Y%m%d}"
    UrutanKejadian.objects.bulk_create([UrutanKejadian(kunci=kunci)], ignore_conflicts=True)
    baris = UrutanKejadian.objects.select_for_update().get(kunci=kunci)
    baris.terakhir += 1
    baris.save(update_fields=["terakhir"])
    return f"{kunci}-{baris.terakhir:02d}"


@transaction.atomic
def kejadian_laporkan(
    *,
    pelapor: Pendamping,
    jenis: JenisKejadian,
    waktu: datetime.datetime,
    desa: Wilayah,
    ringkasan: str,
    lintang: Decimal | None = None,
    bujur: Decimal | None = None,
    foto=None,
    kunci_sekali: uuid.UUID | None = None,
) -> Kejadian:
    """The quick report: create the incident with its code, its first desa, the first chronology
    entry, the photo if it came along, and version 1 of the ministry report (which notifies the
    supervisors up the chain and the ministry recipients through the outbox). A repeat of
    ``kunci_sekali`` raises ``SudahTersimpan`` with the first incident."""
    user = pengguna(pelapor)

    def buat(kunci):
        errors = {}
        if not (ringkasan or "").strip():
            errors["ringkasan"] = _("Tuliskan satu kalimat tentang apa yang terjadi.")
        if desa.tingkat != Tingkat.DESA:
            errors["desa"] = _("Pilih desa/kelurahan tempat kejadian.")
        if not jenis.aktif:
            errors["jenis"] = _("Jenis kejadian ini tidak dipakai lagi.")
        if errors:
            raise ValidationError(errors)
        pastikan(
            akses.boleh_lapor(user, desa),
            _("Anda hanya dapat melaporkan kejadian di desa tugas Anda."),
        )
        waktu_lampau(waktu, label=_("Waktu kejadian tidak boleh di masa depan."))
        koordinat(lintang, bujur)
        hasil = periksa(foto, FOTO, "foto") if foto else None

        kejadian = Kejadian.objects.create(
            kode=kode_kejadian_baru(
                desa=desa, jenis=jenis, tanggal=_tanggal_lokal(waktu, desa.kode)
            ),
            jenis=jenis,
            waktu=waktu,
            wilayah=desa,
            lintang=lintang,
            bujur=bujur,
            ringkasan=ringkasan.strip(),
            pelapor=pelapor,
            kunci_sekali=kunci,
        )
        DesaTerdampak.objects.create(kejadian=kejadian, wilayah=desa, ditambah_oleh=pelapor)
        Kronologi.objects.create(
            kejadian=kejadian,
            waktu=waktu,
            isi=_("Laporan cepat: %(r)s") % {"r": kejadian.ringkasan},
            oleh=pelapor,
        )
        if hasil is not None:
            bukti_simpan(
                kejadian=kejadian,
                hasil=hasil,
                nama_asli=getattr(foto, "name", ""),
                keterangan="",
                oleh=pelapor,
                kunci=foto_kunci(kunci),
            )
        laporan.versi_kirim(kejadian=kejadian, oleh=pelapor, pemicu=_("Laporan awal"))
        return kejadian

    return sekali(Kejadian, kunci_sekali, buat)


def foto_kunci(kunci: uuid.UUID | None) -> uuid.UUID | None:
    """The one-time key of the photo that follows a quick report (the page's script sends it)."""
    return uuid.uuid5(kunci, "foto") if kunci else None


@transaction.atomic
def kejadian_ubah_status(
    *,
    kejadian: Kejadian,
    ke: str,
    oleh: Pendamping,
    catatan: str = "",
    dari: str | None = None,
) -> Kejadian:
    """Move the status (``pindah_status`` along ``Kejadian.alur``). ``dari`` is the status the user
    saw: when somebody else moved the incident since, the move is refused (``PindahDitolak``) with
    who did it; the same move made twice by the same user (a double click) is a no-op. Closing and
    reopening are for the reporter or a supervisor; reopening needs a note."""
    user = pengguna(oleh)
    pastikan(akses.boleh_ubah(user, kejadian), PESAN_LUAR_WILAYAH)
    baris = kunci_baris(kejadian)
    if dari is None or baris.status == dari:
        pastikan(
            akses.boleh_pindah(user, baris, ke),
            _(
                "Hanya pelapor atau pengawas wilayah kejadian yang dapat menutup atau membuka kembali kejadian ini."
            ),
        )
        membuka = baris.status == StatusKejadian.SELESAI and ke in STATUS_BOLEH[baris.status]
        if membuka and not (catatan or "").strip():
            raise ValidationError({"catatan": _("Tuliskan alasan membuka kembali kejadian ini.")})
    elif baris.status == ke:
        dari = None  # already moved there: a no-op for its mover, "sudah diubah" for anyone else
    pindah_status(kejadian, ke=ke, oleh=user, catatan=catatan, dari=dari)
    return kejadian


@transaction.atomic
def desa_terdampak_tambah(
    *,
    kejadian: Kejadian,
    desa: Wilayah,
    oleh: Pendamping,
    kunci_sekali: uuid.UUID | None = None,
) -> DesaTerdampak:
    """Add a desa to the incident. Whoever sees that desa sees the incident from now on."""
    user = pengguna(oleh)

    def buat(kunci):
        pastikan(akses.boleh_ubah(user, kejadian), PESAN_LUAR_WILAYAH)
        if desa.tingkat != Tingkat.DESA:
            raise ValidationError({"desa": _("Pilih desa/kelurahan.")})
        if DesaTerdampak.objects.filter(kejadian=kejadian, wilayah=desa).exists():
            raise ValidationError(
                {"desa": _("%(desa)s sudah tercatat sebagai desa terdampak.") % {"desa": desa.nama}}
            )
        return DesaTerdampak.objects.create(
            kejadian=kejadian, wilayah=desa, ditambah_oleh=oleh, kunci_sekali=kunci
        )

    return sekali(DesaTerdampak, kunci_sekali, buat)
