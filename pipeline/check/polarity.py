"""Which way an indicator should move: lower-is-better wording, from a lexicon."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from extractors.settings import DEFAULT
from pipeline.check.subjects import WORD, name_key
from schemas.records import Extraction

LOWER_BETTER = regex.compile(
    r"angka kemiskinan|penduduk miskin|tingkat kemiskinan|persentase kemiskinan|rasio kekerasan|"
    r"kasus kekerasan|angka kekerasan|korban kekerasan|prevalensi|stunting|angka kematian|kematian (?:ibu|bayi|balita)|"
    r"tingkat pengangguran|pengangguran terbuka|putus sekolah|angka kesakitan|kasus (?:baru|penyakit|kejahatan)|"
    r"tingkat kriminalitas|angka kriminalitas|indeks gini|rasio gini|"
    r"angka kecelakaan|jumlah kecelakaan|kawasan kumuh|luas kumuh|rumah tidak layak|luas genangan|"
    r"tingkat inflasi|laju inflasi|waktu tunggu|jumlah temuan|nilai kerugian|"
    # violations counted or as a share (d05 "Jumlah Pelanggaran Ketertiban Umum", 24/18 = 133,33; d07 "Persentase
    # pelanggaran kendaraan ... ODOL", 12,00/13,20 = 90,91 in its Tabel 3.3)
    r"(?:jumlah|persentase|angka|tingkat|rasio|kasus)\s+pelanggaran|"
    r"gizi buruk|balita gizi kurang|anak jalanan|gelandangan dan pengemis di jalan|penurunan \w+ (?:tidak|yang tidak)|"
    # how long a response takes (d06 "Waktu Tanggap Darurat Bencana" 6/4 Jam = 150,00, "Rata-rata Waktu Tiba TRC";
    # d08 "Waktu tanggap pelayanan dokter di IGD" 5/4 = 125,00), risk and lives lost (d06 "Indeks Risiko Bencana",
    # "Jumlah Korban Jiwa", both target/realisasi there and in the national IRB), pollution load (d09 "Beban
    # Pencemaran BOD", 105,89 = target/realisasi)
    r"indeks risiko|risiko bencana|korban jiwa|beban pencemaran",
    regex.I,
)
# how long something takes: response, arrival, recovery, waiting, handling time (d06 "Waktu Tanggap Darurat" 6/4 Jam
# = 150,00 and "Rata-rata Waktu Tiba TRC"; d08 "Waktu tanggap pelayanan dokter di IGD" 5/4 = 125,00; d12 "Rata-rata
# waktu pemulihan gangguan jaringan" 4,00/3,20 = 125,00). Checked before HANDLED: "waktu penanganan" is a duration.
# Being on time ("tepat waktu", "ketepatan waktu") is the opposite: the more the better
DURATION = regex.compile(r"\b(?:rata-rata\s+|lama\s+)?waktu\s+(?:tanggap|tiba|respons?|penyelesaian|pemulihan|tunggu|"
                         r"proses|penanganan|pelayanan|layanan)\b|\b(?:rata-rata|lama)\s+waktu\b", regex.I)
ON_TIME = regex.compile(r"\b(?:tepat|ketepatan)\s+waktu\b", regex.I)
# the report saying so in the indicator's own name or satuan ("(semakin kecil semakin baik)": d09 Tabel 3.1; the
# method paragraphs of d05 and d09 use the same words)
SAYS_LOWER = regex.compile(r"(?:semakin|makin)\s+(?:kecil|rendah|sedikit)\s*,?\s*(?:semakin|makin)\s+baik", regex.I)
# "persentase penurunan X" usually counts achieved reductions: higher is better
ACHIEVED_REDUCTION = regex.compile(r"(?:persentase|jumlah|tingkat)\s+(?:penurunan|pengurangan)", regex.I)
# cases handled, victims served, findings followed up: the more the better, whatever the problem is
_HANDLED_VERB = (r"(?:di|ter)(?:tangani|tindaklanjuti|tindak\s*lanjuti|selesaikan|layani|rehabilitasi|dampingi|"
                 r"berdayakan|bantu|entaskan|jangkau|fasilitasi)")
HANDLED = regex.compile(rf"\b(?:yang\s+)?{_HANDLED_VERB}\b|"
                        r"\b(?:mendapat(?:kan)?|memperoleh|menerima)\b|\bpenanganan\b|\btindak\s*lanjut\b",
                        regex.I)
# ... unless negated: the share of complaints or cases "yang tidak/belum tertangani" is what is left undone, and the
# less of it the better (d09: "Pengaduan ... yang Tidak Tertangani", capaian target/realisasi in Tabel 3.1 and the
# method text; d02 prose: "belum tertangani" for what remains to be done)
NOT_HANDLED = regex.compile(rf"\b(?:tidak|belum)\s+(?:(?:dapat|bisa)\s+)?{_HANDLED_VERB}\b", regex.I)


# the report's method text naming an indicator lower-is-better: "Untuk indikator persentase tunggakan pajak kendaraan
# bermotor, semakin rendah realisasi semakin baik" (h02), "... semakin kecil realisasi semakin baik" (d12),
# "indikator yang semakin rendah realisasinya semakin baik (persentase desa rawan pangan)" (d11), h07 likewise
PROSE_SAYS_LOWER = regex.compile(
    r"(?:semakin|makin)\s+(?:kecil|rendah|sedikit)\s+(?:\w+\s+){0,2}?(?:semakin|makin)\s+baik", regex.I)


def named_lower_in_prose(passages: Iterable[str], names: Iterable[str],
                         min_words: int = DEFAULT.prose.named_min_words) -> set[str]:
    """The names (as given) that a passage saying "semakin rendah/kecil ... semakin baik" prints whole: the
    report's own words for those indicators' polarity, though their names say nothing."""
    said = [" ".join(WORD.findall(t.lower())) for t in passages if PROSE_SAYS_LOWER.search(t)]
    if not said:
        return set()
    out = set()
    for name in names:
        words = WORD.findall(name.lower())
        if len(words) >= min_words and any(f" {' '.join(words)} " in f" {text} " for text in said):
            out.add(name)
    return out


def wording_says_lower(*texts: str) -> bool:
    text = " ".join(t for t in texts if t)
    if SAYS_LOWER.search(text) or NOT_HANDLED.search(text):
        return True
    if DURATION.search(text) and not ON_TIME.search(text):
        return True
    if ACHIEVED_REDUCTION.search(text) or HANDLED.search(text):
        return False
    return bool(LOWER_BETTER.search(text))


# an output delivered or a state reached: "Panjang Jalan yang Direkonstruksi", "Kajian ... yang diselesaikan",
# "jembatan ... dalam kondisi baik" (d03 Tabel 3.1 and E.81, d04 Tabel 3.3): the more the better
DELIVERED = regex.compile(r"\byang\s+(?:telah\s+|sudah\s+)?di[a-z]{3,}\b|\bkondisi\s+(?:baik|mantap)\b", regex.I)


def wording_says_higher(*texts: str) -> bool:
    """The wording names an output delivered or a state reached ("yang di...", "kondisi baik"), and nothing
    lower-is-better. Narrower than ``HANDLED`` on purpose: it turns a polarity guess into an error flag."""
    text = " ".join(t for t in texts if t)
    if wording_says_lower(text):
        return False
    return bool(DELIVERED.search(text))


def falling_targets(series: dict[str, dict[int, float]]) -> set[str]:
    """Subjects whose yearly targets (three years or more) only ever fall: lower is better for them."""
    out = set()
    for key, by_year in series.items():
        values = [by_year[y] for y in sorted(by_year)]
        if len(values) >= 3 and all(b < a for a, b in zip(values, values[1:], strict=False)):
            out.add(key)
    return out


def target_series(ext: Extraction) -> dict[str, dict[int, float]]:
    """Yearly targets per indicator: year columns of multi-year target tables (Renstra, RPJMD; ``YearFigure``
    records of role target_series), plan entries and dated measurements."""
    series: dict[str, dict[int, float]] = {}
    for f in ext.year_figures:
        key = name_key(f.subject)
        if f.role == "target_series" and key and f.number.ok:
            series.setdefault(key, {})[f.year or 0] = f.number.value or 0.0
    for p in ext.plans:
        if p.kind == "indicator" and p.year and p.target is not None and p.target.ok:
            series.setdefault(name_key(p.subject), {}).setdefault(p.year, p.target.value or 0.0)
    for m in ext.measurements:
        if m.year and m.target.ok:
            series.setdefault(name_key(m.indikator), {}).setdefault(m.year, m.target.value or 0.0)
    return series
