"""Two-factor sign-in (issue 18): TOTP with recovery codes on django-otp.

After the password, a session is asked for a code when its user has a device, and is sent to
enrolment when the user must have one and has none (``akses.wajib_dua_langkah``: Django admin and
kabupaten-level roles and above); until then it reaches nothing but these pages and sign-out
(``middleware.DuaLangkahMiddleware``). PLD and PD may enrol on their account page.
"""
