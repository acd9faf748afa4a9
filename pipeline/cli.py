"""The `lkjip` command: `lkjip extract PATH... -o OUT` (also `python -m pipeline extract ...`).

`lkjip extract --set NAME=VALUE` (repeatable) overrides a setting of ``extractors.settings`` by its
dotted name for the run; `lkjip settings` prints every setting with its value.

Exit codes: 0 every file ok or partial; 3 some files failed (the others are still written);
2 usage error (no such path, no supported files, bad option, unusable output folder);
1 the outputs could not be written.
"""

from __future__ import annotations

import difflib
import logging
import math
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import pandas as pd
import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extractors.settings import DEFAULT, Settings
from pipeline.batch import UsageError, collect_inputs, run_batch
from pipeline.write import DB_NAME, one_line, write_outputs
from schemas.records import Extraction

try:  # typer >= 0.2x carries its own copy of click
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
    from typer._click.exceptions import UsageError as ClickUsageError
except ImportError:  # pragma: no cover - older typer on plain click
    from click.exceptions import ClickException, NoArgsIsHelpError  # type: ignore[assignment]
    from click.exceptions import UsageError as ClickUsageError  # type: ignore[assignment]

EXIT_OK, EXIT_WRITE, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3
LOGGERS = ("pipeline", "extractors", "schemas", "lkjip")
log = logging.getLogger("lkjip")

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn LKjIP performance reports into clean, checked data.")


@app.callback()
def _root() -> None:
    """lkjip: extract and check LKjIP / LAKIP reports."""


def _usage(message: str) -> typer.Exit:
    typer.echo(f"error: {one_line(message)}", err=True)
    return typer.Exit(EXIT_USAGE)


@contextmanager
def _logging(level: int, console: Console | None) -> Iterator[None]:
    """Our loggers at `level` on stderr for the duration of the command (others stay at WARNING)."""
    handler: logging.Handler
    if console is not None:  # on a terminal: log lines above the progress bar
        handler = RichHandler(console=console, show_path=False, markup=False)
    else:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    previous = {name: logging.getLogger(name).level for name in LOGGERS}
    root.addHandler(handler)
    for name in LOGGERS:
        logging.getLogger(name).setLevel(level)
    try:
        yield
    finally:
        root.removeHandler(handler)
        for name, lvl in previous.items():
            logging.getLogger(name).setLevel(lvl)


# --- settings from the command line ------------------------------------------------------------------------
_TRUE, _FALSE = {"true", "yes", "on", "1"}, {"false", "no", "off", "0"}


def _convert(name: str, raw: str, current: Any) -> Any:
    """`raw` as a value of the setting's own type; raises ValueError with the reason."""
    text = raw.strip()
    if isinstance(current, bool):
        if text.lower() not in _TRUE | _FALSE:
            raise ValueError(f"setting {name} expects true or false, got '{raw}'")
        return text.lower() in _TRUE
    if isinstance(current, tuple):
        kind = type(current[0]) if current else str
        items = [t for t in (p.strip() for p in text.split(",")) if t]
        return tuple(_convert(name, item, kind()) for item in items)
    if isinstance(current, int | float):
        kind = "a whole number" if isinstance(current, int) else "a number"
        try:
            value = int(text) if isinstance(current, int) else float(text)
        except ValueError:
            raise ValueError(f"setting {name} expects {kind}, got '{raw}'") from None
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"setting {name} expects {kind} >= 0, got '{raw}'")
        return value
    return text


def parse_settings(assignments: Sequence[str], base: Settings = DEFAULT) -> Settings:
    """`base` with each NAME=VALUE applied (a later one wins); UsageError naming a bad one."""
    known = base.as_dict()
    values: dict[str, Any] = {}
    for item in assignments:
        name, eq, raw = item.partition("=")
        name = name.strip()
        if not eq or not name:
            raise UsageError(f"--set expects NAME=VALUE (e.g. arith.share=0.7), got '{item}'")
        if name not in known:
            close = difflib.get_close_matches(name, list(known), n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            raise UsageError(f"unknown setting '{name}' ({hint}lkjip settings lists them all)")
        try:
            values[name] = _convert(name, raw, known[name])
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    return base.override(**values) if values else base


def _show(value: Any) -> str:
    """A setting's value as --set accepts it ("2,3" for a tuple)."""
    if isinstance(value, tuple):
        return ",".join(str(v) for v in value)
    return str(value).lower() if isinstance(value, bool) else str(value)


def changed_settings(settings: Settings) -> str:
    """The settings that differ from the defaults, or "defaults"."""
    default = DEFAULT.as_dict()
    changed = [f"{k}={_show(v)} (default {_show(default[k])})" for k, v in settings.as_dict().items()
               if v != default[k]]
    return ", ".join(changed) or "defaults"


def _run(inputs: list[Path], workers: int, scheduler: str | None, console: Console | None,
         settings: Settings = DEFAULT) -> list[Extraction]:
    """The batch, with a progress bar on `console` (a terminal) or a log line per file."""
    total = len(inputs)
    if console is None:
        count = 0

        def line(ext: Extraction) -> None:
            nonlocal count
            count += 1
            i = ext.info
            detail = f"{i.n_measurements} measurements, {i.n_budget} budget rows, {i.n_flags} flags"
            log.info("[%d/%d] %s: %s (%s)", count, total, i.source_file, i.status,
                     i.error if i.status == "failed" else detail)

        return run_batch(inputs, workers, scheduler, on_done=line, settings=settings)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    # no refresh thread (auto_refresh off): pool workers are forked from a process without extra threads
    with Progress(*columns, console=console, transient=True, auto_refresh=False) as progress:
        task = progress.add_task("extracting", total=total)
        progress.refresh()
        return run_batch(inputs, workers, scheduler,
                         on_done=lambda _: progress.update(task, advance=1, refresh=True), settings=settings)


def _summary(tables: dict[str, pd.DataFrame], out: Path, reports: bool, settings: Settings = DEFAULT) -> str:
    docs, flags = tables["documents"], tables["flags"]
    status = Counter(docs["status"])
    severity = Counter(flags["severity"])
    files = ["documents", "tables", "measurements", "budget", "flags", "errors"]
    where = f"{out}/: " + ", ".join(f"{n}.csv" for n in files) + " (+ .parquet), " + DB_NAME
    if reports:
        where += ", report.html, reports/*.xlsx"
    return "\n".join([
        f"{len(docs)} file(s): {status['ok']} ok, {status['partial']} partial, {status['failed']} failed",
        f"{len(tables['measurements'])} measurements, {len(tables['budget'])} budget rows, {len(flags)} flags "
        f"({severity['error']} error, {severity['warning']} warning, {severity['info']} info)",
        f"settings: {changed_settings(settings)}",
        f"outputs in {where}",
    ])


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise _usage(f"output folder {out} is a file")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _usage(f"cannot create output folder {out}: {exc.strerror or exc}") from None


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Report files (.txt, .md, .pdf) and/or folders.",
                                                show_default=False)],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder.")] = Path("data/out"),
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Files read in parallel (processes).")] = 1,
    scheduler: Annotated[str | None, typer.Option(help="dask.distributed scheduler address (dask extra).")] = None,
    reports: Annotated[bool, typer.Option("--reports/--no-reports", help="Write the xlsx/html reports.")] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors: no progress, no summary.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Debug logging (with tracebacks).")] = False,
    set_: Annotated[list[str] | None, typer.Option(
        "--set", metavar="NAME=VALUE", show_default=False,
        help="Override a setting by its dotted name (repeatable), e.g. --set arith.share=0.7; "
             "`lkjip settings` lists them.")] = None,
) -> None:
    """Extract every report under PATHS into OUT: CSV, Parquet, lkjip.duckdb and reports."""
    if quiet and verbose:
        raise _usage("--quiet and --verbose cannot be used together")
    try:
        settings = parse_settings(set_ or [])
        inputs = collect_inputs(paths)
    except UsageError as exc:
        raise _usage(str(exc)) from None
    _check_out(out)
    level = logging.DEBUG if verbose else logging.ERROR if quiet else logging.INFO
    console = Console(stderr=True) if not quiet and sys.stderr.isatty() else None
    with _logging(level, console):
        log.info("settings: %s", changed_settings(settings))
        log.debug("all settings: %s", ", ".join(f"{k}={_show(v)}" for k, v in settings.as_dict().items()))
        try:
            results = _run(inputs, workers, scheduler, console, settings)
        except UsageError as exc:
            raise _usage(str(exc)) from None
        try:
            tables = write_outputs(results, out)
            if reports:
                from pipeline.report import write_reports

                write_reports(tables, out)
        except Exception as exc:
            log.debug("writing failed", exc_info=True)
            typer.echo(f"error: cannot write the outputs to {out}: {one_line(f'{type(exc).__name__}: {exc}')}",
                       err=True)
            raise typer.Exit(EXIT_WRITE) from None
    failed = tables["documents"][tables["documents"]["status"] == "failed"]
    for source, error in zip(failed["source_file"], failed["error"], strict=True):
        typer.echo(f"failed: {source}: {error}", err=True)
    if not quiet:
        typer.echo(_summary(tables, out, reports, settings))
    if len(failed):
        raise typer.Exit(EXIT_FAILED)


@app.command("settings")
def show_settings(
    set_: Annotated[list[str] | None, typer.Option(
        "--set", metavar="NAME=VALUE", show_default=False,
        help="Show the values as `lkjip extract` would use them with these overrides.")] = None,
) -> None:
    """Print every setting (the thresholds of extractors/settings.py) with its value."""
    try:
        settings = parse_settings(set_ or [])
    except UsageError as exc:
        raise _usage(str(exc)) from None
    default = DEFAULT.as_dict()
    for name, value in settings.as_dict().items():
        note = f"  (default {_show(default[name])})" if value != default[name] else ""
        typer.echo(f"{name} = {_show(value)}{note}")


def main(argv: list[str] | None = None) -> None:
    """Console-script entry: usage errors as one line on stderr (exit 2), never a traceback."""
    try:
        code = app(args=argv, prog_name="lkjip", standalone_mode=False)
    except NoArgsIsHelpError as exc:
        exc.show()
        code = EXIT_USAGE
    except ClickException as exc:
        hint = " (see lkjip --help)" if isinstance(exc, ClickUsageError) else ""
        typer.echo(f"error: {one_line(exc.format_message())}{hint}", err=True)
        code = exc.exit_code
    except typer.Abort:
        typer.echo("aborted", err=True)
        code = 130
    code = code if isinstance(code, int) else EXIT_OK
    sys.exit(code)


if __name__ == "__main__":
    main()
