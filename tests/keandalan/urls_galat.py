"""The site's URLs plus views that fail in each way an error page answers (for
``test_halaman_galat.py``). The handlers are the site's own (``config.urls``)."""

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.db import InterfaceError, OperationalError, transaction
from django.http import Http404, HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_protect

from config.urls import handler400, handler403, handler404, handler500  # noqa: F401
from config.urls import urlpatterns as _situs


def _runtuh(buat_galat):
    @login_not_required
    @transaction.non_atomic_requests  # the view fails on its own, not at the request's BEGIN
    def view(request):
        raise buat_galat()

    return view


def _galat_berantai():
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError as e:
        raise ValueError("template tag gagal") from e


@login_not_required
@transaction.non_atomic_requests
@csrf_protect
def _formulir(request):
    return HttpResponse("diterima")


GALAT = {
    "400": lambda: BadRequest("Tanggal 'sampai' di luar rentang."),
    "400-curiga": lambda: SuspiciousOperation("Invalid HTTP_HOST header: 'rahasia.internal'"),
    "403": lambda: PermissionDenied("Hanya pendamping desa ini yang boleh mengubah."),
    "404": Http404,
    "500": lambda: ValueError("kesalahan program"),
    "503": lambda: OperationalError("connection to server failed: Connection refused"),
    "503-antarmuka": lambda: InterfaceError("connection already closed"),
}

urlpatterns = [
    *[path(f"uji-galat/{nama}/", _runtuh(buat)) for nama, buat in GALAT.items()],
    path("uji-galat/503-berantai/", _runtuh(lambda: _galat_berantai())),
    path("uji-galat/formulir/", _formulir),
    *_situs,
]
