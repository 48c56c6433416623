"""Every write of the daily log: one function per use case, keyword-only, validated, atomic.

The workflow (``models.pilihan.ALUR_KEGIATAN``): the owner saves a draft, edits it, submits it; a
supervisor above them (never the owner) verifies it or returns it with a note; a returned entry is
edited and submitted again; a verified entry is final. Each move writes a ``KegiatanPeristiwa``.
An entry is refused for editing when it is verified or when a registered ``kunci_kegiatan`` check
(the monthly lock of issue 4) gives a reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import registry
from ..inti import berkas as bukti
from ..models import (
    ALUR_KEGIATAN,
    STATUS_DAPAT_DIUBAH,
    AsistensiKegiatan,
    DokumenKegiatan,
    FotoKegiatan,
    Kegiatan,
    KegiatanPeristiwa,
    NilaiPrinsip,
    Pendamping,
    PengarahanKegiatan,
    PenilaianPrinsip,
    Prinsip,
    StatusKegiatan,
    StatusTindakLanjut,
    TataCara,
)
from ..models.pilihan import JenisSasaran
from ..services import tindak_lanjut_buat
from . import notifikasi
from .akses import boleh_verifikasi, pendamping_pengguna, wilayah_catat_kegiatan

FIELD_UTAMA = (
    "wilayah",
    "tanggal",
    "jam_mulai",
    "jam_selesai",
    "tata_cara",
    "judul",
    "uraian",
    "masalah",
    "solusi",
    "hasil",
    "peserta_laki",
    "peserta_perempuan",
    "lintang",
    "bujur",
    "akurasi",
)


@dataclass
class HasilSimpan:
    """What a save did: the entry, and the files refused with the reason (the entry is saved
    even when some attachments are not)."""

    kegiatan: Kegiatan
    ditolak: list[tuple[str, str]] = field(default_factory=list)
    belum_diajukan: list[str] = field(default_factory=list)
    foto: list[FotoKegiatan] = field(default_factory=list)
    dokumen: list[DokumenKegiatan] = field(default_factory=list)


# ----------------------------------------------------------------------------- checks
def alasan_terkunci(kegiatan: Kegiatan) -> str | None:
    """Why ``kegiatan`` may not be edited (verified, submitted, or a registered lock), or None."""
    if kegiatan.status == StatusKegiatan.DIVERIFIKASI:
        return _("Kegiatan yang sudah diverifikasi tidak dapat diubah.")
    if kegiatan.pk and kegiatan.status not in STATUS_DAPAT_DIUBAH:
        return _("Kegiatan sedang diajukan; tarik kembali menjadi draf untuk mengubahnya.")
    return alasan_kunci_registry(kegiatan)


def alasan_kunci_registry(kegiatan: Kegiatan) -> str | None:
    for fungsi in registry.kunci_kegiatan.values():
        alasan = fungsi(kegiatan)
        if alasan:
            return str(alasan)
    return None


def _validasi_utama(*, user, data: Mapping[str, Any]) -> None:
    errors: dict[str, str] = {}
    tanggal = data.get("tanggal")
    if tanggal is None:
        errors["tanggal"] = _("Isi tanggal kegiatan.")
    elif tanggal > timezone.localdate():
        errors["tanggal"] = _("Tanggal kegiatan tidak boleh di masa depan.")
    mulai, selesai = data.get("jam_mulai"), data.get("jam_selesai")
    if mulai is None:
        errors["jam_mulai"] = _("Isi jam mulai.")
    if selesai is None:
        errors["jam_selesai"] = _("Isi jam selesai.")
    elif mulai is not None and selesai <= mulai:
        errors["jam_selesai"] = _("Jam selesai harus sesudah jam mulai.")
    if data.get("tata_cara") not in TataCara.values:
        errors["tata_cara"] = _("Pilih tata cara kegiatan.")
    if not (data.get("judul") or "").strip():
        errors["judul"] = _("Isi judul kegiatan.")
    for f in ("peserta_laki", "peserta_perempuan"):
        n = data.get(f) or 0
        if n < 0:
            errors[f] = _("Jumlah peserta tidak boleh kurang dari nol.")
    wilayah = data.get("wilayah")
    if wilayah is None:
        errors["wilayah"] = _("Pilih tempat kegiatan.")
    elif not wilayah_catat_kegiatan(user=user).filter(kode=wilayah.kode).exists():
        errors["wilayah"] = _("Tempat ini di luar wilayah tempat Anda dapat mencatat kegiatan.")
    lintang, bujur = data.get("lintang"), data.get("bujur")
    if (lintang is None) != (bujur is None):
        errors["lintang"] = _("Isi lintang dan bujur bersama-sama, atau kosongkan keduanya.")
    if lintang is not None and not (-90 <= lintang <= 90):
        errors["lintang"] = _("Lintang harus antara -90 dan 90.")
    if bujur is not None and not (-180 <= bujur <= 180):
        errors["bujur"] = _("Bujur harus antara -180 dan 180.")
    akurasi = data.get("akurasi")
    if akurasi is not None and akurasi < 0:
        errors["akurasi"] = _("Akurasi tidak boleh negatif.")
    if errors:
        raise ValidationError(errors)


def _simpan_prinsip(kegiatan: Kegiatan, prinsip: Mapping[int, tuple[str, str]]) -> None:
    """Upsert the checklist lines given (prinsip id → (nilai, catatan)); a blank nilai clears."""
    ada = {p.prinsip_id: p for p in kegiatan.penilaian_prinsip.all()}
    sah = {p.pk: p for p in Prinsip.objects.filter(pk__in=list(prinsip))}
    errors = {}
    for pid, (nilai, catatan) in prinsip.items():
        p = sah.get(pid)
        if p is None:
            continue
        catatan = (catatan or "").strip()
        if not nilai:
            if pid in ada:
                ada[pid].delete()
            continue
        if nilai not in NilaiPrinsip.values:
            errors[f"prinsip_{p.kode}"] = _("Pilihan tidak sah.")
            continue
        if nilai == NilaiPrinsip.TIDAK_DIJUNJUNG and not catatan:
            errors[f"prinsip_{p.kode}_catatan"] = _(
                "Tuliskan catatan: mengapa prinsip %(p)s tidak dijunjung?"
            ) % {"p": p.nama.lower()}
            continue
        baris = ada.get(pid)
        if baris is None:
            PenilaianPrinsip.objects.create(
                kegiatan=kegiatan, prinsip=p, nilai=nilai, catatan=catatan
            )
        elif (baris.nilai, baris.catatan) != (nilai, catatan):
            baris.nilai, baris.catatan = nilai, catatan
            baris.save(update_fields=["nilai", "catatan"])
    if errors:
        raise ValidationError(errors)


def _simpan_asistensi(kegiatan: Kegiatan, asistensi: Mapping[str, Any] | None) -> None:
    if kegiatan.tata_cara != TataCara.ASISTENSI:
        AsistensiKegiatan.objects.filter(kegiatan=kegiatan).delete()
        return
    asistensi = asistensi or {}
    errors = {}
    jenis = asistensi.get("jenis_sasaran")
    lembaga = asistensi.get("lembaga")
    nama = (asistensi.get("nama_sasaran") or "").strip()
    if jenis not in JenisSasaran.values:
        errors["jenis_sasaran"] = _("Pilih sasaran asistensi: perorangan atau lembaga desa.")
    elif jenis == JenisSasaran.LEMBAGA and lembaga is None:
        errors["lembaga"] = _("Pilih lembaga desa yang didampingi.")
    elif jenis == JenisSasaran.PERORANGAN and not nama:
        errors["nama_sasaran"] = _("Tuliskan nama warga yang didampingi.")
    if asistensi.get("bidang") is None:
        errors["bidang"] = _("Pilih tahap atau bidang yang dilayani.")
    if errors:
        raise ValidationError(errors)
    AsistensiKegiatan.objects.update_or_create(
        kegiatan=kegiatan,
        defaults={
            "jenis_sasaran": jenis,
            "lembaga": lembaga if jenis == JenisSasaran.LEMBAGA else None,
            "nama_sasaran": nama if jenis == JenisSasaran.PERORANGAN else "",
            "bidang": asistensi["bidang"],
        },
    )


def _simpan_pengarahan(kegiatan: Kegiatan, pengarahan: Mapping[str, Any] | None) -> None:
    """Save the pengarahan detail; a commitment opens (or updates) its ``TindakLanjut``."""
    if kegiatan.tata_cara != TataCara.PENGARAHAN:
        PengarahanKegiatan.objects.filter(kegiatan=kegiatan).delete()
        return
    pengarahan = pengarahan or {}
    errors = {}
    bidang, prioritas = pengarahan.get("bidang"), pengarahan.get("prioritas")
    penerima = (pengarahan.get("penerima") or "").strip()
    komitmen = (pengarahan.get("komitmen") or "").strip()
    pelaksana = (pengarahan.get("komitmen_pelaksana") or "").strip()
    jatuh_tempo = pengarahan.get("komitmen_jatuh_tempo")
    if bidang is None:
        errors["bidang"] = _("Pilih tahap atau bidang pengarahan.")
    if prioritas is not None and prioritas.tahun != kegiatan.tanggal.year:
        errors["prioritas"] = _("Pilih prioritas Dana Desa tahun %(t)d.") % {
            "t": kegiatan.tanggal.year
        }
    if not penerima:
        errors["penerima"] = _("Sebutkan siapa yang menerima pengarahan.")
    if komitmen:
        if not pelaksana:
            errors["komitmen_pelaksana"] = _("Sebutkan siapa yang akan melaksanakan komitmen.")
        if jatuh_tempo is None:
            errors["komitmen_jatuh_tempo"] = _("Tentukan batas waktu komitmen.")
        elif jatuh_tempo < kegiatan.tanggal:
            errors["komitmen_jatuh_tempo"] = _(
                "Batas waktu komitmen tidak boleh sebelum tanggal kegiatan."
            )
    if errors:
        raise ValidationError(errors)
    detail, _baru = PengarahanKegiatan.objects.update_or_create(
        kegiatan=kegiatan,
        defaults={
            "bidang": bidang,
            "prioritas": prioritas,
            "penerima": penerima,
            "komitmen": komitmen,
            "komitmen_pelaksana": pelaksana if komitmen else "",
            "komitmen_jatuh_tempo": jatuh_tempo if komitmen else None,
        },
    )
    tl = detail.tindak_lanjut
    if komitmen and tl is None:
        detail.tindak_lanjut = tindak_lanjut_buat(
            wilayah=kegiatan.wilayah,
            pendamping=kegiatan.pendamping,
            judul=komitmen[:250],
            penanggung_jawab=pelaksana,
            jatuh_tempo=jatuh_tempo,
            kegiatan=kegiatan,
            sumber=detail,
            boleh_lampau=True,
        )
        detail.save(update_fields=["tindak_lanjut"])
    elif komitmen and tl.status == StatusTindakLanjut.TERBUKA:
        baru = (komitmen[:250], pelaksana, jatuh_tempo, kegiatan.wilayah_id)
        if (tl.judul, tl.penanggung_jawab, tl.jatuh_tempo, tl.wilayah_id) != baru:
            tl.judul, tl.penanggung_jawab, tl.jatuh_tempo, tl.wilayah_id = baru
            tl.save(update_fields=["judul", "penanggung_jawab", "jatuh_tempo", "wilayah"])
    elif not komitmen and tl is not None and tl.status == StatusTindakLanjut.TERBUKA:
        tl.status = StatusTindakLanjut.BATAL
        tl.catatan_selesai = _("Komitmen dihapus dari kegiatan.")
        tl.selesai_pada = timezone.now()
        tl.save(update_fields=["status", "catatan_selesai", "selesai_pada"])


def _lampirkan(hasil: HasilSimpan, foto: Iterable, dokumen: Iterable) -> None:
    """Attach each file in its own savepoint: a refused file is reported, never fatal."""
    for berkas in foto:
        try:
            hasil.foto.append(foto_tambah(kegiatan=hasil.kegiatan, berkas=berkas, _cek=False))
        except ValidationError as e:
            hasil.ditolak.append((getattr(berkas, "name", "?"), " ".join(e.messages)))
    for berkas in dokumen:
        try:
            hasil.dokumen.append(dokumen_tambah(kegiatan=hasil.kegiatan, berkas=berkas, _cek=False))
        except ValidationError as e:
            hasil.ditolak.append((getattr(berkas, "name", "?"), " ".join(e.messages)))


def _ekstensi(kegiatan: Kegiatan, user, ekstensi: Sequence) -> None:
    for eks, form in ekstensi:
        if not eks.tata_cara or kegiatan.tata_cara in eks.tata_cara:
            eks.simpan(kegiatan, form, user)


# -------------------------------------------------------------------------- use cases
@transaction.atomic
def kegiatan_buat(
    *,
    user,
    data: Mapping[str, Any],
    sdgs: Iterable = (),
    prinsip: Mapping[int, tuple[str, str]] | None = None,
    asistensi: Mapping[str, Any] | None = None,
    pengarahan: Mapping[str, Any] | None = None,
    ekstensi: Sequence = (),
    foto: Iterable = (),
    dokumen: Iterable = (),
    ajukan: bool = False,
) -> HasilSimpan:
    """Save a new draft entry of the user, its checklist, details and extensions; then attach the
    files one by one (a refused file is listed in ``HasilSimpan.ditolak``; the entry stays).
    With ``ajukan`` the entry is then submitted; what still blocks submission is listed in
    ``HasilSimpan.belum_diajukan`` and the draft is kept."""
    pendamping = pendamping_pengguna(user)
    if pendamping is None:
        raise ValidationError(_("Akun Anda tidak terdaftar sebagai pendamping."))
    _validasi_utama(user=user, data=data)
    kegiatan = Kegiatan(pendamping=pendamping, **{f: data.get(f) for f in FIELD_UTAMA})
    for f in ("uraian", "masalah", "solusi", "hasil"):
        setattr(kegiatan, f, (getattr(kegiatan, f) or "").strip())
    kegiatan.peserta_laki = kegiatan.peserta_laki or 0
    kegiatan.peserta_perempuan = kegiatan.peserta_perempuan or 0
    alasan = alasan_kunci_registry(kegiatan)
    if alasan:
        raise ValidationError({"tanggal": alasan})
    kegiatan.save()
    kegiatan.sdgs.set(list(sdgs))
    _simpan_prinsip(kegiatan, prinsip or {})
    _simpan_asistensi(kegiatan, asistensi)
    _simpan_pengarahan(kegiatan, pengarahan)
    _ekstensi(kegiatan, user, ekstensi)
    KegiatanPeristiwa.objects.create(
        kegiatan=kegiatan, pelaku=user, dari="", ke=StatusKegiatan.DRAF, catatan=_("Dibuat")
    )
    hasil = HasilSimpan(kegiatan=kegiatan)
    _lampirkan(hasil, foto, dokumen)
    if ajukan:
        _coba_ajukan(hasil, user)
    return hasil


@transaction.atomic
def kegiatan_ubah(
    *,
    kegiatan: Kegiatan,
    user,
    data: Mapping[str, Any],
    sdgs: Iterable | None = None,
    prinsip: Mapping[int, tuple[str, str]] | None = None,
    asistensi: Mapping[str, Any] | None = None,
    pengarahan: Mapping[str, Any] | None = None,
    ekstensi: Sequence = (),
    foto: Iterable = (),
    dokumen: Iterable = (),
    ajukan: bool = False,
) -> HasilSimpan:
    """Edit the owner's draft or returned entry (refused when verified, submitted or locked)."""
    kegiatan = Kegiatan.objects.select_for_update().get(pk=kegiatan.pk)
    _pastikan_pemilik(kegiatan, user)
    alasan = alasan_terkunci(kegiatan)
    if alasan:
        raise ValidationError(alasan)
    _validasi_utama(user=user, data=data)
    for f in FIELD_UTAMA:
        setattr(kegiatan, f, data.get(f))
    for f in ("uraian", "masalah", "solusi", "hasil"):
        setattr(kegiatan, f, (getattr(kegiatan, f) or "").strip())
    kegiatan.peserta_laki = kegiatan.peserta_laki or 0
    kegiatan.peserta_perempuan = kegiatan.peserta_perempuan or 0
    alasan = alasan_kunci_registry(kegiatan)  # the new date may fall in a locked month
    if alasan:
        raise ValidationError({"tanggal": alasan})
    kegiatan.save()
    if sdgs is not None:
        kegiatan.sdgs.set(list(sdgs))
    _simpan_prinsip(kegiatan, prinsip or {})
    _simpan_asistensi(kegiatan, asistensi)
    _simpan_pengarahan(kegiatan, pengarahan)
    _ekstensi(kegiatan, user, ekstensi)
    hasil = HasilSimpan(kegiatan=kegiatan)
    _lampirkan(hasil, foto, dokumen)
    if ajukan:
        _coba_ajukan(hasil, user)
    return hasil


def _coba_ajukan(hasil: HasilSimpan, user) -> None:
    try:
        hasil.kegiatan = kegiatan_ajukan(kegiatan=hasil.kegiatan, user=user)
    except ValidationError as e:
        hasil.belum_diajukan = e.messages


def _pastikan_pemilik(kegiatan: Kegiatan, user) -> None:
    p = pendamping_pengguna(user)
    if p is None or kegiatan.pendamping_id != p.pk:
        raise ValidationError(_("Hanya pemilik kegiatan yang dapat mengubahnya."))


def _pindah(kegiatan: Kegiatan, *, ke: str, user, catatan: str = "") -> KegiatanPeristiwa | None:
    """Move along ALUR_KEGIATAN and write the event; a move to the current state is a no-op."""
    dari = kegiatan.status
    if dari == ke:
        return None
    if ke not in ALUR_KEGIATAN[dari]:
        raise ValidationError(
            _("Status tidak dapat berpindah dari %(dari)s ke %(ke)s.")
            % {"dari": StatusKegiatan(dari).label, "ke": StatusKegiatan(ke).label}
        )
    kegiatan.status = ke
    return KegiatanPeristiwa.objects.create(
        kegiatan=kegiatan, pelaku=user, dari=dari, ke=ke, catatan=catatan
    )


def kegiatan_kekurangan(kegiatan: Kegiatan) -> list[str]:
    """What an entry still lacks before it can be submitted (empty: ready)."""
    kurang = []
    aktif = set(Prinsip.objects.filter(aktif=True).values_list("pk", flat=True))
    dinilai = set(kegiatan.penilaian_prinsip.values_list("prinsip_id", flat=True))
    if aktif - dinilai:
        kurang.append(_("Lengkapi daftar periksa prinsip (semua prinsip harus dinilai)."))
    if not (kegiatan.uraian or "").strip():
        kurang.append(_("Isi uraian kegiatan."))
    if (
        kegiatan.tata_cara == TataCara.ASISTENSI
        and not AsistensiKegiatan.objects.filter(kegiatan=kegiatan).exists()
    ):
        kurang.append(_("Lengkapi rincian asistensi."))
    if (
        kegiatan.tata_cara == TataCara.PENGARAHAN
        and not PengarahanKegiatan.objects.filter(kegiatan=kegiatan).exists()
    ):
        kurang.append(_("Lengkapi rincian pengarahan."))
    return kurang


@transaction.atomic
def kegiatan_ajukan(*, kegiatan: Kegiatan, user) -> Kegiatan:
    """Submit the owner's entry for verification (the checklist must be complete)."""
    kegiatan = Kegiatan.objects.select_for_update().get(pk=kegiatan.pk)
    _pastikan_pemilik(kegiatan, user)
    if kegiatan.status == StatusKegiatan.DIAJUKAN:
        return kegiatan
    alasan = alasan_kunci_registry(kegiatan)
    if alasan:
        raise ValidationError(alasan)
    kurang = kegiatan_kekurangan(kegiatan)
    if kurang:
        raise ValidationError(kurang)
    ev = _pindah(kegiatan, ke=StatusKegiatan.DIAJUKAN, user=user)
    if ev:
        kegiatan.diajukan_pada = timezone.now()
        kegiatan.save(update_fields=["status", "diajukan_pada", "diubah"])
        notifikasi.kabari_pemeriksa(kegiatan=kegiatan, peristiwa=ev)
    return kegiatan


@transaction.atomic
def kegiatan_tarik(*, kegiatan: Kegiatan, user) -> Kegiatan:
    """The owner takes a submitted (not yet verified) entry back to draft to edit it."""
    kegiatan = Kegiatan.objects.select_for_update().get(pk=kegiatan.pk)
    _pastikan_pemilik(kegiatan, user)
    alasan = alasan_kunci_registry(kegiatan)
    if alasan:
        raise ValidationError(alasan)
    if _pindah(kegiatan, ke=StatusKegiatan.DRAF, user=user, catatan=_("Ditarik oleh pemilik")):
        kegiatan.save(update_fields=["status", "diubah"])
    return kegiatan


def _pastikan_pemeriksa(kegiatan: Kegiatan, user) -> Pendamping:
    if not boleh_verifikasi(user=user, kegiatan=kegiatan):
        raise ValidationError(
            _("Anda tidak dapat memeriksa kegiatan ini (milik sendiri atau di luar wilayah Anda).")
        )
    return pendamping_pengguna(user)


@transaction.atomic
def kegiatan_verifikasi(*, kegiatan: Kegiatan, user, catatan: str = "") -> Kegiatan:
    """A supervisor above the owner verifies a submitted entry; it is final afterwards."""
    kegiatan = Kegiatan.objects.select_for_update().get(pk=kegiatan.pk)
    pemeriksa = _pastikan_pemeriksa(kegiatan, user)
    if kegiatan.status == StatusKegiatan.DIVERIFIKASI:
        return kegiatan
    ev = _pindah(
        kegiatan, ke=StatusKegiatan.DIVERIFIKASI, user=user, catatan=(catatan or "").strip()
    )
    if ev:
        kegiatan.diverifikasi_oleh = pemeriksa
        kegiatan.diverifikasi_pada = timezone.now()
        kegiatan.catatan_pemeriksa = (catatan or "").strip()
        kegiatan.save(
            update_fields=[
                "status",
                "diverifikasi_oleh",
                "diverifikasi_pada",
                "catatan_pemeriksa",
                "diubah",
            ]
        )
        notifikasi.kabari_pemilik(kegiatan=kegiatan, peristiwa=ev)
    return kegiatan


@transaction.atomic
def kegiatan_kembalikan(*, kegiatan: Kegiatan, user, catatan: str) -> Kegiatan:
    """A supervisor returns a submitted entry with a note saying what to fix."""
    catatan = (catatan or "").strip()
    if not catatan:
        raise ValidationError({"catatan": _("Tuliskan catatan: apa yang perlu diperbaiki?")})
    kegiatan = Kegiatan.objects.select_for_update().get(pk=kegiatan.pk)
    _pastikan_pemeriksa(kegiatan, user)
    ev = _pindah(kegiatan, ke=StatusKegiatan.DIKEMBALIKAN, user=user, catatan=catatan)
    if ev:
        kegiatan.catatan_pemeriksa = catatan
        kegiatan.save(update_fields=["status", "catatan_pemeriksa", "diubah"])
        notifikasi.kabari_pemilik(kegiatan=kegiatan, peristiwa=ev)
    return kegiatan


@transaction.atomic
def kegiatan_verifikasi_banyak(*, kegiatan_list: Iterable[Kegiatan], user) -> list[Kegiatan]:
    """Verify several submitted entries at once; all or nothing."""
    hasil = []
    for k in kegiatan_list:
        hasil.append(kegiatan_verifikasi(kegiatan=k, user=user))
    return hasil


# ----------------------------------------------------------------------------- evidence
def _pastikan_dapat_lampirkan(kegiatan: Kegiatan, user) -> None:
    _pastikan_pemilik(kegiatan, user)
    alasan = alasan_terkunci(kegiatan)
    if alasan:
        raise ValidationError(alasan)


@transaction.atomic
def kegiatan_lampirkan(
    *, kegiatan: Kegiatan, user, foto: Iterable = (), dokumen: Iterable = ()
) -> HasilSimpan:
    """Attach files to the owner's editable entry, each on its own; refusals are listed."""
    _pastikan_dapat_lampirkan(kegiatan, user)
    hasil = HasilSimpan(kegiatan=kegiatan)
    _lampirkan(hasil, foto, dokumen)
    return hasil


@transaction.atomic
def foto_tambah(*, kegiatan: Kegiatan, berkas, user=None, _cek: bool = True) -> FotoKegiatan:
    """Check (decode, size) and attach a photo; the same photo twice on one entry is refused."""
    if _cek:
        _pastikan_dapat_lampirkan(kegiatan, user)
    f = bukti.periksa_foto(berkas)
    if FotoKegiatan.objects.filter(kegiatan=kegiatan, sha256=f.sha256).exists():
        raise ValidationError(_("Foto yang sama sudah terlampir pada kegiatan ini."))
    nama = getattr(berkas, "name", "") or ""
    foto = FotoKegiatan(
        kegiatan=kegiatan,
        sha256=f.sha256,
        ukuran=len(f.isi),
        format=f.format,
        lebar=f.lebar,
        tinggi=f.tinggi,
        nama_asli=nama[:255],
        exif_waktu=f.exif_waktu,
        exif_lintang=f.exif_lintang,
        exif_bujur=f.exif_bujur,
    )
    foto.berkas.save(f"foto.{f.ekstensi}", ContentFile(f.isi), save=False)
    foto.thumbnail.save("thumbnail.jpg", ContentFile(f.thumbnail), save=False)
    foto.save()
    return foto


@transaction.atomic
def foto_hapus(*, foto: FotoKegiatan, user) -> None:
    """Remove a photo from an editable entry (the file is deleted after commit)."""
    _pastikan_dapat_lampirkan(foto.kegiatan, user)
    berkas, thumb = foto.berkas.name, foto.thumbnail.name
    storage = foto.berkas.storage
    foto.delete()
    transaction.on_commit(lambda: [storage.delete(n) for n in (berkas, thumb) if n])


@transaction.atomic
def dokumen_tambah(*, kegiatan: Kegiatan, berkas, user=None, _cek: bool = True) -> DokumenKegiatan:
    """Check (by content: PDF/DOCX/XLSX/ODT, size) and attach a document."""
    if _cek:
        _pastikan_dapat_lampirkan(kegiatan, user)
    d = bukti.periksa_dokumen(berkas)
    dok = DokumenKegiatan(
        kegiatan=kegiatan,
        jenis=d.jenis,
        sha256=d.sha256,
        ukuran=len(d.isi),
        nama_asli=(getattr(berkas, "name", "") or f"dokumen.{d.jenis}")[:255],
    )
    dok.berkas.save(f"dokumen.{d.jenis}", ContentFile(d.isi), save=False)
    dok.save()
    return dok


@transaction.atomic
def dokumen_hapus(*, dokumen: DokumenKegiatan, user) -> None:
    _pastikan_dapat_lampirkan(dokumen.kegiatan, user)
    nama, storage = dokumen.berkas.name, dokumen.berkas.storage
    dokumen.delete()
    transaction.on_commit(lambda: storage.delete(nama) if nama else None)
