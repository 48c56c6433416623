# The app's own download model is gone: its rows live on in pendampingan.Unduhan (0003).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("bulanan", "0003_unduhan_ke_inti"),
    ]

    operations = [
        migrations.DeleteModel(name="Unduhan"),
    ]
