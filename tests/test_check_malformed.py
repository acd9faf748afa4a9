"""Malformed figures: table cells by column role, records and prose, each once, named in the message."""

from extractors.figures import cell_figures
from extractors.model import Cell, Document, Row, Table, TextLine
from extractors.numbers import parse_number
from extractors.settings import DEFAULT
from pipeline.check.malformed import check_malformed
from schemas.records import BudgetLine, DocumentInfo, Extraction

P = parse_number


def test_cells_records_and_prose_each_once() -> None:
    table = Table("t36", "", ["Uraian", "Pagu", "Realisasi", "%"],
                  [Row([Cell("Fasilitasi Sarana"), Cell("969.062.340"), Cell("930.47.023"), Cell("96,02%")],
                       None, 1660),
                   Row([Cell("Layanan Kedaruratan"), Cell("9.810.000"), Cell("9.810.000"), Cell("100,%")], None, 1661),
                   Row([Cell("Catatan 1.100"), Cell(""), Cell(""), Cell("")], None, 1662)],
                  roles=["uraian", "pagu", "realisasi_anggaran", "persen"])
    budget = BudgetLine("d", "f.txt", "t36", None, 1660, "", "sub_kegiatan", "Fasilitasi Sarana", P("969.062.340"),
                        P("930.47.023"), P("96,02%"), P(""))
    doc = Document("f.txt", "0" * 64, 1, lines=[
        TextLine("realisasi anggaran sebesar 930.47.023 atau sebesar 96,02%", 1.0, None, 1669),
        TextLine("anggaran sebesar Rp 7.393.559.206,- dengan realisasi 6.486.724.616", 2.0, None, 1670)])
    ext = Extraction(info=DocumentInfo("d", "f.txt", "0" * 64, 1), document=doc, tables=[table], budget=[budget],
                     cells=cell_figures([table]))
    flags = check_malformed(ext)
    assert sorted((f.line, f.kind, f.severity) for f in flags) == [
        (1660, "malformed_number", "warning"), (1661, "malformed_number", "warning"),
        (1669, "malformed_number", "warning")]
    by_line = {f.line: f for f in flags}
    assert "930.47.023" in by_line[1660].message and by_line[1660].reported is None
    assert "100,%" in by_line[1661].message and by_line[1661].reported == 100
    assert "koma desimal" in by_line[1661].message


def test_a_cut_figure_in_a_table_read_from_the_page_geometry_is_a_doubt_not_a_finding() -> None:
    """"165.471.330.00": thousands groups ending in a short group, what a figure cut over two lines of its cell
    leaves when its rest went astray. In a table whose cells the reader built from the page's geometry its flag
    falls under the confidence bar (the gate makes it info); in a table given cell by cell (tab text, ruled
    cells) it stays a finding, as a typo in the report is."""
    def flags_of(laid_out: bool) -> list:
        table = Table("t1", "", ["Uraian", "Pagu", "Realisasi"],
                      [Row([Cell("Program penunjang"), Cell("165.471.330.00"), Cell("159.147.480.573")], None, 10)],
                      roles=["uraian", "pagu", "realisasi_anggaran"], laid_out=laid_out)
        doc = Document("f.pdf", "0" * 64, 1)
        ext = Extraction(info=DocumentInfo("d", "f.pdf", "0" * 64, 1), document=doc, tables=[table],
                         cells=cell_figures([table]))
        return check_malformed(ext)
    (laid,) = flags_of(True)
    (whole,) = flags_of(False)
    assert laid.confidence < DEFAULT.confidence.flag_min <= whole.confidence


def test_a_cut_figure_beside_an_empty_cells_dash_is_a_doubt_too() -> None:
    """"5.430.00 -": a cut figure and the dash of the narrow empty cell beside it, which the reader set as one
    cell (the shaded print of d03's E.81 form); a short group inside a figure is a typo, and stays a finding."""
    def flag_of(text: str) -> list:
        table = Table("t1", "", ["Uraian", "Pagu", "Realisasi"],
                      [Row([Cell("Pengelolaan SDA"), Cell(text), Cell("159.147.480.573")], None, 10)],
                      roles=["uraian", "pagu", "realisasi_anggaran"], laid_out=True)
        ext = Extraction(info=DocumentInfo("d", "f.pdf", "0" * 64, 1), document=Document("f.pdf", "0" * 64, 1),
                         tables=[table], cells=cell_figures([table]))
        return check_malformed(ext)
    (cut,) = flag_of("5.430.00 -")
    assert cut.confidence < DEFAULT.confidence.flag_min
    (typo,) = flag_of("930.47.023 -")
    assert typo.confidence >= DEFAULT.confidence.flag_min


def test_a_cut_figure_whose_rest_stands_under_it_on_a_pdf_page_is_no_finding() -> None:
    """A table's row left as text lines of a PDF page: "5.212.298.60" with "0" on the next line under it is one
    figure cut over two lines of its cell (5.212.298.600), not a malformed one. A "0" elsewhere on that line, or
    a rest that would not make a well-formed figure, leaves the flag; the subject starts at a whole word."""
    def flags_of(below: tuple[str, float, float]) -> list:
        lead = "Pagu program penunjang urusan pemerintahan daerah kabupaten kota sebesar "
        doc = Document("f.pdf", "0" * 64, 1, lines=[
            TextLine(f"{lead}5.212.298.60", 1.0, 4, None, (10, 100, 560, 110),
                     words=(("Pagu", 10, 40), ("program", 45, 90), ("5.212.298.60", 500, 560))),
            TextLine(below[0], 2.0, 4, None, (10, 112, 560, 122), words=(below,))])
        ext = Extraction(info=DocumentInfo("d", "f.pdf", "0" * 64, 1), document=doc)
        return check_malformed(ext)

    assert flags_of(("0", 528, 534)) == []
    (aside,) = flags_of(("0", 200, 206))
    assert aside.subject == "urusan pemerintahan daerah kabupaten kota sebesar"
    assert len(flags_of(("1234", 528, 560))) == 1  # four digits are no last digits of a cut figure
