"""Demo complaints for the demo accounts of ``muat_demo``, in the first desa of a PLD, in every
state a newcomer should see: one overdue for verification, one being handled with a public reply,
one settled by musyawarah with a follow-up, a rahasia one, and one about the facilitator (visible to
the supervisor only). Written through the services; refused in production; run once."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from pendampingan.models import JenisPenugasan

from ... import pemberitahuan, services
from ...models import JenisPengaduan, Kategori, Pengaduan, Saluran, StatusPengaduan

S = StatusPengaduan
JUDUL = [
    "Jalan usaha tani di Dusun Krajan rusak",
    "BLT Dana Desa belum diterima tiga keluarga",
    "Papan informasi APB Desa tidak dipasang",
    "Dugaan pungutan dalam pengurusan surat",
    "Pendamping jarang hadir di desa",
]


class Command(BaseCommand):
    help = "Muat contoh pengaduan untuk akun demo (PLD pld001 dan pengawasnya)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="pld001", help="PLD yang menangani contoh.")

    def handle(self, *args, username, **opts):
        if "production" in (settings.SETTINGS_MODULE or ""):
            raise CommandError("muat_demo_pengaduan ditolak di lingkungan produksi.")
        user = get_user_model().objects.filter(username=username).first()
        pld = getattr(user, "pendamping", None) if user else None
        if pld is None:
            raise CommandError(f"Akun {username} belum ada. Jalankan dulu: manage.py muat_demo")
        tugas = (
            pld.penugasan.filter(jenis=JenisPenugasan.LAPANGAN)
            .select_related("wilayah")
            .order_by("wilayah_id")
            .first()
        )
        if tugas is None:
            raise CommandError(f"{username} tidak punya desa tugas.")
        desa = tugas.wilayah
        if Pengaduan.objects.filter(wilayah=desa, judul__in=JUDUL).exists():
            self.stdout.write("Contoh pengaduan sudah dimuat; dilewati.")
            return
        hasil = self._muat(desa, pld)
        self.stdout.write(self.style.SUCCESS(f"Contoh pengaduan di {desa.nama}:"))
        for p in hasil:
            self.stdout.write(f"  {p.kode}  {p.get_status_display():<14} {p.judul}")
        self.stdout.write("Halaman status publik: /pengaduan/status/?kode=<kode>")

    @transaction.atomic
    def _muat(self, desa, pld):
        pengawas = pemberitahuan.pengawas_terdekat(Pengaduan(wilayah=desa, wilayah_id=desa.kode))
        if not pengawas:
            raise CommandError(f"Tidak ada pengawas untuk {desa.nama}.")
        sup = pengawas[0].user
        kat = {k.kode: k for k in Kategori.objects.all()}
        sekarang = timezone.now()

        def terima(judul, kategori, isi, hari_lalu=0, **kw):
            return services.pengaduan_terima(
                jenis=kw.pop("jenis", JenisPengaduan.PENGADUAN),
                kategori=kat[kategori],
                wilayah=desa,
                judul=judul,
                isi=isi,
                diterima_pada=sekarang - datetime.timedelta(days=hari_lalu),
                **kw,
            )

        a = terima(
            JUDUL[0],
            "pembangunan",
            "Jalan rabat beton yang dibangun tahun lalu sudah retak dan berlubang.",
            hari_lalu=8,
            pelapor_nama="Warga Dusun Krajan",
        )
        b = terima(
            JUDUL[1],
            "bansos-blt",
            "Tiga keluarga di RT 02 belum menerima BLT bulan ini.",
            hari_lalu=2,
            saluran=Saluran.WHATSAPP,
            dicatat_oleh=pld,
            pelapor_nama="Ibu Sumarni",
            pelapor_telepon="081200000001",
        )
        services.pengaduan_verifikasi(pengaduan=b, user=sup, keputusan=S.DIVERIFIKASI)
        services.pengaduan_tugaskan(pengaduan=b, user=sup, penangan=pld)
        services.pengaduan_balas(
            pengaduan=b,
            user=pld.user,
            isi="Kami sudah mencocokkan data penerima dengan pemerintah desa; musyawarah dijadwalkan.",
            publik=True,
        )
        c = terima(
            JUDUL[2],
            "dana-desa",
            "Warga tidak tahu besaran APB Desa tahun ini karena baliho tidak dipasang.",
            hari_lalu=4,
            jenis=JenisPengaduan.INFORMASI,
            anonim=False,
            pelapor_nama="Karang Taruna",
        )
        services.pengaduan_verifikasi(pengaduan=c, user=sup, keputusan=S.DIVERIFIKASI)
        services.pengaduan_tugaskan(pengaduan=c, user=sup, penangan=pld)
        services.pengaduan_musyawarah_catat(
            pengaduan=c,
            user=pld.user,
            tanggal=timezone.localdate(),
            tempat="Balai desa",
            pihak_hadir="Kepala Desa, BPD, Karang Taruna, pendamping",
            kesepakatan="Baliho APB Desa dipasang di balai desa dan dua dusun.",
            mufakat=True,
            tindak_lanjut=[
                {
                    "judul": "Pasang baliho APB Desa",
                    "penanggung_jawab": "Sekretaris Desa",
                    "jatuh_tempo": timezone.localdate() + datetime.timedelta(days=14),
                }
            ],
        )
        d = terima(
            JUDUL[3],
            "pelayanan-desa",
            "Ada permintaan uang saat mengurus surat keterangan usaha.",
            hari_lalu=1,
            rahasia=True,
        )
        services.pengaduan_verifikasi(pengaduan=d, user=sup, keputusan=S.DIVERIFIKASI)
        e = terima(
            JUDUL[4],
            "pendampingan",
            "Pendamping desa jarang terlihat di kantor desa bulan ini.",
            hari_lalu=1,
        )
        services.pengaduan_verifikasi(pengaduan=e, user=sup, keputusan=S.DIVERIFIKASI, teradu=pld)
        return [Pengaduan.objects.get(pk=x.pk) for x in (a, b, c, d, e)]
