"""``/akun/sesi/`` — the user's signed-in devices (pendampingan/akun/views.py)."""

from django.urls import path

from . import views

app_name = "sesi"

urlpatterns = [
    path("", views.sesi_list, name="sesi-list"),
    path("<int:pk>/keluar/", views.sesi_keluar, name="sesi-keluar"),
    path("keluar-semua/", views.sesi_keluar_semua, name="sesi-keluar-semua"),
]
