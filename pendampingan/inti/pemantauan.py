"""Error reporting to Sentry, only when ``SENTRY_DSN`` is set (``PendampinganConfig.ready`` calls
``pasang_sentry`` in every process: web, worker, beat, management commands).

Nothing personal leaves the server: no user identity or IP, no cookies, no request bodies, no
query strings, no local variables of the stack frames (sentry-sdk 3's ``data_collection``, which
replaced ``send_default_pii``; the same effect as ``send_default_pii=False`` and stricter). Every
event carries the request id (tag ``id_permintaan``) so it can be found in the JSON logs.
"""

from __future__ import annotations

from .log import id_permintaan

# What sentry-sdk may collect (see the module docstring).
PENGUMPULAN_DATA = {
    "user_info": False,
    "cookies": {"mode": "off"},
    "http_bodies": [],
    "url_query_params": {"mode": "off"},
    "stack_frame_variables": False,
    "database_query_data": False,
}


def tandai_id_permintaan(event, hint):
    """``before_send``: tag the event with the id of its request (or of the task's request)."""
    rid = id_permintaan()
    if rid:
        event.setdefault("tags", {})["id_permintaan"] = rid
    return event


def pasang_sentry(
    *, dsn: str, lingkungan: str, rilis: str | None, sampel_jejak: float = 0.0
) -> bool:
    """Start sentry-sdk with the Django and Celery integrations; ``False`` (and nothing done)
    without a DSN."""
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=lingkungan,
        release=rilis or None,
        traces_sample_rate=sampel_jejak,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        data_collection=PENGUMPULAN_DATA,
        before_send=tandai_id_permintaan,
    )
    return True
