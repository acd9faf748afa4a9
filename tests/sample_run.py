"""The three sample reports (as text) extracted once per test session, reports included, for the report,
site and panel tests."""

from __future__ import annotations

import atexit
import shutil
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "data" / "raw").glob("*.txt"))


def run_cli(*args: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    code = "import sys; from pipeline.cli import main; sys.argv[0] = 'lkjip'; sys.exit(main())"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


@cache
def sample_out(lang: str = "id") -> Path:
    """An output folder of `lkjip extract` over the three sample texts (with reports), made once."""
    folder = Path(tempfile.mkdtemp(prefix=f"lkjip-samples-{lang}-"))
    atexit.register(shutil.rmtree, folder, True)
    raw = folder / "raw"
    raw.mkdir()
    for path in SAMPLES:
        shutil.copyfile(path, raw / path.name)
    out = folder / "out"
    proc = run_cli("extract", str(raw), "-o", str(out), "-q", "--workers", "2", "--lang", lang)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return out
