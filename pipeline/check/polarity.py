"""Which way an indicator should move: lower-is-better wording, from a lexicon."""

from __future__ import annotations

import regex

LOWER_BETTER = regex.compile(
    r"angka kemiskinan|penduduk miskin|tingkat kemiskinan|persentase kemiskinan|rasio kekerasan|"
    r"kasus kekerasan|angka kekerasan|korban kekerasan|prevalensi|stunting|angka kematian|kematian (?:ibu|bayi|balita)|"
    r"tingkat pengangguran|pengangguran terbuka|putus sekolah|angka kesakitan|kasus (?:baru|penyakit|kejahatan)|"
    r"tingkat kriminalitas|angka kriminalitas|gini|jumlah pmks|jumlah ppks|jumlah penyandang masalah|"
    r"angka kecelakaan|jumlah kecelakaan|kawasan kumuh|luas kumuh|rumah tidak layak|genangan|"
    r"tingkat inflasi|laju inflasi|waktu tunggu|lama waktu|temuan|kerugian|pelanggaran|tunggakan|"
    r"gizi buruk|balita gizi kurang|anak jalanan|gelandangan dan pengemis di jalan|penurunan \w+ (?:tidak|yang tidak)",
    regex.I,
)
# "persentase penurunan X" usually counts achieved reductions: higher is better
ACHIEVED_REDUCTION = regex.compile(r"(?:persentase|jumlah|tingkat)\s+(?:penurunan|pengurangan)", regex.I)


def wording_says_lower(*texts: str) -> bool:
    text = " ".join(t for t in texts if t)
    if ACHIEVED_REDUCTION.search(text):
        return False
    return bool(LOWER_BETTER.search(text))
