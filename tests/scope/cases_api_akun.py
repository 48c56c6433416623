"""The account page of device tokens (/akun/token/): a user's own tokens only; and the API's
catch-all 404 (pendampingan/api/urls.py)."""

from pendampingan.api.services import token_buat

from .kasus import Login, Milik, Publik


def _token(d, pendamping):
    token, _ = token_buat(user=pendamping.user, nama="HP walk")
    return {"pk": token.pk}


KASUS = {
    "akun:token-list": Login(),
    "akun:token-cabut": Milik(buat=_token),
    # any other path under /api/v1/: the API's 404 in its error shape (no data)
    "api:tidak-ada": Publik(kwargs=lambda d: {"sisa": "tidak-ada/"}, status=(404,)),
}
