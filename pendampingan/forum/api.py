"""Pengorganisasian through the API (reads): forums with their members and meetings.

* ``/api/v1/forum/`` — the forum list with the site's filter names (``q``, ``jenis``, ``status``,
  ``wilayah``, ``unsur_belum``), filtered by the site's selector ``forum_daftar``; a forum's detail
  with its participation summary (``ringkasan_partisipasi``) and status events.
* ``/api/v1/forum/<forum_pk>/anggota/`` — its members (``anggota_forum``).
* ``/api/v1/forum/<forum_pk>/pertemuan/`` — its meetings with attendance counts and decisions
  (``pertemuan_forum``); ``…/pertemuan/<pk>/`` a meeting with who attended (``pertemuan_detail``).

Every read starts from ``visible_to(user)``: a forum outside the user's scope is a 404 on the forum
and on its nested lists, as on the site. Reading needs the permissions the pages need
(``forum.view_forum``, ``forum.view_pertemuan``); writes stay on the site for now.
"""

from __future__ import annotations

import django_filters
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, viewsets

from pendampingan.api.dasar import ApiViewSet
from pendampingan.inti.masukan import FilterForm

from . import selectors
from .api_bentuk import (
    IZIN,
    ForumAnggotaSerializer,
    ForumDetailSerializer,
    ForumPertemuanDetailSerializer,
    ForumPertemuanSerializer,
    ForumSerializer,
)
from .models import (
    Anggota,
    Forum,
    JenisForum,
    Keputusan,
    Pertemuan,
    StatusForum,
    UnsurMasyarakat,
)

# ----------------------------------------------------------------------------- filters


@extend_schema_field(OpenApiTypes.INT)
class UnsurFilter(django_filters.ModelChoiceFilter):
    """An element by its id (``UnsurMasyarakat``)."""


class ForumFilter(django_filters.FilterSet):
    """The forum list page's filter names and values (``forms.SaringForumForm``); the filtering
    itself is the site's selector ``forum_daftar``."""

    q = django_filters.CharFilter(max_length=200, label=_("Cari (nama forum, desa, dasar hukum)"))
    jenis = django_filters.ChoiceFilter(choices=JenisForum.choices, label=_("Jenis"))
    status = django_filters.ChoiceFilter(choices=StatusForum.choices, label=_("Status"))
    wilayah = django_filters.CharFilter(max_length=13, label=_("Kode wilayah, mis. 33.01.01"))
    unsur_belum = UnsurFilter(
        queryset=UnsurMasyarakat.objects.filter(aktif=True), label=_("Unsur belum terwakili")
    )

    class Meta:
        model = Forum
        fields = ["q", "jenis", "status", "wilayah", "unsur_belum"]
        form = FilterForm

    def filter_queryset(self, queryset):
        d = self.form.cleaned_data
        return selectors.forum_daftar(
            user=self.request.user,
            jenis=d.get("jenis") or "",
            status=d.get("status") or "",
            wilayah_kode=(d.get("wilayah") or "").strip(),
            unsur_belum=d.get("unsur_belum"),
            q=d.get("q") or "",
        )


# ----------------------------------------------------------------------------- viewsets

PARAM_FORUM = OpenApiParameter(
    "forum_pk", OpenApiTypes.INT, OpenApiParameter.PATH, description=_("Id forum.")
)


@extend_schema_view(
    list=extend_schema(responses={200: ForumSerializer}),
    retrieve=extend_schema(responses={200: ForumDetailSerializer}),
)
class ForumViewSet(
    ApiViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Forums the user may see."""

    serializer_class = ForumSerializer
    filterset_class = ForumFilter
    permission_classes = IZIN
    izin_lihat = ("forum.view_forum",)
    lookup_value_regex = r"[0-9]+"
    queryset = Forum.objects.none()  # the schema's model; reads go through get_queryset

    def get_serializer_class(self):
        return ForumDetailSerializer if self.action == "retrieve" else ForumSerializer

    def get_queryset(self):
        # the list page's selector (visible_to, its counts) for the list and the detail alike
        return selectors.forum_daftar(user=self.request.user)


class _DiForum:
    """A list under one forum: the forum through ``visible_to`` (404 outside the scope)."""

    def forum(self) -> Forum:
        if not hasattr(self, "_forum"):
            self._forum = get_object_or_404(
                Forum.objects.visible_to(self.request.user), pk=self.kwargs["forum_pk"]
            )
        return self._forum


@extend_schema_view(
    list=extend_schema(
        parameters=[PARAM_FORUM],
        responses={200: ForumAnggotaSerializer},
    ),
    retrieve=extend_schema(
        parameters=[PARAM_FORUM],
        responses={200: ForumAnggotaSerializer},
    ),
)
class AnggotaViewSet(
    ApiViewSet, _DiForum, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """The members of a forum (those still active first) and one member."""

    serializer_class = ForumAnggotaSerializer
    permission_classes = IZIN
    izin_lihat = ("forum.view_forum",)
    lookup_value_regex = r"[0-9]+"
    queryset = Anggota.objects.none()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Anggota.objects.none()
        return selectors.anggota_forum(forum=self.forum())


@extend_schema_view(
    list=extend_schema(
        parameters=[PARAM_FORUM],
        responses={200: ForumPertemuanSerializer},
    ),
    retrieve=extend_schema(
        parameters=[PARAM_FORUM],
        responses={200: ForumPertemuanDetailSerializer},
    ),
)
class PertemuanViewSet(
    ApiViewSet, _DiForum, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """The meetings of a forum, newest first, with attendance counts and decisions."""

    serializer_class = ForumPertemuanSerializer
    permission_classes = IZIN
    izin_lihat = ("forum.view_forum", "forum.view_pertemuan")
    lookup_value_regex = r"[0-9]+"
    queryset = Pertemuan.objects.none()

    def get_serializer_class(self):
        return (
            ForumPertemuanDetailSerializer
            if self.action == "retrieve"
            else ForumPertemuanSerializer
        )

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Pertemuan.objects.none()
        return selectors.pertemuan_forum(forum=self.forum()).prefetch_related(
            Prefetch("keputusan", queryset=Keputusan.objects.select_related("tindak_lanjut"))
        )

    def get_object(self):
        """The meeting page's selector; a meeting of another forum is a 404 here."""
        forum = self.forum()
        try:
            p = selectors.pertemuan_detail(user=self.request.user, pk=self.kwargs["pk"])
        except (Pertemuan.DoesNotExist, ValueError, TypeError):
            raise Http404 from None
        if p.forum_id != forum.pk:
            raise Http404
        self.check_object_permissions(self.request, p)
        return p
