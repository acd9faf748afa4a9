"""Indonesian (and English) number formats -> numbers with a parse status.

INTERFACE (fixed; other modules code against it):

    Number            -- frozen dataclass, see below
    parse_number(raw, style=None) -> Number
    infer_style(raws) -> "id" | "en" | None
    split_items(raw) -> list[str]

Implementation is pending (a helper is writing it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

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


def parse_number(raw: str, style: Style | None = None) -> Number:
    raise NotImplementedError


def infer_style(raws: Iterable[str]) -> Style | None:
    raise NotImplementedError


def split_items(raw: str) -> list[str]:
    raise NotImplementedError
