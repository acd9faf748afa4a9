"""Turn understood tables into records: measurements, budget lines and planned figures.

A row gives a Measurement when its table has target and realisasi columns, a BudgetLine when it
has pagu and realisasi-anggaran columns (a row can give both), and a PlanEntry when the table
only plans (targets or pagu without realisasi). Numbers are parsed with the style (Indonesian
or English separators) inferred for their column, falling back to the document's.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractors.confidence import row_confidence
from extractors.levels import PROGRAM_WORD, TOTAL_WORD, RowShape, assign_levels
from extractors.model import Row, Table
from extractors.numbers import LIST_MARK, Number, Style, infer_style, parse_number, split_items, split_stacked
from extractors.settings import DEFAULT, Settings
from extractors.vocab import VALUE_ROLES, Level, Role
from schemas.records import BudgetLine, Measurement, PlanEntry

KODE = regex.compile(r"^\s*((?:\d{1,2}|X{1,2})(?:\.(?:\d{1,4}|X{1,2})){1,6})\b\s*[-–:.]?\s*", regex.I)
LEADING_NUMBER = regex.compile(r"^\s*(?:\d{1,2}|[IVXLC]{1,5}|[a-z])[\.\)]\s+|^\s*\d{1,2}\s+(?=[A-Za-z])", regex.I)
TOTAL = TOTAL_WORD
# a row's name must hold a word or a year: an indicator or an uraian of small numbers alone ("2", "4", "(3)") is
# a row number or a numbering row's cell standing where the columns were misread (layout texts of tight prints,
# d12; a numbering row "1 2 3 4 ..." under a header read as a body row), never an item's name; a year names a
# row of a table comparing years (h08's "2021 | 14.286.450.000 | ...")
NAMED = regex.compile(r"\p{L}|\b(?:19|20)\d{2}\b")
ENUM_SPLIT = regex.compile(r"(?:^|\s)(\d)\s*[\.\)]\s*(?=\S)")
BULLET_SPLIT = regex.compile(r"(?:^|\s)[-–•]\s+(?=\S)")
EMPTY = Number(raw="", value=None, status="empty")


@dataclass
class Context:
    doc_id: str
    source_file: str
    tahun: int | None
    style: Style | None
    settings: Settings = DEFAULT


def column_styles(table: Table, fallback: Style | None) -> list[Style | None]:
    styles: list[Style | None] = []
    for j in range(table.n_cols):
        style = infer_style(row.text(j) for row in table.rows)
        styles.append(style or fallback)
    return styles


def _cols(table: Table, role: str) -> list[int]:
    return [j for j, r in enumerate(table.roles) if r == role]


def _text(row: Row, cols: list[int]) -> str:
    return " ".join(row.text(j) for j in cols if row.text(j)).strip()


_SPACES = regex.compile(r"\s+")


def clean_name(text: str) -> str:
    text = _SPACES.sub(" ", text).strip(" -–:;,\"'")
    return LEADING_NUMBER.sub("", text).strip()


# a row's outline number ("1.1", "2.", "II.", "a.") standing before its budget code in one cell, where a reader set
# the No and Kode columns a single space apart as one ("1.1 3.25.02.2.02.0003": the hrules print of i01 as layout
# text); the code has three groups or more, so a spending-by-type row ("1.1 Belanja Pegawai") keeps its number
_ITEM_BEFORE_CODE = regex.compile(
    r"^\s*(?:\d{1,2}(?:\.\d)*\.?|[IVXLC]{1,5}\.|[a-z][.)])\s+(?=\d{1,2}(?:\.\d{1,4}){2,}\b)", regex.I)


def split_kode(text: str) -> tuple[str, str]:
    """A label's leading budget code and the name after it ("1.03.10.2.01 Penyelenggaraan Jalan"); an outline number
    before the code is no part of either."""
    text = _ITEM_BEFORE_CODE.sub("", text, count=1)
    m = KODE.match(text)
    if not m or m.group(1).count(".") < 1:
        return "", text
    return m.group(1), text[m.end():].strip()


def kode_level(kode: str) -> str:
    depth = kode.count(".") + 1
    return {1: Level.URUSAN, 2: Level.URUSAN, 3: Level.PROGRAM, 4: Level.KEGIATAN, 5: Level.KEGIATAN,
            6: Level.SUB_KEGIATAN}.get(depth, Level.OTHER)


def parent_of(kode: str) -> str:
    if not kode:
        return ""
    parts = kode.split(".")
    if len(parts) == 6:
        return ".".join(parts[:5])
    if len(parts) == 5:
        return ".".join(parts[:3])
    return ".".join(parts[:-1]) if len(parts) > 1 else ""


def _value(row: Row, cols: list[int], styles: list[Style | None]) -> Number:
    """The first filled cell of the given columns, parsed in its column's style."""
    for j in cols:
        text = row.text(j)
        if text:
            return parse_number(text, styles[j])
    return EMPTY


def _money(n: Number) -> Number:
    """In a money column a lone dash means zero."""
    if n.dash or (n.status == "empty" and n.raw.strip() in ("-", "–")):
        return Number(raw=n.raw, value=0.0, status="ok", dash=True)
    return n


def _scale(table: Table, cols: list[int]) -> float:
    """Rupiah per printed unit in the first of the columns (see extractors.understand.money_scale)."""
    return table.scales[cols[0]] if cols and cols[0] < len(table.scales) else 1.0




def row_label(table: Table, row: Row, name_cols: list[int]) -> str:
    """The row's name; a name printed in an unlabelled first column counts too."""
    label = _text(row, name_cols)
    if not label:
        # a merged cell moved the row's cells left: the name stands in another text column; a total's label
        # merged across the label columns stands in any of them ("Jumlah" under "Sasaran", h02's Tabel 3.7)
        moved = [row.text(j) for j, role in enumerate(table.roles) if role not in VALUE_ROLES and j not in name_cols
                 and (PROGRAM_WORD.match(row.text(j)) or TOTAL_WORD.match(row.text(j)))]
        if len(moved) == 1:
            return moved[0]
    if table.roles and table.roles[0] not in VALUE_ROLES and 0 not in name_cols:
        first = row.text(0)
        if len(first) > 4 and not regex.match(r"^[\d\W]+$", first):
            label = f"{first} {label}".strip()
    return label


def table_levels(table: Table, name_cols: list[int]) -> list[str]:
    """Structural level of every row of a table (see extractors.levels)."""
    value_cols = [j for j, r in enumerate(table.roles) if r in VALUE_ROLES]
    money_cols = _cols(table, Role.PAGU) or _cols(table, Role.TARGET)
    shapes = []
    for row in table.rows:
        label = row_label(table, row, name_cols)
        first = row.text(0) if label != row.text(0) else ""
        has_values = any(row.text(j) for j in value_cols)
        amount = parse_number(row.text(money_cols[0])).value if money_cols else None
        shapes.append(RowShape(first=first, name=label, has_values=has_values, amount=amount))
    levels = assign_levels(shapes, " ".join(table.header) + " " + table.caption)
    under_sasaran = False  # a sasaran cell seen above: its cell spans the indicator rows below it
    for i, row in enumerate(table.rows):
        if _text(row, _cols(table, Role.TUJUAN)):
            levels[i] = Level.TUJUAN
            under_sasaran = False
        elif levels[i] == Level.OTHER and _text(row, _cols(table, Role.SASARAN)) and not _text(
                row, _cols(table, Role.STRATEGI)):
            levels[i] = Level.SASARAN
            under_sasaran = True
        elif levels[i] == Level.OTHER and under_sasaran and shapes[i].has_values and not _text(
                row, _cols(table, Role.STRATEGI)):
            # a sasaran written once over its indicators (its cell merged down the rows, PermenPAN-RB 53/2014's
            # PK and IKU tables): the rows under it are its indicators as much as the first (held-out i01,
            # h01's and h04's IKU tables), and an average over the sasaran's indicators counts them all
            levels[i] = Level.SASARAN
        elif levels[i] == Level.OTHER and table.kind == "iku" and shapes[i].has_values:
            # a row of the IKU table with no sasaran cell to place it: an indikator kinerja utama (OUTPUT.md's
            # level "iku"; the golds' level of such rows in d01, d02, d09, d10, h01-h08)
            levels[i] = Level.IKU
    return levels


@dataclass(frozen=True)
class RowPlace:
    """Where a row stands: its level, its budget code (when printed), its name, whether it is a total."""

    level: str  # a Level value
    kode: str
    name: str
    is_total: bool
    item: str = ""  # the row's printed item number when it numbers a hierarchy ("1", "1.2"), else ""


# in a budget table, "Jumlah Bagian Hukum", "Sub Total Program ...": the total of a unit's or a group's lines
# (public format: budget annexes grouped by pelaksana; 000's UPTD section, dev-set d10). Not in indicator
# tables, where "Jumlah kegiatan yang ..." names an indicator
_GROUP_TOTAL = regex.compile(
    r"^\W*(?:jumlah|total|sub\s?total)\s+(?:bagian|bidang|uptd|upt|unit|sekretariat|program|kegiatan|belanja)\b",
    regex.I)


def row_places(table: Table, name_cols: list[int], budget: bool = False) -> list[RowPlace]:
    """The one place a row's level is decided: a printed Permendagri 90/2019 code decides by its depth,
    a JUMLAH/TOTAL label makes a total, otherwise the table's structure (extractors.levels)."""
    structural = table_levels(table, name_cols)
    itemised = _itemised(table)
    out: list[RowPlace] = []
    for pos, row in enumerate(table.rows):
        label = row_label(table, row, name_cols)
        first = row.text(0)
        item = _ITEM.match(first).group(1) if itemised and _ITEM.match(first) else ""
        kode, name = split_kode(label)
        if not kode and not item and regex.match(r"^\d+\.\d", first):
            kode, name = split_kode(f"{first} {label}")
        name = clean_name(name)
        is_total = bool(TOTAL.match(name or first) or TOTAL.match(first)
                        or budget and not kode and _GROUP_TOTAL.match(name))
        level = kode_level(kode) if kode else (Level.TOTAL if is_total else structural[pos])
        out.append(RowPlace(level=level, kode=kode, name=name or first, is_total=is_total, item=item))
    return out


# an item number of an outline: "1", "1.", "1.2", "2.3.1" (single-digit parts after the first; a budget code's
# parts after the first have two digits: "1.06", "1.06.01")
_ITEM = regex.compile(r"^\s*(\d{1,2}(?:\.\d)*)\.?\s*$")


def _itemised(table: Table) -> bool:
    """The first column numbers an outline: plain numbers with dotted sub-numbers under them ("1" above "1.1",
    "1.2"; "2" above "2.1"), as spending-by-type tables print their subtotals (holdout h04/h07, dev-set d02)."""
    firsts = [row.text(0).strip().rstrip(".") for row in table.rows]
    tops = {f for f in firsts if regex.fullmatch(r"\d{1,2}", f)}
    subs = [f for f in firsts if regex.fullmatch(r"\d{1,2}(?:\.\d)+", f)]
    return bool(subs) and all(sub.split(".")[0] in tops for sub in subs)


def _indikator_parts(text: str, k: int) -> list[str]:
    """Split "1.Persentase A ... 2.Persentase B" or "- Persentase A - Persentase B" into k names; when the
    text does not split into k, the text k times."""
    if k < 2:
        return [text]
    pieces = [p.strip() for p in ENUM_SPLIT.split(text)]
    names = [pieces[i + 1] for i in range(1, len(pieces) - 1, 2)]
    if pieces[0] and len(names) == k - 1:
        names = [pieces[0], *names]  # the first item's number was taken off with the row's own numbering
    if len(names) == k:
        return names
    bullets = [p.strip() for p in BULLET_SPLIT.split(text) if p.strip()]
    if len(bullets) == k:
        return bullets
    return [text] * k


def _stacked(t_raw: str, r_raw: str, c_raw: str, indikator: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """Split a row holding several indicators when the counts align: as many targets as realisasi (and
    capaian, when printed), and names that split into as many (numbered lists may repeat the name)."""
    t_items, r_items, c_items = split_items(t_raw), split_items(r_raw), split_items(c_raw)
    numbered = len(t_items) > 1 or len(r_items) > 1
    if not numbered:
        t_items, r_items, c_items = split_stacked(t_raw), split_stacked(r_raw), split_stacked(c_raw)
    k = len(t_items)
    if k < 2 or len(r_items) != k or (c_raw and len(c_items) not in (1, k)):
        return [t_raw], [r_raw], [c_raw], [indikator]
    names = _indikator_parts(indikator, k)
    if not numbered and len(set(names)) < k:
        return [t_raw], [r_raw], [c_raw], [indikator]
    return t_items, r_items, c_items if len(c_items) == k else [""] * k, names


def measurements_of(table: Table, ctx: Context, styles: list[Style | None]) -> list[Measurement]:
    t_cols, r_cols, c_cols = _cols(table, Role.TARGET), _cols(table, Role.REALISASI), _cols(table, Role.CAPAIAN)
    if not t_cols or not r_cols:
        return []
    ind_cols = _cols(table, Role.INDIKATOR) or _cols(table, Role.URAIAN) or _cols(table, Role.SASARAN)
    out: list[Measurement] = []
    sasaran = program = ""
    places = row_places(table, _cols(table, Role.URAIAN) or ind_cols)
    rupiah_beside = bool(_cols(table, Role.PAGU) or _cols(table, Role.REALISASI_ANGGARAN))
    for pos, (row, place) in enumerate(zip(table.rows, places, strict=True)):
        sas = _text(row, _cols(table, Role.SASARAN))
        sasaran = sas or sasaran
        prog = _text(row, _cols(table, Role.URAIAN))
        if regex.match(r"^\W*program\b", clean_name(prog), regex.I):
            program = clean_name(prog)
        target_raw = _text(row, t_cols[:1])
        real_raw = _text(row, r_cols[:1])
        if not target_raw and not real_raw:
            continue
        cap_raw = _text(row, c_cols[:1])
        indikator = clean_name(_text(row, ind_cols)) or clean_name(prog) or clean_name(sas)
        if TOTAL.match(indikator or row.text(0)) or not NAMED.search(indikator):
            continue
        if table.laid_out and (_fragment(target_raw) or _fragment(real_raw)):
            continue  # a piece of a cut figure: the row's lines were read apart
        t_items, r_items, c_items, names = _stacked(target_raw, real_raw, cap_raw, indikator)
        k = len(t_items)
        for i in range(k):
            target = parse_number(t_items[i], styles[t_cols[0]])
            realisasi = parse_number(r_items[i], styles[r_cols[0]])
            if rupiah_beside and (_an_amount(target, ctx.settings) or _an_amount(realisasi, ctx.settings)):
                continue  # a K cell holding the Rp figure: the row's cells moved under the wrong columns
            capaian = parse_number(c_items[i], styles[c_cols[0]]) if c_cols and c_items[i] else EMPTY
            confidence = row_confidence(table, Role.TARGET, pos, (target, realisasi, capaian), ctx.settings,
                                        split=k > 1)
            satuan = _text(row, _cols(table, Role.SATUAN)) or target.unit or realisasi.unit
            if not satuan and (target.percent or realisasi.percent):
                satuan = "%"
            out.append(Measurement(
                doc_id=ctx.doc_id, source_file=ctx.source_file, table_id=table.table_id,
                page=row.page, line=row.line, level=place.level if not place.is_total else Level.OTHER,
                indikator=names[i], target=target, realisasi=realisasi, capaian=capaian,
                sasaran=clean_name(sasaran), program=program, satuan=satuan,
                year=_year_of(table, t_cols[0], ctx.tahun), row_index=pos, confidence=confidence,
            ))
    return out


# a piece of a figure cut over two lines, not a figure: its rest from the separator (".000"), a group with its leading
# zeros ("000", "00.000") or its head up to a thousands point ("38.000."; a head up to the decimal comma,
# "186.452.907.000," over "00", keeps its value)
_FRAGMENT = regex.compile(r"^\(?(?:[.,]\d|0\d)|\d\.$")
_MONEY_DASH = regex.compile(r",\s*-")  # the money style's ",-" after a figure ("460, -"), no cut


def _fragment(raw: str) -> bool:
    """The cell's figure is a piece of one cut over two lines, where a laid-out table's rows were read with its
    lines apart (pdftotext -layout of the E.81 forms of d03 and d09, whose 25 narrow columns wrap every amount:
    "435.000" | ".000" read as two rows). A row holding one is misread, whatever its other cells say; left out
    rather than read with a pagu of 0 or 435."""
    tokens = [t for t in _MONEY_DASH.sub("", raw).split() if any(ch.isdigit() for ch in t) and not LIST_MARK.match(t)]
    return bool(tokens) and bool(_FRAGMENT.search(tokens[0]))


def _an_amount(n: Number, settings: Settings) -> bool:
    """A bare amount of a million or more (``types.money_min``), no unit, no percent: in a table whose K columns
    stand beside Rp columns (form E.81, Renja and DPA annexes: a target and realisasi of kinerja beside pagu and
    realisasi of anggaran) it is the Rp figure, read into a K column by a row whose cells moved (a kegiatan row
    printing its Rp figures only, re-laid out from the left: h03's Tabel 3.6 as layout text). The row's
    measurement would compare rupiah with a count; it is left out. Counts that large carry their unit
    ("1.250.000 Jiwa") and stay."""
    return n.value is not None and not n.unit and not n.percent and abs(n.value) >= settings.types.money_min


def _year_of(table: Table, col: int, tahun: int | None) -> int | None:
    if table.years and col < len(table.years) and table.years[col]:
        return table.years[col]
    return tahun


def _name_fallback(table: Table) -> list[int]:
    """The first column holding more than numbering, when no header names the row labels."""
    for j, role in enumerate(table.roles):
        if role in VALUE_ROLES:
            break
        texts = [row.text(j) for row in table.rows if row.text(j)]
        if texts and sum(1 for t in texts if not regex.fullmatch(r"\W*\w{1,3}\W*", t)) >= len(texts) / 2:
            return [j]
    return []


# a heading naming the unit whose lines follow: a UPTD, a Bidang, a Bagian of a Setda (public format: budget
# annexes grouped by pelaksana; 000's UPTD section, dev-set d09 and d10)
_UNIT = regex.compile(r"^\W*(?:uptd|upt|unit|bagian|bidang|sekretariat|cabang dinas)\b", regex.I)
_HEADING_NUMBER = regex.compile(r"^\s*(?:[IVXLC]{1,5}|[A-Z])\s*[\.\)]?\s*$")


def _unit_heading(first: str, name: str) -> bool:
    """A row without figures that opens a unit's group of lines: unnumbered (or lettered / roman-numbered)
    and in capitals or naming a unit."""
    if first and not _HEADING_NUMBER.match(first):
        return False
    return name.isupper() or bool(_UNIT.match(name))


def budget_of(table: Table, ctx: Context, styles: list[Style | None]) -> list[BudgetLine]:
    p_cols, r_cols = _cols(table, Role.PAGU), _cols(table, Role.REALISASI_ANGGARAN)
    if not p_cols or not r_cols:
        return []
    pct_cols, sisa_cols = _cols(table, Role.PERSEN), _cols(table, Role.SISA)
    name_cols = [j for j, r in enumerate(table.roles) if r in (Role.URAIAN, Role.KODE)] or _cols(table, Role.INDIKATOR)
    if Role.URAIAN not in table.roles and _cols(table, Role.SASARAN):
        name_cols = _cols(table, Role.SASARAN)
    if not name_cols:
        name_cols = _name_fallback(table)
    out: list[BudgetLine] = []
    section = ""
    places = row_places(table, name_cols, budget=True)
    pagus = [_value(row, p_cols, styles).scaled(_scale(table, p_cols)) for row in table.rows]
    amounts = sorted(v for n in pagus if (v := n.value) is not None and v > 0)
    # a table of rupiah: its median pagu is money by size (a table printed in millions whose scale the header does
    # not say holds pagu of a few hundred)
    rupiah = bool(amounts) and amounts[len(amounts) // 2] >= ctx.settings.types.money_min
    floor = ctx.settings.types.pagu_floor
    for pos, (row, place, pagu_n) in enumerate(zip(table.rows, places, pagus, strict=True)):
        name_raw = row_label(table, row, name_cols)
        real_n = _value(row, r_cols, styles).scaled(_scale(table, r_cols))
        if pagu_n.status == "empty" and real_n.status == "empty" and not pagu_n.dash and not real_n.dash:
            if name_raw and _unit_heading(row.text(0), name_raw):
                section = name_raw
            continue
        if not place.kode and not NAMED.search(place.name):
            continue
        if rupiah and any(n.value is not None and 0 < abs(n.value) < floor for n in (pagu_n, real_n)):
            continue  # a percentage or a count in a column of rupiah: the columns were misread, not a budget line
        if table.laid_out and (_fragment(_text(row, p_cols[:1])) or _fragment(_text(row, r_cols[:1]))):
            continue  # a piece of a cut figure: the row's lines were read apart
        persen = _value(row, pct_cols, styles)
        sisa = _value(row, sisa_cols, styles).scaled(_scale(table, sisa_cols))
        confidence = row_confidence(table, Role.PAGU, pos, (pagu_n, real_n, persen, sisa), ctx.settings)
        out.append(BudgetLine(
            doc_id=ctx.doc_id, source_file=ctx.source_file, table_id=table.table_id,
            page=row.page, line=row.line, kode=place.kode, level=place.level, uraian=place.name,
            pagu=_money(pagu_n), realisasi=_money(real_n), persen=persen,
            sisa=_money(sisa) if sisa_cols else EMPTY, is_total=place.is_total, item=place.item,
            group_total=place.is_total and bool(section) and bool(_GROUP_TOTAL.match(place.name)),
            parent_kode=parent_of(place.kode), section=section, position=pos,
            year=_year_of(table, p_cols[0], ctx.tahun), confidence=confidence,
        ))
    return out


def plans_of(table: Table, ctx: Context, styles: list[Style | None]) -> list[PlanEntry]:
    """Targets or pagu printed without realisasi (Perjanjian Kinerja, Renstra, pagu lists)."""
    out: list[PlanEntry] = []
    t_cols = _cols(table, Role.TARGET) if not _cols(table, Role.REALISASI) else []
    p_cols = _cols(table, Role.PAGU) if not _cols(table, Role.REALISASI_ANGGARAN) else []
    if not t_cols and not p_cols:
        return out
    ind_cols = _cols(table, Role.INDIKATOR)
    prog_cols = _cols(table, Role.URAIAN) or _cols(table, Role.KODE)
    places = row_places(table, prog_cols, budget=True) if p_cols and prog_cols else []
    for pos, row in enumerate(table.rows):
        if t_cols and ind_cols:
            target = _value(row, t_cols, styles)
            name = clean_name(_text(row, ind_cols))
            if name and target.status != "empty":
                out.append(PlanEntry(ctx.doc_id, ctx.source_file, table.table_id, row.page, row.line, name,
                                     target=target, year=_year_of(table, t_cols[-1], ctx.tahun), kind="indicator"))
        if p_cols and prog_cols:
            pagu = _value(row, p_cols, styles).scaled(_scale(table, p_cols))
            place = places[pos]
            if place.name and pagu.status != "empty":
                out.append(PlanEntry(ctx.doc_id, ctx.source_file, table.table_id, row.page, row.line, place.name,
                                     kode=place.kode, pagu=_money(pagu), year=_year_of(table, p_cols[-1], ctx.tahun),
                                     kind="program", level=place.level, position=pos, is_total=place.is_total))
    return out
