"""The platform layer (issue 13): the timeline's event model on ``inti.alur.PeristiwaStatusDasar``
(``dari_status``/``ke_status`` renamed to ``dari``/``ke``, every row kept), the status moves' proxy,
the one-time keys, and the attachments on ``BerkasPrivatField`` (the files move in 0006)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import pendampingan.inti.berkas
import pengaduan.models.anak

STATUS = [
    ("diterima", "Diterima"),
    ("diverifikasi", "Diverifikasi"),
    ("ditolak", "Ditolak"),
    ("bukan_wewenang", "Bukan wewenang"),
    ("ditangani", "Ditangani"),
    ("selesai", "Selesai"),
    ("dirujuk", "Dirujuk"),
    ("ditutup", "Ditutup"),
]


def _kunci(unik=True):
    kw = {"unique": True} if unik else {"db_index": True}
    return models.UUIDField(
        blank=True, editable=False, null=True, verbose_name="kunci pengiriman", **kw
    )


class Migration(migrations.Migration):
    dependencies = [
        ("pengaduan", "0004_tanggapan_pelapor"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # the event model on the shared base: same rows, same values
        migrations.RenameField("peristiwapengaduan", "dari_status", "dari"),
        migrations.RenameField("peristiwapengaduan", "ke_status", "ke"),
        migrations.AlterField(
            model_name="peristiwapengaduan",
            name="dari",
            field=models.CharField(blank=True, choices=STATUS, max_length=20, verbose_name="dari"),
        ),
        migrations.AlterField(
            model_name="peristiwapengaduan",
            name="ke",
            field=models.CharField(blank=True, choices=STATUS, max_length=20, verbose_name="ke"),
        ),
        migrations.AlterField(
            model_name="peristiwapengaduan",
            name="oleh",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="oleh",
            ),
        ),
        migrations.CreateModel(
            name="PeristiwaStatusPengaduan",
            fields=[],
            options={
                "verbose_name": "perubahan status pengaduan",
                "verbose_name_plural": "perubahan status pengaduan",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("pengaduan.peristiwapengaduan",),
        ),
        # one-time submission keys
        migrations.AddField("pengaduan", "kunci_sekali", _kunci()),
        migrations.AddField("historicalpengaduan", "kunci_sekali", _kunci(unik=False)),
        migrations.AddField("musyawarah", "kunci_sekali", _kunci()),
        migrations.AddField("historicalmusyawarah", "kunci_sekali", _kunci(unik=False)),
        migrations.AddField("peristiwapengaduan", "kunci_sekali", _kunci()),
        # attachments on the private storage
        migrations.AddField(
            model_name="lampiran",
            name="sha256",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AlterField(
            model_name="lampiran",
            name="berkas",
            field=pendampingan.inti.berkas.BerkasPrivatField(
                max_length=255,
                upload_to=pengaduan.models.anak._path_lampiran,
                verbose_name="berkas",
            ),
        ),
    ]
