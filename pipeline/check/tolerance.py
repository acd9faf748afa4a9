"""The report's own rounding, as interval arithmetic.

A printed figure stands for every value within half a unit of its last printed digit. A reported
result agrees with a formula when some value of the formula over those input intervals lies within
one unit of the reported figure's last printed decimal (OUTPUT.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.numbers import Number


@dataclass(frozen=True)
class Interval:
    lo: float
    hi: float

    @property
    def mid(self) -> float:
        return (self.lo + self.hi) / 2

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def scale(self, k: float) -> Interval:
        a, b = self.lo * k, self.hi * k
        return Interval(min(a, b), max(a, b))

    def divide(self, other: Interval) -> Interval | None:
        """self / other; None when other spans zero."""
        if other.lo <= 0 <= other.hi:
            return None
        cands = [self.lo / other.lo, self.lo / other.hi, self.hi / other.lo, self.hi / other.hi]
        return Interval(min(cands), max(cands))


def printed(n: Number) -> Interval:
    """Every value a printed figure may stand for."""
    assert n.value is not None
    half = 0.5 * n.resolution
    return Interval(n.value - half, n.value + half)


def exact(value: float) -> Interval:
    return Interval(value, value)


def agrees(reported: Number, computed: Interval) -> bool:
    """The reported figure is within one unit of its last printed decimal of some computed value."""
    assert reported.value is not None
    unit = reported.resolution
    return computed.lo - unit <= reported.value + 1e-9 and reported.value - 1e-9 <= computed.hi + unit


def ratio_percent(numerator: Number, denominator: Number) -> Interval | None:
    q = printed(numerator).divide(printed(denominator))
    return q.scale(100.0) if q else None
