"""Report metadata from the cover, titles and captions: instansi, wilayah and the reporting year.

The reporting year is the year the report's own titles and captions name most ("Tahun 2024",
"LKjIP ... 2024"), not a Renstra period ("2016-2021"), a regulation ("Nomor 29 Tahun 2014") or
a stale cover.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from extractors.model import Document

_AGENCY_HEAD = (
    r"(?:dinas|badan|sekretariat|inspektorat|kantor|satuan polisi|rumah sakit|kecamatan|bagian|"
    r"kelurahan|biro|dinas kesehatan)"
)
_STOP = {"kota", "kabupaten", "kab", "provinsi", "tahun", "pemerintah", "kepada", "untuk", "yang", "telah",
         "selama", "pada", "dalam", "merupakan", "adalah", "sebagai", "di", "dengan", "sesuai", "nomor", "no",
         "tanggal", "ini", "tersebut", "lkjip", "lakip", "laporan", "kinerja", "jl", "jalan", "telepon"}
_REGION = regex.compile(r"\b((?i:kota|kabupaten|kab\.?|provinsi))\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})")
_YEAR_TITLE = regex.compile(r"\b(?:tahun|thn|ta\.?|tahun anggaran)\s+((?:19|20)\d{2})\b(?!\s*[-–/]\s*(?:19|20)?\d{2})",
                            regex.I)
_REGULATION = regex.compile(r"\b(?:nomor|no\.?)\s*[\w./-]+\s+tahun\s+(?:19|20)\d{2}", regex.I)


@dataclass
class Metadata:
    instansi: str = ""
    wilayah: str = ""
    tahun: int | None = None


def _title(words: list[str]) -> str:
    """Title case; short acronyms kept when the name is not all capitals."""
    all_caps = all(w.isupper() for w in words)
    out = []
    for w in words:
        low = w.lower()
        if low in {"dan", "serta"}:
            out.append(low)
        elif w.isupper() and len(w) <= 4 and not all_caps:
            out.append(w)
        else:
            out.append(w.capitalize())
    return " ".join(out)


_NAME_WORDS = regex.compile(r"[\w'-]+|\n")
_LATIN_START = regex.compile(r"[A-Za-z]")


def _agencies(text: str) -> list[str]:
    found = []
    for m in regex.finditer(rf"\b{_AGENCY_HEAD}\b", text, regex.I):
        words = _NAME_WORDS.findall(text[m.start(): m.start() + 160])
        name: list[str] = []
        for w in words:
            if w == "\n":
                if len(name) >= 2:
                    break
                continue
            low = w.lower()
            if low in _STOP or not _LATIN_START.match(w):
                break
            if not w[0].isupper() and low not in {"dan", "serta"}:
                break
            name.append(w)
        while name and name[-1].lower() in {"dan", "serta"}:
            name.pop()
        if len(name) >= 2:
            found.append(_title(name))
    return found


def _wilayah(text: str) -> str:
    counts: Counter[str] = Counter()
    for m in _REGION.finditer(text):
        kind = m.group(1).lower().rstrip(".")
        kind = "Kabupaten" if kind.startswith("kab") else kind.capitalize()
        words = []
        for w in m.group(2).split():
            if w.lower() in _STOP or w.lower() in {"dan", "yang", "sebagai", "dinas", "badan"}:
                break
            words.append(w)
        if words and words[0][0].isupper():
            counts[f"{kind} {_title(words)}"] += 1
    if not counts:
        return ""
    # prefer the shortest form that is nearly as frequent as the longer ones ("Kota Batam" over
    # "Kota Batam Sekupang")
    best, n = counts.most_common(1)[0]
    for name, c in counts.items():
        if best.startswith(name + " ") and c >= n * 0.5:
            best = name
    return best


def _tahun(doc: Document) -> int | None:
    counts: Counter[int] = Counter()
    for i, line in enumerate(doc.lines):
        text = _REGULATION.sub(" ", line.text)
        weight = 3 if i < 40 or len(line.text) < 120 else 1
        for m in _YEAR_TITLE.finditer(text):
            counts[int(m.group(1))] += weight
    for grid in doc.grids:
        for row in grid.rows[:3]:
            for cell in row:
                for m in _YEAR_TITLE.finditer(cell.text):
                    counts[int(m.group(1))] += 1
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def extract_metadata(doc: Document) -> Metadata:
    head = "\n".join(t.text for t in doc.lines[:60])
    whole = "\n".join(t.text for t in doc.lines)
    agencies = Counter(_agencies(whole))
    cover = _agencies(head)
    instansi = ""
    if agencies:
        ranked = agencies.most_common()
        instansi = ranked[0][0]
        # a longer name that extends the winner and is common enough is the full name
        for name, c in ranked:
            if name.lower().startswith(instansi.lower() + " ") and c >= ranked[0][1] * 0.3:
                instansi = name
                break
        if cover and cover[0].lower() != instansi.lower() and agencies[cover[0]] >= ranked[0][1] * 0.5:
            instansi = cover[0]
    return Metadata(instansi=instansi, wilayah=_wilayah(head) or _wilayah(whole), tahun=_tahun(doc))
