"""The report: drafted from the month's entries, the facilitator's narrative, the submission."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from pendampingan.inti.akses import pastikan
from pendampingan.inti.alur import kunci_baris, pindah_status
from pendampingan.inti.sekali import SudahTersimpan, buat_sekali, kunci_dari, sudah_ada
from pendampingan.models import Pendamping

from ..akses import boleh_ajukan, boleh_susun
from ..models import LaporanBulanan, NarasiLaporan, StatusLaporan
from ..periode import awal_bulan, lewat_tenggat, nama_bulan
from ..ringkasan import draf_narasi, ringkasan_hitung, wilayah_laporan
from ..selectors import penugasan_lapangan_bulan
from ._bantu import pendamping_pengguna
from .pemberitahuan import kabari

PESAN_BUKAN_PEMILIK = _l("Hanya pendamping pemilik yang dapat menyusun atau mengajukan laporannya.")
FIELD_ANGKA = [
    "wilayah",
    "hari_kerja",
    "menit_kerja",
    "jumlah_kegiatan",
    "jumlah_terverifikasi",
    "data",
    "disusun_pada",
    "diubah",
]


def wilayah_laporan_bulan(*, pendamping: Pendamping, bulan: datetime.date) -> str:
    """The region a facilitator's report of ``bulan`` belongs to (refused when they had no field
    assignment that month)."""
    kode = list(
        penugasan_lapangan_bulan(pendamping=pendamping, bulan=bulan).values_list(
            "wilayah_id", flat=True
        )
    )
    wilayah_kode = wilayah_laporan(kode_list=sorted(set(kode)))
    if wilayah_kode is None:
        raise ValidationError(
            _("Anda tidak memiliki penugasan lapangan pada %(bulan)s, sehingga tidak ada laporan.")
            % {"bulan": nama_bulan(bulan)}
        )
    return wilayah_kode


def _perbarui_narasi(*, laporan: LaporanBulanan, kegiatan, susun_ulang: bool) -> None:
    drafts = draf_narasi(bulan=laporan.bulan, kegiatan=kegiatan)
    ada = {(n.jenis, n.kunci): n for n in laporan.narasi.all()}
    dipakai = set()
    for urutan, (jenis, kunci, judul, teks) in enumerate(drafts):
        dipakai.add((jenis, kunci))
        n = ada.get((jenis, kunci))
        if n is None:
            NarasiLaporan.objects.create(
                laporan=laporan,
                jenis=jenis,
                kunci=kunci,
                judul=judul,
                urutan=urutan,
                draf=teks,
                teks=teks,
            )
            continue
        n.judul, n.urutan, n.draf = judul, urutan, teks
        if susun_ulang or not n.disunting:
            n.teks, n.disunting = teks, False
        n.save(update_fields=["judul", "urutan", "draf", "teks", "disunting"])
    for kunci, n in ada.items():
        # a section whose entries are gone: drop it unless the facilitator wrote in it
        if kunci not in dipakai and (susun_ulang or not n.disunting):
            n.delete()


def _susun(laporan: LaporanBulanan, *, susun_ulang_narasi: bool) -> LaporanBulanan:
    """Refresh the figures and the narrative drafts of a locked report row."""
    if not laporan.dapat_diubah:
        raise ValidationError(
            _("Laporan berstatus %(s)s tidak dapat disusun ulang.")
            % {"s": laporan.get_status_display().lower()}
        )
    laporan.wilayah_id = wilayah_laporan_bulan(pendamping=laporan.pendamping, bulan=laporan.bulan)
    data = ringkasan_hitung(pendamping=laporan.pendamping, bulan=laporan.bulan)
    laporan.hari_kerja = data["hari_kerja"]
    laporan.menit_kerja = data["menit_kerja"]
    laporan.jumlah_kegiatan = data["jumlah_kegiatan"]
    laporan.jumlah_terverifikasi = data["terverifikasi"]
    laporan.data = {k: v for k, v in data.items() if not k.startswith("_")}
    laporan.disusun_pada = timezone.now()
    laporan.save(update_fields=FIELD_ANGKA)
    _perbarui_narasi(laporan=laporan, kegiatan=data["_kegiatan"], susun_ulang=susun_ulang_narasi)
    return laporan


@transaction.atomic
def laporan_susun(
    *, user, bulan: datetime.date, susun_ulang_narasi: bool = False, kunci_sekali=None
) -> LaporanBulanan:
    """Create or refresh the user's report for ``bulan`` from the month's entries.

    The facilitator's edits to the narrative are kept unless ``susun_ulang_narasi``. There is one
    report per facilitator and month: the form that created it, sent again, raises
    ``SudahTersimpan`` with it; two forms at the same moment create one report (and refresh it)."""
    pendamping = pendamping_pengguna(user)
    kunci = kunci_dari(kunci_sekali)
    ada = sudah_ada(LaporanBulanan, kunci)
    if ada is not None:
        raise SudahTersimpan(ada)
    bulan = awal_bulan(bulan)
    if bulan > awal_bulan(timezone.localdate()):
        raise ValidationError(
            _("Laporan hanya dapat disusun untuk bulan berjalan atau sebelumnya.")
        )
    laporan = (
        LaporanBulanan.objects.select_for_update()
        .filter(pendamping=pendamping, bulan=bulan)
        .first()
    )
    if laporan is not None and kunci is not None and laporan.kunci_sekali == kunci:
        raise SudahTersimpan(laporan)  # this very form, saved a moment ago by its twin
    if laporan is None:
        wilayah_kode = wilayah_laporan_bulan(pendamping=pendamping, bulan=bulan)
        try:
            laporan, dibuat = buat_sekali(
                LaporanBulanan,
                kunci,
                lambda: LaporanBulanan.objects.create(
                    pendamping=pendamping, bulan=bulan, wilayah_id=wilayah_kode, kunci_sekali=kunci
                ),
            )
        except IntegrityError:  # the same month created a moment ago from another form
            dibuat = True
            laporan = LaporanBulanan.objects.get(pendamping=pendamping, bulan=bulan)
        if not dibuat:
            raise SudahTersimpan(laporan)
        laporan = kunci_baris(laporan)
    return _susun(laporan, susun_ulang_narasi=susun_ulang_narasi)


@transaction.atomic
def laporan_simpan_narasi(*, user, laporan: LaporanBulanan, teks: dict[int, str]) -> int:
    """Save the facilitator's narrative edits (``{narasi_id: text}``). Returns how many changed."""
    pastikan(boleh_susun(user, laporan), PESAN_BUKAN_PEMILIK)
    laporan = kunci_baris(laporan)
    if not laporan.dapat_diubah:
        raise ValidationError(
            _("Narasi laporan berstatus %(s)s tidak dapat diubah.")
            % {"s": laporan.get_status_display().lower()}
        )
    berubah = 0
    for n in laporan.narasi.all():
        if n.pk not in teks:
            continue
        # browsers send CRLF line ends: compare and store text with plain LF
        baru = (teks[n.pk] or "").replace("\r\n", "\n").replace("\r", "\n").strip()
        if len(baru) > 20000:
            raise ValidationError(
                _("Narasi %(judul)s terlalu panjang (paling banyak 20.000 karakter).")
                % {"judul": n.judul}
            )
        if baru != n.teks.strip():
            n.teks = baru
            n.disunting = baru != n.draf.strip()
            n.save(update_fields=["teks", "disunting"])
            berubah += 1
    return berubah


@transaction.atomic
def laporan_ajukan(*, user, laporan: LaporanBulanan, dari: str | None = None) -> LaporanBulanan:
    """Submit the report for review: refreshed from the entries first (edits kept); an empty month
    or an empty narrative section is refused; a submission after the deadline is marked late.

    ``dari`` is the status the user saw; sent twice, the second is a no-op (or told what changed).
    """
    pastikan(boleh_ajukan(user, laporan), PESAN_BUKAN_PEMILIK)
    baris = kunci_baris(laporan)
    if not baris.dapat_diubah or (dari is not None and baris.status != dari):
        # already submitted or moved on since the page was shown: the flow says which
        pindah_status(baris, ke=StatusLaporan.DIAJUKAN, oleh=user, dari=dari)
        return baris
    baris = _susun(baris, susun_ulang_narasi=False)
    if baris.jumlah_kegiatan == 0:
        raise ValidationError(
            _(
                "Laporan %(bulan)s belum dapat diajukan karena belum ada satu pun kegiatan tercatat "
                "pada bulan itu. Catat kegiatan harian Anda terlebih dahulu."
            )
            % {"bulan": nama_bulan(baris.bulan)}
        )
    kosong = [n.judul for n in baris.narasi.all() if not n.teks.strip()]
    if kosong:
        raise ValidationError(
            _("Narasi berikut masih kosong: %(daftar)s.") % {"daftar": ", ".join(kosong)}
        )
    ev = pindah_status(
        baris,
        ke=StatusLaporan.DIAJUKAN,
        oleh=user,
        dari=dari,
        ubah={
            "diajukan_pada": timezone.now(),
            "terlambat": lewat_tenggat(baris.bulan),
            "catatan_pengawas": "",
        },
    )
    if ev is not None:
        kabari(laporan=baris, peristiwa="bulanan.diajukan")
    return baris
