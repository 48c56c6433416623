"""Saving an entry: the main fields, the prinsip checklist, the asistensi and pengarahan details,
other apps' extensions and the attachments, in one transaction. A new entry carries its form's
one-time key: a repeat raises ``SudahTersimpan`` with the first entry."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ...inti.akses import pastikan
from ...inti.alur import kunci_baris
from ...inti.sekali import SudahTersimpan, buat_sekali, kunci_dari, sudah_ada
from ...models import (
    AsistensiKegiatan,
    Butir,
    Kegiatan,
    KegiatanButir,
    KegiatanPeristiwa,
    NilaiPrinsip,
    PengarahanKegiatan,
    PenilaianPrinsip,
    Prinsip,
    StatusKegiatan,
    StatusTindakLanjut,
    SumberTanda,
    TataCara,
    pesan_bukan_desa,
)
from ...models.pilihan import JenisSasaran
from ...services import tindak_lanjut_buat
from ..akses import pendamping_pengguna, wilayah_catat_kegiatan
from ..butir import butir_ditawarkan, butir_saran
from ._umum import HasilSimpan, alasan_kunci_registry, alasan_terkunci
from .alur import kegiatan_ajukan, pastikan_pemilik
from .bukti import lampirkan
from .butir import sinkron_butir

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
    if prioritas is not None and kegiatan.wilayah.adalah_kelurahan:
        # a kelurahan receives no Dana Desa (dana kelurahan comes from the APBD)
        errors["prioritas"] = pesan_bukan_desa(kegiatan.wilayah, _("prioritas Dana Desa"))
    elif prioritas is not None and prioritas.tahun != kegiatan.tanggal.year:
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
            tl.save(update_fields=["judul", "penanggung_jawab", "jatuh_tempo", "wilayah", "diubah"])
    elif not komitmen and tl is not None and tl.status == StatusTindakLanjut.TERBUKA:
        tl.status = StatusTindakLanjut.BATAL
        tl.catatan_selesai = _("Komitmen dihapus dari kegiatan.")
        tl.selesai_pada = timezone.now()
        tl.save(update_fields=["status", "catatan_selesai", "selesai_pada", "diubah"])


def _simpan_butir(kegiatan: Kegiatan, butir: Iterable[Butir] | None) -> None:
    """The butir the owner chose; ``None`` (not chosen) takes the suggestion when the entry has
    no chosen butir yet and keeps the chosen ones otherwise. The automatic tags follow the links
    the extensions just saved."""
    if butir is None:
        ada_pilihan = KegiatanButir.objects.filter(
            kegiatan=kegiatan, sumber=SumberTanda.DIPILIH
        ).exists()
        if not ada_pilihan:
            asistensi = AsistensiKegiatan.objects.filter(kegiatan=kegiatan).first()
            butir = butir_saran(
                tata_cara=kegiatan.tata_cara, bidang=asistensi.bidang if asistensi else None
            )
    else:
        butir = list(butir)
        sah = set(
            butir_ditawarkan().filter(pk__in=[b.pk for b in butir]).values_list("pk", flat=True)
        )
        asing = [b for b in butir if b.pk not in sah]
        if asing:
            raise ValidationError(
                {
                    "butir": _("Butir ini tidak dapat dipilih: %(k)s.")
                    % {"k": ", ".join(b.kode for b in asing)}
                }
            )
    sinkron_butir(kegiatan, butir)


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
    butir: Iterable[Butir] | None = None,
    foto: Iterable = (),
    dokumen: Iterable = (),
    ajukan: bool = False,
    kunci_sekali=None,
) -> HasilSimpan:
    """Save a new draft entry of the user, its checklist, details and extensions; then attach the
    files one by one (a refused file is listed in ``HasilSimpan.ditolak``; the entry stays).
    ``butir``: the butir the activity served (``None``: the suggestion, ``kegiatan.butir``).
    With ``ajukan`` the entry is then submitted; what still blocks submission is listed in
    ``HasilSimpan.belum_diajukan`` and the draft is kept."""
    pendamping = pendamping_pengguna(user)
    pastikan(pendamping is not None, _("Akun Anda tidak terdaftar sebagai pendamping."))
    ada = sudah_ada(Kegiatan, kunci_dari(kunci_sekali))
    if ada is not None:
        raise SudahTersimpan(ada)
    _validasi_utama(user=user, data=data)
    kegiatan = Kegiatan(
        pendamping=pendamping,
        kunci_sekali=kunci_dari(kunci_sekali),
        **{f: data.get(f) for f in FIELD_UTAMA},
    )
    for f in ("uraian", "masalah", "solusi", "hasil"):
        setattr(kegiatan, f, (getattr(kegiatan, f) or "").strip())
    kegiatan.peserta_laki = kegiatan.peserta_laki or 0
    kegiatan.peserta_perempuan = kegiatan.peserta_perempuan or 0
    alasan = alasan_kunci_registry(kegiatan)
    if alasan:
        raise ValidationError({"tanggal": alasan})
    kegiatan, dibuat = buat_sekali(Kegiatan, kegiatan.kunci_sekali, lambda: _simpan_baru(kegiatan))
    if not dibuat:
        raise SudahTersimpan(kegiatan)
    kegiatan.sdgs.set(list(sdgs))
    _simpan_prinsip(kegiatan, prinsip or {})
    _simpan_asistensi(kegiatan, asistensi)
    _simpan_pengarahan(kegiatan, pengarahan)
    _ekstensi(kegiatan, user, ekstensi)
    _simpan_butir(kegiatan, butir)
    KegiatanPeristiwa.objects.create(
        kegiatan=kegiatan, oleh=user, dari="", ke=StatusKegiatan.DRAF, catatan=_("Dibuat")
    )
    hasil = HasilSimpan(kegiatan=kegiatan)
    lampirkan(hasil, foto, dokumen)
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
    butir: Iterable[Butir] | None = None,
    foto: Iterable = (),
    dokumen: Iterable = (),
    ajukan: bool = False,
) -> HasilSimpan:
    """Edit the owner's draft or returned entry (refused when verified, submitted or locked).
    ``butir=None`` keeps the chosen butir (or takes the suggestion when there are none)."""
    kegiatan = kunci_baris(kegiatan)
    pastikan_pemilik(kegiatan, user)
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
    _simpan_butir(kegiatan, butir)
    hasil = HasilSimpan(kegiatan=kegiatan)
    lampirkan(hasil, foto, dokumen)
    if ajukan:
        _coba_ajukan(hasil, user)
    return hasil


def _simpan_baru(kegiatan: Kegiatan) -> Kegiatan:
    kegiatan.save()
    return kegiatan


def _coba_ajukan(hasil: HasilSimpan, user) -> None:
    try:
        hasil.kegiatan = kegiatan_ajukan(kegiatan=hasil.kegiatan, user=user)
    except ValidationError as e:
        hasil.belum_diajukan = e.messages
