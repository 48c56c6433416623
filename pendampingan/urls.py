from django.urls import path

from . import views
from .inti import views as inti_views
from .kegiatan.urls import urlpatterns as kegiatan_urls

app_name = "pendampingan"

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("wilayah/", views.wilayah_list, name="wilayah-list"),
    path("wilayah/cari/", views.wilayah_cari, name="wilayah-cari"),
    path("wilayah/<str:kode>/", views.wilayah_detail, name="wilayah-detail"),
    path("kalender/", views.kalender, name="kalender"),
    path("unduhan/", inti_views.unduhan_list, name="unduhan-list"),
    path("unduhan/<uuid:pk>/", inti_views.unduhan_detail, name="unduhan-detail"),
    path("unduhan/<uuid:pk>/berkas/", inti_views.unduhan_ambil, name="unduhan-ambil"),
    *kegiatan_urls,
]
