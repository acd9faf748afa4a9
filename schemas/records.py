"""In-memory records of the output tables (see ../shared/spec/OUTPUT.md).

The extract stage produces these; the check stage reads them (and fills the computed fields);
the writer flattens them into the contract's columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.model import Document, Table, TextLine
from extractors.numbers import Number


@dataclass(frozen=True)
class Measurement:
    """One indicator's target/realisasi(/capaian) pair from one table row."""

    doc_id: str
    source_file: str
    table_id: str
    page: int | None
    line: int | None
    level: str  # tujuan | sasaran | iku | program | kegiatan | sub_kegiatan | other
    indikator: str
    target: Number
    realisasi: Number
    capaian: Number  # as reported (empty Number when the table has no capaian column)
    sasaran: str = ""
    program: str = ""
    satuan: str = ""
    year: int | None = None
    # filled by the check stage
    capaian_computed: float | None = None
    polarity: str = "higher_better"  # higher_better | lower_better | qualitative
    formula: str = ""
    # how much of the table's own evidence supports this row (0-1, see extractors.confidence)
    confidence: float = 1.0
    row_index: int = -1  # the row's position in its table


@dataclass(frozen=True)
class BudgetLine:
    """One program / kegiatan / sub-kegiatan / total line with pagu and realisasi."""

    doc_id: str
    source_file: str
    table_id: str
    page: int | None
    line: int | None
    kode: str  # Permendagri 90/2019 code as printed, "" when none
    level: str  # urusan | program | kegiatan | sub_kegiatan | total | other
    uraian: str
    pagu: Number
    realisasi: Number
    persen: Number  # reported % (empty Number when not printed)
    sisa: Number  # reported remaining budget (empty Number when not printed)
    is_total: bool = False
    parent_kode: str = ""
    section: str = ""  # a unit heading the row sits under (e.g. a UPTD), "" when none
    group_total: bool = False  # a total of its section's lines only ("Jumlah Bagian Hukum"), not of the table
    item: str = ""  # the printed outline number ("1", "1.2") when the table numbers a hierarchy so, else ""
    position: int = 0  # order of the row within its table
    year: int | None = None
    # filled by the check stage
    persen_computed: float | None = None
    sisa_computed: float | None = None
    confidence: float = 1.0


@dataclass
class PlanEntry:
    """A planned figure without realisasi (a Perjanjian Kinerja target, a pagu-only program line).

    Not written to the output tables; kept for cross-table checks.
    """

    doc_id: str
    source_file: str
    table_id: str
    page: int | None
    line: int | None
    subject: str  # indikator or program name
    kode: str = ""
    target: Number | None = None
    pagu: Number | None = None
    year: int | None = None
    kind: str = "indicator"  # indicator | program
    # program lines only: where the line sits in its table, so totals of pagu lists can be checked
    level: str = ""  # program | kegiatan | sub_kegiatan | total | other (as BudgetLine.level)
    position: int = 0
    is_total: bool = False
    section: str = ""
    confidence: float = 1.0


@dataclass(frozen=True)
class YearFigure:
    """A figure of a comparison or plan column, beside the reporting year's measurements: another year's
    target / realisasi / capaian, a yearly target of a Renstra series, the Renstra end target and the capaian
    against it. Made by ``extractors.figures`` from understood tables; read by the check stage.

    role: target | realisasi | capaian (another year's column, named by its header) | target_series (a year
    column of a multi-year target table) | renstra_target | renstra_capaian | renstra_realisasi (the
    reporting year's realisasi of a row that carries Renstra columns).
    """

    table_id: str
    row_index: int
    page: int | None
    line: int | None
    subject: str  # the row's indicator name
    role: str
    year: int | None
    number: Number
    confidence: float = 1.0


@dataclass(frozen=True)
class CellFigure:
    """Every figure of a numeric column (target, realisasi, capaian, pagu, ...) with its parse status
    (``number.status``: ok | ambiguous | malformed | empty | text), for the malformed-number check."""

    table_id: str
    row_index: int
    page: int | None
    line: int | None
    label: str  # the row's first label cell
    role: str
    number: Number


@dataclass
class Flag:
    doc_id: str
    source_file: str
    table_id: str
    page: int | None
    line: int | None
    kind: str
    severity: str  # error | warning | info
    subject: str
    reported: float | None
    expected: float | None
    delta: float | None
    message: str
    confidence: float = 1.0


@dataclass
class TableInfo:
    doc_id: str
    source_file: str
    table_id: str
    caption: str
    page: int | None
    line: int | None
    kind: str
    n_rows: int
    columns: str  # "no|indikator|target|realisasi|capaian"
    note: str = ""
    confidence: float = 0.0  # how sure the reading of the table is (0 when not read)
    n_numeric_cells: int = 0  # figures in the table's body
    n_cells_read: int = 0  # of those, the ones that ended in a record


@dataclass
class DocumentInfo:
    doc_id: str
    source_file: str
    sha256: str
    pages: int
    instansi: str = ""
    wilayah: str = ""
    tahun: int | None = None
    n_tables: int = 0
    n_measurements: int = 0
    n_budget: int = 0
    n_flags: int = 0
    status: str = "ok"  # ok | partial | failed
    error: str = ""
    tables_with_figures: int = 0  # tables whose body holds figures
    tables_read: int = 0  # of those, the ones that gave records
    cells_read_share: float | None = None  # share of numeric table cells that ended in a record
    duplicate_of: str = ""  # doc_id of the first input with the same content (set by the batch writer)
    same_report_as: str = ""  # doc_id of the same report in another format (text <-> PDF)


@dataclass
class Extraction:
    """Everything extracted from one document: the input of the check stage."""

    info: DocumentInfo
    document: Document | None = None
    tables: list[Table] = field(default_factory=list)
    measurements: list[Measurement] = field(default_factory=list)
    budget: list[BudgetLine] = field(default_factory=list)
    plans: list[PlanEntry] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    table_infos: list[TableInfo] = field(default_factory=list)
    year_figures: list[YearFigure] = field(default_factory=list)  # other years' and Renstra figures
    cells: list[CellFigure] = field(default_factory=list)  # every figure of a numeric column

    @property
    def prose(self) -> list[TextLine]:
        return self.document.lines if self.document else []
