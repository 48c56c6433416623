"""Seed the complaint categories (editable afterwards in admin)."""

from django.db import migrations

KATEGORI = [
    ("dana-desa", "Dana Desa", "Penggunaan dan pertanggungjawaban Dana Desa.", False),
    ("pelayanan-desa", "Pelayanan desa", "Pelayanan administrasi oleh pemerintah desa.", False),
    ("pembangunan", "Pembangunan", "Pelaksanaan pembangunan desa dan hasilnya.", False),
    ("bumdes", "BUM Desa", "Badan Usaha Milik Desa.", False),
    ("bansos-blt", "Bantuan sosial / BLT", "Bantuan sosial dan BLT Dana Desa.", False),
    (
        "pendampingan",
        "Pendampingan / pendamping",
        "Pendampingan desa atau seorang pendamping (ditangani pengawasnya).",
        True,
    ),
    ("konflik", "Konflik", "Konflik antarwarga atau dengan pemerintah desa.", False),
    ("lainnya", "Lainnya", "", False),
]


def isi(apps, schema_editor):
    Kategori = apps.get_model("pengaduan", "Kategori")
    for urutan, (kode, nama, ket, tp) in enumerate(KATEGORI, start=1):
        Kategori.objects.update_or_create(
            kode=kode,
            defaults={
                "nama": nama,
                "keterangan": ket,
                "tentang_pendamping": tp,
                "urutan": urutan * 10,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("pengaduan", "0001_initial")]

    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
