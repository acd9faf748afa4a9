"""Column types from the values alone, before any header word is read.

A cell's type comes from how it is printed: a % sign, "Rp" or a ",-" suffix, a unit word after the
figure, thousands groups on a large amount, a budget code, a year, a grade word. A column takes the
type most of its filled cells agree on (``TypeSettings.majority``); the share is kept as evidence.
Justified by the public format (DESIGN.md, "What a report looks like": "35,52%", "Rp 2.456.653.000,-",
"96 Pendamping", "1.06.01.2.01.01", "72/BB") and seen in all three sample reports and the fixtures.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from extractors.numbers import Number, parse_number, split_items, split_stacked
from extractors.settings import DEFAULT, TypeSettings
from extractors.vocab import ColType

# a Permendagri 90/2019 budget code alone in its cell ("1.06.01.2.01.0001", placeholders "X.XX.01.2.01")
_CODE = regex.compile(r"^\s*(?:\d{1,2}|X{1,2})(?:\.(?:\d{1,4}|X{1,2})){2,6}\.?\s*$", regex.I)
# an item's number alone in its cell: "3", "2.", "2.1", "2.3.1", "IV.", "b)"
ITEM_NUMBER = regex.compile(r"^\(?\s*(?:\d{1,2}(?:\.\d{1,2}){0,2}|[IVXLC]{1,5}|[a-z])\s*[\.\)]?\s*\)?$", regex.I)


def item_id(text: str) -> bool:
    """An item's number or its budget code alone in a cell: what opens a row of a numbered list."""
    return bool(ITEM_NUMBER.match(text) or _CODE.match(text))


_LIST_ITEM = regex.compile(r"^\s*(\d{1,2})\s*[.)]")
_SPACED_LIST_ITEM = regex.compile(r"^(\d{1,2})[.)]\s")


def next_list_item(above: str, below: str, spaced: bool = False) -> bool:
    """``below`` starts the item after one ``above`` began ("1.Persentase ..." then "2.Persentase ...", "1. 101,39%"
    then "2. 85,18%"). ``spaced``: each item number is followed by a space, where a figure ("2.5" under "1.5")
    would otherwise read as the next item."""
    item = (_SPACED_LIST_ITEM if spaced else _LIST_ITEM).match(below)
    if item is None or int(item.group(1)) < 2:
        return False
    mark = rf"(?:^|\s){int(item.group(1)) - 1}[.)]\s" if spaced else rf"(?:^|\s){int(item.group(1)) - 1}\s*[.)]"
    return regex.search(mark, above) is not None
_THOUSANDS = regex.compile(r"^\s*\d{1,3}(?:\.\d{3})+\s*$")  # "2.456.653.000": an amount, not a code
_NUMBERING = regex.compile(r"^\s*\(?(?:\d{1,2}|[IVXLC]{1,5}|[a-z])\s*[\.\)]\s*$", regex.I)
_YEAR = regex.compile(r"^\s*\(?(?:19|20)\d{2}\)?\s*$")
_WORDS = regex.compile(r"[A-Za-z]{3,}")


@dataclass(frozen=True)
class ColumnType:
    """A column's type and how much of the column agrees with it (0-1)."""

    type: ColType
    share: float
    n_filled: int
    median: float | None = None  # median magnitude of its numbers, when numeric


NUMERIC_TYPES = frozenset({ColType.PERCENT, ColType.MONEY, ColType.COUNT, ColType.NUMBER})
_TIE_ORDER = (ColType.PERCENT, ColType.COUNT, ColType.NUMBER, ColType.MONEY)


def cell_type(text: str, settings: TypeSettings = DEFAULT.types, number: Number | None = None) -> ColType:
    """The type of one printed cell."""
    t = text.strip()
    if not t:
        return ColType.EMPTY
    if (_CODE.match(t) and not _THOUSANDS.match(t)) or _NUMBERING.match(t):
        return ColType.CODE
    if _YEAR.match(t):
        return ColType.YEAR
    if len(t) > settings.figure_max_chars or len(_WORDS.findall(t)) > 3:
        return ColType.TEXT
    n = number if number is not None else parse_number(t)
    if n.value is None:
        if n.qualitative:
            return ColType.GRADE
        if n.dash or n.status == "empty":  # "-", "n/a", "nihil": nothing printed
            return ColType.EMPTY
        return ColType.TEXT
    if n.qualitative:
        return ColType.GRADE
    if n.percent:
        return ColType.PERCENT
    if n.unit and not n.money:
        return ColType.COUNT
    if n.money or abs(n.value) >= settings.money_min:
        return ColType.MONEY
    return ColType.NUMBER


@lru_cache(maxsize=1 << 14)
def _cell_kinds(cell: str, settings: TypeSettings) -> tuple[tuple[ColType, float | None], ...]:
    """The types (and magnitudes, when numeric) of what a cell holds; a cell holding several indicators'
    figures ("1) 85% 2) 75%") is typed item by item. Cached: the same texts recur across a report."""
    items = split_items(cell)
    out = []
    for text in items if len(items) > 1 else split_stacked(cell):
        n = parse_number(text) if text.strip() else None
        kind = cell_type(text, settings, n)
        if kind is ColType.EMPTY:
            continue
        numeric = n is not None and n.value is not None and kind in NUMERIC_TYPES
        out.append((kind, abs(n.value) if numeric and n is not None and n.value is not None else None))
    return tuple(out)


def figures_per_cell(texts: Iterable[str], settings: TypeSettings = DEFAULT.types) -> int:
    """How many figures most filled cells of a column hold: 2 where a reader set two columns of figures as one
    ("9.173.500 95,05"), else 1 (0 for a column without figures)."""
    counts: Counter[int] = Counter()
    for cell in texts:
        kinds = _cell_kinds(cell, settings)
        if kinds:
            counts[sum(1 for kind, _ in kinds if kind in NUMERIC_TYPES)] += 1
    return counts.most_common(1)[0][0] if counts else 0


def column_type(texts: Iterable[str], settings: TypeSettings = DEFAULT.types) -> ColumnType:
    """The type most filled cells of a column agree on.

    Numeric kinds count towards each other when no single kind has a majority (a percent column
    with a few bare "100" cells is still a percent column); a dash is no evidence either way.
    """
    counts: Counter[ColType] = Counter()
    mags: list[float] = []
    for cell in texts:
        for kind, magnitude in _cell_kinds(cell, settings):
            counts[kind] += 1
            if magnitude is not None:
                mags.append(magnitude)
    filled = sum(counts.values())
    if not filled:
        return ColumnType(ColType.EMPTY, 0.0, 0)
    mags.sort()
    median = mags[len(mags) // 2] if mags else None
    kind, top = counts.most_common(1)[0]
    if top / filled >= settings.majority:
        return ColumnType(kind, top / filled, filled, median)
    numeric = sum(counts[k] for k in NUMERIC_TYPES)
    if numeric / filled >= settings.majority:
        # a tie goes to the weaker claim, in a fixed order (iterating the frozenset made it depend on the
        # interpreter's string hash seed): money, which makes a target column a pagu, comes last
        best = max(_TIE_ORDER, key=lambda k: counts[k])
        if best is ColType.NUMBER and counts[ColType.PERCENT]:
            best = ColType.PERCENT  # bare numbers beside printed percents: the % was left off some cells
        return ColumnType(best, numeric / filled, filled, median)
    return ColumnType(kind, top / filled, filled, median)
