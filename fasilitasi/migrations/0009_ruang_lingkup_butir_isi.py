"""Point the four fasilitasi scopes at their headings E1–E4 of Kepmendes PDTT 40/2021 and take
their names from the regulation's wording (e.g. "Pembangunan Desa" → "Fasilitasi Pembangunan
Desa", "Pengembangan Ekonomi Lokal dan BUM Desa" regains "BUM Desa Bersama")."""

from django.db import migrations

REGULASI = "kepmendes-pdtt-40-2021"


def tautkan(apps, schema_editor):
    RuangLingkup = apps.get_model("fasilitasi", "RuangLingkup")
    Butir = apps.get_model("pendampingan", "Butir")
    butir = {b.kode: b for b in Butir.objects.filter(regulasi__kode=REGULASI, jenis="kelompok")}
    for rl in RuangLingkup.objects.all():
        b = butir.get(f"E{rl.nomor}")
        if b is None:
            continue  # a scope added in admin that the regulation does not have
        rl.butir_regulasi = b
        rl.nama = b.bunyi
        rl.save(update_fields=["butir_regulasi", "nama"])


class Migration(migrations.Migration):
    dependencies = [
        ("fasilitasi", "0008_ruang_lingkup_butir"),
        ("pendampingan", "0012_butir_kepmendes_40_2021"),
    ]

    operations = [migrations.RunPython(tautkan, migrations.RunPython.noop)]
