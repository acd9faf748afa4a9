"""The `lkjip` command: `lkjip extract PATH... -o OUT`."""

from __future__ import annotations

import logging
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pipeline.batch import UsageError, collect_inputs, is_terminal, run_batch
from pipeline.write import write_outputs
from schemas.records import Extraction

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn LKjIP performance reports into clean, checked data.")
err = Console(stderr=True)
EXIT_FAILED = 3
EXIT_USAGE = 2


@app.callback()
def _root() -> None:
    """lkjip: extract and check LKjIP / LAKIP reports."""


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Report files (.txt, .md, .pdf) and/or folders.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder.")] = Path("data/out"),
    workers: Annotated[int, typer.Option(help="Files read in parallel (processes).", min=1)] = 1,
    scheduler: Annotated[str | None, typer.Option(help="dask.distributed scheduler address.")] = None,
    reports: Annotated[bool, typer.Option("--reports/--no-reports", help="Write xlsx/html reports.")] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Debug logging.")] = False,
) -> None:
    """Extract every report under PATHS into OUT (CSV, Parquet, lkjip.duckdb)."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING if quiet else logging.INFO,
                        format="%(levelname)s %(message)s", stream=sys.stderr)
    try:
        inputs = collect_inputs(paths)
    except UsageError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    results = _run(inputs, workers, scheduler, quiet)
    try:
        write_outputs(results, out)
        if reports:
            from pipeline.report import write_reports

            write_reports(results, out)
    except OSError as exc:
        err.print(f"[red]error:[/red] cannot write to {out}: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    failed = [r for r in results if r.info.status == "failed"]
    if not quiet:
        _summary(results, out)
    for r in failed:
        err.print(f"[red]failed:[/red] {r.info.source_file}: {r.info.error}")
    if failed:
        raise typer.Exit(EXIT_FAILED)


def _run(inputs: list[Path], workers: int, scheduler: str | None, quiet: bool) -> list[Extraction]:
    log = logging.getLogger("lkjip")
    if quiet or not is_terminal():
        def report(ext: Extraction) -> None:
            log.info("%s: %s (%d measurements, %d budget rows, %d flags)", ext.info.source_file, ext.info.status,
                     ext.info.n_measurements, ext.info.n_budget, ext.info.n_flags)
        try:
            return run_batch(inputs, workers, scheduler, on_done=report)
        except UsageError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(EXIT_USAGE) from None
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("extracting", total=len(inputs))
        try:
            return run_batch(inputs, workers, scheduler, on_done=lambda _: progress.advance(task))
        except UsageError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(EXIT_USAGE) from None


def _summary(results: list[Extraction], out: Path) -> None:
    status = Counter(r.info.status for r in results)
    severity = Counter(f.severity for r in results for f in r.flags)
    n_meas = sum(len(r.measurements) for r in results)
    n_budget = sum(len(r.budget) for r in results)
    err.print(f"{len(results)} file(s): " + ", ".join(f"{n} {s}" for s, n in sorted(status.items()))
              + f"; {n_meas} measurements, {n_budget} budget rows; flags: "
              + (", ".join(f"{n} {s}" for s, n in sorted(severity.items())) or "none")
              + f"\noutputs in {out}/ (CSV, Parquet, lkjip.duckdb)")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
