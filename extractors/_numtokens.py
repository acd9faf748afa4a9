"""Reading one token of digits and separators ("2.456.653.000", "1.055,00", "96.78") as a number.

Private helper of `extractors.numbers`: the separators of each token are decided on their own;
only a token with a single separator followed by exactly three digits ("1.036", "12,387") needs
the style of its column or document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Status = Literal["ok", "ambiguous", "malformed", "empty", "text"]
Style = Literal["id", "en"]

DANGLING_COMMA = "dangling decimal comma"
_DIGITS = re.compile(r"[0-9][0-9.,]*")


@dataclass(frozen=True)
class Reading:
    """What a token says: its value, the digits after its decimal mark, a status and a defect."""

    value: float | None
    decimals: int = 0
    status: Status = "ok"
    defect: str = ""


MALFORMED = Reading(None, 0, "malformed")
OUTLINE = Reading(None, 0, "text")  # "2.1.1", "1.06.01.2.01.01": a heading or code number, not a figure


def read_token(token: str, style: Style | None = None, percent: bool = False) -> Reading:
    """Read digits with "." / "," separators; `percent` says a % sign follows the token."""
    body = token.strip()
    defect = ""
    if body[-1:] in (".", ","):
        defect = DANGLING_COMMA if body.endswith(",") and percent else ""
        body = body[:-1]
    if not _DIGITS.fullmatch(body):
        return MALFORMED
    reading = _read_body(body, style, percent)
    if defect and reading.value is not None:
        return Reading(reading.value, reading.decimals, reading.status, defect)
    return reading


def _read_body(body: str, style: Style | None, percent: bool) -> Reading:
    dots, commas = body.count("."), body.count(",")
    if not dots and not commas:
        return Reading(float(body))
    if dots and commas:
        return _mixed(body)
    mark = "." if dots else ","
    parts = body.split(mark)
    if len(parts) > 2:
        return _repeated(parts, mark)
    return _single(parts[0], parts[1], mark, style, percent)


def _grouped(groups: list[str]) -> bool:
    """Thousands groups: 1-3 digits, then groups of exactly three."""
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def _mixed(body: str) -> Reading:
    """Both marks: the last one is the decimal mark, the other must group thousands."""
    decimal_mark = "," if body.rfind(",") > body.rfind(".") else "."
    group_mark = "." if decimal_mark == "," else ","
    int_part, frac = body.rsplit(decimal_mark, 1)
    groups = int_part.split(group_mark)
    if decimal_mark in int_part or not _grouped(groups) or not frac:
        return MALFORMED  # "10,577.358.620": the marks alternate
    if len(frac) == 3:
        return MALFORMED  # "76,946.900": a misplaced thousands mark reads the same way
    return Reading(float("".join(groups) + "." + frac), len(frac))


def _repeated(parts: list[str], mark: str) -> Reading:
    """One mark used several times: thousands groups ("2.456.653.000"), or irregular."""
    if _grouped(parts):
        return Reading(float("".join(parts)))
    if mark == "." and all(len(p) != 3 for p in parts[1:]):
        return OUTLINE
    return MALFORMED  # "14.90.000", "930.47.023"


def _single(head: str, tail: str, mark: str, style: Style | None, percent: bool) -> Reading:
    """One mark used once: a decimal mark unless exactly three digits follow ("1.036")."""
    if len(tail) != 3 or head.startswith("0") or len(head) > 3:
        return Reading(float(f"{head}.{tail}"), len(tail))
    if percent:
        # "1.100 %": percents are not printed with three decimals, and 1100 % is no capaian; in
        # practice this is a list number stuck to 100 %, whatever the column's style
        return MALFORMED
    thousands = (style or "id") == ("id" if mark == "." else "en")
    status: Status = "ok" if style else "ambiguous"
    if thousands:
        return Reading(float(head + tail), 0, status)
    return Reading(float(f"{head}.{tail}"), 3, status)
