"""One-time submission keys (``kunci_sekali``, unique) on every record a form creates."""

import importlib

from django.db import migrations, models


def pasang_lagi_pengaman_sqlite(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    awal = importlib.import_module("bencana.migrations.0002_jenis_kejadian_dan_pengaman")
    for tabel in awal.TABEL:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {tabel}_tetap;")
    awal.pasang_pengaman(apps, schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ('bencana', '0003_perubahanstatus_oleh_pengguna'),
    ]

    operations = [
        migrations.AddField(
            model_name='bantuan',
            name='kunci_sekali',
            field=models.UUIDField(blank=True, editable=False, null=True, unique=True, verbose_name='kunci pengiriman'),
        ),
        migrations.AddField(
            model_name='bukti',
            name='kunci_sekali',
            field=models.UUIDField(blank=True, editable=False, null=True, unique=True, verbose_name='kunci pengiriman'),
        ),
        migrations.AddField(
            model_name='desaterdampak',
            name='kunci_sekali',
            field=models.UUIDField(blank=True, editable=False, null=True, unique=True, verbose_name='kunci pengiriman'),
        ),
        migrations.AddField(
            model_name='historicalbantuan',
            name='kunci_sekali',
            field=models.UUIDField(blank=True, db_index=True, editable=False, null=True, verbose_name='kunci pengiriman'),
        ),
        migrations.AddField(
            model_name='historicalkejadian',
            name='kunci_sekali',
            field=models.UUIDField(blank=True, db_index=True, editable=False, null=True, verbose_name='kunci pengiriman'),
        ),
        migrations.AddField(
            model_name='historicalkeputusankegiatandesa',
            name='kunci_sekali',
            field=models.UUIDField(blank=True, db_index=True, editable=False, null=True, verbose_name='kunci pengiriman'),
        ),
        migrations.AddField(
            model_name='historicalkoordinasi',
            name='kunci_sekali',
            field=models.UUIDField(blank=True, db_index=True, editable=False, null=True, verbose_name='kunci pengiriman'),
        ),
        migrations.AddField(
            model_name='historicaltokohterlibat',
            name='kunci_sekali',
            field=models.UUIDField(blank=True, db_index=True, editable=False, null=True, verbose_name='kunci pengiriman'),
        ),
        migrations.AddField(
            model_name='kegiatankejadian',
            name='kunci_sekali',
            field=models.UUIDField(blank=True, editable=False, null=True, unique=True, verbose_name='kunci pengiriman'),
        ),
        migrations.AddField(
            model_name='kejadian',
            name='kunci_sekali',
            field=models.UUIDField(blank=True, editable=False, null=True, unique=True, verbose_name='kunci pengiriman'),
        ),
        migrations.AddField(
            model_name='keputusankegiatandesa',
            name='kunci_sekali',
            field=models.UUIDField(blank=True, editable=False, null=True, unique=True, verbose_name='kunci pengiriman'),
        ),
        migrations.AddField(
            model_name='koordinasi',
            name='kunci_sekali',
            field=models.UUIDField(blank=True, editable=False, null=True, unique=True, verbose_name='kunci pengiriman'),
        ),
        migrations.AddField(
            model_name='kronologi',
            name='kunci_sekali',
            field=models.UUIDField(blank=True, editable=False, null=True, unique=True, verbose_name='kunci pengiriman'),
        ),
        migrations.AddField(
            model_name='laporanversi',
            name='kunci_sekali',
            field=models.UUIDField(blank=True, editable=False, null=True, unique=True, verbose_name='kunci pengiriman'),
        ),
        migrations.AddField(
            model_name='penilaiandampak',
            name='kunci_sekali',
            field=models.UUIDField(blank=True, editable=False, null=True, unique=True, verbose_name='kunci pengiriman'),
        ),
        migrations.AddField(
            model_name='tokohterlibat',
            name='kunci_sekali',
            field=models.UUIDField(blank=True, editable=False, null=True, unique=True, verbose_name='kunci pengiriman'),
        ),
        # SQLite adds a unique column by rebuilding the table, which drops its triggers: put the
        # append-only guard of the chronology and the impact snapshots back.
        migrations.RunPython(pasang_lagi_pengaman_sqlite, migrations.RunPython.noop),
    ]
