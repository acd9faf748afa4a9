"""The `lkjip` command: `lkjip extract PATH... -o OUT` (also `python -m pipeline extract ...`).

`lkjip extract --set NAME=VALUE` (repeatable) overrides a setting of ``extractors.settings`` by its
dotted name for the run; `lkjip settings` prints every setting with its value.

Exit codes: 0 every file ok or partial; 1 the outputs could not be written (the previous ones are
intact); 2 usage error (no such path, no supported files, bad option, unusable output folder);
3 some files failed (the others are still written); 4 --strict and flags of that severity were
found; 5 another run holds the output folder; 130 interrupted.
"""

from __future__ import annotations

import difflib
import logging
import math
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from extractors.settings import DEFAULT, Settings
from pipeline.batch import UsageError, collect
from pipeline.cache import tool_version
from pipeline.check.messages import LANGS
from pipeline.job import Options, Result, WriteFailed
from pipeline.job import run as run_job
from pipeline.limits import DEFAULT_MAX_MEMORY, DEFAULT_MAX_PAGES, DEFAULT_MAX_PIXELS, DEFAULT_TIMEOUT, Limits
from pipeline.manifest import Locked, NotWritable, lock, prepare
from pipeline.pool import default_workers
from pipeline.write import DB_NAME, one_line

try:  # typer >= 0.2x carries its own copy of click
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
    from typer._click.exceptions import UsageError as ClickUsageError
except ImportError:  # pragma: no cover - older typer on plain click
    from click.exceptions import ClickException, NoArgsIsHelpError  # type: ignore[assignment]
    from click.exceptions import UsageError as ClickUsageError  # type: ignore[assignment]

EXIT_OK, EXIT_WRITE, EXIT_USAGE, EXIT_FAILED, EXIT_STRICT, EXIT_LOCKED = 0, 1, 2, 3, 4, 5
LOGGERS = ("pipeline", "extractors", "schemas", "lkjip")
log = logging.getLogger("lkjip")

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn LKjIP performance reports into clean, checked data.")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lkjip {tool_version()}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version (release+source hash) and exit.")] = False,
) -> None:
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


class _Plain:
    """Progress as log lines (not a terminal): one line per file, failures at WARNING."""

    def __init__(self) -> None:
        self.count = self.total = 0

    def start(self, total: int, cached: int) -> None:
        self.total = total
        if cached:
            log.info("%d file(s) unchanged since an earlier run: taken from the cache", cached)
        if total:
            log.info("reading %d file(s)", total)

    def done(self, info: dict[str, Any], seconds: float) -> None:
        self.count += 1
        if info["status"] == "failed":
            log.warning("[%d/%d] %s: failed (%s)", self.count, self.total, info["source_file"], info["error"])
            return
        detail = (f"{info.get('n_measurements', 0)} measurements, {info.get('n_budget', 0)} budget rows, "
                  f"{info.get('n_flags', 0)} flags")
        log.info("[%d/%d] %s: %s (%s)", self.count, self.total, info["source_file"], info["status"], detail)

    def tick(self, active: list[tuple[str, str]]) -> None:
        pass

    def stop(self) -> None:
        pass


class _Bar:
    """Progress on a terminal: files, pages/s, failures, ETA, and the files being read with their stage."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.progress: Progress | None = None
        self.task: Any = None
        self.pages = self.failed = 0
        self.t0 = time.monotonic()

    def start(self, total: int, cached: int) -> None:
        if cached:
            log.info("%d file(s) unchanged since an earlier run: taken from the cache", cached)
        if not total:
            return
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]}"), TextColumn("{task.fields[failed]}"),
                   TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                   TextColumn("{task.fields[active]}"))
        # no refresh thread (auto_refresh off): workers are forked from this process; the pool refreshes
        self.progress = Progress(*columns, console=self.console, transient=True, auto_refresh=False)
        self.progress.start()
        self.task = self.progress.add_task("files", total=total, rate="", failed="", active="")
        self.t0 = time.monotonic()
        self.progress.refresh()

    def done(self, info: dict[str, Any], seconds: float) -> None:
        if info["status"] == "failed":
            self.failed += 1
            log.warning("%s: failed (%s)", info["source_file"], info["error"])
        self.pages += int(info.get("pages") or 0)
        if self.progress is not None:
            elapsed = max(1e-6, time.monotonic() - self.t0)
            self.progress.update(self.task, advance=1, rate=f"{self.pages / elapsed:.1f} pages/s",
                                 failed=f"{self.failed} failed" if self.failed else "")
            self.progress.refresh()

    def tick(self, active: list[tuple[str, str]]) -> None:
        if self.progress is None:
            return
        names = ", ".join(f"{Path(src).name} ({stage})" for src, stage in active[:3])
        self.progress.update(self.task, active=one_line(names, 60))
        self.progress.refresh()

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


def _summary(result: Result, out: Path, reports: bool, settings: Settings = DEFAULT) -> str:
    status, severity, counts = result.status, result.severity, result.counts
    files = ["documents", "tables", "measurements", "budget", "flags", "errors"]
    where = f"{out}/: " + ", ".join(f"{n}.csv" for n in files) + " (+ .parquet), " + DB_NAME + ", manifest.json"
    if reports:
        where += ", report.html, reports/*.xlsx"
    extra = f", {status['duplicate']} duplicate" if status["duplicate"] else ""
    return "\n".join([
        f"{sum(status.values())} file(s): {status['ok']} ok, {status['partial']} partial, {status['failed']} failed"
        f"{extra} ({result.processed} read, {result.cached} unchanged from the cache, {result.seconds:.1f} s)",
        f"{counts['measurements']} measurements, {counts['budget']} budget rows, {counts['flags']} flags "
        f"({severity['error']} error, {severity['warning']} warning, {severity['info']} info)",
        f"settings: {changed_settings(settings)}",
        f"outputs in {where}",
    ])


SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
EPILOG = f"""\b
Examples:
  lkjip extract reports/ -o out/                    every .txt/.md/.pdf under reports/
  lkjip extract reports/ -o out/ --workers 2 --timeout 300 --max-memory 3000
  lkjip extract reports/ -o out/ --strict error     exit {EXIT_STRICT} when a figure does not add up
  lkjip extract reports/ -o out/ --force            read every file again (ignore the cache)
  lkjip extract reports/ -o out/ --scheduler tcp://10.0.0.5:8786   on a dask cluster

\b
Exit codes:
  {EXIT_OK}    every file read (ok, partial, or a copy of another)
  {EXIT_WRITE}    the outputs could not be written (disk full, read-only): the previous outputs are intact
  {EXIT_USAGE}    usage error: no such path, nothing to read, bad option, unusable output folder
  {EXIT_FAILED}    some files failed (listed in errors.csv); the others are written
  {EXIT_STRICT}    --strict: flags of that severity (or worse) were found
  {EXIT_LOCKED}    another lkjip run is writing to the output folder
  130  interrupted: nothing written; finished files are cached, run again to resume

\b
Unchanged files (same content, settings and lkjip version) are taken from the cache in
OUT/.lkjip/cache; OUT/manifest.json is written last and describes the complete set."""


@app.command(epilog=EPILOG)
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Report files (.txt, .md, .pdf) and/or folders.",
                                                show_default=False)],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder.")] = Path("data/out"),
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1, show_default="the number of cores",
        help="Files read in parallel (worker processes).")] = None,
    scheduler: Annotated[str | None, typer.Option(
        help="dask.distributed scheduler address, e.g. tcp://HOST:8786 (dask extra); the workers must see "
             "the same paths.")] = None,
    timeout: Annotated[float, typer.Option(
        min=0, help="Seconds at most per file (0: no limit); a file over it is ended and listed in errors.csv.")
    ] = DEFAULT_TIMEOUT,
    max_memory: Annotated[int, typer.Option(
        "--max-memory", min=0, metavar="MB", help="Resident memory at most per worker, in MB (0: no limit).")
    ] = DEFAULT_MAX_MEMORY,
    max_pages: Annotated[int, typer.Option(
        "--max-pages", min=0, help="Pages at most per PDF (0: no limit).")] = DEFAULT_MAX_PAGES,
    max_megapixels: Annotated[float, typer.Option(
        "--max-megapixels", min=0, help="Pixels (millions) at most of a page rendered for OCR; a larger page is "
                                        "rendered at a lower dpi (0: no cap).")] = DEFAULT_MAX_PIXELS / 1e6,
    force: Annotated[bool, typer.Option("--force", help="Read every file again, ignoring the cache.")] = False,
    strict: Annotated[str | None, typer.Option(
        metavar="SEVERITY", help=f"Exit {EXIT_STRICT} when flags of this severity or worse appear "
                                 "(error, warning or info).")] = None,
    reports: Annotated[bool, typer.Option("--reports/--no-reports", help="Write the xlsx/html reports.")] = True,
    lang: Annotated[str, typer.Option("--lang", help="Language of the flag messages: id (Indonesian) or en.")] = "id",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors: no progress, no summary.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Debug logging (with tracebacks).")] = False,
    set_: Annotated[list[str] | None, typer.Option(
        "--set", metavar="NAME=VALUE", show_default=False,
        help="Override a setting by its dotted name (repeatable), e.g. --set arith.share=0.7; "
             "`lkjip settings` lists them.")] = None,
) -> None:
    """Extract every report under PATHS into OUT: CSV, Parquet, lkjip.duckdb, reports and manifest.json."""
    if quiet and verbose:
        raise _usage("--quiet and --verbose cannot be used together")
    if strict is not None and strict.lower() not in SEVERITY_RANK:
        raise _usage(f"--strict expects error, warning or info, got '{strict}'")
    if lang not in LANGS:
        raise _usage(f"--lang expects {' or '.join(LANGS)}, got '{lang}'")
    try:
        settings = parse_settings(set_ or [])
        inputs = collect(paths)
    except UsageError as exc:
        raise _usage(str(exc)) from None
    limits = Limits(timeout=timeout or None, max_memory=max_memory or None, max_pages=max_pages or None,
                    max_pixels=int(max_megapixels * 1e6) or None)
    options = Options(workers=workers or default_workers(), scheduler=scheduler, settings=settings, limits=limits,
                      force=force, reports=reports, lang=lang)
    try:
        prepare(out)
    except NotWritable as exc:
        raise _usage(str(exc)) from None
    level = logging.DEBUG if verbose else logging.ERROR if quiet else logging.INFO
    console = Console(stderr=True) if not quiet and sys.stderr.isatty() else None
    with _logging(level, console), _terminated_is_interrupt():
        log.info("settings: %s", changed_settings(settings))
        log.debug("all settings: %s", ", ".join(f"{k}={_show(v)}" for k, v in settings.as_dict().items()))
        progress = _Bar(console) if console is not None else _Plain()
        try:
            with lock(out):
                result = run_job(inputs, out, options, progress)
        except Locked as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(EXIT_LOCKED) from None
        except UsageError as exc:
            raise _usage(str(exc)) from None
        except WriteFailed as exc:
            typer.echo(f"error: {one_line(str(exc))}; the previous outputs in {out} are unchanged", err=True)
            raise typer.Exit(EXIT_WRITE) from None
        except KeyboardInterrupt:
            typer.echo(f"interrupted: nothing was written to {out}; the files finished so far are cached, "
                       "run the same command again to resume", err=True)
            raise typer.Exit(130) from None
    for source, error in result.failed:
        typer.echo(f"failed: {source}: {error}", err=True)
    if not quiet:
        typer.echo(_summary(result, out, reports, settings))
    if result.failed:
        raise typer.Exit(EXIT_FAILED)
    if strict is not None:
        bar = SEVERITY_RANK[strict.lower()]
        found = sum(n for sev, n in result.severity.items() if SEVERITY_RANK.get(sev, -1) >= bar)
        if found:
            typer.echo(f"strict: {found} flag(s) of severity {strict.lower()} or worse", err=True)
            raise typer.Exit(EXIT_STRICT)


@contextmanager
def _terminated_is_interrupt() -> Iterator[None]:
    """SIGTERM (a batch scheduler stopping the job) handled as Ctrl-C: workers ended, nothing half-written."""
    import signal

    def handler(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@app.command("report")
def report(
    out: Annotated[Path, typer.Argument(help="An output folder of lkjip extract.")] = Path("data/out"),
    lang: Annotated[str | None, typer.Option(
        "--lang", help="Render the flag messages again in this language (id or en); default: as written.")] = None,
) -> None:
    """Rebuild the workbooks (reports/*.xlsx), the review site (reports/*.html, reports/index.html) and
    report.html from an existing output folder; the data files are not touched."""
    from pipeline.report import rebuild

    if lang is not None and lang not in LANGS:
        raise _usage(f"--lang expects {' or '.join(LANGS)}, got '{lang}'")
    if not (out / "manifest.json").is_file() and not (out / "documents.parquet").is_file():
        raise _usage(f"{out} is not an lkjip output folder (no manifest.json): run lkjip extract first")
    try:
        with lock(out):
            written = rebuild(out, lang)
    except Locked as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_LOCKED) from None
    except FileNotFoundError as exc:
        raise _usage(str(exc)) from None
    except OSError as exc:
        typer.echo(f"error: cannot write the reports in {out}: {exc.strerror or exc}", err=True)
        raise typer.Exit(EXIT_WRITE) from None
    books = sum(1 for p in written if p.suffix == ".xlsx")
    typer.echo(f"{books} workbook(s) and {books} page(s) in {out}/reports/, index in {out}/reports/index.html "
               f"and {out}/report.html")


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
