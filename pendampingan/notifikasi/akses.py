"""Who may do what with the outbox.

The bell and its list are the user's own messages only (``Pesan.objects.untuk_pengguna``): another
user's message is a 404, never a 403. Putting messages back in the queue or cancelling them is an
admin's job and needs the permission ``notifikasi.kelola_pesan`` (superusers have it); seeing the
outbox in admin needs ``notifikasi.view_pesan``. The worker and the sweep move statuses as the
system (no user).
"""

from __future__ import annotations


def boleh_kelola_pesan(user) -> bool:
    """May ``user`` re-queue or cancel outbox messages?"""
    return bool(user and user.is_active and user.has_perm("notifikasi.kelola_pesan"))
