"""Figures stated in the prose: their own arithmetic, and against the table rows they describe.

Precision matters more than recall here: a sentence is only checked when its wording says what a
figure is (a ratio "X dari Y ... Z%", an amount and its share of the budget, a written formula, a
named indicator or program with "target ... realisasi ..."), and a table comparison is only made
when the subject's name matches one table subject clearly.
"""

from __future__ import annotations

import regex

from extractors.numbers import Number, parse_number
from extractors.settings import DEFAULT, Settings
from pipeline.check.history import year_figures
from pipeline.check.messages import fmt
from pipeline.check.prose import Figure, Passage, Sentence, figures, passages, sentences, words_before
from pipeline.check.subjects import best_matches, comparable, name_key, words
from pipeline.check.tolerance import Interval, agrees, printed
from schemas.records import Extraction, Flag, Measurement, YearFigure

_RATIO_LINK = regex.compile(
    r"^\s*(?:[a-z/]+\s+){0,2}?dari\s+(?:(?:target|total|jumlah|sebanyak|sebesar|keseluruhan|yang|seharusnya)\s+){0,3}$",
    regex.I)
_RATIO_TAIL = regex.compile(r"capaian|persentase|persen|sebesar|atau|\(|=", regex.I)
# "4 dari 6 indikator mencapai target dengan rata-rata capaian 101,25%": a count of the report's own indicators
# (sasaran, IKU), not a realisasi over its target (held-out i01; d-set summaries "7 dari 8 indikator kinerja utama
# mencapai target"); the same nouns _STATED_COUNT counts
_COUNTED = regex.compile(r"^\s*(?:\(\w+\)\s*)?(?:indikator|sasaran|iku)\b", regex.I)
_OTHER_MEASURE = regex.compile(r"\b(?:anggaran|keuangan|serapan|penyerapan|dana|rp|biaya|tahun|th)\b", regex.I)
_BUDGET_WORD = regex.compile(r"\b(?:anggaran|pagu|alokasi|dpa|dppa|belanja)\b", regex.I)
_SHARE_LINK = regex.compile(r"\(\s*$|\b(?:atau|sebesar|persentase|persen)\b", regex.I)
# between a realisation and the budget it is a share of, named after it: "Rp B dari pagu Rp A" (dev d01's Bab III)
_OF_BUDGET = regex.compile(r"\W*(?:dari|terhadap)\s+(?:total\s+|jumlah\s+|keseluruhan\s+)?"
                           r"(?:pagu|anggaran|alokasi|dpa|dppa)\b[^\d]{0,40}", regex.I)
_PART_WORD = regex.compile(r"\b(?:realisasi\w*|terealisasi|tunda|sisa|serapan|penyerapan|terserap|silpa)\b", regex.I)
_FRACTION = regex.compile(r"\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}\s*x\s*100\s*%?\s*=\s*([\d.,]+\s?%?)", regex.I)
_COLON = regex.compile(r"\(\s*([\d.,]+)\s*[:/]\s*([\d.,]+)\s*\)\s*x\s*100\s*%?\s*=\s*([\d.,]+\s?%?)", regex.I)
_AVERAGE = regex.compile(r"\(\s*((?:[\d.,]+\s?%?\s*\+\s*)+[\d.,]+\s?%?)\s*\)\s*[:/]\s*(\d{1,2})\b((?:\s*(?:x\s*100\s*)?"
                         r"=\s*[\d.,]+\s?%?(?:\s*[:/]\s*\d{1,2})?)+)", regex.I)
_LABEL = regex.compile(
    r"(?<!persentase\s|realisasi\s)\b(target(?:nya)?|ditargetkan|realisasi(?:nya)?|terealisasi|capaian(?:nya)?)\b"
    r"(?!\s+(?:anggaran|keuangan))"
    r"((?:\s+(?:pertama|kedua|ketiga|keempat|kinerja(?:nya)?|sebesar|yaitu|adalah|mencapai|yang|ingin|dicapai|"
    r"tingkat|dengan|nya|pada|hanya|telah|(?:di)?(?:tahun|th\.?)\s*20\d\d))*)\s*[:=]?\s*$", regex.I)
_ORDINALS = {"pertama": 0, "kedua": 1, "ketiga": 2, "keempat": 3}
_YEAR = regex.compile(r"\b(?:di)?(?:tahun|th\.?|thn\.?)\s*(20\d\d)\b", regex.I)


def check_narrative(ext: Extraction, settings: Settings = DEFAULT, every_passage: list[Passage] | None = None
                    ) -> list[Flag]:
    """``every_passage``: the report's prose as passages, when the caller has them (:func:`prose_passages`)."""
    flags: list[Flag] = []
    seen: set[tuple[object, ...]] = set()
    found: list[Flag] = []
    history = year_figures(ext)  # other years' columns, read once for every claim about another year
    amounts = _budget_amounts(ext)  # the budget tables' amounts, read once for every amount the prose states
    if every_passage is None:
        every_passage = prose_passages(ext, settings)
    for passage in every_passage:
        if len(passage.text) > settings.prose.max_passage_chars:
            continue  # not prose: a table or a whole report on one line (a broken conversion)
        whole = Sentence(passage.text, 0, passage)
        passage_figures = figures(passage.text)
        found.extend(_budget_shares(ext, whole, passage_figures))
        if _TOTAL_SHARE.search(passage.text):
            for sentence in sentences(passage):
                found.extend(_total_share_claims(ext, sentence, figures(sentence.text)))
        if len(passage_figures) < 2:
            continue  # no sentence of it can hold two figures: not worth splitting
        for sentence in sentences(passage):
            figs = figures(sentence.text)
            if len(figs) < 2:
                continue
            found.extend(_ratio_claims(ext, sentence, figs) + _formulas(ext, sentence)
                         + _table_claims(ext, sentence, figs, history, settings)
                         + _average_claims(ext, sentence, figs) + _slips(ext, sentence, figs, settings)
                         + _unit_claims(ext, sentence, figs, history, settings)
                         + _amount_slips(ext, sentence, figs, amounts, settings)
                         + _repeated_years(ext, sentence))
    found.extend(_formula_results(ext, every_passage, settings))
    for f in _one_per_figure(found, settings.prose.same_value):
        key = (f.line, f.page, f.reported, f.expected)
        if key not in seen:
            seen.add(key)
            flags.append(f)
    return flags


def prose_passages(ext: Extraction, settings: Settings = DEFAULT) -> list[Passage]:
    """The report's prose cut into passages by the settings' paragraph gap: read once, by the polarity wording and
    by the narrative checks."""
    return passages(ext.prose, settings.prose.paragraph_gap)


def _one_per_figure(found: list[Flag], same_value: float) -> list[Flag]:
    """One finding per printed figure: a prose percentage whose own ratio does not compute (capaian_mismatch) and
    that a table prints otherwise (narrative_mismatch), both to the same value, is the narrative finding alone,
    which names the table (holdout h02's Ringkasan: 112,24% where 10.248.317.664.512 / 9.115.640.250.000 and Tabel
    3.1 give 112,43)."""
    told = [(f.line, f.page, f.reported, f.expected) for f in found if f.kind == "narrative_mismatch"]
    return [f for f in found if f.kind != "capaian_mismatch" or not any(
        (line, page, reported) == (f.line, f.page, f.reported) and expected is not None and f.expected is not None
        and abs(expected - f.expected) < same_value for line, page, reported, expected in told)]


def _flag(ext: Extraction, sentence: Sentence, offset: int, kind: str, subject: str, reported: float | None,
          expected: float | None, message: str, confidence: float = 1.0) -> Flag:
    where = sentence.line_of(offset)
    delta = None if reported is None or expected is None else round(reported - expected, 4)
    return Flag(ext.info.doc_id, ext.info.source_file, "", where.page, where.line, kind,
                "error" if kind == "capaian_mismatch" else "warning", subject[:120], reported,
                None if expected is None else round(expected, 4), delta, message, confidence=confidence)


def _is_year(n: Number) -> bool:
    return n.value is not None and n.decimals == 0 and not n.percent and 1990 <= n.value <= 2100 and not n.money


# a list moving on to its next item: ", dan cakupan pelayanan ... sebesar 78,40%" is that item's figure, not the
# ratio of the two before it (holdout h04's Ikhtisar)
_NEW_SUBJECT = regex.compile(r",\s*(?:dan|serta|sedangkan|sementara)\s+(?!capaian\b|persentase capaian\b)[a-z]+"
                             r"\s+[a-z]+", regex.I)


def _ratio_claims(ext: Extraction, s: Sentence, figs: list[Figure]) -> list[Flag]:
    """ "1954 orang dari target 2000 orang sehingga capaian sebesar 97,07 %": 1954/2000 must give 97,07."""
    out = []
    for i in range(len(figs) - 2):
        a, b, p = figs[i], figs[i + 1], figs[i + 2]
        if not (a.number.ok and b.number.ok and p.number.ok and p.number.percent):
            continue
        if a.number.percent != b.number.percent or (_is_year(a.number) and _is_year(b.number)) or not b.value:
            continue
        if not _RATIO_LINK.match(s.text[a.end:b.start]) or _COUNTED.match(s.text[b.end:]):
            continue
        tail = s.text[b.end:p.start]
        if len(tail) > 100 or not _RATIO_TAIL.search(tail[-30:]) or _OTHER_MEASURE.search(tail) or \
                quantity_named(tail) == "efisiensi" or _NEW_SUBJECT.search(tail):
            continue
        interval = printed(a.number).divide(printed(b.number))
        if interval is None or agrees(p.number, interval.scale(100.0)):
            continue
        # "turun menjadi 4,23% dari target 4,30% atau tingkat capaian 101,65%": for an indicator where
        # lower is better the report divides the other way (target/realisasi, or the gap form); any
        # formula the public format allows that gives the printed capaian is no finding (dev-set d04)
        inverse = printed(b.number).divide(printed(a.number))
        if a.value and inverse is not None and (agrees(p.number, inverse.scale(100.0)) or agrees(
                p.number, Interval(200 - interval.hi * 100, 200 - interval.lo * 100))):
            continue
        row = _realisasi_slip(ext, a.number, b.number, p.number)
        if row is not None:  # the table's realisasi gives the printed capaian: the prose's realisasi is the slip
            out.append(_flag(ext, s, a.start, "narrative_mismatch", row.indikator, a.value, row.realisasi.value,
                             f"Teks menyebut realisasi {a.number.raw.strip()}, tetapi {row.table_id} mencantumkan "
                             f"{row.realisasi.raw.strip()} untuk '{row.indikator[:60]}' ({row.realisasi.raw.strip()}"
                             f" / {b.number.raw.strip()} x 100 = {p.number.raw.strip()}, capaian yang disebut)",
                             confidence=row.confidence))
            continue
        expected = (a.value or 0) / b.value * 100
        kind = "capaian_mismatch" if regex.search(r"capaian", tail, regex.I) else "narrative_mismatch"
        subject = s.text[max(0, a.start - 80):a.start].strip()
        out.append(_flag(ext, s, p.start, kind, subject, p.value, expected,
                         f"Teks menyebut {p.number.raw.strip()}, padahal {a.number.raw.strip()} / "
                         f"{b.number.raw.strip()} x 100 = {fmt(expected, 2)}%"))
    return out


def _realisasi_slip(ext: Extraction, realisasi: Number, target: Number, capaian: Number) -> Measurement | None:
    """The table row that decides which of a sentence's three figures is wrong when its realisasi / target does not
    give its capaian: one indicator of the tables with that target whose own realisasi gives that capaian (either
    way round, as a lower-is-better indicator divides), its realisasi other than the sentence's. Then the capaian
    is right and the sentence's realisasi is the slip (holdout h03: "realisasi ... 75,18% dari target 72,50% atau
    capaian kinerja 102,32%", Tabel 3.2 prints 74,18 and 102,32); several such indicators, or none: None, and the
    capaian is the finding as before."""
    rows: dict[float, Measurement] = {}
    for m in ext.measurements:
        if not (m.target.ok and m.realisasi.ok and m.realisasi.value) or not _same(m.target, target):
            continue
        if _same(m.realisasi, realisasi):
            return None  # the table prints the sentence's realisasi: it is no slip of the prose
        ratio, inverse = printed(m.realisasi).divide(printed(m.target)), printed(m.target).divide(printed(m.realisasi))
        if any(r is not None and agrees(capaian, r.scale(100.0)) for r in (ratio, inverse)):
            rows.setdefault(m.realisasi.value or 0.0, m)
    return next(iter(rows.values())) if len(rows) == 1 else None


def _budget_shares(ext: Extraction, s: Sentence, figs: list[Figure]) -> list[Flag]:
    """ "anggaran sebesar Rp A ... realisasi Rp B (p%)": p must be B/A*100."""
    money = [f for f in figs
             if f.number.money or (f.value is not None and f.value >= 1_000_000 and not f.number.percent)]
    if len(money) < 2:
        return []
    base = money[0]
    if not base.number.ok or not base.value or not _BUDGET_WORD.search(s.text[:base.start]):
        return []
    if _share_of(base, figs, s) is not None:
        return []  # an amount with its own percentage is a realisation, not the budget the others are shares of
    out = []
    for part in money[1:]:
        if not part.number.ok or part.value is None:
            continue
        spent, budget = part, base
        if part.value > base.value:
            if not _OF_BUDGET.fullmatch(s.text[base.end:part.start]):
                continue
            spent, budget = base, part  # "realisasi Rp B dari pagu Rp A atau p%": the budget named second
        if not _PART_WORD.search(s.text[max(0, spent.start - 160):spent.start]) or not budget.value:
            continue
        pct = _share_of(part, figs, s)  # the percentage follows the later amount in either order
        if pct is None or spent.value is None:
            continue
        expected = spent.value / budget.value * 100
        if agrees(pct.number, Interval(expected, expected)):
            continue
        if _far_off(pct.value or 0.0, expected):
            continue  # far off: more likely a share of another amount than a slip
        if any(other is not budget and other is not spent and other.number.ok and other.value
               and agrees(pct.number, Interval(spent.value / other.value * 100, spent.value / other.value * 100))
               for other in money):
            # the sentence names another budget the percentage is a share of: "semula (murni) Rp A dan setelah
            # perubahan menjadi Rp A' ... Rp B atau p% dari anggaran setelah perubahan" (held-out i04)
            continue
        slip = _amount_slip(ext, s, budget, spent, pct)
        if slip is not None:
            out.append(slip)
            continue
        subject = words_before(s.text, spent.start)
        out.append(_flag(ext, s, pct.start, "narrative_mismatch", subject, pct.value, expected,
                         f"Teks menyebut {pct.number.raw.strip()}, padahal Rp {fmt(spent.value)} / "
                         f"Rp {fmt(budget.value)} x 100 = {fmt(expected, 2)}%"))
    return out


def _amount_slip(ext: Extraction, s: Sentence, base: Figure, part: Figure, pct: Figure) -> Flag | None:
    """The prose's percentage does not fit its two amounts ("pagu Rp A ... realisasi Rp B atau p%"), and a budget
    table's total row shares one of them to the rupiah while its other amount is the one the percentage fits: the
    prose's other amount is the slip, and the finding is that amount against the table's (d04: the prose's pagu
    13.156.870.000 where the JUMLAH row prints 13.165.870.000, which its 96,26% fits), not the percentage. The
    prose of chapter III restates the budget table's total (PermenPAN-RB 53/2014's "Realisasi Anggaran"), so the
    total row is the figure it is read against; without such a row the percentage is reported, as before."""
    for row in ext.budget:
        pagu, realisasi = row.pagu.value, row.realisasi.value
        if not row.is_total or not pagu or realisasi is None:
            continue
        share = realisasi / pagu * 100
        if not agrees(pct.number, Interval(share, share)):
            continue
        if realisasi == part.value and pagu != base.value:
            wrong, right, at, what = base, pagu, base.start, "pagu"
        elif pagu == base.value and realisasi != part.value:
            wrong, right, at, what = part, realisasi, part.start, "realisasi"
        else:
            continue
        return _flag(ext, s, at, "narrative_mismatch", words_before(s.text, at), wrong.value, right,
                     f"Teks menyebut {what} Rp {fmt(wrong.value)}, tetapi baris '{row.uraian[:40]}' tabel "
                     f"{row.table_id} mencatat {what} Rp {fmt(right)}; {pct.number.raw.strip()} dalam teks cocok "
                     f"dengan angka tabel (Rp {fmt(realisasi)} / Rp {fmt(pagu)} x 100 = {fmt(share, 2)}%)")
    return None


# what a percentage measures, by the words that introduce it: a figure is only compared with the quantity
# its own words name (performance capaian, budget absorption, efficiency), never across them
_QUANTITIES = (
    ("efisiensi", regex.compile(r"\befisien\w*", regex.I)),
    ("anggaran", regex.compile(r"\b(?:anggaran|keuangan|serapan|penyerapan|terserap|dana|belanja|pagu)\b", regex.I)),
    ("kinerja", regex.compile(r"\b(?:kinerja|indikator|sasaran|capaian|target)\b", regex.I)),
)


def quantity_named(text: str) -> str:
    """The quantity the words closest to the end of `text` name: efisiensi | anggaran | kinerja | ""."""
    best, where = "", -1
    for name, pattern in _QUANTITIES:
        for m in pattern.finditer(text):
            if m.start() > where:
                best, where = name, m.start()
    return best


# "realisasi belanja mencapai 95,12% dari pagu", "Realisasi anggaran sebesar 94,92% dari pagu": the budget's absorption
# said as a percentage alone (h04's closing chapter; h01, i03 and i04 say it rightly)
_TOTAL_SHARE = regex.compile(r"\brealisasi\s+(?:belanja|anggaran|keuangan)\b[^.%]{0,60}?(\d+(?:,\d+)?)\s?%", regex.I)


def _far_off(said: float, expected: float) -> bool:
    """A percentage more than 5 points and a quarter away from the share it is compared with is more likely a share
    of another amount than a slip: no finding."""
    return abs(said - expected) > max(5.0, 0.25 * expected)


def _total_share_claims(ext: Extraction, s: Sentence, figs: list[Figure]) -> list[Flag]:
    """A sentence giving the share of the budget realised without its amounts, where the share is no budget line's
    of the report (printed or computed) and the report's totals agree on another: the whole budget's, the total
    with the largest pagu. A sentence naming amounts is :func:`_budget_shares`' to check; a share far from the
    total's is likely of something else, and left alone."""
    m = _TOTAL_SHARE.search(s.text)
    if m is None or any(f.number.money or (f.value is not None and f.value >= 1_000_000) for f in figs):
        return []
    pct = next((f for f in figs if f.start <= m.start(1) < f.end and f.number.ok and f.number.percent), None)
    totals = [b for b in ext.budget if b.is_total and b.pagu.ok and b.realisasi.ok and b.pagu.value]
    if pct is None or pct.value is None or not totals:
        return []
    shares = [b.realisasi.value / b.pagu.value * 100 for b in ext.budget
              if b.pagu.ok and b.realisasi.ok and b.pagu.value and b.realisasi.value is not None]
    shares += [b.persen.value for b in ext.budget if b.persen.ok and b.persen.value is not None]
    if any(agrees(pct.number, Interval(x, x)) for x in shares):
        return []
    top = max(totals, key=lambda b: b.pagu.value or 0.0)
    expected = (top.realisasi.value or 0.0) / (top.pagu.value or 1.0) * 100
    if _far_off(pct.value, expected):
        return []
    return [_flag(ext, s, pct.start, "narrative_mismatch", words_before(s.text, pct.start), pct.value, expected,
                  f"Teks menyebut realisasi anggaran {pct.number.raw.strip()}, padahal total anggaran "
                  f"'{top.uraian[:40]}' Rp {fmt(top.realisasi.value)} / Rp {fmt(top.pagu.value)} x 100 = "
                  f"{fmt(expected, 2)}%")]


def _share_of(amount: Figure, figs: list[Figure], s: Sentence) -> Figure | None:
    """The percentage printed right after an amount ("Rp B (p%)", "Rp B atau p%"), if any. A percentage
    whose own words name another quantity ("... Rp B dengan capaian kinerja sebesar p%") is not its share."""
    after = [f for f in figs if f.start >= amount.end]
    if not after or not after[0].number.percent or not after[0].number.ok:
        return None
    between = s.text[amount.end:after[0].start]
    if len(between) > 300 or not _SHARE_LINK.search(between):
        return None
    if quantity_named(between) not in ("", "anggaran"):
        return None
    return after[0]


def _one_number(text: str) -> Number | None:
    figs = [f for f in figures(text) if f.number.ok]
    return figs[0].number if len(figs) == 1 else None


def _formulas(ext: Extraction, s: Sentence) -> list[Flag]:
    """Written formulas: \\frac{a}{b} x 100% = c, (a : b) x 100 = c, (p1 + p2 + ...) : n = avg."""
    out = []
    for m in list(_FRACTION.finditer(s.text)) + list(_COLON.finditer(s.text)):
        a, b, c = _one_number(m.group(1)), _one_number(m.group(2)), parse_number(m.group(3))
        if a is None or b is None or not c.ok or not b.value:
            continue
        interval = printed(a).divide(printed(b))
        if interval is None or agrees(c, interval.scale(100.0)):
            continue
        expected = (a.value or 0) / b.value * 100
        out.append(_flag(ext, s, m.start(3), "narrative_mismatch", s.text[max(0, m.start() - 80):m.start()].strip(),
                         c.value, expected, f"Rumus dalam teks menghasilkan {c.raw.strip()}, padahal {fmt(a.value)} / "
                                            f"{fmt(b.value)} x 100 = {fmt(expected, 2)}%"))
    for m in _AVERAGE.finditer(s.text):
        terms = [parse_number(t) for t in m.group(1).split("+")]
        n = int(m.group(2))
        results = [parse_number(r) for r in regex.findall(r"=\s*([\d.,]+\s?%?)", m.group(3))]
        if not n or len(terms) != n or not all(t.ok for t in terms) or not results or not all(r.ok for r in results):
            continue
        # the terms are the author's own inputs, summed as printed: only the result is rounded
        total = sum(t.value or 0.0 for t in terms)
        average = Interval(total / n, total / n)
        claim = results[-1]
        if agrees(claim, average) or agrees(claim, average.scale(100.0)):
            continue
        expected = average.mid
        where = m.start(3) + m.group(3).rfind("=")
        shown = " + ".join(fmt(t.value, t.decimals) for t in terms)
        out.append(_flag(ext, s, where, "narrative_mismatch", s.text[max(0, m.start() - 80):m.start()].strip(),
                         claim.value, expected,
                         f"Rata-rata dalam teks {claim.raw.strip()} tidak sesuai: ({shown}) / {n} "
                         f"= {fmt(expected, 2)}"))
    return out


_AVERAGE_WORDS = regex.compile(r"\b(?:rata[\s-]*rata|di\s*rata(?:-rata)?)\b.{0,80}?\bcapaian\b|"
                               r"\bcapaian\b.{0,40}?\brata[\s-]*rata\b", regex.I)
_AVERAGE_SCOPE = regex.compile(r"\b(?:sasaran|iku|indikator\s+kinerja\s+utama)\b", regex.I)
_AVERAGE_OTHER = regex.compile(r"\b(?:strategi|kebijakan|program|kegiatan|spm|anggaran|serapan|penyerapan|"
                               r"s/d|sampai)\b|\+", regex.I)


def _averaged_rows(ext: Extraction) -> dict[str, list[Measurement]]:
    """Per table, the sasaran / IKU rows of the report's year with a capaian: the rows a stated average is of."""
    by_table: dict[str, list[Measurement]] = {}
    for m in ext.measurements:
        if m.level in ("sasaran", "iku") and m.capaian.ok and m.year in (None, ext.info.tahun):
            by_table.setdefault(m.table_id, []).append(m)
    return by_table


def _sasaran_averages(ext: Extraction) -> list[tuple[float, int, str]]:
    """(average capaian, rows, table) of every table holding two or more sasaran / IKU rows."""
    return [(sum(m.capaian.value or 0.0 for m in rows) / len(rows), len(rows), t)
            for t, rows in _averaged_rows(ext).items() if len(rows) >= 2]


def _capped_averages(ext: Extraction) -> list[float]:
    """The same averages with each capaian capped at 100 or 120, as some reports average them, and with each
    capaian recomputed from its target and realisasi, by the check stage's formula or as realisasi / target (a
    report averages the capaian it meant: a row's printed capaian may be the slip, as held-out i01's NTPi, printed
    target / realisasi while two other tables print realisasi / target)."""

    def printed_value(m: Measurement) -> float:
        return m.capaian.value or 0.0

    def computed(m: Measurement) -> float:
        return m.capaian_computed if m.capaian_computed is not None else printed_value(m)

    def plain(m: Measurement) -> float:
        if m.target.ok and m.realisasi.ok and m.target.value:
            return (m.realisasi.value or 0.0) / m.target.value * 100
        return printed_value(m)

    tables = [rows for rows in _averaged_rows(ext).values() if len(rows) >= 2]
    capped = [sum(min(printed_value(m), cap) for m in rows) / len(rows) for rows in tables for cap in (100.0, 120.0)]
    return capped + [sum(value(m) for m in rows) / len(rows) for value in (computed, plain) for rows in tables]


_COUNT_WORDS = {"dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
                "sepuluh": 10}
_STATED_COUNT = regex.compile(r"\b(\d{1,2}|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)\s*(?:\(\w+\)\s*)?"
                              r"(?:indikator|sasaran|iku)\b", regex.I)
_TABLE_REF = regex.compile(r"\btabel\s*\.?\s*([IVX\d]+(?:\.\d+)*)", regex.I)


def _same_scope(ext: Extraction, text: str, phrase: str, rows: int, table_id: str) -> bool:
    """The sentence's own words about what it averages agree with the rows averaged: a number of
    indicators stated in the averaging phrase ("rata-rata ... untuk lima indikator ... sebesar") equal to
    theirs, a table the sentence names ("Berdasarkan Tabel 3.3") theirs. An average over another set is
    not a contradiction of this one (dev-set d10; 003's Ikhtisar average)."""
    stated = _STATED_COUNT.search(phrase)
    if stated:
        word = stated.group(1).lower()
        if (int(word) if word.isdigit() else _COUNT_WORDS[word]) != rows:
            return False
    return not _TABLE_REF.search(text) or _names_table(ext, text, table_id)


def _names_table(ext: Extraction, text: str, table_id: str) -> bool:
    """The sentence names this table by its caption's label ("Tabel 3.1")."""
    named = _TABLE_REF.search(text)
    caption = next((t.caption for t in ext.table_infos if t.table_id == table_id), "")
    label = _TABLE_REF.match(caption.strip())
    return bool(named and label and label.group(1) == named.group(1))


# ... but an indicator whose name is an average ("Rata-rata waktu tanggap", "rata-rata waktu penerbitan izin",
# "rata-rata waktu penyampaian risalah": h04, i03, holdout4 j02) is one indicator's capaian, as is the highest or
# lowest one ("capaian tertinggi pada indikator rata-rata waktu ...")
_NAMED_AVERAGE = regex.compile(r"\b(?:indikator|iku)\s+rata[\s-]*rata\b|\brata[\s-]*rata\s+waktu\b|"
                               r"\b(?:tertinggi|terendah|terbesar|terkecil|terbaik)\b", regex.I)


def _average_claims(ext: Extraction, s: Sentence, figs: list[Figure]) -> list[Flag]:
    """"rata-rata capaian kinerja sasaran ... X%" against the average of the sasaran / IKU capaian table."""
    m = _AVERAGE_WORDS.search(s.text)
    if not m or not _AVERAGE_SCOPE.search(s.text) or _AVERAGE_OTHER.search(s.text) or _NAMED_AVERAGE.search(m.group()):
        return []
    after = [f for f in figs if f.start >= m.end() and f.number.percent and f.number.ok]
    if not after or after[0].start - m.end() > 200:
        return []
    claim = after[0]
    if _YEAR.search(s.text[max(0, claim.start - 60):claim.start]) and not _year_ok(
            s, max(0, claim.start - 60), claim.start, ext.info.tahun):
        return []
    averages = _sasaran_averages(ext)
    if not averages or any(agrees(claim.number, Interval(a, a))
                           for a in [x for x, _, _ in averages] + _capped_averages(ext)):
        return []
    # the table the sentence names ("sebagaimana disajikan pada Tabel 3.1"), else the one with the most rows
    named = [a for a in averages if _names_table(ext, s.text, a[2])]
    average, rows, table = max(named or averages, key=lambda x: x[1])
    if not _same_scope(ext, s.text, s.text[max(0, m.start() - 60):claim.start], rows, table):
        return []
    return [_flag(ext, s, claim.start, "narrative_mismatch", s.text[max(0, m.start() - 40):claim.start].strip(),
                  claim.value, average,
                  f"Teks menyebut rata-rata capaian {claim.number.raw.strip()}, padahal rata-rata capaian {rows} "
                  f"sasaran/IKU di tabel {table} = {fmt(average, 2)}%")]


_YEAR_ITEM = regex.compile(r"\b(?:di|pada)?\s*(?:tahun|th\.?|thn\.?)\s*(20\d\d)\b(?P<what>[^\d,;.]{0,60}?)"
                           r"\b(?:sebanyak|sebesar)\s+(?P<n>\d[\d.,]*)\s*(?P<unit>[A-Za-z%]+)?", regex.I)
_LIST_JOIN = regex.compile(r"^[\s,;]*(?:(?:dan|serta|sedangkan|sementara)\b[\s,]*)?$", regex.I)


def _repeated_years(ext: Extraction, s: Sentence) -> list[Flag]:
    """A year-by-year list that gives one year twice with two figures ("di th 2022 sebanyak 448 jiwa dan
    di th 2022 sebanyak 146 jiwa"): one of the two is wrong, or a year is mislabelled."""
    items = list(_YEAR_ITEM.finditer(s.text))
    out = []
    for a, b in zip(items, items[1:], strict=False):
        if a.group(1) != b.group(1) or not _LIST_JOIN.match(s.text[a.end():b.start()]):
            continue
        if (a.group("unit") or "").lower() != (b.group("unit") or "").lower() or b.group("what").strip():
            continue
        first, second = parse_number(a.group("n").rstrip(".,")), parse_number(b.group("n").rstrip(".,"))
        if not (first.ok and second.ok) or first.value == second.value:
            continue
        unit = f" {a.group('unit')}" if a.group("unit") else ""
        out.append(_flag(ext, s, b.start("n"), "narrative_mismatch",
                         f"Tahun {a.group(1)} ({first.raw}{unit} / {second.raw}{unit})", second.value, first.value,
                         f"Teks menyebut tahun {a.group(1)} dua kali dengan angka berbeda: {first.raw}{unit} dan "
                         f"{second.raw}{unit}"))
    return out


_FORMULA_INTRO = regex.compile(r"\b(?:menghitung|mengetahui|perhitungan|rumus)\b", regex.I)
_CAPAIAN_FORMULA = regex.compile(r"realisasi.{0,80}target|target.{0,80}realisasi", regex.I)


def _formula_results(ext: Extraction, every_passage: list[Passage], settings: Settings = DEFAULT) -> list[Flag]:
    """A worked formula ("\\frac{62.569 jiwa}{62.569 jiwa} x 100% = 100%") right after a sentence naming the
    indicator it computes: its result is that indicator's realisasi (or its capaian when the formula divides
    realisasi by target), and must agree with the table."""
    out: list[Flag] = []
    context: tuple[str, int | None, int | None] | None = None  # (text, line, page) of the last introduction
    symbolic = ""
    since = 0  # passages since the last introduction
    for passage in every_passage:
        since += 1
        line = passage.starts[0][1]
        m = _FRACTION.search(passage.text)
        a = _one_number(m.group(1)) if m else None
        b = _one_number(m.group(2)) if m else None
        if m is None or a is None or b is None:
            if "frac" in passage.text:
                symbolic = passage.text
            elif _FORMULA_INTRO.search(passage.text):
                context, symbolic, since = (passage.text, line.line, line.page), "", 0
            continue
        if context is None or (line.line is not None and context[1] is not None and line.line - context[1] > 8):
            continue
        if line.line is None and since > settings.prose.formula_reach:
            continue  # a PDF's lines carry no line numbers: the introduction must be as near in paragraphs
        result = parse_number(m.group(3))
        if not result.ok:
            continue
        what = "capaian" if _CAPAIAN_FORMULA.search(symbolic) else "realisasi"
        sentence = Sentence(passage.text, 0, passage)
        fig = Figure(m.start(3), m.end(3), result)
        rows = _subject_rows(ext, context[0], settings.prose.name_words)
        if rows:
            out.extend(_compare_group(ext, sentence, [(what, -1, fig)], rows))
        context = None
    return out


# --- prose figures against the table rows of the same subject -------------------------------------------------


def _claims(s: Sentence, figs: list[Figure]) -> list[tuple[str, int, Figure]]:
    """(what, ordinal, figure) for figures introduced by target / realisasi / capaian wording."""
    out = []
    for f in figs:
        if not f.number.ok or _is_year(f.number) or f.number.money:
            continue
        m = _LABEL.search(s.text[max(0, f.start - 60):f.start])
        if not m:
            continue
        label = m.group(1).lower()
        what = "target" if label.startswith(("target", "ditarget")) else (
            "capaian" if label.startswith("capaian") else "realisasi")
        extra = m.group(2).lower().split()
        ordinal = next((_ORDINALS[w] for w in extra if w in _ORDINALS), -1)
        out.append((what, ordinal, f))
    return out


def _one_year(s: Sentence, start: int, end: int) -> int | None:
    years = {int(y) for y in _YEAR.findall(s.text[start:end])}
    return years.pop() if len(years) == 1 else None


def _compare_history(ext: Extraction, s: Sentence, group: list[tuple[str, int, Figure]], subject_text: str,
                     year: int, history: list[YearFigure]) -> list[Flag]:
    """Claims about another year ("pada Th. 2022 ... capaian 100 %") against that year's column of a
    comparison table ("Capaian Tahun 2022") for the indicator the text names."""
    names = sorted({f.subject for f in history if f.year == year})
    best = best_matches(subject_text, names, minimum=3)
    if len(best) != 1:
        return []
    out = []
    for what, ordinal, fig in group:
        if ordinal >= 0 or sum(1 for c in group if c[0] == what) > 1:
            continue
        known = [f for f in history if f.subject == best[0] and f.year == year and f.role == what
                 and f.number.ok and comparable(fig.number, f.number)]
        values = {round(f.number.value or 0.0, 6) for f in known}
        if len(values) != 1 or any(_same(fig.number, f.number) for f in known):
            continue
        f = known[0]
        out.append(_flag(ext, s, fig.start, "narrative_mismatch", f"{f.subject} ({what} {year})", fig.value,
                         f.number.value, f"Teks menyebut {what} tahun {year} {fig.number.raw.strip()} untuk "
                                         f"'{f.subject[:70]}', tetapi tabel {f.table_id} (baris {f.line}) "
                                         f"mencantumkan {fmt(f.number.value, f.number.decimals)}", f.confidence))
    return out


# words that state what was achieved ("mencapai 89,21%", "tercatat 31.518 kunjungan", "berkurang menjadi 57,85 Ha")
_ACHIEVED = regex.compile(r"\b(?:mencapai|tercatat|menjadi|menjangkau|sebanyak|sebesar|terealisasi|realisasi(?:nya)?"
                          r"|adalah|atau|(?:memperoleh|mendapat(?:kan)?|memberikan|meraih)\s+nilai)"
                          r"\s*(?:sebesar|sebanyak)?\s*$", regex.I)
_TARGET_WORD = regex.compile(r"\b(?:target|ditargetkan|rencana)\b", regex.I)


def _slips(ext: Extraction, s: Sentence, figs: list[Figure], settings: Settings = DEFAULT) -> list[Flag]:
    """A figure stated as achieved for an indicator the sentence names, which is its table realisasi with one
    digit changed or two neighbouring digits swapped ("89,21%" for 89,12; "3.580 KK" for 3.850): a slip in the
    prose. Only figures of three or more digits, where such a likeness is no chance (holdout h07, dev-set d06,
    d08: five such slips among their golds' narrative findings)."""
    out = []
    for f in figs:
        if not f.number.ok or _is_year(f.number) or not _achieved_this_year(ext, s, f):
            continue
        # a long figure one slip off a realisasi is evidence enough for a name of two words ("Jumlah kunjungan
        # wisatawan mencapai 4.521.300 orang" for 4.512.300: holdout3 i04)
        long = len(_digits(f.number.raw)) >= settings.prose.slip_long_digits
        name_words = settings.prose.slip_name_words - (1 if long else 0)
        row_sets = _subject_rows(ext, _own_clause(s.text[max(0, f.start - 300):f.start]), name_words)
        rows = [m for rs in row_sets for m in rs]
        if not rows or any(_same(f.number, n) for m in rows for n in (m.target, m.realisasi, m.capaian)):
            continue
        slipped = [m for m in rows if m.realisasi.ok and comparable(f.number, m.realisasi)
                   and _one_slip(_digits(f.number.raw), _digits(m.realisasi.raw))]
        if len(slipped) == len(rows):
            out.append(_realisasi_said(ext, s, f, slipped[0], f.number.raw.strip()))
    return out


def _achieved_this_year(ext: Extraction, s: Sentence, f: Figure) -> bool:
    """The figure is stated as achieved ("mencapai", "tercatat", ...; no target word right before it), of the
    reporting year (no other year named before it in the sentence)."""
    before = s.text[max(0, f.start - 40):f.start]
    if not _ACHIEVED.search(before) or _TARGET_WORD.search(before):
        return False
    # "... dari 27 kasus pada tahun 2022 menjadi 17 kasus pada tahun 2023": the year named right after the figure
    after = _YEAR.search(s.text[f.end:f.end + 30])
    if after is not None and ext.info.tahun is not None and int(after.group(1)) == ext.info.tahun:
        return True
    return _year_ok(s, max(0, f.start - 300), f.end, ext.info.tahun)


def _realisasi_said(ext: Extraction, s: Sentence, f: Figure, m: Measurement, said: str) -> Flag:
    """The finding of a figure the prose states as the row's realisasi, which the table prints otherwise."""
    where = f"baris {m.line}" if m.line else f"halaman {m.page}"
    return _flag(ext, s, f.start, "narrative_mismatch", m.indikator, f.value, m.realisasi.value,
                 f"Teks menyebut {said} untuk '{m.indikator[:70]}', tetapi tabel {m.table_id} ({where}) mencantumkan "
                 f"realisasi {m.realisasi.raw.strip()}", m.confidence)


_OF_WHOLE = regex.compile(r"\bdari\s+(?:\w+\s+){0,2}$", regex.I)
_CHANGED_TO = regex.compile(r"\bmenjadi\s*$", regex.I)


# where the words naming a count that opens its clause end: "sebanyak 1.350 orang guru telah mengikuti ...,"
_NAMED_UNTIL = regex.compile(r"[,;.:()]|\b(?:sehingga|karena|namun|tetapi|dari|dengan|melalui|atau)\b", regex.I)


def _named_after(text: str, end: int) -> str:
    """The words after a count up to its clause's end: what it counts, where the sentence opens with the count
    ("Sepanjang tahun 2024 sebanyak 1.350 orang guru telah mengikuti peningkatan kompetensi": dev d02, d05)."""
    rest = text[end:end + 160]
    cut = _NAMED_UNTIL.search(rest)
    return rest[:cut.start()] if cut else rest


def _unit_of(m: Measurement) -> str:
    """The unit a row counts in, as one lower-case word ("kasus", "jiwa", "puskesmas"); "" for none."""
    unit = (m.satuan or m.realisasi.unit or "").strip().lower()
    return unit.split()[0] if unit else ""


def _unit_claims(ext: Extraction, s: Sentence, figs: list[Figure], history: list[YearFigure],
                 settings: Settings = DEFAULT) -> list[Flag]:
    """A count stated as achieved in the unit the named indicator counts in ("korban jiwa ... tercatat 9 jiwa",
    "tercatat 21 kasus pelanggaran") that is none of the row's figures nor of its other years: the prose and the
    table disagree on the realisasi. Only where the sentence names one indicator, every row of which counts in
    that unit and prints one realisasi, and no figure before it is a whole the count is part of ("dari 436 ...").
    Dev-set d01 ("33 Puskesmas" for 32) and d06 ("tercatat 9 jiwa" for 7) print such claims."""
    out = []
    for f in figs:
        unit = f.unit.strip().lower()
        if not unit or not f.number.ok or f.number.percent or _is_year(f.number):
            continue
        if not _achieved_this_year(ext, s, f):
            continue
        change = _CHANGED_TO.search(s.text[max(0, f.start - 20):f.start])  # "dari 27 kasus ... menjadi 17 kasus"
        if not change and any(g.start < f.start and _OF_WHOLE.search(s.text[max(0, g.start - 20):g.start])
                              for g in figs):
            continue  # "Dari 436 koperasi yang dinilai ..., sebanyak 145 koperasi memperoleh ...": a part (h03)
        name_words = settings.prose.slip_name_words
        row_sets = _subject_rows(ext, _own_clause(s.text[max(0, f.start - 300):f.start]), name_words) or \
            _subject_rows(ext, _named_after(s.text, f.end), name_words)
        rows = [m for rs in row_sets for m in rs]
        # the unit as one of the rows prints it (a comparison table's row may print none: "27" beside "27 Menit")
        if not rows or {_unit_of(m) for m in rows} - {""} != {unit} or not all(m.realisasi.ok for m in rows):
            continue
        if any(_same(f.number, n) for m in rows for n in (m.target, m.realisasi, m.capaian)):
            continue
        names = {name_key(m.indikator) for m in rows}
        if any(name_key(y.subject) in names and y.number.value is not None and _same(f.number, y.number)
               for y in history):
            continue  # another year's figure of the indicator
        if len({m.realisasi.value for m in rows}) != 1:
            continue
        out.append(_realisasi_said(ext, s, f, rows[0], f"{f.number.raw.strip()} {f.unit}"))
    return out


def _budget_amounts(ext: Extraction) -> tuple[dict[str, float], set[float]]:
    """The amounts the budget lines print (by their digits) and the sisa each line's own pagu and realisasi give."""
    printed: dict[str, float] = {}
    computed: set[float] = set()  # what the lines' own figures give: the prose may quote it where a table slipped
    for b in ext.budget:
        for n in (b.pagu, b.realisasi, b.sisa):
            if n.ok and n.value and n.value >= 1:
                printed[str(round(n.value))] = n.value
        if b.pagu.ok and b.realisasi.ok:
            computed.add(round((b.pagu.value or 0.0) - (b.realisasi.value or 0.0)))
    return printed, computed


def _amount_slips(ext: Extraction, s: Sentence, figs: list[Figure], amounts: tuple[dict[str, float], set[float]],
                  settings: Settings = DEFAULT) -> list[Flag]:
    """An amount of rupiah in the prose that no budget line prints, one digit off (or two neighbouring digits
    swapped) exactly one amount the budget tables print: the prose mistyped it ("total realisasi belanja ... Rp
    246.371.045.624,00" where Tabel 3.4's JUMLAH TOTAL prints 247.371.045.624: dev d02). An amount a line's own pagu
    and realisasi give is no slip: there the table's printed sisa slipped (holdout h02)."""
    printed, computed = amounts
    out = []
    for f in figs:
        digits = str(round(f.value or 0))
        if (not f.number.ok or len(digits) < settings.prose.slip_amount_digits
                or sum(d != "0" for d in digits) < settings.prose.slip_amount_figures):
            continue
        if not f.number.money and not regex.search(r"rp\.?\s*$", s.text[max(0, f.start - 5):f.start], regex.I):
            continue
        if digits in printed or round(f.value or 0) in computed:
            continue  # printed, or the sisa a line's pagu and realisasi give (h02's prose, where the JUMLAH slipped)
        near = {v for k, v in printed.items() if _one_slip(digits, k)}
        if len(near) != 1:
            continue
        expected = near.pop()
        out.append(_flag(ext, s, f.start, "narrative_mismatch", words_before(s.text, f.start), f.value, expected,
                         f"Teks menyebut Rp {f.number.raw.strip()}, satu angka berbeda dari Rp {fmt(expected)} yang "
                         f"dicetak tabel anggaran", 1.0))
    return out


def _digits(raw: str) -> str:
    return "".join(ch for ch in raw.split("%")[0] if ch.isdigit())


def _one_slip(a: str, b: str) -> bool:
    """a and b (3+ digits, as long) differ in one digit, or by two neighbouring digits swapped."""
    if len(a) != len(b) or len(a) < 3 or a == b:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                              and a[diff[1]] == b[diff[0]])


def _year_ok(s: Sentence, start: int, end: int, tahun: int | None) -> bool:
    years = {int(y) for y in _YEAR.findall(s.text[start:end])}
    return not years or (tahun is not None and years == {tahun})


def _same(a: Number, b: Number) -> bool:
    if a.value is None or b.value is None:
        return False
    d = min(a.decimals, b.decimals)
    return abs(round(a.value, d) - round(b.value, d)) < 1e-9 or abs(a.value - b.value) < 1e-9


def _table_claims(ext: Extraction, s: Sentence, figs: list[Figure], history: list[YearFigure],
                  settings: Settings = DEFAULT) -> list[Flag]:
    claims = _claims(s, figs)
    if not claims:
        return []
    # group claims: a new group starts when a label repeats without an ordinal after other labels
    groups: list[list[tuple[str, int, Figure]]] = []
    for claim in claims:
        current = groups[-1] if groups else None
        between = s.text[current[-1][2].end:claim[2].start] if current else ""
        fresh = current is None or len(between) > 160 or (
            any(c[0] == claim[0] and c[1] == claim[1] for c in current) and claim[1] < 0)
        if fresh:
            groups.append([claim])
        else:
            current.append(claim)
    out: list[Flag] = []
    previous_end = 0
    for group in groups:
        first = group[0][2]
        subject_text = _own_clause(s.text[max(previous_end, first.start - 300):first.start])
        previous_end = group[-1][2].end
        if not _year_ok(s, max(0, first.start - 300), group[-1][2].end, ext.info.tahun):
            year = _one_year(s, max(0, first.start - 300), group[-1][2].end)
            if year is not None:
                out.extend(_compare_history(ext, s, group, subject_text, year, history))
            continue
        rows = _subject_rows(ext, subject_text, settings.prose.name_words)
        if not rows or _row_of_figures(ext, group):
            continue
        out.extend(_compare_group(ext, s, group, rows))
    return out


# figures of a sentence, other than 100% and nil, that name a table row by themselves when they are all its own: one
# figure matches rows of other indicators by chance (a "95,00" target is common); two of one row did in none of the
# 20 dev / held-out reports and seeds but the sentence speaking of that row (h03 line 167)
_TELLING_FIGURES = 2


def _row_of_figures(ext: Extraction, group: list[tuple[str, int, Figure]]) -> bool:
    """Two claims or more of one subject ("realisasi 33,26% dari target 35,00% atau capaian 95,03%") that are all one
    table row's own figures: the sentence speaks of that row whatever its words match best, and agrees with it
    (holdout h03: IKU 2's figures under words that name a program's indicator of another table, whose target
    differs). Figures pick the row better than a few shared words; no finding. Only where two of the figures or
    more are telling: a target of 100% or a nil is printed in many rows (seed 003: a sasaran's "target 100 % dan
    realisasi 68,15%" are a program row's figures, and a finding against the sasaran's 100%)."""
    if any(ordinal >= 0 for _, ordinal, _ in group) or sum(
            1 for _, _, fig in group if fig.value not in (0.0, 100.0)) < _TELLING_FIGURES:
        return False
    for m in ext.measurements:
        if m.year not in (None, ext.info.tahun):
            continue
        if all((n := getattr(m, what)).ok and _same(fig.number, n) for what, _, fig in group):
            return True
    return False


# where a sentence turns to another subject: "..., sedangkan Nilai SAKIP ... 76,20", "...; indeks ..."
_CLAUSE = regex.compile(r";|,\s*(?:sedangkan|sementara(?:\s+itu)?|adapun|kemudian)\b", regex.I)


def _own_clause(text: str) -> str:
    """The words before a claim from its own clause on: a figure after "sedangkan X" is X's, not the
    subject named before it (dev-set d03; the same rule as the sentence split, one level down)."""
    parts = _CLAUSE.split(text)
    last = parts[-1]
    return last if len(words(last)) >= 2 else text


def _subject_rows(ext: Extraction, text: str, minimum: int) -> list[list[Measurement]]:
    """Table rows the text names: per matched subject, its rows in table order (several for a program)."""
    if len(words(text)) < 2:
        return []
    current = [m for m in ext.measurements if m.year in (None, ext.info.tahun)]
    programs = {m.program for m in current if m.program and m.level == "program"}
    if regex.search(r"\bprogram\b", text, regex.I):
        best = best_matches(text, sorted(programs), minimum=2)
        if len(best) == 1:
            rows = [m for m in current if m.program == best[0] and m.level == "program"]
            by_table: dict[str, list[Measurement]] = {}
            for m in rows:
                by_table.setdefault(m.table_id, []).append(m)
            return list(by_table.values())
    names = sorted({m.indikator for m in current if m.indikator})
    best = best_matches(text, names, minimum=minimum)
    if not best:
        return []
    return [[m] for m in current if m.indikator in best]


def _compare_group(ext: Extraction, s: Sentence, group: list[tuple[str, int, Figure]],
                   row_sets: list[list[Measurement]]) -> list[Flag]:
    out = []
    for what, ordinal, fig in group:
        same_label = [c for c in group if c[0] == what]
        values: list[tuple[Number, Measurement]] = []
        for rows in row_sets:
            if len(same_label) > 1:
                if len(rows) != len(same_label) or ordinal < 0:
                    continue
                picked = [rows[ordinal]] if ordinal < len(rows) else []
            else:
                picked = rows if len(rows) == 1 else []
            for m in picked:
                n = getattr(m, what)
                # a count in its own unit ("1.200 konten") is not the table's percentage (issue 8: a prose
                # figure is compared only with the quantity its words name; dev-set d12)
                # (the row's percentage may be printed bare, its unit in the satuan column: "40,00" | "%", h01's KIA
                # coverage against "dari target 60.000 keping")
                in_percent = n.percent or m.satuan.strip().lower() in ("%", "persen")
                if n.ok and comparable(fig.number, n) and not (in_percent and fig.unit and not fig.number.percent) \
                        and not _other_unit(fig, m):
                    values.append((n, m))
        if not values:
            continue
        agreeing = sum(1 for n, _ in values if _same(fig.number, n))
        if agreeing * 2 >= len(values):
            continue
        n, m = _majority(values)
        subject = m.indikator if not m.program or m.level != "program" else f"{m.program} - {m.indikator}"
        where = f"baris {m.line}" if m.line else f"halaman {m.page}"
        out.append(_flag(ext, s, fig.start, "narrative_mismatch", subject, fig.value, n.value,
                         f"Teks menyebut {what} {fig.number.raw.strip()} untuk '{subject[:70]}', tetapi tabel "
                         f"{m.table_id} ({where}) mencantumkan {fmt(n.value, n.decimals)}", m.confidence))
    return out


def _other_unit(fig: Figure, m: Measurement) -> bool:
    """A prose figure counted in a unit the row's indicator neither measures in nor names ("pembinaan 36 perpustakaan
    ... dari target 40 perpustakaan" in a sentence on the literacy index, holdout4 j03; "1.200 konten" against a
    percentage, d12): another quantity the sentence tells, not the row's."""
    if not fig.unit or fig.number.percent:
        return False
    unit = fig.unit.lower()
    named = {w.lower() for w in regex.findall(r"\w+", f"{m.satuan} {m.indikator}")}
    return not any(w == unit or (len(w) >= 4 and (w.startswith(unit) or unit.startswith(w))) for w in named)


def _majority(values: list[tuple[Number, Measurement]]) -> tuple[Number, Measurement]:
    counts: dict[float, int] = {}
    for n, _ in values:
        counts[round(n.value or 0, 6)] = counts.get(round(n.value or 0, 6), 0) + 1
    top = max(counts, key=lambda v: counts[v])
    return next((n, m) for n, m in values if round(n.value or 0, 6) == top)
