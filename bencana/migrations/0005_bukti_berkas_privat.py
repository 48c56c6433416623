"""Evidence files on the platform's ``BerkasPrivatField``; any file of a ``Bukti`` still under
``MEDIA_ROOT`` (an older deployment stored them there) is copied into the private storage under the
same name and removed from MEDIA_ROOT. Files already in the private storage are left alone; a file
missing from both is logged and skipped (the row keeps its name and hash)."""

import logging
from pathlib import Path

from django.conf import settings
from django.db import migrations

import bencana.models.tanggap
import pendampingan.inti.berkas

log = logging.getLogger(__name__)


def pindahkan_ke_privat(apps, schema_editor):
    from pendampingan.penyimpanan import penyimpanan_privat

    privat = penyimpanan_privat()
    media = Path(settings.MEDIA_ROOT)
    Bukti = apps.get_model("bencana", "Bukti")
    for nama in Bukti.objects.exclude(berkas="").values_list("berkas", flat=True).iterator():
        if privat.exists(nama):
            continue
        asal = media / nama
        if not asal.is_file():
            log.warning("bukti %s tidak ditemukan di MEDIA_ROOT maupun penyimpanan privat", nama)
            continue
        with asal.open("rb") as fh:
            tersimpan = privat.save(nama, fh)
        if tersimpan != nama:  # the storage never renames onto an existing name here
            raise RuntimeError(f"{nama} tersimpan sebagai {tersimpan}")
        asal.unlink()


class Migration(migrations.Migration):
    dependencies = [("bencana", "0004_kunci_sekali")]

    operations = [
        migrations.AlterField(
            model_name="bukti",
            name="berkas",
            field=pendampingan.inti.berkas.BerkasPrivatField(
                max_length=255,
                upload_to=bencana.models.tanggap._nama_berkas,
                verbose_name="berkas",
            ),
        ),
        migrations.RunPython(pindahkan_ke_privat, migrations.RunPython.noop),
    ]
