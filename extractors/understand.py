"""Give each table a kind and each column a role, from header words and then from the values.

Roles: no, kode, uraian, sasaran, tujuan, strategi, indikator, satuan, formula, ket, target,
realisasi, capaian, pagu, realisasi_anggaran, persen, sisa, year (a value of another year),
renstra (a Renstra end target or the capaian against it), other, "" (no header: continues the
text of the column to its left).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from extractors.align import realign
from extractors.model import Table
from extractors.numbers import parse_number

TEXT_ROLES = {"no", "kode", "uraian", "sasaran", "tujuan", "strategi", "indikator", "satuan", "formula", "ket"}
VALUE_ROLES = {"target", "realisasi", "capaian", "pagu", "realisasi_anggaran", "persen", "sisa"}
_MONEY_WORDS = regex.compile(r"\b(?:rp|anggaran|pagu|alokasi|keuangan|dana|biaya|belanja|rupiah)\b", regex.I)
_YEAR = regex.compile(r"\b((?:19|20)\d{2})\b")


@lru_cache(maxsize=4096)
def _role_words(text: str) -> str:
    """The role a header label names by its own words ("" when it names none)."""
    t = text.lower()
    if not t.strip():
        return ""
    if regex.search(r"renstra|rpjmd|akhir periode|target akhir|kondisi", t):
        return "renstra"
    if regex.fullmatch(r"\W*(?:no|nomor|no\.? urut)\W*", t):
        return "no"
    if regex.search(r"\bkode\b", t):
        return "kode"
    if regex.search(r"\bsatuan\b", t):
        return "satuan"
    if regex.search(r"\b(?:formula|rumus|definisi|cara (?:ukur|hitung))\b", t):
        return "formula"
    if regex.search(r"\b(?:keterangan|ket|kategori|predikat|interpretasi|sumber|penanggung|pj)\b", t):
        return "ket"
    if regex.search(r"\b(?:sisa|selisih)\b", t):
        return "sisa"
    if regex.search(r"\befisiensi\b|\bdeviasi\b", t):
        return "other"
    if regex.search(r"\b(?:serapan|penyerapan|daya serap)\b", t):
        return "persen"
    if regex.search(r"rata\W*rata", t):
        return "other"
    if regex.fullmatch(r"\W*k\W*", t):
        return "k"
    if regex.fullmatch(r"\W*rp\W*", t):
        return "rp"
    first = _first_value_word(t)
    if first == "capaian":
        return "persen" if _MONEY_WORDS.search(t) else "capaian"
    if first:
        return first
    if regex.search(r"\b(?:pagu|anggaran|alokasi)\b", t):
        return "pagu"
    if regex.fullmatch(r"\W*(?:%|persen|persentase|prosentase)\W*", t) or regex.search(r"\(\s*%\s*\)", t):
        return "persen"
    if regex.search(r"\bindikator\b", t):
        return "indikator"
    if regex.search(r"\btujuan\b", t):
        return "tujuan"
    if regex.search(r"\bsasaran", t):
        return "sasaran"
    if regex.search(r"\b(?:strategi|arah kebijakan|kebijakan)\b", t):
        return "strategi"
    if regex.search(r"\b(?:program|kegiatan|uraian|urusan|jenis|nama)\b", t):
        return "uraian"
    if regex.search(r"\bjumlah\b", t):
        return "other"
    if _YEAR.search(t) and len(t) < 30:
        return "year"
    return "other"


def _first_value_word(t: str) -> str:
    """The value role named first in a label ("Realisasi Capaian Kinerja ..." is realisasi)."""
    found = []
    for role, pattern in (("capaian", r"\bcapaian\b"), ("realisasi", r"\brealisasi\b"),
                          ("target", r"\b(?:target|rencana)\b")):
        m = regex.search(pattern, t)
        if m:
            found.append((m.start(), role))
    return min(found)[1] if found else ""


def _money_side(role: str) -> str:
    return {"target": "pagu", "realisasi": "realisasi_anggaran", "capaian": "persen"}.get(role, role)


def column_role(parts: list[str]) -> str:
    """Role from a column's header parts, deepest (own) label first, then its parents."""
    own = parts[-1] if parts else ""
    parents = " ".join(parts[:-1])
    own_role = _role_words(own)
    parent_role = _role_words(parents) if parents else ""
    if own_role == "rp":
        return "pagu" if parent_role in ("target", "pagu", "") else _money_side(parent_role)
    if own_role == "k":
        return parent_role if parent_role in ("target", "realisasi") else "other"
    if own_role in ("", "year", "other") and parent_role in VALUE_ROLES:
        return parent_role
    if own_role in ("target", "realisasi", "capaian") and parents and _MONEY_WORDS.search(parents):
        return _money_side(own_role)
    if own_role in ("target", "realisasi") and _MONEY_WORDS.search(own):
        return _money_side(own_role)
    if own_role == "persen" and parent_role == "capaian":
        return "capaian"
    return own_role


def _years(label: str) -> int | None:
    found = _YEAR.findall(label)
    return int(found[-1]) if found else None


def _numeric_share(table: Table, col: int) -> tuple[float, float]:
    """Share of filled cells that are numbers, and the median magnitude of those numbers."""
    values: list[float] = []
    filled = 0
    for row in table.rows:
        text = row.text(col)
        if not text:
            continue
        filled += 1
        n = parse_number(text)
        if n.value is not None:
            values.append(abs(n.value))
    if not filled:
        return 0.0, 0.0
    values.sort()
    median = values[len(values) // 2] if values else 0.0
    return len(values) / filled, median


def assign_roles(table: Table, labels_parts: list[list[str]], tahun: int | None) -> None:
    roles = [column_role(parts) for parts in labels_parts]
    years = [_years(" ".join(parts)) for parts in labels_parts]
    notes: list[str] = []
    # a column without a header continues the text column to its left
    for j, role in enumerate(roles):
        if role == "" and j > 0 and roles[j - 1] in TEXT_ROLES | {"uraian"}:
            roles[j] = roles[j - 1]
    _names_not_figures(table, roles, notes)
    table.roles = roles
    moved = realign(table)
    if moved:
        notes.append(f"{moved} shifted row(s) re-laid out under the header")
    for j, role in enumerate(roles):
        if role in ("target", "realisasi"):
            share, median = _numeric_share(table, j)
            if share > 0.5 and median >= 1_000_000:
                roles[j] = _money_side(role)
                notes.append(f"column {j + 1} holds money: {role} read as {roles[j]}")
    _confirm_capaian(table, roles, notes)
    _resolve_years(roles, years, labels_parts, tahun, notes)
    _resolve_percent(roles)
    table.roles = roles
    table.years = years
    table.notes.extend(notes)


def _names_not_figures(table: Table, roles: list[str], notes: list[str]) -> None:
    """A value-headed column that holds names ("ANGGARAN": PRIORITAS, PENDUKUNG) is the row label."""
    if "uraian" in roles:
        return
    for j, role in enumerate(roles):
        if role in ("pagu", "realisasi_anggaran", "target", "realisasi"):
            texts = [row.text(j) for row in table.rows if row.text(j)]
            words = [t for t in texts if not regex.search(r"\d", t) and len(t) > 3]
            if len(texts) >= 2 and len(words) >= 0.8 * len(texts):
                roles[j] = "uraian"
                notes.append(f"column {j + 1} holds names, not figures: read as uraian")
                return


def _resolve_years(roles: list[str], years: list[int | None], parts: list[list[str]], tahun: int | None,
                   notes: list[str]) -> None:
    for role in ("target", "realisasi", "capaian", "pagu", "realisasi_anggaran", "persen"):
        cols = [j for j, r in enumerate(roles) if r == role]
        if len(cols) < 2:
            continue
        dated = [j for j in cols if years[j] is not None]
        keep = [j for j in dated if years[j] == tahun] if tahun else []
        if not keep and tahun and len(dated) >= 2 and len(dated) == len(cols):
            # a history of other years (Realisasi 2022, Realisasi 2023): nothing of the reporting year
            for j in cols:
                roles[j] = "year"
            continue
        if not keep:
            keep = [max(dated, key=lambda j: years[j] or 0)] if dated else [cols[-1]]
        if role == "realisasi" and len(keep) > 1 and "capaian" not in roles:
            # Target, Realisasi, then a second "Realisasi (Kinerja)" column: the order says capaian
            roles[keep[-1]] = "capaian"
            notes.append(f"column {keep[-1] + 1} follows realisasi of the same year: read as capaian")
            cols = [j for j in cols if j != keep[-1]]
            keep = keep[:1]
        if role == "target" and len(keep) > 1 and "realisasi" not in roles:
            # "Target Tahun 2024" beside a bare "Tahun 2024" under a spanning "Target ..." label:
            # the bare one is what was achieved
            bare = [j for j in keep if not regex.search(r"target|rencana", parts[j][-1], regex.I)]
            if bare:
                roles[bare[-1]] = "realisasi"
                notes.append(f"column {bare[-1] + 1} read as realisasi (target columns of {tahun})")
                cols = [j for j in cols if j != bare[-1]]
                keep = [j for j in keep if j != bare[-1]]
        for j in cols:
            if j not in keep[-1:]:
                roles[j] = "year"


def _resolve_percent(roles: list[str]) -> None:
    """A bare "%" column belongs to the value group to its left."""
    if "target" not in roles and "pagu" in roles and "realisasi_anggaran" in roles:
        # "REALISASI %" / "CAPAIAN" beside pagu and realisasi anggaran: the budget percentage
        for j, role in enumerate(roles):
            if role in ("capaian", "realisasi") and "persen" not in roles:
                roles[j] = "persen"
    for j, role in enumerate(roles):
        if role != "persen":
            continue
        left = [r for r in roles[:j] if r in VALUE_ROLES and r != "persen"]
        if left and left[-1] in ("target", "realisasi", "capaian") and "capaian" not in roles:
            roles[j] = "capaian"


def _agrees(table: Table, t: int, r: int, c: int) -> tuple[int, int]:
    hits = total = 0
    for row in table.rows:
        tv, rv, cv = parse_number(row.text(t)), parse_number(row.text(r)), parse_number(row.text(c))
        if tv.value and rv.value is not None and cv.value is not None:
            total += 1
            ratio = rv.value / tv.value * 100
            hits += abs(ratio - cv.value) <= max(1.0, abs(ratio) * 0.01)
    return hits, total


def _confirm_capaian(table: Table, roles: list[str], notes: list[str]) -> None:
    """A column whose values equal realisasi/target*100 row after row is capaian, whatever its header."""
    if "capaian" in roles or "target" not in roles:
        return
    t = roles.index("target")
    loose = ("realisasi", "year", "other", "persen")
    reals = [j for j, role in enumerate(roles) if role == "realisasi"]
    for r in reals:
        for c in (j for j, role in enumerate(roles) if j not in (t, r) and role in loose):
            hits, total = _agrees(table, t, r, c)
            if total and hits / total >= 0.6:
                notes.append(f"column {c + 1} ('{table.header[c]}') holds realisasi/target*100: read as capaian")
                roles[c] = "capaian"
                return


def classify(table: Table) -> str:
    roles = set(table.roles)
    words = f"{table.caption} {' '.join(table.header)}".lower()
    has_measure = {"target", "realisasi"} <= roles
    has_budget = {"pagu", "realisasi_anggaran"} <= roles
    if has_budget and "efisiensi" in words:
        return "efisiensi"
    if has_budget and not has_measure:
        return "anggaran"
    if has_measure:
        if regex.search(r"\biku\b|indikator kinerja utama", words):
            return "iku"
        return "capaian_kinerja"
    if has_budget:
        return "anggaran"
    if regex.search(r"renstra|rpjmd|jangka menengah", words) and "target" in roles:
        return "renstra"
    if regex.search(r"perjanjian kinerja|\bpk\b", words) or ("target" in roles and "indikator" in roles):
        return "perjanjian_kinerja"
    if "efisiensi" in words:
        return "efisiensi"
    if "pagu" in roles:
        return "anggaran"
    return "other"
