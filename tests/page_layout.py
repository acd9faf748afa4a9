"""Synthetic PDF pages for the unruled-table finder's tests: words placed as a table's cells would be.

Lines are 10 pt high and 12 pt apart, a character 5 pt wide and a word space 2.5 pt (a quarter em). A column is
placed by its left edge, its right edge (right-aligned figures) or its centre; a table is written row by row.
Shared by ``tests/test_pdf_columns.py`` and ``tests/test_pdf_columns_blocks.py``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Literal

from extractors.pdf_words import Line, Word

CHAR = 5.0  # points per character
SPACE = 2.5  # one word space
HEIGHT = 10.0  # line height
PITCH = 12.0  # from one line's top to the next's

Rule = tuple[float, float, float]  # (y, x0, x1)


@dataclasses.dataclass(frozen=True)
class Col:
    """Where a column's text stands: ``at`` is its left edge, right edge or centre, as ``align`` says."""

    at: float
    align: Literal["left", "right", "centre"] = "left"


def words(text: str, col: Col, top: float) -> list[Word]:
    """The words of one cell's line of text, placed in its column."""
    parts = text.split()
    width = CHAR * sum(len(p) for p in parts) + SPACE * (len(parts) - 1)
    x = {"left": col.at, "right": col.at - width, "centre": col.at - width / 2}[col.align]
    out = []
    for p in parts:
        out.append(Word(p, x, top, x + CHAR * len(p), top + HEIGHT))
        x += CHAR * len(p) + SPACE
    return out


def layout(cols: Sequence[Col], rows: Sequence[Sequence[str]], first: int = 0) -> list[Line]:
    """One visual line per row of texts (one text per column, "" for an empty cell), from line ``first``."""
    lines = []
    for k, texts in enumerate(rows):
        assert len(texts) == len(cols)
        top = (first + k) * PITCH
        ws = [w for text, col in zip(texts, cols, strict=True) for w in words(text, col, top)]
        lines.append(Line(tuple(sorted(ws, key=lambda w: w.x0))))
    return lines


def rule_above(line: int, x0: float = 5.0, x1: float = 420.0) -> Rule:
    """A horizontal rule across the table in the 2 pt gap above a line."""
    return (line * PITCH - 1.0, x0, x1)
