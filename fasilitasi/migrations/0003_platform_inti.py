"""The platform layer (issue 13): the case event on ``PeristiwaStatusDasar`` (``dari_status`` and
``ke_status`` renamed to ``dari`` and ``ke``, every row kept; ``oleh`` as the base declares it),
case documents on the private storage, and a one-time key on every record a form creates."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import fasilitasi.models.kasus
import pendampingan.inti.berkas


def _kunci(unik=True):
    if unik:
        return models.UUIDField(
            blank=True, editable=False, null=True, unique=True, verbose_name="kunci pengiriman"
        )
    return models.UUIDField(
        blank=True, db_index=True, editable=False, null=True, verbose_name="kunci pengiriman"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("fasilitasi", "0002_data_referensi"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(
            model_name="peristiwafasilitasi", old_name="dari_status", new_name="dari"
        ),
        migrations.RenameField(model_name="peristiwafasilitasi", old_name="ke_status", new_name="ke"),
        migrations.AlterField(
            model_name="peristiwafasilitasi",
            name="dari",
            field=models.CharField(blank=True, max_length=20, verbose_name="dari"),
        ),
        migrations.AlterField(
            model_name="peristiwafasilitasi",
            name="ke",
            field=models.CharField(max_length=20, verbose_name="ke"),
        ),
        migrations.AlterField(
            model_name="peristiwafasilitasi",
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
        migrations.AlterField(
            model_name="dokumenfasilitasi",
            name="berkas",
            field=pendampingan.inti.berkas.BerkasPrivatField(
                max_length=255,
                upload_to=fasilitasi.models.kasus._lokasi_dokumen,
                verbose_name="berkas",
            ),
        ),
        *(
            migrations.AddField(model_name=m, name="kunci_sekali", field=_kunci())
            for m in (
                "fasilitasi",
                "dokumenfasilitasi",
                "bumdesa",
                "unitusaha",
                "pengurusbumdesa",
                "laporantahunanbumdesa",
                "imporstatusdesa",
            )
        ),
        *(
            migrations.AddField(model_name=m, name="kunci_sekali", field=_kunci(unik=False))
            for m in (
                "historicalfasilitasi",
                "historicalbumdesa",
                "historicalunitusaha",
                "historicalpengurusbumdesa",
                "historicallaporantahunanbumdesa",
            )
        ),
    ]
