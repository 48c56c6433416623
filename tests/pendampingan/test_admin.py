"""Every admin changelist and add page answers 200 for a superuser (with rows present)."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import KegiatanFactory, TindakLanjutFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def su_client(client, dunia):
    KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)
    TindakLanjutFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)
    client.force_login(UserFactory(username="super", is_staff=True, is_superuser=True))
    return client


MODEL_ADMIN = sorted((m._meta.app_label, m._meta.model_name) for m in admin.site._registry)


@pytest.mark.parametrize("app_label,model_name", MODEL_ADMIN)
def test_admin_changelist_dan_tambah(su_client, app_label, model_name):
    r = su_client.get(reverse(f"admin:{app_label}_{model_name}_changelist"))
    assert r.status_code == 200, r.status_code
    model = next(
        m
        for m in admin.site._registry
        if (m._meta.app_label, m._meta.model_name) == (app_label, model_name)
    )
    ma = admin.site._registry[model]
    if ma.has_add_permission(r.wsgi_request):
        assert su_client.get(reverse(f"admin:{app_label}_{model_name}_add")).status_code == 200


def test_autocomplete_wilayah_di_admin(su_client):
    r = su_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "pendampingan",
            "model_name": "penugasan",
            "field_name": "wilayah",
            "term": "33.01",
        },
    )
    assert r.status_code == 200
    assert any(x["id"].startswith("33.01") for x in r.json()["results"])


def test_tidak_ada_select_wilayah_raksasa_di_admin(su_client):
    html = su_client.get(reverse("admin:pendampingan_penugasan_add")).content.decode()
    assert "Desa Alpha" not in html  # regions are never listed as <option>s
