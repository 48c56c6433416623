from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class FasilitasiConfig(AppConfig):
    name = "fasilitasi"
    label = "fasilitasi"
    verbose_name = _("Fasilitasi")

    def ready(self):
        from pendampingan import roles

        from . import integrasi

        integrasi.daftarkan()
        # this app's permissions exist only after its own post_migrate: sync the groups again then
        post_migrate.connect(
            roles.sinkronkan_grup_setelah_migrasi, sender=self, dispatch_uid="fasilitasi_grup"
        )
