"""Background work of the dashboard: keeping the summaries current. (Its exports and PDF are
built by the core's download task, ``pendampingan.tasks.unduhan_buat_task``.)"""

from celery import shared_task

from . import services


@shared_task(time_limit=600, soft_time_limit=540)
def ringkasan_segarkan_task():
    """Every few minutes (beat): recompute the summaries for the entries changed since last run."""
    return services.ringkasan_segarkan()


@shared_task(time_limit=3600, soft_time_limit=3500)
def ringkasan_bangun_ulang_task():
    """Nightly (beat): rebuild every summary from the whole daily log."""
    services.ringkasan_bangun_ulang()
