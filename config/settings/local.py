"""The embedded default: SQLite, tasks run inline, email to the console — no services needed."""

import logging

from .base import *  # noqa: F403
from .base import CELERY_TASK_ALWAYS_EAGER, DATABASES, env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="lokal-tidak-rahasia-jangan-dipakai-di-produksi")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

_log = logging.getLogger("config")
_log.info(
    "Pendampingan Desa (lokal): database %s, tugas Celery %s.",
    DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
    "dijalankan langsung (inline, tanpa Redis)" if CELERY_TASK_ALWAYS_EAGER else "lewat broker",
)
