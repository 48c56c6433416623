"""The core's background work: the one download pipeline and its sweep."""

from celery import shared_task


@shared_task(acks_late=True, time_limit=1800, soft_time_limit=1700)
def unduhan_buat_task(unduhan_id: str) -> str:
    """Build download ``unduhan_id`` (safe to run twice)."""
    from .inti.unduhan import unduhan_buat

    u = unduhan_buat(unduhan_id=unduhan_id)
    return u.status if u else "hilang"


@shared_task(ignore_result=True, time_limit=120, soft_time_limit=100)
def unduhan_sapu_task() -> int:
    """Hand again the downloads left queued (periodic; see CELERY_BEAT_SCHEDULE)."""
    from .inti.unduhan import unduhan_sapu

    return len(unduhan_sapu())
