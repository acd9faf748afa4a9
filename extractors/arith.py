"""The arithmetic that holds between a table's columns, found row by row, in any layout.

Three relations carry the meaning of LKjIP tables (OUTPUT.md, DESIGN.md "Stages: understand"):

- ratio:  c = b / a x 100  (target, realisasi, capaian; or pagu, realisasi anggaran, %). For
  indicators where lower is better the report prints a / b x 100 or (2a - b) / a x 100; those
  count as the same relation, because a capaian column mixes both polarities.
- difference:  d = a - b  (pagu, realisasi, sisa).
- sum:  y = x1 + x2 + ...  (quarters I-IV summing to the year's realisasi).

A relation is *found* when it holds in at least ``ArithSettings.share`` of the rows where all its
cells hold numbers, and in at least ``min_rows`` of them: most rows, not all, because the report's
own slips are what the check stage reports. Looking for relations uses a loose tolerance
(``rel_tol``/``abs_tol_percent``); flagging later uses the report's exact rounding rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import permutations

from extractors.settings import DEFAULT, ArithSettings

Values = Sequence[Sequence[float | None]]  # values[col][row]


@dataclass(frozen=True)
class Relation:
    kind: str  # ratio | difference | sum
    cols: tuple[int, ...]  # ratio: (a, b, c); difference: (a, b, d); sum: (y, x1, x2, ...)
    hits: int
    tested: int
    direct: int = 0  # ratio: rows where c = b/a*100 itself (higher is better), the usual orientation
    # ratio: rows in the usual orientation (c = b/a*100) that tell the roles apart: a != b, b != c, and
    # b, c != 0. A row with a = b and
    # c = 100, or b = c and a = 100, agrees with any pair of equal columns beside a column of 100s
    # (multi-year tables of targets met); a row of zeros with any column at all (counts tables, 001)
    telling: int = 0

    @property
    def share(self) -> float:
        return self.hits / self.tested if self.tested else 0.0


def _close(x: float, y: float, settings: ArithSettings, percent: bool) -> bool:
    slack = max(settings.abs_tol_percent if percent else 0.5, abs(y) * settings.rel_tol)
    return abs(x - y) <= slack


def ratio_holds(a: float, b: float, c: float, settings: ArithSettings = DEFAULT.arith) -> bool:
    """c is b/a*100, or (lower is better) a/b*100 or (2a-b)/a*100."""
    if a == 0:
        return False
    if _close(b / a * 100, c, settings, True) or _close((2 * a - b) / a * 100, c, settings, True):
        return True
    return b != 0 and _close(a / b * 100, c, settings, True)


def ratio_relation(values: Values, a: int, b: int, c: int, settings: ArithSettings = DEFAULT.arith) -> Relation:
    hits = tested = direct = telling = 0
    for av, bv, cv in zip(values[a], values[b], values[c], strict=False):
        if av is None or bv is None or cv is None or av == 0:
            continue
        if av == bv == cv == 0:
            continue
        tested += 1
        is_direct = _close(bv / av * 100, cv, settings, True)
        hits += ratio_holds(av, bv, cv, settings)
        direct += is_direct
        telling += is_direct and av != bv and bv != cv and bv != 0 and cv != 0
    return Relation("ratio", (a, b, c), hits, tested, direct, telling)


def difference_relation(values: Values, a: int, b: int, d: int, settings: ArithSettings = DEFAULT.arith) -> Relation:
    hits = tested = 0
    for av, bv, dv in zip(values[a], values[b], values[d], strict=False):
        if av is None or bv is None or dv is None or (av == 0 and bv == 0):
            continue
        tested += 1
        hits += _close(av - bv, dv, settings, False)
    return Relation("difference", (a, b, d), hits, tested)


def sum_relation(values: Values, y: int, parts: Sequence[int], settings: ArithSettings = DEFAULT.arith) -> Relation:
    hits = tested = 0
    for i, yv in enumerate(values[y]):
        xs = [values[j][i] for j in parts]
        if yv is None or all(x is None for x in xs) or yv == 0:
            continue
        tested += 1
        hits += _close(sum(x or 0.0 for x in xs), yv, settings, False)
    return Relation("sum", (y, *parts), hits, tested)


def found(rel: Relation, settings: ArithSettings = DEFAULT.arith) -> bool:
    return rel.tested >= settings.min_rows and rel.share >= settings.share


def find_ratios(values: Values, candidates: Sequence[int], settings: ArithSettings = DEFAULT.arith) -> list[Relation]:
    """Every (a, b, c) among the candidate columns where c = b/a*100 holds in most rows, best first."""
    out = []
    for a, b, c in permutations(candidates, 3):
        rel = ratio_relation(values, a, b, c, settings)
        if found(rel, settings) and rel.telling >= settings.min_rows:
            out.append(rel)
    # the usual orientation first: most indicators are higher-better, and the public format prints
    # the planned figure left of the achieved one
    return sorted(out, key=lambda r: (-r.share, -r.direct, -r.tested, r.cols[0] > r.cols[1], r.cols))
