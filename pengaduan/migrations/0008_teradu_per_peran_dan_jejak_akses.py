"""A complaint about a facilitator by role (``teradu_peran``) and the people it is about as rows
(``Teradu``, replacing the single ``teradu`` column: the facilitators holding the role in the desa on
the day), and the append-only audit trail of access to protected data (``JejakAkses``). The one
named facilitator of an older complaint becomes its ``Teradu`` row and gives it its role."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


PERAN = {
    "pld": "pld",
    "pd": "pd",
    "pendamping_teknis": "pd",
    "tapm_kabupaten": "tapm",
    "koordinator_kabupaten": "tapm",
}


def salin_teradu(apps, schema_editor):
    Pengaduan = apps.get_model("pengaduan", "Pengaduan")
    Teradu = apps.get_model("pengaduan", "Teradu")
    for p in Pengaduan.objects.filter(teradu__isnull=False).select_related("teradu"):
        Teradu.objects.get_or_create(pengaduan_id=p.pk, pendamping_id=p.teradu_id)
        peran = PERAN.get(p.teradu.jabatan, "")
        if peran:
            Pengaduan.objects.filter(pk=p.pk).update(teradu_peran=peran)


def kembalikan_teradu(apps, schema_editor):
    Pengaduan = apps.get_model("pengaduan", "Pengaduan")
    Teradu = apps.get_model("pengaduan", "Teradu")
    for t in Teradu.objects.order_by("pk"):
        Pengaduan.objects.filter(pk=t.pengaduan_id).update(teradu_id=t.pendamping_id)


class Migration(migrations.Migration):
    dependencies = [
        ("pendampingan", "0015_hari_libur"),
        ("pengaduan", "0007_hitungan_batas"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalpengaduan",
            name="teradu_peran",
            field=models.CharField(
                blank=True,
                choices=[
                    ("pld", "PLD (Pendamping Lokal Desa) desa ini"),
                    ("pd", "PD / Pendamping Teknis desa ini"),
                    ("tapm", "TAPM / Koordinator Kabupaten desa ini"),
                ],
                db_index=True,
                max_length=8,
                verbose_name="diadukan: pendamping dengan peran",
            ),
        ),
        migrations.AddField(
            model_name="pengaduan",
            name="teradu_peran",
            field=models.CharField(
                blank=True,
                choices=[
                    ("pld", "PLD (Pendamping Lokal Desa) desa ini"),
                    ("pd", "PD / Pendamping Teknis desa ini"),
                    ("tapm", "TAPM / Koordinator Kabupaten desa ini"),
                ],
                db_index=True,
                max_length=8,
                verbose_name="diadukan: pendamping dengan peran",
            ),
        ),
        migrations.CreateModel(
            name="Teradu",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("dicatat", models.DateTimeField(auto_now_add=True, verbose_name="dicatat")),
                (
                    "pendamping",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="pendampingan.pendamping",
                        verbose_name="pendamping yang diadukan",
                    ),
                ),
                (
                    "pengaduan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="teradu_baris",
                        to="pengaduan.pengaduan",
                    ),
                ),
            ],
            options={
                "verbose_name": "pendamping yang diadukan",
                "verbose_name_plural": "pendamping yang diadukan",
                "ordering": ["pk"],
            },
        ),
        migrations.AddConstraint(
            model_name="teradu",
            constraint=models.UniqueConstraint(
                fields=("pengaduan", "pendamping"), name="teradu_sekali"
            ),
        ),
        migrations.RunPython(salin_teradu, kembalikan_teradu),
        migrations.RemoveField(
            model_name="historicalpengaduan",
            name="teradu",
        ),
        migrations.RemoveField(
            model_name="pengaduan",
            name="teradu",
        ),
        migrations.AddField(
            model_name="pengaduan",
            name="teradu",
            field=models.ManyToManyField(
                blank=True,
                related_name="pengaduan_teradu",
                through="pengaduan.Teradu",
                to="pendampingan.pendamping",
                verbose_name="pendamping yang diadukan",
            ),
        ),
        migrations.CreateModel(
            name="JejakAkses",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "waktu",
                    models.DateTimeField(
                        db_index=True, default=django.utils.timezone.now, verbose_name="waktu"
                    ),
                ),
                (
                    "alamat",
                    models.GenericIPAddressField(
                        blank=True, null=True, verbose_name="alamat klien"
                    ),
                ),
                (
                    "pintu",
                    models.CharField(
                        choices=[("halaman", "Halaman pengaduan"), ("api", "API")],
                        max_length=8,
                        verbose_name="melalui",
                    ),
                ),
                (
                    "identitas",
                    models.BooleanField(default=False, verbose_name="identitas pelapor dibuka"),
                ),
                (
                    "rahasia",
                    models.BooleanField(default=False, verbose_name="pengaduan rahasia dibuka"),
                ),
                (
                    "pengaduan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="jejak_akses",
                        to="pengaduan.pengaduan",
                    ),
                ),
                (
                    "pengguna",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="pengguna",
                    ),
                ),
            ],
            options={
                "verbose_name": "jejak akses data terlindungi",
                "verbose_name_plural": "jejak akses data terlindungi",
                "ordering": ["-waktu", "-pk"],
                "indexes": [
                    models.Index(fields=["pengaduan", "-waktu"], name="jejak_pengaduan_waktu")
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("identitas", True), ("rahasia", True), _connector="OR"),
                        name="jejak_ada_yang_dibuka",
                    )
                ],
            },
        ),
    ]
