"""What the complaint pages share."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _

from pendampingan.inti.alamat import alamat_ip

from ..models import Pengaduan


def alamat_klien(request) -> str | None:
    """The client's address for the audit trail: the core's one trusted answer
    (``pendampingan.inti.alamat``, behind proxies too). None when it is not an address."""
    return alamat_ip(request)


def terapkan_error(form, e: ValidationError) -> None:
    """A service's ValidationError onto the form: on the field it names, else on the form."""
    if hasattr(e, "error_dict"):
        for field, errs in e.error_dict.items():
            for err in errs:
                form.add_error(field if field in form.fields else None, err)
    else:
        for m in e.messages:
            form.add_error(None, m)


def tujuan_setelah(request, p) -> str:
    """Where the user goes after acting on complaint ``p``: its page, or — when it is about a
    facilitator and went to the supervisor above them, out of this user's sight — the list, with a
    note saying so."""
    if Pengaduan.objects.visible_to(request.user).filter(pk=p.pk).exists():
        return p.get_absolute_url()
    messages.info(
        request,
        _(
            "Pengaduan %(k)s tentang pendamping dan sudah diteruskan kepada pengawas di atasnya; "
            "Anda tidak dapat membukanya lagi."
        )
        % {"k": p.kode},
    )
    return reverse("pengaduan:daftar")
