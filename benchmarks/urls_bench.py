"""The project's URLs plus a trivial view: the yardstick of the benchmark (same middleware, same
login, same transaction per request, one tiny response)."""

from django.http import HttpResponse
from django.urls import path

from config.urls import handler400, handler403, handler404, handler500  # noqa: F401
from config.urls import urlpatterns as _proyek


def sepele(request):
    return HttpResponse("ok")


urlpatterns = [path("__sepele/", sepele, name="sepele"), *_proyek]
