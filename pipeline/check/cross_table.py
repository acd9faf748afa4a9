"""The same program or indicator with different figures in two tables of one report.

Two tables that disagree on nearly all of the figures of one kind they share are two versions of the
plan (a Perjanjian Kinerja before and after the budget change): that is not a finding. Otherwise every
figure that differs beyond rounding is, named at the table whose figure the other tables do not share.
Subjects match by their normalised name, or when one (long enough) name is contained in the other
("Penyediaan Alat Bantu Jumlah Orang ..." in a row that joins sub-kegiatan and indicator).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import regex

from extractors.numbers import Number
from extractors.settings import DEFAULT, Settings
from pipeline.check.messages import fmt
from pipeline.check.subjects import comparable, name_key, same_subject, words
from schemas.records import Extraction, Flag

REVISION_SHARE = 0.75


@dataclass
class Figure:
    table_id: str
    page: int | None
    line: int | None
    subject: str
    what: str  # pagu | target | realisasi
    number: Number
    year: int | None
    confidence: float = 1.0


def _same(a: Number, b: Number) -> bool:
    """Equal as printed, at the coarser of the two precisions (96 and 96,00 are the same figure); a score
    printed with its grade on both sides must carry the same grade ("72/B" is not "72/BB")."""
    if a.value is None or b.value is None:
        return a.value == b.value
    if a.qualitative and b.qualitative and a.qualitative.upper() != b.qualitative.upper():
        return False
    decimals = min(a.decimals, b.decimals)
    return round(a.value, decimals) == round(b.value, decimals)


_ALTERNATIVE = regex.compile(r"^(.*\w)\s*/\s*[A-Za-z]+\s*$")


def subject_key(name: str) -> str:
    """An indicator named with a one-word alternative ("Nilai SAKIP/Predikat") is also known by its head."""
    m = _ALTERNATIVE.match(name.strip())
    return name_key(m.group(1)) if m and len(words(m.group(1))) >= 2 else name_key(name)


def _figures(ext: Extraction) -> dict[tuple[str, str], list[Figure]]:
    out: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for b in ext.budget:
        if b.level in ("program", "kegiatan", "sub_kegiatan") and b.pagu.ok and b.pagu.value:
            out[("pagu", name_key(b.uraian))].append(
                Figure(b.table_id, b.page, b.line, b.uraian, "pagu", b.pagu, b.year, b.confidence))
    for p in ext.plans:
        if p.kind == "program" and p.pagu is not None and p.pagu.ok and p.pagu.value:
            out[("pagu", name_key(p.subject))].append(Figure(p.table_id, p.page, p.line, p.subject, "pagu", p.pagu,
                                                           p.year, p.confidence))
    for m in ext.measurements:
        key = subject_key(m.indikator)
        if not _specific(key):
            continue
        for what, n in (("target", m.target), ("realisasi", m.realisasi), ("capaian", m.capaian)):
            if n.ok:
                out[(what, key)].append(Figure(m.table_id, m.page, m.line, m.indikator, what, n, m.year,
                                               m.confidence))
    for p in ext.plans:
        key = subject_key(p.subject)
        if p.kind == "indicator" and p.target is not None and p.target.ok and _specific(key):
            out[("target", key)].append(Figure(p.table_id, p.page, p.line, p.subject, "target", p.target, p.year,
                                               p.confidence))
    return out


def _specific(key: str) -> bool:
    """Long enough to name one indicator: 12 characters, or two words that are not generic ("nilai sakip")."""
    return len(key) >= 12 or (len(key) >= 8 and len(words(key)) >= 2)


def _pairs(figs: list[Figure]) -> list[tuple[Figure, Figure]]:
    """Figures of one kind from two different tables that name the same subject (each figure paired once per
    other table, an exact name before a contained one)."""
    out = []
    for i, a in enumerate(figs):
        partner: dict[str, tuple[int, Figure]] = {}
        for b in figs[i + 1:]:
            if b.table_id == a.table_id or (a.year and b.year and a.year != b.year) or not comparable(a.number,
                                                                                                     b.number):
                continue
            exact = name_key(a.subject) == name_key(b.subject) or (
                a.what != "pagu" and subject_key(a.subject) == subject_key(b.subject))
            # money rows are matched by their exact name: a contained name there is too often a wrapped
            # kegiatan line glued to its neighbour
            if not exact and (a.what == "pagu" or not same_subject(a.subject, b.subject)):
                continue
            rank = 0 if exact else 1
            if b.table_id not in partner or rank < partner[b.table_id][0]:
                partner[b.table_id] = (rank, b)
        out.extend((a, b) for _, b in partner.values())
    return out


def check_cross_table(ext: Extraction, settings: Settings = DEFAULT) -> list[Flag]:
    by_what: dict[str, list[Figure]] = defaultdict(list)
    for (what, _), figs in _figures(ext).items():
        by_what[what].extend(figs)
    pairs: dict[tuple[str, str], list[tuple[Figure, Figure, bool]]] = defaultdict(list)
    for figs in by_what.values():
        firsts: dict[tuple[str, str], Figure] = {}
        for f in figs:
            firsts.setdefault((f.table_id, name_key(f.subject)), f)  # a row repeated after a page break counts once
        for a, b in _pairs(list(firsts.values())):
            key = (a.table_id, b.table_id) if a.table_id <= b.table_id else (b.table_id, a.table_id)
            pairs[key].append((a, b, _same(a.number, b.number)))
    disagreements: list[tuple[Figure, Figure]] = []
    for comparisons in pairs.values():
        by_what: dict[str, list[tuple[Figure, Figure, bool]]] = defaultdict(list)
        for a, b, ok in comparisons:
            by_what[a.what].append((a, b, ok))
        for same_kind in by_what.values():
            disagree = [(a, b) for a, b, ok in same_kind if not ok]
            # two tables that differ on nearly every one of several shared figures are two versions of the
            # plan (murni / perubahan, Renstra / PK), not a mistake
            if len(same_kind) >= 3 and len(disagree) >= REVISION_SHARE * len(same_kind):
                continue
            disagreements.extend(disagree)
    return _flags(ext, disagreements, pairs)


def _flags(ext: Extraction, disagreements: list[tuple[Figure, Figure]],
           pairs: dict[tuple[str, str], list[tuple[Figure, Figure, bool]]]) -> list[Flag]:
    """One flag per odd figure: where a subject's other tables agree among themselves, the odd one is named."""
    agreeing: dict[int, list[Figure]] = defaultdict(list)
    for comparisons in pairs.values():
        for a, b, ok in comparisons:
            if ok:
                agreeing[id(a)].append(b)
                agreeing[id(b)].append(a)
    disagreeing: dict[int, list[Figure]] = defaultdict(list)
    for a, b in disagreements:
        disagreeing[id(a)].append(b)
        disagreeing[id(b)].append(a)
    flags: list[Flag] = []
    seen: set[tuple[object, ...]] = set()
    for a, b in disagreements:
        odd, other = a, b
        # the odd one out: the figure fewer other tables agree with
        if len(agreeing[id(a)]) > len(agreeing[id(b)]) or (
                len(agreeing[id(a)]) == len(agreeing[id(b)]) and len(disagreeing[id(a)]) < len(disagreeing[id(b)])):
            odd, other = b, a
        key = (odd.table_id, odd.line, odd.page, odd.what, odd.number.value)
        if key in seen:
            continue
        seen.add(key)
        flags.append(Flag(ext.info.doc_id, ext.info.source_file, odd.table_id, odd.page, odd.line,
                          "cross_table_mismatch", "warning", odd.subject, odd.number.value, other.number.value,
                          round((odd.number.value or 0) - (other.number.value or 0), 4),
                          f"{odd.what.capitalize()} '{odd.subject[:60]}' {_shown(odd.number)} "
                          f"di tabel {odd.table_id} berbeda dengan {_shown(other.number)} "
                          f"di tabel {other.table_id}{_where(other)}",
                          confidence=min(odd.confidence, other.confidence)))
    return flags


def _shown(n: Number) -> str:
    """A figure as the message prints it: a graded score with its grade ("72/BB")."""
    if n.qualitative:
        return n.raw.strip()
    return fmt(n.value, n.decimals)


def _where(f: Figure) -> str:
    if f.line:
        return f" (baris {f.line})"
    return f" (halaman {f.page})" if f.page else ""
