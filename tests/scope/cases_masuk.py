"""Two-factor sign-in (/akun/dua-langkah/) and the CSP report endpoint: a user's own account pages,
no region-owned row; the report endpoint is public (POST only)."""

from .kasus import Login, Publik

KASUS = {
    "masuk:dua-langkah": Login(),
    "masuk:daftar": Login(),
    # the code step: a user without a device is sent on (home or enrolment)
    "masuk:verifikasi": Login(status=(200, 302)),
    "masuk:kode-pemulihan": Login(status=(405,)),  # POST only; its POST shows only the user's codes
    "masuk:nonaktifkan": Login(),
    "csp-laporan": Publik(status=(405,)),  # POST only: browsers send violation reports
}
