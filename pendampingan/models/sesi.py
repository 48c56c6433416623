"""Who is signed in where: one row per signed-in session of a user (``inti.sesi``), so the account
page can list a user's devices and end them. The session itself stays in Django's session table
(``SESSION_ENGINE`` is the database backend); the row hangs on it and goes with it (logout, expiry
swept by ``clearsessions``, "keluar" on the account page)."""

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import models
from django.utils.translation import gettext_lazy as _


class SesiPengguna(models.Model):
    """A signed-in session: its device (user agent), the address it was last seen from and when.
    ``terakhir_dilihat`` is refreshed at most every ``SESI_SEGARKAN_DETIK`` (not on every request)."""

    # the session key never leaves the server (no URL, no page): rows are named by their own id
    sesi = models.OneToOneField(
        Session, on_delete=models.CASCADE, related_name="+", verbose_name=_("sesi")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="sesi_masuk",
        verbose_name=_("pengguna"),
    )
    perangkat = models.CharField(_("perangkat (user agent)"), max_length=300, blank=True)
    alamat = models.GenericIPAddressField(_("alamat"), null=True, blank=True)
    masuk = models.DateTimeField(_("masuk"))
    terakhir_dilihat = models.DateTimeField(_("terakhir dilihat"))

    class Meta:
        verbose_name = _("sesi pengguna")
        verbose_name_plural = _("sesi pengguna")
        indexes = [models.Index(fields=["user", "-terakhir_dilihat"], name="sesi_user_dilihat")]

    def __str__(self):
        return f"{self.user} — {self.perangkat_ringkas}"

    @property
    def perangkat_ringkas(self) -> str:
        """ "Chrome di Android" from the user agent (the full string is shown beside it)."""
        ua = self.perangkat
        peramban = next((n for k, n in _PERAMBAN if k in ua), "")
        sistem = next((n for k, n in _SISTEM if k in ua), "")
        if peramban and sistem:
            return _("%(p)s di %(s)s") % {"p": peramban, "s": sistem}
        return peramban or sistem or str(_("Perangkat tidak dikenal"))


# first match wins (Edge and Opera say "Chrome" too; Chrome says "Safari")
_PERAMBAN = [
    ("Edg", "Edge"),
    ("OPR", "Opera"),
    ("SamsungBrowser", "Samsung Internet"),
    ("Firefox", "Firefox"),
    ("Chrome", "Chrome"),
    ("Safari", "Safari"),
]
_SISTEM = [
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
]
