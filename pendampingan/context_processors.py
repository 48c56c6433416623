from django.urls import NoReverseMatch, reverse

from . import registry
from .masuk.sesi import sesi_lolos
from .scope import cakupan_pengguna
from .wilayah_kode import NAMA_ZONA


def navigasi(request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {"menu": []}
    if hasattr(user, "is_verified") and not sesi_lolos(request):
        return {"menu": []}  # the code step / enrolment: the menu would lead nowhere yet
    c = cakupan_pengguna(user)
    menu = []
    for item in sorted(registry.navigasi.values(), key=lambda i: (i.urutan, str(i.label))):
        if item.izin and not user.has_perm(item.izin):
            continue
        if item.hanya_pengawas and not c.pengawas:
            continue
        try:
            url = reverse(item.url_name, kwargs=item.url_kwargs or None)
        except NoReverseMatch:
            continue
        menu.append({"label": item.label, "url": url, "aktif": False})
    # the current item is the one whose URL is the longest prefix of the path
    cocok = [m for m in menu if m["url"] != "/" and request.path.startswith(m["url"])]
    if cocok:
        max(cocok, key=lambda m: len(m["url"]))["aktif"] = True
    return {"menu": menu, "cakupan": c, "zona": NAMA_ZONA.get(c.zona_waktu, "WIB")}
