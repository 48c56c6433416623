"""The whole Celery bootstrap: one app, configured from Django settings (CELERY_*)."""

import os

from celery import Celery

from pendampingan.inti.log import hubungkan_celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("pendampingan_desa")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# one log line per task, with the id of the request that enqueued it (task headers)
hubungkan_celery()
