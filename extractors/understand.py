"""Give each table a kind and each column a role, from header words and then from the values.

Roles: no, kode, uraian, sasaran, tujuan, strategi, indikator, satuan, formula, ket, target,
realisasi, capaian, pagu, realisasi_anggaran, persen, sisa, year (a value of another year),
renstra (a Renstra end target or the capaian against it), other, "" (no header: continues the
text of the column to its left).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import lru_cache

import regex

from extractors.align import realign
from extractors.arith import Relation, difference_relation, find_ratios, found, ratio_relation, sum_relation
from extractors.coltypes import NUMERIC_TYPES, ColumnType, column_type
from extractors.confidence import Evidence, part_confidence
from extractors.model import Table
from extractors.numbers import Style, parse_number
from extractors.rows import column_styles
from extractors.settings import DEFAULT, Settings, TypeSettings
from extractors.vocab import MONEY_ROLES, TEXT_ROLES, VALUE_ROLES, ColType, Role, TableKind

PERCENT_ROLES = frozenset({Role.CAPAIAN, Role.PERSEN})

_MONEY_WORDS = regex.compile(r"\b(?:rp|anggaran|pagu|alokasi|keuangan|dana|biaya|belanja|rupiah)\b", regex.I)
_YEAR = regex.compile(r"\b((?:19|20)\d{2})\b")
# a header naming the plan period's end target (Renstra / RPJMD "target akhir periode"), not the year's
PERIOD_END = regex.compile(r"renstra|rpjmd|akhir periode|target akhir", regex.I)


@lru_cache(maxsize=4096)
def _role_words(text: str) -> str:
    """The role a header label names by its own words ("" when it names none)."""
    t = text.lower()
    if not t.strip():
        return ""
    if PERIOD_END.search(t) or "kondisi" in t:
        return Role.RENSTRA
    if regex.fullmatch(r"\W*(?:no|nomor|no\.? urut)\W*", t):
        return Role.NO
    if regex.search(r"\bkode\b", t):
        return Role.KODE
    if regex.search(r"\bsatuan\b", t):
        return Role.SATUAN
    if regex.search(r"\b(?:formula|rumus|definisi|cara (?:ukur|hitung))\b", t):
        return Role.FORMULA
    if regex.search(r"\b(?:keterangan|ket|kategori|predikat|interpretasi|sumber|penanggung|pj)\b", t):
        return Role.KET
    if regex.search(r"\b(?:sisa|selisih)\b", t):
        return Role.SISA
    if regex.search(r"\befisiensi\b|\bdeviasi\b", t):
        return Role.DERIVED
    if regex.search(r"\b(?:pembilang|penyebut)\b", t):
        # the two operands of a formula table (pembilang / penyebut): its result is the realisasi
        return Role.PART
    if regex.search(r"\b(?:serapan|penyerapan|daya serap)\b", t):
        return Role.PERSEN
    if regex.search(r"rata\W*rata", t):
        return Role.DERIVED
    if regex.fullmatch(r"\W*k\W*", t):
        return "k"
    if regex.fullmatch(r"\W*rp\W*", t):
        return "rp"
    first = _first_value_word(t)
    if first == Role.CAPAIAN:
        return Role.PERSEN if _MONEY_WORDS.search(t) else Role.CAPAIAN
    if first:
        return first
    if regex.search(r"\b(?:pagu|anggaran|alokasi)\b", t):
        return Role.PAGU
    if regex.fullmatch(r"\W*(?:%|persen|persentase|prosentase)\W*", t) or regex.search(r"\(\s*%\s*\)", t):
        return Role.PERSEN
    if regex.search(r"\bindikator\b", t):
        return Role.INDIKATOR
    if regex.search(r"\b(?:output|outcome|keluaran)\b", t):
        # "Output/Outcome", "Indikator Kinerja Program (Outcome)/Kegiatan (Output)": the indicator of a
        # program or kegiatan (Renja / RKPD forms, Permendagri 86/2017; dev-set fixture d07)
        return Role.INDIKATOR
    if regex.search(r"\btujuan\b", t):
        return Role.TUJUAN
    if regex.search(r"\bsasaran", t):
        return Role.SASARAN
    if regex.search(r"\b(?:strategi|arah kebijakan|kebijakan)\b", t):
        return Role.STRATEGI
    if regex.search(r"\b(?:program|kegiatan|uraian|urusan|jenis|nama)\b", t):
        return Role.URAIAN
    if regex.search(r"\bjumlah\b", t):
        return Role.OTHER
    if _YEAR.search(t) and len(t) < 30:
        return Role.YEAR
    return Role.OTHER


def _first_value_word(t: str) -> str:
    """The value role named first in a label ("Realisasi Capaian Kinerja ..." is realisasi)."""
    found = []
    for role, pattern in ((Role.CAPAIAN, r"\b(?:pen)?capaian\b"), (Role.REALISASI, r"\brealisasi\b"),
                          (Role.TARGET, r"\b(?:target|rencana)\b")):
        m = regex.search(pattern, t)
        if m:
            found.append((m.start(), role))
    return min(found)[1] if found else ""


def _money_side(role: str) -> str:
    return {Role.TARGET: Role.PAGU, Role.REALISASI: Role.REALISASI_ANGGARAN, Role.CAPAIAN: Role.PERSEN}.get(role, role)


# a quarter / semester / month of the year: part of the year's figure, not the figure itself. "Realisasi
# s.d. Triwulan IV" (up to) is the cumulative figure. Public format: Permendagri 86/2017 form E.81
# (Realisasi Kinerja pada Triwulan I-IV) and the quarterly columns of Renja evaluation tables.
_PERIOD = regex.compile(r"\b(?:triwulan|tw|semester|bulan)\b", regex.I)
_UP_TO = regex.compile(r"\b(?:s\.?\s?d\.?|s/d|sampai(?: dengan)?|hingga)\s", regex.I)


# a figure of another body printed for comparison ("Capaian Nasional", "Realisasi Provinsi Jawa Barat"):
# public format (DESIGN.md: capaian tables "against national figures"); dev-set fixtures d05, d06
_COMPARISON = regex.compile(r"\b(?:nasional|provinsi|prov\.|pembanding|benchmark)\b", regex.I)


def column_role(parts: list[str]) -> str:
    """Role from a column's header parts, deepest (own) label first, then its parents."""
    joined = " ".join(parts)
    if _PERIOD.search(joined) and not _UP_TO.search(joined):
        return Role.PART
    if _COMPARISON.search(parts[-1] if parts else ""):
        return Role.COMPARISON
    own = parts[-1] if parts else ""
    parents = " ".join(parts[:-1])
    own_role = _role_words(own)
    parent_role = _role_words(parents) if parents else ""
    if own_role == "rp":
        return Role.PAGU if parent_role in (Role.TARGET, Role.PAGU, "") else _money_side(parent_role)
    if own_role == "k":
        if parent_role in (Role.TARGET, Role.REALISASI, Role.CAPAIAN, Role.RENSTRA, Role.YEAR, Role.PART,
                           Role.COMPARISON):
            return parent_role  # the kinerja figure of what the label names (a Renstra target's K is the Renstra's)
        # K (kinerja) under "Tingkat Capaian Kinerja dan Realisasi Anggaran (%)", a label naming both sides
        # (read as the budget %): the kinerja side is the capaian (form E.81; holdout and dev-set annexes)
        if parent_role == Role.PERSEN and _first_value_word(parents.lower()) == Role.CAPAIAN:
            return Role.CAPAIAN
        return Role.OTHER
    if own_role in ("", Role.YEAR, Role.OTHER) and parent_role in VALUE_ROLES:
        return parent_role
    if own_role in (Role.TARGET, Role.REALISASI, Role.CAPAIAN) and parents and _MONEY_WORDS.search(parents):
        return _money_side(own_role)
    if own_role in (Role.TARGET, Role.REALISASI) and _MONEY_WORDS.search(own):
        return _money_side(own_role)
    if own_role == Role.PERSEN and parent_role == Role.CAPAIAN:
        return Role.CAPAIAN
    return own_role


def _years(label: str) -> int | None:
    found_ = _YEAR.findall(label)
    return int(found_[-1]) if found_ else None


def numeric_matrix(table: Table, styles: list[Style | None]) -> list[list[float | None]]:
    """Every body cell parsed once, in its column's number style: values[col][row]."""
    out: list[list[float | None]] = []
    for j in range(table.n_cols):
        col: list[float | None] = []
        for row in table.rows:
            text = row.text(j)
            col.append(parse_number(text, styles[j]).value if text else None)
        out.append(col)
    return out


def _fits_type(role: str, kind: ColumnType) -> float:
    """How well a column's value type fits a role (0-1), before the share of cells of that type."""
    t = kind.type
    if t is ColType.EMPTY:
        return 0.0
    if role in (Role.TARGET, Role.REALISASI):
        return 1.0 if t in NUMERIC_TYPES or t is ColType.GRADE else 0.0
    if role in (Role.CAPAIAN, Role.PERSEN):
        return 1.0 if t in (ColType.PERCENT, ColType.NUMBER) else (0.5 if t is ColType.GRADE else 0.0)
    if role in (Role.PAGU, Role.REALISASI_ANGGARAN, Role.SISA):
        return 1.0 if t is ColType.MONEY else (0.5 if t is ColType.NUMBER else 0.0)
    if role in TEXT_ROLES:
        return 1.0 if t in (ColType.TEXT, ColType.CODE, ColType.GRADE) else 0.3
    return 0.5


def assign_roles(table: Table, labels_parts: list[list[str]], tahun: int | None, settings: Settings = DEFAULT,
                 style: Style | None = None) -> None:
    """Give every column a role from its header words and its values, confirmed by the arithmetic
    between columns; record each column's evidence and the table's confidence."""
    roles: list[str] = [column_role(parts) for parts in labels_parts]
    named = [r not in ("", Role.OTHER, Role.YEAR) for r in roles]  # the header's own words gave the role
    years = [_years(" ".join(parts)) for parts in labels_parts]
    notes: list[str] = []
    # a column without a header continues the text column to its left
    for j, role in enumerate(roles):
        if role == "" and j > 0 and roles[j - 1] in TEXT_ROLES:
            roles[j] = roles[j - 1]
    _names_not_figures(table, roles, notes, settings)
    table.roles = roles
    table.shifted_rows = realign(table, settings.align)
    if table.shifted_rows:
        notes.append(f"{len(table.shifted_rows)} shifted row(s) re-laid out under the header")
    types = [column_type((row.text(j) for row in table.rows), settings.types) for j in range(table.n_cols)]
    for j, role in enumerate(roles):
        if role in VALUE_ROLES and not any(row.text(j).strip() for row in table.rows):
            # a value column with nothing printed in any row ("K" beside each "Rp" of a budget-only table)
            # holds no figure: its role would only mislead the others' (metamorphic K/Rp set, 003 Tabel 3.24)
            roles[j] = Role.OTHER
            notes.append(f"column {j + 1} ('{table.header[j]}') is empty: no role")
    _money_by_type(table, roles, types, notes)
    styles = column_styles(table, style)
    values = numeric_matrix(table, styles)
    inferred: set[int] = set()
    inferred |= _confirm_capaian(values, roles, types, notes, table, settings)
    if PERFORMANCE_WORDS.search(" ".join([table.caption, *table.header])):
        inferred |= _discover(values, roles, types, notes, settings, open_years(roles, years, tahun))
    _resolve_years(roles, years, labels_parts, tahun, notes, prefer=_by_arithmetic(values, roles, settings))
    _resolve_percent(roles)
    inferred |= _renstra_as_target(roles, labels_parts, notes)
    relations = _relations(values, roles, labels_parts, settings)
    table.roles = roles
    table.years = years
    table.scales = shared_scale([money_scale(labels_parts[j], table.caption) if roles[j] in MONEY_ROLES else 1.0
                                 for j in range(table.n_cols)], roles, values, settings.types.scale_magnitude)
    table.col_types = [t.type.value for t in types]
    table.relations = [f"{r.kind} {','.join(str(c + 1) for c in r.cols)} ({r.hits}/{r.tested})" for r in relations]
    evidence = [_evidence(j, roles[j], named[j] and j not in inferred, types[j], relations, settings)
                for j in range(table.n_cols)]
    table.role_confidence = [e.score(settings) for e in evidence]
    table.confidence = max(part_confidence(table, Role.TARGET), part_confidence(table, Role.PAGU))
    table.notes.extend(notes)


def _evidence(j: int, role: str, named: bool, kind: ColumnType, relations: list[Relation],
              settings: Settings) -> Evidence:
    mine = [r for r in relations if j in r.cols]
    arithmetic = max((r.share for r in mine), default=0.5)
    return Evidence(words=1.0 if named else (0.5 if role not in ("", Role.OTHER) else 0.0),
                    values=_fits_type(role, kind) * kind.share, arithmetic=arithmetic)


# money printed in thousands or millions of rupiah, said in the column's header or the caption: "(Rp 000)",
# "(dalam ribuan rupiah)", "Rp (juta)" (public format: APBD realisation annexes; dev-set fixture d07)
_THOUSANDS = regex.compile(r"\(\s*(?:rp\.?\s*)?000\s*\)|\bribuan\b|\brp\.?\s*000\b|\brp\.?\s*ribu\b", regex.I)
_MILLIONS = regex.compile(r"\bjutaan\b|\(\s*(?:rp\.?\s*)?(?:juta|jt)\s*\)|\brp\.?\s*(?:juta|jt)\b", regex.I)


def shared_scale(scales: list[float], roles: list[str], values: list[list[float | None]],
                 magnitude: float = DEFAULT.types.scale_magnitude) -> list[float]:
    """One scale for the table's money columns where one of them names it and the others name none: a spanning
    label's "(Rp 000)" wrapped over the first of its columns only ("Keuangan (Rp" / "000) Target | Realisasi | %":
    d07's Tabel 3.5 as layout text read its realisasi in rupiah, its pagu in thousands). Taken only for a column
    whose amounts are of the named column's magnitude (a pagu and its realisasi are), never over another scale."""
    named = {sc for j, sc in enumerate(scales) if roles[j] in MONEY_ROLES and sc != 1.0}
    if len(named) != 1:
        return scales
    scale = named.pop()

    def median(j: int) -> float | None:
        found = sorted(abs(v) for v in values[j] if v)
        return found[len(found) // 2] if found else None

    marked = [m for j, sc in enumerate(scales) if sc == scale and (m := median(j)) is not None]
    out = list(scales)
    for j, sc in enumerate(scales):
        m = median(j) if roles[j] in (Role.PAGU, Role.REALISASI_ANGGARAN, Role.SISA) and sc == 1.0 else None
        if m is not None and any(1 / magnitude < m / x < magnitude for x in marked):
            out[j] = scale
    return out


def money_scale(parts: list[str], caption: str) -> float:
    """Rupiah per printed unit of a money column: 1000 under "(Rp 000)", 1e6 under "(Rp juta)", else 1."""
    for text in (" ".join(parts), caption):
        if _THOUSANDS.search(text):
            return 1000.0
        if _MILLIONS.search(text):
            return 1_000_000.0
    return 1.0


def _money_by_type(table: Table, roles: list[str], types: list[ColumnType], notes: list[str]) -> None:
    """A target/realisasi column whose values are money amounts is the budget's pagu / realisasi.

    Only money counts (thousands groups on large amounts, "Rp", ",-"): a count with a unit word
    ("1.250.000 Jiwa") is a COUNT however large, and a table with a satuan column naming units other
    than rupiah counts things, so an indicator table stays one (issue 8; fixtures of counts tables)."""
    for j in (j for j, r in enumerate(roles) if r == Role.SATUAN):
        units = [row.text(j).lower() for row in table.rows if row.text(j)]
        if units and sum(1 for u in units if regex.search(r"\brp\b|rupiah", u)) < len(units) / 2:
            return
    for j, role in enumerate(roles):
        if role in (Role.PAGU, Role.REALISASI_ANGGARAN) and types[j].type in (ColType.PERCENT, ColType.COUNT):
            # "Target Kinerja dan Anggaran" over a column of "85,00 %" / "12,50 Km": the kinerja side
            roles[j] = Role.TARGET if role == Role.PAGU else Role.REALISASI
            notes.append(f"column {j + 1} holds performance figures, not money: read as {roles[j]}")
        elif role in PERCENT_ROLES and types[j].type is ColType.MONEY and Role.PAGU in roles \
                and Role.REALISASI_ANGGARAN not in roles:
            # "Serapan" / "Penyerapan" over amounts: the money absorbed, not its percentage (dev-set d07)
            roles[j] = Role.REALISASI_ANGGARAN
            notes.append(f"column {j + 1} holds money: {role} read as {roles[j]}")
        elif role in (Role.TARGET, Role.REALISASI) and types[j].type is ColType.MONEY:
            roles[j] = _money_side(role)
            notes.append(f"column {j + 1} holds money: {role} read as {roles[j]}")
    _small_for_money(roles, types, notes)


def _small_for_money(roles: list[str], types: list[ColumnType], notes: list[str],
                     settings: TypeSettings = DEFAULT.types) -> None:
    """An amount column (pagu, realisasi, sisa) whose figures are plain numbers below ``types.pagu_floor`` (a
    percentage printed without its sign: "96,55"), beside another column of the table holding amounts of a
    million or more, is no amount: its header label ("Rp" under "Capaian", E.81's last columns) was read for a
    money column the print set elsewhere. Read as nothing rather than as rupiah (LibreOffice's print of h04's
    E.81; the public form E.81 ends in a capaian column of K and Rp percentages)."""
    money = [j for j, t in enumerate(types) if t.type is ColType.MONEY]
    for j, role in enumerate(roles):
        t = types[j]
        if (role in (Role.PAGU, Role.REALISASI_ANGGARAN, Role.SISA) and t.type is ColType.NUMBER
                and t.median is not None and t.median < settings.pagu_floor and any(k != j for k in money)):
            roles[j] = Role.OTHER
            notes.append(f"column {j + 1} holds small numbers beside amounts of millions: not read as {role}")
def _names_not_figures(table: Table, roles: list[str], notes: list[str], settings: Settings = DEFAULT) -> None:
    """A value-headed column that holds names ("ANGGARAN": PRIORITAS, PENDUKUNG) is the row label."""
    if Role.URAIAN in roles:
        return
    for j, role in enumerate(roles):
        if role in (Role.PAGU, Role.REALISASI_ANGGARAN, Role.TARGET, Role.REALISASI):
            texts = [row.text(j) for row in table.rows if row.text(j)]
            words = [t for t in texts if not regex.search(r"\d", t) and len(t) > 3]
            if len(texts) >= 2 and len(words) >= settings.align.names_share * len(texts):
                roles[j] = Role.URAIAN
                notes.append(f"column {j + 1} holds names, not figures: read as uraian")
                return


def _resolve_years(roles: list[str], years: list[int | None], parts: list[list[str]], tahun: int | None,
                   notes: list[str], prefer: Callable[[str, list[int]], int] = lambda role, cols: cols[-1]) -> None:
    """Of several columns with one role, keep the reporting year's; the others hold other years.
    Undated duplicates are settled by `prefer` (the arithmetic, else the last one)."""
    for role in (Role.TARGET, Role.REALISASI, Role.CAPAIAN, Role.PAGU, Role.REALISASI_ANGGARAN, Role.PERSEN):
        cols = [j for j, r in enumerate(roles) if r == role]
        if len(cols) < 2:
            continue
        dated = [j for j in cols if years[j] is not None]
        keep = [j for j in dated if years[j] == tahun] if tahun else []
        if not keep and tahun and len(dated) >= 2 and len(dated) == len(cols):
            # a history of other years (Realisasi 2022, Realisasi 2023): nothing of the reporting year
            for j in cols:
                roles[j] = Role.YEAR
            continue
        if not keep:
            keep = [max(dated, key=lambda j: years[j] or 0)] if dated else [prefer(role, cols)]
        if role == Role.REALISASI and len(keep) > 1 and Role.CAPAIAN not in roles:
            # two "Realisasi" columns of one year ("Realisasi Thn 2024", "Realisasi Kinerja Thn 2024"): the one
            # that is realisasi/target*100 of the other is the capaian; without arithmetic, the later one
            c = prefer(Role.CAPAIAN, keep)
            roles[c] = Role.CAPAIAN
            notes.append(f"column {c + 1} is a second realisasi of the same year: read as capaian")
            cols = [j for j in cols if j != c]
            keep = [j for j in keep if j != c][:1]
        if role == Role.TARGET and len(keep) > 1 and Role.REALISASI not in roles:
            # "Target Tahun 2024" beside a bare "Tahun 2024" under a spanning "Target ..." label:
            # the bare one is what was achieved
            bare = [j for j in keep if not regex.search(r"target|rencana", parts[j][-1], regex.I)]
            if bare:
                roles[bare[-1]] = Role.REALISASI
                notes.append(f"column {bare[-1] + 1} read as realisasi (target columns of {tahun})")
                cols = [j for j in cols if j != bare[-1]]
                keep = [j for j in keep if j != bare[-1]]
        for j in cols:
            if j not in keep[-1:]:
                roles[j] = Role.YEAR


def _resolve_percent(roles: list[str]) -> None:
    """A bare "%" column belongs to the value group to its left."""
    if Role.TARGET not in roles and Role.PAGU in roles and Role.REALISASI_ANGGARAN in roles:
        # "REALISASI %" / "CAPAIAN" beside pagu and realisasi anggaran: the budget percentage
        for j, role in enumerate(roles):
            if role in (Role.CAPAIAN, Role.REALISASI) and Role.PERSEN not in roles:
                roles[j] = Role.PERSEN
    for j, role in enumerate(roles):
        if role != Role.PERSEN:
            continue
        left = [r for r in roles[:j] if r in VALUE_ROLES and r != Role.PERSEN]
        if left and left[-1] in (Role.TARGET, Role.REALISASI, Role.CAPAIAN) and Role.CAPAIAN not in roles:
            roles[j] = Role.CAPAIAN


def _confirm_capaian(values: list[list[float | None]], roles: list[str], types: list[ColumnType], notes: list[str],
                     table: Table, settings: Settings) -> set[int]:
    """A column whose values equal realisasi/target*100 in most rows is capaian, whatever its header."""
    if Role.CAPAIAN in roles or Role.TARGET not in roles:
        return set()
    t = roles.index(Role.TARGET)
    loose = (Role.REALISASI, Role.YEAR, Role.OTHER, Role.PERSEN, "")
    for r in (j for j, role in enumerate(roles) if role == Role.REALISASI):
        for c in (j for j, role in enumerate(roles) if j not in (t, r) and role in loose):
            if types[c].type not in (ColType.PERCENT, ColType.NUMBER):
                continue
            if found(ratio_relation(values, t, r, c, settings.arith), settings.arith):
                notes.append(f"column {c + 1} ('{table.header[c]}') holds realisasi/target*100: read as capaian")
                roles[c] = Role.CAPAIAN
                return {c}
    return set()


# words that make a table one of performance or budget: only there may the arithmetic name unnamed columns.
# A count of requests beside those served in time and their share ("Jumlah Permohonan | Selesai Tepat Waktu |
# Persentase", holdout h08) has the same arithmetic as target, realisasi and capaian, but it is a statistic
# (public format: LKjIP BAB III measures against targets; statistics tables describe the year's work)
PERFORMANCE_WORDS = regex.compile(r"\b(?:kinerja|capaian|pencapaian|target|rencana|realisasi|sasaran|indikator|iku|"
                             r"output|outcome|keluaran|anggaran|pagu|renja|renstra)\b", regex.I)


def open_years(roles: list[str], years: list[int | None], tahun: int | None) -> set[int]:
    """Columns headed by the reporting year alone ("2023" over the planned figure, beside "s.d. Des"):
    the year says when, not what, so the arithmetic may say what (dev-set fixture d08; the public
    format's multi-year tables head each year's columns the same way)."""
    dated = [j for j, r in enumerate(roles) if r == Role.YEAR and years[j] == tahun]
    return set(dated) if tahun is not None and len(dated) == 1 else set()


def _discover(values: list[list[float | None]], roles: list[str], types: list[ColumnType], notes: list[str],
              settings: Settings, open_cols: set[int] = frozenset()) -> set[int]:
    """No header words name the figures: take them from the arithmetic.

    Three numeric columns where c = b/a*100 in most rows are target, realisasi, capaian (or, for
    money amounts, pagu, realisasi anggaran, %), in the usual orientation (see extractors.arith)."""
    if {Role.TARGET, Role.REALISASI} <= set(roles) or {Role.PAGU, Role.REALISASI_ANGGARAN} <= set(roles):
        return set()
    # only columns the header's words leave open: a column the header dates ("Target 2022") or names is
    # the header's to decide
    free = [j for j, r in enumerate(roles) if types[j].type in NUMERIC_TYPES
            and (r in ("", Role.OTHER) or j in open_cols or r in VALUE_ROLES and roles.count(r) == 1)]
    if len(free) < 3 or len(free) > settings.arith.max_discover_cols:
        return set()
    strict = dataclasses.replace(settings.arith, share=settings.arith.discover_share)
    for rel in find_ratios(values, free, strict):
        a, b, c = rel.cols
        if types[c].type not in (ColType.PERCENT, ColType.NUMBER) or types[a].type != types[b].type and (
                ColType.MONEY in (types[a].type, types[b].type)):
            continue
        money = types[a].type is ColType.MONEY
        new = (Role.PAGU, Role.REALISASI_ANGGARAN, Role.PERSEN) if money else (
            Role.TARGET, Role.REALISASI, Role.CAPAIAN)
        # the arithmetic may fill what the words leave open, never contradict what they name ("Persentase" over
        # the third column names a percentage, not which one: capaian or budget %)
        if all(roles[j] in ("", Role.OTHER) or j in open_cols or roles[j] == role or {roles[j], role} <= PERCENT_ROLES
               for j, role in zip((a, b, c), new, strict=True)):
            best = rel
            break
    else:
        return set()
    for j, role in zip((a, b, c), new, strict=True):
        roles[j] = role
    notes.append(f"columns {a + 1}, {b + 1}, {c + 1} read as {'/'.join(new)} from the arithmetic "
                 f"({best.hits} of {best.tested} rows)")
    return {a, b, c}


def _relations(values: list[list[float | None]], roles: list[str], parts: list[list[str]],
               settings: Settings) -> list[Relation]:
    """The relations the roles imply, tested on the rows: capaian, budget %, sisa, quarters."""
    def col(role: str) -> int | None:
        return roles.index(role) if role in roles else None

    out: list[Relation] = []
    for a, b, c in ((Role.TARGET, Role.REALISASI, Role.CAPAIAN), (Role.PAGU, Role.REALISASI_ANGGARAN, Role.PERSEN)):
        ia, ib, ic = col(a), col(b), col(c)
        if ia is not None and ib is not None and ic is not None:
            rel = ratio_relation(values, ia, ib, ic, settings.arith)
            if rel.tested >= settings.arith.min_rows:
                out.append(rel)
    ip, ir, isisa = col(Role.PAGU), col(Role.REALISASI_ANGGARAN), col(Role.SISA)
    if ip is not None and ir is not None and isisa is not None:
        rel = difference_relation(values, ip, ir, isisa, settings.arith)
        if rel.tested >= settings.arith.min_rows:
            out.append(rel)
    out.extend(_quarter_sums(values, roles, parts, settings))
    return out


def period_columns(roles: list[str], parts: list[list[str]], year: int) -> list[int]:
    """The columns of a period of the year (PART under "Triwulan", "Semester", "Bulan" ...) whose own label is the
    year column's ("Rp" under "Triwulan I" beside the year's "Rp"): the parts the year's figure sums."""
    own = parts[year][-1].lower() if parts[year] else ""
    return [j for j, p in enumerate(parts) if j != year and j < len(roles) and roles[j] == Role.PART and p
            and _PERIOD.search(" ".join(p)) and p[-1].lower() == own]


def _quarter_sums(values: list[list[float | None]], roles: list[str], parts: list[list[str]],
                  settings: Settings) -> list[Relation]:
    """Quarter columns (same own label, e.g. "Rp", under a period label) summing to the year's column."""
    out: list[Relation] = []
    for total_role in (Role.REALISASI, Role.REALISASI_ANGGARAN):
        if total_role not in roles:
            continue
        y = roles.index(total_role)
        quarters = period_columns(roles, parts, y)
        if len(quarters) >= 2:
            rel = sum_relation(values, y, quarters, settings.arith)
            if rel.tested >= settings.arith.min_rows:
                out.append(rel)
    return out


def _by_arithmetic(values: list[list[float | None]], roles: list[str],
                   settings: Settings) -> Callable[[str, list[int]], int]:
    """Of several undated capaian (or %) columns, the one that is realisasi/target*100 in the most rows
    ("Capaian (%)" beside "Capaian Kab. lain"); otherwise the last one, as before."""
    def prefer(role: str, cols: list[int]) -> int:
        pair = {Role.CAPAIAN: (Role.TARGET, Role.REALISASI), Role.PERSEN: (Role.PAGU, Role.REALISASI_ANGGARAN)}
        if role not in pair or pair[role][0] not in roles:
            return cols[-1]
        a = roles.index(pair[role][0])
        others = [j for j, r in enumerate(roles) if r == pair[role][1]]
        scored = [(max((ratio_relation(values, a, b, c, settings.arith).direct for b in others if b != c),
                       default=0), c) for c in cols]
        best = max(scored)
        return best[1] if best[0] > 0 else cols[-1]
    return prefer


def _renstra_as_target(roles: list[str], parts: list[list[str]], notes: list[str]) -> set[int]:
    """A table of the year's realisasi against the Renstra end target, with no target of the year: the
    Renstra target is the row's target and the capaian against it its capaian (public format: BAB III
    "comparisons ... with the Renstra end target", PermenPAN-RB 53/2014; dev-set fixture d01)."""
    if Role.TARGET in roles or Role.REALISASI not in roles:
        return set()
    renstra = [j for j, r in enumerate(roles) if r == Role.RENSTRA]
    capaian = [j for j in renstra if regex.search(r"capaian|persen|%", " ".join(parts[j]), regex.I)]
    target = [j for j in renstra if j not in capaian and regex.search(r"target", " ".join(parts[j]), regex.I)]
    if len(target) != 1:
        return set()
    roles[target[0]] = Role.TARGET
    done = {target[0]}
    if len(capaian) == 1 and Role.CAPAIAN not in roles:
        roles[capaian[0]] = Role.CAPAIAN
        done.add(capaian[0])
    notes.append("the Renstra end target is the only target: read as target")
    return done


def period_end_target(table: Table) -> bool:
    """The table's target column holds the plan period's end target (read as its target by
    :func:`_renstra_as_target`): another quantity than a year's target, compared only with its like."""
    return any(role == Role.TARGET and PERIOD_END.search(" ".join(parts))
               for role, parts in zip(table.roles, table.header_parts, strict=False))


def classify(table: Table) -> TableKind:
    """The table's kind, from its roles first, then its caption and header words."""
    roles = set(table.roles)
    words = f"{table.caption} {' '.join(table.header)}".lower()
    has_measure = {Role.TARGET, Role.REALISASI} <= roles
    has_budget = {Role.PAGU, Role.REALISASI_ANGGARAN} <= roles
    if has_budget and "efisiensi" in words:
        return TableKind.EFISIENSI
    if has_budget and not has_measure:
        return TableKind.ANGGARAN
    if has_measure:
        if regex.search(r"\biku\b|indikator kinerja utama", words):
            return TableKind.IKU
        return TableKind.CAPAIAN_KINERJA
    if has_budget:
        return TableKind.ANGGARAN
    if regex.search(r"renstra|rpjmd|jangka menengah", words) and Role.TARGET in roles:
        return TableKind.RENSTRA
    if regex.search(r"perjanjian kinerja|\bpk\b", words) or (Role.TARGET in roles and Role.INDIKATOR in roles):
        return TableKind.PERJANJIAN_KINERJA
    if "efisiensi" in words:
        return TableKind.EFISIENSI
    if Role.PAGU in roles:
        return TableKind.ANGGARAN
    return TableKind.OTHER
