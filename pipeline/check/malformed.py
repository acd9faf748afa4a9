"""Figures that cannot be read unambiguously, in tables and in the prose: each flagged once."""

from __future__ import annotations

import regex

from extractors.model import TextLine
from extractors.numbers import Number, parse_number
from extractors.pdf_words import LAST_DIGITS, cut_number
from extractors.settings import DEFAULT, Settings
from pipeline.check.prose import words_before
from schemas.records import Extraction, Flag

# a figure with several separators and at least one three-digit group: money-like
_PROSE_FIGURE = regex.compile(r"(?<![\w.,])\d{1,3}(?:[.,]\d{2,3}){2,}(?![\w]|[.,]\d)")


_DEFECTS = {"doubled percent sign": "tanda persen ganda", "dangling decimal comma": "koma desimal tanpa angka"}


def _why(n: Number) -> str:
    if n.defect:
        return _DEFECTS.get(n.defect, n.defect)
    return "kelompok digit tidak beraturan atau pemisah ribuan/desimal bercampur"


def _flag(ext: Extraction, table_id: str, page: int | None, line: int | None, subject: str, n: Number,
          confidence: float = 1.0) -> Flag:
    return Flag(ext.info.doc_id, ext.info.source_file, table_id, page, line, "malformed_number", "warning",
                subject, n.value, None, None,
                f"Angka '{n.raw.strip()}' tidak dapat dibaca dengan pasti ({_why(n)}); periksa sumbernya",
                confidence=confidence)


# a figure cut where its cell's line filled, read alone: thousands groups ending in a short group ("165.471.330.00"
# over "0" in its cell, "4.751.900.0"; with commas, "16,839,536,00": LibreOffice's print of d12); maybe with the
# dash of the empty cell beside it, where the reader set the two narrow cells as one ("5.430.00 -": the shaded
# print of d03's E.81)
_CUT_FIGURE = regex.compile(r"^\s*\d{1,3}(?:(?P<s>[.,])\d{3})(?:(?P=s)\d{3})*(?P=s)\d{1,2}(?:\s+[-–])?\s*$")


def check_malformed(ext: Extraction, settings: Settings = DEFAULT) -> list[Flag]:
    flags: list[Flag] = []
    seen: set[tuple[object, object, str]] = set()
    # tables whose cells the reader built from the page's geometry (unruled PDF, layout text): a figure cut
    # over two lines of its cell and left unmended reads as a malformed figure, a reading doubt, not a finding
    laid_out = {t.table_id for t in ext.tables if t.laid_out}

    def add(table_id: str, page: int | None, line: int | None, subject: str, n: Number,
            confidence: float = 1.0) -> None:
        if n.status != "malformed" and not n.defect:
            return
        if table_id in laid_out and _CUT_FIGURE.match(n.raw):
            confidence = min(confidence, settings.confidence.cut_figure)
        key = (line, page, n.raw.strip())
        if key in seen:
            return
        seen.add(key)
        flags.append(_flag(ext, table_id, page, line, subject, n, confidence))

    for m in ext.measurements:
        for n in (m.target, m.realisasi, m.capaian):
            add(m.table_id, m.page, m.line, m.indikator, n, m.confidence)
    for b in ext.budget:
        for n in (b.pagu, b.realisasi, b.persen, b.sisa):
            add(b.table_id, b.page, b.line, b.uraian, n, b.confidence)
    for c in ext.cells:
        add(c.table_id, c.page, c.line, c.label, c.number)
    flags.extend(f for f in _prose(ext, ext.prose, seen, settings))
    return flags


def _prose(ext: Extraction, lines: list[TextLine], seen: set[tuple[object, object, str]],
          settings: Settings = DEFAULT) -> list[Flag]:
    out = []
    for k, t in enumerate(lines):
        for m in _PROSE_FIGURE.finditer(t.text):
            raw = m.group(0)
            groups = regex.split(r"[.,]", raw)
            if not any(len(g) == 3 for g in groups[1:]) or sum(len(g) for g in groups) < 6:
                continue
            n = parse_number(raw)
            if n.status != "malformed" or (t.line, t.page, raw) in seen:
                continue
            if _rest_below(lines, k, raw, settings.prose.rest_lines):
                continue  # a figure cut over two lines of its cell, the cell left outside any table: not malformed
            seen.add((t.line, t.page, raw))
            # a line of a PDF page holding nothing but a cut figure is a table's cell the reader left outside any
            # table, not a sentence (LibreOffice's print of d03: "130.961.680.00", "Jumlah", "0" under a table)
            alone = t.bbox is not None and t.text.strip() == raw and _CUT_FIGURE.match(raw)
            out.append(_flag(ext, "", t.page, t.line, words_before(t.text, m.start()), n,
                             settings.confidence.cut_figure if alone else 1.0))
    return out


def _rest_below(lines: list[TextLine], k: int, raw: str, reach: int = DEFAULT.prose.rest_lines) -> bool:
    """On a PDF page, the last digits of a figure cut at its cell's edge ("5.212.298.60" over "0") stand on one of
    the next two lines of the page, under the figure (its words' x-span), and complete it into a well-formed
    figure (:func:`extractors.pdf_words.cut_number`, the mend the reader makes inside the tables of every print).
    Seen where a table's last row was left as text: LibreOffice's print of d06 (a Perjanjian Kinerja row's pagu)."""
    line = lines[k]
    spans = [(x0, x1) for text, x0, x1 in line.words if raw in text]
    if not spans:
        return False
    x0, x1 = spans[0]
    for below in lines[k + 1:k + 1 + reach]:
        if below.page != line.page:
            break
        for text, a, b in below.words:
            if LAST_DIGITS.match(text) and a < x1 and b > x0 and cut_number(raw, text):
                return True
    return False
