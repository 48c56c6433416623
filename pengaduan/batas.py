"""The public pages' upload guard: a handler that drops an oversized attachment while it streams
(the typed text of the form is kept). The per-address rate limit is the core's one
(``pendampingan.inti.batas``)."""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile


class BatasUnggahanHandler(FileUploadHandler):
    """Skip any file over ``UNGGAHAN_MAKS_MB`` (the one upload size setting) as it streams in (nothing of it is kept in
    memory or on disk); the other fields are still parsed. What was skipped is left on
    ``request.lampiran_ditolak`` for the form to report. (A body over
    ``PENGADUAN_PERMINTAAN_MAKS_MB`` is refused by the view from its Content-Length, unread.)"""

    def __init__(self, request=None):
        super().__init__(request)
        self.maks = settings.UNGGAHAN_MAKS_MB * 1024 * 1024
        request.lampiran_ditolak = []

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.diterima = 0

    def receive_data_chunk(self, raw_data, start):
        self.diterima += len(raw_data)
        if self.diterima > self.maks:
            self.request.lampiran_ditolak.append(self.file_name)
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size):
        return None
