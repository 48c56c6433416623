"""Point the eight stages and empowerment fields of asistensi at their butir of Kepmendes PDTT
40/2021 (BT1–BT4, BP1–BP4); the entry form pre-ticks the butir of the chosen stage or field."""

from django.db import migrations

REGULASI = "kepmendes-pdtt-40-2021"
KODE = {
    "pendataan": "BT1",
    "perencanaan": "BT2",
    "pelaksanaan": "BT3",
    "pertanggungjawaban": "BT4",
    "kapasitas": "BP1",
    "hak-kewajiban": "BP2",
    "kelembagaan": "BP3",
    "budaya": "BP4",
}


def tautkan(apps, schema_editor):
    BidangPendampingan = apps.get_model("pendampingan", "BidangPendampingan")
    Butir = apps.get_model("pendampingan", "Butir")
    butir = {
        b.kode: b for b in Butir.objects.filter(regulasi__kode=REGULASI, kode__in=KODE.values())
    }
    for bidang in BidangPendampingan.objects.filter(kode__in=KODE):
        bidang.butir = butir[KODE[bidang.kode]]
        bidang.save(update_fields=["butir"])


class Migration(migrations.Migration):
    dependencies = [("pendampingan", "0018_bidang_butir")]

    operations = [migrations.RunPython(tautkan, migrations.RunPython.noop)]
