"""Keys that line up one thing across wordings and reports: regions, units and indicators.

- `normalise_wilayah`: "KOTA BATAM", "Pemerintah Kota Batam", "Kota batam" -> "Kota Batam";
  "Kab. Bogor", "PEMERINTAH KABUPATEN BATU BARA" -> "Kabupaten Bogor", "Kabupaten Batu Bara".
- `normalise_satuan`: "Orang"/"orang" -> "orang", "%"/"Persen"/"persentase" -> "%".
- `indicator_key`: an indicator name as a key: lower case, no punctuation, spelling slips fixed
  ("Percentase", "Junlah"), abbreviations expanded one way (PMKS and PPKS both become "ppks"; the
  long forms too), remarks in brackets and stop words dropped ("yang", "dan", "kewenangan
  kabupaten/kota"), each word once, in order of first appearance.
- `join_keys`: near-duplicate keys (the same indicator with a word added, a slip the rules do not
  know, a sub-kegiatan name printed before its indicator) joined by a similarity threshold
  (`SIMILARITY`, fixed by tests on real pairs of the samples); each group takes the key of its
  longest member.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from extractors.settings import DEFAULT

# --- regions ---------------------------------------------------------------------------------------------------
_REGION_KIND = re.compile(
    r"^(?:pemerintah(?:an)?\s+|pemkot\s+|pemkab\s+)?(kota|kabupaten|kab\.?|provinsi|prov\.?)\s+(.+)$", re.I)
_SMALL = {"dan", "di", "ke"}


def _title(words: str) -> str:
    out = []
    for w in words.split():
        low = w.lower()
        out.append(low if low in _SMALL and out else "-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def normalise_wilayah(text: str | None) -> str:
    """A region as "Kota X" / "Kabupaten X" / "Provinsi X" in title case; "" stays ""."""
    if not text:
        return ""
    flat = " ".join(str(text).replace("\u00a0", " ").split()).strip(" ,.;:")
    m = _REGION_KIND.match(flat)
    if not m:
        return _title(flat)
    kind = m.group(1).lower().rstrip(".")
    kind = {"kab": "Kabupaten", "kabupaten": "Kabupaten", "kota": "Kota", "prov": "Provinsi"}.get(kind, "Provinsi")
    return f"{kind} {_title(m.group(2))}"


# --- units -----------------------------------------------------------------------------------------------------
_UNITS = {"persen": "%", "prosen": "%", "persentase": "%", "percent": "%", "%": "%", "(%)": "%",
          "org": "orang", "jiwa": "jiwa", "kk": "keluarga", "kpm": "kpm", "dok": "dokumen", "dok.": "dokumen",
          "keg": "kegiatan", "keg.": "kegiatan", "lap": "laporan", "lap.": "laporan", "bln": "bulan",
          "thn": "tahun", "rp": "rupiah", "rp.": "rupiah"}


def normalise_satuan(text: str | None) -> str:
    """A unit in one spelling: lower case, "%" for every percent word, common abbreviations written out."""
    if not text:
        return ""
    flat = " ".join(str(text).split()).strip().lower()
    return _UNITS.get(flat, flat)


# --- indicators ------------------------------------------------------------------------------------------------
# spelling slips seen in reports (and their like): word -> word
SLIPS = {"percentase": "persentase", "prosentase": "persentase", "presentase": "persentase",
         "persentasi": "persentase", "junlah": "jumlah", "jumlh": "jumlah", "kewwenangan": "kewenangan",
         "kemsyarakatan": "kemasyarakatan", "pemeliharannya": "pemeliharaannya", "pernakan": "permakanan",
         "dimuktahirkan": "dimutakhirkan", "pemuktahiran": "pemutakhiran", "yg": "yang", "dgn": "dengan",
         "thd": "terhadap", "tsb": "tersebut", "kab": "kabupaten", "kel": "kelurahan", "kec": "kecamatan",
         "lansia": "lanjut usia", "anak-anak": "anak", "mendapat": "mendapatkan", "memperoleh": "mendapatkan",
         "menerima": "mendapatkan", "ditangani": "tertangani"}
# abbreviations expanded one way; the long forms are folded onto the same short form
ABBREVIATIONS = {
    "ppks": "pemerlu pelayanan kesejahteraan sosial",
    "pmks": "penyandang masalah kesejahteraan sosial",
    "psks": "potensi sumber kesejahteraan sosial",
    "lks": "lembaga kesejahteraan sosial",
    "kpm": "keluarga penerima manfaat",
    "dtks": "data terpadu kesejahteraan sosial",
    "tmp": "taman makam pahlawan",
    "uep": "usaha ekonomi produktif",
    "kube": "kelompok usaha bersama",
    "tksk": "tenaga kesejahteraan sosial kecamatan",
    "psm": "pekerja sosial masyarakat",
    "lk3": "lembaga konsultasi kesejahteraan keluarga",
    "asn": "aparatur sipil negara",
    "bmd": "barang milik daerah",
    "skpd": "satuan kerja perangkat daerah",
    "opd": "organisasi perangkat daerah",
}
# PMKS is the older name of PPKS: both are keyed as "ppks"
SAME_AS = {"pmks": "ppks"}
STOP = frozenset("""yang dan di ke dari pada dalam untuk serta atau oleh dengan sebagai atas bagi terhadap
    the of and in for to tersebut telah sudah akan ini itu adalah para se secara""".split())
# phrases that say who is competent, not what is measured
STOP_PHRASES = ("kewenangan kabupaten kota", "kewenangan kabupaten", "daerah kabupaten kota",
                "cakupan daerah kabupaten kota", "kabupaten kota", "dana apbd")
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
SIMILARITY = DEFAULT.cross.key_similarity  # settings.CrossTableSettings: Jaccard of the key words for one indicator
MAX_OTHER = DEFAULT.cross.key_max_other  # ... and the words of either not in the other, at most


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


_LONG_FORMS = sorted(((v, SAME_AS.get(k, k)) for k, v in ABBREVIATIONS.items()), key=lambda p: -len(p[0]))


def key_words(name: str | None) -> list[str]:
    """The words of an indicator's key, each once, in order."""
    if not name:
        return []
    text = _ascii(str(name)).lower()
    text = _BRACKETS.sub(" ", text)
    text = text.replace("/", " ").replace("-", " ")
    words = _NON_WORD.sub(" ", text).split()
    words = " ".join(SLIPS.get(w, w) for w in words).split()
    text = f" {' '.join(words)} "
    for long, short in _LONG_FORMS:  # long forms folded onto their abbreviation
        text = text.replace(f" {long} ", f" {short} ")
    for phrase in STOP_PHRASES:
        text = text.replace(f" {phrase} ", " ")
    out: list[str] = []
    for w in text.split():
        w = SAME_AS.get(w, w)
        if w in STOP or w in out:
            continue
        out.append(w)
    return out


def indicator_key(name: str | None) -> str:
    """The key of one indicator name ("" for an empty name); see the module doc."""
    return " ".join(key_words(name))


def _close(a: str, b: str) -> bool:
    """Two words that are one word with a slip (both long enough to tell)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 6 or a[:2] != b[:2]:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


def _shared(small: list[str], big: list[str]) -> int:
    bigset = set(big)
    n = 0
    for w in small:
        if w in bigset or any(_close(w, v) for v in big if v not in small):
            n += 1
    return n


def _counts(a: str, b: str) -> tuple[int, int, int]:
    wa, wb = a.split(), b.split()
    small, big = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return _shared(small, big), len(wa), len(wb)


def same_indicator(a: str, b: str, threshold: float = SIMILARITY) -> bool:
    """Two keys are one indicator: similar enough, and at most MAX_OTHER words of either not in the other
    (a long list of target groups differing in what they get is two indicators)."""
    if a == b:
        return bool(a)
    shared, na, nb = _counts(a, b)
    if not shared:
        return False
    return shared / (na + nb - shared) >= threshold and (na - shared) + (nb - shared) <= MAX_OTHER


def similarity(a: str, b: str) -> float:
    """How much two keys are one indicator (0-1): Jaccard of their words, a slip counting as the same word
    (so a name printed with its sub-kegiatan before it stays close to the bare name)."""
    wa, wb = a.split(), b.split()
    if not wa or not wb:
        return 0.0
    if a == b:
        return 1.0
    small, big = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    shared = _shared(small, big)
    return shared / (len(wa) + len(wb) - shared)


def join_keys(keys: Iterable[str], threshold: float = SIMILARITY) -> dict[str, str]:
    """key -> the key of its group: near-duplicates joined (each to the longest key it is similar to)."""
    distinct = sorted({k for k in keys if k}, key=lambda k: (-len(k.split()), k))
    heads: list[str] = []
    index: dict[str, list[int]] = defaultdict(list)  # word -> heads holding it
    out: dict[str, str] = {}
    for key in distinct:
        words = key.split()
        counts: dict[int, int] = defaultdict(int)
        for w in set(words):
            for h in index.get(w, ()):
                counts[h] += 1
        best, best_score = None, 0.0
        for h, n in sorted(counts.items()):
            if n < min(len(words), 3) * 0.5:
                continue
            if not same_indicator(key, heads[h], threshold):
                continue
            score = similarity(key, heads[h])
            if score > best_score:
                best, best_score = h, score
        if best is None:
            heads.append(key)
            for w in set(words):
                index[w].append(len(heads) - 1)
            out[key] = key
        else:
            out[key] = heads[best]
    return out
