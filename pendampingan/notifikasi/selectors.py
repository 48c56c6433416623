"""Every read of the outbox."""

from django.contrib.contenttypes.models import ContentType

from .models import Pesan


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


def jumlah_belum_dibaca(*, user) -> int:
    """The bell's number: one indexed COUNT."""
    if not user.is_authenticated:
        return 0
    return Pesan.objects.untuk_pengguna(user).belum_dibaca().count()
