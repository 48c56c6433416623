"""The user's own in-app messages marked read (the bell)."""

from __future__ import annotations

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from ..models import Pesan
from ..selectors import kunci_lonceng


@transaction.atomic
def pesan_tandai_dibaca(*, user, pesan_id: int | None = None) -> int:
    """Mark one of ``user``'s in-app messages read (or all of them when ``pesan_id`` is None).
    Returns the number of rows changed; someone else's message is never touched."""
    qs = Pesan.objects.untuk_pengguna(user).belum_dibaca()
    if pesan_id is not None:
        qs = qs.filter(pk=pesan_id)
    n = qs.update(dibaca_pada=timezone.now())
    if n:
        kunci = kunci_lonceng(user)
        # robust: a failed invalidation never turns the committed change into an error (the
        # resilient cache remembers the key and deletes it when Redis answers again)
        transaction.on_commit(lambda: cache.delete(kunci), robust=True)
    return n
