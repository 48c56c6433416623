"""The login page (``MasukView``) and the account page "Sesi masuk" (``/akun/sesi/``): the user's signed-in devices, signing one out,
and signing out of every device (sessions and API device tokens). The machinery — lifetimes by
role, the record of each session — is ``pendampingan.inti.sesi``."""
