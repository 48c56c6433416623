"""``/akun/token/`` — the account page of device tokens (pendampingan/api/views.py)."""

from django.urls import path

from . import views

app_name = "akun"

urlpatterns = [
    path("", views.token_list, name="token-list"),
    path("<int:pk>/cabut/", views.token_cabut_view, name="token-cabut"),
]
