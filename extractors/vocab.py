"""The closed vocabularies of the understanding stage: column types, column roles, row levels, table kinds.

Each is a ``StrEnum``: a member is equal to its string value, so records and CSV columns keep the
contract's plain words ("capaian", "sub_kegiatan", "anggaran") while code compares against members,
never against bare strings typed in place.
"""

from __future__ import annotations

from enum import StrEnum


class ColType(StrEnum):
    """What the values of a column are, read from the values alone (``extractors.coltypes``)."""

    PERCENT = "percent"  # "35,52%", "100 %", or bare numbers in 0..~300 under a % header
    MONEY = "money"  # large amounts with thousands groups ("2.456.653.000", "Rp 1.234.567,00")
    COUNT = "count"  # a number with a unit word ("1.250 Orang", "35 Puskesmas")
    NUMBER = "number"  # plain numbers that are none of the above
    CODE = "code"  # budget codes ("1.06.01.2.01"), numbering ("1.", "I.", "a)")
    YEAR = "year"  # 2019..2099
    GRADE = "grade"  # qualitative values ("Baik", "B", "72/BB", "WTP")
    TEXT = "text"  # names, sentences
    EMPTY = "empty"  # nothing printed


class Role(StrEnum):
    """What a column is in the table's meaning (``extractors.understand``)."""

    NO = "no"
    KODE = "kode"
    URAIAN = "uraian"  # program / kegiatan / sub-kegiatan / belanja names
    SASARAN = "sasaran"
    TUJUAN = "tujuan"
    STRATEGI = "strategi"
    INDIKATOR = "indikator"
    SATUAN = "satuan"
    FORMULA = "formula"
    KET = "ket"  # keterangan, predikat, interpretasi, sumber ...
    TARGET = "target"
    REALISASI = "realisasi"
    CAPAIAN = "capaian"
    PAGU = "pagu"
    REALISASI_ANGGARAN = "realisasi_anggaran"
    PERSEN = "persen"  # realisasi anggaran / pagu x 100
    SISA = "sisa"
    YEAR = "year"  # a value of another year than the one the table reports
    RENSTRA = "renstra"  # a Renstra / RPJMD end target, or the capaian against it
    PART = "part"  # a part of a figure: a quarter of the year's, a formula's pembilang or penyebut
    COMPARISON = "comparison"  # another body's figure printed beside the agency's (nasional, provinsi)
    DERIVED = "derived"  # a figure derived from others that is not one of ours: efisiensi, deviasi, rata-rata
    OTHER = "other"  # words that name no role we know
    CONTINUES = ""  # no header of its own: continues the text column to its left


TEXT_ROLES = frozenset({Role.NO, Role.KODE, Role.URAIAN, Role.SASARAN, Role.TUJUAN, Role.STRATEGI, Role.INDIKATOR,
                        Role.SATUAN, Role.FORMULA, Role.KET})
VALUE_ROLES = frozenset({Role.TARGET, Role.REALISASI, Role.CAPAIAN, Role.PAGU, Role.REALISASI_ANGGARAN,
                         Role.PERSEN, Role.SISA})
MEASURE_ROLES = frozenset({Role.TARGET, Role.REALISASI, Role.CAPAIAN})
MONEY_ROLES = frozenset({Role.PAGU, Role.REALISASI_ANGGARAN, Role.SISA})


class Level(StrEnum):
    """Where a row stands in the report's hierarchy."""

    TUJUAN = "tujuan"
    SASARAN = "sasaran"
    IKU = "iku"
    URUSAN = "urusan"
    PROGRAM = "program"
    KEGIATAN = "kegiatan"
    SUB_KEGIATAN = "sub_kegiatan"
    TOTAL = "total"
    OTHER = "other"


class TableKind(StrEnum):
    PERJANJIAN_KINERJA = "perjanjian_kinerja"
    CAPAIAN_KINERJA = "capaian_kinerja"
    IKU = "iku"
    ANGGARAN = "anggaran"
    EFISIENSI = "efisiensi"
    RENSTRA = "renstra"
    OTHER = "other"
