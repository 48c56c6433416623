"""Writes of a facilitation case: open it (snapshotting the template), attach documents, move it
forward or back, change its status, link a daily-log entry. Every write is atomic, locks the case
row, and records an event row (see ``models.kasus``)."""

from __future__ import annotations

import datetime
import hashlib

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.models import Kegiatan, Pendamping, Tingkat, Wilayah
from pendampingan.scope import cakupan_pengguna

from ..models import (
    PERPINDAHAN_STATUS,
    BumDesa,
    DokumenFasilitasi,
    Fasilitasi,
    JenisPeristiwa,
    PeristiwaFasilitasi,
    StatusFasilitasi,
    TahapFasilitasi,
    TemplatAlur,
)
from ..tenggat import hitung_jatuh_tempo

JENIS_BERKAS_SAH = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "application/msword": ".doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
}


def boleh_ubah_kasus(user, kasus: Fasilitasi) -> bool:
    """The user may change the case: the permission, and the desa inside the user's scope."""
    return user.has_perm("fasilitasi.change_fasilitasi") and cakupan_pengguna(user).boleh_lihat(
        kasus.wilayah_id
    )


def _pastikan_boleh(user, kasus):
    if not boleh_ubah_kasus(user, kasus):
        raise ValidationError(_("Anda tidak berwenang mengubah kasus fasilitasi ini."))


def _kunci(kasus: Fasilitasi) -> Fasilitasi:
    """Lock the case row for the rest of the transaction and return it fresh."""
    return (
        Fasilitasi.objects.select_for_update(of=("self",))
        .select_related("tahap_kini")
        .get(pk=kasus.pk)
    )


def _jatuh_tempo(tahap: TahapFasilitasi, tahun: int, mulai: datetime.date):
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


def _validasi_kegiatan(kegiatan: Kegiatan | None, kasus: Fasilitasi, user) -> None:
    if kegiatan is None:
        return
    if kegiatan.wilayah_id != kasus.wilayah_id:
        raise ValidationError(
            {"kegiatan": _("Kegiatan harian itu tidak dilakukan di desa kasus ini.")}
        )
    if kegiatan.pendamping.user_id != user.pk:
        raise ValidationError({"kegiatan": _("Pilih kegiatan harian Anda sendiri.")})


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
) -> Fasilitasi:
    """Open a case for a desa: copy the template's stages into it, start the first stage.

    Refuses a desa outside the user's scope, a year far outside the template's period, a second
    open case of the same template and year in the same desa, and a facilitator who does not
    serve the desa."""
    from pendampingan.selectors import pendamping_lapangan_wilayah, pengawas_wilayah

    tanggal = tanggal or timezone.localdate()
    errors: dict[str, str] = {}
    if wilayah.tingkat != Tingkat.DESA:
        errors["wilayah"] = _("Pilih desa/kelurahan, bukan %(t)s.") % {
            "t": wilayah.get_tingkat_display().lower()
        }
    elif not (
        user.has_perm("fasilitasi.add_fasilitasi")
        and cakupan_pengguna(user).boleh_lihat(wilayah.kode)
    ):
        errors["wilayah"] = _("Desa itu di luar wilayah tugas Anda.")
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
        errors["tahun"] = _("Desa %(d)s sudah punya kasus %(t)s tahun %(th)d.") % {
            "d": wilayah.nama,
            "t": templat.nama,
            "th": tahun,
        }
    if errors:
        raise ValidationError(errors)

    kasus = Fasilitasi.objects.create(
        wilayah=wilayah,
        butir=templat.butir,
        templat=templat,
        tahun=tahun,
        judul=(judul or "").strip() or f"{templat.nama} {tahun}",
        penanggung_jawab=penanggung_jawab,
        bumdes=bumdes,
        dibuka_oleh=user,
    )
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
    pertama.jatuh_tempo = _jatuh_tempo(pertama, tahun, tanggal)
    pertama.save(update_fields=["mulai", "jatuh_tempo"])
    kasus.tahap_kini = pertama
    kasus.jatuh_tempo = pertama.jatuh_tempo
    kasus.save(update_fields=["tahap_kini", "jatuh_tempo"])
    PeristiwaFasilitasi.objects.create(
        kasus=kasus,
        jenis=JenisPeristiwa.DIBUKA,
        ke_tahap=pertama,
        ke_status=StatusFasilitasi.BERJALAN,
        oleh=user,
        tanggal=tanggal,
    )
    return kasus


def dokumen_kurang(kasus: Fasilitasi, tahap: TahapFasilitasi) -> list[str]:
    """The required documents of ``tahap`` not yet attached."""
    ada = set(DokumenFasilitasi.objects.filter(tahap=tahap).values_list("nama", flat=True))
    return [n for n in tahap.dokumen_wajib if n not in ada]


def _pastikan_bisa_pindah(kasus: Fasilitasi) -> None:
    if kasus.status == StatusFasilitasi.SELESAI:
        raise ValidationError(_("Kasus ini sudah selesai; tahapnya tidak dapat dipindah lagi."))
    if kasus.status == StatusFasilitasi.DIBATALKAN:
        raise ValidationError(_("Kasus ini sudah dibatalkan; tahapnya tidak dapat dipindah."))
    if kasus.status == StatusFasilitasi.DITUNDA:
        raise ValidationError(
            _("Kasus ini sedang ditunda; lanjutkan dulu sebelum memindah tahapnya.")
        )


def _tanggal_berlaku(kasus, kegiatan, tanggal) -> datetime.date:
    tanggal = kegiatan.tanggal if kegiatan is not None else (tanggal or timezone.localdate())
    if kasus.tahap_kini and kasus.tahap_kini.mulai and tanggal < kasus.tahap_kini.mulai:
        raise ValidationError(
            _("Tanggal %(t)s sebelum tahap saat ini dimulai (%(m)s).")
            % {"t": tanggal.strftime("%d-%m-%Y"), "m": kasus.tahap_kini.mulai.strftime("%d-%m-%Y")}
        )
    return tanggal


def fasilitasi_periksa_maju(*, kasus: Fasilitasi) -> None:
    """Raise the reason the case cannot move forward now (status, missing documents)."""
    _pastikan_bisa_pindah(kasus)
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
) -> Fasilitasi:
    """Move the case to its next stage (or finish it from the last stage). The current stage's
    required documents must be attached; a finished, cancelled or postponed case cannot move."""
    _pastikan_boleh(user, kasus)
    kasus = _kunci(kasus)
    fasilitasi_periksa_maju(kasus=kasus)
    _validasi_kegiatan(kegiatan, kasus, user)
    tanggal = _tanggal_berlaku(kasus, kegiatan, tanggal)
    kini = kasus.tahap_kini
    berikut = kasus.tahap.filter(urutan__gt=kini.urutan).order_by("urutan").first()
    kini.selesai = tanggal
    kini.save(update_fields=["selesai"])
    peristiwa = PeristiwaFasilitasi(
        kasus=kasus,
        jenis=JenisPeristiwa.MAJU,
        dari_tahap=kini,
        oleh=user,
        tanggal=tanggal,
        catatan=(catatan or "").strip(),
        kegiatan=kegiatan,
    )
    if berikut is None:
        kasus.status = StatusFasilitasi.SELESAI
        kasus.selesai_pada = timezone.now()
        kasus.jatuh_tempo = None
        kasus.save(update_fields=["status", "selesai_pada", "jatuh_tempo", "diubah"])
        peristiwa.dari_status = StatusFasilitasi.BERJALAN
        peristiwa.ke_status = StatusFasilitasi.SELESAI
    else:
        berikut.mulai = tanggal
        berikut.selesai = None
        berikut.jatuh_tempo = _jatuh_tempo(berikut, kasus.tahun, tanggal)
        berikut.save(update_fields=["mulai", "selesai", "jatuh_tempo"])
        kasus.tahap_kini = berikut
        kasus.jatuh_tempo = berikut.jatuh_tempo
        kasus.save(update_fields=["tahap_kini", "jatuh_tempo", "diubah"])
        peristiwa.ke_tahap = berikut
    peristiwa.save()
    peristiwa.dokumen.set(DokumenFasilitasi.objects.filter(tahap=kini))
    return kasus


@transaction.atomic
def fasilitasi_mundur(
    *,
    kasus: Fasilitasi,
    user,
    alasan: str,
    kegiatan: Kegiatan | None = None,
    tanggal: datetime.date | None = None,
) -> Fasilitasi:
    """Send the case back to its previous stage, with a reason (e.g. the evaluation returned the
    draft). The previous stage starts again; its due date is computed anew."""
    _pastikan_boleh(user, kasus)
    if not (alasan or "").strip():
        raise ValidationError({"alasan": _("Tuliskan alasan kembali ke tahap sebelumnya.")})
    kasus = _kunci(kasus)
    _pastikan_bisa_pindah(kasus)
    _validasi_kegiatan(kegiatan, kasus, user)
    kini = kasus.tahap_kini
    sebelum = kasus.tahap.filter(urutan__lt=kini.urutan).order_by("-urutan").first()
    if sebelum is None:
        raise ValidationError(_("Kasus ini sudah di tahap pertama."))
    tanggal = _tanggal_berlaku(kasus, kegiatan, tanggal)
    kini.mulai = None
    kini.jatuh_tempo = None
    kini.save(update_fields=["mulai", "jatuh_tempo"])
    sebelum.mulai = tanggal
    sebelum.selesai = None
    sebelum.jatuh_tempo = _jatuh_tempo(sebelum, kasus.tahun, tanggal)
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
    return kasus


@transaction.atomic
def fasilitasi_ubah_status(
    *, kasus: Fasilitasi, user, status: str, catatan: str = ""
) -> Fasilitasi:
    """Postpone, resume or cancel a case (``PERPINDAHAN_STATUS``); the same status is a no-op.
    A case is finished only by moving forward from its last stage."""
    _pastikan_boleh(user, kasus)
    kasus = _kunci(kasus)
    if kasus.status == status:
        return kasus
    if status == StatusFasilitasi.SELESAI:
        raise ValidationError(
            _("Kasus selesai dengan memindahkan tahap terakhir, bukan dengan mengubah status.")
        )
    if status not in PERPINDAHAN_STATUS.get(kasus.status, set()):
        raise ValidationError(
            _("Status %(a)s tidak dapat diubah menjadi %(b)s.")
            % {
                "a": StatusFasilitasi(kasus.status).label,
                "b": StatusFasilitasi(status).label
                if status in StatusFasilitasi.values
                else status,
            }
        )
    if status in (StatusFasilitasi.DITUNDA, StatusFasilitasi.DIBATALKAN) and not catatan.strip():
        raise ValidationError({"catatan": _("Tuliskan alasan menunda atau membatalkan kasus.")})
    if status == StatusFasilitasi.BERJALAN and (
        Fasilitasi.objects.filter(wilayah_id=kasus.wilayah_id, templat_id=kasus.templat_id)
        .filter(tahun=kasus.tahun)
        .exclude(pk=kasus.pk)
        .exclude(status=StatusFasilitasi.DIBATALKAN)
        .exists()
    ):
        raise ValidationError(_("Sudah ada kasus lain dengan templat dan tahun yang sama."))
    lama = kasus.status
    kasus.status = status
    kasus.save(update_fields=["status", "diubah"])
    PeristiwaFasilitasi.objects.create(
        kasus=kasus,
        jenis=JenisPeristiwa.STATUS,
        dari_status=lama,
        ke_status=status,
        dari_tahap=kasus.tahap_kini,
        ke_tahap=kasus.tahap_kini,
        oleh=user,
        tanggal=timezone.localdate(),
        catatan=catatan.strip(),
    )
    return kasus


@transaction.atomic
def fasilitasi_catat_kegiatan(
    *, kasus: Fasilitasi, user, kegiatan: Kegiatan, catatan: str = ""
) -> PeristiwaFasilitasi:
    """Link a daily-log entry to the case without moving it (the entry served the case)."""
    _pastikan_boleh(user, kasus)
    kasus = _kunci(kasus)
    _validasi_kegiatan(kegiatan, kasus, user)
    if PeristiwaFasilitasi.objects.filter(kasus=kasus, kegiatan=kegiatan).exists():
        return PeristiwaFasilitasi.objects.filter(kasus=kasus, kegiatan=kegiatan).first()
    return PeristiwaFasilitasi.objects.create(
        kasus=kasus,
        jenis=JenisPeristiwa.CATATAN,
        dari_tahap=kasus.tahap_kini,
        ke_tahap=kasus.tahap_kini,
        oleh=user,
        tanggal=kegiatan.tanggal,
        catatan=(catatan or "").strip(),
        kegiatan=kegiatan,
    )


def periksa_berkas(berkas) -> tuple[str, str, str, int]:
    """Check an upload by its content: size, a known type. Returns (mime, extension, sha256,
    size). Raises ValidationError in Indonesian."""
    maks = settings.UNGGAHAN_MAKS_MB * 1024 * 1024
    if berkas.size > maks:
        raise ValidationError(
            {
                "berkas": _("Berkas terlalu besar (maksimal %(n)d MB).")
                % {"n": settings.UNGGAHAN_MAKS_MB}
            }
        )
    if berkas.size == 0:
        raise ValidationError({"berkas": _("Berkas kosong.")})
    berkas.seek(0)
    kepala = berkas.read(8192)
    jenis = filetype.guess(kepala)
    if jenis is None or jenis.mime not in JENIS_BERKAS_SAH:
        raise ValidationError(
            {
                "berkas": _(
                    "Isi berkas bukan PDF, gambar (JPG/PNG/WebP) atau dokumen kantor (DOC/DOCX/XLSX/ODT/ODS)."
                )
            }
        )
    berkas.seek(0)
    h = hashlib.sha256()
    for potong in berkas.chunks():
        h.update(potong)
    berkas.seek(0)
    return jenis.mime, JENIS_BERKAS_SAH[jenis.mime], h.hexdigest(), berkas.size


@transaction.atomic
def dokumen_lampirkan(*, kasus: Fasilitasi, user, nama: str, berkas) -> DokumenFasilitasi:
    """Attach a document to the case's current stage (checked by content)."""
    _pastikan_boleh(user, kasus)
    kasus = _kunci(kasus)
    _pastikan_bisa_pindah(kasus)
    nama = (nama or "").strip()
    if not nama:
        raise ValidationError({"nama": _("Pilih atau tuliskan jenis dokumennya.")})
    mime, ekstensi, sha, ukuran = periksa_berkas(berkas)
    if DokumenFasilitasi.objects.filter(kasus=kasus, sha256=sha).exists():
        raise ValidationError({"berkas": _("Berkas yang sama sudah dilampirkan pada kasus ini.")})
    dok = DokumenFasilitasi(
        kasus=kasus,
        tahap=kasus.tahap_kini,
        nama=nama,
        nama_asli=(getattr(berkas, "name", "") or "berkas")[-255:],
        jenis_mime=mime,
        ekstensi=ekstensi,
        ukuran=ukuran,
        sha256=sha,
        diunggah_oleh=user,
    )
    dok.berkas.save(f"{sha[:16]}{ekstensi}", berkas, save=False)
    try:
        dok.save()
    except IntegrityError:
        dok.berkas.delete(save=False)
        raise
    return dok
