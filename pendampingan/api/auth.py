"""``Authorization: Token <rahasia>`` (or ``Bearer``) — a per-device token; the site's own
JavaScript uses the session (with CSRF) instead."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from .models import TokenPerangkat
from .services import token_dari_rahasia

# ``terakhir_dipakai`` is written at most once a minute per token, not on every request.
SELANG_CATAT_PAKAI = datetime.timedelta(minutes=1)


class TokenPerangkatAuthentication(authentication.BaseAuthentication):
    kata = ("token", "bearer")

    def authenticate(self, request):
        bagian = authentication.get_authorization_header(request).split()
        if not bagian or bagian[0].lower().decode(errors="replace") not in self.kata:
            return None
        if len(bagian) != 2:
            raise exceptions.AuthenticationFailed(
                _("Header Authorization harus berbentuk “Token <rahasia>”.")
            )
        try:
            rahasia = bagian[1].decode()
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Token tidak sah."))
        token = token_dari_rahasia(rahasia)
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Token tidak sah atau sudah dicabut."))
        sekarang = timezone.now()
        if token.terakhir_dipakai is None or sekarang - token.terakhir_dipakai > SELANG_CATAT_PAKAI:
            TokenPerangkat.objects.filter(pk=token.pk).update(terakhir_dipakai=sekarang)
        return token.user, token

    def authenticate_header(self, request):
        return 'Token realm="api"'


class SkemaTokenPerangkat(OpenApiAuthenticationExtension):
    """The token in the OpenAPI schema (``components.securitySchemes.tokenPerangkat``)."""

    target_class = TokenPerangkatAuthentication
    name = "tokenPerangkat"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": str(
                _("“Token <rahasia>” — buat di halaman Akun › Token API, satu per perangkat.")
            ),
        }
