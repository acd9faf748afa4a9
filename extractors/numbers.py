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
is read the Indonesian way and marked ambiguous.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

import regex

Status = Literal["ok", "ambiguous", "malformed", "empty", "text"]
Style = Literal["id", "en"]


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

    @property
    def ok(self) -> bool:
        return self.value is not None and self.status in ("ok", "ambiguous")

    @property
    def resolution(self) -> float:
        return 10.0 ** (-self.decimals)


GRADES = {
    "a", "aa", "b", "bb", "bbb", "c", "cc", "ccc", "d", "e", "wtp", "wdp", "tw", "tmp", "baik", "sangat baik",
    "cukup", "cukup baik", "kurang", "puas", "sangat puas", "kurang puas", "tidak puas", "tinggi", "sedang",
    "rendah", "sangat tinggi", "pratama", "madya", "nindya", "utama", "paripurna", "tercapai", "tidak tercapai",
    "berhasil", "sangat berhasil", "memuaskan", "sangat memuaskan", "optimal", "ada", "tidak ada", "ya", "tidak",
    "lengkap", "sesuai", "akuntabel", "sangat akuntabel",
}
_EMPTY = {"", "-", "–", "—", "n/a", "na", "n.a", "n.a.", "nihil", "--"}
_TOKEN = regex.compile(r"\d[\d\.,]*")
_RP = regex.compile(r"^\s*rp\.?\s*", regex.I)


def _empty(raw: str, unit: str = "") -> Number:
    stripped = raw.strip()
    return Number(raw=raw, value=None, status="empty", dash=stripped in ("-", "–", "—", "--"), unit=unit)


def _read_token(tok: str, style: Style | None, percent: bool) -> tuple[float | None, int, Status, str]:
    """Read one digits-and-separators token: (value, decimals, status, defect)."""
    defect = ""
    tok = tok.strip()
    if tok.endswith((".", ",")):
        if tok.endswith(",") and percent:
            defect = "dangling decimal comma"
        tok = tok[:-1]
    if not tok:
        return None, 0, "malformed", ""
    dots, commas = tok.count("."), tok.count(",")
    if dots == 0 and commas == 0:
        return float(tok), 0, "ok", defect
    if dots and commas:
        last_dot, last_comma = tok.rfind("."), tok.rfind(",")
        dec_mark, group_mark = (",", ".") if last_comma > last_dot else (".", ",")
        int_part, frac = tok.rsplit(dec_mark, 1)
        groups = int_part.split(group_mark)
        if dec_mark in int_part or not _grouped(groups):
            return None, 0, "malformed", ""
        if len(frac) == 3 and not (dec_mark == "," and frac == "000"):
            # "76,946.900": a three-digit "decimal" after thousands groups cannot be told apart
            return None, 0, "malformed", ""
        return float("".join(groups) + "." + frac), len(frac), "ok", defect
    mark = "." if dots else ","
    parts = tok.split(mark)
    if len(parts) > 2:
        if _grouped(parts):
            return float("".join(parts)), 0, "ok", defect
        return None, 0, "malformed", ""
    head, tail = parts
    if len(tail) != 3 or head in ("0", "") or len(head) > 3:
        if len(tail) == 3 and len(head) > 3:
            return float(f"{head}.{tail}"), 3, "ok", defect
        return float(f"{head}.{tail}"), len(tail), "ok", defect
    # one separator followed by exactly three digits: thousands or decimals?
    if percent:
        return None, 0, "malformed", ""  # "1.100 %": 1100 % or 1,1 %; a list number stuck to 100 % is likelier
    thousands = (style or "id") == ("id" if mark == "." else "en")
    status: Status = "ok" if style else "ambiguous"
    if thousands:
        return float(head + tail), 0, status, defect
    return float(f"{head}.{tail}"), 3, status, defect


def _grouped(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and groups[0] != "" and all(len(g) == 3 for g in groups[1:])


def _split_words(rest: str) -> tuple[str, str]:
    """Words after a number: (unit, qualitative grade)."""
    words = rest.strip(" /()-:").strip()
    if not words:
        return "", ""
    if words.lower() in GRADES or regex.fullmatch(r"[A-E]{1,3}[+-]?", words):
        return "", words
    return words, ""


def parse_number(raw: str, style: Style | None = None) -> Number:
    text = raw.replace("\u00a0", " ").strip()
    if text.lower() in _EMPTY:
        return _empty(raw)
    money = bool(_RP.match(text)) or text.endswith((",-", ".-", ",--"))
    text = _RP.sub("", text)
    text = regex.sub(r"[,\.]-+$", "", text).strip()
    negative = False
    m = regex.fullmatch(r"\(\s*(.+?)\s*\)", text)
    if m and regex.search(r"\d", m.group(1)):
        negative, text = True, m.group(1)
    if text.startswith("-") and len(text) > 1 and text[1:].strip()[:1].isdigit():
        negative, text = True, text[1:].strip()
    pct_signs = text.count("%")
    percent = pct_signs > 0
    defect = "doubled percent sign" if regex.search(r"%\s*%", text) else ""
    # a decimal comma followed by a space: "102, 99%"
    text = regex.sub(r"(\d),\s(\d{1,2})(?=\s*%)", r"\1,\2", text)
    text = regex.sub(r"^\s*[\.,](?=\d)", "", text)  # a stray leading mark: ".87,73%"
    tokens = list(_TOKEN.finditer(text))
    if not tokens:
        if text.lower().strip(" -") in _EMPTY:
            return _empty(raw)
        words = text.strip()
        if regex.fullmatch(r"-\s*[A-Za-z].*", words):
            return _empty(raw, unit=words.lstrip("- ").strip())
        qual = words if words.lower() in GRADES or regex.fullmatch(r"[A-E]{1,3}", words) else ""
        return Number(raw=raw, value=None, status="text", qualitative=qual)
    if len(tokens) > 1:
        return _several(raw, text, tokens, style, percent, money)
    tok = tokens[0]
    before, after = text[: tok.start()], text[tok.end():]
    before_words = before.strip(" .,")
    after_words = after.replace("%", " ").strip()
    if len(before_words.split()) > 2 or len(after_words.split()) > 3:
        return Number(raw=raw, value=None, status="text", percent=percent, money=money)  # a sentence
    value, decimals, status, tdefect = _read_token(tok.group(0), style, percent)
    unit, qual = _split_words(after_words)
    lead_unit, lead_qual = _split_words(before_words) if before_words else ("", "")
    return Number(raw=raw, value=_sign(value, negative), status=status, decimals=decimals, percent=percent,
                  unit=unit or lead_unit, qualitative=qual or lead_qual, money=money, defect=defect or tdefect)


def _sign(value: float | None, negative: bool) -> float | None:
    return -value if value is not None and negative else value


def _several(raw: str, text: str, tokens: list[regex.Match[str]], style: Style | None, percent: bool,
             money: bool) -> Number:
    """More than one digit group: "72/100", "85 s/d 100", "2 Dokumen 37.754.909" are not one value."""
    m = regex.fullmatch(r"\s*(\d[\d\.,]*)\s*%?\s*/\s*([A-Za-z].*)", text)
    if m:
        value, decimals, status, defect = _read_token(m.group(1), style, percent)
        return Number(raw=raw, value=value, status=status, decimals=decimals, percent=percent,
                      qualitative=m.group(2).strip(), money=money, defect=defect)
    return Number(raw=raw, value=None, status="text", percent=percent, money=money)


def numbers_in(raw: str) -> list[str]:
    """The number-looking pieces of a cell, each with its % sign or unit word."""
    return [m.group(0).strip() for m in regex.finditer(r"\d[\d\.,]*\s*(?:%|[A-Za-z][\w/]*)?", raw)]


_ID_EVIDENCE = regex.compile(r"\d{1,3}(?:\.\d{3}){2,}(?!\d)|\d{1,3}(?:\.\d{3})+,\d+|(?<![\d\.,])\d+,\d{1,2}(?![\d\.,])")
_EN_EVIDENCE = regex.compile(r"\d{1,3}(?:,\d{3}){2,}(?!\d)|\d{1,3}(?:,\d{3})+\.\d+|(?<![\d\.,])\d+\.\d{1,2}(?![\d\.,])")


def infer_style(raws: Iterable[str]) -> Style | None:
    """The separator style the texts' unambiguous numbers show, None without evidence."""
    id_votes = en_votes = 0
    for raw in raws:
        if not raw:
            continue
        id_votes += len(_ID_EVIDENCE.findall(raw))
        en_votes += len(_EN_EVIDENCE.findall(raw))
    if id_votes == en_votes:
        return None
    return "id" if id_votes > en_votes else "en"


_ENUM = regex.compile(r"(?:^|(?<=\s))(\d)\s*[\.\)]\s*")


def split_items(raw: str) -> list[str]:
    """Split an enumerated cell ("1. 72,73% 2. 34,29%") into its items; otherwise [raw]."""
    text = raw.strip()
    marks = list(_ENUM.finditer(text))
    if len(marks) < 2:
        return [raw]
    numbers = [int(m.group(1)) for m in marks]
    if numbers != list(range(1, len(numbers) + 1)) or marks[0].start() != 0:
        return [raw]
    items = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        item = text[m.end():end].strip()
        if not item or not regex.search(r"\d", item):
            return [raw]
        items.append(item)
    return items


def with_style(number: Number, style: Style | None) -> Number:
    """Re-read an ambiguous number once a style is known."""
    if number.status != "ambiguous" or style is None:
        return number
    return replace(parse_number(number.raw, style), raw=number.raw)
