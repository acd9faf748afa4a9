"""Every threshold of the understanding and check stages, named, in one place, with why its value.

Stages take a ``Settings`` argument (default ``DEFAULT``) instead of reading literals inline, the way
pdfplumber's TableSettings gathers the table finder's tolerances. A run can override any field by
its dotted name (``lkjip extract --set understand.arith_share=0.7``); ``benchmarks/loo.py`` does so
to tune a setting without one sample and score it on that sample.

A value is justified by the public format (OUTPUT.md's rounding rule, Permendagri code depths) or
by at least two different reports or fixtures; the comment says which.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class TypeSettings:
    """Column types from the values (``extractors.coltypes``)."""

    # share of a column's filled cells that must agree on a type for the column to take it; a
    # header cell, a "-" or a stray note in one row of five must not change the column's type
    # (fixtures: every family table has at most one odd cell in five)
    majority: float = 0.6
    # amounts at or above this are money when printed without a unit: the smallest sub-kegiatan pagu
    # in the sample reports and fixtures is in the millions; counts of people or km with a unit
    # word are COUNT whatever their size ("1.250.000 Jiwa")
    money_min: float = 1_000_000.0
    # no pagu or realisasi of a program, kegiatan or sub kegiatan is under a thousand rupiah (after the table's
    # own scale, "(Rp 000)"): in a table of rupiah (median pagu at least money_min) a figure that small is a
    # percentage or a count read in the wrong column (LibreOffice's print of h04's E.81: "96,55" read as pagu)
    pagu_floor: float = 1000.0
    # bare numbers up to this can be percentages (capaian over-achievement reaches 200-300 % in the
    # samples: 286,8 %); above it a bare number is not read as a percent
    percent_max: float = 1000.0
    # a cell longer than this is text even if it holds a figure ("... dikali 100%")
    figure_max_chars: int = 40
    # a money column whose label names no scale takes the scale another money column of the table names when their
    # median amounts are within this factor: a pagu and its realisasi differ by a few per cent, amounts in rupiah
    # and in thousands by a thousand times (d07's "Keuangan (Rp 000)" wrapped over one of its three columns)
    scale_magnitude: float = 10.0


@dataclass(frozen=True)
class AlignSettings:
    """Shifted rows put back under their header (``extractors.align``)."""

    # a table numbers its rows in the first column when at least this many rows do, in at least this share
    # of its rows: a table of three items is the smallest list (000's Tabel 4, 001's Tabel 3.16), and a
    # page's worth of unnumbered heading rows must not hide the numbering (003's Renja table)
    numbering_min_rows: int = 3
    numbering_share: float = 0.6
    # a cell longer than this is no printed figure even when it parses to one ("... sebanyak 12 orang")
    figure_max_chars: int = 25
    # a value-headed column is a column of names when this share of its cells are words without figures
    # ("ANGGARAN: PRIORITAS, PENDUKUNG" in 003's Tabel 3.24)
    names_share: float = 0.8
    # words after a figure read as its unit when a row's figures are read in order ("12 Laporan", "4 Unit Sarana",
    # "36,50 Kg/kapita/tahun"): units in the dev set are one or two words; three words or more are a name spilled
    # into the value cells, and the row is not read so
    max_unit_words: int = 2


@dataclass(frozen=True)
class ArithSettings:
    """Relations between columns, found row by row (``extractors.arith``)."""

    # share of rows where a relation must hold for it to confirm roles: most rows, not all, because
    # the report's own errors are what the check stage is for (fixtures plant 1-3 in 10 rows)
    share: float = 0.6
    # rows a relation must hold in before it counts at all: one agreeing row is chance
    min_rows: int = 2
    # relative tolerance when looking for a relation (not when flagging): a 1 % slack covers the
    # report's rounding of capaian to whole numbers on small targets (2/3 printed 67 %)
    rel_tol: float = 0.01
    # absolute tolerance for percentages (points), same reason as rel_tol
    abs_tol_percent: float = 1.0
    # roles are discovered from the arithmetic alone only among this many numeric columns: beyond it
    # (multi-year tables with a dozen figure columns) chance triples appear and words must decide
    max_discover_cols: int = 8
    # without header words the arithmetic alone must carry the roles, so it must hold in more rows:
    # count tables (staff, disaster events) give chance ratios in 2 of 3 rows (dev-set fixtures d06, d01)
    discover_share: float = 0.8


@dataclass(frozen=True)
class ConfidenceSettings:
    """How evidence becomes a 0-1 confidence, and the bar for error flags."""

    # error/warning flags only from records at least this confident; below it a finding is kept as
    # an info flag naming the doubt (OUTPUT.md: "error flags come only from confident rows"). The
    # K/Rp tables of a sample report read at 0.55-0.59 and hold real findings there (malformed
    # figures, a parent's pagu). Below 0.5 a table part rests on one key column with neither header
    # words nor arithmetic, or a row on two inferences; of the dev reports' flags only one comes from
    # there (a stacked cell split on a 0.55 table: 0.495), and it is kept as an info flag
    flag_min: float = 0.5
    # weights of the evidence for a column's role: header words, value type, arithmetic
    words: float = 0.4
    values: float = 0.3
    arithmetic: float = 0.3
    # a table whose row-level checks fail in at least this share of rows (and at least
    # column_fail_min_rows of them) is misread, not wrong everywhere: its flags abstain
    column_fail_share: float = 0.8
    column_fail_min_rows: int = 3
    # factors on a row's confidence. A row re-laid out under the header (its figures moved to other
    # columns) rests on an inference; a cell split into several indicators' figures too (both seen in
    # 001 and 003 and in the dev-set fixtures). An ambiguous number ("1.100": thousand or 1,1?) was
    # decided by the document's style, not by the cell: with weak column evidence it abstains
    shifted_row: float = 0.85
    split_row: float = 0.9
    ambiguous_number: float = 0.8
    # a malformed figure with a short last group ("165.471.330.00") in a table whose cells the reader built
    # from the page's geometry is most often a figure cut over two lines of its cell: its flag abstains (below
    # flag_min). LibreOffice's prints of the dev and held-out reports: 19 such flags, none in the gold; the
    # price, one real typo of that shape kept as info (d06's "66.640.000.00" in the reportlab print)
    cut_figure: float = 0.4
    # a row of a laid-out table whose figures show a sign of a misreading (pipeline.check.reading: a lost cell, two
    # figures in one cell, a figure of the wrong kind for its column, a figure cut over two rows) rests on figures
    # that may not be its own or not in their columns: this factor takes any row under flag_min, its findings
    # abstain. LibreOffice's prints of the dev and held-out reports: such rows give budget, remaining, total,
    # capaian and cross-table flags in d06, d08, d09, d10, h04, h05, none of them in the gold
    misread_row: float = 0.45
    # ... a budget column counts as one the table fills when it is filled in this share of the rows holding budget
    # figures: a page footer or a repeated header inside a long table leaves a few rows without (d08, h02), a
    # column printed only for some rows (a % on the programs only) is blank in more
    filled_column_share: float = 0.8
    # ... a row's printed % agreeing, within this share of itself, with its realisasi over its pagu only once one of
    # them is taken a thousand times larger is a figure that lost a group of three digits (pipeline.check.reading.
    # _thousandfold): a % printed to two decimals from figures read whole lies well within 1%
    thousandfold_tolerance: float = 0.01


@dataclass(frozen=True)
class TotalSettings:
    """Parents and totals against their children (``pipeline.check.totals``)."""

    # children summing to k x the parent for a whole k in this range mean subtotals are among the
    # children (belanja by type with numbered subtotals: TOTAL = half the sum of every row)
    subtotal_multiples: tuple[int, ...] = (2, 3)
    # a lone child this far from its parent (ratio) is an unrelated row, not a child that
    # disagrees: a slip changes a digit or two, not the order of magnitude
    lone_child_ratio: float = 0.5
    # several children whose sum is this far from the parent (ratio) are not its children: a list
    # that lost most of its rows to a misread level, not a total that is wrong. Looser than for a lone
    # child, because a report's own total may leave out a few rows (a sample's efficiency table sums
    # to 0.42 of its printed total, a real finding; a dev report's Perjanjian Kinerja read with two
    # of nine programs gives 0.07)
    far_sum_ratio: float = 0.2
    # the hierarchy of a table is only trusted in a column where at least this share of its parents
    # equal the sum of their children: a report's own slips are a few parents, not most of them; a
    # table whose parents mostly disagree is read with the wrong parents or children (the three
    # sample reports' tables with four parents or more agree in 79-100 % of them; fixtures in
    # tests/test_check_guards.py plant one wrong parent in four)
    hierarchy_agree_share: float = 0.5
    # ... and only once a column has this many parents to judge by: one slip in a subtotal makes two
    # parents disagree (the subtotal and the total above it), so with three parents a single real
    # error would already be "most of them"; four is the fewest where that needs two slips
    # (tests/test_check_guards.py: a subtotal slip under a TOTAL, a misread four-program table)
    hierarchy_min_parents: int = 4
    # percentage points: a kegiatan's realisasi % this close to its only sub-kegiatan's realisasi / target (counts)
    # is meant to be that ratio, and a difference is a slip in its digits; further apart, the % measures something
    # else and nothing is said (pipeline.check.totals._compare_only_child)
    only_child_near: float = 1.0


@dataclass(frozen=True)
class CrossTableSettings:
    """The same indicator or program in two tables (``pipeline.check.cross_table``)."""

    # two tables that differ on at least this share of the figures of one kind they share are two
    # versions of the plan (Perjanjian Kinerja on the pagu murni, realisation on the pagu after the
    # APBD-P: dev d06 Tabel 2.1 against Tabel 3.5, both programs; d05 Tabel 2.2 'Pagu Murni' against
    # Tabel 3.4 'Anggaran Setelah Perubahan', 3 of 4 programs) or
    # one of them is misread (dev d09's formula table, its pembilang/penyebut read as target and
    # realisasi: both shared rows differ): one info flag, no finding. A report's own slip is one or a
    # few figures among agreeing ones (dev d01: 1 of the 4 programs of its PK differs from Tabel 3.7;
    # d07: 1 of the 4 of its PK Perubahan differs from Tabel 3.6)
    revision_share: float = 0.75
    # ... counted once the pair shares this many figures of that kind: two figures that both differ
    # are already "every shared figure" (d06: the PK names two programs); one is a finding
    revision_min_shared: int = 2
    # lines of running text before a table read for the sentence that introduces it ("... dengan pagu anggaran
    # murni sebagai berikut"): a sentence wrapped over a PDF column's width takes two or three lines
    intro_lines: int = 3
    # two indicator keys are one indicator when the Jaccard share of their key words reaches this (a slip-tolerant
    # match, fixed by tests on real pairs of the samples: extractors.keys) ...
    key_similarity: float = 0.8
    # ... and at most this many words of either are not in the other
    key_max_other: int = 2


@dataclass(frozen=True)
class HeaderSettings:
    """Where a table's header ends and how its labels span (``extractors.header``)."""

    # label rows a header may have above its numbering row: form E.81 (Permendagri 86/2017) prints
    # three (group label, quarter number, K/Rp); one more allows a title row spanning the value
    # columns above them ("ANGGARAN BELANJA TAHUN 2024" in 001 Tabel 3.16, "KEUANGAN 2024" in 003)
    max_rows: int = 4
    # a cell longer than this is text of the body, not a label. Form E.81's own labels (Permendagri
    # 86/2017) run to about 110 characters ("Realisasi Capaian Kinerja dan Anggaran Renstra Perangkat
    # Daerah s.d. Renja Perangkat Daerah Tahun Lalu (2023)": 003 Tabel 3.23, dev-set d03 and d09);
    # indicator names and sasaran in body rows run longer, and body rows hold figures besides
    label_max_chars: int = 130
    # ... but a row of a header with no figures under it is told by its words, and its cells may hold two labels
    # read as one where a layout text sets its columns a space apart (d09's E.81 as layout text: "Urusan/Bidang ...
    # Indikator Kinerja Program (outcome)/Kegiatan (output)" cut over twelve lines, 132 characters); a sentence of
    # running text read as a row is longer still and holds no header words in most cells
    vocab_row_max_chars: int = 200
    # a column holds figures when, in the rows that hold any figure, at least this share of its filled
    # cells are figures: most, so a stray note ("n/a", "Baik") in a value column does not change it,
    # and a text column with an odd code in it does not become one
    figure_column_share: float = 0.5
    # a numbering row numbers the columns from the first or second one ("1 2 3", "(1) (2)", after an
    # empty corner cell); a row of quarter numbers under a spanning label starts further right
    numbering_first_col_max: int = 1
    # bare whole numbers up to this, rising under a spanning label, are labels: quarters (1-4),
    # semesters (1-2), months (1-12) printed as numbers instead of I-IV
    sub_label_max_int: int = 12


@dataclass(frozen=True)
class JoinSettings:
    """When a headerless piece with columns of its own is laid under a table it continues
    (``extractors.assemble``, ``aligned_columns``)."""

    # a figure column's type must be the same in both pieces for this share of the piece's figure columns:
    # most, so that one column printed without its % signs on one page ("108,70" under "111,67%") does not
    # stop a join, while a piece whose amounts stand where the table has percents (another table) does
    figure_agree_share: float = 0.75
    # what a column's place on the page counts against its type, per table width of displacement (places are
    # taken across the table's own width, 0 at its left column, 1 at its right): a type agreement (2 points)
    # outweighs a column standing a whole table width away; pdftotext -layout moves columns by a tenth of the
    # width between pages, which costs 0.2, less than the weakest type agreement (1 point)
    place_weight: float = 2.0
    # the best laying of the piece's columns must beat every other by this many points to be taken: a quarter
    # of a weak agreement; two layings that differ only in which of two like columns a column goes to by
    # less than ~a tenth of the table's width are not clear, and the piece is left alone
    clear_margin: float = 0.25
    # ... and under a header alone (its rows on the next page), where only the labels' K / Rp and the columns' order
    # lay the figures: two layings that differ in which neighbour a wrapped name's column joins are left to places,
    # which a header page set on another character pitch shows only roughly (h07's E.81 as layout text: 0.1-0.15)
    header_only_margin: float = 0.1
    # neighbouring columns of a piece that may go under one column of the table, and what each column joined to
    # another costs: LibreOffice's prints set a header label over two columns of figures ("Capaian (%)
    # Predikat", "SISA (Rp) %": dev-set d01, holdout h05 as layout text), never over more; a join costs a
    # quarter of a type agreement, so a column goes under a column of its own where one of its type stands
    max_merged: int = 2
    merge_cost: float = 0.5
    # rows of figures a headerless layout-text piece needs for the order of its figures to lay it under a table
    # (extractors.figure_order): one row's figures could fit any table of as many value columns
    figure_order_min_rows: int = 2
    # words a sentence ending in a colon needs to introduce a table inside an unruled PDF grid ("Program dan
    # anggaran untuk mencapai sasaran tersebut:", 8 words in h04 and d12), more than a label with a colon has
    # ("Keterangan:", "Sumber data:")
    lead_in_words: int = 4


@dataclass(frozen=True)
class LayoutSettings:
    """Tables without full rulings, from the alignment of words across rows (``extractors.pdf_columns``, used
    by the PDF reader on x-coordinates and by ``extractors.text_layout`` on character positions)."""

    # a gap between two words on a PDF line wider than this (points) may be a column gutter: wider than
    # the widest word space of justified prose in the sample PDFs (000, 003) and narrower than the
    # narrowest gutter of their unruled tables and of the no-rules fixture (about 12 pt)
    min_gap: float = 9.0
    # ... and wider than this many line heights (a large font has wider word spaces: fixtures in
    # two fonts, 9 and 10 pt; sample 001's 8 pt tables)
    gap_ratio: float = 1.0
    # in a space-aligned text a run of this many spaces separates columns; pdftotext -layout puts one
    # space between words and at least two between columns (the three sample texts; its own manual)
    text_min_spaces: int = 2
    # lines with two or more segments a block needs to be a table: two aligned lines are a heading
    # and a value, three start to show columns (no-rules fixture: header plus two rows is the least)
    min_lines: int = 3
    # ... but a block closing the page that the next page's first table continues on the same column edges needs
    # only two: its header and a first row (pdf_columns._foot_piece; h04's Tabel 3.4 as layout text)
    foot_min_lines: int = 2
    # one-segment lines in a row inside a block (a long cell wrapped line after line): sample 001's
    # formula column wraps over 13 lines in its layout text; 003's efficiency table over 11
    max_wrapped: int = 15
    # a gutter is an x range that at most this share of the block's multi-segment lines cross: a
    # spanning header label or a long title crosses it, a column's own values never do (003's
    # efficiency table has 2 spanning labels among about 40 lines; the shaded fixture's header 1 of 12)
    gutter_share: float = 0.15
    # the first column numbers the rows when at least this share of its filled cells are item numbers
    # or budget codes ("1.", "II.", "1.06.02"): then a filled first cell starts a row (samples 000, 001)
    numbering_share: float = 0.5
    # without rules, a vertical gap this many line heights wider than the block's usual line gap
    # starts a row (cell padding between rows; fixtures in both fonts pad rows by 4-6 pt on 9-10 pt
    # text, wrapped lines inside a cell stand 1-2 pt apart)
    row_gap: float = 0.35
    # a table goes on over a vertical gap of at most this many line heights on a PDF page (a row's
    # padding; a paragraph break is wider: sample PDFs 000 and 003)
    block_gap: float = 1.6
    # ... and over this many blank lines in a space-aligned text: pdftotext -layout leaves two blank
    # lines inside a table where a picture or a tall cell stood (sample 000 Tabel 4, 003 Tabel 3.23)
    text_blank_lines: int = 2
    # a narrow gutter (no wider than a word space, see pdf_columns._narrow_split) needs words on both sides
    # in this many lines: three rows are the fewest that show an alignment (the same least as min_lines)
    narrow_min_lines: int = 3
    # ... and this share of those lines must align on one side of it: left-aligned cells start at one x,
    # right-aligned figures end at one x; a header or a wrapped line may not (dev-set prints d07, h01)
    narrow_align_share: float = 0.6
    # words "align" within this many points (x-coordinates of a PDF are exact to a few hundredths; a
    # space-aligned text's character positions are 5 units apart, so any value below 5 is exact there)
    narrow_align_tol: float = 0.75
    # a word space on a PDF line is about this share of the line's height (Times and Helvetica: 0.25 em
    # and 0.28 em, a line about 1.1 em high)
    word_space_share: float = 0.3
    # a gap no wider than this many word spaces after the same word in every line is a word space
    narrow_space_factor: float = 1.5
    # a column is also cut where its header's lowest labels, further apart than narrow_space_factor word
    # spaces, stand over a body no word crosses between them (pdf_columns._label_split; off: alignment only)
    header_label_split: bool = True
    # rules stand between rows when the bands between them hold, in the median, at most this many lines of
    # figures: a row's figures take one line, two or three where figures too wide for their cells wrap
    # (dev-set E.81 annexes printed on one landscape page); a band of more lines is a group of rows
    ruled_row_lines: int = 4
    # ... and rules stand between rows only where three bands or more hold figures: a table ruled under its
    # header, above its total and at its foot (booktabs style) has two (tests/test_pdf_columns_blocks.py)
    ruled_min_bands: int = 3
    # ... or two on a piece carried on from the page before in its columns (pdf_columns.unruled_tables): its header
    # is not on the page, so two bands are two rows (holdout4 j03's E.81 ending with a row and its JUMLAH on the
    # hrules print; held-out i02's Tabel 3.5 carried onto its next page on LibreOffice's print)
    carried_ruled_min_bands: int = 2
    # lines at a page's foot given back to the headerless table that starts the next page (pdf_orphans): a
    # header of up to three label lines and a first row whose name wraps over up to five lines, as the dev-set
    # prints left them (d07, d09, h04, h05; d01's first budget row "PROGRAM PENUNJANG URUSAN ..." in five)
    orphan_max_lines: int = 8
    # ... each word's centre within this many points of one of the table's columns (a header label is
    # centred or wider than the column's figures by a few points)
    orphan_slack: float = 6.0
    # ... and in a space-aligned text within this many units (three characters: pdftotext -layout sets the
    # columns of each page anew, a header at one page's foot stands up to three characters off the rows of the
    # next: dev-set prints as layout text, h06 Tabel 3.5)
    orphan_slack_text: float = 15.0
    # ... and they stand right under the table's caption, which takes one or two lines ("Tabel 2.3" over
    # its title in d09, h04; one line in d07): a page footer at a page's foot is not under a caption (h06)
    orphan_caption_lines: int = 2
    # two stacked tables in one block (pdf_columns._split_layouts): a line of figures is another table's when
    # at most this share of its segment edges stand where an edge above stands, within layout_anchor_tol
    # points (a shared first column "No" matches; the other columns of a table laid out anew do not)
    layout_new_share: float = 0.25
    layout_anchor_tol: float = 1.5
    # a rule is across a block when it reaches to within this many line heights of the block's left and right
    # edges (a table's frame stands in its cell padding, a little outside its text)
    rule_reach: float = 2.0
    # two words of one line closer than this share of the line's height are a word space apart; wider gaps are
    # gutters (a font's space is a quarter to a third of an em, a line about 1.15 em high)
    word_gap: float = 0.5
    # a line of this many labels or more, each of header words only, printed under rows of figures heads the
    # table's next piece (d11's print: "No | Kegiatan dan Sub Kegiatan | Indikator kegiatan | Target |
    # Realisasi"); fewer may be a wrapped row's last line ("Kinerja | %")
    header_split_labels: int = 3
    # ... and the lines right above it belong to that header while at least this share of their words are header
    # words (h01's print: "No Kode | Program/Kegiatan/Sub Kegiatan | ... | Target Renja | Tingkat Capaian" is
    # 11 of 14; a page footer "LKjIP Dinas Pertanian ... Kabupaten Jember Tahun 2024", d11, is 2 of 9)
    header_label_share: float = 0.5
    # a table's two pieces on two pages stand across the same x range, their left and right edges within this
    # many points (the same columns, the last one's widest cell may differ by a few points)
    carried_span_tol: float = 12.0
    # ... and the rows of figures of one piece stand, on average, on at least this share of the column edges
    # of the other's (a piece's wrapped or merged cells move a few edges; another table moves most of them)
    carried_edge_share: float = 0.5
    # ... within this many character positions in a layout text, whose converter sets each page on a character grid
    # of its own (pdftotext -layout: h04's Tabel 3.4 moves one character between its pages); a PDF keeps its points
    carried_drift_chars: float = 1.0
    # a carried piece may open its page under this many lines of one segment: a heading row spanning the table
    # ("1.04 URUSAN PEMERINTAHAN BIDANG ...", wrapped over up to five lines in a narrow column: h07's E.81)
    carried_heading_lines: int = 6
    # a carried piece is cut on the columns of the piece before it (the same table, so the same column edges on
    # every page of a PDF) where none of its words reaches into two of those columns by more than this many points
    # (a glyph's side bearing: words of one layout touch no other column; another layout's words cross them)
    carried_fit_slack: float = 1.0
    # lines of words under a page's last table are its last row's wrapped text (the table runs on to the next page)
    # where each stands within this many line heights under the line above it: a cell's paragraph gap is under one
    # line (0.9 in holdout4 j03's E.81 on the hrules print); a page number or note stands further down
    closing_wrap_gap: float = 1.5
    # header lines a table may have above its first row of figures: form E.81 prints up to 8 lines of
    # wrapped labels in layout text (003 Tabel 3.23 has 7); more are text above a table
    max_header_lines: int = 10
    # ... and up to this many when a numbering row closes them: form E.81 printed on one landscape page wraps
    # its labels over 15 lines in columns a word wide, then "K Rp", then the numbering (dev-set d09, d03, h07)
    max_header_lines_numbered: int = 30
    # a line of a space-aligned text is a running header or footer (the report's title, agency and year,
    # repeated on every page; in text without form feeds, as pasted from a viewer, it stands inline where a
    # page ended) when, digits aside, it stands this many times in the text: three pages at least, as
    # pdf_running counts them in a PDF. It ends a table's block: above it and below it, the original's two
    # pages may set their columns at different places (dev-set prints d11, h05: footer, page number and the
    # table's repeated header between two rows of one table)
    running_min_repeats: int = 3
    # ... and holds at least this many words: a running title names the report, the agency and the year (6-11
    # words in the dev set), while a wrapped cell line that repeats is a short phrase ("Kabupaten/Kota",
    # "Keanggotaan dalam Daerah Kabupaten/Kota": 1-4 words in d11, h03, h05)
    running_min_words: int = 5
    # ... and starts within this many characters of the page's left margin (its least indented line): a
    # running title is set at the margin, 0-4 characters in across the dev set's prints (pdftotext shifts a
    # page's text a few columns), while wrapped cell text that repeats with five words or more stands in its
    # column, 16-50 characters in (sample 001's Tabel 3.5); a running title also holds a figure, the
    # report's year or a page number, and does not start with an item number
    running_margin: int = 4
    # rows of cells centred vertically (pdf_columns.centred_rows): a cell's first and last lines stand as far from
    # its row's middle within this many lines. pdftotext -layout puts a line set half-way between two lines on
    # one of them (LibreOffice's prints of d07 and h06: a two-line name beside one-line figures and codes)
    centred_tol: float = 0.5
    # a column of figures on a character grid is of one kind (percentages, or amounts of a million or more) when
    # this share of its figures are (pdf_columns._by_kind), so that a line's only figure of the other kind there,
    # beside an empty column of its kind, was placed a few characters off: a piece of a few rows (d01's print as
    # layout text) holds two such figures among five amounts; the figure is moved only into an empty neighbour of
    # its own kind, so a budget table's small amounts beside its "%" column stay
    kind_share: float = 0.6
    # a line wrapped in a cell stands under the line above it within this share of a line's height (the font's
    # leading); a page's footer or the next table's header printed under a table's last row stands further
    # (pdf_columns._trailing, _row_end: d12's and h05's prints)
    row_wrap_gap: float = 0.6
    # the last digits of a figure cut at its cell's edge stand within this many of their own widths of the cut
    # figure's ends on the line above (grid_cells.rests_of_cuts): left-aligned, right-aligned or centred under it,
    # "0" under "165.471.330.00"; the next column's figure stands further (LibreOffice's prints as layout text)
    rest_reach: float = 2.0
    # a figure this many word spaces or less after a text cell's last word is glued to it, not a column's own
    # (grid_cells.in_order): pdftotext's single space between a full cell and the next ("... siswa 62": d02's
    # LibreOffice print; d07's and h05's prints as layout text gained rows by it); a column's own figure stands
    # two spaces off or more
    glued_spaces: float = 1.5
    # ... a row takes at most this many lines (the dev set's LibreOffice prints wrap a name or an indicator over
    # up to 7 lines, interleaved with the half-line positions of the shorter cells beside it)
    centred_max_lines: int = 12
    # ... and a table's rows are read as centred only where reading them top-aligned needs this many rows more:
    # rows of one height read the same both ways (shifted by a line), rows of several heights tell (d01, h06)
    centred_min_gain: int = 2
    # ... and this share of the top-aligned reading's rows: a top-aligned table whose columns are misread may
    # let a few two-line rows read centred (reportlab's prints as layout text: d07, d12, d06, d10 save 2 of their
    # 9-15 rows, 0.13-0.22), while LibreOffice's centred tables save a quarter to two thirds of theirs
    centred_min_share: float = 0.25
    # a layout text's line whose every figure is the rest of one cut on the line above (text_layout.mend_rest_lines)
    # is mended before the column finder only with this many rests: a row of many narrow figure columns cut
    # together (d03's and d09's E.81 rows cut 7-9 amounts each); a figure or two cut in a wider table (a sisa
    # column: LibreOffice's prints of i02 and d12) are mended in their cells, once the finder placed the line
    rest_min_figures: int = 3
    # ... a rest stands at most this many character places off its figure (pdftotext set d03's two off, d09's E.81
    # three: "00" under "Pe 460.000.0", its figure after a cut unit)
    rest_slack_chars: int = 3
    # a layout text's row of this many figures or more opens a row of a wide evaluation form, read by itself
    # (extractors.form_rows): the E.81 of Permendagri 86/2017 prints 14 to 20 figures a row (d03 16, h07 18, d09
    # 20); the widest ordinary tables print six (target, realisasi, capaian, pagu, realisasi, %) to nine (three
    # years' T / R / %)
    form_min_figures: int = 10
    # ... in this many rows of one table at least: one such line alone may be a total's or a stray line's
    form_min_rows: int = 2
    # ... and a wrapped line's word starts a text cell at most this many character places off the place the row's
    # other wrapped lines start it (pdftotext sets a row's lines one or two places apart: d03, d09, h07)
    form_align_chars: int = 2
    # a form's header label stands up to this many characters left of the start of its column's K / Rp label or
    # column number (holdout4 j03's E.81 as layout text: "Kode" 3 left of its "3", "Target" 2 left of its "K"; dev-set
    # d03's labels stand where their numbers do)
    form_label_slack_chars: int = 3


@dataclass(frozen=True)
class ProseSettings:
    """Figures in the running text (``pipeline.check.narrative``)."""

    # a passage longer than this is no paragraph: the longest paragraphs of the samples and the dev set
    # run to a few thousand characters; a converter that lost every line break gives one line of megabytes,
    # which would only cost minutes to read as sentences
    max_passage_chars: int = 50_000
    # on a PDF page, a paragraph ends where two lines stand further apart than the page's usual spacing between
    # lines (pipeline.check.prose._usual_gaps) by more than this many line heights (the text's own blank line
    # between paragraphs is lost there). The dev-set prints set lines 0.13 (reportlab) and 0.34 (LibreOffice) line
    # heights apart and paragraphs 0.61 and 1.06; Word's 1.5 spacing with 8 pt after a paragraph about 0.7 and 1.4:
    # each paragraph stands at least 0.45 further. Joined, a worked formula or a heading runs into the next
    # paragraph's sentence and its figure is read against another indicator (h06)
    paragraph_gap: float = 0.35
    # a worked formula is read against the indicator a sentence introduced at most this many paragraphs before it
    # on a PDF page, as within 8 lines of a converted text (a paragraph on one line, a blank line between: 4); an
    # introduction pages earlier names another indicator (h06's prints: "dihitung dengan rumus ..." on page 3
    # taken for the SP2D formula of page 5)
    formula_reach: int = 4
    # a prose figure of this many digits or more, one changed or two swapped against a row's realisasi, names the
    # row's indicator by two content words (three otherwise, slip_name_words below): among six digits or more
    # such a likeness is no chance ("4.521.300" for 4.512.300, holdout3 i04)
    slip_long_digits: int = 6
    # content words an indicator's name needs to be recognised in running text: four in general (a shorter name,
    # "Nilai SAKIP", is too vague); three for a slip, where the figure itself, one digit off the row's realisasi,
    # is most of the evidence ("Tingkat pengangguran terbuka ... 5,53%" for 5,35: dev d04)
    name_words: int = 4
    slip_name_words: int = 3
    # an amount of rupiah a slip is told in: digits enough that one changed or two swapped are no chance (nine: a
    # hundred million and more, a program's budget), and not a round amount (four non-zero digits at least:
    # 150.000.000 and 160.000.000 are two budgets, not one mistyped; dev d02's 246.371.045.624 for 247.371...)
    slip_amount_digits: int = 9
    slip_amount_figures: int = 4
    # two expected percentages nearer than this are one value printed to two decimals ("112,43" and 112,4256):
    # a prose figure's own-ratio finding and its table finding are then one finding (holdout h02's Ringkasan)
    same_value: float = 0.01
    # the prose before a figure that names it in a flag's subject: about ten words (pipeline.check.prose.words_before)
    subject_chars: int = 60
    # words a name must have for a "semakin rendah ... semakin baik" passage printing it whole to set its polarity:
    # shorter names ("IKM") could stand for anything (pipeline.check.polarity.named_lower_in_prose)
    named_min_words: int = 3
    # lines under a cut figure outside a table where its rest may stand: the next line of its cell, or the one after
    # where a centred neighbour cell's line falls between (d06's prints put the rest on the very next line; one more
    # is slack: pipeline.check.malformed)
    rest_lines: int = 2


@dataclass(frozen=True)
class CoverageSettings:
    """What is reported as not read (``pipeline.coverage``)."""

    # a table about performance or budget with at least this many figures, none of which ended in a
    # record, gets an info flag naming it: fewer are a page number, a year or a lone count in a heading
    # table (the samples' unread tables with figures hold 1-3 such stray figures or dozens of real ones)
    unread_min_figures: int = 4


@dataclass(frozen=True)
class Settings:
    types: TypeSettings = field(default_factory=TypeSettings)
    align: AlignSettings = field(default_factory=AlignSettings)
    arith: ArithSettings = field(default_factory=ArithSettings)
    confidence: ConfidenceSettings = field(default_factory=ConfidenceSettings)
    totals: TotalSettings = field(default_factory=TotalSettings)
    coverage: CoverageSettings = field(default_factory=CoverageSettings)
    prose: ProseSettings = field(default_factory=ProseSettings)
    cross: CrossTableSettings = field(default_factory=CrossTableSettings)
    header: HeaderSettings = field(default_factory=HeaderSettings)
    layout: LayoutSettings = field(default_factory=LayoutSettings)
    join: JoinSettings = field(default_factory=JoinSettings)

    def override(self, **dotted: Any) -> Settings:
        """A copy with fields replaced by dotted name: ``override(**{"arith.share": 0.7})``."""
        groups: dict[str, dict[str, Any]] = {}
        for name, value in dotted.items():
            group, _, attr = name.partition(".")
            if not attr or not hasattr(self, group) or not hasattr(getattr(self, group), attr):
                raise KeyError(f"unknown setting '{name}'")
            current = getattr(getattr(self, group), attr)
            groups.setdefault(group, {})[attr] = type(current)(value) if not isinstance(current, tuple) else value
        return dataclasses.replace(self, **{g: dataclasses.replace(getattr(self, g), **kv) for g, kv in groups.items()})

    def as_dict(self) -> dict[str, Any]:
        """Every setting by dotted name (written into the run's manifest)."""
        return {f"{g.name}.{k}": v for g in dataclasses.fields(self) for k, v in
                dataclasses.asdict(getattr(self, g.name)).items()}


DEFAULT = Settings()
