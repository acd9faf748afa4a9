"""The cross-city panel: indicator keys joined over a batch, and the `indicator_panel` view of lkjip.duckdb.

Each measurement (and each other-year figure in `indicator_years`) carries the key of its indicator
name (`extractors.keys.indicator_key`, made in the worker). Over the whole batch, near-duplicate
keys are joined (`extractors.keys.join_keys`): `batch_keys` reads every document's keys, `remap`
gives a document's rows the joined keys; a document whose keys are all their group's key keeps
the rows its worker rendered.

`indicator_panel(indicator_key, indicator, instansi, wilayah, tahun, satuan, target, realisasi,
capaian_reported, capaian_computed, n_flags, source)` has one row per (indicator_key, wilayah,
tahun): the reporting year's pair of each report, and the other years of its comparison tables
where no report gives that year itself. Where several rows compete, the preferred one comes from
a table whose caption names the measurement or the key indicators (pengukuran, IKU), then a
capaian table, then a sasaran/IKU-level row, then the most complete and most confident row; the
others stay in `measurements` and `indicator_years`. Rows without a wilayah or a year are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from extractors.keys import join_keys

KEYED = ("measurements", "indicator_years")


def keys_of(rows: dict[str, list[dict[str, Any]]]) -> set[str]:
    return {r.get("indicator_key") or "" for name in KEYED for r in rows.get(name, [])} - {""}


def remap(rows: dict[str, list[dict[str, Any]]], mapping: dict[str, str]) -> bool:
    """Give the rows their joined keys; True when any key changed."""
    changed = False
    for name in KEYED:
        for r in rows.get(name, []):
            key = r.get("indicator_key") or ""
            joined = mapping.get(key, key)
            if joined != key:
                r["indicator_key"] = joined
                changed = True
    return changed


def needs_remap(keys: Iterable[str], mapping: dict[str, str]) -> bool:
    return any(mapping.get(k, k) != k for k in keys)


def join_rows(rows: dict[str, list[dict[str, Any]]]) -> None:
    """Near-duplicate keys joined over the rows of a whole batch held in memory."""
    remap(rows, join_keys(keys_of(rows)))


def parts_keys(parts: Any) -> set[str]:
    """The indicator keys in a document's rendered parts (Arrow tables), as the worker wrote them."""
    keys: set[str] = set()
    for name in KEYED:
        part = (parts or {}).get(name)
        if part is not None and "indicator_key" in part[1].column_names:
            keys.update(k for k in part[1].column("indicator_key").to_pylist() if k)
    return keys


PANEL_SQL = """
CREATE OR REPLACE VIEW indicator_panel AS
WITH base AS (
    SELECT m.indicator_key, m.indikator AS indicator, m.instansi, m.wilayah,
           coalesce(m."year", m.tahun) AS tahun, m.satuan_norm AS satuan, m.target, m.realisasi,
           m.capaian_reported, m.capaian_computed, m.doc_id, m.source_file, m.table_id, m.page, m.line,
           m.level, m.confidence, 0 AS other_year
    FROM measurements m
    UNION ALL
    SELECT y.indicator_key, y.indikator, y.instansi, y.wilayah, y."year",
           coalesce((SELECT any_value(m2.satuan_norm) FROM measurements m2
                     WHERE m2.doc_id = y.doc_id AND m2.indicator_key = y.indicator_key), ''),
           y.target, y.realisasi, y.capaian_reported, NULL, y.doc_id, y.source_file, y.table_id, y.page, y.line,
           'other', y.confidence, 1
    FROM indicator_years y
), ranked AS (
    SELECT b.*, coalesce(t.kind, 'other') AS table_kind, coalesce(t.caption, '') AS caption,
           row_number() OVER (
               PARTITION BY b.indicator_key, b.wilayah, b.tahun
               ORDER BY b.other_year,
                        CASE WHEN regexp_matches(lower(coalesce(t.caption, '')),
                                                 'pengukuran|\\biku\\b|indikator kinerja utama') THEN 0 ELSE 1 END,
                        CASE coalesce(t.kind, 'other') WHEN 'iku' THEN 0 WHEN 'capaian_kinerja' THEN 1
                             WHEN 'perjanjian_kinerja' THEN 2 ELSE 3 END,
                        CASE b.level WHEN 'iku' THEN 0 WHEN 'sasaran' THEN 1 WHEN 'tujuan' THEN 2
                             WHEN 'program' THEN 3 ELSE 4 END,
                        (b.target IS NULL)::INT + (b.realisasi IS NULL)::INT,
                        b.confidence DESC, b.source_file, b.table_id, b.line NULLS LAST, b.page NULLS LAST
           ) AS pick
    FROM base b LEFT JOIN tables t ON t.doc_id = b.doc_id AND t.table_id = b.table_id
    WHERE b.indicator_key <> '' AND b.wilayah <> '' AND b.tahun IS NOT NULL
)
SELECT r.indicator_key, r.indicator, r.instansi, r.wilayah, r.tahun, r.satuan, r.target, r.realisasi,
       r.capaian_reported, r.capaian_computed,
       (SELECT count(*) FROM flags f
        WHERE f.doc_id = r.doc_id AND f.table_id = r.table_id
          AND f.line IS NOT DISTINCT FROM r.line AND f.page IS NOT DISTINCT FROM r.page
          AND (r.line IS NOT NULL OR starts_with(lower(f.subject), lower(left(r.indicator, 40)))))::INT AS n_flags,
       r.source_file || ' | ' || CASE WHEN r.caption <> '' THEN r.caption ELSE r.table_id END
           || CASE WHEN r.line IS NOT NULL THEN ' | baris ' || r.line::VARCHAR
                   WHEN r.page IS NOT NULL THEN ' | halaman ' || r.page::VARCHAR ELSE '' END AS source
FROM ranked r
WHERE r.pick = 1
ORDER BY r.indicator_key, r.wilayah, r.tahun
"""


def create_views(con: Any) -> None:
    """The views of lkjip.duckdb (over its tables): indicator_panel."""
    con.execute(PANEL_SQL)
