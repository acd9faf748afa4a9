"""Plausibility guards of the check stage, on small made-up tables: subtotals among the children, a lone
child far from its parent, a table whose parents mostly disagree (misread, not wrong)."""

from extractors.numbers import parse_number
from extractors.settings import DEFAULT
from pipeline.check.totals import check_totals, subtotal_groups
from schemas.records import BudgetLine

P = parse_number


def line(name: str, pagu: str, real: str, pos: int, level: str = "other", total: bool = False, table: str = "t01",
         kode: str = "") -> BudgetLine:
    from extractors.rows import parent_of

    return BudgetLine("d", "f.txt", table, None, 10 + pos, kode, "total" if total else level, name, P(pagu), P(real),
                      P(""), P(""), is_total=total, parent_kode=parent_of(kode), position=pos)


def by_type(total_pagu: str = "1.000.000", modal_real: str = "280.000", total_real: str = "880.000"
            ) -> list[BudgetLine]:
    """Spending by type: two numbered subtotals, each above its items, and the TOTAL of the subtotals."""
    return [
        line("Belanja Operasi", "700.000", "600.000", 0),
        line("Belanja Pegawai", "400.000", "350.000", 1),
        line("Belanja Barang dan Jasa", "300.000", "250.000", 2),
        line("Belanja Modal", "300.000", modal_real, 3),
        line("Belanja Modal Peralatan dan Mesin", "200.000", "180.000", 4),
        line("Belanja Modal Gedung dan Bangunan", "100.000", "100.000", 5),
        line("TOTAL BELANJA", total_pagu, total_real, 6, total=True),
    ]


def errors(flags: list) -> list:
    return [f for f in flags if f.severity != "info"]


def test_subtotals_are_recognised_by_their_figures() -> None:
    rows = by_type()[:-1]
    groups = subtotal_groups(rows)
    assert groups is not None and [head.uraian for head, _ in groups] == ["Belanja Operasi", "Belanja Modal"]
    assert [len(items) for _, items in groups] == [2, 2]
    # plain rows that are not subtotals of what follows cannot be cut into groups
    assert subtotal_groups([line("A", "10", "9", 0), line("B", "20", "18", 1), line("C", "30", "29", 2)]) is None


def test_total_of_subtotals_is_not_a_finding() -> None:
    # the sum of every row is twice the TOTAL: comparing with it would be a false alarm
    assert check_totals(by_type()) == []


def test_total_is_checked_against_the_subtotals_and_each_subtotal_against_its_items() -> None:
    [flag] = errors(check_totals(by_type(total_pagu="1.100.000")))
    assert flag.line == 16 and (flag.reported, flag.expected) == (1_100_000, 1_000_000)
    # a subtotal whose realisasi is not the sum of its items (its pagu still marks it as the subtotal)
    [flag] = errors(check_totals(by_type(modal_real="290.000", total_real="890.000")))
    assert flag.line == 13 and flag.subject.endswith("(realisasi)") and flag.expected == 280_000
    # the same slip with the TOTAL summing the items: the total disagrees with the printed subtotals too (a total
    # over subtotal rows is footed as printed, the golds of h04 and d10; totals._explained_by_child)
    flags = errors(check_totals(by_type(modal_real="290.000")))
    assert sorted((f.line, f.expected) for f in flags) == [(13, 280_000), (16, 890_000)]


def test_children_summing_to_twice_the_parent_only_give_an_info_flag() -> None:
    # subtotals among the children, but not recognisable group by group (the items are not in order)
    rows = [line("Program A", "100", "80", 0, level="program"),
            line("Belanja X", "60", "50", 1, level="kegiatan"),
            line("Belanja Y", "30", "20", 2, level="kegiatan"),
            line("Belanja Z", "70", "50", 3, level="kegiatan"),
            line("Belanja W", "40", "40", 4, level="kegiatan")]
    flags = check_totals(rows)
    assert errors(flags) == [] and [f.severity for f in flags] == ["info"]
    assert "subtotal" in flags[0].message


def test_lone_child_after_a_heading_is_not_a_child() -> None:
    # program (position 0), a heading without figures (position 1, no record), one unrelated row
    rows = [line("Program A", "500.000", "400.000", 0, level="program"),
            line("Sub kegiatan B", "480.000", "390.000", 2, level="sub_kegiatan")]
    assert errors(check_totals(rows)) == []
    # right under its parent, the same figures are a finding
    rows[1] = line("Sub kegiatan B", "480.000", "390.000", 1, level="sub_kegiatan")
    [flag] = check_totals(rows)
    assert flag.kind == "total_mismatch" and flag.expected == 480_000


def test_lone_child_far_from_its_parent_needs_a_second_witness() -> None:
    rows = [line("Kegiatan A", "175.000.000", "138.000.000", 0, level="kegiatan"),
            line("Sub kegiatan B", "22.000.000", "18.000.000", 1, level="sub_kegiatan")]
    assert errors(check_totals(rows, DEFAULT)) == []
    # the parent prints exactly the pair of another row of the table: copied figures, a finding
    copied = [line("Kegiatan Z", "175.000.000", "138.000.000", 0, level="kegiatan"),
              line("Sub kegiatan Y", "175.000.000", "138.000.000", 1, level="sub_kegiatan"),
              *[line(b.uraian, b.pagu.raw, b.realisasi.raw, b.position + 2, level=b.level) for b in rows]]
    flags = check_totals(copied)
    assert [(f.line, f.expected) for f in flags] == [(12, 22_000_000)]
    # another table gives the parent, by name, its child's pagu
    other = [line("Kegiatan A", "22.000.000", "18.000.000", 0, level="kegiatan", table="t02")]
    [flag] = check_totals(rows + other)
    assert flag.table_id == "t01" and flag.expected == 22_000_000


def test_table_whose_parents_mostly_disagree_is_misread() -> None:
    # four programs, each "child" list shifted: three of four parents disagree in pagu
    rows = []
    for i, (parent, kids) in enumerate([("100", ("60", "30")), ("200", ("70", "50")), ("300", ("90", "40")),
                                        ("400", ("300", "100"))]):
        rows.append(line(f"Program {i}", parent, "", 3 * i, level="program"))
        rows.extend(line(f"Kegiatan {i}.{k}", v, "", 3 * i + 1 + k, level="kegiatan") for k, v in enumerate(kids))
    flags = check_totals(rows)
    assert errors(flags) == [] and len(flags) == 1 and "salah terbaca" in flags[0].message
    # one wrong parent in four is a finding
    rows[0] = line("Program 0", "100", "", 0, level="program")
    rows[3] = line("Program 1", "120", "", 3, level="program")
    rows[6] = line("Program 2", "130", "", 6, level="program")
    assert [(f.line, f.reported) for f in errors(check_totals(rows))] == [(10, 100)]


def test_sub_kegiatan_whose_name_wrapped_stays_a_child() -> None:
    # "1.02.01.2.01.02 Penyediaan ..." printed without figures (position 2), its figures on the continuation
    # line without a code (position 3)
    rows = [line("Kegiatan A", "435.000", "450.000", 0, level="kegiatan", kode="1.02.01.2.01"),
            line("Sub A1", "250.000", "269.000", 1, level="sub_kegiatan", kode="1.02.01.2.01.01"),
            line("Kabupaten/Kota", "185.000", "181.000", 3, level="other"),
            line("Kegiatan B", "920.000", "906.000", 4, level="kegiatan", kode="1.02.01.2.02"),
            line("Kabupaten/Kota", "620.000", "612.000", 6, level="other"),
            line("Sub B3", "325.000", "294.000", 7, level="sub_kegiatan", kode="1.02.01.2.02.03")]
    flags = errors(check_totals(rows))
    # kegiatan A adds up with its wrapped child; kegiatan B does not (620 + 325 = 945)
    assert [(f.line, f.expected) for f in flags] == [(14, 945_000)]


def test_a_total_over_programs_and_a_unit_kegiatan_standing_alone_is_not_a_finding() -> None:
    """JUMLAH = the programs + a kegiatan a unit (UPTD) prints under its own heading without its program."""
    rows = [
        line("PROGRAM PENUNJANG", "500.000", "450.000", 0, kode="1.01.01"),
        line("Administrasi Keuangan", "500.000", "450.000", 1, kode="1.01.01.2.01"),
        line("PROGRAM PERENCANAAN", "300.000", "290.000", 2, kode="1.01.02"),
        line("Koordinasi Perencanaan", "300.000", "290.000", 3, kode="1.01.02.2.01"),
        line("Pengelolaan Data Statistik", "120.000", "110.000", 4, kode="1.01.05.2.01"),
        line("JUMLAH", "920.000", "850.000", 5, total=True),
    ]
    assert errors(check_totals(rows)) == []
    rows[-1] = line("JUMLAH", "950.000", "850.000", 5, total=True)  # now it is wrong whichever rows it sums
    assert [f.kind for f in errors(check_totals(rows))] == ["total_mismatch"]


def outline(name: str, item: str, pagu: str, real: str, pos: int, total: bool = False) -> BudgetLine:
    from dataclasses import replace

    return replace(line(name, pagu, real, pos, total=total), item=item)


def test_an_outline_numbers_the_hierarchy_so_a_wrong_subtotal_is_found() -> None:
    """Spending by type numbered 1 / 1.1 / 1.2 / 2 / 2.1: a subtotal printed wrong cannot be found by its
    sums, but its number says which rows are its items."""
    rows = [outline("Belanja Operasi", "1", "700.000", "610.000", 0),
            outline("Belanja Pegawai", "1.1", "400.000", "350.000", 1),
            outline("Belanja Barang dan Jasa", "1.2", "300.000", "250.000", 2),
            outline("Belanja Modal", "2", "300.000", "280.000", 3),
            outline("Belanja Modal Peralatan", "2.1", "300.000", "280.000", 4),
            outline("JUMLAH", "", "1.000.000", "890.000", 5, total=True)]
    flags = errors(check_totals(rows))
    assert [(f.kind, f.line, f.reported) for f in flags] == [("total_mismatch", 10, 610_000)]


def test_a_units_total_over_its_one_program_is_checked() -> None:
    """"Jumlah Bagian Organisasi" under a unit with one program prints a realisasi 10.000.000 short of it (dev d10):
    a finding, as a unit's total over several programs is."""
    from dataclasses import replace

    rows = [replace(line("PROGRAM PENUNJANG", "649.450.000", "627.112.500", 0, level="program", kode="4.01.01"),
                    section="III. BAGIAN ORGANISASI"),
            replace(line("Penataan Organisasi", "649.450.000", "627.112.500", 1, level="kegiatan",
                         kode="4.01.01.2.13"), section="III. BAGIAN ORGANISASI"),
            replace(line("Jumlah Bagian Organisasi", "649.450.000", "617.112.500", 2, total=True),
                    section="III. BAGIAN ORGANISASI", group_total=True)]
    [flag] = errors(check_totals(rows))
    assert (flag.line, flag.reported, flag.expected) == (12, 617_112_500, 627_112_500)


def test_a_total_that_is_not_its_rows_sum_and_another_tables_total_is_two_findings() -> None:
    """Tabel 3.4's JUMLAH prints a pagu 90.000.000 above its rows; Tabel 3.5's JUMLAH BELANJA prints their sum
    (dev d05; the golds of d05, h03 and h07 list both kinds). Where no other table prints the sum, one finding."""
    from pipeline.check.totals import totals_elsewhere

    rows = [line("Program A", "1.000.000.000", "900.000.000", 0, level="program", kode="1.01.01"),
            line("Program B", "2.904.755.400", "1.945.799.362", 1, level="program", kode="1.01.02"),
            line("JUMLAH", "3.994.755.400", "2.845.799.362", 2, total=True)]
    other = [line("Belanja Pegawai", "3.904.755.400", "2.845.799.362", 0, table="t02"),
             line("JUMLAH BELANJA", "3.904.755.400", "2.845.799.362", 1, total=True, table="t02")]
    found = check_totals(rows)
    [flag] = totals_elsewhere(found, rows + other)
    assert (flag.kind, flag.line, flag.reported, flag.expected) == ("cross_table_mismatch", 12, 3_994_755_400,
                                                                    3_904_755_400)
    assert totals_elsewhere(found, rows) == []
