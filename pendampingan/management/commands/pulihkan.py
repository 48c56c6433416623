from django.core.management.base import BaseCommand

from pendampingan.inti import cadangan


class Command(BaseCommand):
    help = (
        "Pulihkan cadangan FOLDER (dari `cadangkan`) ke basis data yang dikonfigurasi (harus "
        "kosong: createdb baru) dan penyimpanan berkas privat (harus kosong), lalu periksa setiap "
        "jumlah baris dan SHA-256 berkas terhadap manifest. docs/operasi.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="Folder cadangan (berisi manifest.json).")

    def handle(self, *args, folder, **opts):
        m = cadangan.pulihkan(folder)
        self.stdout.write(
            self.style.SUCCESS(
                f"Dipulihkan dan diperiksa: {len(m['tabel'])} tabel, "
                f"{sum(m['tabel'].values())} baris, {len(m['berkas'])} berkas cocok dengan manifest."
            )
        )
