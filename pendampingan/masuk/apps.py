from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MasukConfig(AppConfig):
    name = "pendampingan.masuk"
    label = "masuk"
    verbose_name = _("Masuk dua langkah")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .sesi import tandai_sesi

        user_logged_in.connect(tandai_sesi, dispatch_uid="masuk-tandai-sesi")
