"""Pages of the daily log. Each view: authorise (the scoped door), validate a form, call one
service, respond."""

from .alur import (  # noqa: F401
    kegiatan_ajukan,
    kegiatan_kembalikan,
    kegiatan_tarik,
    kegiatan_verifikasi,
    kegiatan_verifikasi_banyak,
)
from .bukti import dokumen_hapus, dokumen_unduh, foto_hapus, foto_tampil  # noqa: F401
from .daftar import kegiatan_antrean, kegiatan_detail, kegiatan_list  # noqa: F401
from .entri import kegiatan_buat, kegiatan_ubah  # noqa: F401
from .tindak_lanjut import tindak_lanjut_list, tindak_lanjut_selesai  # noqa: F401
