"""Shared by the evaluation scripts: run lkjip in this process and score its output.

Every report of one evaluation goes through the same loaded code (the pipeline is imported once,
lazily imported stages included), so a run is never a mix of two versions of the code while the
working tree changes; outputs are written with the CLI's own writer, so the CSVs are the contract's.
"""

from __future__ import annotations

import importlib.util
import inspect
import logging
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def load_pipeline() -> None:
    """Import every stage now, the lazily imported ones included."""
    import extractors.text_reader  # noqa: F401
    import pipeline.batch  # noqa: F401
    import pipeline.check  # noqa: F401
    import pipeline.run  # noqa: F401
    import pipeline.write  # noqa: F401

    logging.getLogger().setLevel(logging.ERROR)


def accepts_settings() -> bool:
    from pipeline.run import extract_document

    return len(inspect.signature(extract_document).parameters) >= 2


def extract(paths: Sequence[Path], settings: Any = None) -> list[Any]:
    """One Extraction per path, with ``settings`` when the pipeline takes them."""
    from pipeline.batch import failed, safe_extract
    from pipeline.run import extract_document

    results = []
    for path in paths:
        if settings is None or not accepts_settings():
            results.append(safe_extract(Path(path)))
            continue
        try:
            results.append(extract_document(Path(path), settings))
        except Exception as exc:  # a crash is a failed document, as in the batch
            results.append(failed(Path(path), "internal", exc))
    return results


def write(results: list[Any], out: Path) -> None:
    from pipeline.write import write_outputs

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    write_outputs(results, out)


def load_scorer(path: Path | None = None) -> ModuleType:
    """../shared/eval/score.py as a module (its ``score(gold, out_dir, stem)``)."""
    path = path or SHARED / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("lkjip_score", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_sets(gold_dir: Path, text_dir: Path) -> list[tuple[Path, Path]]:
    """(report .txt, gold .json) pairs: each gold file whose seed text exists."""
    import json

    pairs = []
    for gold in sorted(gold_dir.glob("*.json")):
        try:
            seed = json.loads(gold.read_text(encoding="utf-8")).get("seed") or f"{gold.stem}.txt"
        except (OSError, ValueError):
            continue
        text = text_dir / seed
        if not text.exists():
            text = text_dir / f"{gold.stem}.txt"
        if text.exists():
            pairs.append((text, gold))
    return pairs
