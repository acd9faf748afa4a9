"""Shared pytest fixtures."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest
from script_loader import load_script

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "tests" / "fixtures" / "generated"
SHARED = ROOT.parent / "shared"
SCORE_PY = Path(os.environ.get("LKJIP_SCORE_PY", SHARED / "eval" / "score.py"))


# --- PDF fixtures (scripts/make_fixtures.py writes them into tests/fixtures/generated/, gitignored) ---


@pytest.fixture(scope="session")
def pdf_fixtures() -> dict[str, Path]:
    """Small generated PDFs by name: ruled, landscape, unruled, multipage, wrapped, rotated, scanned."""
    return load_script("make_fixtures").build(GENERATED)


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    """../shared/eval/score.py, the scorer users and CI measure with (skipped where it is absent)."""
    if not SCORE_PY.is_file():
        pytest.skip(f"the shared scorer is absent ({SCORE_PY}); set LKJIP_SCORE_PY to score.py")
    spec = importlib.util.spec_from_file_location("lkjip_shared_score", SCORE_PY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
