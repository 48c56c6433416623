"""An index on the daily log in the order the drill-down lists page it (newest first), so the
first page of a national list reads 25 index entries instead of sorting a month of entries.
It lives here because the dashboard's lists are what need it; the core's model is untouched."""

from django.db import migrations

BUAT = (
    "CREATE INDEX IF NOT EXISTS dasbor_kegiatan_urutan "
    "ON pendampingan_kegiatan (tanggal DESC, jam_mulai DESC, id DESC)"
)
HAPUS = "DROP INDEX IF EXISTS dasbor_kegiatan_urutan"


class Migration(migrations.Migration):
    dependencies = [
        ("dasbor", "0002_ringkasanwilayah_and_more"),
        ("pendampingan", "0001_initial"),
    ]

    operations = [migrations.RunSQL(BUAT, HAPUS)]
