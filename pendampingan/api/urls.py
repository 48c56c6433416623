"""``/api/v1/``: the registered viewsets (``registry.daftar_api``), the schema and its docs.

Every API view is exempt from ``LoginRequiredMiddleware`` (which knows only the session): DRF
authenticates (session or device token) and refuses with 401/403 in the API's error shape."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_replace
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.urls import path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter
from rest_framework.views import APIView

from .. import registry

app_name = "api"


class Router(DefaultRouter):
    include_format_suffixes = False


@extend_schema(exclude=True)
class TidakAda(APIView):
    """Any other path under /api/v1/ (a value a route's pattern refuses, a typo): the API's 404 in
    its error shape, not the site's HTML page."""

    permission_classes = []

    def get(self, request, *args, **kwargs):
        raise Http404

    post = put = patch = delete = options = get


def _kebijakan_redoc(view):
    """Redoc writes <style> elements while it renders (styled-components), searches in a worker
    made from a blob and shows its maker's logo from their server: this one page's policy allows
    inline styles, blob: workers and that image; its scripts still need the nonce
    (templates/drf_spectacular/redoc.html)."""
    ubah = {
        "style-src": [SELF, UNSAFE_INLINE],  # replaced, not added to: a nonce beside it voids it
        "worker-src": [SELF, "blob:"],
        "img-src": [SELF, "data:", "https://cdn.redoc.ly"],
    }
    return csp_replace(ubah, REPORT_ONLY=True)(csp_replace(ubah)(view))


def _pola():
    router = Router()
    for prefix, (viewset, basename) in sorted(registry.api.items()):
        router.register(prefix, viewset, basename=basename)
    pola = [
        path("schema/", SpectacularAPIView.as_view(), name="schema"),
        path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
        path(
            "redoc/",
            _kebijakan_redoc(SpectacularRedocView.as_view(url_name="api:schema")),
            name="redoc",
        ),
        *router.urls,
        path("<path:sisa>", TidakAda.as_view(), name="tidak-ada"),  # last
    ]
    for p in pola:
        p.callback = login_not_required(p.callback)
    return pola


urlpatterns = _pola()
