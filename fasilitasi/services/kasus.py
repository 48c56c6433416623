"""Writes of a facilitation case: open it (snapshotting the template) and link a daily-log entry to
it. Stage moves live in ``tahap.py``, documents in ``dokumen.py``. Every write is atomic and
records an event row (see ``models.kasus``)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.inti.akses import pastikan, pengawas_wilayah
from pendampingan.inti.alur import kunci_baris
from pendampingan.inti.sekali import SudahTersimpan, buat_sekali, kunci_dari, sudah_ada
from pendampingan.kalender import tanggal_setempat
from pendampingan.kegiatan import services as kegiatan_services
from pendampingan.models import Kegiatan, Pendamping, Tingkat, Wilayah, pesan_bukan_desa

from .. import akses
from ..models import (
    BumDesa,
    Fasilitasi,
    JenisPeristiwa,
    PeristiwaFasilitasi,
    StatusFasilitasi,
    TahapFasilitasi,
    TemplatAlur,
)
from ..tenggat import hitung_jatuh_tempo


def jatuh_tempo_tahap(tahap: TahapFasilitasi, tahun: int, mulai: datetime.date):
    """The due date of ``tahap`` of a case of year ``tahun`` that starts on ``mulai``."""
    return hitung_jatuh_tempo(
        jenis=tahap.jenis_tenggat,
        tahun_kasus=tahun,
        mulai=mulai,
        bulan=tahap.tenggat_bulan,
        hari=tahap.tenggat_hari,
        geser_tahun=tahap.tenggat_geser_tahun,
        jumlah_hari=tahap.tenggat_jumlah_hari,
    )


def rentang_tahun(templat: TemplatAlur, hari_ini: datetime.date | None = None) -> tuple[int, int]:
    """The years a case of ``templat`` may be opened for, around this year."""
    tahun = (hari_ini or timezone.localdate()).year
    return tahun - templat.tahun_sebelum, tahun + templat.tahun_sesudah


def butir_kegiatan(kegiatan: Kegiatan) -> set[int]:
    """The butir of the cases this entry served or moved (``ButirFasilitasi.butir_regulasi``, E1a–
    E4l) — the ``registry.sumber_butir`` of fasilitasi (one query)."""
    return set(
        PeristiwaFasilitasi.objects.filter(
            kegiatan=kegiatan, kasus__butir__butir_regulasi__isnull=False
        ).values_list("kasus__butir__butir_regulasi_id", flat=True)
    )


def tandai_kegiatan(kegiatan: Kegiatan | None) -> None:
    """Bring the entry's automatic butir in step after it was linked to a case."""
    if kegiatan is not None:
        kegiatan_services.kegiatan_butir_segarkan(kegiatan=kegiatan)


def validasi_kegiatan(kegiatan: Kegiatan | None, kasus: Fasilitasi, user) -> None:
    """The daily-log entry linked to a move must be the user's own, in the case's desa."""
    if kegiatan is None:
        return
    if kegiatan.wilayah_id != kasus.wilayah_id:
        raise ValidationError(
            {"kegiatan": _("Kegiatan harian itu tidak dilakukan di desa kasus ini.")}
        )
    if kegiatan.pendamping.user_id != user.pk:
        raise ValidationError({"kegiatan": _("Pilih kegiatan harian Anda sendiri.")})


def _galat_sudah_ada(wilayah, templat, tahun) -> ValidationError:
    return ValidationError(
        {
            "tahun": _("Desa %(d)s sudah punya kasus %(t)s tahun %(th)s.")
            % {"d": wilayah.nama, "t": templat.nama, "th": tahun}
        }
    )


@transaction.atomic
def fasilitasi_buka(
    *,
    user,
    wilayah: Wilayah,
    templat: TemplatAlur,
    tahun: int,
    penanggung_jawab: Pendamping,
    judul: str = "",
    bumdes: BumDesa | None = None,
    tanggal: datetime.date | None = None,
    kunci_sekali=None,
) -> Fasilitasi:
    """Open a case for a desa: copy the template's stages into it, start the first stage.

    Refuses (403) a desa outside the user's scope; refuses (a message per field) a kelurahan for
    a desa-only template (``TemplatAlur.hanya_desa``), a year far
    outside the template's period, a second open case of the same template and year in the same
    desa, and a facilitator who does not serve the desa. A repeat of ``kunci_sekali`` (a double
    click) raises ``SudahTersimpan`` with the case the first one opened."""
    ada = sudah_ada(Fasilitasi, kunci_dari(kunci_sekali))
    if ada is not None:
        raise SudahTersimpan(ada)
    from pendampingan.selectors import pendamping_lapangan_wilayah

    pastikan(
        akses.boleh_buka_kasus(user, wilayah),
        _("Anda tidak berwenang membuka kasus fasilitasi di desa %(d)s.") % {"d": wilayah.nama},
    )
    # the first stage starts on the desa's own date (WIT is a day ahead of WIB before 17:00 UTC)
    tanggal = tanggal or tanggal_setempat(timezone.now(), wilayah.kode)
    errors: dict[str, str] = {}
    if wilayah.tingkat != Tingkat.DESA:
        errors["wilayah"] = _("Pilih desa/kelurahan, bukan %(t)s.") % {
            "t": wilayah.get_tingkat_display().lower()
        }
    elif templat.hanya_desa and wilayah.adalah_kelurahan:
        # a kelurahan has no village government: no RPJM/RKP/APB Desa, Perdes or BUM Desa
        errors["wilayah"] = pesan_bukan_desa(wilayah, _("kasus %(t)s") % {"t": templat.nama})
    if not templat.aktif:
        errors["templat"] = _("Templat %(t)s tidak aktif lagi.") % {"t": templat.nama}
    awal, akhir = rentang_tahun(templat, tanggal)
    if tahun is None or not awal <= tahun <= akhir:
        errors["tahun"] = _(
            "Tahun %(th)s jauh di luar periode %(t)s: pilih tahun %(a)d sampai %(b)d."
        ) % {"th": tahun, "t": templat.nama, "a": awal, "b": akhir}
    if "wilayah" not in errors:
        sah = set(pendamping_lapangan_wilayah(kode=wilayah.kode).values_list("pk", flat=True))
        sah |= set(pengawas_wilayah(kode=wilayah.kode).values_list("pk", flat=True))
        if penanggung_jawab.pk not in sah:
            errors["penanggung_jawab"] = _(
                "%(n)s tidak bertugas di desa ini; pilih pendamping desa ini atau pengawasnya."
            ) % {"n": penanggung_jawab.nama}
    if bumdes is not None and templat.butir.ruang_lingkup.nomor != 4:
        errors["bumdes"] = _("BUM Desa hanya ditautkan pada kasus ruang lingkup 4 (ekonomi lokal).")
    elif bumdes is not None and not (
        bumdes.wilayah_id == wilayah.kode or bumdes.desa_anggota.filter(pk=wilayah.kode).exists()
    ):
        errors["bumdes"] = _("BUM Desa itu bukan milik desa ini.")
    tahap_templat = list(templat.tahap.prefetch_related("dokumen").order_by("urutan"))
    if not tahap_templat:
        errors["templat"] = _("Templat %(t)s belum punya tahap.") % {"t": templat.nama}
    if not errors and (
        Fasilitasi.objects.filter(wilayah=wilayah, templat=templat, tahun=tahun)
        .exclude(status=StatusFasilitasi.DIBATALKAN)
        .exists()
    ):
        if (ada := sudah_ada(Fasilitasi, kunci_dari(kunci_sekali))) is not None:
            raise SudahTersimpan(ada)  # the first submission committed a moment ago
        raise _galat_sudah_ada(wilayah, templat, tahun)
    if errors:
        raise ValidationError(errors)

    def buat() -> Fasilitasi:
        kasus = Fasilitasi.objects.create(
            wilayah=wilayah,
            butir=templat.butir,
            templat=templat,
            tahun=tahun,
            judul=(judul or "").strip() or f"{templat.nama} {tahun}",
            penanggung_jawab=penanggung_jawab,
            bumdes=bumdes,
            dibuka_oleh=user,
            kunci_sekali=kunci_dari(kunci_sekali),
        )
        _salin_tahap(kasus, tahap_templat, tanggal)
        PeristiwaFasilitasi.objects.create(
            kasus=kasus,
            jenis=JenisPeristiwa.DIBUKA,
            ke_tahap=kasus.tahap_kini,
            ke=StatusFasilitasi.BERJALAN,
            oleh=user,
            tanggal=tanggal,
        )
        return kasus

    try:
        kasus, dibuat = buat_sekali(Fasilitasi, kunci_sekali, buat)
    except IntegrityError:
        # somebody else opened the same case at the same moment (another key)
        raise _galat_sudah_ada(wilayah, templat, tahun) from None
    if not dibuat:
        raise SudahTersimpan(kasus)
    return kasus


def _salin_tahap(kasus: Fasilitasi, tahap_templat, tanggal: datetime.date) -> None:
    """The snapshot: the template's stages become the case's own; the first one starts."""
    TahapFasilitasi.objects.bulk_create(
        [
            TahapFasilitasi(
                kasus=kasus,
                tahap_templat=t,
                urutan=i,
                nama=t.nama,
                keterangan=t.keterangan,
                jenis_tenggat=t.jenis_tenggat,
                tenggat_bulan=t.tenggat_bulan,
                tenggat_hari=t.tenggat_hari,
                tenggat_geser_tahun=t.tenggat_geser_tahun,
                tenggat_jumlah_hari=t.tenggat_jumlah_hari,
                tonggak=t.tonggak,
                dasar=t.dasar,
                sumber=t.sumber,
                dokumen=[{"nama": d.nama, "wajib": d.wajib} for d in t.dokumen.all()],
            )
            for i, t in enumerate(tahap_templat, 1)
        ]
    )
    pertama = kasus.tahap.get(urutan=1)
    pertama.mulai = tanggal
    pertama.jatuh_tempo = jatuh_tempo_tahap(pertama, kasus.tahun, tanggal)
    pertama.save(update_fields=["mulai", "jatuh_tempo"])
    kasus.tahap_kini = pertama
    kasus.jatuh_tempo = pertama.jatuh_tempo
    kasus.save(update_fields=["tahap_kini", "jatuh_tempo"])


@transaction.atomic
def fasilitasi_catat_kegiatan(
    *, kasus: Fasilitasi, user, kegiatan: Kegiatan, catatan: str = ""
) -> PeristiwaFasilitasi:
    """Link a daily-log entry to the case without moving it (the entry served the case); linking
    the same entry again returns the first link."""
    pastikan(
        akses.boleh_pindah_tahap(user, kasus),
        _("Anda tidak berwenang mencatat kegiatan pada kasus fasilitasi ini."),
    )
    kasus = kunci_baris(kasus)
    validasi_kegiatan(kegiatan, kasus, user)
    ada = PeristiwaFasilitasi.objects.filter(kasus=kasus, kegiatan=kegiatan).first()
    if ada is not None:
        return ada
    peristiwa = PeristiwaFasilitasi.objects.create(
        kasus=kasus,
        jenis=JenisPeristiwa.CATATAN,
        dari_tahap=kasus.tahap_kini,
        ke_tahap=kasus.tahap_kini,
        oleh=user,
        tanggal=kegiatan.tanggal,
        catatan=(catatan or "").strip(),
        kegiatan=kegiatan,
    )
    tandai_kegiatan(kegiatan)
    return peristiwa
