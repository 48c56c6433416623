"""The entry's evidence: photos and documents, checked by ``inti.berkas`` and kept on the private
storage."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ...inti.berkas import periksa_dokumen, periksa_foto, simpan_berkas
from ...inti.sekali import SudahTersimpan, buat_sekali, kunci_dari, sudah_ada
from ...models import DokumenKegiatan, FotoKegiatan, Kegiatan
from ._umum import HasilSimpan, alasan_terkunci
from .alur import pastikan_pemilik


def _sentuh(kegiatan: Kegiatan) -> None:
    """An entry's evidence is part of the entry: adding or removing a file moves its ``diubah``
    (its ETag, and what ``updated_since`` finds), so a synced device sees the change."""
    kegiatan.diubah = timezone.now()
    Kegiatan.objects.filter(pk=kegiatan.pk).update(diubah=kegiatan.diubah)


def _pastikan_dapat_lampirkan(kegiatan: Kegiatan, user) -> None:
    pastikan_pemilik(kegiatan, user)
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
    lampirkan(hasil, foto, dokumen)
    return hasil


def _sekali(model, kunci_sekali, obj, simpan):
    """Save ``obj`` once per one-time key (``simpan`` writes its files and the row); a repeat
    raises ``SudahTersimpan`` with the first record."""
    obj.kunci_sekali = kunci_dari(kunci_sekali)

    def buat():
        simpan()
        return obj

    obj, dibuat = buat_sekali(model, obj.kunci_sekali, buat)
    if not dibuat:
        raise SudahTersimpan(obj)
    return obj


def _pastikan_belum(model, kunci_sekali) -> None:
    ada = sudah_ada(model, kunci_dari(kunci_sekali))
    if ada is not None:
        raise SudahTersimpan(ada)


@transaction.atomic
def foto_tambah(
    *, kegiatan: Kegiatan, berkas, user=None, _cek: bool = True, kunci_sekali=None
) -> FotoKegiatan:
    """Check (decode, size) and attach a photo; the same photo twice on one entry is refused.
    With ``kunci_sekali`` (the API's Idempotency-Key) a repeat raises ``SudahTersimpan``."""
    if _cek:
        _pastikan_dapat_lampirkan(kegiatan, user)
    _pastikan_belum(FotoKegiatan, kunci_sekali)
    f = periksa_foto(berkas)
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

    def simpan():
        simpan_berkas(foto.berkas, f"foto.{f.ekstensi}", f.isi)
        simpan_berkas(foto.thumbnail, "thumbnail.jpg", f.thumbnail)
        foto.save()
        _sentuh(kegiatan)

    return _sekali(FotoKegiatan, kunci_sekali, foto, simpan)


@transaction.atomic
def foto_hapus(*, foto: FotoKegiatan, user) -> None:
    """Remove a photo from an editable entry (the file is deleted after commit)."""
    _pastikan_dapat_lampirkan(foto.kegiatan, user)
    berkas, thumb = foto.berkas.name, foto.thumbnail.name
    storage = foto.berkas.storage
    foto.delete()
    _sentuh(foto.kegiatan)
    transaction.on_commit(lambda: [storage.delete(n) for n in (berkas, thumb) if n])


@transaction.atomic
def dokumen_tambah(
    *, kegiatan: Kegiatan, berkas, user=None, _cek: bool = True, kunci_sekali=None
) -> DokumenKegiatan:
    """Check (by content: PDF/DOCX/XLSX/ODT, size) and attach a document (once per
    ``kunci_sekali``, as ``foto_tambah``)."""
    if _cek:
        _pastikan_dapat_lampirkan(kegiatan, user)
    _pastikan_belum(DokumenKegiatan, kunci_sekali)
    d = periksa_dokumen(berkas)
    dok = DokumenKegiatan(
        kegiatan=kegiatan,
        jenis=d.jenis,
        sha256=d.sha256,
        ukuran=len(d.isi),
        nama_asli=(getattr(berkas, "name", "") or f"dokumen.{d.jenis}")[:255],
    )

    def simpan():
        simpan_berkas(dok.berkas, f"dokumen.{d.jenis}", d.isi)
        dok.save()
        _sentuh(kegiatan)

    return _sekali(DokumenKegiatan, kunci_sekali, dok, simpan)


@transaction.atomic
def dokumen_hapus(*, dokumen: DokumenKegiatan, user) -> None:
    _pastikan_dapat_lampirkan(dokumen.kegiatan, user)
    nama, storage = dokumen.berkas.name, dokumen.berkas.storage
    dokumen.delete()
    _sentuh(dokumen.kegiatan)
    transaction.on_commit(lambda: storage.delete(nama) if nama else None)


def lampirkan(hasil: HasilSimpan, foto: Iterable, dokumen: Iterable) -> None:
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
