"""Issue 17: a village's kind (desa / desa adat / kelurahan) is data read off its code, indexed;
national roles are assigned to the whole country (``Penugasan.wilayah`` empty).

Data: every region's ``jenis`` is set again from its code (the village number's first digit:
1 kelurahan, 2 desa, 3 desa adat; kabupaten 71–99 is a kota), and the supervision assignments of
TA Pusat and Koordinator Nasional that named one province become national."""

import django.db.models.deletion
from django.db import migrations, models

# the 4th part's first digit → jenis (pendampingan.wilayah_kode.jenis_dari_kode)
POLA_JENIS_DESA = {
    "kelurahan": r"^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.1",
    "desa_adat": r"^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.3",
}
POLA_KOTA = r"^[0-9]{2}\.(7[1-9]|8[0-9]|9[0-9])$"


def jenis_dari_kode(apps, schema_editor):
    Wilayah = apps.get_model("pendampingan", "Wilayah")
    desa = Wilayah.objects.filter(tingkat="desa")
    for jenis, pola in POLA_JENIS_DESA.items():
        desa.filter(kode__regex=pola).exclude(jenis=jenis).update(jenis=jenis)
    lain = desa
    for pola in POLA_JENIS_DESA.values():
        lain = lain.exclude(kode__regex=pola)
    lain.exclude(jenis="desa").update(jenis="desa")
    kab = Wilayah.objects.filter(tingkat="kabupaten")
    kab.filter(kode__regex=POLA_KOTA).exclude(jenis="kota").update(jenis="kota")
    kab.exclude(kode__regex=POLA_KOTA).exclude(jenis="kabupaten").update(jenis="kabupaten")


def peran_nasional_jadi_nasional(apps, schema_editor):
    Penugasan = apps.get_model("pendampingan", "Penugasan")
    Penugasan.objects.filter(
        pendamping__jabatan__in=["ta_pusat", "koordinator_nasional"],
        jenis="supervisi",
        wilayah__isnull=False,
    ).update(wilayah=None)


class Migration(migrations.Migration):

    dependencies = [
        ('pendampingan', '0016_kegiatan_butir'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalpenugasan',
            name='wilayah',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='Kosongkan untuk peran nasional (TA Pusat, Koordinator Nasional).', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pendampingan.wilayah'),
        ),
        migrations.AlterField(
            model_name='penugasan',
            name='wilayah',
            field=models.ForeignKey(blank=True, help_text='Kosongkan untuk peran nasional (TA Pusat, Koordinator Nasional).', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='penugasan', to='pendampingan.wilayah'),
        ),
        migrations.AlterField(
            model_name='wilayah',
            name='jenis',
            field=models.CharField(choices=[('provinsi', 'Provinsi'), ('kabupaten', 'Kabupaten'), ('kota', 'Kota'), ('kecamatan', 'Kecamatan'), ('desa', 'Desa'), ('kelurahan', 'Kelurahan'), ('desa_adat', 'Desa Adat')], db_index=True, max_length=10, verbose_name='jenis'),
        ),
        migrations.AddConstraint(
            model_name='penugasan',
            constraint=models.CheckConstraint(condition=models.Q(('wilayah__isnull', False), ('jenis', 'supervisi'), _connector='OR'), name='penugasan_nasional_hanya_supervisi', violation_error_message='Penugasan nasional hanya untuk supervisi.'),
        ),
        migrations.RunPython(jenis_dari_kode, migrations.RunPython.noop),
        migrations.RunPython(peran_nasional_jadi_nasional, migrations.RunPython.noop),
    ]
