from django.urls import path

from . import views
from .kegiatan.urls import urlpatterns as kegiatan_urls

app_name = "pendampingan"

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("wilayah/", views.wilayah_list, name="wilayah-list"),
    path("wilayah/cari/", views.wilayah_cari, name="wilayah-cari"),
    path("wilayah/<str:kode>/", views.wilayah_detail, name="wilayah-detail"),
    *kegiatan_urls,
]
