"""The platform layer: one way to do each common thing, used by every app.

* ``alur`` — status moves: a flow declares ``Alur`` (its map and its event model); ``pindah_status``
  locks the row, checks the move, writes the event and returns it; ``PindahDitolak`` is the one shape
  of a refused move.
* ``berkas`` — evidence files: ``periksa_berkas`` (bytes decide the type, images fully decoded with a
  pixel cap, archives measured unpacked, markup refused), ``BerkasPrivatField`` (private storage,
  removed again when its transaction does not commit) and ``respons_berkas`` for scoped views.
* ``unduhan`` — files built for a user in the background: one ``Unduhan`` model, one task, one
  "ready" notice; apps register a builder with ``daftar_pembuat``.
* ``dokumen`` — the one PDF helper (WeasyPrint with the fenced URL fetcher). The formula-injection
  guard of every CSV/XLSX is ``pendampingan.ekspor.aman``.
* ``akses`` — ``pastikan`` (raise ``PermissionDenied``), the rank of each jabatan, who supervises a
  region.
* ``sekali`` — one-time submission keys: a form field made when the form is rendered, a model field
  under a unique constraint, and ``buat_sekali`` that returns the first record on a repeat.
* ``masukan`` — input hardening: a middleware answering 400 for NUL/control characters, and the
  ``MasukanAman`` form mixin (``masukan.Form`` / ``ModelForm``) that bounds every field to what
  can be stored; ``teks_get`` / ``angka_get`` for a single query-string filter.
* operations (``docs/operasi.md``): ``log`` (the request id, one log line per request and per
  task), ``kesehatan`` (``/sehat/``, ``/siap/``), ``pemantauan`` (Sentry when ``SENTRY_DSN`` is
  set), ``cadangan`` (``manage.py cadangkan`` / ``pulihkan``).

``docs/arsitektur.md`` says where each kind of code goes.
"""
