"""Running footers left in a page's flow: a converted text's page breaks, printed between its tables."""

from __future__ import annotations

from extractors.pdf_page import PagePart
from extractors.pdf_running import PAGE_NUMBER, drop_inline_footers
from extractors.pdf_words import Frame, Line
from tests.page_layout import Col, layout

TITLE = "LKjIP Dinas Pekerjaan Umum Kabupaten Contoh Tahun 2024"


def _page(number: int, rows: list[list[str]]) -> PagePart:
    lines: list[Line] = layout([Col(20), Col(400, "right")], rows, first=10)
    return PagePart(number, Frame("ltr", 842, 595), [], lines)


def _texts(part: PagePart) -> list[str]:
    return [ln.text for ln in part.lines]


def test_footer_in_the_flow_is_dropped_on_every_page() -> None:
    parts = [_page(n, [["Tabel 3.1 Capaian", ""], [TITLE, str(n + 4)], ["LAMPIRAN", ""]]) for n in (2, 5, 9)]
    assert drop_inline_footers(parts) == 3
    assert all(_texts(p) == ["Tabel 3.1 Capaian", "LAMPIRAN"] for p in parts)


def test_a_title_on_too_few_pages_stays() -> None:
    parts = [_page(n, [[TITLE, str(n)]]) for n in (2, 5)]
    assert drop_inline_footers(parts) == 0


def test_numbers_that_fall_are_no_page_numbers() -> None:
    """A row repeated in three tables with a count that does not grow page by page is a table's row."""
    row = "Jumlah pegawai yang mengikuti pelatihan teknis tahun 2024"
    parts = [_page(n, [[row, c]]) for n, c in ((2, "40"), (5, "12"), (9, "33"))]
    assert drop_inline_footers(parts) == 0


def test_a_row_with_other_figures_in_its_title_stays() -> None:
    """Only years may stand in a running title: "Pagu 1.250 paket" is a row's text, not a footer's."""
    row = "Paket pekerjaan jalan dan jembatan ruas 12 tahun 2024"
    parts = [_page(n, [[row, str(n)]]) for n in (2, 5, 9)]
    assert drop_inline_footers(parts) == 0


def test_a_title_that_ends_in_its_year_has_no_page_number() -> None:
    parts = [_page(n, [[TITLE, ""]]) for n in (2, 5, 9)]
    assert drop_inline_footers(parts) == 0


def _label_pages(label: str) -> list[PagePart]:
    return [_page(n, [["Tabel 3.1 Capaian", ""], [TITLE, ""], [label.format(n=n), ""], ["LAMPIRAN", ""]])
            for n in (2, 5, 9)]


def test_a_title_over_its_page_label_is_dropped_with_it() -> None:
    """The footer's page label on a line of its own ("III-6", "Lampiran-2", "12"): both lines go, and the page
    keeps them as dropped (the table finder still sees where they stood)."""
    for label in ("III-{n}", "Lampiran-{n}", "{n}"):
        parts = _label_pages(label)
        assert drop_inline_footers(parts) == 6
        assert all(_texts(p) == ["Tabel 3.1 Capaian", "LAMPIRAN"] for p in parts)
        assert all([ln.text for ln in p.dropped] == [TITLE, label.format(n=p.number)] for p in parts)


def test_a_header_over_its_year_stays() -> None:
    """A line of labels over the year ("... Realisasi Tahun" / "2024") repeated on three pages is a header."""
    parts = [_page(n, [["No Indikator Kinerja Target Realisasi Tahun", ""], ["2024", ""]]) for n in (2, 5, 9)]
    assert drop_inline_footers(parts) == 0
    assert not any(p.dropped for p in parts)


def test_a_footer_drawn_as_a_row_of_a_ruled_table_is_dropped() -> None:
    """A tab text's footer line ("title<TAB>page") drawn as a row of the grid (the grid print of d07): the row goes,
    the table's other rows stay, and a table that was only the footer goes too."""
    from extractors.pdf_rulings import RuledTable

    parts = []
    for n in (2, 5, 9):
        rows = [[("Program A", None), ("1.000.000", None)], [(TITLE, None), (str(n), None)]]
        table = RuledTable((20, 0, 500, 60), rows, [0.0, 30.0])
        alone = RuledTable((20, 100, 500, 120), [[(TITLE, None), (str(n + 1), None)]], [100.0])
        parts.append(PagePart(n, Frame("ltr", 842, 595), [table, alone], []))
    assert drop_inline_footers(parts) == 6
    assert all([[t for t, _ in row] for row in p.tables[0].rows] == [["Program A", "1.000.000"]] for p in parts)
    assert all(len(p.tables) == 1 and p.tables[0].row_tops == [0.0] for p in parts)


def test_a_chapters_numeral_and_the_page_in_it_are_a_page_number() -> None:
    """LKjIP chapters (BAB I-IV) are often numbered on their own: "III-14" is page 14 of chapter III."""
    assert all(PAGE_NUMBER.match(s) for s in ("III-14", "II - 3", "iv–2", "12", "Halaman 3 dari 40"))
    assert not any(PAGE_NUMBER.match(s) for s in ("III-14 Tabel 3.4", "1.05", "IV.2 Capaian"))
