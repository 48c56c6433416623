"""Withdrawing the messages about a record from users who may no longer see it (a complaint that
turned out to be about the facilitator it was first sent to, and moved to their supervisor)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Pesan, Saluran, StatusPesan
from ..selectors import kunci_lonceng
from .kelola import _pindah_banyak


def _tentang(objek):
    ct = ContentType.objects.get_for_model(objek)
    return Pesan.objects.filter(content_type=ct, object_id=str(objek.pk))


def penerima_pesan(*, objek) -> list:
    """The users who have an in-app message about ``objek`` (one query)."""
    ids = (
        _tentang(objek)
        .filter(saluran=Saluran.IN_APP)
        .values_list("penerima_user_id", flat=True)
        .distinct()
    )
    return list(get_user_model().objects.filter(pk__in=ids))


@transaction.atomic
def pesan_tarik(*, objek, pengguna) -> int:
    """Withdraw the messages about ``objek`` from ``pengguna``: their in-app messages are removed
    (the bell, its count and the message list never show them again), their emails still waiting
    are cancelled (one already delivered cannot be recalled). Returns how many in-app messages
    were removed."""
    users = list(pengguna)
    if not users:
        return 0
    qs = _tentang(objek).filter(penerima_user__in=users)
    n, _hapus = qs.filter(saluran=Saluran.IN_APP).delete()
    menunggu = qs.exclude(saluran=Saluran.IN_APP).filter(
        status__in=[StatusPesan.ANTRE, StatusPesan.GAGAL_SEMENTARA]
    )
    _pindah_banyak(
        pesan_ids=list(menunggu.values_list("pk", flat=True)),
        ke=StatusPesan.DIBATALKAN,
        oleh=None,
        catatan=_("Ditarik: penerima tidak lagi berhak melihat catatan ini."),
    )
    kunci = [kunci_lonceng(u) for u in users]
    transaction.on_commit(lambda: cache.delete_many(kunci), robust=True)
    return n
