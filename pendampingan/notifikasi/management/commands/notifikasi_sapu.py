from django.core.management.base import BaseCommand

from pendampingan.notifikasi import services


class Command(BaseCommand):
    help = (
        "Antrekan ulang pesan outbox yang tertinggal (antre lama, gagal sementara yang jatuh "
        "tempo, klaim basi). Di mode bawaan tanpa Redis, pesan langsung dikirim."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batas", type=int, default=500)

    def handle(self, *args, batas, **options):
        ids = services.pesan_sapu(batas=batas)
        self.stdout.write(f"{len(ids)} pesan diantrekan ulang.")
