"""The site's URLs plus one view that raises, for the error-reporting test."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path

from config.urls import *  # noqa: F403
from config.urls import urlpatterns as _situs


@login_not_required
def galat_uji(request):
    raise RuntimeError("galat uji untuk Sentry")


urlpatterns = [path("uji-galat/", galat_uji, name="uji-galat"), *_situs]
