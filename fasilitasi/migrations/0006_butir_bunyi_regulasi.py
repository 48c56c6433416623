"""Point each fasilitasi item (E1a–E4l) at its butir of Kepmendes PDTT 40/2021 and replace the
paraphrase in ``uraian`` with the regulation's wording (e.g. E1d "Tata kelola keuangan desa" →
"penatausahaan keuangan Desa, …"; E4 c, d, i regain "BUM Desa Bersama")."""

from django.db import migrations

REGULASI = "kepmendes-pdtt-40-2021"


def tautkan(apps, schema_editor):
    ButirFasilitasi = apps.get_model("fasilitasi", "ButirFasilitasi")
    Butir = apps.get_model("pendampingan", "Butir")
    butir = {b.kode: b for b in Butir.objects.filter(regulasi__kode=REGULASI)}
    for bf in ButirFasilitasi.objects.select_related("ruang_lingkup"):
        b = butir.get(f"E{bf.ruang_lingkup.nomor}{bf.huruf}")
        if b is None:
            continue  # an item added in admin that the regulation does not have
        bf.butir_regulasi = b
        bf.uraian = b.bunyi
        bf.save(update_fields=["butir_regulasi", "uraian"])


class Migration(migrations.Migration):
    dependencies = [
        ("fasilitasi", "0005_butir_regulasi"),
        ("pendampingan", "0012_butir_kepmendes_40_2021"),
    ]

    operations = [migrations.RunPython(tautkan, migrations.RunPython.noop)]
