"""The demo's second factor (``make run``): the demo accounts that must use two factors share one
authenticator key, printed with the logins (``muat_demo``) and turned into the current code by
``manage.py kode_demo``. Both commands are refused in production."""

from __future__ import annotations

import hashlib
import time

from django.contrib.auth import get_user_model
from django.db import transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from .services import NAMA_APLIKASI

# 20 bytes, hex: the same on every machine, so the printed key and the code command agree
KUNCI_DEMO = hashlib.sha1(b"pendampingan-desa-demo-dua-langkah").hexdigest()  # noqa: S324


@transaction.atomic
def pasang_perangkat_demo(usernames) -> int:
    """Give each of ``usernames`` that has no authenticator app the demo key. Idempotent."""
    n = 0
    for user in get_user_model().objects.filter(username__in=usernames):
        if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            TOTPDevice.objects.create(user=user, name=NAMA_APLIKASI, key=KUNCI_DEMO, confirmed=True)
            n += 1
    return n


def kode_demo(waktu: float | None = None) -> str:
    """The demo key's code at ``waktu`` (now by default), six digits."""
    totp = TOTP(bytes.fromhex(KUNCI_DEMO))
    totp.time = time.time() if waktu is None else waktu
    return f"{totp.token():06d}"
