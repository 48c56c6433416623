import time

from django.core.management.base import BaseCommand

from pendampingan.dasbor.services import ringkasan_bangun_ulang, ringkasan_segarkan


class Command(BaseCommand):
    help = "Bangun ulang tabel ringkasan dasbor dari seluruh catatan harian (atau --segarkan: hanya yang berubah)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--segarkan",
            action="store_true",
            help="Hanya kegiatan yang berubah sejak penyegaran terakhir.",
        )

    def handle(self, *args, segarkan, **opts):
        mulai = time.monotonic()
        if segarkan:
            hasil = ringkasan_segarkan()
            self.stdout.write(f"Penyegaran: {hasil}")
        else:
            ringkasan_bangun_ulang()
        self.stdout.write(
            self.style.SUCCESS(f"Selesai dalam {time.monotonic() - mulai:.1f} detik.")
        )
