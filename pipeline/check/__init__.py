"""The check stage: recompute every figure that can be recomputed and flag disagreements.

INTERFACE (fixed):
    check(extraction: Extraction) -> list[Flag]
        Fills capaian_computed / polarity / formula on each Measurement and persen_computed /
        sisa_computed on each BudgetLine, and returns the flags.
"""
