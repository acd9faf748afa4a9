"""A finding about columns names them as the table prints them (``pipeline.check.labels``)."""

from __future__ import annotations

from extractors.model import Table
from pipeline.check.labels import with_printed_labels
from schemas.records import Flag

TABLE = Table("t08", "Tabel 3.9 Realisasi Anggaran", ["Uraian", "Anggaran Setelah Perubahan (Rp)", "Realisasi (Rp)",
                                                     "%", "Sisa Anggaran (Rp)"], [],
              roles=["uraian", "pagu", "realisasi_anggaran", "persen", "sisa"])


def _flag(subject: str, table_id: str = "t08") -> Flag:
    return Flag("d", "f.pdf", table_id, 9, None, "total_mismatch", "error", subject, 3994755400.0, 3904755400.0,
                90000000.0, "...")


def test_the_compared_columns_are_named_by_their_printed_labels() -> None:
    [flag] = with_printed_labels([_flag("JUMLAH (pagu+sisa)")], [TABLE])
    assert flag.subject == "JUMLAH (pagu+sisa: Anggaran Setelah Perubahan (Rp); Sisa Anggaran (Rp))"
    assert (flag.reported, flag.expected) == (3994755400.0, 3904755400.0)


def test_a_label_that_only_repeats_the_role_is_left_out() -> None:
    [flag] = with_printed_labels([_flag("JUMLAH (realisasi)")], [TABLE])
    assert flag.subject == "JUMLAH (realisasi)"


def test_subjects_without_columns_or_of_unknown_tables_stay_as_they_are() -> None:
    flags = [_flag("Penyediaan Jasa Kantor"), _flag("JUMLAH (pagu)", table_id="t99"),
             _flag("Program X (Rp per triwulan)")]
    assert [f.subject for f in with_printed_labels(flags, [TABLE])] == [
        "Penyediaan Jasa Kantor", "JUMLAH (pagu)", "Program X (Rp per triwulan)"]
