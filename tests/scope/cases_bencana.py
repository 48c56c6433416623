"""The incident app's URLs in the scope walk: a row of desa A is reachable by A's facilitator and
the supervisor above, a 404 for the facilitator of kabupaten B (and the other way round). Evidence
files are reached through ``Bukti.objects.visible_to`` (the incident's scope)."""

from bencana import services
from bencana.models import Bukti
from tests.bencana.factories import foto_png, kejadian_di

from .kasus import Daftar, Login, Objek


def _kejadian(d, desa):
    return kejadian_di(desa, d.pemilik[desa.kode], ringkasan=f"Banjir di {desa.nama} penanda")


def _pk(d, desa):
    return {"pk": _kejadian(d, desa).pk}


def _penanda(d, desa):
    return _kejadian(d, desa).kode


def _entri(d, desa):
    k = _kejadian(d, desa)
    return {"pk": k.pk, "entri": k.kronologi.first().pk}


def _bukti(d, desa):
    k = _kejadian(d, desa)
    b = services.bukti_tambah(kejadian=k, berkas=foto_png(), oleh=d.pemilik[desa.kode])
    assert isinstance(b, Bukti)
    return {"pk": b.pk}


KASUS = {
    "bencana:kejadian-list": Daftar(buat=_penanda),
    "bencana:kejadian-peta": Daftar(buat=_penanda),
    "bencana:rekap": Daftar(buat=_penanda, pengguna="pengawas"),
    "bencana:kejadian-lapor": Login(),
    "bencana:kejadian-detail": Objek(buat=_pk),
    "bencana:kejadian-status": Objek(buat=_pk),
    "bencana:desa-tambah": Objek(buat=_pk),
    "bencana:kronologi-tambah": Objek(buat=_pk),
    "bencana:kronologi-ubah": Objek(buat=_entri, status=(302,)),
    "bencana:dampak-tambah": Objek(buat=_pk),
    "bencana:pengungsian-tambah": Objek(buat=_pk),
    "bencana:bukti-tambah": Objek(buat=_pk),
    "bencana:bukti-unduh": Objek(buat=_bukti),
    "bencana:koordinasi-tambah": Objek(buat=_pk),
    "bencana:tokoh-tambah": Objek(buat=_pk),
    "bencana:keputusan-tambah": Objek(buat=_pk),
    "bencana:mitigasi-tambah": Objek(buat=_pk),
    "bencana:bantuan-tambah": Objek(buat=_pk),
    "bencana:kegiatan-tautkan": Objek(buat=_pk),
    "bencana:laporan-kirim": Objek(buat=_pk),
    "bencana:laporan-catat-luar": Objek(buat=_pk),
    "bencana:laporan-cetak": Objek(buat=_pk),
    # POST only: queues the PDF for the download pipeline and redirects to the download page
    "bencana:laporan-pdf": Objek(buat=_pk, metode="post", status=(302,)),
}
