"""``/api/v1/``: the registered viewsets (``registry.daftar_api``), the schema and its docs.

Every API view is exempt from ``LoginRequiredMiddleware`` (which knows only the session): DRF
authenticates (session or device token) and refuses with 401/403 in the API's error shape."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from .. import registry

app_name = "api"


class Router(DefaultRouter):
    include_format_suffixes = False


def _pola():
    router = Router()
    for prefix, (viewset, basename) in sorted(registry.api.items()):
        router.register(prefix, viewset, basename=basename)
    pola = [
        path("schema/", SpectacularAPIView.as_view(), name="schema"),
        path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
        path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
        *router.urls,
    ]
    for p in pola:
        p.callback = login_not_required(p.callback)
    return pola


urlpatterns = _pola()
