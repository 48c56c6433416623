from django.core.management.base import BaseCommand

from pendampingan.inti import cadangan


class Command(BaseCommand):
    help = (
        "Cadangkan basis data (pg_dump format custom; salinan SQLite) dan semua berkas privat ke "
        "FOLDER, dengan manifest (jumlah baris per tabel, SHA-256 tiap berkas). docs/operasi.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="Folder tujuan (baru atau kosong).")

    def handle(self, *args, folder, **opts):
        m = cadangan.cadangkan(folder)
        self.stdout.write(
            self.style.SUCCESS(
                f"Cadangan di {folder}: {len(m['tabel'])} tabel, "
                f"{sum(m['tabel'].values())} baris, {len(m['berkas'])} berkas."
            )
        )
