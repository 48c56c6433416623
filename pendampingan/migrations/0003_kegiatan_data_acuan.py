"""Seed the daily log's reference tables (editable in admin afterwards): the 18 SDGs Desa goals,
the five prinsip of Kepmendes PDTT 40/2021, village institutions, development stages and
empowerment fields, and the Dana Desa priorities per year 2021–2026 (DOMAIN.md A, B, D)."""

from django.db import migrations

SDGS = [
    "Desa Tanpa Kemiskinan",
    "Desa Tanpa Kelaparan",
    "Desa Sehat dan Sejahtera",
    "Pendidikan Desa Berkualitas",
    "Keterlibatan Perempuan Desa",
    "Desa Layak Air Bersih dan Sanitasi",
    "Desa Berenergi Bersih dan Terbarukan",
    "Pertumbuhan Ekonomi Desa Merata",
    "Infrastruktur dan Inovasi Desa Sesuai Kebutuhan",
    "Desa Tanpa Kesenjangan",
    "Kawasan Permukiman Desa Aman dan Nyaman",
    "Konsumsi dan Produksi Desa Sadar Lingkungan",
    "Desa Tanggap Perubahan Iklim",
    "Desa Peduli Lingkungan Laut",
    "Desa Peduli Lingkungan Darat",
    "Desa Damai Berkeadilan",
    "Kemitraan untuk Pembangunan Desa",
    "Kelembagaan Desa Dinamis dan Budaya Desa Adaptif",
]

KEPMENDES_40 = "Kepmendes PDTT 40/2021"
PRINSIP = [
    ("kemanusiaan", "Kemanusiaan", "Menjunjung hak dasar dan martabat manusia."),
    ("keadilan", "Keadilan", "Untuk seluruh warga desa, tanpa diskriminasi."),
    (
        "kebhinekaan",
        "Kebhinekaan",
        "Menghargai keragaman pilihan, pendapat, identitas, budaya, dan kearifan lokal.",
    ),
    ("keseimbangan-alam", "Keseimbangan alam", "Memelihara bumi demi keberlanjutan."),
    (
        "kepentingan-nasional",
        "Kepentingan nasional",
        "Sejalan dengan kebijakan strategis nasional untuk kesejahteraan.",
    ),
]

LEMBAGA = [
    ("pemerintah-desa", "Pemerintah Desa"),
    ("bpd", "Badan Permusyawaratan Desa (BPD)"),
    ("lpm", "Lembaga Pemberdayaan Masyarakat (LPM)"),
    ("pkk", "PKK"),
    ("karang-taruna", "Karang Taruna"),
    ("posyandu", "Posyandu"),
    ("rt-rw", "RT/RW"),
    ("lembaga-adat", "Lembaga adat"),
    ("bum-desa", "BUM Desa"),
    ("kpmd", "Kader Pemberdayaan Masyarakat Desa (KPMD)"),
    ("kelompok-masyarakat", "Kelompok masyarakat"),
]

BIDANG = [
    ("pendataan", "Pendataan desa", "tahap"),
    ("perencanaan", "Perencanaan", "tahap"),
    ("pelaksanaan", "Pelaksanaan", "tahap"),
    ("pertanggungjawaban", "Pertanggungjawaban", "tahap"),
    (
        "kapasitas",
        "Pengembangan kapasitas masyarakat dan pemerintah desa",
        "pemberdayaan",
    ),
    ("hak-kewajiban", "Penegakan hak dan kewajiban", "pemberdayaan"),
    ("kelembagaan", "Penguatan kelembagaan desa dinamis", "pemberdayaan"),
    ("budaya", "Penguatan budaya desa adaptif", "pemberdayaan"),
]

PEN_2022 = [
    ("", "Pemulihan ekonomi nasional"),
    ("", "Program prioritas nasional"),
    ("", "Mitigasi dan penanganan bencana alam dan nonalam"),
]
PRIORITAS = {
    (2021, "Permendesa PDTT 13/2020"): [
        ("", "Pemulihan ekonomi nasional"),
        ("", "Program prioritas nasional"),
        ("", "Adaptasi kebiasaan baru"),
    ],
    (2022, "Permendesa PDTT 7/2021"): PEN_2022,
    (2023, "Permendesa PDTT 8/2022"): PEN_2022,
    (2024, "Permendesa PDTT 7/2023"): [
        ("Pembangunan Desa", "Pemenuhan kebutuhan dasar"),
        ("Pembangunan Desa", "Sarana dan prasarana desa"),
        ("Pembangunan Desa", "Pengembangan potensi ekonomi lokal"),
        ("Pembangunan Desa", "Pemanfaatan sumber daya alam dan lingkungan"),
        ("Pemberdayaan Masyarakat Desa", "Kesehatan"),
        ("Pemberdayaan Masyarakat Desa", "Partisipasi masyarakat"),
        ("Pemberdayaan Masyarakat Desa", "Ekonomi produktif"),
        ("Pemberdayaan Masyarakat Desa", "Seni budaya"),
        ("Pemberdayaan Masyarakat Desa", "Mitigasi bencana"),
        ("Earmark", "BLT Desa (paling banyak 25%)"),
        ("Earmark", "Ketahanan pangan (paling sedikit 20%)"),
        ("Earmark", "Operasional pemerintah desa (paling banyak 3%)"),
    ],
    (2025, "Permendesa PDT 2/2024"): [
        ("", "BLT Desa untuk kemiskinan ekstrem (15%)"),
        ("", "Ketahanan pangan (paling sedikit 20%)"),
        ("", "Adaptasi dan mitigasi perubahan iklim"),
        ("", "Kesehatan dan penurunan stunting"),
        ("", "Potensi dan keunggulan desa"),
        ("", "Desa digital"),
        ("", "Padat karya tunai desa"),
        ("", "Sektor prioritas lainnya"),
        ("", "Operasional pemerintah desa (paling banyak 3%)"),
    ],
    (2026, "Permendesa PDT 16/2025"): [
        ("", "Koperasi Desa/Kelurahan Merah Putih"),
        ("", "BLT Desa"),
        ("", "Ketahanan iklim dan bencana"),
        ("", "Kesehatan"),
        ("", "Ketahanan pangan dan energi"),
        ("", "Infrastruktur padat karya tunai desa (PKTD)"),
        ("", "Desa digital"),
        ("", "Prioritas lainnya"),
    ],
}


def isi(apps, schema_editor):
    TujuanSdgs = apps.get_model("pendampingan", "TujuanSdgs")
    Prinsip = apps.get_model("pendampingan", "Prinsip")
    LembagaDesa = apps.get_model("pendampingan", "LembagaDesa")
    BidangPendampingan = apps.get_model("pendampingan", "BidangPendampingan")
    PrioritasDanaDesa = apps.get_model("pendampingan", "PrioritasDanaDesa")
    for nomor, nama in enumerate(SDGS, start=1):
        TujuanSdgs.objects.update_or_create(nomor=nomor, defaults={"nama": nama})
    for urutan, (kode, nama, uraian) in enumerate(PRINSIP, start=1):
        Prinsip.objects.update_or_create(
            kode=kode,
            defaults={"nama": nama, "uraian": uraian, "regulasi": KEPMENDES_40, "urutan": urutan},
        )
    for urutan, (kode, nama) in enumerate(LEMBAGA, start=1):
        LembagaDesa.objects.update_or_create(kode=kode, defaults={"nama": nama, "urutan": urutan})
    for urutan, (kode, nama, jenis) in enumerate(BIDANG, start=1):
        BidangPendampingan.objects.update_or_create(
            kode=kode, defaults={"nama": nama, "jenis": jenis, "urutan": urutan}
        )
    for (tahun, regulasi), baris in PRIORITAS.items():
        for urutan, (kelompok, nama) in enumerate(baris, start=1):
            PrioritasDanaDesa.objects.update_or_create(
                tahun=tahun,
                nama=nama,
                defaults={"kelompok": kelompok, "regulasi": regulasi, "urutan": urutan},
            )


class Migration(migrations.Migration):
    dependencies = [("pendampingan", "0002_kegiatan_lengkap")]

    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
