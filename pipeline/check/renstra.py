"""The "capaian against the Renstra end target" column: realisasi / target akhir Renstra x 100.

Comparison tables often carry, beside the year's target / realisasi / capaian, the Renstra end target
and the capaian against it. Both Renstra columns get the role "renstra"; the one whose header speaks
of capaian is the percentage, the other the end target.
"""

from __future__ import annotations

import regex

from extractors.model import Table
from extractors.numbers import parse_number
from extractors.settings import DEFAULT, Settings
from pipeline.check.messages import fmt
from pipeline.check.polarity import wording_says_lower
from pipeline.check.tolerance import agrees, printed
from schemas.records import Extraction, Flag


def _columns(table: Table) -> tuple[int, int, int, int] | None:
    """(indikator, realisasi, renstra target, renstra capaian) column indexes, or None."""
    renstra = [j for j, r in enumerate(table.roles) if r == "renstra"]
    capaian = [j for j in renstra if regex.search(r"capaian|persen|%", table.header[j], regex.I)]
    target = [j for j in renstra if j not in capaian and regex.search(r"target", table.header[j], regex.I)]
    realisasi = [j for j, r in enumerate(table.roles) if r == "realisasi"]
    names = [j for j, r in enumerate(table.roles) if r == "indikator"]
    if len(capaian) != 1 or len(target) != 1 or not realisasi or not names:
        return None
    return names[0], realisasi[-1], target[0], capaian[0]


def check_renstra(ext: Extraction, settings: Settings = DEFAULT) -> list[Flag]:
    flags: list[Flag] = []
    for table in ext.tables:
        cols = _columns(table)
        if cols is None:
            continue
        name_col, real_col, target_col, cap_col = cols
        for row in table.rows:
            real, target, cap = (parse_number(row.text(j)) for j in (real_col, target_col, cap_col))
            if not (real.ok and target.ok and cap.ok) or not target.value or not real.value:
                continue
            indikator = row.text(name_col)
            lower = wording_says_lower(indikator)
            interval = (printed(target).divide(printed(real)) if lower else printed(real).divide(printed(target)))
            if interval is None or agrees(cap, interval.scale(100.0)):
                continue
            t, r = target.value, real.value
            expected = (t / r if lower else r / t) * 100
            how = (f"target akhir Renstra {fmt(t, target.decimals)} / realisasi {fmt(r, real.decimals)}" if lower
                   else f"realisasi {fmt(r, real.decimals)} / target akhir Renstra {fmt(t, target.decimals)}")
            flags.append(Flag(ext.info.doc_id, ext.info.source_file, table.table_id, row.page, row.line,
                              "capaian_mismatch", "error", f"{indikator} (capaian thd target akhir Renstra)",
                              cap.value, round(expected, 4), round((cap.value or 0) - expected, 4),
                              f"Capaian terhadap target akhir Renstra {cap.raw.strip()} tidak sesuai: {how} x 100 "
                              f"= {fmt(expected, 2)}%"))
    return flags
