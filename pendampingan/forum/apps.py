from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "pendampingan.forum"
    label = "forum"
    verbose_name = _("Pengorganisasian (forum)")

    def ready(self):
        from pendampingan import registry, roles

        from . import api, hooks

        hooks.daftarkan()
        registry.daftar_api("forum", api.ForumViewSet, "forum")
        registry.daftar_api(
            r"forum/(?P<forum_pk>[0-9]+)/anggota", api.AnggotaViewSet, "forum-anggota"
        )
        registry.daftar_api(
            r"forum/(?P<forum_pk>[0-9]+)/pertemuan", api.PertemuanViewSet, "forum-pertemuan"
        )
        # this app's permissions exist only after its own migrate: sync the groups again then
        post_migrate.connect(roles.sinkronkan_grup_setelah_migrasi, sender=self)
