from django.urls import path

from . import views

app_name = "dasbor"

urlpatterns = [
    path("", views.dasbor, name="dasbor"),
    path("ekspor.<str:format>", views.dasbor_ekspor, name="dasbor-ekspor"),
    path("matriks/", views.matriks_butir, name="matriks"),
    path("matriks/ekspor.xlsx", views.matriks_ekspor, name="matriks-ekspor"),
    path("kegiatan/", views.kegiatan_list, name="kegiatan-list"),
    path("tindak-lanjut/", views.tindaklanjut_list, name="tindaklanjut-list"),
    path("desa/", views.desa_list, name="desa-list"),
    path("pendamping/", views.pendamping_list, name="pendamping-list"),
    path("ekspor/<str:kunci>.<str:format>", views.ekspor, name="ekspor"),
]
