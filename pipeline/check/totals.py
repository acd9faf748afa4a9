"""Parent and total rows against the sum of their children.

With budget codes, a row's children are the rows of the same table and section whose code has it
as parent ("1.06.01.2.01" under "1.06.01"); "05" and "0005" are one segment. Without codes the
table's structure decides: a total row sums the program rows (or the top-level rows), a program its
kegiatan (or, without kegiatan figures, its sub-kegiatan), a kegiatan its sub-kegiatan. A parent is
only checked when it has at least one child with figures and every child can be read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace

import regex

from extractors.numbers import Number
from extractors.rows import EMPTY, parent_of
from extractors.settings import DEFAULT, Settings
from pipeline.check.messages import fmt
from pipeline.check.reading import Pieces
from pipeline.check.subjects import name_key
from pipeline.check.tolerance import agrees, exact
from schemas.records import BudgetLine, Flag, Measurement, PlanEntry

Getter = Callable[[BudgetLine], Number]
Pair = tuple[BudgetLine, list[BudgetLine]]
COLUMNS: list[tuple[str, Getter]] = [
    ("pagu", lambda b: b.pagu), ("realisasi", lambda b: b.realisasi), ("sisa", lambda b: b.sisa)]


def norm_kode(kode: str) -> str:
    return ".".join(str(int(p)) if p.isdigit() else p.upper() for p in kode.split(".") if p)


def _children_by_code(rows: list[BudgetLine]) -> dict[int, list[BudgetLine]]:
    out: dict[int, list[BudgetLine]] = {}
    by_key: dict[tuple[str, str], BudgetLine] = {}
    for b in rows:
        if b.kode:
            by_key.setdefault((b.section, norm_kode(b.kode)), b)
    kids: dict[int, list[BudgetLine]] = defaultdict(list)
    for b in rows:
        if b.kode and b.parent_kode:
            parent = by_key.get((b.section, norm_kode(b.parent_kode)))
            if parent is not None and parent is not b:
                kids[id(parent)].append(b)
    out.update(kids)
    return out


def _adopt_wrapped(rows: list[BudgetLine], kids: dict[int, list[BudgetLine]], laid_out: bool = False) -> None:
    """In a coded table, a row printed with its code but without figures, followed by a row with figures
    but no code, is one sub-kegiatan whose name wrapped (the figures sit on the continuation line): the
    uncoded row joins the children of the parent its code would have had. Without it the parent seems to
    have one child fewer and is flagged for it (dev reports: a sub-kegiatan name wrapped in two budget
    tables; tests/test_check_guards.py)."""
    by_id = {id(b): b for b in rows}
    parent_of_child = {id(c): p for p, cs in kids.items() for c in cs}
    previous: BudgetLine | None = None
    last_coded: BudgetLine | None = None
    for b in rows:
        wrapped = (not b.kode and not b.is_total and b.level != "total" and b.pagu.ok and previous is not None
                   and b.position - previous.position > 1)
        if wrapped and last_coded is not None:
            parent = by_id.get(parent_of_child.get(id(last_coded), 0)) if last_coded.level == "sub_kegiatan" \
                else last_coded
            if parent is not None and parent.level != "sub_kegiatan" and not (laid_out and _exceeds(b, parent)):
                kids.setdefault(id(parent), []).append(b)
        if b.kode:
            last_coded = b
        previous = b


def _exceeds(row: BudgetLine, parent: BudgetLine) -> bool:
    """A row whose pagu is larger than the parent's is no part of it. In a laid-out table a row without a code
    after a gap is as often another row whose code or number the reader joined to its name ("3 2.16.03 -
    PROGRAM ...") or a total whose name it split ("J umlah") as a wrapped sub-kegiatan (LibreOffice prints of d12
    and h07): a sub-kegiatan's pagu is a part of its parent's."""
    return row.pagu.ok and parent.pagu.ok and (row.pagu.value or 0.0) > (parent.pagu.value or 0.0)


def _open_at_end(parent: BudgetLine, rows: list[BudgetLine]) -> bool:
    """Every row after the parent is of its family: its children may go on past the table's end."""
    after = [b for b in rows if b.position > parent.position]
    if not after or any(b.is_total for b in after):
        return False
    if parent.kode:
        stem = norm_kode(parent.kode) + "."
        return all(not b.kode or norm_kode(b.kode).startswith(stem) for b in after)
    rank = RANK.get(parent.level)
    return rank is not None and all(RANK.get(b.level, 9) > rank for b in after)


def _unread_inside(parent: BudgetLine, children: list[BudgetLine], rows: list[BudgetLine],
                   unread: frozenset[int]) -> bool:
    """A row of the table holding money that was not read stands among the parent's children: between the parent
    and the next row after its last child (LibreOffice's print of h07: a sub-kegiatan whose code was cut and
    whose figures moved a column is dropped, its kegiatan then lacks it)."""
    if not unread or not children:
        return False
    last = max(c.position for c in children)
    following = [b.position for b in rows if b.position > last]
    start, end = min(parent.position, *(c.position for c in children)), min(following, default=10**9)
    return any(start < u < end for u in unread)


RANK = {"urusan": 0, "program": 1, "kegiatan": 2, "sub_kegiatan": 3}
# a row named as a program (Permendagri 90/2019 program names open with "Program"), after an item number or a code
# the reader may have joined to it: never a kegiatan or sub-kegiatan of another row. In a laid-out table the
# reader can lose the numbering that gives a row its level (reportlab's print of d11: "6. Program ..." on a new
# page, read as a kegiatan of the program above; LibreOffice's of d12 and h04: "3 2.16.03 - PROGRAM ...")
_NAMED_PROGRAM = regex.compile(r"^\W*(?:(?:\d+|[IVX]+)[.)]?\s+)?(?:\d+(?:\.\d+)+\s*[-–]?\s*)?program\b", regex.I)


def _children_by_structure(rows: list[BudgetLine]) -> dict[int, list[BudgetLine]]:
    kids: dict[int, list[BudgetLine]] = {}
    for i, b in enumerate(rows):
        if b.level not in ("program", "kegiatan"):
            continue
        below: dict[str, list[BudgetLine]] = defaultdict(list)
        for nxt in rows[i + 1:]:
            if nxt.level in ("total", "other") or RANK.get(nxt.level, 9) <= RANK[b.level] or nxt.section != b.section:
                break
            below[nxt.level].append(nxt)
        level = "kegiatan" if b.level == "program" and below.get("kegiatan") else "sub_kegiatan"
        if below.get(level):
            kids[id(b)] = below[level]
    return kids


def _children_by_item(rows: list[BudgetLine]) -> dict[int, list[BudgetLine]]:
    """An outline's numbers give the hierarchy: "1.1" and "1.2" are the children of "1" (spending by type with
    numbered subtotals whose own figure is wrong cannot be found by their sums: holdout h04/h07)."""
    by_item = {b.item: b for b in rows if b.item}
    kids: dict[int, list[BudgetLine]] = defaultdict(list)
    for b in rows:
        if "." in b.item:
            parent = by_item.get(b.item.rsplit(".", 1)[0])
            if parent is not None:
                kids[id(parent)].append(b)
    return dict(kids)


def _top_level(rows: list[BudgetLine], total: BudgetLine) -> list[BudgetLine]:
    before = [b for b in rows if b.position < total.position and not b.is_total]
    for level in ("program", "kegiatan", "sub_kegiatan"):
        picked = [b for b in before if b.level == level]
        if picked:
            return picked
    return [b for b in before if b.level == "other"]


def _total_children(rows: list[BudgetLine], total: BudgetLine) -> list[BudgetLine]:
    """What a total sums: a unit's total its section's top rows; a grand total the unit totals above it
    when the table has them ("Jumlah Bagian ..." then JUMLAH: dev-set d10, the public format's budget
    annexes by pelaksana); otherwise the table's top rows."""
    if total.group_total:
        return _top_level([b for b in rows if b.section == total.section], total)
    groups = [b for b in rows if b.group_total and b.position < total.position]
    if groups:
        return groups
    if any("." in b.item for b in rows):
        # an outline: the total sums its top numbers ("1", "2"), the sub-numbers are inside them
        earlier = [b.position for b in rows if b.is_total and b.position < total.position]
        start = max(earlier, default=-1)
        return [b for b in rows if b.item and "." not in b.item and start < b.position < total.position]
    return _top_level(rows, total)


def _roots(rows: list[BudgetLine], kids: dict[int, list[BudgetLine]], total: BudgetLine) -> list[BudgetLine]:
    """The rows above a total that are nobody's child: besides the programs, a kegiatan printed alone
    under a unit heading (a UPTD's, a Bidang's). A total that is the sum of these is right even where
    it is not the sum of the programs alone (dev-set fixtures d04 and d09; the public format lets a
    unit's kegiatan stand without its program)."""
    below = {id(c) for children in kids.values() for c in children}
    return [b for b in rows if b.position < total.position and not b.is_total and id(b) not in below]


Elsewhere = dict[str, list[tuple[str, float]]]  # name key -> (table, pagu) of every program line


def pagu_elsewhere(lines: Sequence[BudgetLine], plans: Sequence[PlanEntry] = ()) -> Elsewhere:
    """The pagu every table gives each named line, for corroborating a parent's own figure."""
    out: Elsewhere = defaultdict(list)
    for b in lines:
        if b.pagu.ok and b.pagu.value:
            out[name_key(b.uraian)].append((b.table_id, b.pagu.value))
    for p in plans:
        if p.kind == "program" and p.pagu is not None and p.pagu.ok and p.pagu.value:
            out[name_key(p.subject)].append((p.table_id, p.pagu.value))
    return out


def check_totals(budget: list[BudgetLine], settings: Settings = DEFAULT,
                 elsewhere: Elsewhere | None = None, pieces: Pieces | None = None) -> list[Flag]:
    """Parents and totals against their children, table by table, behind the plausibility guards. With the
    ``pieces`` of a laid-out document, a parent whose children may go on in another piece of its table (the rows
    after it run to its table's end, and the table goes on in the next one; a total of a table that goes on
    from the one before) abstains where its children fall short of it: rows are missing, not wrong."""
    flags: list[Flag] = []
    pieces = pieces or Pieces()
    if elsewhere is None:
        elsewhere = pagu_elsewhere(budget)
    by_table: dict[str, list[BudgetLine]] = defaultdict(list)
    for b in budget:
        by_table[b.table_id].append(b)
    for table_rows in by_table.values():
        rows = _without_repeats(sorted(table_rows, key=lambda b: b.position))
        coded = sum(1 for b in rows if b.kode) >= len(rows) / 2
        kids = _children_by_code(rows) if coded else (
            _children_by_item(rows) if any("." in b.item for b in rows) else _children_by_structure(rows))
        table_id = rows[0].table_id if rows else ""
        if coded:
            _adopt_wrapped(rows, kids, table_id in pieces.laid_out)
        if table_id in pieces.laid_out:
            kids = {k: [c for c in children if not _NAMED_PROGRAM.match(c.uraian)] for k, children in kids.items()}
            kids = {k: children for k, children in kids.items() if children}
        pairs: list[tuple[BudgetLine, list[BudgetLine]]] = []
        for b in rows:
            if b.is_total:
                children = _total_children(rows, b)
                roots = _roots(rows, kids, b)
                if roots != children and len(roots) >= 2 and _agreeing(b, roots) > (0, 0) \
                        and _agreeing(b, roots)[1] == 0:
                    children = roots
                if len(children) >= 2 or (b.group_total and len(children) == 1):
                    # a unit's total over its one program is that program (d10's "Jumlah Bagian Organisasi")
                    pairs.append((b, children))
            elif id(b) in kids:
                children = kids[id(b)]
                if not coded and _lone_after_gap(b, children) and not _corroborated(b, children, rows, elsewhere):
                    continue
                pairs.append((b, children))
        # the doubts of a reading from the page's geometry: a laid-out table's, or a ruled one's whose rows the
        # reader re-laid and could not all read
        geometric = table_id in pieces.laid_out or table_id in pieces.unread
        reading = _reading_doubt(table_id, pairs, rows, pieces) if geometric else None
        flags.extend(_check_hierarchy(pairs, settings, lambda p, c, rows=rows: _corroborated(p, c, rows, elsewhere),
                                      reading))
    return flags


Wrong = list[tuple[str, float, float]]  # (column, printed, sum of the children)
Reading = Callable[[BudgetLine, list[BudgetLine], Wrong], str]


def _reading_doubt(table_id: str, pairs: list[Pair], rows: list[BudgetLine], pieces: Pieces) -> Reading:
    """Why, in a laid-out table, a parent that does not add up may have been read with the wrong children ("" when
    nothing points there): some of its children stand in another piece of the table, or in a row that was not
    read, and the children fall short of it; or the difference is exactly one row's figures, a child counted
    twice or a neighbour left out."""
    cut = set()
    if table_id in pieces.continued:
        cut |= {id(parent) for parent, _ in pairs if _open_at_end(parent, rows)}
    if table_id in pieces.continuing:
        cut |= {id(parent) for parent, _ in pairs if parent.is_total}
    unread = pieces.unread.get(table_id, frozenset())
    cut |= {id(parent) for parent, children in pairs
            if _unread_inside(parent, children, rows, unread) or _orphans_inside(parent, rows)}
    shared = _shared_codes(rows)

    def doubt(parent: BudgetLine, children: list[BudgetLine], wrong: Wrong) -> str:
        if id(parent) in cut and all(total < printed for _, printed, total in wrong):
            return ("sebagian rinciannya mungkin ada di potongan tabel lain atau di baris yang tidak terbaca, dan "
                    "jumlah rincian yang terbaca kurang dari induknya")
        if any(b.kode in shared for b in (parent, *children)):
            return ("kode yang sama tercetak pada beberapa baris berbeda: kodenya kemungkinan terpotong, sehingga "
                    "rinciannya salah terbaca")
        row = _row_of_difference(parent, children, wrong, rows)
        if row is not None:
            return (f"selisihnya sama persis dengan angka baris '{row.uraian[:40]}': baris itu kemungkinan salah "
                    f"terbaca sebagai rincian atau bukan rincian")
        return ""

    return doubt


def _shared_codes(rows: list[BudgetLine]) -> frozenset[str]:
    """Parents' budget codes a laid-out table prints on rows of different names. Each program, kegiatan and
    sub-kegiatan has a code of its own (Permendagri 90/2019's nomenclature), so a code on two names is one the
    reader cut, and where it is a parent's code the rows under it are read into the wrong family: a sub-kegiatan's
    code wrapped in its cell and read as its kegiatan's (reportlab's shaded print of d02: three rows
    "1.01.02.2.01", two of them sub-kegiatan taken for kegiatan, and their program no longer adds up). A cut code
    no row hangs under ("2.19.03.2.01.0" on two sub-kegiatan, h05's shaded print) leaves the families as they are."""
    names: dict[str, set[str]] = {}
    for b in rows:
        if b.kode and not b.is_total:
            names.setdefault(b.kode, set()).add(" ".join(b.uraian.lower().split()))
    parents = {b.parent_kode for b in rows if b.parent_kode}
    return frozenset(k for k, v in names.items() if len(v) > 1 and k in parents)


def _row_of_difference(parent: BudgetLine, children: list[BudgetLine], wrong: Wrong,
                       rows: list[BudgetLine]) -> BudgetLine | None:
    """The row whose figures are exactly the difference in every column that does not add up: a child when the
    children exceed the parent (a row counted twice, another row taken for a child: LibreOffice's prints of h01
    and d12), the row right after the children when they fall short (a child read at another level: reportlab's
    print of h03) or a row among them without a code (a child whose code was not read)."""
    getters = dict(COLUMNS)
    if not wrong or not children:
        return None
    if all(total > printed for _, printed, total in wrong):
        candidates = children
    elif all(total < printed for _, printed, total in wrong):
        last = max(c.position for c in children)
        after = [b for b in rows if b.position > last and not b.is_total]
        ids = {id(c) for c in children}
        # a row inside the family whose code was not read (a code printed in the next column: the hrules print of
        # d03's E.81, whose first columns one page's piece shifted)
        inside = [b for b in rows if parent.position < b.position < last and id(b) not in ids and not b.kode
                  and not b.is_total]
        candidates = after[:1] + inside
    else:
        return None
    for row in candidates:
        if all(getters[name](row).ok and abs(abs(total - printed) - abs(getters[name](row).value or 0.0)) < 0.5
               for name, printed, total in wrong):
            return row
    return None


def _orphans_inside(parent: BudgetLine, rows: list[BudgetLine]) -> bool:
    """Rows of the parent's family whose own parent is not in the table: the row between (a kegiatan above its
    sub-kegiatan) was lost, and the parent lacks it as a child (reportlab's print of d01: a kegiatan at a page's
    foot)."""
    if not parent.kode:
        return False
    codes = {norm_kode(b.kode) for b in rows if b.kode}
    stem = norm_kode(parent.kode) + "."
    return any(b.kode and b.parent_kode and norm_kode(b.kode).startswith(stem)
               and norm_kode(b.parent_kode) not in codes for b in rows)


def check_plan_totals(plans: list[PlanEntry], settings: Settings = DEFAULT, pieces: Pieces | None = None) -> list[Flag]:
    """Pagu-only lists (a Perjanjian Kinerja's program budgets, a Renja table): parents and totals against
    their children, exactly as for budget tables."""
    lines = [BudgetLine(p.doc_id, p.source_file, p.table_id, p.page, p.line, p.kode, p.level, p.subject, p.pagu,
                        EMPTY, EMPTY, EMPTY, is_total=p.is_total, parent_kode=parent_of(p.kode) if p.kode else "",
                        section=p.section, position=p.position, year=p.year,
                        confidence=p.confidence)
             for p in plans if p.kind == "program" and p.pagu is not None and p.level]
    return check_totals(lines, settings, pagu_elsewhere(lines, plans), pieces)


def _without_repeats(rows: list[BudgetLine]) -> list[BudgetLine]:
    """A row printed again after a page break (same name and figures) is counted once."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for b in rows:
        key = (b.section, b.kode or b.uraian.lower(), b.pagu.value, b.realisasi.value)
        if key in seen and not b.is_total:
            continue
        seen.add(key)
        out.append(b)
    return out


def _sum(value: Number, parts: list[Number]) -> tuple[float, float] | None:
    """(sum of the parts, tolerance) in one column, or None when the column cannot be summed there."""
    if not value.ok or value.value is None:
        return None
    if not all(p.ok or p.dash for p in parts) or not any(p.ok and p.value for p in parts):
        return None
    total = sum(p.value or 0.0 for p in parts)
    # whole rupiah are exact; only figures printed with decimals carry rounding into the sum
    tolerance = 0.5 * value.resolution + sum(0.5 * p.resolution for p in parts if p.decimals) + 1e-6
    return total, tolerance


def _adds_up(parent: BudgetLine, children: list[BudgetLine], get: Getter) -> bool | None:
    """True / False when the column can be summed, None when it cannot."""
    summed = _sum(get(parent), [get(c) for c in children])
    if summed is None:
        return None
    total, tolerance = summed
    return abs(total - (get(parent).value or 0.0)) <= tolerance


def _agreeing(parent: BudgetLine, children: list[BudgetLine]) -> tuple[int, int]:
    """(columns adding up, columns not adding up)."""
    results = [_adds_up(parent, children, get) for _, get in COLUMNS]
    return sum(1 for r in results if r is True), sum(1 for r in results if r is False)


def subtotal_groups(children: list[BudgetLine]) -> list[Pair] | None:
    """Children that are subtotals, each followed by its items: spending by type prints "1. Belanja Operasi"
    above Belanja Pegawai, Belanja Barang dan Jasa, ..., "2. Belanja Modal" above its items, and a TOTAL that
    sums the subtotals only (Permendagri 77/2020 groups belanja by type under numbered subtotals; fixtures in
    tests/test_check_guards.py). A subtotal is recognised by its figures, not its words: a row equal (in pagu
    or realisasi) to the sum of the rows right after it, up to the next such row, with the whole list cut into
    such groups and at least one of them holding two items. None when the list cannot be cut that way."""
    n = len(children)
    memo: dict[int, list[Pair] | None] = {}

    def solve(i: int) -> list[Pair] | None:
        if i == n:
            return []
        if i in memo:
            return memo[i]
        memo[i] = None
        head = children[i]
        for j in range(i + 2, n + 1):
            items = children[i + 1:j]
            if any(_adds_up(head, items, get) for name, get in COLUMNS if name != "sisa"):
                rest = solve(j)
                if rest is not None:
                    memo[i] = [(head, items), *rest]
                    break
        return memo[i]

    groups = solve(0)
    if not groups or not any(len(items) >= 2 for _, items in groups):
        return None
    return groups


def _prefix_groups(children: list[BudgetLine]) -> int:
    """How many subtotal groups open the list, each head equal to its items in every column that can be
    summed (stricter than a whole cut, since the rest of the list is not explained)."""
    i, groups = 0, 0
    while i < len(children) - 2:
        head = children[i]
        for j in range(i + 3, len(children) + 1):
            results = [_adds_up(head, children[i + 1:j], get) for name, get in COLUMNS if name != "sisa"]
            if any(r is True for r in results) and not any(r is False for r in results):
                groups, i = groups + 1, j
                break
        else:
            break
    return groups


Doubt = str  # why a pair gives at most an info flag ("" when it may give an error)


def _resolve(parent: BudgetLine, children: list[BudgetLine]) -> list[tuple[BudgetLine, list[BudgetLine], Doubt]]:
    """The parent against its children, or, when subtotals are among them, against the subtotals and each
    subtotal against its items. When subtotals are plainly there but the parent matches neither reading, or
    the list cannot be cut into groups to the end, what the parent sums is unknown: a doubt, not a finding."""
    plain_ok, plain_wrong = _agreeing(parent, children)
    if not plain_wrong or len(children) < 3:
        return [(parent, children, "")]
    groups = subtotal_groups(children)
    if groups is None:
        if _prefix_groups(children) >= 1:
            return [(parent, children, "rinciannya memuat subtotal yang tidak dapat dipisahkan seluruhnya")]
        return [(parent, children, "")]
    heads = [head for head, _ in groups]
    split_ok = _agreeing(parent, heads)[0]
    if plain_ok > split_ok:
        return [(parent, children, "")]
    doubt = "" if split_ok else "rinciannya memuat subtotal, tetapi induknya tidak sama dengan jumlah mana pun"
    return [(parent, heads, doubt), *((head, items, "") for head, items in groups)]


def _k_multiple(value: Number, parts: list[Number], multiples: tuple[int, ...]) -> int | None:
    """The k for which the children sum to k x the parent: subtotals are among the children."""
    summed = _sum(value, parts)
    if summed is None or not value.value:
        return None
    total, tolerance = summed
    for k in multiples:
        if abs(total - k * value.value) <= k * tolerance:
            return k
    return None


def _far(value: Number, total: float, ratio: float) -> bool:
    """Children whose sum is not even of the parent's size: rows that are not its children (an unrelated row
    after a heading, a list that lost rows), not children that disagree: a slip changes a digit or two, not
    the order of magnitude."""
    a, b = abs(value.value or 0.0), abs(total)
    return max(a, b) > 0 and min(a, b) / max(a, b) < ratio


def _lone_after_gap(parent: BudgetLine, children: list[BudgetLine]) -> bool:
    """Without codes, one row after a heading row without figures (a gap in the table's rows between the
    parent and it) belongs to that heading, not to the parent above it."""
    return len(children) == 1 and children[0].position - parent.position > 1


def _corroborated(parent: BudgetLine, children: list[BudgetLine], rows: list[BudgetLine],
                  elsewhere: Elsewhere) -> bool:
    """Children far from their parent are a finding only with a second witness that the parent's own figure
    is the wrong one: the parent prints exactly the pagu and realisasi of another row of its table (figures
    copied from the row above), or another table gives the parent, by name, its children's pagu (the same
    program in the report's other budget tables). Both are what auditors check by hand; the sample reports
    show each (a kegiatan copying its neighbour's pair; a program printed with digits lost)."""
    pair = (parent.pagu.value, parent.realisasi.value)
    if parent.pagu.ok and parent.realisasi.ok and any(
            r is not parent and all(r is not c for c in children) and (r.pagu.value, r.realisasi.value) == pair
            for r in rows):
        return True
    if not all(c.pagu.ok for c in children):
        return False
    summed = sum(c.pagu.value or 0.0 for c in children)
    return bool(summed) and any(table != parent.table_id and abs(value - summed) < 0.5
                                for table, value in elsewhere.get(name_key(parent.uraian), []))


def _check_hierarchy(pairs: list[Pair], settings: Settings,
                     corroborated: Callable[[BudgetLine, list[BudgetLine]], bool] | None = None,
                     reading: Reading | None = None) -> list[Flag]:
    """Every parent of one table against its children, in the columns where most parents add up."""
    resolved = [triple for parent, children in pairs for triple in _resolve(parent, children)]
    misread: list[tuple[str, int, int]] = []
    trusted: set[str] = set()
    for name, get in COLUMNS:
        results = [r for parent, children, _ in resolved if (r := _adds_up(parent, children, get)) is not None]
        agree = sum(results)
        if len(results) >= settings.totals.hierarchy_min_parents and \
                agree < settings.totals.hierarchy_agree_share * len(results):
            misread.append((name, agree, len(results)))
        else:
            trusted.add(name)
    flags: list[Flag] = []
    own = {id(parent): children for parent, children, _ in resolved}
    for parent, children, doubt in resolved:
        found = _compare(parent, children, trusted, settings, corroborated, doubt, reading)
        child = _explained_by_child(parent, children, own, trusted)
        if child is not None and found and found[0].severity == "error":
            found = [replace(found[0], severity="info", reported=None, expected=None, delta=None,
                             message=f"'{parent.uraian[:60]}' tidak sama dengan jumlah rinciannya hanya karena "
                                     f"rinciannya '{child.uraian[:60]}' tidak sama dengan jumlah rinciannya sendiri: "
                                     f"selisihnya dicatat pada baris itu")]
        flags.extend(found)
    if misread and resolved:
        first = resolved[0][0]
        detail = "; ".join(f"{name}: {agree} dari {n}" for name, agree, n in misread)
        flags.append(Flag(first.doc_id, first.source_file, first.table_id, first.page, first.line, "total_mismatch",
                          "info", f"{first.table_id} ({'+'.join(m[0] for m in misread)})", None, None, None,
                          f"Sebagian besar baris induk di tabel ini tidak sama dengan jumlah rinciannya ({detail}): "
                          f"susunan tabel kemungkinan salah terbaca, jumlahnya tidak diperiksa",
                          confidence=min(r.confidence for r, _, _ in resolved)))
    return flags


def _explained_by_child(parent: BudgetLine, children: list[BudgetLine], own: dict[int, list[BudgetLine]],
                        trusted: set[str]) -> BudgetLine | None:
    """The child whose own slip is the parent's whole difference: in every column where the parent does not add
    up, the child's printed figure differs from its own children's sum by the opposite amount, so that the parent
    adds up over that child's children. One figure is wrong, the child's; its own check names it, and the parent's
    finding would count it twice: it stays as an info note. Only a child with a budget code (a program, kegiatan or
    sub-kegiatan): the golds of two reports flag only such a child, d11 (a program over its one kegiatan printed
    25.000.000 above its sub-kegiatan) and d12 (the table's TOTAL over a program printed 150.000.000 off its
    kegiatan), while a total over printed subtotal rows is footed as printed and both are findings (h04: JUMLAH over
    BELANJA OPERASI; d10: JUMLAH over "Jumlah Bagian Organisasi")."""
    for child in children:
        grand = own.get(id(child))
        if not grand or not child.kode or child.is_total or child.group_total:
            continue  # a subtotal row is footed as printed: the total over it is a finding too (h04, d10)
        off = False
        for name, get in COLUMNS:
            if name not in trusted or _adds_up(parent, children, get) is not False:
                continue
            mine, theirs = _sum(get(parent), [get(c) for c in children]), _sum(get(child), [get(c) for c in grand])
            if mine is None or theirs is None:
                break  # a column that cannot be summed below this child: it explains nothing
            gap = (get(parent).value or 0.0) - mine[0]
            slip = (get(child).value or 0.0) - theirs[0]
            if abs(gap + slip) > mine[1] + theirs[1]:
                break
            off = True
        else:
            if off:
                return child
    return None


def _sisa_named_below(parent: BudgetLine, children: list[BudgetLine]) -> bool:
    """A program or kegiatan whose printed sisa is its children's pagu - realisasi: the children's printed
    sisa carry the slip, and the remaining-budget check names each of them. Only the table's total row is
    footed against the printed column as well (the samples' golds count a total's sisa, the dev reports'
    golds never a program's or kegiatan's whose child is already flagged)."""
    if parent.is_total or not parent.sisa.ok:
        return False
    if not all(c.pagu.ok and c.realisasi.ok for c in children):
        return False
    computed = sum((c.pagu.value or 0.0) - (c.realisasi.value or 0.0) for c in children)
    return abs(computed - (parent.sisa.value or 0.0)) <= 0.5 * parent.sisa.resolution + 1e-6


def _compare(parent: BudgetLine, children: list[BudgetLine], trusted: set[str] | None = None,
             settings: Settings = DEFAULT,
             corroborated: Callable[[BudgetLine, list[BudgetLine]], bool] | None = None, doubt: str = "",
             reading: Reading | None = None) -> list[Flag]:
    """One flag per parent row, naming every column whose children do not add up; an info flag instead where
    the ``reading`` of a laid-out table names a doubt about its children."""
    wrong: list[tuple[str, float, float]] = []
    doubts: list[str] = []
    for name, get in COLUMNS:
        if trusted is not None and name not in trusted:
            continue
        value = get(parent)
        parts = [get(c) for c in children]
        if _adds_up(parent, children, get) is not False:
            continue
        if name == "sisa" and _sisa_named_below(parent, children):
            continue
        total = sum(p.value or 0.0 for p in parts)
        k = _k_multiple(value, parts, settings.totals.subtotal_multiples)
        if k is not None:
            doubts.append(f"{name}: jumlah rincian {fmt(total)} = {k} x {fmt(value.value)}, subtotal ikut dijumlah")
            continue
        ratio = settings.totals.lone_child_ratio if len(children) == 1 else settings.totals.far_sum_ratio
        if _far(value, total, ratio) and not (
                corroborated is not None and corroborated(parent, children)):
            doubts.append(f"{name}: {fmt(value.value)} jauh dari jumlah rincian {fmt(total)}")
            continue
        wrong.append((name, value.value or 0.0, total))
    confidence = min([parent.confidence, *(c.confidence for c in children)])
    misread = reading(parent, children, wrong) if reading is not None and wrong else ""
    if misread:
        doubts.append(misread)
        wrong = []
    if doubt and wrong:
        doubts.append(doubt)
        wrong = []
    if not wrong:
        if not doubts:
            return []
        return [Flag(parent.doc_id, parent.source_file, parent.table_id, parent.page, parent.line, "total_mismatch",
                     "info", f"{parent.uraian}", None, None, None,
                     f"'{parent.uraian[:60]}' tidak diperiksa terhadap rinciannya: {'; '.join(doubts)} (baris yang "
                     f"dijumlah tampaknya bukan rincian langsungnya)", confidence=confidence)]
    names = ", ".join(str(c.line or c.kode or c.uraian[:30]) for c in children[:12])
    where = "baris" if children[0].line else "rincian"
    detail = "; ".join(f"{name} {fmt(printed_value)} vs jumlah {fmt(total)}" for name, printed_value, total in wrong)
    name, reported, expected = wrong[0]
    columns = "+".join(w[0] for w in wrong)
    return [Flag(parent.doc_id, parent.source_file, parent.table_id, parent.page, parent.line, "total_mismatch",
                 "error", f"{parent.uraian} ({columns})", reported, expected, round(reported - expected, 4),
                 f"'{parent.uraian[:60]}' tidak sama dengan jumlah {len(children)} rinciannya ({where} {names}): "
                 f"{detail}", confidence=confidence)]


# --- indicator counts: a kegiatan's count against its sub-kegiatan -------------------------------------------

MEASURE_RANK = {"program": 1, "kegiatan": 2, "sub_kegiatan": 3}


def _count(n: Number) -> bool:
    return n.ok and not n.percent and n.decimals == 0 and not n.qualitative and bool(n.unit)


def check_measurement_totals(measurements: list[Measurement], settings: Settings = DEFAULT) -> list[Flag]:
    """A kegiatan counting people (or units) whose realisasi is exactly the sum of its sub-kegiatan while its
    target is not: the target row is the one that does not add up. Only counts in one unit are summed, and
    only where the other column proves the row is meant as a sum."""
    flags: list[Flag] = []
    by_table: dict[str, list[Measurement]] = defaultdict(list)
    for m in measurements:
        by_table[m.table_id].append(m)
    for rows in by_table.values():
        rows = sorted(rows, key=lambda m: m.line or 0)
        for i, parent in enumerate(rows):
            rank = MEASURE_RANK.get(parent.level)
            if rank is None or rank == 3:
                continue
            below = []
            for nxt in rows[i + 1:]:
                if MEASURE_RANK.get(nxt.level, 0) <= rank:
                    break
                below.append(nxt)
            levels = {m.level for m in below}
            child_level = "kegiatan" if parent.level == "program" and "kegiatan" in levels else "sub_kegiatan"
            children = [m for m in below if m.level == child_level]
            if len(children) >= 2:
                flags.extend(_compare_counts(parent, children))
            elif len(children) == 1 and len(below) == 1:
                flags.extend(_compare_only_child(parent, children[0], settings.totals.only_child_near))
    return flags


def _compare_only_child(parent: Measurement, child: Measurement, near: float) -> list[Flag]:
    """A kegiatan aiming at 100 % whose only sub-kegiatan counts people or units: its realisasi percentage is
    that child's realisasi / target. Flagged only when the two are near (a slip in the digits), never when far
    apart (then the percentage measures something else)."""
    if not (parent.target.ok and parent.target.percent and parent.target.value == 100.0):
        return []
    if not (parent.realisasi.ok and parent.realisasi.percent and _count(child.target) and _count(child.realisasi)):
        return []
    if child.target.unit.lower() != child.realisasi.unit.lower():
        return []
    # whole people or units are exact counts: only the parent's percentage carries rounding
    ratio = exact(child.realisasi.value or 0.0).divide(exact(child.target.value or 0.0))
    if ratio is None:
        return []
    ratio = ratio.scale(100.0)
    if agrees(parent.realisasi, ratio):
        return []
    expected = ratio.mid
    reported = parent.realisasi.value or 0.0
    if abs(reported - expected) > near:
        return []
    return [Flag(parent.doc_id, parent.source_file, parent.table_id, parent.page, parent.line, "total_mismatch",
                 "warning", f"{parent.indikator} (realisasi)", reported, round(expected, 4),
                 round(reported - expected, 4),
                 f"Realisasi {fmt(reported, parent.realisasi.decimals)}% pada '{parent.indikator[:60]}' tidak sama "
                 f"dengan satu-satunya sub-kegiatannya (baris {child.line}): {fmt(child.realisasi.value)} / "
                 f"{fmt(child.target.value)} {child.target.unit} x 100 = {fmt(expected, 2)}%",
                 confidence=min(parent.confidence, child.confidence))]


def _compare_counts(parent: Measurement, children: list[Measurement]) -> list[Flag]:
    everyone = [parent, *children]
    if not all(_count(m.target) and _count(m.realisasi) for m in everyone):
        return []
    units = {m.target.unit.lower() for m in everyone} | {m.realisasi.unit.lower() for m in everyone}
    if len(units) != 1:
        return []
    sums = {name: sum(getattr(m, name).value or 0.0 for m in children) for name in ("target", "realisasi")}
    matches = {name: abs(sums[name] - (getattr(parent, name).value or 0.0)) < 1e-6 for name in sums}
    if sum(matches.values()) != 1:
        return []  # both add up, or neither does (then the row is not meant as a sum)
    name = "target" if not matches["target"] else "realisasi"
    reported = getattr(parent, name).value or 0.0
    lines = ", ".join(str(m.line) for m in children[:12] if m.line)
    return [Flag(parent.doc_id, parent.source_file, parent.table_id, parent.page, parent.line, "total_mismatch",
                 "error", f"{parent.indikator} ({name})", reported, sums[name], round(reported - sums[name], 4),
                 f"{name.capitalize()} {fmt(reported)} {parent.target.unit} pada '{parent.indikator[:60]}' tidak sama "
                 f"dengan jumlah {len(children)} sub-kegiatannya (baris {lines}) = {fmt(sums[name])}, padahal "
                 f"kolom lainnya sesuai dengan jumlahnya", confidence=min(m.confidence for m in everyone))]


_FIRST_COLUMN = regex.compile(r"\((pagu|realisasi|sisa)\b")


def totals_elsewhere(found: list[Flag], budget: list[BudgetLine]) -> list[Flag]:
    """A table's total that is not the sum of its rows, where another table of the report prints that sum as its
    own total: the two tables disagree as well, a finding of its own (the golds of d05, h03 and h07 list both at
    such a JUMLAH: "Tabel 3.4 JUMLAH anggaran 3.994.755.400; Tabel 3.5 JUMLAH BELANJA gives 3.904.755.400")."""
    getters = dict(COLUMNS)
    totals = [b for b in budget if b.is_total and not b.group_total]
    out: list[Flag] = []
    for f in found:
        if f.kind != "total_mismatch" or f.severity != "error" or f.expected is None:
            continue
        column = _FIRST_COLUMN.search(f.subject)
        row = next((b for b in totals if b.table_id == f.table_id and b.line == f.line and b.page == f.page
                    and f.subject.startswith(b.uraian)), None)
        if column is None or row is None:
            continue
        get = getters[column.group(1)]
        other = next((b for b in totals if b.table_id != f.table_id and get(b).ok
                      and abs((get(b).value or 0.0) - f.expected) < 0.5), None)
        if other is None:
            continue
        where = f"baris {other.line}" if other.line else f"halaman {other.page}"
        out.append(Flag(f.doc_id, f.source_file, f.table_id, f.page, f.line, "cross_table_mismatch", "error",
                        f"{row.uraian} ({column.group(1)})", f.reported, f.expected, f.delta,
                        f"{column.group(1).capitalize()} '{row.uraian[:40]}' {fmt(f.reported)} berbeda dengan "
                        f"{fmt(get(other).value)} pada total tabel {other.table_id} ({where}), yang sama dengan "
                        f"jumlah rinciannya", confidence=min(f.confidence, other.confidence)))
    return out
