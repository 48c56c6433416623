"""How each list of the site applies its filter form to its query — the view's own path (the
selector the view calls, with what the view takes from the form), so a valid filter can be
evaluated against the database. A form named ``Filter…``/``Saring…`` (or a ``masukan.FilterForm``)
without an entry here fails ``test_formulir`` unless ``LEWATI`` gives the reason."""

from __future__ import annotations


def _kegiatan(user, data, form, kwargs):
    from pendampingan.kegiatan import selectors
    from pendampingan.kegiatan.views.daftar import _saring

    class _Permintaan:
        GET = data

    _form, saring = _saring(_Permintaan, kwargs.get("pilihan_wilayah", ()))
    return [
        selectors.kegiatan_saya(user=user, saring=saring),
        selectors.kegiatan_wilayah(user=user, saring=saring),
    ]


def _dasbor(nama):
    def terapkan(user, data, form, kwargs):
        from pendampingan.dasbor import ekspor

        return [getattr(ekspor, f"_{nama}_qs")(user, data)]

    return terapkan


def _forum(user, data, form, kwargs):
    from pendampingan.forum import selectors

    d = form.cleaned_data
    return [
        selectors.forum_daftar(
            user=user,
            jenis=d.get("jenis", ""),
            status=d.get("status", ""),
            wilayah_kode=(d.get("wilayah") or "").strip(),
            unsur_belum=d.get("unsur_belum"),
            q=d.get("q", ""),
        )
    ]


def _sarana(user, data, form, kwargs):
    from pendampingan.forum import selectors

    d = form.cleaned_data
    return [
        selectors.sarana_daftar(
            user=user,
            desa_kode=(d.get("desa") or "").strip(),
            jenis=d.get("jenis", ""),
            q=d.get("q", ""),
        )
    ]


# form class → applier(user, the query data, the valid form, its keywords) → the querysets the list shows
PENERAP = {
    "pendampingan.kegiatan.forms.lain.SaringForm": _kegiatan,
    "pendampingan.dasbor.forms.FilterKegiatanForm": _dasbor("kegiatan"),
    "pendampingan.dasbor.forms.FilterTindakLanjutForm": _dasbor("tindak_lanjut"),
    "pendampingan.dasbor.forms.FilterDesaForm": _dasbor("desa"),
    "pendampingan.dasbor.forms.FilterPendampingForm": _dasbor("pendamping"),
    "pendampingan.forum.forms.forum.SaringForumForm": _forum,
    "pendampingan.forum.forms.sarana.SaringSaranaForm": _sarana,
}


def form_saring(kelas) -> bool:
    from pendampingan.inti import masukan

    return issubclass(kelas, masukan.FilterForm) or kelas.__name__.startswith(("Filter", "Saring"))
