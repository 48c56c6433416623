"""Load every butir of Bab II of Kepmendes PDTT 40/2021, worded verbatim from
docs/regulasi/kepmendes-pdtt-40-2021-bab-ii.txt (checked by tests/pendampingan/test_butir.py).

Rows: (kode, tata_cara, jenis, induk, urutan, label, bunyi). A later regulation gets its own
migration with its own Regulasi row; this one is never edited to follow it."""

from django.db import migrations

REGULASI = {
    "kode": "kepmendes-pdtt-40-2021",
    "nama": "Kepmendes PDTT 40/2021",
    "judul": (
        "Keputusan Menteri Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi Nomor 40 Tahun "
        "2021 tentang Petunjuk Teknis Pendampingan Masyarakat Desa"
    ),
    "tanggal_ditetapkan": "2021-05-28",
    "berkas_teks": "docs/regulasi/kepmendes-pdtt-40-2021-bab-ii.txt",
}

BUTIR = [
    (
        "A1",
        "prinsip",
        "butir",
        "",
        10,
        "Kemanusiaan",
        "Prinsip kemanusiaan, bahwa Pendampingan Masyarakat Desa dilakukan dengan mengutamakan "
        "pemenuhan hak dasar, serta harkat dan martabat Masyarakat Desa",
    ),
    (
        "A2",
        "prinsip",
        "butir",
        "",
        20,
        "Keadilan",
        "Prinsip keadilan, bahwa Pendampingan Masyarakat Desa dilakukan dengan mengutamakan pemenuhan "
        "hak dan kepentingan seluruh warga Desa tanpa membeda-bedakan atau nondiskriminasi",
    ),
    (
        "A3",
        "prinsip",
        "butir",
        "",
        30,
        "Kebhinekaan",
        "Prinsip kebhinekaan, bahwa Pendampingan Masyarakat Desa diselenggarakan dengan mengakui dan "
        "menghormati keanekaragaman, baik keanekaragaman pilihan, pendapat, dan identitas Masyarakat "
        "Desa maupun keanekaragaman budaya dan kearifan Desa sebagai pembentuk kesalehan sosial "
        "berdasarkan nilai kemanusiaan universal",
    ),
    (
        "A4",
        "prinsip",
        "butir",
        "",
        40,
        "Keseimbangan alam",
        "Prinsip keseimbangan alam, bahwa Pendampingan Masyarakat Desa diselenggarakan dengan "
        "mengutamakan perawatan bumi yang lestari untuk keberlanjutan kehidupan manusia",
    ),
    (
        "A5",
        "prinsip",
        "butir",
        "",
        50,
        "Kepentingan nasional",
        "Prinsip kepentingan nasional, bahwa Pendampingan Masyarakat Desa diselenggarakan dengan "
        "mengutamakan pelaksanaan kebijakan strategis nasional untuk mewujudkan kesejahteraan rakyat",
    ),
    ("BT1", "asistensi", "butir", "", 60, "Pendataan desa", "Pendataan Desa"),
    (
        "BT2",
        "asistensi",
        "butir",
        "",
        70,
        "Perencanaan pembangunan",
        "Perencanaan Pembangunan Desa",
    ),
    (
        "BT3",
        "asistensi",
        "butir",
        "",
        80,
        "Pelaksanaan pembangunan",
        "pelaksanaan Pembangunan Desa",
    ),
    (
        "BT4",
        "asistensi",
        "butir",
        "",
        90,
        "Pertanggungjawaban pembangunan",
        "pertanggungjawaban Pembangunan Desa",
    ),
    (
        "BP1",
        "asistensi",
        "butir",
        "",
        100,
        "Kapasitas masyarakat & pemdes",
        "pengembangan kapasitas masyarakat dan Pemerintahan Desa dalam Pembangunan Desa",
    ),
    (
        "BP2",
        "asistensi",
        "butir",
        "",
        110,
        "Hak dan kewajiban",
        "penegakan hak dan kewajiban Desa serta masyarakat Desa",
    ),
    (
        "BP3",
        "asistensi",
        "butir",
        "",
        120,
        "Kelembagaan desa dinamis",
        "penguatan kelembagaan Desa dinamis",
    ),
    ("BP4", "asistensi", "butir", "", 130, "Budaya desa adaptif", "penguatan budaya Desa adaptif"),
    (
        "BD1",
        "asistensi",
        "butir",
        "",
        140,
        "Kualitas pendataan desa",
        "meningkatkan kuantitas dan kualitas Pendataan Desa sebagai dasar Perencanaan Pembangunan "
        "Desa",
    ),
    (
        "BD2",
        "asistensi",
        "butir",
        "",
        150,
        "Perencanaan sesuai kondisi objektif",
        "mempertajam arah kebijakan Perencanaan Pembangunan Desa yang sesuai dengan kondisi objektif "
        "Desa",
    ),
    (
        "BD3",
        "asistensi",
        "butir",
        "",
        160,
        "Perencanaan menuju SDGs Desa",
        "memfokuskan arah kebijakan Perencanaan Pembangunan Desa pada pencapaian SDGs Desa",
    ),
    (
        "BD4",
        "asistensi",
        "butir",
        "",
        170,
        "Prakarsa dan aspirasi",
        "mengembangkan prakarsa dan aspirasi masyarakat dalam Pembangunan Desa",
    ),
    (
        "BD5",
        "asistensi",
        "butir",
        "",
        180,
        "Swadaya dan gotong royong",
        "meningkatkan swadaya dan gotong royong masyarakat",
    ),
    (
        "BD6",
        "asistensi",
        "butir",
        "",
        190,
        "Konsolidasi kepentingan bersama",
        "mengonsolidasikan kepentingan bersama",
    ),
    (
        "BD7",
        "asistensi",
        "butir",
        "",
        200,
        "Partisipasi masyarakat",
        "meningkatkan partisipasi masyarakat dalam proses Pembangunan Desa dan Pemberdayaan Masyarakat "
        "Desa",
    ),
    (
        "BD8",
        "asistensi",
        "butir",
        "",
        210,
        "Sesuai kewenangan desa",
        "meningkatkan Pembangunan Desa dan Pemberdayaan Masyarakat Desa sesuai dengan kewenangan "
        "berdasarkan hak asal usul dan kewenangan lokal berskala Desa",
    ),
    (
        "C1",
        "pengorganisasian",
        "butir",
        "",
        220,
        "Pusat kemasyarakatan",
        "fasilitasi pembentukan pusat kemasyarakatan (community center) dengan melibatkan berbagai "
        "pihak sebagai ruang publik untuk aktivitas bersama",
    ),
    (
        "C2",
        "pengorganisasian",
        "butir",
        "",
        230,
        "Sarana/prasarana desa",
        "fasilitasi pendayagunaan sarana/prasarana milik Desa seperti balai Desa, gedung olah raga, "
        "gedung pertemuan, lapangan olah raga, taman dan lain-lain sebagai tempat diselenggarakannya "
        "kegiatan-kegiatan pusat kemasyarakatan dengan melibatkan berbagai kader yang ada di Desa",
    ),
    (
        "C3",
        "pengorganisasian",
        "butir",
        "",
        240,
        "Unsur masyarakat",
        "fasilitasi unsur-unsur masyarakat seperti tokoh agama, tokoh adat, tokoh masyarakat, tokoh "
        "pendidikan, perwakilan kelompok tani, kelompok nelayan, kelompok perajin, kelompok perempuan, "
        "dan kelompok masyarakat miskin untuk berpartisipasi aktif dalam kegiatan-kegiatan di pusat "
        "kemasyarakatan yang diorganisir oleh kader-kader Desa",
    ),
    (
        "C4",
        "pengorganisasian",
        "butir",
        "",
        250,
        "Forum mitra desa",
        "fasilitasi terbentuknya forum mitra Desa dengan kader-kader Desa sebagai motor penggerak. "
        "Mitra Desa terdiri dari para pegiat intra maupun eksternal Desa untuk secara sukarela "
        "terlibat dalam kegiatan-kegiatan pembangunan dan Pemberdayaan Masyarakat Desa. Fasilitasi "
        "forum mitra Desa juga dilakukan bersama-sama dengan berbagai kader yang ada di Desa untuk "
        "membentuk pusat kemasyarakatan (community center) di kecamatan dan/atau kabupaten/kota",
    ),
    (
        "C5",
        "pengorganisasian",
        "butir",
        "",
        260,
        "Pengabdian masyarakat",
        "fasilitasi forum mitra Desa bersama-sama dengan berbagai kader-kader yang ada di Desa untuk "
        "membuat kegiatan-kegiatan pengabdian kepada masyarakat seperti penerapan ilmu keagamaan, ilmu "
        "pengetahuan, teknologi tepat guna dan/atau seni tertentu untuk menunjang pengembangan konsep "
        "pembangunan daerah",
    ),
    (
        "C6",
        "pengorganisasian",
        "butir",
        "",
        270,
        "Kemitraan UMKM",
        "fasilitasi kegiatan kemitraan dan pemberdayaan Usaha Mikro Kecil dan Menengah (UMKM) dengan "
        "melibatkan para kader yang ada di Desa",
    ),
    (
        "C7",
        "pengorganisasian",
        "butir",
        "",
        280,
        "Kegiatan strategis lain",
        "fasilitasi kegiatan-kegiatan lain yang strategis dalam rangka pengembangan pusat "
        "kemasyarakatan (community center) sesuai dengan kondisi lokal Desa",
    ),
    (
        "D",
        "pengarahan",
        "butir",
        "",
        290,
        "Pengarahan pengelolaan & Dana Desa",
        "Kegiatan pendampingan masyarakat Desa dilakukan dengan cara memberikan arah pengelolaan "
        "pembangunan, mulai dari Pendataan Desa, Perencanaan Pembangunan Desa, pelaksanaan Pembangunan "
        "Desa, sampai pertanggungjawaban Pembangunan Desa, serta pemberdayaan masyarakat Desa, mulai "
        "dari pengembangan kapasitas masyarakat dan Pemerintahan Desa dalam Pembangunan Desa, "
        "penegakan hak dan kewajiban Desa serta masyarakat Desa, penguatan kelembagaan Desa dinamis, "
        "serta penguatan budaya Desa adaptif. Selain itu, pendamping berperan besar dalam mengarahkan "
        "pemanfaatan Dana Desa sesuai dengan Peraturan Menteri Desa tentang Prioritas Penggunaan Dana "
        "Desa. Cara pendampingan ini, dilakukan oleh TPP dengan cara persuasif, dengan demikian, "
        "kemampuan kapasitas kepemimpinan, komunikasi, pemetaan sosial dan daya motivasi TPP sangat "
        "menentukan dalam pengarahan pengelolaan pembangunan dan pemberdayaan masyarakat Desa.",
    ),
    ("E1", "fasilitasi", "kelompok", "", 300, "Pembangunan Desa", "Fasilitasi Pembangunan Desa"),
    (
        "E1a",
        "fasilitasi",
        "butir",
        "E1",
        310,
        "Pendataan data desa",
        "pendataan dan pemutakhiran data Desa secara komprehensif sebagai sumber penyusunan rencana "
        "Pembangunan Desa",
    ),
    (
        "E1b",
        "fasilitasi",
        "butir",
        "E1",
        320,
        "Perencanaan partisipatif",
        "perencanan Pembangunan Desa Partisipatif, yang melibatkan masyarakat mulai tahap Musyawarah "
        "Desa, Musyawarah Desa perencanaan, pelaksanaan pembangunan maupun pengawasannya oleh "
        "masyarakat. Tahapan perencanaan yang menjadi fokus fasilitasi adalah penyusunan dokumen "
        "RPJMDes, RKPDes, APBDes",
    ),
    (
        "E1c",
        "fasilitasi",
        "butir",
        "E1",
        330,
        "Pelaksanaan pembangunan",
        "pelaksanaan Pembangunan Desa, yang dimulai dari tahap pengadaan barang/jasa, pencairan dan "
        "penyaluran dana, pelaksanaan kegiatan, pengadministrasian hingga pertanggungjawaban",
    ),
    (
        "E1d",
        "fasilitasi",
        "butir",
        "E1",
        340,
        "Penatausahaan keuangan desa",
        "penatausahaan keuangan Desa, sebagai upaya untuk mewujudkan prinsip akuntabilitas dan "
        "transparansi",
    ),
    (
        "E1e",
        "fasilitasi",
        "butir",
        "E1",
        350,
        "Pembangunan perdesaan",
        "pembangunan Perdesaan, sebagai upaya mewujudkan konektivitas dan kerja sama antar Desa",
    ),
    (
        "E1f",
        "fasilitasi",
        "butir",
        "E1",
        360,
        "Status perkembangan desa",
        "peningkatan status perkembangan Desa",
    ),
    (
        "E1g",
        "fasilitasi",
        "butir",
        "E1",
        370,
        "Akuntabilitas & transparansi (SID)",
        "peningkatan akuntabilitas dan tansparansi Desa, melalui pengembangan SID, media informasi "
        "Desa seperti baliho, bulletin, media sosial, atau publikasi lainnya",
    ),
    ("E1h", "fasilitasi", "butir", "E1", 380, "Regulasi desa", "penyusunan regulasi Desa"),
    (
        "E2",
        "fasilitasi",
        "kelompok",
        "",
        390,
        "Pemberdayaan Masyarakat Desa",
        "Fasilitasi Pemberdayaan Masyarakat Desa",
    ),
    (
        "E2a",
        "fasilitasi",
        "butir",
        "E2",
        400,
        "Kelembagaan masyarakat",
        "penataan kelembagaan masyarakat Desa agar berfungsi secara baik dalam mendukung "
        "penyelenggaraan pembangunan dan Pemberdayaan Masyarakat Desa, termasuk didalamnya "
        "pengembangan jaringan kerjasama Desa",
    ),
    (
        "E2b",
        "fasilitasi",
        "butir",
        "E2",
        410,
        "Usaha masyarakat",
        "pengembangan usaha masyarakat meliputi pembukaan akses kegiatan ekonomi produktif",
    ),
    (
        "E2c",
        "fasilitasi",
        "butir",
        "E2",
        420,
        "Pendapatan masyarakat",
        "peningkatan pendapatan masyarakat Desa",
    ),
    (
        "E2d",
        "fasilitasi",
        "butir",
        "E2",
        430,
        "Ruang publik & lingkungan sosial",
        "pengembangan ruang publik dan lingkungan sosial",
    ),
    (
        "E3",
        "fasilitasi",
        "kelompok",
        "",
        440,
        "Kapasitas & Kaderisasi",
        "Fasilitasi Peningkatan Kapasitas dan Kaderisasi Masyarakat",
    ),
    (
        "E3a",
        "fasilitasi",
        "butir",
        "E3",
        450,
        "Kesadaran & keterampilan",
        "peningkatan kesadaran, pengetahuan, sikap, keterampilan, dan perilaku untuk membangun diri "
        "serta lingkungan secara mandiri",
    ),
    (
        "E3b",
        "fasilitasi",
        "butir",
        "E3",
        460,
        "Kaderisasi",
        "kaderisasi, melalui pelatihan dan pengikutsertaan masyarakat dalam berbagai kegiatan "
        "Pembangunan Desa",
    ),
    (
        "E3c",
        "fasilitasi",
        "butir",
        "E3",
        470,
        "Pembelajaran sosial",
        "pembelajaran sosial dari pengalaman, praktek dan kerja nyata dalam Pembangunan Desa",
    ),
    (
        "E4",
        "fasilitasi",
        "kelompok",
        "",
        480,
        "Ekonomi Lokal & BUM Desa/BUM Desa Bersama",
        "Fasilitasi Pengembangan Ekonomi Lokal dan BUM Desa/BUM Desa Bersama",
    ),
    (
        "E4a",
        "fasilitasi",
        "butir",
        "E4",
        490,
        "Potensi ekonomi desa",
        "pemetaan potensi perekonomian Desa",
    ),
    (
        "E4b",
        "fasilitasi",
        "butir",
        "E4",
        500,
        "Bidang usaha BUM Desa/Bersama",
        "penentuan bidang usaha BUM Desa/ BUM Desa Bersama",
    ),
    (
        "E4c",
        "fasilitasi",
        "butir",
        "E4",
        510,
        "Pendirian BUM Desa/Bersama",
        "pendirian dan pengembangan BUM Desa/ BUM Desa Bersama",
    ),
    (
        "E4d",
        "fasilitasi",
        "butir",
        "E4",
        520,
        "Kapasitas pengurus BUM Desa/Bersama",
        "peningkatan kapasitas pengurus kelembagaan ekonomi Desa dan BUM Desa/ BUM Desa Bersama",
    ),
    (
        "E4e",
        "fasilitasi",
        "butir",
        "E4",
        530,
        "Manajemen unit usaha",
        "penguatan manajemen unit usaha ekonomi Desa",
    ),
    ("E4f", "fasilitasi", "butir", "E4", 540, "Kerja sama usaha", "pengembangan kerja sama usaha"),
    (
        "E4g",
        "fasilitasi",
        "butir",
        "E4",
        550,
        "Jaringan pemasaran",
        "pengembangan jaringan pemasaran",
    ),
    (
        "E4h",
        "fasilitasi",
        "butir",
        "E4",
        560,
        "Konsolidasi produk desa",
        "konsolidasi produk barang dan/atau jasa masyarakat Desa",
    ),
    (
        "E4i",
        "fasilitasi",
        "butir",
        "E4",
        570,
        "Inkubasi usaha oleh BUM Desa/Bersama",
        "inkubasi usaha masyarakat Desa oleh BUM Desa/ BUM Desa Bersama",
    ),
    (
        "E4j",
        "fasilitasi",
        "butir",
        "E4",
        580,
        "Stimulasi usaha masyarakat",
        "stimulasi dan dinamisasi usaha ekonomi masyarakat Desa",
    ),
    (
        "E4k",
        "fasilitasi",
        "butir",
        "E4",
        590,
        "Nilai ekonomi budaya & SDA",
        "peningkatan kemanfaatan dan nilai ekonomi kekayaan budaya, religiusitas, dan sumber daya "
        "alam",
    ),
    (
        "E4l",
        "fasilitasi",
        "butir",
        "E4",
        600,
        "Aset & PADes",
        "peningkatan nilai tambah atas aset Desa dan pendapatan asli Desa",
    ),
    (
        "E5",
        "fasilitasi",
        "butir",
        "",
        610,
        "Pengaduan dan masalah",
        "Penanganan pengaduan dan masalah, difasilitasi penyelesaiannya oleh TPP dengan mengutamakan "
        "musyawarah mufakat. Masyarakat Desa atau Pemerintah Desa harus diberi ruang untuk mengenali "
        "masalahnya dan merumuskan tindakan penyelesaian secara mandiri, serta diberikan ruang "
        "pengaduan masalah berkaitan dengan Pendampingan Masyarakat Desa.",
    ),
    (
        "F1",
        "bencana",
        "butir",
        "",
        620,
        "Evakuasi ke lokasi aman",
        "menginisiasi dan mengorganisir masyarakat terdampak, untuk secepatnya berupaya menyelamatkan "
        "diri dari ancaman kejadian luar biasa dan bencana ke lokasi yang aman",
    ),
    (
        "F2",
        "bencana",
        "butir",
        "",
        630,
        "Akses bantuan",
        "membantu memfasilitasi masyarakat dan Pemerintah Desa untuk segera memperoleh bantuan dari "
        "lembaga pemerintahan maupun nonpemerintahan yang terkait dengan penanggulangan kejadian luar "
        "biasa dan bencana",
    ),
    (
        "F3",
        "bencana",
        "butir",
        "",
        640,
        "Pendataan dampak cepat",
        "melakukan identifikasi dan pendataan cepat terhadap dampak kejadian luar biasa dan bencana, "
        "baik terhadap manusia maupun terhadap fasilitas publik Desa",
    ),
    (
        "F4",
        "bencana",
        "butir",
        "",
        650,
        "Lapor ke BPSDM/Kementerian",
        "melaporkan kejadian luar biasa dan bencana kepada BPSDM, Kementerian secepatnya baik secara "
        "lisan maupun tertulis melalui catatan kronologis kejadian sederhana serta dilampiri "
        "bukti-bukti pendukung yang cukup",
    ),
    (
        "F5",
        "bencana",
        "butir",
        "",
        660,
        "Koordinasi instansi",
        "melakukan koordinasi dengan instansi terkait di kabupaten/kota termasuk aparat keamanan",
    ),
    (
        "F6",
        "bencana",
        "butir",
        "",
        670,
        "Libatkan tokoh masyarakat",
        "mengidentifikasi dan memfasilitasi tokoh-tokoh masyarakat untuk membantu meneruskan kebijakan "
        "Pemerintah dan Pemerintah Daerah dalam rangka penanganan kejadian luar biasa dan bencana "
        "alam",
    ),
    (
        "F7",
        "bencana",
        "butir",
        "",
        680,
        "Hentikan/lanjutkan kegiatan",
        "memfasilitasi Pemerintah Desa untuk melakukan penghentian sementara dan/atau melanjutkan "
        "pelaksanaan kegiatan-kegiatan pembangunan dan Pemberdayaan Masyarakat Desa di lokasi kejadian "
        "luar biasa dan bencana, dengan tetap memperhatikan tingkat ancaman kejadian luar biasa atau "
        "bencana tersebut terhadap manusia maupun fasilitas publik Desa",
    ),
    (
        "F8",
        "bencana",
        "butir",
        "",
        690,
        "Mitigasi",
        "melakukan langkah mitigasi melalui kerja sama dengan berbagai pihak",
    ),
    (
        "F9",
        "bencana",
        "butir",
        "",
        700,
        "Lapor lewat Daily Report",
        "melaporkan pelaksanaan tugas TPP dalam penanganan kejadian luar biasa dan bencana melalui "
        "aplikasi Daily Report Pendamping Desa",
    ),
]


def muat(apps, schema_editor):
    Regulasi = apps.get_model("pendampingan", "Regulasi")
    Butir = apps.get_model("pendampingan", "Butir")
    regulasi, _ = Regulasi.objects.get_or_create(kode=REGULASI["kode"], defaults=REGULASI)
    simpan = {}
    for kode, tata_cara, jenis, induk, urutan, label, bunyi in BUTIR:
        simpan[kode], _ = Butir.objects.update_or_create(
            regulasi=regulasi,
            kode=kode,
            defaults={
                "tata_cara": tata_cara,
                "jenis": jenis,
                "induk": simpan[induk] if induk else None,
                "urutan": urutan,
                "label": label,
                "bunyi": bunyi,
            },
        )


def hapus(apps, schema_editor):
    Regulasi = apps.get_model("pendampingan", "Regulasi")
    Butir = apps.get_model("pendampingan", "Butir")
    Butir.objects.filter(regulasi__kode=REGULASI["kode"], induk__isnull=False).delete()
    Butir.objects.filter(regulasi__kode=REGULASI["kode"]).delete()
    Regulasi.objects.filter(kode=REGULASI["kode"]).delete()


class Migration(migrations.Migration):
    dependencies = [("pendampingan", "0011_regulasi_butir")]

    operations = [migrations.RunPython(muat, hapus)]
