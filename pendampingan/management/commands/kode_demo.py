"""Print the demo accounts' current two-factor code (pendampingan/masuk/demo.py). Refused in
production."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pendampingan.masuk.demo import kode_demo


class Command(BaseCommand):
    help = (
        "Cetak kode dua langkah akun demo yang berlaku sekarang (admin, nasional, korprov, tapm)."
    )

    def handle(self, *args, **opts):
        if "production" in (settings.SETTINGS_MODULE or ""):
            raise CommandError("kode_demo ditolak di lingkungan produksi.")
        sisa = 30 - int(time.time()) % 30
        self.stdout.write(f"{kode_demo()}  (berlaku {sisa} detik lagi)")
