"""Forms validate input only; the services write.

Every form that creates a record carries the one-time key (``KunciSekaliForm``, first in the bases);
every upload field is checked by ``periksa_berkas`` in its ``clean_<field>``, so a refused file is
told on the field and the rest of the form is kept (the service checks again, from the cache on the
upload object).

* ``kejadian`` — the quick report, status moves, villages, the daily-log entry's extra form;
* ``catatan`` — the sections of an incident (chronology, impact, evacuation, evidence, response,
  report versions);
* ``_umum`` — date/time inputs and the choice among the incident's villages.
"""

from ._umum import FORMAT_WAKTU, TanggalInput, WaktuInput, waktu_field
from .catatan import (
    BantuanForm,
    BuktiForm,
    DampakForm,
    FotoForm,
    KeputusanForm,
    KoordinasiForm,
    KronologiForm,
    LaporanLuarForm,
    LaporanVersiForm,
    MitigasiForm,
    PengungsianForm,
    TautkanKegiatanForm,
    TokohForm,
)
from .kejadian import (
    DesaTerdampakForm,
    JenisChoiceField,
    KegiatanKejadianForm,
    KejadianChoiceField,
    LaporCepatForm,
    StatusForm,
)

__all__ = [
    "FORMAT_WAKTU",
    "BantuanForm",
    "BuktiForm",
    "DampakForm",
    "DesaTerdampakForm",
    "FotoForm",
    "JenisChoiceField",
    "KegiatanKejadianForm",
    "KejadianChoiceField",
    "KeputusanForm",
    "KoordinasiForm",
    "KronologiForm",
    "LaporCepatForm",
    "LaporanLuarForm",
    "LaporanVersiForm",
    "MitigasiForm",
    "PengungsianForm",
    "StatusForm",
    "TanggalInput",
    "TautkanKegiatanForm",
    "TokohForm",
    "WaktuInput",
    "waktu_field",
]
