"""The Dana Desa earmarks of 2022 and 2023, beside the headings seeded in 0003 (as 2024 carries
its own). The percentages are those of the Dana Desa rules of each year: for 2022 the
regulation of the priorities is Permendesa PDTT 7/2021, the earmarks themselves are set by
Perpres 104/2021 (Pasal 5 ayat 4) and PMK 190/2021; for 2023 Permendesa PDTT 8/2022 with the
earmarks of PMK 201/2022. Each row keeps the priorities' regulation of its year."""

from django.db import migrations

EARMARK = {
    (2022, "Permendesa PDTT 7/2021"): [
        "BLT Desa (paling sedikit 40%)",
        "Ketahanan pangan dan hewani (paling sedikit 20%)",
        "Dukungan pendanaan penanganan COVID-19 (paling sedikit 8%)",
    ],
    (2023, "Permendesa PDTT 8/2022"): [
        "BLT Desa (paling banyak 25%)",
        "Ketahanan pangan dan hewani (paling sedikit 20%)",
    ],
}
KELOMPOK = "Earmark"


def isi(apps, schema_editor):
    PrioritasDanaDesa = apps.get_model("pendampingan", "PrioritasDanaDesa")
    for (tahun, regulasi), nama_list in EARMARK.items():
        awal = (
            PrioritasDanaDesa.objects.filter(tahun=tahun)
            .exclude(kelompok=KELOMPOK)
            .order_by("-urutan")
            .values_list("urutan", flat=True)
            .first()
            or 0
        )
        for i, nama in enumerate(nama_list, start=1):
            PrioritasDanaDesa.objects.update_or_create(
                tahun=tahun,
                nama=nama,
                defaults={"kelompok": KELOMPOK, "regulasi": regulasi, "urutan": awal + i},
            )


def hapus(apps, schema_editor):
    PrioritasDanaDesa = apps.get_model("pendampingan", "PrioritasDanaDesa")
    for (tahun, _regulasi), nama_list in EARMARK.items():
        PrioritasDanaDesa.objects.filter(tahun=tahun, kelompok=KELOMPOK, nama__in=nama_list).delete()


class Migration(migrations.Migration):
    dependencies = [("pendampingan", "0021_hitungan_batas_dan_sesi_pengguna")]

    operations = [migrations.RunPython(isi, hapus)]
