"""A finding about columns of a table names them as the table prints them, beside the role lkjip read.

"JUMLAH (pagu+sisa)" tells an auditor which figures lkjip compared, but not where to look on the page: the report
heads the column "Anggaran Setelah Perubahan" (dev-set d05), "Anggaran PK 2024" (holdout h07), "Anggaran (Rp)"
(d06, h08), and the golds an auditor writes name the column so ("JUMLAH (Anggaran Setelah Perubahan)"). A label
that only repeats the role ("Pagu (Rp)", "Realisasi", "SISA") adds nothing and is left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import regex

from extractors.model import Table
from pipeline.check.subjects import WORD
from schemas.records import Flag

# the role words a subject names its columns by (pipeline.check.totals.COLUMNS and the measurement checks), and the
# table roles each stands for, in the order they are looked for
ROLES: dict[str, tuple[str, ...]] = {
    "pagu": ("pagu",), "realisasi": ("realisasi_anggaran", "realisasi"), "sisa": ("sisa",),
    "target": ("target",)}
_COLUMNS = regex.compile(r"^(?P<name>.*?)\s*\((?P<cols>[a-z]+(?:\+[a-z]+)*)\)\s*$")
_NO_NEWS = {"rp", "rupiah"}  # words a label may add to the role's own without saying more


def _label(table: Table, name: str) -> str:
    for role in ROLES[name]:
        for j, r in enumerate(table.roles):
            if r == role and j < len(table.header):
                label = " ".join(table.header[j].split())
                return "" if set(WORD.findall(label.lower())) <= {name, *_NO_NEWS} else label
    return ""


def with_printed_labels(flags: Iterable[Flag], tables: Iterable[Table]) -> list[Flag]:
    """The flags, each whose subject ends in the columns it compared ("... (pagu+sisa)") with their printed
    labels added ("... (pagu+sisa: Anggaran Setelah Perubahan)")."""
    by_id = {t.table_id: t for t in tables}
    out: list[Flag] = []
    for f in flags:
        m = _COLUMNS.match(f.subject or "")
        table = by_id.get(f.table_id)
        names = m.group("cols").split("+") if m else []
        if table is None or not names or any(n not in ROLES for n in names):
            out.append(f)
            continue
        printed = [label for n in names if (label := _label(table, n))]
        out.append(replace(f, subject=f"{m.group('name')} ({m.group('cols')}: {'; '.join(printed)})")
                   if printed and m else f)
    return out
