"""Ruled tables: cells built from horizontal and vertical ruling segments, words put in them.

Segments (drawn lines, thin rectangles, rectangle sides, or lines found in a scanned image) are
snapped and joined; segments that touch form one table region. In a region the distinct
ruling positions give a fine grid; two neighbouring fine cells with no ruling between them
belong to one merged cell. Each word goes to the cell holding its centre. A merged cell's text
is put in its top-left fine cell and the cells it spans stay empty, so columns stay aligned.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.model import BBox
from extractors.pdf_words import Word, text_of

SNAP = 2.0  # points: rulings closer than this are one
MIN_LENGTH = 3.0  # points: shorter strokes are not rulings (rectangle ends, dots)
MAX_THICKNESS = 3.0  # points: thicker boxes are shading, not rulings (their sides still count)


@dataclass(slots=True)
class Seg:
    """A ruling: ``pos`` is y for a horizontal one and x for a vertical one; it runs from a to b."""

    vertical: bool
    pos: float
    a: float
    b: float


@dataclass(slots=True)
class RuledTable:
    bbox: BBox
    rows: list[list[tuple[str, BBox | None]]]  # text and box per cell ("" and None when spanned)
    row_tops: list[float]  # top of each row (for reading order)


def segments_from_boxes(boxes: Sequence[BBox]) -> list[Seg]:
    """Rulings from stroke boxes (x0, top, x1, bottom): thin ones are lines, others give their sides."""
    segs: list[Seg] = []
    for x0, top, x1, bottom in boxes:
        w, h = x1 - x0, bottom - top
        if h <= MAX_THICKNESS and w >= MIN_LENGTH:
            segs.append(Seg(False, (top + bottom) / 2, x0, x1))
        elif w <= MAX_THICKNESS and h >= MIN_LENGTH:
            segs.append(Seg(True, (x0 + x1) / 2, top, bottom))
        elif w >= MIN_LENGTH and h >= MIN_LENGTH:
            segs += [Seg(False, top, x0, x1), Seg(False, bottom, x0, x1), Seg(True, x0, top, bottom),
                     Seg(True, x1, top, bottom)]
    return segs


def merge_segments(segs: Sequence[Seg]) -> list[Seg]:
    """Collinear segments snapped to one position and joined where they touch or overlap."""
    out: list[Seg] = []
    for vertical in (False, True):
        group = sorted((s for s in segs if s.vertical is vertical), key=lambda s: s.pos)
        lanes: list[list[Seg]] = []
        for s in group:
            if lanes and s.pos - lanes[-1][-1].pos <= SNAP:
                lanes[-1].append(s)
            else:
                lanes.append([s])
        for lane in lanes:
            pos = sum(s.pos for s in lane) / len(lane)
            current: Seg | None = None
            for s in sorted(lane, key=lambda s: s.a):
                if current is not None and s.a <= current.b + SNAP:
                    current.b = max(current.b, s.b)
                    continue
                current = Seg(vertical, pos, s.a, s.b)
                out.append(current)
    return out


def _touch(h: Seg, v: Seg) -> bool:
    return h.a - SNAP <= v.pos <= h.b + SNAP and v.a - SNAP <= h.pos <= v.b + SNAP


def regions(segs: Sequence[Seg]) -> list[list[Seg]]:
    """Groups of segments connected through crossings: one group per ruled table."""
    parent = list(range(len(segs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    hs = [i for i, s in enumerate(segs) if not s.vertical]
    vs = [i for i, s in enumerate(segs) if s.vertical]
    for i in hs:
        for j in vs:
            if _touch(segs[i], segs[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[Seg]] = {}
    for i, s in enumerate(segs):
        groups.setdefault(find(i), []).append(s)
    return [g for g in groups.values() if any(s.vertical for s in g) and any(not s.vertical for s in g)]


def _positions(values: Sequence[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > SNAP:
            out.append(v)
    return out


def _covers(segs: Sequence[Seg], pos: float, lo: float, hi: float) -> bool:
    """A ruling at ``pos`` runs across the middle of the span lo..hi."""
    mid = (lo + hi) / 2
    reach = min((hi - lo) / 4, 4.0)
    return any(abs(s.pos - pos) <= SNAP and s.a <= mid - reach + 0.01 and s.b >= mid + reach - 0.01 for s in segs)


def build_table(group: Sequence[Seg], words: Sequence[Word], mark_cuts: bool = False
                ) -> tuple[RuledTable | None, set[int]]:
    """The table of one region and the indexes of the words it took. ``mark_cuts``: a line break that may
    cut a word too long for its cell is marked (see :func:`extractors.pdf_words.text_of`)."""
    hsegs = [s for s in group if not s.vertical]
    vsegs = [s for s in group if s.vertical]
    xs = _positions([s.pos for s in vsegs])
    ys = _positions([s.pos for s in hsegs])
    if len(xs) < 2 or len(ys) < 2:
        return None, set()
    n_r, n_c = len(ys) - 1, len(xs) - 1
    parent = list(range(n_r * n_c))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)  # the root is the top-left fine cell

    for r in range(n_r):
        for c in range(n_c):
            if c + 1 < n_c and not _covers(vsegs, xs[c + 1], ys[r], ys[r + 1]):
                union(r * n_c + c, r * n_c + c + 1)
            if r + 1 < n_r and not _covers(hsegs, ys[r + 1], xs[c], xs[c + 1]):
                union(r * n_c + c, (r + 1) * n_c + c)
    taken: set[int] = set()
    members: dict[int, list[Word]] = {}
    x_lo, x_hi, y_lo, y_hi = xs[0], xs[-1], ys[0], ys[-1]
    for k, w in enumerate(words):
        cy = (w.top + w.bottom) / 2  # Word.cy, cx written out: every word of the page is tried for every table
        if not y_lo <= cy <= y_hi:
            continue
        cx = (w.x0 + w.x1) / 2
        if not x_lo <= cx <= x_hi:
            continue
        c = min(bisect_right(xs, cx) - 1, n_c - 1)
        r = min(bisect_right(ys, cy) - 1, n_r - 1)
        members.setdefault(find(r * n_c + c), []).append(w)
        taken.add(k)
    boxes: dict[int, list[float]] = {}
    for i in range(n_r * n_c):
        r, c = divmod(i, n_c)
        root = find(i)
        box = boxes.setdefault(root, [xs[c], ys[r], xs[c + 1], ys[r + 1]])
        box[0], box[1] = min(box[0], xs[c]), min(box[1], ys[r])
        box[2], box[3] = max(box[2], xs[c + 1]), max(box[3], ys[r + 1])
    anchors = {find(i) for i in range(n_r * n_c)}
    keep_cols = [c for c in range(n_c) if any(r * n_c + c in anchors for r in range(n_r))]
    rows: list[list[tuple[str, BBox | None]]] = []
    tops: list[float] = []
    for r in range(n_r):
        row: list[tuple[str, BBox | None]] = []
        for c in keep_cols:
            i = r * n_c + c
            if i in anchors:
                b = boxes[i]
                edges = (b[0], b[2]) if mark_cuts else None
                row.append((text_of(members.get(i, []), edges), (b[0], b[1], b[2], b[3])))
            else:
                row.append(("", None))
        if any(text for text, _ in row):
            rows.append(row)
            tops.append(ys[r])
    if len(keep_cols) < 2 or not rows:
        return None, set()
    return RuledTable((x_lo, y_lo, x_hi, y_hi), rows, tops), taken


def ruled_tables(segs: Sequence[Seg], words: Sequence[Word], mark_cuts: bool = False
                 ) -> tuple[list[RuledTable], set[int]]:
    """Every ruled table on a page (top to bottom) and the indexes of the words inside them."""
    tables: list[RuledTable] = []
    taken: set[int] = set()
    for group in regions(merge_segments(segs)):
        table, used = build_table(group, words, mark_cuts)
        if table is not None:
            tables.append(table)
            taken |= used
    tables.sort(key=lambda t: t.bbox[1])
    return tables, taken
