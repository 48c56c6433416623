"""Groups and their permissions, declared here and synced after every migrate (idempotent).

A facilitator's group follows their jabatan (``grup_untuk_jabatan``); nobody assembles groups by
hand in admin. Later apps add their permissions by extending ``IZIN_GRUP`` in their AppConfig.ready.
"""

from django.contrib.auth.models import Group, Permission

GRUP_PENDAMPING = "Pendamping"  # PLD, PD, Pendamping Teknis: record in their field
GRUP_PENGAWAS = "Pengawas"  # TAPM, TA, koordinator: review their area
GRUP_ADMIN = "Admin"  # BPSDM / dinas: manage reference data in Django admin

# "app_label.codename" strings per group.
IZIN_GRUP: dict[str, set[str]] = {
    GRUP_PENDAMPING: {
        "pendampingan.view_wilayah",
        "pendampingan.view_pendamping",
        "pendampingan.view_kegiatan",
        "pendampingan.add_kegiatan",
        "pendampingan.change_kegiatan",
        "pendampingan.view_tindaklanjut",
        "pendampingan.add_tindaklanjut",
        "pendampingan.change_tindaklanjut",
    },
    GRUP_PENGAWAS: {
        "pendampingan.view_wilayah",
        "pendampingan.view_pendamping",
        "pendampingan.view_penugasan",
        "pendampingan.view_kegiatan",
        "pendampingan.add_kegiatan",
        "pendampingan.change_kegiatan",
        "pendampingan.view_tindaklanjut",
        "pendampingan.add_tindaklanjut",
        "pendampingan.change_tindaklanjut",
    },
    GRUP_ADMIN: {
        "pendampingan.lihat_nasional",
        "pendampingan.view_wilayah",
        "pendampingan.change_wilayah",
        "pendampingan.view_imporwilayah",
        "pendampingan.view_pendamping",
        "pendampingan.add_pendamping",
        "pendampingan.change_pendamping",
        "pendampingan.view_penugasan",
        "pendampingan.add_penugasan",
        "pendampingan.change_penugasan",
        "pendampingan.delete_penugasan",
        "pendampingan.view_kegiatan",
        "pendampingan.view_tindaklanjut",
    },
}

GRUP_MENURUT_JABATAN = {
    "pld": GRUP_PENDAMPING,
    "pd": GRUP_PENDAMPING,
    "pendamping_teknis": GRUP_PENDAMPING,
    "tapm_kabupaten": GRUP_PENGAWAS,
    "koordinator_kabupaten": GRUP_PENGAWAS,
    "ta_provinsi": GRUP_PENGAWAS,
    "koordinator_provinsi": GRUP_PENGAWAS,
    "ta_pusat": GRUP_PENGAWAS,
    "koordinator_nasional": GRUP_PENGAWAS,
}


def tambah_izin(grup: str, *izin: str) -> None:
    """Let an app add its permissions to a group (call from AppConfig.ready)."""
    IZIN_GRUP.setdefault(grup, set()).update(izin)


def sinkronkan_grup() -> None:
    """Create the groups and set exactly the declared permissions. Safe to run any number of times."""
    for nama, izin in IZIN_GRUP.items():
        grup, _ = Group.objects.get_or_create(name=nama)
        wanted = []
        for s in sorted(izin):
            app_label, codename = s.split(".", 1)
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm:
                wanted.append(perm)
        grup.permissions.set(wanted)


def sinkronkan_grup_setelah_migrasi(sender, **kwargs):
    sinkronkan_grup()


def grup_untuk_jabatan(jabatan: str) -> str:
    return GRUP_MENURUT_JABATAN.get(jabatan, GRUP_PENDAMPING)
