"""The embedded default: SQLite, tasks run inline, email to the console — no services needed."""

import os
import sys

from .base import *  # noqa: F403
from .base import CELERY_TASK_ALWAYS_EAGER, DATABASES, env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="lokal-tidak-rahasia-jangan-dipakai-di-produksi")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Said once at start-up (the autoreloader's child process, RUN_MAIN=true, stays quiet).
if os.environ.get("RUN_MAIN") != "true":
    sys.stderr.write(
        "Pendampingan Desa (lokal): database {}, tugas Celery {}, email ke konsol kecuali EMAIL_URL diatur.\n".format(
            DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
            "dijalankan langsung setelah commit (tanpa Redis/worker)"
            if CELERY_TASK_ALWAYS_EAGER
            else "lewat broker " + env("REDIS_URL", default="(CELERY_BROKER_URL)"),
        )
    )
