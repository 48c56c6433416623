"""Seed the types of event (BNPB codes plus the KLB, social and non-natural types this product
adds) and make the chronology and the impact snapshots append-only in the database itself."""

from django.db import migrations

# (kode, nama, kategori, sumber, urutan). 101–111 and 999: BNPB (DIBI). 2xx KLB, 3xx sosial,
# 4xx non-alam: codes of this product (documented in docs/bencana.md).
JENIS = [
    ("101", "Banjir", "alam", "BNPB", 10),
    ("102", "Tanah longsor", "alam", "BNPB", 20),
    ("104", "Gelombang pasang / abrasi", "alam", "BNPB", 40),
    ("105", "Puting beliung", "alam", "BNPB", 50),
    ("106", "Kekeringan", "alam", "BNPB", 60),
    ("107", "Kebakaran hutan dan lahan", "alam", "BNPB", 70),
    ("108", "Gempa bumi", "alam", "BNPB", 80),
    ("109", "Tsunami", "alam", "BNPB", 90),
    ("110", "Gempa bumi dan tsunami", "alam", "BNPB", 100),
    ("111", "Letusan gunung api", "alam", "BNPB", 110),
    ("999", "Lainnya", "alam", "BNPB", 990),
    ("201", "Wabah penyakit", "klb", "Pendampingan Desa", 200),
    ("202", "Keracunan massal", "klb", "Pendampingan Desa", 210),
    ("301", "Konflik sosial", "sosial", "Pendampingan Desa", 300),
    ("401", "Kegagalan teknologi", "non_alam", "Pendampingan Desa", 400),
]

TABEL = ["bencana_kronologi", "bencana_penilaiandampak"]


def seed(apps, schema_editor):
    JenisKejadian = apps.get_model("bencana", "JenisKejadian")
    for kode, nama, kategori, sumber, urutan in JENIS:
        JenisKejadian.objects.update_or_create(
            kode=kode,
            defaults={"nama": nama, "kategori": kategori, "sumber": sumber, "urutan": urutan},
        )


def pasang_pengaman(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for tabel in TABEL:
        if vendor == "postgresql":
            schema_editor.execute(
                f"""
                CREATE OR REPLACE FUNCTION {tabel}_tetap() RETURNS trigger AS $$
                BEGIN
                  RAISE EXCEPTION 'Baris %% hanya boleh ditambah (append-only): tambahkan koreksi.', TG_TABLE_NAME;
                END;
                $$ LANGUAGE plpgsql;
                """  # "%%": the statement goes through the driver's parameter formatting
            )
            schema_editor.execute(
                f"CREATE TRIGGER {tabel}_tetap BEFORE UPDATE OR DELETE ON {tabel} "
                f"FOR EACH ROW EXECUTE FUNCTION {tabel}_tetap();"
            )
        elif vendor == "sqlite":
            # DELETE stays allowed here: the test runner empties tables with DELETE on SQLite.
            schema_editor.execute(
                f"CREATE TRIGGER {tabel}_tetap BEFORE UPDATE ON {tabel} "
                f"BEGIN SELECT RAISE(ABORT, 'append-only: tambahkan koreksi'); END;"
            )


def lepas_pengaman(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for tabel in TABEL:
        if vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {tabel}_tetap ON {tabel};")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {tabel}_tetap();")
        elif vendor == "sqlite":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {tabel}_tetap;")


class Migration(migrations.Migration):
    dependencies = [("bencana", "0001_initial")]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(pasang_pengaman, lepas_pengaman),
    ]
