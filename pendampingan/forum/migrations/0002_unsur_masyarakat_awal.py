"""Seed the community elements of DOMAIN.md C.3 (plus kader desa, mitra luar desa, lainnya).
Editable in admin afterwards; re-running changes nothing that exists."""

from django.db import migrations

UNSUR = [
    ("tokoh-agama", "Tokoh agama"),
    ("tokoh-adat", "Tokoh adat"),
    ("tokoh-masyarakat", "Tokoh masyarakat"),
    ("tokoh-pendidikan", "Tokoh pendidikan"),
    ("kelompok-tani", "Kelompok tani"),
    ("kelompok-nelayan", "Kelompok nelayan"),
    ("kelompok-perajin", "Kelompok perajin"),
    ("kelompok-perempuan", "Kelompok perempuan"),
    ("kelompok-masyarakat-miskin", "Kelompok masyarakat miskin"),
    ("kader-desa", "Kader desa"),
    ("mitra-luar-desa", "Mitra luar desa"),
    ("lainnya", "Lainnya"),
]


def isi(apps, schema_editor):
    Unsur = apps.get_model("forum", "UnsurMasyarakat")
    for i, (kode, nama) in enumerate(UNSUR, start=1):
        Unsur.objects.get_or_create(kode=kode, defaults={"nama": nama, "urutan": i * 10})


def hapus(apps, schema_editor):
    apps.get_model("forum", "UnsurMasyarakat").objects.filter(
        kode__in=[k for k, _n in UNSUR], anggota__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("forum", "0001_initial")]

    operations = [migrations.RunPython(isi, hapus)]
