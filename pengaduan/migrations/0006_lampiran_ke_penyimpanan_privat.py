"""Attachments move from ``MEDIA_ROOT`` (which DEBUG serves) to the private storage
(``BERKAS_PRIVAT_ROOT`` or ``STORAGES["privat"]``), under the same names, so every ``Lampiran``
row keeps pointing at its file. A file already missing is left as it is (its row stays; the scoped
view answers 404 for it). The copies in ``MEDIA_ROOT`` are removed only once the migration has
committed; reversing copies them back."""

import logging

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import migrations, transaction

log = logging.getLogger(__name__)


def _media():
    return FileSystemStorage(location=str(settings.MEDIA_ROOT))


def _privat():
    from pendampingan.penyimpanan import penyimpanan_privat

    return penyimpanan_privat()


def _salin(dari, ke, nama) -> bool:
    if not dari.exists(nama):
        return False
    if not ke.exists(nama):
        with dari.open(nama, "rb") as fh:
            tersimpan = ke.save(nama, fh)
        if tersimpan != nama:  # the storage must keep the name the row holds
            ke.delete(tersimpan)
            raise RuntimeError(f"berkas {nama} tersimpan sebagai {tersimpan}")
    return True


def _pindahkan(apps, dari, ke) -> dict:
    Lampiran = apps.get_model("pengaduan", "Lampiran")
    hasil = {"dipindah": 0, "hilang": 0}
    pindah = []
    for nama in Lampiran.objects.exclude(berkas="").values_list("berkas", flat=True).iterator():
        if _salin(dari, ke, nama):
            pindah.append(nama)
            hasil["dipindah"] += 1
        else:
            log.warning("lampiran %s tidak ditemukan; dilewati", nama)
            hasil["hilang"] += 1

    def hapus_asal():
        for nama in pindah:
            dari.delete(nama)

    transaction.on_commit(hapus_asal)
    return hasil


def ke_privat(apps, schema_editor):
    return _pindahkan(apps, _media(), _privat())


def ke_media(apps, schema_editor):
    return _pindahkan(apps, _privat(), _media())


class Migration(migrations.Migration):
    dependencies = [("pengaduan", "0005_inti_alur_sekali_berkas")]

    operations = [migrations.RunPython(ke_privat, ke_media)]
