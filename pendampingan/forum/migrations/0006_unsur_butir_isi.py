"""Point the community elements at C3 of Kepmendes PDTT 40/2021 (the step that names them)."""

from django.db import migrations


def tautkan(apps, schema_editor):
    UnsurMasyarakat = apps.get_model("forum", "UnsurMasyarakat")
    Butir = apps.get_model("pendampingan", "Butir")
    c3 = Butir.objects.get(regulasi__kode="kepmendes-pdtt-40-2021", kode="C3")
    UnsurMasyarakat.objects.filter(butir__isnull=True).update(butir=c3)


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0005_unsur_butir"),
        ("pendampingan", "0012_butir_kepmendes_40_2021"),
    ]

    operations = [migrations.RunPython(tautkan, migrations.RunPython.noop)]
