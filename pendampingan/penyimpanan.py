"""Private file storage: evidence (photos, documents) never gets a public URL.

Files live under ``BERKAS_PRIVAT_ROOT`` (outside ``MEDIA_ROOT``, which DEBUG serves) and are served
only by scoped views that first fetch their record through ``visible_to(user)``. In production the
``privat`` entry of ``STORAGES`` may point at a private S3-compatible bucket instead.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages


class PenyimpananPrivat(FileSystemStorage):
    """A file system storage rooted at ``settings.BERKAS_PRIVAT_ROOT`` (read on every use, so
    tests can point it at a temporary directory) with no URL."""

    def __init__(self, **kwargs):
        kwargs.pop("location", None)
        kwargs.pop("base_url", None)
        super().__init__(**kwargs)

    @property
    def base_location(self):
        return str(settings.BERKAS_PRIVAT_ROOT)

    @property
    def location(self):
        import os

        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Berkas privat tidak memiliki URL publik; gunakan tampilan berlingkup.")


def penyimpanan_privat():
    """The storage of evidence files (a callable, so migrations do not freeze the backend)."""
    if "privat" in settings.STORAGES:
        return storages["privat"]
    return PenyimpananPrivat()
