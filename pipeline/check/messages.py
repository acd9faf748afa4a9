"""Figures written the Indonesian way for flag messages."""

from __future__ import annotations


def fmt(value: float | None, decimals: int | None = None) -> str:
    """12387484416 -> '12.387.484.416'; 92.153 -> '92,15'."""
    if value is None:
        return "-"
    if decimals is None:
        decimals = 0 if abs(value - round(value)) < 1e-9 else 2
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")
