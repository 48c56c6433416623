"""The load benchmark's checks and its printed table."""

from __future__ import annotations


def periksa_baris(rekam: dict) -> dict:
    """Rows in the database against the answers: every entry answered is there once, under its
    key; nothing else is there; a retry with the same key answered the same entry."""
    from pendampingan.models import Kegiatan, KegiatanPeristiwa, StatusKegiatan
    from pendampingan.notifikasi.models import Pesan, Saluran, StatusPesan

    jawaban = rekam["kunci"]  # key -> pk answered (None: no entry in the answer)
    sukses = {k: pk for k, pk in jawaban.items() if pk}
    db = {str(k): pk for k, pk in Kegiatan.objects.values_list("kunci_sekali", "pk")}
    baris = Kegiatan.objects.count()
    tanpa_kunci = Kegiatan.objects.filter(kunci_sekali__isnull=True).count()
    hilang = [k for k, pk in sukses.items() if db.get(k) != pk]
    tanpa_jawaban = [k for k in db if k not in sukses]
    ulang_lain = sum(v for k, v in rekam["ulang"].items() if k != "sama")
    diajukan = Kegiatan.objects.filter(status=StatusKegiatan.DIAJUKAN).count()
    return {
        "baris_kegiatan": baris,
        "jawaban_sukses": len(sukses),
        "tepat": baris == len(sukses) and not hilang and not tanpa_kunci and not ulang_lain,
        "hilang_atau_beda": len(hilang),
        "baris_tanpa_jawaban_sukses": len(tanpa_jawaban),
        "baris_ganda": baris - len(db) + tanpa_kunci,
        "ulang_jawaban_sama": rekam["ulang"].get("sama", 0),
        "ulang_jawaban_lain": ulang_lain,
        "diajukan": diajukan,
        "peristiwa": KegiatanPeristiwa.objects.count(),
        "peristiwa_harapan": baris + diajukan,
        "pesan_in_app": Pesan.objects.filter(saluran=Saluran.IN_APP).count(),
        "pesan_antre": Pesan.objects.filter(status=StatusPesan.ANTRE).count(),
    }


def _sel(v):
    return "-" if v is None else str(v)


def cetak(hasil: dict) -> None:
    k = hasil["kondisi"]
    print()
    print(
        f"N={k['n']} C={k['c']} gunicorn workers={k['workers']} threads={k['threads']} "
        f"cpu={k['cpu']} load {k['load_awal']} -> {k['load_akhir']} wilayah={k['wilayah']} "
        f"statis={k['statis']} "
        f"akun={k['akun_pencatat']} (masuk {hasil['masuk_detik']}s)"
    )
    kolom = [
        ("", "nama"),
        ("dimulai", "dimulai"),
        ("sukses", "sukses"),
        ("detik", "detik"),
        ("sukses/s", "sukses_per_detik"),
        ("p50 ms", "p50_ms"),
        ("p95 ms", "p95_ms"),
        ("p99 ms", "p99_ms"),
        ("maks ms", "maks_ms"),
    ]
    baris = [[judul for judul, _k in kolom]] + [
        [_sel(f[kunci]) for _j, kunci in kolom] for f in hasil["fase"]
    ]
    lebar = [max(len(b[i]) for b in baris) for i in range(len(kolom))]
    for b in baris:
        print(
            "  ".join(s.ljust(lebar[0]) if i == 0 else s.rjust(lebar[i]) for i, s in enumerate(b))
        )
    for f in hasil["fase"]:
        print(f"galat {f['nama']}: {f['galat'] or 'tidak ada'}")
    entri = hasil["fase"][0]
    print(
        f"GET form sebelum tiap POST: p50 {entri['form_p50_ms']} ms, p99 {entri['form_p99_ms']} ms"
        f"; CPU klien {k['cpu_klien_detik']} s; sambungan keep-alive diulang {k['sambungan_diulang']}"
    )
    p = hasil["periksa"]
    print(
        f"periksa baris: {p['baris_kegiatan']} baris = {p['jawaban_sukses']} jawaban sukses -> "
        f"{'TEPAT' if p['tepat'] else 'TIDAK TEPAT'}; hilang/beda {p['hilang_atau_beda']}, "
        f"ganda {p['baris_ganda']}, baris tanpa jawaban sukses {p['baris_tanpa_jawaban_sukses']}"
    )
    print(
        f"kirim ulang dengan kunci yang sama: {p['ulang_jawaban_sama']} menjawab entri pertama, "
        f"{p['ulang_jawaban_lain']} lain; peristiwa {p['peristiwa']} (harapan "
        f"{p['peristiwa_harapan']}); diajukan {p['diajukan']}, pesan in-app {p['pesan_in_app']}, "
        f"pesan antre {p['pesan_antre']}"
    )
    for q in hasil.get("explain", []):
        print(f"  {q['ms']:7.3f} ms  {q['rencana']:<40.40}  {q['sql'][:110]}")
