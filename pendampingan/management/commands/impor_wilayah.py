from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from pendampingan.models import ImporWilayah
from pendampingan.services import _versi_sumber, wilayah_impor


class Command(BaseCommand):
    help = (
        "Impor daftar wilayah nasional (provinsi, kabupaten/kota, kecamatan, desa/kelurahan) dari paket "
        "npm idn-area-data (data © idn-area-data, lisensi ODbL). Aman dijalankan ulang."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--folder",
            default=str(Path(settings.NODE_MODULES) / "idn-area-data" / "data"),
            help="Folder berisi provinces.csv, regencies.csv, districts.csv, villages.csv.",
        )
        parser.add_argument(
            "--sekali",
            action="store_true",
            help="Lewati jika versi sumber yang sama pernah diimpor (dipakai oleh `make run`).",
        )

    def handle(self, *args, folder, sekali, **opts):
        folder = Path(folder)
        if sekali and ImporWilayah.objects.filter(versi=_versi_sumber(folder)).exists():
            self.stdout.write("Daftar wilayah versi ini sudah diimpor; dilewati.")
            return
        try:
            log = wilayah_impor(folder=folder)
        except ValidationError as e:
            raise CommandError("; ".join(e.messages)) from e
        self.stdout.write(
            self.style.SUCCESS(
                f"Impor wilayah {log.sumber}@{log.versi}: {log.ditambah} ditambah, {log.diubah} nama diubah, "
                f"{log.tidak_ada_lagi} tidak ada lagi di sumber (dibiarkan) — {log.detik:.1f} detik."
            )
        )
