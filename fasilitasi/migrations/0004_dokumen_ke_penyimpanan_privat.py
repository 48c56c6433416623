"""Move the case documents uploaded before issue 13 from ``MEDIA_ROOT`` (which DEBUG serves
publicly) to the private storage, under the same name. A file missing on disk is skipped (its row
keeps its name; the download answers 404 as it did); a file already on the private storage is not
copied twice. The public copy is removed once the private one is written."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import migrations


def _pindahkan(apps, asal, tujuan) -> int:
    Dokumen = apps.get_model("fasilitasi", "DokumenFasilitasi")
    n = 0
    for pk, nama in Dokumen.objects.exclude(berkas="").values_list("pk", "berkas").iterator():
        if not asal.exists(nama):
            continue
        if not tujuan.exists(nama):
            with asal.open(nama, "rb") as fh:
                tersimpan = tujuan.save(nama, fh)
            if tersimpan != nama:  # the storage changed the name: keep the row pointing at it
                Dokumen.objects.filter(pk=pk).update(berkas=tersimpan)
        asal.delete(nama)
        n += 1
    return n


def _media():
    return FileSystemStorage(location=settings.MEDIA_ROOT)


def ke_privat(apps, schema_editor):
    from pendampingan.penyimpanan import penyimpanan_privat

    _pindahkan(apps, _media(), penyimpanan_privat())


def ke_media(apps, schema_editor):
    from pendampingan.penyimpanan import penyimpanan_privat

    _pindahkan(apps, penyimpanan_privat(), _media())


class Migration(migrations.Migration):
    dependencies = [("fasilitasi", "0003_platform_inti")]

    operations = [migrations.RunPython(ke_privat, ke_media)]
