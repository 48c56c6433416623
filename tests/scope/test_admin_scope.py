"""Django admin as staff users who are not superusers (superusers: tests/pendampingan/test_admin.py).

* The Admin group's staff user (national: ``lihat_nasional``) gets exactly what their permissions
  allow on every registered model: a changelist and a row's page only with the view or change
  permission, the add page only with add, the delete page only with delete, a change saved only
  with change — 403 otherwise, and a refused POST writes nothing. The admin index lists only the
  models they may see.
* A facilitator of kabupaten A made staff (a regional user) never sees a row of kabupaten B: every
  changelist is refused or names nothing of B, and no page of a B row opens.
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth import get_permission_codename
from django.test import Client, RequestFactory
from django.urls import NoReverseMatch, reverse

from . import kasus as k
from .test_url_scope import KASUS, Walk, _berubah, _isi, _jejak

pytestmark = pytest.mark.django_db

MODEL_ADMIN = sorted(admin.site._registry.items(), key=lambda x: x[0]._meta.label)

# Admin pages that let in a staff user without the model's own view permission. None today; the
# test fails on anything new, and on an entry listed here that is no longer found (remove it).
DIKETAHUI: set[str] = set()


def _url(model, aksi, *args):
    o = model._meta
    return reverse(f"admin:{o.app_label}_{o.model_name}_{aksi}", args=args)


def _izin(user, model, aksi) -> bool:
    o = model._meta
    return user.has_perm(f"{o.app_label}.{get_permission_codename(aksi, o)}")


def _permintaan(user):
    r = RequestFactory().get("/admin/")
    r.user = user
    return r


def _ke_login_admin(resp) -> bool:
    return resp.status_code == 302 and reverse("admin:login") in resp.get("Location", "")


def test_admin_staf_bukan_superuser_hanya_yang_diizinkan(dunia):
    staf = dunia.staf_admin
    assert staf.is_staff and not staf.is_superuser
    c = Client()
    c.force_login(staf)
    req = _permintaan(staf)
    salah = []

    def harap(url, boleh, resp):
        kode = 200 if boleh else 403
        if resp.status_code != kode:
            salah.append(f"{url}: {resp.status_code} (harus {kode})")

    for model, ma in MODEL_ADMIN:
        lihat = _izin(staf, model, "view") or _izin(staf, model, "change")
        ubah, tambah, hapus = (_izin(staf, model, a) for a in ("change", "add", "delete"))
        # the ModelAdmin may be stricter than the permission, never looser
        for aksi, izin, fungsi in (
            ("view", lihat, ma.has_view_or_change_permission(req)),
            ("add", tambah, ma.has_add_permission(req)),
            ("change", ubah, ma.has_change_permission(req)),
            ("delete", hapus, ma.has_delete_permission(req)),
        ):
            if fungsi and not izin:
                salah.append(f"{model._meta.label}: admin mengizinkan {aksi} tanpa izinnya")
        url = _url(model, "changelist")
        harap(url, ma.has_view_or_change_permission(req), c.get(url))
        url = _url(model, "add")
        harap(url, ma.has_add_permission(req), c.get(url))
        obj = model._default_manager.order_by("pk").first()
        if obj is None:
            continue
        url = _url(model, "change", obj.pk)
        harap(url, ma.has_view_or_change_permission(req, obj), c.get(url))
        try:
            url_hapus = _url(model, "delete", obj.pk)
        except NoReverseMatch:
            url_hapus = None
        if url_hapus:
            harap(url_hapus, ma.has_delete_permission(req, obj), c.get(url_hapus))
        if not ma.has_change_permission(req, obj):
            sebelum = _jejak()
            r = c.post(url, {})
            if r.status_code not in (403, 200):  # a read-only page answers 200 and saves nothing
                salah.append(f"POST {url}: {r.status_code}")
            if url_hapus and not ma.has_delete_permission(req, obj):
                r = c.post(url_hapus, {"post": "yes"})
                if r.status_code != 403:
                    salah.append(f"POST {url_hapus}: {r.status_code} (harus 403)")
            berubah = _berubah(sebelum, _jejak())
            if berubah:
                salah.append(f"POST tanpa izin ke {url} mengubah {berubah}")
    # the index lists only what they may see
    daftar = c.get(reverse("admin:index")).context["app_list"]
    for app in daftar:
        for m in app["models"]:
            if not (m["perms"].get("view") or m["perms"].get("change")):
                salah.append(f"indeks admin menampilkan {m['object_name']} tanpa izin")
    baru = [s for s in salah if s not in DIKETAHUI]
    assert not baru, "\n".join(baru)
    sudah_beres = DIKETAHUI - set(salah)
    assert not sudah_beres, f"sudah diperbaiki, hapus dari DIKETAHUI: {sorted(sudah_beres)}"


def _baris_b(dunia):
    """A row of desa B for every list case of the walk (each app's own builder)."""
    w = Walk("admin", dunia)
    for nama, kasus in KASUS.items():
        if isinstance(kasus, k.Daftar):
            w.tambahan["B"].add(kasus.buat(dunia, dunia.desa_b))
    return w


def test_admin_staf_wilayah_tidak_melihat_kabupaten_lain(dunia):
    w = _baris_b(dunia)
    user = dunia.tapm_a.user
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    c = Client()
    c.force_login(user)
    bocor = []
    for model, _ma in MODEL_ADMIN:
        url = _url(model, "changelist")
        r = c.get(url)
        if r.status_code in (403, 404) or _ke_login_admin(r):
            continue
        if r.status_code != 200:
            bocor.append(f"{url}: {r.status_code}")
            continue
        temuan = w.bocor(_isi(r) or "", "tapm_a")
        if temuan:
            bocor.append(f"{url}: {sorted({m for _s, m in temuan})}")
        qs = model._default_manager
        if hasattr(qs, "visible_to"):
            luar = qs.exclude(pk__in=qs.visible_to(user).values("pk")).order_by("pk").first()
            if luar is not None:
                r = c.get(_url(model, "change", luar.pk))
                if r.status_code == 200:
                    bocor.append(f"{_url(model, 'change', luar.pk)}: 200 untuk baris di luar scope")
    assert not bocor, "\n".join(bocor)
