"""Seed the reference data: the four scopes of fasilitasi with their lettered items (Kepmendes PDTT
40/2021, Bab II; DOMAIN.md E), the workflow templates, and the status indices with their bands.

Each stage is marked ``fakta`` (a rule of the cited regulation) or ``bawaan`` (a sensible default,
to be checked against local rules). Everything is editable in admin afterwards; re-running is safe
(get_or_create by natural key)."""

from django.db import migrations

LINGKUP = [
    (
        1,
        "Pembangunan Desa",
        [
            ("a", "Pendataan dan pemutakhiran data desa"),
            ("b", "Perencanaan partisipatif: Musdes, Musrenbangdes, RPJM Desa, RKP Desa, APB Desa"),
            ("c", "Pelaksanaan pembangunan: pengadaan, pencairan, pekerjaan, administrasi, pertanggungjawaban"),
            ("d", "Tata kelola keuangan desa: akuntabilitas dan transparansi"),
            ("e", "Pembangunan kawasan perdesaan: konektivitas, kerja sama antardesa"),
            ("f", "Peningkatan status perkembangan desa"),
            ("g", "Akuntabilitas dan transparansi melalui sistem informasi desa dan media (baliho, buletin, media sosial)"),
            ("h", "Penyusunan peraturan desa"),
        ],
    ),
    (
        2,
        "Pemberdayaan Masyarakat Desa",
        [
            ("a", "Kelembagaan kemasyarakatan desa, termasuk jejaring kerja sama"),
            ("b", "Kewirausahaan masyarakat: akses ekonomi produktif"),
            ("c", "Pendapatan masyarakat desa"),
            ("d", "Ruang publik dan lingkungan sosial"),
        ],
    ),
    (
        3,
        "Peningkatan Kapasitas dan Kaderisasi",
        [
            ("a", "Kesadaran, pengetahuan, sikap, keterampilan, dan perilaku"),
            ("b", "Kaderisasi melalui pelatihan dan pelibatan"),
            ("c", "Pembelajaran sosial dari praktik"),
        ],
    ),
    (
        4,
        "Ekonomi Lokal dan BUM Desa / BUM Desa Bersama",
        [
            ("a", "Pemetaan potensi ekonomi desa"),
            ("b", "Pemilihan bidang usaha"),
            ("c", "Pendirian dan pengembangan BUM Desa"),
            ("d", "Kapasitas pengelola BUM Desa"),
            ("e", "Pengelolaan unit usaha"),
            ("f", "Kerja sama usaha"),
            ("g", "Jejaring pemasaran"),
            ("h", "Konsolidasi produk dan jasa desa"),
            ("i", "Inkubasi usaha warga desa"),
            ("j", "Stimulasi kewirausahaan warga desa"),
            ("k", "Nilai tambah dari budaya, religiusitas, dan sumber daya alam"),
            ("l", "Nilai tambah aset desa dan pendapatan asli desa"),
        ],
    ),
]

P114 = "Permendagri 114/2014 tentang Pedoman Pembangunan Desa"
P20 = "Permendagri 20/2018 tentang Pengelolaan Keuangan Desa"
P111 = "Permendagri 111/2014 tentang Pedoman Teknis Peraturan di Desa"
PP11 = "PP 11/2021 tentang Badan Usaha Milik Desa"
UU3 = "UU 3/2024 (perubahan kedua UU 6/2014 tentang Desa)"
K40 = "Kepmendes PDTT 40/2021, Bab II (ruang lingkup fasilitasi)"

# A stage: (name, rule, milestone, "fakta"/"bawaan", source, [(document, required)])
# rule: None | ("tetap", month, day, year_shift) | ("kerja", n) | ("kalender", n)
TEMPLAT = [
    dict(
        kode="rkp-desa",
        nama="RKP Desa",
        butir=(1, "b"),
        masa=1,
        sebelum=1,
        sesudah=1,
        dasar_hukum=P114,
        keterangan="Rencana Kerja Pemerintah Desa tahun N, disusun mulai Juli dan ditetapkan paling lambat akhir September tahun N-1.",
        tahap=[
            ("Musdes pencermatan RPJM Desa", ("tetap", 6, 30, -1), False, "fakta", P114 + " (Musdes paling lambat bulan Juni)", [("Berita acara Musdes", True), ("Daftar hadir Musdes", False)]),
            ("Pembentukan tim penyusun RKP Desa", ("tetap", 7, 31, -1), False, "fakta", P114 + " (penyusunan dimulai bulan Juli)", [("SK Kepala Desa tentang tim penyusun RKP Desa", True)]),
            ("Pencermatan pagu indikatif dan program yang masuk ke desa", ("kerja", 10), False, "bawaan", P114, [("Data pagu indikatif desa", False)]),
            ("Pencermatan ulang RPJM Desa", ("kerja", 5), False, "bawaan", P114, [("Catatan hasil pencermatan RPJM Desa", False)]),
            ("Penyusunan rancangan RKP Desa (desain, RAB) dan daftar usulan ke pemerintah atasan", ("kerja", 10), False, "bawaan", P114, [("Rancangan RKP Desa", True), ("Desain dan RAB kegiatan", False)]),
            ("Musrenbangdes", ("kerja", 10), False, "bawaan", P114, [("Berita acara Musrenbangdes", True), ("Daftar hadir Musrenbangdes", False)]),
            ("Penyusunan rancangan akhir RKP Desa", ("kerja", 5), False, "bawaan", P114, [("Rancangan akhir RKP Desa", True)]),
            ("Penetapan RKP Desa dengan Perdes (bersama BPD)", ("tetap", 9, 30, -1), True, "fakta", P114 + " (ditetapkan paling lambat akhir September)", [("Perdes RKP Desa", True), ("Berita acara Musdes penetapan", False)]),
            ("Penyampaian daftar usulan RKP Desa ke pemerintah kabupaten/kota", ("kerja", 10), False, "bawaan", P114, [("Daftar usulan RKP Desa (DU-RKP Desa)", False)]),
        ],
    ),
    dict(
        kode="apb-desa",
        nama="APB Desa",
        butir=(1, "b"),
        masa=1,
        sebelum=1,
        sesudah=1,
        dasar_hukum=P20,
        keterangan="Anggaran tahun N (Januari–Desember), disepakati dengan BPD paling lambat Oktober dan ditetapkan paling lambat 31 Desember tahun N-1.",
        tahap=[
            ("Penyusunan rancangan Perdes APB Desa berdasarkan RKP Desa", None, False, "fakta", P20, [("Rancangan Perdes APB Desa", True)]),
            ("Pembahasan dan kesepakatan bersama dengan BPD", ("tetap", 10, 31, -1), False, "fakta", P20 + " (disepakati paling lambat bulan Oktober)", [("Berita acara kesepakatan bersama Kepala Desa dan BPD", True)]),
            ("Penyampaian ke Bupati/Wali Kota melalui Camat", ("kalender", 3), False, "fakta", P20 + " (paling lambat 3 hari sejak disepakati)", [("Surat pengantar penyampaian rancangan APB Desa", True)]),
            ("Evaluasi oleh Bupati/Wali Kota (atau Camat)", ("kerja", 20), False, "fakta", P20 + " (evaluasi paling lama 20 hari kerja)", [("Hasil evaluasi rancangan APB Desa", True)]),
            ("Penyempurnaan sesuai hasil evaluasi", ("kerja", 7), False, "fakta", P20 + " (penyempurnaan paling lama 7 hari kerja)", [("Rancangan APB Desa hasil penyempurnaan", False)]),
            ("Penetapan Perdes APB Desa", ("tetap", 12, 31, -1), True, "fakta", P20 + " (ditetapkan paling lambat 31 Desember)", [("Perdes APB Desa", True), ("Perkades penjabaran APB Desa", False)]),
            ("Publikasi APB Desa (baliho/papan informasi)", ("kerja", 10), False, "bawaan", P20 + " (informasi APB Desa kepada masyarakat)", [("Foto baliho APB Desa", False)]),
        ],
    ),
    dict(
        kode="rpjm-desa",
        nama="RPJM Desa",
        butir=(1, "b"),
        masa=8,
        sebelum=8,
        sesudah=1,
        dasar_hukum=P114 + "; " + UU3,
        keterangan="Rencana pembangunan jangka menengah untuk masa jabatan kepala desa (8 tahun sejak UU 3/2024). Tahun kasus = tahun pertama periode.",
        tahap=[
            ("Pembentukan tim penyusun RPJM Desa", None, False, "fakta", P114, [("SK Kepala Desa tentang tim penyusun RPJM Desa", True)]),
            ("Penyelarasan arah kebijakan pembangunan kabupaten/kota", ("kerja", 10), False, "bawaan", P114, [("Catatan penyelarasan", False)]),
            ("Pengkajian keadaan desa (data desa, sketsa, kalender musim)", ("kerja", 15), False, "fakta", P114, [("Laporan pengkajian keadaan desa", True)]),
            ("Musdes penyusunan rencana pembangunan desa", ("kerja", 10), False, "fakta", P114, [("Berita acara Musdes", True)]),
            ("Penyusunan rancangan RPJM Desa", ("kerja", 15), False, "fakta", P114, [("Rancangan RPJM Desa", True)]),
            ("Musrenbangdes RPJM Desa", ("kerja", 10), False, "fakta", P114, [("Berita acara Musrenbangdes", True)]),
            ("Penetapan Perdes RPJM Desa", None, True, "fakta", P114 + " (paling lambat 3 bulan sejak kepala desa dilantik)", [("Perdes RPJM Desa", True)]),
        ],
    ),
    dict(
        kode="rpjm-desa-8-tahun",
        nama="Perubahan RPJM Desa menjadi 8 tahun",
        butir=(1, "b"),
        masa=8,
        sebelum=3,
        sesudah=1,
        dasar_hukum=UU3,
        keterangan="Menyesuaikan RPJM Desa yang berjalan dengan masa jabatan kepala desa 8 tahun (UU 3/2024).",
        tahap=[
            ("Kajian perpanjangan masa jabatan dan RPJM Desa yang berjalan", None, False, "bawaan", UU3, [("SK perpanjangan masa jabatan kepala desa", True)]),
            ("Musdes perubahan RPJM Desa", ("kerja", 15), False, "bawaan", P114, [("Berita acara Musdes", True)]),
            ("Penyusunan rancangan perubahan RPJM Desa (tambahan tahun)", ("kerja", 15), False, "bawaan", P114, [("Rancangan perubahan RPJM Desa", True)]),
            ("Pembahasan dan kesepakatan dengan BPD", ("kerja", 10), False, "bawaan", P111, [("Berita acara kesepakatan", True)]),
            ("Penetapan Perdes perubahan RPJM Desa", ("kalender", 15), True, "fakta", P111 + " (ditetapkan paling lambat 15 hari sejak diterima)", [("Perdes perubahan RPJM Desa", True)]),
            ("Penyesuaian RKP Desa tahun berikutnya", None, False, "bawaan", P114, []),
        ],
    ),
    dict(
        kode="pelaksanaan-kegiatan",
        nama="Pelaksanaan kegiatan pembangunan desa",
        butir=(1, "c"),
        masa=1,
        sebelum=1,
        sesudah=1,
        dasar_hukum=P20 + "; Perka LKPP 12/2019 (pengadaan di desa)",
        keterangan="Satu kegiatan dalam APB Desa, dari pengadaan sampai serah terima. Dana Desa disalurkan dua tahap (40/60; 60/40 untuk Desa Mandiri).",
        tahap=[
            ("Pengadaan (swakelola atau penyedia)", None, False, "fakta", "Perka LKPP 12/2019", [("Dokumen persiapan pengadaan (RAB, spesifikasi)", True), ("Berita acara hasil pengadaan", False)]),
            ("Pencairan dana", ("kerja", 10), False, "bawaan", P20, [("Surat permintaan pembayaran (SPP)", True)]),
            ("Pelaksanaan pekerjaan", ("kalender", 90), False, "bawaan", P20, [("Foto progres 0-50-100%", True), ("Laporan kemajuan pekerjaan", False)]),
            ("Administrasi (pembukuan, buku kas)", ("kerja", 10), False, "bawaan", P20, [("Buku kas pembantu kegiatan", True)]),
            ("Pertanggungjawaban dan serah terima", ("kerja", 10), True, "fakta", P20, [("Laporan pertanggungjawaban kegiatan", True), ("Berita acara serah terima hasil pekerjaan", True)]),
        ],
    ),
    dict(
        kode="pendirian-bumdes",
        nama="Pendirian BUM Desa",
        butir=(4, "c"),
        masa=1,
        sebelum=1,
        sesudah=2,
        dasar_hukum=PP11 + "; Permendesa PDTT 3/2021",
        keterangan="Dari pemetaan potensi sampai BUM Desa berbadan hukum dan beroperasi.",
        tahap=[
            ("Pemetaan potensi ekonomi desa", None, False, "bawaan", K40 + " (E4a)", [("Hasil pemetaan potensi ekonomi", True)]),
            ("Pemilihan bidang usaha (kajian kelayakan)", ("kerja", 20), False, "bawaan", K40 + " (E4b)", [("Kajian kelayakan usaha", False)]),
            ("Musdes pendirian BUM Desa", ("kerja", 20), False, "fakta", PP11 + " (pendirian disepakati melalui Musdes)", [("Berita acara Musdes pendirian BUM Desa", True)]),
            ("Penyusunan AD/ART dan penetapan pengurus", ("kerja", 10), False, "fakta", PP11, [("Anggaran dasar", True), ("Anggaran rumah tangga", True)]),
            ("Penetapan Perdes pendirian BUM Desa", ("kerja", 15), True, "fakta", PP11 + " (pendirian ditetapkan dengan Perdes)", [("Perdes pendirian BUM Desa", True)]),
            ("Pendaftaran badan hukum (Kementerian Hukum)", ("kerja", 20), False, "fakta", PP11 + " (badan hukum melalui pendaftaran)", [("Sertifikat pendaftaran badan hukum", True)]),
            ("Penyertaan modal desa", None, False, "bawaan", PP11, [("Perdes penyertaan modal", False)]),
            ("Operasional awal unit usaha", None, False, "bawaan", K40 + " (E4e)", [("Laporan operasional awal", False)]),
        ],
    ),
    dict(
        kode="pengembangan-bumdes",
        nama="Pengembangan BUM Desa",
        butir=(4, "c"),
        masa=1,
        sebelum=1,
        sesudah=1,
        dasar_hukum=PP11,
        keterangan="Satu siklus tahunan menumbuhkan BUM Desa yang sudah berjalan.",
        tahap=[
            ("Evaluasi kinerja dan laporan tahunan", None, False, "bawaan", PP11, [("Laporan keuangan tahunan BUM Desa", True)]),
            ("Peningkatan kapasitas pengelola", ("kerja", 20), False, "bawaan", K40 + " (E4d)", [("Daftar hadir pelatihan", False)]),
            ("Pengembangan unit usaha", ("kerja", 30), False, "bawaan", K40 + " (E4e)", [("Rencana pengembangan unit usaha", False)]),
            ("Kerja sama usaha dan jejaring pemasaran", ("kerja", 30), False, "bawaan", K40 + " (E4f, E4g)", [("Naskah kerja sama", False)]),
            ("Musdes laporan pertanggungjawaban dan rencana program kerja", ("kerja", 20), True, "fakta", PP11 + " (pertanggungjawaban melalui Musdes)", [("Berita acara Musdes", True), ("Rencana program kerja", True)]),
            ("Kontribusi ke Pendapatan Asli Desa", None, False, "bawaan", K40 + " (E4l)", [("Bukti setoran hasil usaha ke kas desa", False)]),
        ],
    ),
    dict(
        kode="perdes",
        nama="Peraturan Desa (Perdes)",
        butir=(1, "h"),
        masa=1,
        sebelum=1,
        sesudah=1,
        dasar_hukum=P111,
        keterangan="Penyusunan satu peraturan desa, dari rancangan sampai diundangkan dan disebarluaskan.",
        tahap=[
            ("Penyusunan rancangan Perdes (oleh Kepala Desa atau usul BPD)", None, False, "fakta", P111, [("Rancangan Perdes", True)]),
            ("Konsultasi kepada masyarakat", ("kerja", 10), False, "fakta", P111, [("Catatan hasil konsultasi", False)]),
            ("Pembahasan bersama BPD", ("kerja", 10), False, "fakta", P111, [("Berita acara pembahasan", False)]),
            ("Kesepakatan bersama Kepala Desa dan BPD", ("kerja", 5), False, "fakta", P111, [("Berita acara kesepakatan", True)]),
            ("Penyampaian oleh pimpinan BPD kepada Kepala Desa", ("kalender", 7), False, "fakta", P111 + " (paling lambat 7 hari sejak kesepakatan)", [("Surat penyampaian", False)]),
            ("Penetapan oleh Kepala Desa", ("kalender", 15), True, "fakta", P111 + " (paling lambat 15 hari sejak diterima)", [("Perdes yang ditandatangani", True)]),
            ("Pengundangan dalam Lembaran Desa dan penyebarluasan", ("kerja", 5), False, "fakta", P111, [("Lembaran Desa", False)]),
        ],
    ),
    dict(
        kode="pemutakhiran-data-desa",
        nama="Pemutakhiran data desa (IDM / Indeks Desa / SDGs Desa)",
        butir=(1, "a"),
        masa=1,
        sebelum=1,
        sesudah=1,
        dasar_hukum="Permendesa PDTT 21/2020 (SDGs Desa); Permendesa PDT 9/2024 (Indeks Desa)",
        keterangan="Satu putaran pendataan dan pemutakhiran data desa.",
        tahap=[
            ("Pembentukan tim pendataan desa", None, False, "bawaan", "Permendesa PDTT 21/2020", [("SK tim pendataan desa", True)]),
            ("Pelatihan pendata dan kader", ("kerja", 10), False, "bawaan", "Permendesa PDTT 21/2020", [("Daftar hadir pelatihan", False)]),
            ("Pengumpulan data (survei rumah tangga dan desa)", ("kerja", 30), False, "bawaan", "Permendesa PDTT 21/2020", [("Rekap kuesioner", False)]),
            ("Validasi dan verifikasi data", ("kerja", 10), False, "bawaan", "Permendesa PDTT 21/2020", [("Berita acara validasi", True)]),
            ("Musdes pengesahan data", ("kerja", 10), True, "bawaan", "Permendesa PDTT 21/2020", [("Berita acara Musdes pengesahan data", True)]),
            ("Input ke aplikasi Kementerian", ("kerja", 10), False, "bawaan", "Permendesa PDT 9/2024", [("Tangkapan layar status input", False)]),
        ],
    ),
    dict(
        kode="peningkatan-status-desa",
        nama="Peningkatan status desa",
        butir=(1, "f"),
        masa=1,
        sebelum=1,
        sesudah=1,
        dasar_hukum="Permendesa PDTT 2/2016 (IDM); Permendesa PDT 9/2024 (Indeks Desa)",
        keterangan="Menaikkan status perkembangan desa: dari analisis dimensi terlemah sampai evaluasi indeks tahun berikutnya.",
        tahap=[
            ("Analisis status dan dimensi/indikator terlemah", None, False, "bawaan", K40 + " (E1f)", [("Catatan analisis indeks desa", True)]),
            ("Rekomendasi intervensi bersama pemerintah desa", ("kerja", 10), False, "bawaan", K40 + " (E1f)", [("Rekomendasi intervensi", False)]),
            ("Integrasi intervensi ke RKP Desa dan APB Desa", None, False, "bawaan", P114, [("Kutipan RKP/APB Desa", False)]),
            ("Pelaksanaan kegiatan intervensi", None, False, "bawaan", K40 + " (E1f)", []),
            ("Pemantauan dan pemutakhiran indikator", None, False, "bawaan", K40 + " (E1f)", []),
            ("Evaluasi status pada indeks tahun berikutnya", None, True, "bawaan", K40 + " (E1f)", [("Hasil indeks tahun berikutnya", False)]),
        ],
    ),
]

IDM_SUMBER = "Permendesa PDTT 2/2016 tentang Indeks Desa Membangun"
INDEKS = [
    dict(
        kode="idm",
        nama="Indeks Desa Membangun (IDM)",
        skor_maks="1",
        dasar_hukum=IDM_SUMBER,
        ambang=[
            (2016, [("Sangat Tertinggal", "0.4907"), ("Tertinggal", "0.5989"), ("Berkembang", "0.7072"), ("Maju", "0.8155"), ("Mandiri", None)]),
        ],
    ),
    # The newer index keeps the five names over six dimensions; its thresholds are entered in
    # admin once the ministry publishes them for a year (until then the CSV must carry the status).
    dict(kode="indeks-desa", nama="Indeks Desa", skor_maks="100", dasar_hukum="Permendesa PDT 9/2024 tentang Indeks Desa", ambang=[]),
]


def seed(apps, schema_editor):
    RuangLingkup = apps.get_model("fasilitasi", "RuangLingkup")
    Butir = apps.get_model("fasilitasi", "ButirFasilitasi")
    Templat = apps.get_model("fasilitasi", "TemplatAlur")
    Tahap = apps.get_model("fasilitasi", "TahapTemplat")
    Dokumen = apps.get_model("fasilitasi", "DokumenTahapTemplat")
    Indeks = apps.get_model("fasilitasi", "IndeksStatus")
    Ambang = apps.get_model("fasilitasi", "AmbangStatus")

    butir = {}
    for nomor, nama, items in LINGKUP:
        rl, _c = RuangLingkup.objects.get_or_create(nomor=nomor, defaults={"nama": nama})
        for huruf, uraian in items:
            b, _c = Butir.objects.get_or_create(
                ruang_lingkup=rl, huruf=huruf, defaults={"uraian": uraian}
            )
            butir[(nomor, huruf)] = b

    for t in TEMPLAT:
        templat, dibuat = Templat.objects.get_or_create(
            kode=t["kode"],
            defaults=dict(
                nama=t["nama"],
                butir=butir[t["butir"]],
                masa_tahun=t["masa"],
                tahun_sebelum=t["sebelum"],
                tahun_sesudah=t["sesudah"],
                dasar_hukum=t["dasar_hukum"],
                keterangan=t["keterangan"],
            ),
        )
        if not dibuat:
            continue
        for urutan, (nama, aturan, tonggak, dasar, sumber, dokumen) in enumerate(t["tahap"], 1):
            kw = {}
            if aturan and aturan[0] == "tetap":
                kw = dict(jenis_tenggat="tanggal_tetap", tenggat_bulan=aturan[1], tenggat_hari=aturan[2], tenggat_geser_tahun=aturan[3])
            elif aturan and aturan[0] == "kerja":
                kw = dict(jenis_tenggat="hari_kerja", tenggat_jumlah_hari=aturan[1])
            elif aturan and aturan[0] == "kalender":
                kw = dict(jenis_tenggat="hari_kalender", tenggat_jumlah_hari=aturan[1])
            tahap = Tahap.objects.create(
                templat=templat, urutan=urutan, nama=nama, tonggak=tonggak, dasar=dasar, sumber=sumber, **kw
            )
            for i, (nama_dok, wajib) in enumerate(dokumen):
                Dokumen.objects.create(tahap=tahap, nama=nama_dok, wajib=wajib, urutan=i)

    for ind in INDEKS:
        indeks, _c = Indeks.objects.get_or_create(
            kode=ind["kode"],
            defaults=dict(nama=ind["nama"], skor_maks=ind["skor_maks"], dasar_hukum=ind["dasar_hukum"]),
        )
        for tahun, bands in ind["ambang"]:
            for urutan, (nama, batas) in enumerate(bands, 1):
                Ambang.objects.get_or_create(
                    indeks=indeks,
                    berlaku_mulai=tahun,
                    urutan=urutan,
                    defaults=dict(nama=nama, batas_atas=batas, dasar="fakta", sumber=ind["dasar_hukum"]),
                )


class Migration(migrations.Migration):
    dependencies = [("fasilitasi", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
