"""``/akun/dua-langkah/`` — two-factor sign-in: the account page, enrolment, the code step."""

from django.urls import path

from . import views

app_name = "masuk"

urlpatterns = [
    path("", views.dua_langkah, name="dua-langkah"),
    path("daftar/", views.daftar, name="daftar"),
    path("verifikasi/", views.verifikasi, name="verifikasi"),
    path("kode-pemulihan/", views.kode_pemulihan, name="kode-pemulihan"),
    path("nonaktifkan/", views.nonaktifkan, name="nonaktifkan"),
]
