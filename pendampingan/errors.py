"""Error pages in Indonesian (403, 404, 500)."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render


@login_not_required
def terlarang(request, exception=None):
    """403: the record is visible but not the user's to change; the service's reason is shown."""
    pesan = str(exception) if exception is not None and getattr(exception, "args", None) else ""
    return render(request, "403.html", {"pesan": pesan}, status=403)


@login_not_required
def tidak_ditemukan(request, exception=None):
    return render(request, "404.html", status=404)


@login_not_required
def galat_server(request):
    return render(request, "500.html", status=500)
