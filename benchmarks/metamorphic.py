"""Metamorphic evaluation: meaning-preserving rewrites of every sample table must give the same records.

    python benchmarks/metamorphic.py [--seeds ../shared/seeds] [--out data/out/eval/metamorphic]
                                     [--transforms permute,synonyms,...]

Each converted-text report is rewritten once per transform; the transform is applied to every table
(a run of tab-separated lines, blank lines allowed inside, as ``extractors.text_reader`` groups them)
it applies to, and the rest of the report is left as it was. Transforms:

- ``permute``: value columns reversed among themselves, name columns among themselves (a numbering
  column stays first), header cells moved with their columns; one-row headers and tables whose rows
  all have the header's width only;
- ``synonyms``: header words replaced by the synonyms LKjIP reports use (Target -> Rencana,
  Realisasi -> Realisasi s.d. Desember, Capaian -> Tingkat/Persentase Capaian, Anggaran/Pagu ->
  Alokasi Anggaran, Indikator -> Indikator Kinerja, Program -> Program/Kegiatan);
- ``numstyle``: every figure of the value columns written in the other number style (Indonesian
  1.234.567,89 <-> English 1,234,567.89), one style per table; tables with an irregular figure
  ("14.90.000", a percent above 1000) or no figure that shows its style are left alone;
- ``krp``: a cell holding a performance figure and an amount ("87,57% 2.627.100") split into a K|Rp
  pair, or a budget table's money columns laid out as K|Rp pairs under their spanning header (K left
  blank: no performance figure is invented);
- ``wrap``: a long name cell (8 words or more) cut in two, its second half on a continuation line
  with no figures, as converters print wrapped cells;
- ``pagesplit``: the table cut in two at a record row near its middle, with a page footer line
  ("Laporan Kinerja ... | 12") between the pieces and the header printed again;
- ``subtotal``: in a budget table with a JUMLAH/TOTAL row equal to the sum of its top rows, two
  numbered group rows ("I Kelompok Program A") inserted above the two halves of those rows, each
  equal to the sum of its group, so the total also equals the sum of the group rows.

Then lkjip (loaded once in this process, see ``harness.py``) runs on the originals and on each
transformed set, and the records are compared as multisets: measurements by (indikator words,
target, realisasi, capaian), budget lines by (uraian words, pagu, realisasi, persen, sisa). Line
numbers are not compared; the group rows added by ``subtotal`` are the one documented difference.
Flags are compared by (kind, severity, subject words, reported, expected): a new error/warning flag
from a meaning-preserving rewrite is a false alarm.
Prints a transform x report table and writes the transformed inputs, each run's output and
``details.json`` / ``summary.md`` to OUT.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402

ROOT = harness.ROOT

Row = list[str]
Item = Row | str | None  # a table row, a literal line (a page footer) or a blank line inside the run

# ---------------------------------------------------------------------------------------------------
# cells and figures

_NUMTOK = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*(?!\d)")
_FIGURE = re.compile(
    r"^(?:rp\.?\s*)?\(?[-+]?\d+(?:[.,]\d+)*\)?\s*(?:,-|\.-)?\s*%?\s*(?:%|[a-z/]+\.?(?:\s[a-z/]+\.?){0,2})?$", re.I)
_DASH = re.compile(r"^\s*(?:-|–|—|n/?a)\s*$", re.I)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_NUMBERING = re.compile(r"^(?:\d{1,3}|[ivxlc]{1,6}|[a-z])[.)]?(?:\s?\d{1,2}[.)]?)?$", re.I)
_TOTAL = re.compile(r"^\s*(?:jumlah|total)\b", re.I)
_SISA = re.compile(r"sisa|selisih", re.I)


def is_figure(text: str) -> bool:
    """A cell holding one figure (with an optional Rp, %, ",-" or a short unit), not a year alone."""
    t = text.strip()
    return bool(t) and bool(_FIGURE.match(t)) and not _YEAR.match(t)


def has_figure(text: str) -> bool:
    return any(not _YEAR.match(m.group()) for m in _NUMTOK.finditer(text))


def is_label_row(row: Row) -> bool:
    """A header row: no cell holds a figure (years and column numbers "(1)" aside)."""
    for cell in row:
        t = cell.strip()
        if not t or _YEAR.match(t) or re.fullmatch(r"\(\d{1,2}\)", t):
            continue
        if is_figure(t):
            return False
    return any(c.strip() for c in row)


@dataclass
class Table:
    """One run of tab-separated lines: the header rows and the body items after them."""

    start: int  # 0-based index of the run's first line
    end: int  # index just after its last tab line
    header: list[Row]
    body: list[Item]
    width: int = 0
    value_cols: list[int] = field(default_factory=list)
    name_cols: list[int] = field(default_factory=list)
    numbering_col: int | None = None

    def rows(self) -> list[Row]:
        return [it for it in self.body if isinstance(it, list)]

    def record_rows(self) -> list[Row]:
        """Body rows with a figure in a value column."""
        return [r for r in self.rows() if any(j < len(r) and has_figure(r[j]) for j in self.value_cols)]

    def lines(self) -> list[str]:
        out = ["\t".join(r) for r in self.header]
        for it in self.body:
            out.append("" if it is None else "\t".join(it) if isinstance(it, list) else it)
        return out


def _classify_columns(table: Table) -> None:
    rows = table.rows()
    table.width = max((len(r) for r in [*table.header, *rows]), default=0)
    head = [" ".join(h[j] for h in table.header if j < len(h)).strip().lower() for j in range(table.width)]
    for j in range(table.width):
        cells = [r[j].strip() for r in rows if j < len(r) and r[j].strip()]
        if not cells:
            table.name_cols.append(j)
            continue
        figures = sum(1 for c in cells if is_figure(c))
        dashes = sum(1 for c in cells if _DASH.match(c))
        numbering = sum(1 for c in cells if _NUMBERING.match(c))
        if j == 0 and (re.match(r"^no\b", head[j]) or numbering >= 0.8 * len(cells)):
            table.numbering_col = j
        elif figures and (figures + dashes) >= 0.6 * len(cells) and not re.match(r"^no\b", head[j]):
            table.value_cols.append(j)
        else:
            table.name_cols.append(j)


def _runs(lines: Sequence[str]) -> list[tuple[int, int, list[Item]]]:
    """Runs of tab lines (blank lines allowed inside): (start, end, items)."""
    runs: list[tuple[int, int, list[Item]]] = []
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            i += 1
            continue
        start = last = i
        items: list[Item] = []
        while i < len(lines) and ("\t" in lines[i] or not lines[i].strip()):
            if "\t" in lines[i]:
                items.append(lines[i].split("\t"))
                last = i
            else:
                items.append(None)
            i += 1
        runs.append((start, last + 1, items[: last - start + 1]))
        i = last + 1
    return runs


def _header_like(row: Row) -> bool:
    """A table's first header row labels most of its columns (a continuation line labels one)."""
    filled = sum(1 for c in row if c.strip())
    return filled >= 2 and filled * 2 >= len(row) and is_label_row(row)


def split_tables(lines: Sequence[str]) -> list[Table]:
    """Tables: a run of tab lines with a label header (1-3 rows) and at least two rows holding figures,
    joined with the runs that carry it on after a page break (a few short lines between, then either
    the header again or rows of the same width that do not open with a header)."""
    tables: list[Table] = []
    runs = _runs(lines)
    k = 0
    while k < len(runs):
        start, end, items = runs[k]
        k += 1
        items = list(items)
        if not (isinstance(items[0], list) and _header_like(items[0])):
            continue
        header: list[Row] = []
        while items and isinstance(items[0], list) and len(header) < 3 and is_label_row(items[0]):
            header.append(items.pop(0))
        width = len(header[0])
        while k < len(runs):
            n_start, n_end, n_items = runs[k]
            between = [ln for ln in lines[end:n_start] if ln.strip()]
            first = n_items[0]
            if (len(between) > 4 or any(len(ln) > 100 or re.match(r"^\s*tabel\b", ln, re.I) for ln in between)
                    or not isinstance(first, list) or len(first) != width
                    or (first != header[0] and _header_like(first))):
                break
            items += [ln if ln.strip() else None for ln in lines[end:n_start]]
            items += n_items
            end = n_end
            k += 1
        if not items:
            continue
        table = Table(start=start, end=end, header=header, body=items)
        _classify_columns(table)
        if table.value_cols and len(table.record_rows()) >= 2:
            tables.append(table)
    return tables


# ---------------------------------------------------------------------------------------------------
# numbers


@dataclass(frozen=True)
class Reading:
    """A figure token read under a style: integer digits, printed decimals, whether it was grouped."""

    int_digits: str
    decimals: str
    grouped: bool
    style: str | None  # "id" | "en" when the token shows it, None when it does not


def read_token(tok: str, table_style: str | None = None) -> Reading | None:
    """Read one number token; None when it cannot be read unambiguously (irregular groups)."""
    seps = [c for c in tok if c in ".,"]
    if not seps:
        return Reading(tok, "", False, None)
    parts = re.split(r"[.,]", tok)
    if "." in seps and "," in seps:
        dec = seps[-1]
        if seps.count(dec) > 1 or any(c == dec for c in seps[:-1]):
            return None
        groups = parts[:-1]
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            return None
        return Reading("".join(groups), parts[-1], True, "id" if dec == "," else "en")
    sep = seps[0]
    if len(seps) > 1:
        if not (1 <= len(parts[0]) <= 3 and all(len(g) == 3 for g in parts[1:])):
            return None
        return Reading("".join(parts), "", True, "id" if sep == "." else "en")
    if len(parts[1]) != 3 or len(parts[0]) > 3 or parts[0] == "0":
        return Reading(parts[0], parts[1], False, "id" if sep == "," else "en")
    # "1.036" / "1,036": thousands in the style whose thousands mark it uses
    if table_style is None:
        return None
    thousands = "." if table_style == "id" else ","
    if sep == thousands:
        return Reading("".join(parts), "", True, table_style)
    return Reading(parts[0], parts[1], False, table_style)


def render(r: Reading, style: str) -> str:
    thousands, dec = (".", ",") if style == "id" else (",", ".")
    digits = r.int_digits
    if r.grouped and len(digits) > 3:
        head = len(digits) % 3 or 3
        digits = digits[:head] + "".join(thousands + digits[k:k + 3] for k in range(head, len(digits), 3))
    return digits + (dec + r.decimals if r.decimals else "")


def value_of(r: Reading) -> float:
    return float(r.int_digits + ("." + r.decimals if r.decimals else ""))


def table_style(cells: Sequence[str]) -> str | None:
    """The style most tokens show, None when none shows one."""
    votes: Counter[str] = Counter()
    for cell in cells:
        for m in _NUMTOK.finditer(cell):
            r = read_token(m.group())
            if r is not None and r.style:
                votes[r.style] += 1
    if not votes:
        return None
    return votes.most_common(1)[0][0]


def swap_cell(cell: str, source: str, target: str) -> str | None:
    """The cell with every figure in ``target`` style; None when a figure is irregular."""
    out: list[str] = []
    pos = 0
    for m in _NUMTOK.finditer(cell):
        r = read_token(m.group(), source)
        if r is None:
            return None
        after = cell[m.end():m.end() + 3].lstrip()
        if after.startswith("%") and value_of(r) > 1000:
            return None
        out.append(cell[pos:m.start()])
        out.append(render(r, target))
        pos = m.end()
    out.append(cell[pos:])
    text = "".join(out)
    if target == "en":
        text = re.sub(r"(\d),-", r"\1", text)
    return text


# ---------------------------------------------------------------------------------------------------
# transforms: each takes a table and returns its new items (header included) or None (not applicable)

Transform = Callable[[Table], list[Item] | None]


def _uniform(table: Table) -> bool:
    return all(len(r) == table.width for r in [*table.header, *table.rows()])


def permute_columns(table: Table) -> list[Item] | None:
    if len(table.header) != 1 or not _uniform(table):
        return None
    order = list(range(table.width))
    values = table.value_cols
    names = [j for j in table.name_cols if any(r[j].strip() for r in [*table.header, *table.rows()])]
    if len(values) < 2 and len(names) < 2:
        return None
    for group in (values, names):
        for a, b in zip(group, reversed(group), strict=True):
            order[a] = b
    if order == list(range(table.width)):
        return None

    def perm(r: Row) -> Row:
        return [r[k] for k in order]

    return [perm(table.header[0]), *[perm(it) if isinstance(it, list) else it for it in table.body]]


_SYNONYMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\btarget\b", re.I), "Rencana"),
    (re.compile(r"\brealisasi\b(?!\s*(?:s\.?d|sampai|anggaran|keuangan))", re.I), "Realisasi s.d. Desember"),
    (re.compile(r"(?<!tingkat )(?<!persentase )\bcapaian\b", re.I), "Tingkat Capaian"),
    (re.compile(r"^(?:anggaran|pagu)\b", re.I), "Alokasi Anggaran"),
    (re.compile(r"^indikator\b(?!\s+kinerja)", re.I), "Indikator Kinerja"),
    (re.compile(r"^program$", re.I), "Program/Kegiatan"),
]


def synonym_cell(cell: str, alternate: bool = False) -> str:
    text = cell
    for pattern, repl in _SYNONYMS:
        if alternate and repl == "Tingkat Capaian":
            repl = "Persentase Capaian"
        text = pattern.sub(repl, text)
    if text != cell and cell.strip() and cell.upper() == cell:
        text = text.upper()
    return text


def header_synonyms(table: Table) -> list[Item] | None:
    alternate = table.start % 2 == 1  # both Capaian synonyms appear over a report
    new_header = [[synonym_cell(c, alternate) for c in r] for r in table.header]
    if new_header == table.header:
        return None
    repeated = {tuple(h) for h in table.header}
    body: list[Item] = []
    for it in table.body:
        if isinstance(it, list) and tuple(it) in repeated:
            body.append([synonym_cell(c, alternate) for c in it])
        else:
            body.append(it)
    return [*new_header, *body]


def swap_number_style(table: Table) -> list[Item] | None:
    cells = [r[j] for r in table.rows() for j in table.value_cols if j < len(r)]
    source = table_style(cells)
    if source is None:
        return None
    target = "en" if source == "id" else "id"
    body: list[Item] = []
    changed = False
    for it in table.body:
        if not isinstance(it, list):
            body.append(it)
            continue
        row = list(it)
        for j in table.value_cols:
            if j < len(row):
                new = swap_cell(row[j], source, target)
                if new is None:
                    return None
                changed |= new != row[j]
                row[j] = new
        body.append(row)
    return [*table.header, *body] if changed else None


_KRP_CELL = re.compile(
    r"^\s*(?P<k>\d+(?:[.,]\d+)?\s*%)\s+(?P<rp>(?:rp\.?\s*)?\d{1,3}(?:[.,]\d{3}){2,}(?:,-)?)\s*$", re.I)


def _money_col(table: Table, j: int) -> bool:
    vals = []
    style = table_style([r[j] for r in table.rows() if j < len(r)])
    for r in table.rows():
        if j < len(r) and is_figure(r[j]):
            toks = [read_token(m.group(), style) for m in _NUMTOK.finditer(r[j])]
            vals += [value_of(t) for t in toks if t is not None]
    return bool(vals) and sum(v >= 1_000_000 for v in vals) >= 0.6 * len(vals)


def krp_split(table: Table) -> list[Item] | None:
    rows = table.rows()
    # a cell holding "K Rp": every such column becomes a K|Rp pair
    pair_cols = [j for j in [*table.value_cols, *table.name_cols]
                 if sum(1 for r in rows if j < len(r) and _KRP_CELL.match(r[j])) >= max(2, len(rows) // 2)]
    money = [] if pair_cols else [j for j in table.value_cols if _money_col(table, j)]
    cols = pair_cols or money
    if not cols or len(table.header) != 1 or not _uniform(table):
        return None

    def widen(r: Row, head: bool) -> list[Row]:
        top: Row = []
        sub: Row = []
        for j, cell in enumerate(r):
            if j not in cols:
                top.append(cell)
                sub.append("")
            elif head:
                top += [cell, ""]
                sub += ["K", "Rp"]
            elif pair_cols and (m := _KRP_CELL.match(cell)):
                top += [m.group("k"), m.group("rp")]
            elif pair_cols:
                top += [cell, ""]
            else:
                top += ["", cell]
        return [top, sub] if head else [top]

    items: list[Item] = list(widen(table.header[0], True))
    for it in table.body:
        items.extend(widen(it, False) if isinstance(it, list) else [it])
    return items


def _name_col_to_wrap(table: Table, row: Row) -> int | None:
    best = None
    for j in table.name_cols:
        if j < len(row) and len(row[j].split()) >= 8 and not has_figure(row[j]):
            if best is None or len(row[j]) > len(row[best]):
                best = j
    return best


def wrap_rows(table: Table) -> list[Item] | None:
    body: list[Item] = []
    changed = False
    for it in table.body:
        if not isinstance(it, list) or not any(j < len(it) and has_figure(it[j]) for j in table.value_cols):
            body.append(it)
            continue
        j = _name_col_to_wrap(table, it)
        if j is None:
            body.append(it)
            continue
        words = it[j].split()
        cut = len(words) // 2
        first = list(it)
        first[j] = " ".join(words[:cut])
        rest = [""] * len(it)
        rest[j] = " ".join(words[cut:])
        body += [first, rest]
        changed = True
    return [*table.header, *body] if changed else None


PAGE_FOOTER = "Laporan Kinerja Instansi Pemerintah Tahun 2024 | 12"


def page_split(table: Table) -> list[Item] | None:
    records = [k for k, it in enumerate(table.body)
               if isinstance(it, list) and any(j < len(it) and has_figure(it[j]) for j in table.value_cols)]
    if len(records) < 4:
        return None
    cut = records[len(records) // 2]
    head: list[Item] = list(table.header)
    return [*head, *table.body[:cut], None, PAGE_FOOTER, None, *head, *table.body[cut:]]


def _roman(n: int) -> str:
    return ["I", "II", "III", "IV", "V", "VI"][n]


def _fmt_money(value: int, style: str | None, suffix: str) -> str:
    return render(Reading(str(value), "", True, style), style or "id") + suffix


def add_subtotals(table: Table) -> list[Item] | None:
    money = [j for j in table.value_cols if _money_col(table, j)]
    if len(money) < 2 or not _uniform(table):
        return None
    others = [j for j in table.value_cols if j not in money]
    if len(others) > 1:
        return None
    pagu_col, real_col = money[0], money[1]
    head = [" ".join(h[j] for h in table.header).lower() for j in range(table.width)]
    sisa_col = next((j for j in money[2:] if _SISA.search(head[j])), None)
    if len(money) > 2 and sisa_col is None:
        return None
    style = table_style([r[j] for r in table.rows() for j in money])

    def amount(cell: str) -> int | None:
        if _DASH.match(cell):
            return 0
        toks = [read_token(m.group(), style) for m in _NUMTOK.finditer(cell)]
        if len(toks) != 1 or toks[0] is None:
            return None
        return int(round(value_of(toks[0])))

    body = table.body
    total_at = next((k for k, it in enumerate(body) if isinstance(it, list)
                     and any(_TOTAL.match(it[j]) for j in [*table.name_cols, *([table.numbering_col] if
                                                                            table.numbering_col is not None else [])])
                     and amount(it[pagu_col]) is not None), None)
    if total_at is None:
        return None
    total = body[total_at]
    assert isinstance(total, list)
    t_pagu, t_real = amount(total[pagu_col]), amount(total[real_col])
    rows = [(k, it) for k, it in enumerate(body[:total_at]) if isinstance(it, list)
            and amount(it[pagu_col]) is not None and amount(it[real_col]) is not None
            and has_figure(it[pagu_col] + it[real_col])]
    if len(rows) < 2:
        return None

    def depth(r: Row) -> int:
        for j in table.name_cols:
            m = re.match(r"^\s*(\d+(?:\.\d+)+)\b", r[j])
            if m:
                return m.group(1).count(".")
        return 99

    candidates: list[list[tuple[int, Row]]] = []
    depths = [depth(r) for _, r in rows]
    if min(depths) < 99:
        candidates.append([(k, r) for (k, r), d in zip(rows, depths, strict=True) if d == min(depths)])
    if table.numbering_col is not None:
        candidates.append([(k, r) for k, r in rows if r[table.numbering_col].strip()])
    candidates.append(rows)
    top = next((c for c in candidates if len(c) >= 2
                and sum(amount(r[pagu_col]) or 0 for _, r in c) == t_pagu
                and sum(amount(r[real_col]) or 0 for _, r in c) == t_real), None)
    if top is None:
        return None
    half = len(top) // 2
    groups = [top[:half], top[half:]]
    suffix = ",-" if total[pagu_col].rstrip().endswith(",-") else ""
    pct_style = table_style([r[j] for r in table.rows() for j in others]) or style
    label_col = next((j for j in table.name_cols if any(r[j].strip() for _, r in top)), table.name_cols[0])
    inserts: dict[int, Row] = {}
    for g, group in enumerate(groups):
        pagu = sum(amount(r[pagu_col]) or 0 for _, r in group)
        real = sum(amount(r[real_col]) or 0 for _, r in group)
        row = [""] * table.width
        label = f"Kelompok Program {'AB'[g]}"
        if table.numbering_col is not None:
            row[table.numbering_col] = _roman(g)
        else:
            label = f"{_roman(g)}. {label}"
        row[label_col] = label.upper() if total[label_col].isupper() else label
        row[pagu_col] = _fmt_money(pagu, style, suffix)
        row[real_col] = _fmt_money(real, style, suffix)
        if sisa_col is not None:
            row[sisa_col] = _fmt_money(pagu - real, style, suffix)
        for j in others:
            pct = f"{real / pagu * 100:.2f}" if pagu else "0.00"
            sample = next((r[j] for _, r in top if r[j].strip()), "")
            pct = pct.replace(".", ",") if pct_style == "id" else pct
            row[j] = pct + ("%" if "%" in sample else "")
        inserts[group[0][0]] = row
    out: list[Item] = list(table.header)
    for k, it in enumerate(body):
        if k in inserts:
            out.append(inserts[k])
        out.append(it)
    return out


SUBTOTAL_WORDS = {"kelompok", "program"}

TRANSFORMS: dict[str, Transform] = {
    "permute": permute_columns,
    "synonyms": header_synonyms,
    "numstyle": swap_number_style,
    "krp": krp_split,
    "wrap": wrap_rows,
    "pagesplit": page_split,
    "subtotal": add_subtotals,
}


def transform_text(text: str, fn: Transform) -> tuple[str, list[int]]:
    """The report with ``fn`` applied to every table it applies to; the 1-based lines of those tables."""
    lines = text.splitlines()
    tables = split_tables(lines)
    applied: list[int] = []
    for table in reversed(tables):
        items = fn(table)
        if items is None:
            continue
        new = Table(table.start, table.end, [], items)
        lines[table.start:table.end] = new.lines()
        applied.append(table.start + 1)
    return "\n".join(lines) + "\n", sorted(applied)


# ---------------------------------------------------------------------------------------------------
# records and comparison

_WORD = re.compile(r"[a-z0-9]+")


def _words(s: str) -> str:
    return " ".join(sorted(set(_WORD.findall((s or "").lower())) - {"dan", "yang", "di", "ke", "dari"}))


def _num(x: str | None) -> float | None:
    try:
        v = float(x) if x not in (None, "") else None
    except ValueError:
        return None
    if v is None or math.isnan(v):
        return None
    return round(v, 4)


def _read(out: Path, name: str) -> list[dict[str, str]]:
    path = out / f"{name}.csv"
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


Key = tuple[object, ...]


def record_keys(out: Path, stem: str) -> dict[str, Counter[Key]]:
    def mine(rows: list[dict[str, str]]) -> list[dict[str, str]]:
        return [r for r in rows if Path(r.get("source_file", "")).stem == stem]

    meas = Counter((_words(r["indikator"]), _num(r["target"]), _num(r["realisasi"]), _num(r.get("capaian_reported")))
                   for r in mine(_read(out, "measurements")))
    bud = Counter((_words(r["uraian"]), _num(r["pagu"]), _num(r["realisasi"]), _num(r.get("persen_reported")),
                   _num(r.get("sisa_reported"))) for r in mine(_read(out, "budget")))
    flags = Counter((r["kind"], r["severity"], _words(r.get("subject", "")), _num(r.get("reported")),
                     _num(r.get("expected")))
                    for r in mine(_read(out, "flags")) if r.get("severity") in ("error", "warning"))
    return {"measurements": meas, "budget": bud, "flags": flags}


@dataclass
class Comparison:
    transform: str
    report: str
    tables: int
    lost: dict[str, list[Key]]
    added: dict[str, list[Key]]
    allowed: list[Key]

    @property
    def new_alarms(self) -> list[Key]:
        """Added flags whose kind, severity and figures no lost flag had (not the same flag renamed)."""
        lost = Counter((f[0], f[1], f[3], f[4]) for f in self.lost["flags"])
        out = []
        for f in self.added["flags"]:
            k = (f[0], f[1], f[3], f[4])
            if lost[k]:
                lost[k] -= 1
            else:
                out.append(f)
        return out

    @property
    def same(self) -> bool:
        return not any(self.lost[k] or self.added[k] for k in ("measurements", "budget", "flags"))

    def cell(self) -> str:
        if not self.tables:
            return "n/a"
        if self.same:
            extra = f" (+{len(self.allowed)} subtotal)" if self.allowed else ""
            return f"same [{self.tables}t]{extra}"
        parts = []
        for k, tag in (("measurements", "m"), ("budget", "b")):
            if self.lost[k] or self.added[k]:
                parts.append(f"{tag}-{len(self.lost[k])}+{len(self.added[k])}")
        if self.added["flags"]:
            renamed = len(self.added["flags"]) - len(self.new_alarms)
            parts.append(f"+{len(self.added['flags'])}F" + (f"({renamed} renamed)" if renamed else ""))
        if self.lost["flags"]:
            parts.append(f"-{len(self.lost['flags'])}F")
        return f"DIFF [{self.tables}t] " + " ".join(parts)


def compare(transform: str, report: str, tables: int, base: dict[str, Counter[Key]],
            new: dict[str, Counter[Key]]) -> Comparison:
    lost = {k: sorted((base[k] - new[k]).elements(), key=repr) for k in base}
    added = {k: sorted((new[k] - base[k]).elements(), key=repr) for k in base}
    allowed: list[Key] = []
    if transform == "subtotal":
        allowed = [b for b in added["budget"] if SUBTOTAL_WORDS <= set(str(b[0]).split())]
        added["budget"] = [b for b in added["budget"] if b not in allowed]
    return Comparison(transform, report, tables, lost, added, allowed)


# ---------------------------------------------------------------------------------------------------
# running


def _short(key: Key) -> str:
    return " | ".join("" if v is None else str(v)[:60] for v in key)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "out" / "eval" / "metamorphic")
    parser.add_argument("--transforms", default=",".join(TRANSFORMS))
    args = parser.parse_args(argv)
    seeds = sorted(args.seeds.glob("*.txt"))
    if not seeds:
        print(f"no .txt reports under {args.seeds}", file=sys.stderr)
        return 2
    names = [t for t in args.transforms.split(",") if t]
    unknown = [t for t in names if t not in TRANSFORMS]
    if unknown:
        print(f"unknown transform(s): {', '.join(unknown)}; known: {', '.join(TRANSFORMS)}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    args.out.mkdir(parents=True, exist_ok=True)
    applied: dict[tuple[str, str], list[int]] = {}
    jobs: list[tuple[str, list[Path], Path]] = [("original", seeds, args.out / "original" / "out")]
    for name in names:
        folder = args.out / name / "input"
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        inputs = []
        for seed in seeds:
            text, tables = transform_text(seed.read_text(encoding="utf-8"), TRANSFORMS[name])
            applied[(name, seed.stem)] = tables
            if tables:
                path = folder / seed.name
                path.write_text(text, encoding="utf-8")
                inputs.append(path)
        if inputs:
            jobs.append((name, inputs, args.out / name / "out"))
    harness.load_pipeline()
    for _, inputs, out in jobs:
        harness.write(harness.extract(inputs), out)
    base = {s.stem: record_keys(args.out / "original" / "out", s.stem) for s in seeds}
    results: list[Comparison] = []
    for name in names:
        for seed in seeds:
            tables = applied[(name, seed.stem)]
            new = record_keys(args.out / name / "out", seed.stem) if tables else base[seed.stem]
            results.append(compare(name, seed.stem, len(tables), base[seed.stem], new))
    elapsed = time.perf_counter() - start

    stems = [s.stem for s in seeds]
    width = max(24, *(len(r.cell()) for r in results))
    lines = [f"{'transform':10s} " + " ".join(f"{s[:width]:{width}s}" for s in stems)]
    for name in names:
        row = [r for r in results if r.transform == name]
        lines.append(f"{name:10s} " + " ".join(f"{r.cell():{width}s}" for r in row))
    same = sum(r.same for r in results if r.tables)
    applicable = sum(1 for r in results if r.tables)
    lines.append(f"{same}/{applicable} transformed reports give the same records and flags "
                 f"([Nt] tables rewritten; m/b -lost+added measurement/budget records; +F new error/warning "
                 f"flags (renamed: same kind and figures as a lost one, subject worded differently), -F lost ones) "
                 f"in {elapsed:.1f} s")
    print("\n".join(lines))

    details = []
    md = ["# Metamorphic evaluation", "", "```", *lines, "```", ""]
    for r in results:
        entry = {"transform": r.transform, "report": r.report, "tables_at_lines": applied[(r.transform, r.report)],
                 "same": r.same, "new_alarms": [list(k) for k in r.new_alarms],
                 "allowed_subtotal_rows": [list(k) for k in r.allowed],
                 "lost": {k: [list(x) for x in v] for k, v in r.lost.items()},
                 "added": {k: [list(x) for x in v] for k, v in r.added.items()}}
        details.append(entry)
        if r.tables and not r.same:
            md.append(f"## {r.transform} x {r.report} (tables at lines {applied[(r.transform, r.report)]})")
            for k in ("measurements", "budget", "flags"):
                for x in r.lost[k]:
                    md.append(f"- lost {k}: {_short(x)}")
                for x in r.added[k]:
                    md.append(f"- new {k}: {_short(x)}")
            md.append("")
    (args.out / "details.json").write_text(json.dumps(details, ensure_ascii=False, indent=1), encoding="utf-8")
    (args.out / "summary.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    print(f"details: {args.out / 'summary.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
