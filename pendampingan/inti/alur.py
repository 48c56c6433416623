"""Status moves — one function for every flow.

A flow declares, beside its model::

    class Kegiatan(models.Model):
        ...
        alur = Alur(peta=ALUR_KEGIATAN, peristiwa="pendampingan.KegiatanPeristiwa", fk="kegiatan")

``peta`` maps each status to the set of statuses it may move to. The event model is built on
``PeristiwaStatusDasar`` (from, to, actor, time, note). ``pindah_status`` is the only code that moves
a status: it locks the row (``select_for_update``), checks the move against the map, saves the row,
writes the event in the same transaction and returns it.

Two people moving the same record at the same moment: the second waits for the first's lock, then
finds the row already moved. A move to the state the row already has is a no-op when the caller made
it (a double click) and a ``PindahDitolak`` naming who moved it and when when somebody else did; a
move that the new state no longer allows is refused the same way. ``PindahDitolak`` is a
``ValidationError``: views show its message; the ``PenolakanMiddleware`` turns one that escapes a
view into a message and a redirect, never a 500.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l


class PindahDitolak(ValidationError):
    """A refused status move (the one shape). ``code`` is ``tidak_sah`` (the map does not allow
    it) or ``sudah_berubah`` (somebody else moved the record first)."""


@dataclass(frozen=True)
class Alur:
    peta: Mapping[str, set]
    peristiwa: str  # "app_label.ModelName" of the event model
    fk: str  # the event model's foreign key to the record
    field: str = "status"

    def model_peristiwa(self):
        return apps.get_model(self.peristiwa)

    def boleh(self, dari: str, ke: str) -> bool:
        return ke in self.peta.get(dari, ())


class PeristiwaStatusDasar(models.Model):
    """The event row of one status move: from, to, actor, time, note. Each flow's event model
    inherits it and adds the foreign key to its record (and, where it has one, its own kind)."""

    dari = models.CharField(_l("dari"), max_length=20, blank=True)
    ke = models.CharField(_l("ke"), max_length=20)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_l("oleh"),
    )
    waktu = models.DateTimeField(_l("waktu"), default=timezone.now)
    catatan = models.TextField(_l("catatan"), blank=True)

    class Meta:
        abstract = True
        ordering = ["waktu", "pk"]

    def __str__(self):
        return f"{self.dari or '—'} → {self.ke}"


def _label(model, field: str, nilai: str) -> str:
    f = model._meta.get_field(field)
    return str(dict(f.flatchoices).get(nilai, nilai)) if nilai else "—"


def _terakhir(alur: Alur, baris):
    return (
        alur.model_peristiwa()
        ._default_manager.filter(**{alur.fk: baris})
        .exclude(ke="")  # an event model may also hold events that moved no status
        .select_related("oleh")
        .order_by("-waktu", "-pk")
        .first()
    )


def _sudah_berubah(alur: Alur, baris, ke_label: str | None = None) -> PindahDitolak:
    model = type(baris)
    sekarang = _label(model, alur.field, getattr(baris, alur.field))
    ev = _terakhir(alur, baris)
    if ev is not None and ev.oleh_id:
        siapa = ev.oleh.get_full_name() or ev.oleh.get_username()
        kapan = formats.date_format(timezone.localtime(ev.waktu), "j M Y H.i")
        pesan = _("Status sudah diubah menjadi %(s)s oleh %(siapa)s pada %(kapan)s.") % {
            "s": sekarang,
            "siapa": siapa,
            "kapan": kapan,
        }
    else:
        pesan = _("Status sudah berubah menjadi %(s)s.") % {"s": sekarang}
    if ke_label:
        pesan += " " + _("Perubahan ke %(ke)s tidak dilakukan.") % {"ke": ke_label}
    return PindahDitolak(pesan, code="sudah_berubah")


def kunci_baris(obj):
    """The row of ``obj`` again, locked for this transaction (only its own table on PostgreSQL)."""
    model = type(obj)
    kw = {"of": ("self",)} if _punya_of() else {}
    return model._default_manager.select_for_update(**kw).get(pk=obj.pk)


def _punya_of() -> bool:
    from django.db import connection

    return connection.features.has_select_for_update_of


def pindah_status(
    obj,
    *,
    ke: str,
    oleh=None,
    catatan: str = "",
    dari: str | None = None,
    ubah: Mapping | None = None,
    peristiwa: Mapping | None = None,
):
    """Move ``obj`` to ``ke`` along its model's ``alur``; return the event row (None: no-op).

    - ``dari``: the status the user saw (a hidden form field); when the row has moved since, the
      move is refused with ``sudah_berubah`` even if the map would allow it;
    - ``ubah``: other fields of the record set in the same save (who verified, when ...);
    - ``peristiwa``: extra fields of the event row (its kind, a foreign key ...).

    ``obj`` is updated in place with what was saved. Raises ``PindahDitolak``."""
    model = type(obj)
    alur: Alur = model.alur
    with transaction.atomic():
        baris = kunci_baris(obj)
        sekarang = getattr(baris, alur.field)
        ke_label = _label(model, alur.field, ke)
        if sekarang == ke:
            # already there: a no-op for the one who moved it (a double click), a refusal that
            # names who did for anyone else
            ev = _terakhir(alur, baris)
            oleh_id = getattr(oleh, "pk", None)
            if ev is not None and ev.ke == ke and ev.oleh_id and oleh_id and ev.oleh_id != oleh_id:
                raise _sudah_berubah(alur, baris)
            _salin(obj, baris, [alur.field])
            return None
        if dari is not None and sekarang != dari:
            raise _sudah_berubah(alur, baris, ke_label)
        if not alur.boleh(sekarang, ke):
            ev = _terakhir(alur, baris)
            if ev is not None and ev.oleh_id and oleh is not None and ev.oleh_id != oleh.pk:
                if getattr(obj, alur.field) != sekarang:  # what the caller held is stale
                    raise _sudah_berubah(alur, baris, ke_label)
            raise PindahDitolak(
                _("Status tidak dapat berpindah dari %(dari)s ke %(ke)s.")
                % {"dari": _label(model, alur.field, sekarang), "ke": ke_label},
                code="tidak_sah",
            )
        setattr(baris, alur.field, ke)
        fields = [alur.field]
        for k, v in (ubah or {}).items():
            setattr(baris, k, v)
            fields.append(k)
        fields += [
            f.name
            for f in model._meta.concrete_fields
            if getattr(f, "auto_now", False) and f.name not in fields
        ]
        baris.save(update_fields=fields)
        ev = alur.model_peristiwa()._default_manager.create(
            **{alur.fk: baris},
            dari=sekarang,
            ke=ke,
            oleh=oleh,
            catatan=(catatan or "").strip(),
            **(peristiwa or {}),
        )
        _salin(obj, baris, fields)
        return ev


def _salin(obj, baris, fields) -> None:
    for f in fields:
        setattr(obj, f, getattr(baris, f))
