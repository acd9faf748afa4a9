"""The same program or indicator with different figures in two tables of one report.

Only like is compared with like: the same role (pagu, target, realisasi, capaian), the same year, the same kind
of unit (a percentage is not a count in tons, nor a sum of money). A capaian is compared only where both tables
print the same target and realisasi (otherwise its difference is the other figure's, already named), and two
capaian that follow two legitimate formulas of a lower-is-better indicator (target/realisasi and
(2*target-realisasi)/target, FORMAT.md) are not a finding; two that follow opposite polarities are: the one the
indicator's wording (or falling targets) contradicts is a capaian_mismatch.
Two tables that disagree on nearly all of the figures of one kind they share are two versions of the plan
(a Perjanjian Kinerja before and after the budget change) or a misread table: one info flag, not a finding.
Otherwise every figure that differs beyond rounding is, named at the table whose figure the other tables do
not share. Subjects match by their normalised name, or when one (long enough) name is contained in the other
("Penyediaan Alat Bantu Jumlah Orang ..." in a row that joins sub-kegiatan and indicator).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass

import regex

from extractors.numbers import Number
from extractors.settings import DEFAULT, Settings
from extractors.understand import period_end_target
from pipeline.check.capaian import HIGHER, LOWER, LOWER_GAP, formula_interval
from pipeline.check.messages import fmt
from pipeline.check.polarity import falling_targets, target_series, wording_says_higher, wording_says_lower
from pipeline.check.subjects import comparable, name_key, same_subject, words
from pipeline.check.tolerance import agrees
from schemas.records import BudgetLine, Extraction, Flag, Measurement

LOWER_FAMILY = frozenset({LOWER, LOWER_GAP})
_PERCENT_UNIT = regex.compile(r"^\(?\s*(?:%|persen|persentase|prosentase|percent)\s*\)?$", regex.I)


@dataclass
class Figure:
    table_id: str
    page: int | None
    line: int | None
    subject: str
    what: str  # pagu | target | realisasi | capaian
    number: Number
    year: int | None
    confidence: float = 1.0
    unit: str = ""  # percent | money | count | "" (not known)
    row: Measurement | None = None  # the measurement a target / realisasi / capaian comes from
    line_of: BudgetLine | None = None  # the budget line a pagu / realisasi anggaran comes from
    version: str = ""  # a pagu's version of the budget: murni | perubahan | "" (not said), see budget_versions


# the two versions of a year's budget (APBD murni, then APBD Perubahan / the DPPA): a pagu of one is not the other's
_MURNI = regex.compile(r"\bmurni\b|sebelum\s+perubahan", regex.I)
_PERUBAHAN = regex.compile(r"(?<!sebelum\s)\bperubahan\b|\bAPBD-?P\b|\bP-?APBD\b|\bDPPA\b", regex.I)
_SENTENCE_END = regex.compile(r"[.:;]\s*$")
# the lines a table's caption may take above it, looked past for the sentence introducing the table (a PDF page wraps
# a long caption once: "Tabel 3.6 Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan" / "Tahun 2024")
_CAPTION_LINES = 2


def _version(text: str) -> str:
    """The budget version a text names: "murni" or "perubahan", "" where it names neither or both."""
    murni, perubahan = bool(_MURNI.search(text)), bool(_PERUBAHAN.search(text))
    return "murni" if murni and not perubahan else "perubahan" if perubahan and not murni else ""


def budget_versions(ext: Extraction, settings: Settings = DEFAULT) -> dict[str, str]:
    """Per table, the version of the budget its pagu is ("murni" or "perubahan"; "" where nothing says), from the
    first that names one: its pagu column's label ("Pagu Murni (Rp)", "Anggaran Setelah Perubahan"), its caption,
    or the sentence that introduces it ("... dengan pagu anggaran murni sebagai berikut"). A Perjanjian Kinerja
    signed on the APBD murni and a realisasi table on the budget after its change print two versions of one
    program's pagu (PermenPAN-RB 53/2014 and Permendagri 86/2017: the PK and the APBD-P; dev d05 and d06,
    holdout3 i04), which are not compared. ``settings.cross.intro_lines``: how far back the sentence may start."""
    lines = sorted((ln for ln in ext.prose if ln.text.strip()), key=lambda t: t.order)
    orders = [ln.order for ln in lines]
    priced = {b.table_id for b in ext.budget} | {p.table_id for p in ext.plans if p.kind == "program"}
    out: dict[str, str] = {}
    for t in ext.tables:
        if t.table_id not in priced:
            continue
        labels = " ".join(h for h, role in zip(t.header, t.roles, strict=False) if role == "pagu")
        version = _version(labels) or _version(t.caption)
        if not version:
            # the lines right before the table, its caption left out
            at = bisect_left(orders, t.order)
            before = [ln for ln in lines[max(0, at - settings.cross.intro_lines - _CAPTION_LINES):at]
                      if ln.text.strip() not in t.caption][-settings.cross.intro_lines:]
            intro: list[str] = []
            for ln in reversed(before):
                if intro and _SENTENCE_END.search(ln.text):
                    break  # the sentence before the introduction's
                intro.insert(0, ln.text)
            version = _version(" ".join(intro))
        out[t.table_id] = version
    return _versions_by_agreement(ext, out)


def _versions_by_agreement(ext: Extraction, versions: dict[str, str]) -> dict[str, str]:
    """A table that names no version takes the one of the tables whose pagu it prints to the rupiah, every pagu the
    two share, where those tables name one version only: an efficiency table restating the realisation table's
    "Anggaran Setelah Perubahan" is on the budget after its change too, and the Perjanjian Kinerja's "APBD Murni" is
    no more its version than the realisation table's (holdout4 j02's Tabel 2.2 / 3.6 / 3.7; the pairs of d05, d06)."""
    pagu: dict[str, dict[str, float]] = defaultdict(dict)
    for b in ext.budget:
        if b.pagu.ok and b.pagu.value and b.level in ("program", "kegiatan", "sub_kegiatan"):
            pagu[b.table_id].setdefault(name_key(b.uraian), b.pagu.value)
    for p in ext.plans:
        if p.kind == "program" and p.pagu is not None and p.pagu.ok and p.pagu.value:
            pagu[p.table_id].setdefault(name_key(p.subject), p.pagu.value)
    out = dict(versions)
    for t, version in versions.items():
        if version or t not in pagu:
            continue
        agreeing = set()
        for other, named in versions.items():
            shared = [k for k in pagu[t] if k in pagu.get(other, {})]
            if named and shared and all(abs(pagu[t][k] - pagu[other][k]) < 0.5 for k in shared):
                agreeing.add(named)
        if len(agreeing) == 1:
            out[t] = agreeing.pop()
    return out


def unit_kind(n: Number, satuan: str = "") -> str:
    """The kind of quantity a figure is: a percentage, a sum of money, a count in some unit, or not known.

    From the figure's own marks first ("65 %", "Rp", "152.340,25 Ton"), then from the row's satuan column."""
    if n.money:
        return "money"
    if n.percent:
        return "percent"
    unit = (n.unit or satuan or "").strip()
    if not unit:
        return ""
    return "percent" if _PERCENT_UNIT.match(unit) else "count"


def _same(a: Number, b: Number) -> bool:
    """Equal as printed, at the coarser of the two precisions (96 and 96,00 are the same figure); a score
    printed with its grade on both sides must carry the same grade ("72/B" is not "72/BB")."""
    if a.value is None or b.value is None:
        return a.value == b.value
    if a.qualitative and b.qualitative and a.qualitative.upper() != b.qualitative.upper():
        return False
    decimals = min(a.decimals, b.decimals)
    return round(a.value, decimals) == round(b.value, decimals)


_GRADE_WORD = regex.compile(r"[A-Za-z]+")


def _glued_grades(a: Number, b: Number) -> bool:
    """The same score whose grade words in one cell are the other's and more ("B (68,50)" beside "B (68,50) Baik
    WTP", "65,00 / B" beside "65,00 / B WTP Tinggi"): in a laid-out table a cell of stacked values took its
    neighbours' grades (the reportlab and LibreOffice prints of d07, reportlab's of d10). "72/B" against "72/BB"
    stays a difference: neither grade holds the other."""
    if a.value is None or b.value is None or not (a.qualitative and b.qualitative):
        return False
    if round(a.value, min(a.decimals, b.decimals)) != round(b.value, min(a.decimals, b.decimals)):
        return False
    wa = {w.upper() for w in _GRADE_WORD.findall(a.qualitative)}
    wb = {w.upper() for w in _GRADE_WORD.findall(b.qualitative)}
    return bool(wa and wb) and wa != wb and (wa < wb or wb < wa)


_ALTERNATIVE = regex.compile(r"^(.*\w)\s*/\s*[A-Za-z]+\s*$")


def subject_key(name: str) -> str:
    """An indicator named with a one-word alternative ("Nilai SAKIP/Predikat") is also known by its head."""
    m = _ALTERNATIVE.match(name.strip())
    return name_key(m.group(1)) if m and len(words(m.group(1))) >= 2 else name_key(name)


PERIOD_END_TARGET = "target akhir periode"


def _figures(ext: Extraction, settings: Settings = DEFAULT) -> dict[tuple[str, str], list[Figure]]:
    out: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    versions = budget_versions(ext, settings)
    for b in ext.budget:
        if b.level not in ("program", "kegiatan", "sub_kegiatan"):
            continue
        # the money spent is one figure whatever the table: unlike the pagu it is not revised (dev d01 Tabel 3.9
        # against Tabel 3.7, d04 Tabel 3.5 against Tabel 3.4, d09 Tabel 3.4 against its E.81 annex)
        for what, n in (("pagu", b.pagu), ("realisasi anggaran", b.realisasi)):
            if n.ok and n.value:
                out[(what, name_key(b.uraian))].append(
                    Figure(b.table_id, b.page, b.line, b.uraian, what, n, b.year, b.confidence, "money", line_of=b,
                           version=versions.get(b.table_id, "") if what == "pagu" else ""))
    for p in ext.plans:
        if p.kind == "program" and p.pagu is not None and p.pagu.ok and p.pagu.value:
            out[("pagu", name_key(p.subject))].append(Figure(p.table_id, p.page, p.line, p.subject, "pagu", p.pagu,
                                                           p.year, p.confidence, "money",
                                                           version=versions.get(p.table_id, "")))
    # a table of the year's realisasi against the Renstra end target: its target is not the year's (holdout h08
    # Tabel 3.4 "Target Akhir Renstra" 75,00 against the PK's 72,00; d01's fixture; PermenPAN-RB 53/2014 BAB III)
    period_end = {t.table_id for t in ext.tables if period_end_target(t)}
    # ... whose realisasi is the year's all the same, as its column says ("Target Akhir Renstra 2026 | Realisasi
    # 2023": the row's year is the target's; holdout3 i02's Tabel 3.4 prints 83,37 where its other tables print 88,37),
    # where it is a level (a percentage, an index): a count there may be summed over the Renstra's years so far
    # (h07's 3.323 houses against the year's 1.187, i04's 9 against 4)
    realised = {t.table_id: next((y for y, r in zip(t.years, t.roles, strict=False) if r == "realisasi" and y), None)
                for t in ext.tables if t.table_id in period_end}
    for m in ext.measurements:
        key = subject_key(m.indikator)
        if not _specific(key):
            continue
        target = PERIOD_END_TARGET if m.table_id in period_end else "target"
        for what, n in ((target, m.target), ("realisasi", m.realisasi), ("capaian", m.capaian)):
            if n.ok:
                unit = "percent" if what == "capaian" else unit_kind(n, m.satuan)
                level = what == "realisasi" and unit != "count"
                year = (realised.get(m.table_id) or m.year) if level else m.year
                out[(what, key)].append(Figure(m.table_id, m.page, m.line, m.indikator, what, n, year,
                                               m.confidence, unit, m))
    for p in ext.plans:
        key = subject_key(p.subject)
        if p.kind == "indicator" and p.target is not None and p.target.ok and _specific(key):
            out[("target", key)].append(Figure(p.table_id, p.page, p.line, p.subject, "target", p.target, p.year,
                                               p.confidence, unit_kind(p.target)))
    return out


def _specific(key: str) -> bool:
    """Long enough to name one indicator: 12 characters, or two words that are not generic ("nilai sakip")."""
    return len(key) >= 12 or (len(key) >= 8 and len(words(key)) >= 2)


def _like(a: Figure, b: Figure) -> bool:
    """The same quantity: the same year and kind of unit where both are known, the same version of the budget for a
    pagu where both say theirs (:func:`budget_versions`), and a capaian only over the same target and realisasi (a
    capaian that differs because its realisasi differs is that realisasi's finding)."""
    if a.year and b.year and a.year != b.year:
        return False
    if a.version and b.version and a.version != b.version:
        return False
    if a.unit and b.unit and a.unit != b.unit:
        return False
    if not comparable(a.number, b.number):
        return False
    if a.what == "capaian":
        ra, rb = a.row, b.row
        if ra is None or rb is None:
            return False
        if not (ra.target.ok and rb.target.ok and ra.realisasi.ok and rb.realisasi.ok):
            return False
        if not (_same(ra.target, rb.target) and _same(ra.realisasi, rb.realisasi)):
            return False
    return True


def _candidates(figs: list[Figure]) -> list[list[int]]:
    """For each figure, the later figures whose subject can be its subject, in order: those with its exact or
    head key, and those sharing the rarest word of whichever name is the shorter (a name contained in another
    shares all its words). Linear in practice, where comparing every pair was quadratic (BENCHMARKS.md)."""
    tokens = [frozenset(name_key(f.subject).split()) for f in figs]
    df = Counter(t for ts in tokens for t in ts)
    rarest = [min(ts, key=lambda t: (df[t], t)) if ts else "" for ts in tokens]
    by_token: dict[str, list[int]] = defaultdict(list)
    by_rarest: dict[str, list[int]] = defaultdict(list)
    by_head: dict[str, list[int]] = defaultdict(list)
    for i, ts in enumerate(tokens):
        for t in ts:
            by_token[t].append(i)
        by_rarest[rarest[i]].append(i)
        by_head[subject_key(figs[i].subject)].append(i)
    out = []
    for i, ts in enumerate(tokens):
        found = set(by_token.get(rarest[i], ())) | set(by_head[subject_key(figs[i].subject)])
        for t in ts:
            found.update(by_rarest.get(t, ()))
        out.append(sorted(j for j in found if j > i))
    return out


def _pairs(figs: list[Figure]) -> list[tuple[Figure, Figure]]:
    """Figures of one kind from two different tables that name the same subject (each figure paired once per
    other table, an exact name before a contained one)."""
    out = []
    candidates = _candidates(figs)
    for i, a in enumerate(figs):
        partner: dict[str, tuple[int, Figure]] = {}
        for b in (figs[j] for j in candidates[i]):
            if b.table_id == a.table_id or not _like(a, b):
                continue
            money = a.unit == "money"
            exact = name_key(a.subject) == name_key(b.subject) or (
                not money and subject_key(a.subject) == subject_key(b.subject))
            # money rows are matched by their exact name: a contained name there is too often a wrapped
            # kegiatan line glued to its neighbour
            if not exact and (money or not same_subject(a.subject, b.subject)):
                continue
            rank = 0 if exact else 1
            if b.table_id not in partner or rank < partner[b.table_id][0]:
                partner[b.table_id] = (rank, b)
        out.extend((a, b) for _, b in partner.values())
    return out


def formulas_of(m: Measurement, capaian: Number) -> set[str]:
    """The capaian formulas (FORMAT.md) under which a printed capaian follows the row's target and realisasi."""
    if not (m.target.ok and m.realisasi.ok and capaian.ok) or not m.target.value:
        return set()
    out = set()
    for formula in (HIGHER, LOWER, LOWER_GAP):
        interval = formula_interval(formula, m)
        if interval is not None and agrees(capaian, interval):
            out.add(formula)
    return out


def _capaian_verdict(a: Figure, b: Figure, lower_keys: set[str]) -> tuple[str, Figure | None]:
    """Two capaian of one indicator over the same target and realisasi, printed differently:
    "ok" when both follow formulas of a lower-is-better indicator (target/realisasi in one table,
    (2*target-realisasi)/target in the other: both legitimate), ("polarity", wrong) when one follows
    realisasi/target and the other a lower-is-better formula (the one against the indicator's wording or falling
    targets is wrong), "differ" otherwise."""
    assert a.row is not None and b.row is not None
    fa, fb = formulas_of(a.row, a.number), formulas_of(b.row, b.number)
    if not fa or not fb or fa & fb:
        return "differ", None
    if fa <= LOWER_FAMILY and fb <= LOWER_FAMILY:
        return "ok", None
    if HIGHER in fa and fb <= LOWER_FAMILY:
        higher, lower = a, b
    elif HIGHER in fb and fa <= LOWER_FAMILY:
        higher, lower = b, a
    else:
        return "differ", None
    says_lower = any(wording_says_lower(f.subject, f.row.satuan if f.row else "") or name_key(f.subject) in lower_keys
                     for f in (a, b))
    if says_lower:
        return "polarity", higher
    if lower.row is not None and wording_says_higher(lower.subject, lower.row.satuan):
        return "named", None  # the capaian check names an inverted capaian of a delivered output itself
    return "polarity", lower


def check_cross_table(ext: Extraction, settings: Settings = DEFAULT, lower_named: frozenset[str] = frozenset()
                      ) -> list[Flag]:
    """The same figure of one indicator or program printed differently in two tables. ``lower_named``: the name keys
    of the indicators the report itself says are lower-is-better (in their names, plans or method text: the capaian
    check's evidence, :func:`pipeline.check.check`), so that both checks read one polarity (holdout4 j04)."""
    by_what: dict[str, list[Figure]] = defaultdict(list)
    for (what, _), figs in _figures(ext, settings).items():
        by_what[what].extend(figs)
    lower_keys = falling_targets(target_series(ext)) | set(lower_named)
    laid_out = {t.table_id for t in ext.tables if t.laid_out}
    pairs: dict[tuple[str, str], list[tuple[Figure, Figure, bool]]] = defaultdict(list)
    polarity: list[tuple[Figure, Figure]] = []  # (wrong, right)
    for figs in by_what.values():
        firsts: dict[tuple[str, str], Figure] = {}
        for f in figs:
            firsts.setdefault((f.table_id, name_key(f.subject)), f)  # a row repeated after a page break counts once
        for a, b in _pairs(list(firsts.values())):
            key = (a.table_id, b.table_id) if a.table_id <= b.table_id else (b.table_id, a.table_id)
            ok = _same(a.number, b.number)
            if not ok and (a.table_id in laid_out or b.table_id in laid_out) and _glued_grades(a.number, b.number):
                continue  # one score, the other cell carrying its neighbours' grades too: neither agrees nor differs
            if not ok and a.what == "capaian":
                verdict, wrong = _capaian_verdict(a, b, lower_keys)
                if verdict == "ok":
                    ok = True
                elif verdict == "polarity" and wrong is not None:
                    polarity.append((wrong, b if wrong is a else a))
                    continue
                elif verdict == "named":
                    continue
            pairs[key].append((a, b, ok))
    disagreements: list[tuple[Figure, Figure]] = []
    abstained: list[Flag] = []
    for (t1, t2), comparisons in pairs.items():
        by_kind: dict[str, list[tuple[Figure, Figure, bool]]] = defaultdict(list)
        for a, b, ok in comparisons:
            by_kind[a.what].append((a, b, ok))
        for what, same_kind in by_kind.items():
            disagree = [(a, b) for a, b, ok in same_kind if not ok]
            # two tables that differ on nearly every one of the figures they share are two versions of the
            # plan (murni / perubahan, Renstra / PK) or one of them is misread, not a mistake of the report
            if (disagree and len(same_kind) >= settings.cross.revision_min_shared
                    and len(disagree) >= settings.cross.revision_share * len(same_kind)):
                abstained.append(_abstain(ext, t1, t2, what, disagree, len(same_kind)))
                continue
            disagreements.extend(disagree)
    flags = _flags(ext, _one_per_row(disagreements), pairs, _children_sums(ext))
    return flags + [_polarity_flag(ext, w, r) for w, r in polarity] + abstained


def _where_key(f: Figure) -> tuple[str, int | None, int | None]:
    return f.table_id, f.line, f.page


def _one_per_row(disagreements: list[tuple[Figure, Figure]]) -> list[tuple[Figure, Figure]]:
    """Two rows that differ in two of their figures are one finding, a row printed with another one's figures: two
    budget rows differing in their pagu and their realisasi (sample 003 Tabel 3.22/3.23), the pagu names it; two
    indicator rows differing in their target and their realisasi (sample 001 Tabel 3.8 against Tabel 3.6, a row
    carrying another indicator's name), the realisasi names it, what the report says it achieved, as an auditor
    states such a row (the gold of 001)."""
    def rows(a: Figure, b: Figure) -> frozenset[tuple[str, int | None, int | None]]:
        return frozenset((_where_key(a), _where_key(b)))

    named = {(second, rows(a, b)) for first, second in _NAMES_THE_ROW for a, b in disagreements if a.what == first}
    return [(a, b) for a, b in disagreements if (a.what, rows(a, b)) not in named]


# where two rows differ in both figures of a pair, the first names the finding and the second is no more of it
_NAMES_THE_ROW = (("pagu", "realisasi anggaran"), ("realisasi", "target"))


def _abstain(ext: Extraction, t1: str, t2: str, what: str, disagree: list[tuple[Figure, Figure]],
             shared: int) -> Flag:
    a, b = disagree[0]
    return Flag(ext.info.doc_id, ext.info.source_file, a.table_id, a.page, a.line, "cross_table_mismatch", "info",
                f"{t1}/{t2} ({what})", None, None, None,
                f"{len(disagree)} dari {shared} {what} yang ada di tabel {t1} dan {t2} berbeda (mis. "
                f"'{a.subject[:40]}' {_shown(a.number)} dan {_shown(b.number)}): dua versi rencana (sebelum/sesudah "
                f"perubahan) atau salah satu tabel salah terbaca, bukan kesalahan laporan; tidak dijadikan temuan",
                confidence=min(f.confidence for pair in disagree for f in pair))


def _polarity_flag(ext: Extraction, wrong: Figure, right: Figure) -> Flag:
    """A capaian whose formula has the indicator's polarity backwards, where another table of the report prints
    the capaian of the same target and realisasi the other way."""
    m = wrong.row
    assert m is not None and right.row is not None
    used = HIGHER if HIGHER in formulas_of(m, wrong.number) else sorted(formulas_of(m, wrong.number))[0]
    lower = used == HIGHER
    polarity = "makin rendah makin baik" if lower else "makin tinggi makin baik"
    return Flag(ext.info.doc_id, ext.info.source_file, wrong.table_id, wrong.page, wrong.line, "capaian_mismatch",
                "error", wrong.subject, wrong.number.value, right.number.value,
                round((wrong.number.value or 0) - (right.number.value or 0), 4),
                f"Capaian {wrong.number.raw.strip()} dihitung dengan {used} (target {_shown(m.target)}, realisasi "
                f"{_shown(m.realisasi)}), padahal indikator ini {polarity}: tabel {right.table_id}{_where(right)} "
                f"mencatat capaian {_shown(right.number)} untuk target dan realisasi yang sama",
                confidence=min(wrong.confidence, right.confidence))


def _children_sums(ext: Extraction) -> dict[tuple[str, str, str], float]:
    """Per table, code and figure: the sum of the rows coded under it (pagu, realisasi anggaran)."""
    sums: dict[tuple[str, str, str], float] = defaultdict(float)
    for b in ext.budget:
        if not b.parent_kode:
            continue
        for what, n in (("pagu", b.pagu), ("realisasi anggaran", b.realisasi)):
            if n.ok:
                sums[(b.table_id, b.parent_kode, what)] += n.value or 0.0
    return sums


def _parents_finding(odd: Figure, other: Figure, sums: dict[tuple[str, str, str], float]) -> bool:
    """The odd figure is a parent row whose own children add up to the other table's figure: the total check
    names it against its children (dev d12: a program's pagu above its only kegiatan, which the efficiency
    table repeats). A table without those children keeps the cross-table finding (d01, d02, sample 000)."""
    b = odd.line_of
    if b is None or not b.kode or other.number.value is None or odd.number.value is None:
        return False
    total = sums.get((odd.table_id, b.kode, odd.what))
    unit = max(odd.number.resolution, other.number.resolution)
    return total is not None and abs(total - other.number.value) <= unit and abs(total - odd.number.value) > unit


def _flags(ext: Extraction, disagreements: list[tuple[Figure, Figure]],
           pairs: dict[tuple[str, str], list[tuple[Figure, Figure, bool]]],
           children: dict[tuple[str, str, str], float] | None = None) -> list[Flag]:
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
    # an odd figure is named once, against its most confident partner: a doubtful reading elsewhere must not turn
    # the finding into an info flag when a confident table disagrees too
    for a, b in sorted(disagreements, key=lambda ab: -min(ab[0].confidence, ab[1].confidence)):
        odd, other = a, b
        # the odd one out: a capaian its own target and realisasi cannot give, beside one they do; else the
        # figure fewer other tables agree with
        follows = _follows(a), _follows(b)
        if follows == (False, True):
            pass
        elif follows == (True, False):
            odd, other = b, a
        elif len(agreeing[id(a)]) > len(agreeing[id(b)]) or (
                len(agreeing[id(a)]) == len(agreeing[id(b)]) and len(disagreeing[id(a)]) < len(disagreeing[id(b)])):
            odd, other = b, a
        key = (odd.table_id, odd.line, odd.page, odd.what, odd.number.value)
        if key in seen or _parents_finding(odd, other, children or {}):
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


def _follows(f: Figure) -> bool | None:
    """A capaian that some capaian formula gives from its own row's target and realisasi; None for other figures."""
    if f.what != "capaian" or f.row is None:
        return None
    return bool(formulas_of(f.row, f.number))


def _shown(n: Number) -> str:
    """A figure as the message prints it: a graded score with its grade ("72/BB")."""
    if n.qualitative:
        return n.raw.strip()
    return fmt(n.value, n.decimals)


def _where(f: Figure) -> str:
    if f.line:
        return f" (baris {f.line})"
    return f" (halaman {f.page})" if f.page else ""
