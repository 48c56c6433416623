from django.utils import timezone

from .scope import cakupan_pengguna


class ZonaWaktuMiddleware:
    """Show times in the user's own zone (WIB/WITA/WIT), which follows the province of their
    assignment."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            timezone.activate(cakupan_pengguna(user).zona_waktu)
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
