"""Issue 17: a template says whether its cases are for desa only (all seeded ones are: a
kelurahan has no RPJM/RKP/APB Desa, Perdes or BUM Desa); admin may open one to kelurahan."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('fasilitasi', '0006_butir_bunyi_regulasi'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicaltemplatalur',
            name='hanya_desa',
            field=models.BooleanField(default=True, help_text='Kasus templat ini hanya dibuka di desa dan desa adat, tidak di kelurahan (RPJM/RKP/APB Desa, Perdes, BUM Desa, status desa).', verbose_name='hanya untuk desa'),
        ),
        migrations.AddField(
            model_name='templatalur',
            name='hanya_desa',
            field=models.BooleanField(default=True, help_text='Kasus templat ini hanya dibuka di desa dan desa adat, tidak di kelurahan (RPJM/RKP/APB Desa, Perdes, BUM Desa, status desa).', verbose_name='hanya untuk desa'),
        ),
    ]
