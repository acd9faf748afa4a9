"""Flag messages for people: figures written the Indonesian way, and one template per kind.

The check modules write each flag's message in Indonesian as they find it (`message_original` in
flags.csv keeps that text). `render` gives the message that is written: in Indonesian (the default)
the check's sentence with the report's own captions for the internal table ids ("Tabel 3.7" for
"t11"), no "baris None" (a PDF row has a page, not a line) and no name cut mid-word; in English
(`--lang en`) a template per kind filled from the flag's fields and the row it points at. Both are
made from rows (dicts of the output tables), so `lkjip report --lang` re-renders them from an
output folder.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

LANGS = ("id", "en")
Row = Mapping[str, Any]


def fmt(value: float | None, decimals: int | None = None) -> str:
    """12387484416 -> '12.387.484.416'; 92.153 -> '92,15'."""
    if value is None:
        return "-"
    if decimals is None:
        decimals = 0 if abs(value - round(value)) < 1e-9 else 2
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def fmt_en(value: float | None, decimals: int | None = None) -> str:
    """12387484416 -> '12,387,484,416'; 92.153 -> '92.15'."""
    if value is None:
        return "-"
    if decimals is None:
        decimals = 0 if abs(value - round(value)) < 1e-9 else 2
    return f"{value:,.{decimals}f}"


def _num(value: Any) -> float | None:
    if value is None or isinstance(value, str):
        return None
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _int(value: Any) -> int | None:
    v = _num(value)
    return None if v is None else int(v)


def shorten(text: str, limit: int = 70) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with '…' when cut (never mid-word)."""
    flat = " ".join(str(text or "").split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    space = cut.rfind(" ")
    if space > limit // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:-(") + "…"


_CAPTION_NUMBER = re.compile(r"^\s*(tabel|table)\s*[.:]?\s*((?:[IVX]+|\d+)(?:\s*[.\-]\s*\d+)*)\b", re.I)


def caption_label(caption: str, table_id: str = "", page: Any = None, line: Any = None) -> str:
    """How a person names a table: 'Tabel 3.7' from its caption, else the caption shortened, else where it is."""
    caption = " ".join(str(caption or "").split())
    m = _CAPTION_NUMBER.match(caption)
    if m:
        number = re.sub(r"\s+", "", m.group(2))
        return f"Tabel {number}"
    if caption:
        return shorten(caption, 60)
    line, page = _int(line), _int(page)
    if line is not None:
        return f"tabel di baris {line}"
    if page is not None:
        return f"tabel di halaman {page}"
    return f"tabel {table_id}" if table_id else "tabel"


@dataclass
class Context:
    """What a message may name besides the flag's own fields: the document's tables and rows."""

    captions: dict[str, str] = field(default_factory=dict)  # table_id -> label ('Tabel 3.7')
    tables: dict[str, Row] = field(default_factory=dict)
    measurements: list[Row] = field(default_factory=list)
    budget: list[Row] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # full names a cut quote may come from

    @classmethod
    def of(cls, tables: Iterable[Row], measurements: Iterable[Row] = (), budget: Iterable[Row] = ()) -> Context:
        ctx = cls(measurements=list(measurements), budget=list(budget))
        for t in tables:
            ctx.tables[str(t["table_id"])] = t
            ctx.captions[str(t["table_id"])] = caption_label(t.get("caption", ""), str(t["table_id"]),
                                                             t.get("page"), t.get("line"))
        ctx.names = sorted({str(r.get("indikator") or "") for r in ctx.measurements}
                           | {str(r.get("sasaran") or "") for r in ctx.measurements}
                           | {str(r.get("uraian") or "") for r in ctx.budget} - {""},
                           key=lambda name: (-len(name), name))  # the longest first; one order on every run
        return ctx

    def label(self, table_id: str) -> str:
        return self.captions.get(table_id, f"tabel {table_id}" if table_id else "teks")

    def row_of(self, flag: Row) -> tuple[str, Row] | None:
        """The measurement or budget row a flag points at: ('m' | 'b', row), or None."""
        table_id = str(flag.get("table_id") or "")
        if not table_id:
            return None
        line, page = _int(flag.get("line")), _int(flag.get("page"))
        subject = _base(str(flag.get("subject") or ""))
        for kind, rows, name in (("m", self.measurements, "indikator"), ("b", self.budget, "uraian")):
            here = [r for r in rows if r.get("table_id") == table_id and _int(r.get("line")) == line
                    and _int(r.get("page")) == page]
            if not here:
                continue
            named = [r for r in here if _base(str(r.get(name) or "")) == subject]
            if named or len(here) == 1 or line is not None:
                return kind, (named or here)[0]
        return None


_SUFFIX = re.compile(r"\s*\((?:pagu|realisasi|target|sisa|pagu\+realisasi|capaian[^)]*)\)\s*$")


def _bare(subject: str) -> str:
    """A subject without the '(pagu)' / '(target)' suffix the checks add."""
    return " ".join(_SUFFIX.sub("", subject).split())


def _base(subject: str) -> str:
    return _bare(subject).lower()


# --- Indonesian: the check's own sentence, tidied ---------------------------------------------------------------
_BARIS_NONE = re.compile(r"\s*\(baris None\)|,?\s*baris None\b")
_QUOTED = re.compile(r"'([^']{8,})'")


def _uncut(text: str, full_names: list[str]) -> str:
    """A quoted name cut mid-word ('... yang ') is given whole when short, else cut at a word with '…'. A quote that
    is itself a whole name of the document is not cut ("Sub Total Kegiatan", the start of several longer names)."""
    known = {" ".join(name.split()) for name in full_names}

    def whole(m: re.Match[str]) -> str:
        quoted = m.group(1)
        stem = quoted.rstrip()
        if " ".join(stem.split()) in known:
            return m.group(0)
        for name in full_names:
            flat = " ".join(name.split())
            if len(flat) > len(stem) and flat.startswith(stem):
                return f"'{flat if len(flat) <= 90 else shorten(flat, 70)}'"
        if quoted != stem:  # cut right after a word: say so
            return f"'{stem}…'"
        return m.group(0)
    return _QUOTED.sub(whole, text)


def _tables_named(text: str, ctx: Context) -> str:
    """'tabel t09 (baris 364)' -> 'Tabel 4 (baris 364)'; bare ids known to the document too."""
    def label(m: re.Match[str]) -> str:
        tid = m.group(2)
        return ctx.label(tid) if tid in ctx.captions else m.group(0)
    text = re.sub(r"\b(tabel|table)\s+(t\d{2,})\b", label, text)
    return re.sub(r"()\b(t\d{2,})\b", label, text)


def render_id(flag: Row, ctx: Context) -> str:
    original = str(flag.get("message_original") or flag.get("message") or "")
    page = _int(flag.get("page"))
    text = _BARIS_NONE.sub(f" (halaman {page})" if page is not None else "", original)
    names = [_bare(str(flag.get("subject") or "")), *ctx.names]
    text = _uncut(text, [n for n in names if n])
    text = _tables_named(text, ctx)
    return " ".join(text.split()).replace("None", "-")


# --- English: a template per kind -------------------------------------------------------------------------------
KIND_EN = {"capaian_mismatch": "Achievement", "budget_percent_mismatch": "Budget absorption",
           "remaining_mismatch": "Remaining budget", "total_mismatch": "Total",
           "cross_table_mismatch": "Across tables", "malformed_number": "Malformed figure",
           "narrative_mismatch": "Text against table", "polarity_assumed": "Polarity assumed",
           "unreadable_table": "Unreadable table"}
KIND_ID = {"capaian_mismatch": "Capaian", "budget_percent_mismatch": "Persentase anggaran",
           "remaining_mismatch": "Sisa anggaran", "total_mismatch": "Jumlah/total",
           "cross_table_mismatch": "Antar-tabel", "malformed_number": "Angka tidak terbaca",
           "narrative_mismatch": "Teks vs tabel", "polarity_assumed": "Polaritas diasumsikan",
           "unreadable_table": "Tabel tak terbaca"}
_MALFORMED_WHY = {"kelompok digit tidak beraturan": "irregular digit groups or mixed separators",
                  "tanda persen ganda": "a double percent sign",
                  "koma desimal tanpa angka": "a decimal comma without digits"}


def _where_en(flag: Row, ctx: Context) -> str:
    table_id = str(flag.get("table_id") or "")
    line, page = _int(flag.get("line")), _int(flag.get("page"))
    place = f"line {line}" if line is not None else f"page {page}" if page is not None else ""
    if not table_id:
        return f"the text, {place}" if place else "the text"
    label = _label_en(ctx, table_id)
    return f"{label}, {place}" if place else label


def _label_en(ctx: Context, table_id: str) -> str:
    return ctx.label(table_id).replace("tabel di baris", "the table at line").replace("tabel di halaman",
                                                                                      "the table on page")


def render_en(flag: Row, ctx: Context) -> str:
    kind = str(flag.get("kind") or "")
    subject = shorten(str(flag.get("subject") or ""), 80)
    rep, exp, delta = _num(flag.get("reported")), _num(flag.get("expected")), _num(flag.get("delta"))
    where = _where_en(flag, ctx)
    original = str(flag.get("message_original") or flag.get("message") or "")
    row = ctx.row_of(flag)
    r = row[1] if row else {}
    if kind == "capaian_mismatch" and row and row[0] == "m" and _num(r.get("target")) is not None:
        text = (f"Reported achievement {fmt_en(rep)}% for '{subject}' does not follow from realisasi "
                f"{fmt_en(_num(r.get('realisasi')))} / target {fmt_en(_num(r.get('target')))} x 100 = {fmt_en(exp)}% "
                f"({where}).")
    elif kind == "capaian_mismatch":
        text = (f"Achievement {fmt_en(rep)}% for '{subject}' does not follow from its figures, which give "
                f"{fmt_en(exp)}% ({where}).")
    elif kind == "budget_percent_mismatch" and row and row[0] == "b":
        text = (f"Reported budget absorption {fmt_en(rep)}% for '{subject}' does not follow from realisasi "
                f"Rp {fmt_en(_num(r.get('realisasi')))} / pagu Rp {fmt_en(_num(r.get('pagu')))} x 100 = "
                f"{fmt_en(exp)}% ({where}).")
    elif kind == "remaining_mismatch" and row and row[0] == "b":
        text = (f"Printed remaining budget Rp {fmt_en(rep)} for '{subject}' differs from pagu "
                f"Rp {fmt_en(_num(r.get('pagu')))} - realisasi Rp {fmt_en(_num(r.get('realisasi')))} = "
                f"Rp {fmt_en(exp)} ({where}).")
    elif kind in ("budget_percent_mismatch", "remaining_mismatch"):
        text = (f"{KIND_EN[kind]} {fmt_en(rep)} for '{subject}' differs from {fmt_en(exp)} computed from its "
                f"figures ({where}).")
    elif kind == "total_mismatch" and rep is not None:
        text = (f"'{subject}' gives {fmt_en(rep)}, but the sum of its items is {fmt_en(exp)} "
                f"(difference {fmt_en(delta)}; {where}).")
    elif kind == "cross_table_mismatch" and rep is not None:
        others = re.findall(r"\btabel\s+(t\d{2,})\b", original)
        other = _label_en(ctx, others[-1]) if others else "another table"
        line = re.findall(r"\(baris (\d+)\)", original)
        other += f", line {line[-1]}" if line else ""
        text = f"'{subject}' is {fmt_en(rep)} in {where} but {fmt_en(exp)} in {other}."
    elif kind == "cross_table_mismatch":
        text = (f"Most figures of two tables differ ({subject}): two versions of the plan (before and after a "
                f"revision) or a misread table, not an error of the report; not counted as a finding ({where}).")
    elif kind == "malformed_number":
        raw = re.findall(r"'([^']+)'", original)
        why = next((en for idw, en in _MALFORMED_WHY.items() if idw in original), "it cannot be read unambiguously")
        text = (f"The figure '{raw[0] if raw else fmt_en(rep)}' for '{subject}' cannot be read unambiguously "
                f"({why}); check the source ({where}).")
    elif kind == "narrative_mismatch":
        text = (f"The text states {fmt_en(rep)} for '{subject}', but the table or the text's own figures give "
                f"{fmt_en(exp)} ({where}).")
    elif kind == "polarity_assumed":
        text = (f"Achievement {fmt_en(rep)}% for '{subject}' only agrees if lower is better, and no wording says "
                f"so ({where}).")
    elif kind == "unreadable_table":
        text = f"A table that looked relevant could not be read: {subject} ({where})."
    else:
        text = f"{KIND_EN.get(kind, kind)}: '{subject}' reported {fmt_en(rep)}, expected {fmt_en(exp)} ({where})."
    if str(flag.get("severity")) == "info" and "bukan temuan" in original:
        conf = _num(flag.get("confidence"))
        text += (f" [Not a finding: the table's reading is uncertain (confidence "
                 f"{'-' if conf is None else f'{conf:.2f}'}).]")
    return " ".join(text.replace("None", "-").split())


def render(flag: Row, ctx: Context, lang: str = "id") -> str:
    """The message of a flag (a row of flags.csv, with `message_original`) in `lang` (id | en)."""
    return render_en(flag, ctx) if lang == "en" else render_id(flag, ctx)
