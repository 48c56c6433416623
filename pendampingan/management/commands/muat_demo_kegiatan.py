"""Demo daily log for the demo accounts of ``muat_demo``: the last ~45 days of entries of the PLDs
and PDs of the first three kecamatan of the demo kabupaten, written THROUGH the entry services
(create → submit → verify/return), so the checklist, the events, the follow-ups of pengarahan
commitments and the messages are the real ones. Refused in production; run once (skipped when
the demo PD of the first kecamatan already has entries)."""

import datetime
import random
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from pendampingan.kegiatan import services
from pendampingan.kegiatan.butir import butir_ditawarkan, butir_saran
from pendampingan.models import (
    BidangPendampingan,
    Jabatan,
    JenisPenugasan,
    Kegiatan,
    LembagaDesa,
    NilaiPrinsip,
    Pendamping,
    Prinsip,
    PrioritasDanaDesa,
    StatusTindakLanjut,
    TataCara,
    Tingkat,
    TujuanSdgs,
    Wilayah,
)
from pendampingan.models.pilihan import JenisSasaran
from pendampingan.services import tindak_lanjut_selesaikan

HARI = 45

# (tata cara, judul, uraian, hasil, sdgs, butir): the butir the activity served besides the one
# its tata cara or asistensi stage suggests. Each desa leaves about a third of these out
# (``_butir_desa``), so the coverage matrix shows butir that a desa never got.
CONTOH = [
    (
        TataCara.ASISTENSI,
        "Asistensi penyusunan RKP Desa",
        "Mendampingi sekretaris desa menyusun rancangan RKP Desa berdasarkan hasil musdes.",
        "Draf RKP Desa bab kegiatan prioritas selesai disusun.",
        [1, 18],
        ("BD2", "BD3", "E1b"),
    ),
    (
        TataCara.ASISTENSI,
        "Asistensi pencatatan BUMDes",
        "Membantu pengurus BUMDes merapikan buku kas dan laporan usaha bulanan.",
        "Buku kas BUMDes tiga bulan terakhir sudah direkonsiliasi.",
        [8, 9],
        ("E4e", "E4d", "BD5"),
    ),
    (
        TataCara.ASISTENSI,
        "Pendampingan pendataan SDGs Desa",
        "Mendampingi kader desa memutakhirkan data keluarga untuk SDGs Desa.",
        "Data 40 keluarga di RW 02 dimutakhirkan.",
        [1, 2, 3],
        ("BD1", "E1a"),
    ),
    (
        TataCara.PENGORGANISASIAN,
        "Pertemuan kelompok tani",
        "Mengorganisasi pertemuan kelompok tani membahas jadwal tanam dan pupuk bersubsidi.",
        "Disepakati jadwal tanam serentak dan daftar kebutuhan pupuk.",
        [2, 12],
        ("C3", "C6", "E2b"),
    ),
    (
        TataCara.PENGORGANISASIAN,
        "Rembug warga posyandu",
        "Memfasilitasi kader posyandu dan ibu balita membahas pencegahan stunting.",
        "Kader sepakat menambah jadwal kunjungan rumah balita berisiko.",
        [2, 3, 5],
        ("C3", "C1", "E2a"),
    ),
    (
        TataCara.PENGARAHAN,
        "Pengarahan kepada kepala desa tentang APB Desa",
        "Memberi pengarahan tentang penyesuaian APB Desa dengan prioritas Dana Desa tahun ini.",
        "Kepala desa memahami pos yang harus disesuaikan.",
        [16, 18],
        ("E1d",),
    ),
    (
        TataCara.PENGARAHAN,
        "Pengarahan TPK tentang swakelola",
        "Memberi pengarahan kepada TPK tentang pengadaan swakelola dan padat karya tunai.",
        "TPK menyiapkan dokumen persiapan pengadaan.",
        [8, 9],
        ("E1c",),
    ),
    (
        TataCara.FASILITASI,
        "Fasilitasi musyawarah desa",
        "Memfasilitasi musyawarah desa perencanaan bersama BPD dan unsur masyarakat.",
        "Berita acara musdes ditandatangani; 12 usulan prioritas disepakati.",
        [16, 17, 18],
        ("E1b", "BD7"),
    ),
    (
        TataCara.FASILITASI,
        "Fasilitasi evaluasi APB Desa di kecamatan",
        "Mendampingi perangkat desa mengikuti evaluasi rancangan APB Desa di kantor kecamatan.",
        "Catatan evaluasi diterima dan akan ditindaklanjuti desa.",
        [16],
        ("E1d", "E1g"),
    ),
]

KOMITMEN = [
    ("Menyampaikan revisi APB Desa ke kecamatan", "Sekretaris Desa"),
    ("Menyusun RAB padat karya tunai", "Ketua TPK"),
    ("Mengumumkan APB Desa di papan informasi desa", "Kaur Perencanaan"),
    ("Menyerahkan laporan realisasi tahap I", "Kaur Keuangan"),
]

CATATAN_KEMBALI = [
    "Jumlah peserta perempuan belum diisi dengan benar; mohon dicek daftar hadir.",
    "Uraian terlalu singkat: tuliskan masalah yang ditemui dan solusinya.",
    "Tanggal kegiatan tidak sesuai dengan undangan musyawarah; mohon diperbaiki.",
]


def _butir_desa(tempat, saran, tambahan):
    """The suggestion plus the example's other butir, less the ones this desa never gets (a third
    of them, the same for the desa on every run); the first one is kept so every entry has one."""
    tolak = random.Random(tempat.kode)
    kode = [k for k in tambahan if tolak.random() >= 0.34]
    ada = {b.kode for b in saran}
    lain = list(butir_ditawarkan().filter(kode__in=[k for k in kode if k not in ada]))
    hasil = list(saran) + lain
    if not hasil:
        hasil = list(butir_ditawarkan().filter(kode=tambahan[0]))
    return hasil


class Command(BaseCommand):
    help = (
        "Muat catatan harian demo ±45 hari terakhir untuk PLD dan PD tiga kecamatan pertama "
        "(lewat layanan kegiatan: draf, diajukan, diverifikasi, dikembalikan, tindak lanjut)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--kabupaten", default="33.01", help="Kode kabupaten demo (bawaan: 33.01 Cilacap)."
        )

    def handle(self, *args, kabupaten, **opts):
        if "production" in (settings.SETTINGS_MODULE or ""):
            raise CommandError("muat_demo_kegiatan ditolak di lingkungan produksi.")
        kecamatan = list(
            Wilayah.objects.filter(induk__kode=kabupaten, tingkat=Tingkat.KECAMATAN).order_by(
                "kode"
            )[:3]
        )
        pd = list(
            Pendamping.objects.filter(
                jabatan=Jabatan.PD,
                penugasan__wilayah__in=kecamatan,
                penugasan__jenis=JenisPenugasan.SUPERVISI,
                user__username__startswith="pd",
            )
            .select_related("user")
            .distinct()
            .order_by("user__username")
        )
        if not pd:
            raise CommandError("Akun demo belum ada. Jalankan dulu: manage.py muat_demo")
        if Kegiatan.objects.filter(pendamping__in=pd).exists():
            self.stdout.write("Catatan harian demo sudah dimuat; dilewati.")
            return
        mulai = time.monotonic()
        self.terkunci = 0
        jumlah = self._muat(kecamatan, pd)
        self.stdout.write(
            self.style.SUCCESS(
                f"Catatan harian demo dimuat: {jumlah} kegiatan "
                f"({time.monotonic() - mulai:.1f} detik)."
            )
        )
        if self.terkunci:
            self.stdout.write(
                f"{self.terkunci} hari-orang dilewati karena bulannya sudah dikunci (laporan bulanan)."
            )

    def _buka_bulan(self, pendamping, tanggal, pemeriksa):
        """A closed month is reopened the way a supervisor would (recorded, with a reason), so the
        demo has the last weeks of entries whatever day of the month it is loaded on."""
        from pendampingan import registry

        kunci = (pendamping.pk, tanggal.replace(day=1))
        dibuka = self.__dict__.setdefault("_dibuka", set())
        if kunci in dibuka:
            return
        dibuka.add(kunci)
        for buka in registry.pembuka_kunci_kegiatan.values():
            try:
                buka(
                    user=pemeriksa,
                    pendamping=pendamping,
                    tanggal=tanggal,
                    alasan="Data demo: bulan dibuka untuk memuat catatan contoh.",
                )
            except (ValidationError, PermissionDenied):
                pass  # not reopenable by this supervisor: the days are skipped and counted

    @transaction.atomic
    def _muat(self, kecamatan, pd_list):
        acak = random.Random(3301)
        hari_ini = timezone.localdate()
        tapm = get_user_model().objects.filter(username="tapm").first()
        prinsip = list(Prinsip.objects.filter(aktif=True))
        sdgs = {t.nomor: t for t in TujuanSdgs.objects.all()}
        bidang = list(BidangPendampingan.objects.filter(aktif=True))
        lembaga = list(LembagaDesa.objects.filter(aktif=True))
        prioritas = list(PrioritasDanaDesa.objects.filter(tahun=hari_ini.year, aktif=True))
        pd_kec = {}
        for p in pd_list:
            kode = p.penugasan.filter(jenis=JenisPenugasan.SUPERVISI).values_list(
                "wilayah__kode", flat=True
            )
            pd_kec.update({k: p for k in kode})

        # PLD → (their villages, their PD)
        orang = []
        for kec in kecamatan:
            pd = pd_kec.get(kec.kode)
            pld = (
                Pendamping.objects.filter(
                    jabatan=Jabatan.PLD,
                    penugasan__wilayah__induk=kec,
                    penugasan__jenis=JenisPenugasan.LAPANGAN,
                )
                .select_related("user")
                .distinct()
                .order_by("user__username")
            )
            for p in pld:
                desa = list(
                    Wilayah.objects.filter(
                        penugasan__pendamping=p, penugasan__jenis=JenisPenugasan.LAPANGAN
                    ).order_by("kode")
                )
                orang.append((p, desa, pd.user if pd else None, (2, 4)))
            if pd is not None:
                orang.append((pd, [kec], tapm, (1, 2)))

        hari = [
            hari_ini - datetime.timedelta(days=d)
            for d in range(HARI, -1, -1)
            if (hari_ini - datetime.timedelta(days=d)).weekday() < 5
        ]
        jumlah = 0
        for pendamping, tempat, pemeriksa, (sedikit, banyak) in orang:
            user = pendamping.user
            for tanggal in hari:
                umur = (hari_ini - tanggal).days
                contoh = Kegiatan(pendamping=pendamping, wilayah=tempat[0], tanggal=tanggal)
                if services.alasan_kunci_registry(contoh) and pemeriksa is not None:
                    self._buka_bulan(pendamping, tanggal, pemeriksa)
                if services.alasan_kunci_registry(contoh):
                    self.terkunci += 1
                    continue  # a closed month (monthly lock): no entry can be written there
                for urut in range(acak.randint(sedikit, banyak)):
                    k = self._satu(
                        acak=acak,
                        user=user,
                        tanggal=tanggal,
                        urut=urut,
                        tempat=acak.choice(tempat),
                        prinsip=prinsip,
                        sdgs=sdgs,
                        bidang=bidang,
                        lembaga=lembaga,
                        prioritas=prioritas,
                        ajukan=umur > 0,
                    )
                    jumlah += 1
                    if umur == 0 or pemeriksa is None:
                        continue  # today's entries stay drafts
                    if umur <= 4 or acak.random() < 0.08:
                        continue  # waiting for the supervisor
                    if acak.random() < 0.05:
                        services.kegiatan_kembalikan(
                            kegiatan=k, user=pemeriksa, catatan=acak.choice(CATATAN_KEMBALI)
                        )
                    else:
                        services.kegiatan_verifikasi(kegiatan=k, user=pemeriksa)
        return jumlah

    def _satu(
        self,
        *,
        acak,
        user,
        tanggal,
        urut,
        tempat,
        prinsip,
        sdgs,
        bidang,
        lembaga,
        prioritas,
        ajukan,
    ):
        tata_cara, judul, uraian, hasil, tujuan, tambahan = acak.choice(CONTOH)
        jam = 8 + urut * 2 + acak.randint(0, 1)
        laki, perempuan = acak.randint(2, 25), acak.randint(1, 25)
        if tata_cara == TataCara.ASISTENSI:
            laki, perempuan = acak.randint(1, 3), acak.randint(0, 2)
        nilai = {}
        for p in prinsip:
            r = acak.random()
            if r < 0.85:
                nilai[p.pk] = (NilaiPrinsip.DIJUNJUNG, "")
            elif r < 0.97:
                nilai[p.pk] = (NilaiPrinsip.TIDAK_RELEVAN, "")
            else:
                nilai[p.pk] = (
                    NilaiPrinsip.TIDAK_DIJUNJUNG,
                    "Sebagian warga belum diundang; akan diperbaiki pada pertemuan berikutnya.",
                )
        asistensi = pengarahan = None
        if tata_cara == TataCara.ASISTENSI:
            if lembaga and acak.random() < 0.7:
                asistensi = {
                    "jenis_sasaran": JenisSasaran.LEMBAGA,
                    "lembaga": acak.choice(lembaga),
                    "bidang": acak.choice(bidang),
                }
            else:
                asistensi = {
                    "jenis_sasaran": JenisSasaran.PERORANGAN,
                    "nama_sasaran": acak.choice(["Bu Sumiyati", "Pak Karsono", "Mbak Ratna"]),
                    "bidang": acak.choice(bidang),
                }
        elif tata_cara == TataCara.PENGARAHAN:
            pengarahan = {
                "bidang": acak.choice(bidang),
                "prioritas": acak.choice(prioritas) if prioritas else None,
                "penerima": acak.choice(["Kepala Desa", "Sekretaris Desa", "Ketua TPK", "BPD"]),
            }
            if acak.random() < 0.7:
                isi, pelaksana = acak.choice(KOMITMEN)
                pengarahan.update(
                    komitmen=isi,
                    komitmen_pelaksana=pelaksana,
                    komitmen_jatuh_tempo=tanggal + datetime.timedelta(days=acak.randint(5, 21)),
                )
        hasil_simpan = services.kegiatan_buat(
            user=user,
            data={
                "wilayah": tempat,
                "tanggal": tanggal,
                "jam_mulai": datetime.time(jam, 0),
                "jam_selesai": datetime.time(jam + 1, 30),
                "tata_cara": tata_cara,
                "judul": f"{judul} — {tempat.nama}",
                "uraian": uraian,
                "masalah": "Sebagian peserta datang terlambat." if acak.random() < 0.3 else "",
                "solusi": "",
                "hasil": hasil,
                "peserta_laki": laki,
                "peserta_perempuan": perempuan,
            },
            sdgs=[sdgs[n] for n in tujuan if n in sdgs],
            prinsip=nilai,
            asistensi=asistensi,
            pengarahan=pengarahan,
            butir=_butir_desa(
                tempat,
                butir_saran(tata_cara=tata_cara, bidang=asistensi["bidang"] if asistensi else None),
                tambahan,
            ),
            ajukan=ajukan,
        )
        k = hasil_simpan.kegiatan
        tl = getattr(getattr(k, "pengarahan", None), "tindak_lanjut", None) if pengarahan else None
        # about half of the commitments due before today have been done; the rest are overdue
        if (
            tl is not None
            and tl.status == StatusTindakLanjut.TERBUKA
            and tl.jatuh_tempo < timezone.localdate()
            and acak.random() < 0.5
        ):
            tindak_lanjut_selesaikan(
                tindak_lanjut=tl, catatan="Sudah dilaksanakan; bukti dicek saat kunjungan."
            )
        return k
