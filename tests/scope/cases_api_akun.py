"""The account page of device tokens (/akun/token/): a user's own tokens only."""

from pendampingan.api.services import token_buat

from .kasus import Login, Milik


def _token(d, pendamping):
    token, _ = token_buat(user=pendamping.user, nama="HP walk")
    return {"pk": token.pk}


KASUS = {
    "akun:token-list": Login(),
    "akun:token-cabut": Milik(buat=_token),
}
