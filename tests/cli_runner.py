"""Run `lkjip extract` as a batch job would: a separate process, its exit code checked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def extract_cli(files: list[Path], out: Path, timeout: int = 600) -> None:
    """`lkjip extract FILES -o OUT --no-reports -q`, failing the test with the command's stderr."""
    code = "import sys; from pipeline.cli import main; sys.argv[0] = 'lkjip'; sys.exit(main())"
    proc = subprocess.run([sys.executable, "-c", code, "extract", *map(str, files), "-o", str(out), "--no-reports",
                           "-q"], cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, proc.stderr[-2000:]
