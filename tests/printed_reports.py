"""Reports printed by another exporter for the end-to-end tests: each report's converted text as it is, rendered as a
PDF with horizontal rules only on landscape pages in Times (``scripts/make_fixtures.render_text``), and that PDF as
``pdftotext -layout`` text (where Debian's poppler-utils is installed), each folder extracted by the CLI.
Shared by ``tests/test_e2e_styles.py`` and ``tests/test_e2e_forms.py``."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from cli_runner import extract_cli
from script_loader import load_script


def print_reports(reports: dict[str, Path], base: Path) -> dict[str, Path]:
    """``reports``: stem -> the folder holding ``<stem>.txt``. The output folder of each form: text, pdf, layout."""
    render = load_script("make_fixtures").render_text
    folders = {name: base / name for name in ("text", "pdf", "layout")}
    for folder in folders.values():
        (folder / "in").mkdir(parents=True)
    for stem, where in reports.items():
        shutil.copy(where / f"{stem}.txt", folders["text"] / "in" / f"{stem}.txt")
        pdf = folders["pdf"] / "in" / f"{stem}.pdf"
        render(where / f"{stem}.txt", pdf, "hrules", "landscape")
        if shutil.which("pdftotext"):
            subprocess.run(["pdftotext", "-layout", str(pdf), str(folders["layout"] / "in" / f"{stem}.txt")],
                           check=True)
    for folder in folders.values():
        files = sorted((folder / "in").iterdir())
        if files:
            extract_cli(files, folder / "out")
    return {name: folder / "out" for name, folder in folders.items()}
