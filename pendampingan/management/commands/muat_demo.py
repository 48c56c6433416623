"""Demo data for a newcomer: one real kabupaten from the imported list and a facilitator for each
role. Refused in production."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from pendampingan import services
from pendampingan.masuk.demo import KUNCI_DEMO, pasang_perangkat_demo
from pendampingan.masuk.services import rahasia_teks
from pendampingan.models import Jabatan, JenisPenugasan, Pendamping, Tingkat, Wilayah

KATA_SANDI = "desa-demo-2026"
# the demo accounts that must sign in with two factors get one authenticator key (printed below)
DUA_LANGKAH_DEMO = ("admin", "nasional", "korprov", "tapm")


class Command(BaseCommand):
    help = (
        "Muat data demo: satu kabupaten, PLD per ±5 desa (bukan kelurahan), PD per kecamatan, "
        "TAPM, koordinator provinsi dan nasional, admin."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--kabupaten", default="33.01", help="Kode kabupaten demo (bawaan: 33.01 Cilacap)."
        )

    def handle(self, *args, kabupaten, **opts):
        if "production" in (settings.SETTINGS_MODULE or ""):
            raise CommandError("muat_demo ditolak di lingkungan produksi.")
        kab = Wilayah.objects.filter(kode=kabupaten, tingkat=Tingkat.KABUPATEN).first()
        if kab is None:
            raise CommandError(
                f"Kabupaten {kabupaten} belum ada. Jalankan dulu: manage.py impor_wilayah"
            )
        if Pendamping.objects.filter(user__username="tapm").exists():
            self.stdout.write("Data demo sudah dimuat; dilewati.")
        else:
            self._muat(kab)
        pasang_perangkat_demo(DUA_LANGKAH_DEMO)
        self._cetak(kab)

    @transaction.atomic
    def _muat(self, kab):
        mulai = datetime.date(datetime.date.today().year, 1, 1)
        User = get_user_model()
        admin = User.objects.create_superuser("admin", "admin@pendampingan.desa.id", KATA_SANDI)
        admin.first_name = "Admin BPSDM"
        admin.save(update_fields=["first_name"])

        def buat(username, nama, jabatan, wilayah, jenis):
            p = services.pendamping_buat(
                username=username,
                nama=nama,
                jabatan=jabatan,
                password=KATA_SANDI,
                email=f"{username}@pendampingan.desa.id",
                telepon="0812" + str(abs(hash(username)) % 10**8).zfill(8),
            )
            services.penugasan_buat(pendamping=p, wilayah=wilayah, jenis=jenis, mulai=mulai)
            return p

        prov = kab.induk
        # a national role is assigned to the whole country (no region)
        buat(
            "nasional",
            "Koordinator Nasional Demo",
            Jabatan.KOORDINATOR_NASIONAL,
            None,
            JenisPenugasan.SUPERVISI,
        )
        buat(
            "korprov",
            f"Koordinator Provinsi {prov.nama}",
            Jabatan.KOORDINATOR_PROVINSI,
            prov,
            JenisPenugasan.SUPERVISI,
        )
        buat("tapm", f"TAPM {kab.nama}", Jabatan.TAPM_KABUPATEN, kab, JenisPenugasan.SUPERVISI)
        n_pld = 0
        for i, kec in enumerate(Wilayah.objects.filter(induk=kab).order_by("kode"), start=1):
            pd = buat(f"pd{i:02d}", f"PD {kec.nama}", Jabatan.PD, kec, JenisPenugasan.SUPERVISI)
            services.penugasan_buat(
                pendamping=pd, wilayah=kec, jenis=JenisPenugasan.LAPANGAN, mulai=mulai
            )
            # a PLD works in desa and desa adat; a kelurahan has none
            desa = list(Wilayah.objects.filter(induk=kec).pemerintahan_desa().order_by("kode"))
            for j in range(0, len(desa), 5):
                n_pld += 1
                p = services.pendamping_buat(
                    username=f"pld{n_pld:03d}",
                    nama=f"PLD {desa[j].nama}",
                    jabatan=Jabatan.PLD,
                    password=KATA_SANDI,
                    email=f"pld{n_pld:03d}@pendampingan.desa.id",
                )
                for d in desa[j : j + 5]:
                    services.penugasan_buat(
                        pendamping=p, wilayah=d, jenis=JenisPenugasan.LAPANGAN, mulai=mulai
                    )

    def _cetak(self, kab):
        pld = Pendamping.objects.filter(
            jabatan=Jabatan.PLD, user__username__startswith="pld"
        ).order_by("user__username")
        contoh_pld = pld.first()
        desa_pld = (
            ", ".join(
                contoh_pld.penugasan.select_related("wilayah").values_list(
                    "wilayah__nama", flat=True
                )
            )
            if contoh_pld
            else ""
        )
        self.stdout.write(
            self.style.SUCCESS(f"\nAkun demo — {kab.nama} (kata sandi semua akun: {KATA_SANDI})")
        )
        rows = [
            ("admin", "Admin BPSDM (Django admin: /admin/)"),
            ("nasional", "Koordinator Nasional — melihat seluruh Indonesia"),
            ("korprov", f"Koordinator Provinsi {kab.induk.nama}"),
            ("tapm", f"TAPM {kab.nama}"),
            (
                "pd01",
                f"PD kecamatan pertama (pd01 … pd{Pendamping.objects.filter(jabatan=Jabatan.PD).count():02d})",
            ),
            ("pld001", f"PLD: {desa_pld} (pld001 … pld{pld.count():03d})"),
        ]
        for u, ket in rows:
            self.stdout.write(f"  {u:<10} {ket}")
        self.stdout.write(
            f"\nVerifikasi dua langkah ({', '.join(DUA_LANGKAH_DEMO)}): setelah kata sandi, ketik kode"
            f" dari aplikasi autentikator dengan kunci {rahasia_teks(KUNCI_DEMO)}"
            "\n  atau cetak kode saat ini: .venv/bin/python manage.py kode_demo"
        )
        self.stdout.write("")
