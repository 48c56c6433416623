"""``PerubahanStatus`` onto the platform's event base (``PeristiwaStatusDasar``): the actor ``oleh``
becomes the user account (it was the facilitator). Every row keeps its actor: the old column is
renamed, the new one filled from ``pendamping.user_id``, then the old one removed."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def ke_pengguna(apps, schema_editor):
    PerubahanStatus = apps.get_model("bencana", "PerubahanStatus")
    for p in PerubahanStatus.objects.select_related("oleh_pendamping").iterator():
        p.oleh_id = p.oleh_pendamping.user_id
        p.save(update_fields=["oleh"])


def ke_pendamping(apps, schema_editor):
    PerubahanStatus = apps.get_model("bencana", "PerubahanStatus")
    Pendamping = apps.get_model("pendampingan", "Pendamping")
    per_user = dict(Pendamping.objects.values_list("user_id", "pk"))
    for p in PerubahanStatus.objects.iterator():
        p.oleh_pendamping_id = per_user[p.oleh_id]
        p.save(update_fields=["oleh_pendamping"])


class Migration(migrations.Migration):
    dependencies = [
        ("bencana", "0002_jenis_kejadian_dan_pengaman"),
        ("pendampingan", "0004_unduhan_inti"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField("perubahanstatus", "oleh", "oleh_pendamping"),
        migrations.AlterField(
            model_name="perubahanstatus",
            name="oleh_pendamping",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="pendampingan.pendamping",
            ),
        ),
        migrations.AddField(
            model_name="perubahanstatus",
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
        migrations.RunPython(ke_pengguna, ke_pendamping),
        migrations.RemoveField("perubahanstatus", "oleh_pendamping"),
        migrations.AlterField(
            model_name="perubahanstatus",
            name="dari",
            field=models.CharField(
                blank=True,
                choices=[
                    ("dilaporkan", "Dilaporkan"),
                    ("tanggap_darurat", "Tanggap darurat"),
                    ("pemulihan", "Pemulihan"),
                    ("selesai", "Selesai"),
                ],
                max_length=20,
                verbose_name="dari",
            ),
        ),
    ]
