"""Point the five prinsip at A1–A5 of Kepmendes PDTT 40/2021 and give them the regulation's
wording instead of a paraphrase."""

from django.db import migrations

KODE = {
    "kemanusiaan": "A1",
    "keadilan": "A2",
    "kebhinekaan": "A3",
    "keseimbangan-alam": "A4",
    "kepentingan-nasional": "A5",
}


def tautkan(apps, schema_editor):
    Prinsip = apps.get_model("pendampingan", "Prinsip")
    Butir = apps.get_model("pendampingan", "Butir")
    for prinsip in Prinsip.objects.filter(kode__in=KODE):
        butir = Butir.objects.get(regulasi__kode="kepmendes-pdtt-40-2021", kode=KODE[prinsip.kode])
        prinsip.butir = butir
        prinsip.uraian = butir.bunyi
        prinsip.save(update_fields=["butir", "uraian"])


class Migration(migrations.Migration):
    dependencies = [("pendampingan", "0013_prinsip_butir")]

    operations = [migrations.RunPython(tautkan, migrations.RunPython.noop)]
