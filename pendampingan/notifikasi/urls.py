from django.urls import path

from . import views

app_name = "notifikasi"

urlpatterns = [
    path("", views.pesan_list, name="pesan-list"),
    path("baca-semua/", views.pesan_baca_semua, name="pesan-baca-semua"),
    path("<int:pk>/baca/", views.pesan_baca, name="pesan-baca"),
]
