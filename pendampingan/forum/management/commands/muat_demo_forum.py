"""Demo pengorganisasian for the demo accounts of ``muat_demo``: a forum mitra desa with members
of several community elements, the village hall, a meeting with attendance and a decision that is
a follow-up, and a pusat kemasyarakatan without members. Written through the services, so the
meeting is also an entry in the PLD's daily log. Refused in production; run once."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from pendampingan.models import Tingkat, Wilayah

from ... import services
from ...models import Forum, UnsurMasyarakat

ANGGOTA = [
    ("Siti Aminah", "P", "kelompok-perempuan", "Ketua"),
    ("Budi Santoso", "L", "kelompok-tani", "Sekretaris"),
    ("K.H. Umar Said", "L", "tokoh-agama", "Penasehat"),
    ("Wati Lestari", "P", "kader-desa", "Bendahara"),
    ("Darto", "L", "kelompok-nelayan", "Anggota"),
    ("Sri Rahayu", "P", "kelompok-masyarakat-miskin", "Anggota"),
]


class Command(BaseCommand):
    help = "Muat contoh forum, anggota, sarana, pertemuan dan keputusan untuk akun demo (pld001)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="pld001", help="PLD pemilik data contoh.")

    def handle(self, *args, username, **opts):
        if "production" in (settings.SETTINGS_MODULE or ""):
            raise CommandError("muat_demo_forum ditolak di lingkungan produksi.")
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Akun {username} belum ada. Jalankan dulu: manage.py muat_demo")
        desa = list(Wilayah.objects.writable_by(user).filter(tingkat=Tingkat.DESA).order_by("kode"))
        if not desa:
            raise CommandError(f"{username} tidak bertugas di desa mana pun.")
        if Forum.objects.filter(wilayah__in=desa).exists():
            self.stdout.write("Contoh forum sudah ada; dilewati.")
            return
        forum = self._muat(user, desa)
        self.stdout.write(
            self.style.SUCCESS(f"Contoh forum dimuat: {forum.nama} (masuk sebagai {username}).")
        )

    @transaction.atomic
    def _muat(self, user, desa):
        hari_ini = timezone.localdate()
        forum = services.forum_buat(
            user=user,
            nama=f"Forum Mitra Desa {desa[0].nama}",
            jenis="forum_mitra_desa",
            wilayah=desa[0],
            tanggal_dibentuk=hari_ini.replace(month=1, day=15),
            dasar_hukum=f"SK Kepala Desa Nomor 7 Tahun {hari_ini.year}",
        )
        unsur = {u.kode: u for u in UnsurMasyarakat.objects.all()}
        anggota = [
            services.anggota_tambah(
                user=user, forum=forum, nama=n, jenis_kelamin=jk, unsur=unsur[u], peran=peran
            )
            for n, jk, u, peran in ANGGOTA
        ]
        balai = services.sarana_buat(
            user=user,
            wilayah=desa[0],
            jenis="balai_desa",
            nama=f"Balai Desa {desa[0].nama}",
            kondisi="baik",
            kapasitas=120,
        )
        pertemuan = services.pertemuan_catat(
            user=user,
            forum=forum,
            tanggal=hari_ini,
            jam_mulai=datetime.time(9),
            jam_selesai=datetime.time(11),
            judul="Rapat rencana kerja forum",
            sarana=balai,
            hadir=anggota[:4],
            tamu={"tamu_laki": 3, "tamu_perempuan": 5, "tamu_lansia": 2},
            notulen="Menyusun rencana kerja tiga bulan dan membagi tugas pengurus.",
        )
        services.keputusan_buat(
            user=user,
            pertemuan=pertemuan,
            isi="Kerja bakti membersihkan saluran irigasi dusun II",
            jadikan_tindak_lanjut=True,
            penanggung_jawab="Budi Santoso (kelompok tani)",
            jatuh_tempo=hari_ini + datetime.timedelta(days=14),
        )
        if len(desa) > 1:
            services.forum_buat(
                user=user,
                nama=f"Pusat Kemasyarakatan {desa[1].nama}",
                jenis="pusat_kemasyarakatan",
                wilayah=desa[1],
                tanggal_dibentuk=hari_ini.replace(month=1, day=20),
            )
        return forum
