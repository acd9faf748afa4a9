"""Confidence from evidence: per column (header words, value types, arithmetic), per table part
(its weakest key column), per row (the part's, lowered where the row's reading rests on an inference).

OUTPUT.md: "confidence (0-1) says how much of the table's own evidence supports the row or flag;
error flags come only from confident rows". The weights and factors are settings
(``ConfidenceSettings``); the check stage turns records below ``flag_min`` into abstentions.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.model import Table
from extractors.numbers import Number
from extractors.settings import Settings
from extractors.vocab import Role


@dataclass(frozen=True)
class Evidence:
    """Why a column has its role: its header words, its values' type, the arithmetic it takes part in."""

    words: float  # 1: the column's own header words name the role; 0.5: inferred (order, neighbours); 0: none
    values: float  # how well the values' type fits the role, times the share of cells of that type
    arithmetic: float  # share of rows where a relation with the column holds; 0.5 when none could be tested

    def score(self, settings: Settings) -> float:
        c = settings.confidence
        return round(c.words * self.words + c.values * self.values + c.arithmetic * self.arithmetic, 4)


def part_confidence(table: Table, first: str) -> float:
    """Confidence of the measurement part (first=TARGET) or budget part (first=PAGU) of a table: its
    weakest key column (target, realisasi, capaian / pagu, realisasi anggaran, %); 0 when absent."""
    keys = (Role.TARGET, Role.REALISASI, Role.CAPAIAN) if first == Role.TARGET else (
        Role.PAGU, Role.REALISASI_ANGGARAN, Role.PERSEN)
    if not table.role_confidence:
        return 0.0
    scores = []
    for k, role in enumerate(keys):
        cols = [j for j, r in enumerate(table.roles) if r == role]
        if not cols:
            if k < 2:
                return 0.0
            continue
        scores.append(max(table.role_confidence[j] for j in cols))
    return min(scores) if scores else 0.0


def row_confidence(table: Table, part: str, pos: int, numbers: tuple[Number, ...], settings: Settings,
                   split: bool = False) -> float:
    """The table part's confidence (its weakest key column, see extractors.understand), lowered for a
    row whose reading rests on an inference: re-laid out, split, or holding an ambiguous number."""
    conf = part_confidence(table, part)
    c = settings.confidence
    if pos in table.shifted_rows:
        conf *= c.shifted_row
    if split:
        conf *= c.split_row
    if any(n.status == "ambiguous" for n in numbers):
        conf *= c.ambiguous_number
    return round(conf, 4)


