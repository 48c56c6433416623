"""The REST API, ``/api/v1/`` (Django REST Framework, drf-spectacular): one base for every app.

The core holds the machinery; each app keeps its serializers and viewsets in its own ``api.py`` and
registers them from ``AppConfig.ready`` with ``registry.daftar_api(prefix, viewset)``. Nothing in
the API is a second copy of a rule: reads go through the same ``visible_to`` querysets and
selectors as the pages, writes through the same services (and, where the site validates with a
form, the same form).

* ``dasar`` — the base viewset (``ApiViewSet``): scope, the user's time zone, the one error shape
  (``{"galat": {"kode", "pesan", "rincian"}}`` with Indonesian messages), cursor pagination,
  ``updated_since``, ``Idempotency-Key`` (the platform's one-time key: a repeat answers the first
  record with 200), ``ETag`` / ``If-Match`` (a stale edit answers 412 with the current version).
* ``auth`` — per-device tokens (``Authorization: Token <rahasia>``), hashed at rest.
* ``models`` / ``services`` — ``TokenPerangkat`` and its create/revoke.

docs/api.md is the guide for clients.
"""
