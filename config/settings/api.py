"""The REST API's settings (pendampingan/api, docs/api.md)."""

import environ

env = environ.Env()

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "pendampingan.api.auth.TokenPerangkatAuthentication",
        "rest_framework.authentication.SessionAuthentication",  # the site's JavaScript, with CSRF
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "pendampingan.api.dasar.KursorDiubah",
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "pendampingan.api.dasar.DiubahSejakFilter",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        # per user / anonymous / per address, each keyed by pendampingan.inti.alamat.alamat_klien
        "pendampingan.api.dasar.PenggunaThrottle",
        "pendampingan.api.dasar.AnonimThrottle",
        "pendampingan.api.dasar.AlamatThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "user": env.str("API_BATAS_PENGGUNA", default="3000/hour"),
        "anon": env.str("API_BATAS_ANONIM", default="300/hour"),
        "alamat": env.str("API_BATAS_ALAMAT", default="6000/hour"),
    },
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    # drf-spectacular's AutoSchema with the error bodies, replays and 304s (pendampingan/api/skema.py)
    "DEFAULT_SCHEMA_CLASS": "pendampingan.api.skema.SkemaApi",
    "EXCEPTION_HANDLER": "pendampingan.api.dasar.penangan_galat",
    "DATETIME_FORMAT": "iso-8601",
    "COERCE_DECIMAL_TO_STRING": False,
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API Pendampingan Desa",
    "DESCRIPTION": "Data pendampingan desa (Kepmendes PDTT 40/2021) untuk aplikasi HP, "
    "kementerian dan sistem informasi desa. Panduan: docs/api.md.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        # the daily log (pendampingan/api/kegiatan*.py)
        "StatusKegiatanEnum": "pendampingan.models.pilihan.StatusKegiatan",
        "StatusTindakLanjutEnum": "pendampingan.models.StatusTindakLanjut",
        "HasilTindakLanjutEnum": [("selesai", "Selesai"), ("batal", "Dibatalkan")],
        "SaringTindakLanjutEnum": [
            ("terbuka", "Terbuka"),
            ("selesai", "Selesai"),
            ("batal", "Dibatalkan"),
            ("terlambat", "Terlambat"),
            ("semua", "Semua"),
        ],
        # forums and fasilitasi (pendampingan/forum/api.py, fasilitasi/api.py)
        "StatusForumEnum": "pendampingan.forum.models.StatusForum",
        "JenisForumEnum": "pendampingan.forum.models.JenisForum",
        "StatusFasilitasiEnum": "fasilitasi.models.StatusFasilitasi",
        "JenisPeristiwaFasilitasiEnum": "fasilitasi.models.JenisPeristiwa",
        # regions, facilitators, monthly reports
        "JenisWilayahEnum": "pendampingan.models.wilayah.JenisWilayah",
        "JenisPenugasanEnum": "pendampingan.models.pendamping.JenisPenugasan",
        "StatusLaporanEnum": "pendampingan.bulanan.models.StatusLaporan",
        # incidents (bencana/api.py)
        "StatusKejadianEnum": "bencana.models.StatusKejadian",
        "SaringKejadianEnum": [
            ("aktif", "Aktif"),
            ("semua", "Semua"),
            ("dilaporkan", "Dilaporkan"),
            ("tanggap_darurat", "Tanggap darurat"),
            ("pemulihan", "Pemulihan"),
            ("selesai", "Selesai"),
        ],
        # complaints (pengaduan/api.py, pengaduan/api_publik.py)
        "StatusPengaduanEnum": "pengaduan.models.StatusPengaduan",
        "JenisPengaduanEnum": "pengaduan.models.JenisPengaduan",
        "SaluranPengaduanEnum": "pengaduan.models.Saluran",
    },
}
