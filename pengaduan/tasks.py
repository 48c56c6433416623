"""Celery tasks of the complaints app (thin wrappers over services)."""

from celery import shared_task

from . import services


@shared_task(time_limit=600, soft_time_limit=540)
def pengaduan_sla_periksa_task() -> dict:
    """Daily (beat, declared in settings CELERY_BEAT_SCHEDULE): deadline reminders and auto-close."""
    return services.pengaduan_sla_periksa()
