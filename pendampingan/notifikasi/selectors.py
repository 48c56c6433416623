"""Every read of the outbox."""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from .models import Pesan

# The bell's number is cached per user and forgotten (after commit) whenever the user's in-app
# messages change, so the header costs no query on an ordinary page. The TTL bounds a race
# between a reader and a writer, and how long a value can stay stale when its invalidation never
# reached Redis and the process that remembered it (``inti.cache``) did not live to retry.
# With Redis unreachable the cache answers a miss and the bell counts from the database.
LONCENG_TTL_DETIK = 60


def pesan_untuk_objek(objek):
    """The messages about a record (every channel and recipient), for its delivery-state panel.
    The caller has already checked that the user may see ``objek``."""
    ct = ContentType.objects.get_for_model(objek)
    return (
        Pesan.objects.filter(content_type=ct, object_id=str(objek.pk))
        .select_related("penerima_user__pendamping", "penerima_kementerian")
        .order_by("saluran", "dibuat", "pk")
    )


def pesan_pengguna(*, user, belum_dibaca: bool = False):
    """The user's own in-app messages, newest first."""
    qs = Pesan.objects.untuk_pengguna(user).select_related("content_type")
    if belum_dibaca:
        qs = qs.belum_dibaca()
    return qs.order_by("-dibuat", "-pk")


def kunci_lonceng(user) -> str:
    """Cache key of a user's unread count (the join date keeps a re-used id apart)."""
    stempel = int(user.date_joined.timestamp() * 1_000_000) if user.date_joined else 0
    return f"notifikasi:belum:{user.pk}:{stempel}"


def jumlah_belum_dibaca(*, user, segar: bool = False) -> int:
    """The bell's number: from the cache, else (a miss, or Redis unreachable) one indexed COUNT,
    then cached."""
    if not user.is_authenticated:
        return 0
    kunci = kunci_lonceng(user)
    n = None if segar else cache.get(kunci)
    if n is None:
        n = Pesan.objects.untuk_pengguna(user).belum_dibaca().count()
        cache.set(kunci, n, LONCENG_TTL_DETIK)
    return n
