"""``manage.py impor_status_desa BERKAS --indeks idm|indeks-desa --oleh USERNAME``: the village
status import of the site (``services.status_desa_impor``) from the command line, as that user
(their permission and region scope apply). A file with refused lines imports nothing: every
refused line is printed and the command ends with an error."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError

from fasilitasi import services
from fasilitasi.models import IndeksStatus


class Command(BaseCommand):
    help = "Impor status desa (IDM / Indeks Desa) dari XLSX atau CSV."

    def add_arguments(self, parser):
        parser.add_argument("berkas", help="jalur berkas XLSX atau CSV")
        parser.add_argument("--indeks", required=True, help="kode indeks: idm atau indeks-desa")
        parser.add_argument("--oleh", required=True, help="nama pengguna pengimpor")

    def handle(self, *args, berkas, indeks, oleh, **opsi):
        jalur = Path(berkas)
        if not jalur.is_file():
            raise CommandError(f"Berkas {jalur} tidak ada.")
        ind = IndeksStatus.objects.filter(kode=indeks).first()
        if ind is None:
            kode = ", ".join(IndeksStatus.objects.values_list("kode", flat=True))
            raise CommandError(f"Indeks {indeks!r} tidak dikenal; pilih: {kode}.")
        user = get_user_model().objects.filter(username=oleh, is_active=True).first()
        if user is None:
            raise CommandError(f"Pengguna {oleh!r} tidak ada atau tidak aktif.")
        unggahan = SimpleUploadedFile(jalur.name, jalur.read_bytes())
        try:
            log = services.status_desa_impor(
                user=user, indeks=ind, berkas=unggahan, nama_berkas=jalur.name
            )
        except services.ImporDitolak as e:
            for g in e.galat:
                self.stderr.write(f"baris {g['baris']} {g['kode']}: {g['pesan']}")
            raise CommandError(e.messages[0]) from None
        except (ValidationError, PermissionDenied) as e:
            pesan = " ".join(e.messages) if isinstance(e, ValidationError) else str(e)
            raise CommandError(pesan) from None
        self.stdout.write(
            self.style.SUCCESS(f"{log.diimpor} baris diimpor ke {ind.nama} dari {jalur.name}.")
        )
