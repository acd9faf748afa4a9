"""Reports for people, made from the validated output tables (so they show exactly what was written).

- `<out>/reports/<stem>.xlsx`: the auditor's workbook per report (`pipeline.workbook`).
- `<out>/reports/<stem>.html` and `<out>/reports/index.html`: the review site (`pipeline.site`), static,
  offline; `<out>/report.html` is the index again, linking into reports/.

Per document, the workbook and the page body are made where the rows are (a worker, beside its cache
entry); the batch links them into place and writes the index. `write_reports` does it all at once
from tables held in memory, and `rebuild` from an existing output folder (`lkjip report OUT`).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import site
from pipeline.workbook import Context, base_subject
from pipeline.workbook import write_workbook as _write_workbook
from pipeline.write import one_line

log = logging.getLogger(__name__)

TableSet = dict[str, pd.DataFrame]
AROUND = 2  # text lines shown before and after a finding's line
DOC_TABLES = ("documents", "tables", "measurements", "budget", "flags")


# --- the text around a finding ------------------------------------------------------------------------------------
def _text_lines(source: str) -> list[str] | None:
    path = Path(source)
    try:
        if path.suffix.lower() == ".pdf" or not path.is_file():
            return None
        data = path.read_bytes()
    except OSError:
        return None
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding).splitlines()
        except UnicodeDecodeError:
            continue
    return None


def _pdf_pages(source: str, pages: set[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(source)
        try:
            for p in sorted(pages):
                if 1 <= p <= len(pdf):
                    page = pdf[p - 1]
                    text = page.get_textpage().get_text_range()
                    out[p] = [ln for ln in text.splitlines() if ln.strip()]
        finally:
            pdf.close()
    except Exception as exc:  # a report for people must not cost the data files
        log.debug("no page text from %s: %s", source, exc)
    return out


def _best_line(lines: list[str], flag: dict[str, Any]) -> int:
    """The line of a page that most looks like the finding's: its figure, then the words of its subject."""
    words = set(base_subject(flag.get("subject", "")).split())
    figures = set(re.findall(r"'([^']+)'", str(flag.get("message_original") or flag.get("message") or "")))
    best, score = 0, -1.0
    for k, text in enumerate(lines):
        low = text.lower()
        s = sum(2.0 for fig in figures if fig and fig in text) + len(words & set(low.split())) / (len(words) or 1)
        if s > score:
            best, score = k, s
    return best


def source_context(source: str, flags: pd.DataFrame) -> Context:
    """Flag position -> the source lines around it [(line number, text, is the finding's line)]: the text file's
    lines around the flag's line, or the PDF page's text lines around the one that best matches the finding."""
    if flags.empty:
        return {}
    out: Context = {}
    lines = _text_lines(source)
    if lines is not None:
        for k, line in enumerate(flags["line"]):
            if line is None or pd.isna(line):
                continue
            n = int(line)
            lo, hi = max(1, n - AROUND), min(len(lines), n + AROUND)
            out[k] = [(i, lines[i - 1].rstrip(), i == n) for i in range(lo, hi + 1)]
        return out
    if Path(source).suffix.lower() != ".pdf":
        return out
    pages = {int(p) for p in flags["page"] if p is not None and not pd.isna(p)}
    texts = _pdf_pages(source, pages)
    for k, flag in enumerate(flags.to_dict("records")):
        page = flag.get("page")
        if page is None or pd.isna(page) or int(page) not in texts or not texts[int(page)]:
            continue
        page_lines = texts[int(page)]
        hit = _best_line(page_lines, flag)
        lo, hi = max(0, hit - AROUND), min(len(page_lines), hit + AROUND + 1)
        out[k] = [(None, page_lines[i].rstrip(), i == hit) for i in range(lo, hi)]
    return out


# --- one document -----------------------------------------------------------------------------------------------
def write_workbook(tables: TableSet, path: Path, body: Path | None = None) -> None:
    """One document's tables (already restricted to it) as its workbook at `path`, and with `body` its page body
    (the report's site page without the batch's links)."""
    flags = tables["flags"].reset_index(drop=True)
    docs = tables["documents"]
    source = str(docs["source_file"].iloc[0]) if len(docs) else ""
    context = source_context(source, flags) if source else {}
    _write_workbook(tables, path, context)
    if body is not None:
        _atomic_text(body, site.page_body(tables, context))


def _atomic_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def report_names(source_files: list[str]) -> dict[str, str]:
    """source_file -> workbook file name: `<stem>.xlsx`, made unique when stems collide."""
    stems = Counter(Path(s).stem for s in source_files)
    names: dict[str, str] = {}
    used: set[str] = set()
    for source in sorted(source_files):
        p = Path(source)
        base = p.stem if stems[p.stem] == 1 else f"{p.stem}_{p.suffix.lstrip('.') or 'file'}"
        if base.lower() == "index":
            base = f"{base}_{p.suffix.lstrip('.') or 'file'}"
        name, k = f"{base}.xlsx", 2
        while name in used:
            name, k = f"{base}_{k}.xlsx", k + 1
        used.add(name)
        names[source] = name
    return names


def page_name(workbook_name: str) -> str:
    return str(Path(workbook_name).with_suffix(".html"))


def place_page(body: Path, target: Path, doc: dict[str, Any], workbook: str | None) -> bool:
    """A worker's page body wrapped with the batch's links, written at `target`; False when there is no body."""
    try:
        text = body.read_text(encoding="utf-8")
    except OSError:
        return False
    _atomic_text(target, site.wrap_page(text, doc, workbook))
    return True


def write_index(docs: pd.DataFrame, flags: pd.DataFrame, out_dir: Path, names: dict[str, str],
                pages: set[str] | None = None) -> None:
    """reports/index.html and report.html over the batch (`names`: source_file -> workbook name)."""
    folder = out_dir / "reports"
    pages = set(names) if pages is None else pages
    page_of = {s: page_name(n) for s, n in names.items() if s in pages}
    books = {s: n for s, n in names.items() if (folder / n).exists()}
    _atomic_text(folder / "index.html", site.render_index(docs, flags, page_of, books))
    write_html({"documents": docs, "flags": flags}, out_dir / "report.html", page_of, books)


def _for_document(tables: TableSet, source_file: str) -> TableSet:
    return {name: df[df["source_file"] == source_file].reset_index(drop=True) for name, df in tables.items()
            if "source_file" in df.columns}


def write_reports(tables: TableSet, out_dir: Path) -> list[Path]:
    """Workbooks, pages, the index and report.html for tables held in memory; stale reports are removed."""
    docs = tables["documents"]
    readable = [s for s, status in zip(docs["source_file"], docs["status"], strict=True)
                if status in ("ok", "partial")]
    folder = out_dir / "reports"
    names = report_names(readable)
    written: list[Path] = []
    for source in readable:
        book = folder / names[source]
        page = folder / page_name(names[source])
        body = folder / f".{names[source]}.body.html"
        try:
            doc_tables = _for_document(tables, source)
            write_workbook(doc_tables, book, body)
            place_page(body, page, doc_tables["documents"].iloc[0].to_dict(), names[source])
            written += [book, page]
        except Exception as exc:  # a report for people must not cost the data files
            log.warning("%s: report not written: %s", source, one_line(f"{type(exc).__name__}: {exc}"))
            log.debug("report failure", exc_info=True)
        finally:
            body.unlink(missing_ok=True)
    if folder.is_dir():
        for old in [*folder.glob("*.xlsx"), *folder.glob("*.html")]:
            if old not in written and old.name != "index.html":
                old.unlink()
    placed = {s for s in readable if folder.joinpath(page_name(names[s])).exists()}
    write_index(docs, tables["flags"], out_dir, names, placed)
    return [*written, folder / "index.html", out_dir / "report.html"]


def render_html(tables: TableSet, pages: dict[str, str] | None = None, books: dict[str, str] | None = None) -> str:
    """The batch's index as report.html renders it (links into reports/): `pages` and `books` name each document's
    page and workbook (by default, every readable document's)."""
    docs = tables["documents"]
    if pages is None or books is None:
        readable = [s for s, status in zip(docs["source_file"], docs["status"], strict=True)
                    if status in ("ok", "partial")]
        names = report_names(readable)
        pages = {s: page_name(n) for s, n in names.items()} if pages is None else pages
        books = names if books is None else books
    return site.render_index(docs, tables["flags"], pages, books, prefix="reports/")


def write_html(tables: TableSet, path: Path, pages: dict[str, str] | None = None,
               books: dict[str, str] | None = None) -> None:
    """report.html: the index again, one folder up."""
    _atomic_text(path, render_html(tables, pages, books))


# --- from an output folder ----------------------------------------------------------------------------------------
def read_tables(out_dir: Path) -> TableSet:
    """The output tables of a folder (from the Parquet files)."""
    tables: TableSet = {}
    for name in DOC_TABLES:
        path = out_dir / f"{name}.parquet"
        if not path.is_file():
            raise FileNotFoundError(f"{path} not found: not an lkjip output folder (run lkjip extract first)")
        tables[name] = pd.read_parquet(path)
    return tables


def rerender_messages(tables: TableSet, lang: str) -> TableSet:
    """The flags' messages rendered again in `lang` from their original sentences and the rows they name."""
    from pipeline.check import messages

    flags = tables["flags"].copy()
    if flags.empty:
        return tables
    out = []
    for doc_id, group in flags.groupby("doc_id", sort=False):
        ctx = messages.Context.of(tables["tables"][tables["tables"]["doc_id"] == doc_id].to_dict("records"),
                                  tables["measurements"][tables["measurements"]["doc_id"] == doc_id].to_dict("records"),
                                  tables["budget"][tables["budget"]["doc_id"] == doc_id].to_dict("records"))
        for idx, row in zip(group.index, group.to_dict("records"), strict=True):
            if not row.get("message_original"):
                row["message_original"] = row.get("message")
            out.append((idx, messages.render(row, ctx, lang) or row.get("message")))
    for idx, text in out:
        flags.at[idx, "message"] = text
    return {**tables, "flags": flags}


def rebuild(out_dir: Path, lang: str | None = None) -> list[Path]:
    """Workbooks, pages and index of an existing output folder, rebuilt from its tables (`lkjip report`)."""
    tables = read_tables(out_dir)
    if lang:
        tables = rerender_messages(tables, lang)
    return write_reports(tables, out_dir)
