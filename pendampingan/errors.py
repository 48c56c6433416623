"""Error pages in Indonesian (403, 404, 500)."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render


@login_not_required
def terlarang(request, exception=None):
    return render(request, "403.html", status=403)


@login_not_required
def tidak_ditemukan(request, exception=None):
    return render(request, "404.html", status=404)


@login_not_required
def galat_server(request):
    return render(request, "500.html", status=500)
