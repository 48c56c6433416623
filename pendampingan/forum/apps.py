from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "pendampingan.forum"
    label = "forum"
    verbose_name = _("Pengorganisasian (forum)")

    def ready(self):
        from pendampingan import roles

        from . import hooks

        hooks.daftarkan()
        # this app's permissions exist only after its own migrate: sync the groups again then
        post_migrate.connect(roles.sinkronkan_grup_setelah_migrasi, sender=self)
