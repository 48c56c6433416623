"""The production settings as gunicorn runs them in ``test_produksi.py``, plus a URL that raises
(``urls_uji``) and static files without the collectstatic manifest (the build step)."""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "tests.operasi.urls_uji"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
