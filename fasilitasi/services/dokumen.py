"""Documents of a case: attached to its current stage, checked by the platform's one upload check
(``periksa_berkas``: bytes decide the type — PDF, DOCX, XLSX, ODT or a photo), stored on the
private storage (removed again if the transaction does not commit)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from pendampingan.inti.akses import pastikan
from pendampingan.inti.alur import PindahDitolak, kunci_baris
from pendampingan.inti.berkas import FOTO_ATAU_DOKUMEN, periksa_berkas, simpan_berkas
from pendampingan.inti.sekali import SudahTersimpan, buat_sekali, kunci_dari, sudah_ada

from .. import akses
from ..models import DokumenFasilitasi, Fasilitasi, StatusFasilitasi, TahapFasilitasi

# what a case document may be (the form field checks the same)
JENIS_DOKUMEN = FOTO_ATAU_DOKUMEN


def dokumen_kurang(kasus: Fasilitasi, tahap: TahapFasilitasi) -> list[str]:
    """The required documents of ``tahap`` not yet attached."""
    ada = set(DokumenFasilitasi.objects.filter(tahap=tahap).values_list("nama", flat=True))
    return [n for n in tahap.dokumen_wajib if n not in ada]


@transaction.atomic
def dokumen_lampirkan(
    *,
    kasus: Fasilitasi,
    user,
    nama: str,
    berkas,
    dari_tahap: int | None = None,
    kunci_sekali=None,
) -> DokumenFasilitasi:
    """Attach a document to the case's current stage. ``dari_tahap``: the id of the stage the
    user saw (when the case moved since, nothing is attached and the user is told). A repeat of
    ``kunci_sekali`` raises ``SudahTersimpan`` with the first document."""
    pastikan(
        akses.boleh_unggah_dokumen(user, kasus),
        _("Anda tidak berwenang melampirkan dokumen pada kasus fasilitasi ini."),
    )
    kasus = kunci_baris(kasus)
    # after the lock: a repeat that waited for the first submission finds its document
    ada = sudah_ada(DokumenFasilitasi, kunci_dari(kunci_sekali))
    if ada is not None:
        raise SudahTersimpan(ada)
    if kasus.status != StatusFasilitasi.BERJALAN:
        raise PindahDitolak(
            _("Kasus ini %(s)s; dokumen hanya dilampirkan pada kasus yang berjalan.")
            % {"s": kasus.get_status_display().lower()},
            code="tidak_sah",
        )
    if dari_tahap is not None and kasus.tahap_kini_id != dari_tahap:
        raise PindahDitolak(
            _(
                "Kasus ini sudah pindah ke tahap «%(t)s» sejak halaman dibuka; dokumen tidak "
                "dilampirkan. Periksa lagi jenis dokumennya."
            )
            % {"t": kasus.tahap_kini.nama},
            code="sudah_berubah",
        )
    nama = (nama or "").strip()
    if not nama:
        raise ValidationError({"nama": _("Pilih atau tuliskan jenis dokumennya.")})
    try:
        hasil = periksa_berkas(berkas, JENIS_DOKUMEN)
    except ValidationError as e:
        raise ValidationError({"berkas": e.messages}) from None
    if DokumenFasilitasi.objects.filter(kasus=kasus, sha256=hasil.sha256).exists():
        raise ValidationError({"berkas": _("Berkas yang sama sudah dilampirkan pada kasus ini.")})

    def buat() -> DokumenFasilitasi:
        dok = DokumenFasilitasi(
            kasus=kasus,
            tahap=kasus.tahap_kini,
            nama=nama,
            nama_asli=(getattr(berkas, "name", "") or "berkas")[-255:],
            jenis_mime=hasil.mime,
            ekstensi=f".{hasil.ekstensi}",
            ukuran=len(hasil.isi),
            sha256=hasil.sha256,
            diunggah_oleh=user,
            kunci_sekali=kunci_dari(kunci_sekali),
        )
        simpan_berkas(dok.berkas, f"{hasil.sha256[:16]}.{hasil.ekstensi}", hasil.isi)
        dok.save()
        return dok

    dok, dibuat = buat_sekali(DokumenFasilitasi, kunci_sekali, buat)
    if not dibuat:
        raise SudahTersimpan(dok)
    return dok
