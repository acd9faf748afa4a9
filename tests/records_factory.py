"""Hand-made extractions for the writer, report, batch and CLI tests (no reader involved)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extractors.numbers import parse_number
from extractors.settings import DEFAULT, Settings
from schemas.records import BudgetLine, DocumentInfo, Extraction, Flag, Measurement, TableInfo

FLAG_MESSAGE = "Capaian 92,15% tidak sesuai: realisasi 96 / target 96 x 100 = 100,00% <periksa & koreksi>"


def ids(source_file: str) -> tuple[str, str]:
    sha = hashlib.sha256(source_file.encode()).hexdigest()
    return sha[:12], sha


def extraction(source_file: str = "a.txt", page: int | None = None, lines: bool = True) -> Extraction:
    """Two tables: t01 (capaian, 2 rows, the first flagged) and t02 (anggaran, 2 rows), one flag."""
    doc_id, sha = ids(source_file)

    def ln(n: int) -> int | None:
        return n if lines else None

    info = DocumentInfo(doc_id=doc_id, source_file=source_file, sha256=sha, pages=3, instansi="Dinas Sosial",
                        wilayah="Kota Batam", tahun=2024, n_tables=2, n_measurements=2, n_budget=2, n_flags=1)
    tables = [
        TableInfo(doc_id, source_file, "t01", "Tabel 3.1 Capaian Kinerja", page, ln(2), "capaian_kinerja", 2,
                  "no|indikator|target|realisasi|capaian"),
        TableInfo(doc_id, source_file, "t02", "Tabel 3.5 Realisasi Anggaran", page, ln(8), "anggaran", 2,
                  "kode|uraian|pagu|realisasi|persen", note="partly read"),
    ]
    meas = [
        Measurement(doc_id, source_file, "t01", page, ln(4), "sasaran", "Jumlah orang dilatih",
                    parse_number("96 Orang"), parse_number("96 Orang"), parse_number("92,15 %"), satuan="Orang",
                    year=2024, capaian_computed=100.0, formula="realisasi/target*100"),
        Measurement(doc_id, source_file, "t01", page, ln(5), "iku", "Angka kemiskinan",
                    parse_number("35,52%"), parse_number("30,1%"), parse_number(""), year=2024,
                    polarity="lower_better"),
    ]
    budget = [
        BudgetLine(doc_id, source_file, "t02", page, ln(10), "1.06.01", "program", "Program Penunjang",
                   parse_number("12,387,484,416"), parse_number("11,988,100,020"), parse_number("96.78%"),
                   parse_number("-"), parent_kode="1.06", persen_computed=96.7759),
        BudgetLine(doc_id, source_file, "t02", page, ln(11), "", "total", "JUMLAH",
                   parse_number("Rp 2.456.653.000,-"), parse_number("(19.588.000)"), parse_number(""),
                   parse_number(""), is_total=True),
    ]
    flags = [Flag(doc_id, source_file, "t01", page, ln(4), "capaian_mismatch", "error", "Jumlah orang dilatih",
                  92.15, 100.0, -7.85, FLAG_MESSAGE)]
    return Extraction(info=info, measurements=meas, budget=budget, flags=flags, table_infos=tables)


def failed_extraction(source_file: str, error: str = "read: not a report") -> Extraction:
    doc_id, sha = ids(source_file)
    return Extraction(info=DocumentInfo(doc_id=doc_id, source_file=source_file, sha256=sha, pages=0,
                                        status="failed", error=error))


def fake_extract(path: Path, settings: Settings = DEFAULT) -> Extraction:
    """Stands in for extract_document: 'bad' in the name fails, 'boom' raises, anything else is read."""
    name = Path(path).name
    if "boom" in name:
        raise RuntimeError("kaput\nsecond line of the message")
    if "bad" in name:
        return failed_extraction(str(path), "read: no tables in this file")
    return extraction(str(path))
