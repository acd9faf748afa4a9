"""Indonesian (and English) number formats -> numbers with a parse status.

    parse_number("Rp 2.456.653.000,-")  -> 2456653000 (money)
    parse_number("35,52%")              -> 35.52 (percent, 2 decimals)
    parse_number("12,387,484,416")      -> 12387484416
    parse_number("96 Pendamping")       -> 96, unit "Pendamping"
    parse_number("72/BB")               -> 72, qualitative "BB"
    parse_number("14.90.000")           -> None, malformed
    parse_number("1.036")               -> 1036, ambiguous (no style given)

Each token is decided on its own; only a token that both styles can read ("1.036": one separator
followed by exactly three digits) needs the style of its column or document, and without one it
is read the Indonesian way and marked ambiguous. Token reading lives in `extractors._numtokens`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from extractors._numtokens import Reading, Status, Style, read_token

__all__ = ["GRADES", "LIST_MARK", "Number", "Status", "Style", "infer_style", "numbers_in", "parse_number",
           "split_items", "split_stacked", "with_style"]

# an item's number in a cell's list, a word of its own: "1)", "2.", "(3)" ("1. 90% 2. 85%")
LIST_MARK = regex.compile(r"^\(?\d{1,2}[.)]$")


@dataclass(frozen=True)
class Number:
    raw: str  # the cell text as printed
    value: float | None  # normalised value (percent as percent number: "35,52%" -> 35.52)
    status: Status  # ok | ambiguous | malformed | empty ("", "-", "n/a") | text (no number at all)
    decimals: int = 0  # digits printed after the decimal mark; resolution is 10**-decimals
    percent: bool = False  # a % sign was printed
    unit: str = ""  # trailing unit words ("Pendamping", "Orang/bulan"); "" when none
    qualitative: str = ""  # the word part of a qualitative value ("BB", "Puas"); "" when none
    money: bool = False  # "Rp" was printed or ",-" suffix
    dash: bool = False  # the cell was a lone dash
    defect: str = ""  # readable but misprinted ("doubled percent sign"); flagged as malformed_number
    scale: float = 1.0  # the printed figure times this is the value: 1000 under "(Rp 000)", "ribuan rupiah"

    @property
    def ok(self) -> bool:
        return self.value is not None and self.status in ("ok", "ambiguous")

    @property
    def resolution(self) -> float:
        return self.scale * 10.0 ** (-self.decimals)

    def scaled(self, scale: float) -> Number:
        """The same printed figure read in a column whose header gives its unit ("(Rp 000)": x 1000)."""
        if scale == 1.0 or self.value is None:
            return self
        return replace(self, value=self.value * scale, scale=self.scale * scale)


GRADES = {
    "a", "aa", "b", "bb", "bbb", "c", "cc", "ccc", "d", "e", "wtp", "wdp", "tw", "tmp", "baik", "sangat baik",
    "cukup", "cukup baik", "kurang", "kurang baik", "puas", "sangat puas", "kurang puas", "tidak puas", "tinggi",
    "sedang", "rendah", "sangat tinggi", "sangat rendah", "pratama", "madya", "nindya", "utama", "paripurna",
    "tercapai", "tidak tercapai", "berhasil", "sangat berhasil", "cukup berhasil", "kurang berhasil", "memuaskan",
    "sangat memuaskan", "optimal", "ada", "tidak ada", "ya", "tidak", "lengkap", "sesuai", "akuntabel",
    "sangat akuntabel",
}
DOUBLED_PERCENT = "doubled percent sign"

_DASHES = {"-", "–", "—", "--", "−"}
_EMPTY = {"", "n/a", "na", "n.a", "n.a.", "nihil"} | _DASHES
_GRADE_LETTERS = regex.compile(r"[A-E]{1,3}[+-]?")
_TOKEN = regex.compile(r"(?<![A-Za-z0-9])[0-9](?:[0-9]|[.,](?=[0-9]))*[.,]?")
_RP = regex.compile(r"^rp\.?\s*", regex.I)
_MONEY_SUFFIX = regex.compile(r"[,.]\s?-+$")
_DECIMAL_SPACE = regex.compile(r"(?<=[0-9]),\s(?=[0-9]{1,2}\s*%)")  # "102, 99%"
_STRAY_MARK = regex.compile(r"^[.,](?=[0-9])")  # ".87,73%"
_SPACE = regex.compile(r"\s+")
_GRADE_SPLIT = regex.compile(r"[\s/()]+")
_PARENS = regex.compile(r"\(\s*(.*?[0-9].*?)\s*\)")
_MINUS = regex.compile(r"[-–]\s*([0-9].*)")
_DOUBLED = regex.compile(r"%\s*%")
_PERCENT_SIGN = regex.compile(r"\s*%")
_DASH_WORDS = regex.compile(r"([-–—]+)\s*(\S.*)")
_LETTER = regex.compile(r"[A-Za-z]")
_LEAD_PUNCT = " \t/()-–—:;,.*\"'<>≤≥±~=+"


def _text(raw: str, percent: bool = False, money: bool = False, qualitative: str = "") -> Number:
    return Number(raw=raw, value=None, status="text", percent=percent, money=money, qualitative=qualitative)


def _empty(raw: str, core: str, money: bool = False, unit: str = "") -> Number:
    return Number(raw=raw, value=None, status="empty", dash=core in _DASHES, money=money, unit=unit)


def _is_grade(words: str) -> bool:
    """A qualitative grade ("BB", "Puas", "Sangat Baik", "Baik (B)"), as opposed to a unit word."""
    words = words.strip(" ()/-:.")
    if not words:
        return False
    if _one_grade(words):
        return True
    parts = [p for p in _GRADE_SPLIT.split(words) if p]
    return len(parts) > 1 and all(_one_grade(p) for p in parts)


def _one_grade(word: str) -> bool:
    """A grade of the lexicon or a capital letter grade; a short lowercase word ("b." in a list) is not one."""
    if _GRADE_LETTERS.fullmatch(word):
        return True
    return word.lower() in GRADES and not (len(word) <= 2 and word.islower())


def _normalise(raw: str) -> str:
    text = raw.replace("\u00a0", " ").replace("\u2212", "-")
    return _SPACE.sub(" ", text).strip()


def _strip_money(text: str) -> tuple[bool, str]:
    """Remove "Rp"/"Rp." prefixes and ",-" / ".-" suffixes; says whether either was there."""
    stripped = _MONEY_SUFFIX.sub("", _RP.sub("", text)).strip()
    return stripped != text, stripped


def _strip_sign(text: str) -> tuple[bool, str]:
    """Accounting parentheses "(19.588.000)" or a leading minus: (negative, rest)."""
    m = _PARENS.fullmatch(text)
    if m:
        return True, m.group(1)
    m = _MINUS.fullmatch(text)
    if m:
        return True, m.group(1)
    return False, text


def _strip_percent(text: str) -> tuple[bool, str, str]:
    """Remove the % sign(s): (percent, defect, rest). "87,67%%" is a doubled sign."""
    if "%" not in text:
        return False, "", text
    defect = DOUBLED_PERCENT if _DOUBLED.search(text) else ""
    text = _DECIMAL_SPACE.sub(",", text)
    return True, defect, _PERCENT_SIGN.sub("", text).strip()


@lru_cache(maxsize=1 << 16)
def parse_number(raw: str, style: Style | None = None) -> Number:
    """Read one cell's text; never raises. Numbers are immutable, so readings are cached."""
    text = _normalise(raw)
    if text.lower() in _EMPTY:
        return _empty(raw, text)
    money, text = _strip_money(text)
    if text.lower() in _EMPTY:
        return _empty(raw, text, money=money)
    negative, text = _strip_sign(text)
    percent, defect, text = _strip_percent(text)
    text = _STRAY_MARK.sub("", text)
    tokens = list(_TOKEN.finditer(text))
    if not tokens:
        return _words_only(raw, text, percent, money)
    if len(tokens) > 1:
        return _text(raw, percent, money)  # "85 s/d 100", "87,57% 2.627.100": callers split with numbers_in
    number = _one_value(raw, text, tokens[0], style, percent)
    if number.value is None:
        return replace(number, money=money)
    value = -number.value if negative else number.value
    return replace(number, value=value, money=money, defect=number.defect or defect)


def _words_only(raw: str, text: str, percent: bool, money: bool) -> Number:
    """No digits: a dash with a unit ("- Jiwa"), a grade ("Puas"), or other text."""
    m = _DASH_WORDS.fullmatch(text)
    if m and _LETTER.search(m.group(2)):
        return _empty(raw, m.group(1)[:1], money=money, unit=m.group(2))
    return _text(raw, percent, money, qualitative=text if _is_grade(text) else "")


def _lead_words(before: str) -> str:
    return before.strip(_LEAD_PUNCT)


def _trail_words(after: str) -> str:
    return after.strip().lstrip(" /(-–:;,").rstrip(" )/,;:")


def _one_value(raw: str, text: str, token: regex.Match[str], style: Style | None, percent: bool) -> Number:
    """A cell with one digit token: the token read, plus words before (a grade) and after (unit or grade)."""
    before, after = text[: token.start()], text[token.end():]
    lead, trail = _lead_words(before), _trail_words(after)
    if lead and not _is_grade(lead):
        return _text(raw, percent)  # "Tahun 2024", "Sasaran 1": a label, not a figure
    trail_grade = _is_grade(trail)
    if trail and not trail_grade and (len(trail.split()) > 3 or _list_label(token.group(0), after)):
        return _text(raw, percent)  # a sentence, or "1. Kebijakan" / "(1) Faktor pendukung"
    if "(" not in before and after.lstrip().startswith(")"):
        # an item's number closed by a parenthesis, whatever follows: "1)" or "1) BB", the first item of an
        # enumerated cell ("1) BB (70,00) 2) 65,00 / B", dev d10) whose figure went to another line or cell
        return _text(raw, percent)
    reading = read_token(token.group(0), style, percent)
    if reading.status == "text":
        return _text(raw, percent)  # "2.1.1 Visi dan Misi": an outline number
    qualitative = " ".join(w for w in (lead, trail if trail_grade else "") if w)
    unit = "" if trail_grade else trail
    return _from_reading(raw, reading, percent, unit, qualitative)


def _list_label(token: str, after: str) -> bool:
    """A numbering before words: "1. Kebijakan", "1) PEMBERIAN", "(1) Faktor pendukung"."""
    return token.endswith(".") or after.lstrip().startswith(")")


def _from_reading(raw: str, reading: Reading, percent: bool, unit: str, qualitative: str) -> Number:
    return Number(raw=raw, value=reading.value, status=reading.status, decimals=reading.decimals,
                  percent=percent, unit=unit, qualitative=qualitative, defect=reading.defect)


# ---- cells holding several values -------------------------------------------------------------

_CONNECTORS = r"(?:s/d|s\.d\.?|sd|dan|atau|hingga|sampai|dari|per)\b"
_PIECE = regex.compile(
    r"(?:(?<![A-Za-z])rp\.?\s*)?"  # money prefix
    r"(?:(\()\s*)?"  # accounting parentheses, kept only when closed
    r"(?<![A-Za-z0-9])[0-9](?:[0-9]|[.,](?=[0-9])|,\s(?=[0-9]{1,2}\s*%))*"  # the digits ("102, 99%")
    r"(?(1)\s*\))"
    r"(?:[.,]\s?-+(?![0-9]))?"  # money suffix ",-"
    r"(?:[.,]?\s*%)*"  # percent sign(s), "100,%"
    rf"(?:(?:\s*/\s*|\s)(?!{_CONNECTORS})[A-Za-z][\w./]*)?",  # one unit or grade word ("72/BB")
    regex.I,
)


def numbers_in(raw: str) -> list[str]:
    """The number-looking pieces of a cell, each with its Rp, % sign or unit word attached.

    "87,57% 2.627.100" -> ["87,57%", "2.627.100"]; "2 Dokumen 37.754.909" -> ["2 Dokumen", "37.754.909"].
    """
    return [m.group(0).strip() for m in _PIECE.finditer(_normalise(raw))]


# ---- the style of a column or document --------------------------------------------------------

_START = r"(?<![0-9.,])"
_END = r"(?![0-9]|[.,][0-9])"
_ID_EVIDENCE = regex.compile(
    rf"{_START}(?:[1-9][0-9]{{0,2}}(?:\.[0-9]{{3}}){{2,}}(?!,[0-9]{{3}}{_END})"  # 2.456.653.000
    rf"|[1-9][0-9]{{0,2}}(?:\.[0-9]{{3}})+,[0-9]{{1,2}}"  # 1.055,00
    rf"|(?:0|[1-9][0-9]*),(?:[0-9]{{1,2}}|[0-9]{{4,}}))"  # 35,52
    rf"{_END}"
)
_EN_EVIDENCE = regex.compile(
    rf"{_START}(?:[1-9][0-9]{{0,2}}(?:,[0-9]{{3}}){{2,}}(?!\.[0-9]{{3}}{_END})"  # 12,387,484,416
    rf"|[1-9][0-9]{{0,2}}(?:,[0-9]{{3}})+\.[0-9]{{1,2}}"  # 1,055.00
    rf"|(?:0|[1-9][0-9]*)\.(?:[0-9]{{1,2}}|[0-9]{{4,}}))"  # 96.78
    rf"{_END}"
)


def infer_style(raws: Iterable[str]) -> Style | None:
    """The separator style most unambiguous numbers in the texts show; None without evidence or on a tie."""
    id_votes = en_votes = 0
    for raw in raws:
        if not raw or ("." not in raw and "," not in raw):
            continue  # evidence is a separator; most cells are words
        id_votes += len(_ID_EVIDENCE.findall(raw))
        en_votes += len(_EN_EVIDENCE.findall(raw))
    if id_votes == en_votes:
        return None
    return "id" if id_votes > en_votes else "en"


# ---- enumerated cells ("1. 72,73% 2. 34,29%") -------------------------------------------------

_MARK = regex.compile(r"(?:^|(?<=\s))([1-9][0-9]?)([.)])(\s*)(?=\S)")


def split_items(raw: str) -> list[str]:
    """Split an enumerated cell into its items when the numbering runs 1, 2, ... in order; else [raw].

    "1. 72,73% 2. 34,29%" -> ["72,73%", "34,29%"]; "1.100% 2.100%" -> ["100%", "100%"] (the list
    number stuck to the value, which read whole would be a malformed 1100 %); "1.100 %" -> ["1.100 %"].
    """
    text = _normalise(raw)
    marks = _numbering(text, [m for m in _MARK.finditer(text) if _spaced(m)])
    if len(marks) < 2:
        marks = _numbering(text, [m for m in _MARK.finditer(text) if _spaced(m) or _stuck_label(text, m)])
    if len(marks) < 2:
        return [raw]
    ends = [m.start() for m in marks[1:]] + [len(text)]
    items = [text[m.end():end].strip() for m, end in zip(marks, ends, strict=True)]
    return items if all(items) else [raw]


# one printed figure with its % or unit word, as stacked in a cell: "85,00%", "12,50 Km", "1.250 Orang"
STACKED_FIGURE = regex.compile(r"\(?[-–]?\s*\d[\d\.,]*\)?(?:\s*%|\s+[A-Za-z][\w/\.]*)?")


def split_stacked(raw: str) -> list[str]:
    """Figures stacked in one cell, one per indicator: "85,00% 72,00%" -> ["85,00%", "72,00%"];
    "12,50 Km 3,20 Km" -> ["12,50 Km", "3,20 Km"]. A cell that is one figure gives [raw].

    Public format: DESIGN.md ("two indicators' values in one cell"); dev-set fixtures d01 and d03 stack
    figures with and without list numbers."""
    items = [m.group(0).strip() for m in STACKED_FIGURE.finditer(raw)]
    if len(items) < 2 or regex.sub(r"\s+", "", "".join(items)) != regex.sub(r"\s+", "", raw):
        return [raw]
    if any(parse_number(item).value is None for item in items):
        return [raw]
    return items



def _spaced(mark: regex.Match[str]) -> bool:
    return mark.group(2) == ")" or bool(mark.group(3))


def _stuck_label(text: str, mark: regex.Match[str]) -> bool:
    """"1.100%": a list number glued to a value, i.e. the glued whole does not read as one number."""
    glued = regex.match(r"\S+(?:\s*%)?", text[mark.start():])
    return glued is not None and parse_number(glued.group(0)).status == "malformed"


def _numbering(text: str, marks: list[regex.Match[str]]) -> list[regex.Match[str]]:
    """The marks numbered 1, 2, 3 ... in order, starting at the cell's start."""
    picked: list[regex.Match[str]] = []
    for m in marks:
        if int(m.group(1)) == len(picked) + 1 and (picked or m.start() == 0):
            picked.append(m)
    return picked


def with_style(number: Number, style: Style | None) -> Number:
    """Re-read an ambiguous number once a style is known."""
    if number.status != "ambiguous" or style is None:
        return number
    return parse_number(number.raw, style)
