"""The static review site: `reports/index.html` over the batch and `reports/<stem>.html` per report.

No server, no network: every page is one file with its styles, its script (sorting and filtering
of the tables, a filter of the findings) and its charts inline — matplotlib drawn to SVG. A report's
page shows its findings first (figures, formula, the caption and line or page, and the text lines
around it), then two charts (capaian per indicator against 100 %, budget absorption per program),
then the indicator and budget tables. `lang="id"`.

A report's page body is made where its rows are (the worker, beside the cache entry, like the
workbook); the parent wraps it with the links that depend on the batch (`wrap_page`) and writes
the index (`render_index`).
"""

from __future__ import annotations

import html
import io
import math
import re
from collections import Counter
from typing import Any

import pandas as pd

from pipeline.check.messages import KIND_ID, caption_label, fmt, shorten
from pipeline.workbook import RANK, SEVERITY_ID, budget_absorbed, indicators_met, locate, opt_int

TableSet = dict[str, pd.DataFrame]
Context = dict[int, list[tuple[int | None, str, bool]]]
CHART_MAX = 60  # bars at most per chart (the rest are in the tables below it)

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header,main,nav{max-width:1200px;margin:0 auto;padding:0 1.2em}
nav{padding-top:.8em;font-size:14px}nav a{margin-right:1.2em}
h1{font-size:1.6em;margin:.4em 0 .1em}h2{margin-top:1.6em;border-bottom:2px solid #ddd;padding-bottom:.2em}
.meta{color:#555;margin:.2em 0 1em}.cards{display:flex;flex-wrap:wrap;gap:.8em;margin:1em 0}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6em 1em;min-width:9em}
.card b{display:block;font-size:1.4em}
.finding{background:#fff;border:1px solid #ddd;border-left:6px solid #999;border-radius:4px;padding:.5em 1em;
margin:.7em 0}.finding.error{border-left-color:#c62828}.finding.warning{border-left-color:#ef8f00}
.finding.info{border-left-color:#4a78b5}.finding h3{font-size:1em;margin:.2em 0}
.finding dl{display:grid;grid-template-columns:max-content auto;gap:.1em 1em;margin:.4em 0;font-size:14px}
.finding dt{color:#555}.finding dd{margin:0}
.badge{display:inline-block;border-radius:3px;padding:0 .4em;font-size:12px;color:#fff;background:#777}
.badge.error{background:#c62828}.badge.warning{background:#ef8f00}.badge.info{background:#4a78b5}
pre.context{background:#f4f4f4;padding:.4em .6em;overflow-x:auto;font-size:12px;white-space:pre-wrap}
pre.context mark{background:#ffe08a}
figure.chart{background:#fff;border:1px solid #ddd;border-radius:4px;margin:1em 0;padding:.5em;overflow-x:auto}
figure.chart svg{max-width:100%;height:auto}figcaption{font-weight:600;margin-bottom:.3em}
table.data{border-collapse:collapse;background:#fff;font-size:13px;margin:.5em 0 2em;width:100%}
table.data th,table.data td{border:1px solid #ccc;padding:3px 6px;vertical-align:top;text-align:left}
table.data th{background:#eee;cursor:pointer;position:sticky;top:0}table.data td.num{text-align:right}
tr.error td{background:#ffe3e6}tr.warning td{background:#fff4d6}
.filter{margin:.3em 0;padding:.3em;width:22em;max-width:100%}
"""

SCRIPT = """
(function () {
  function cellValue(row, i) {
    var c = row.cells[i];
    if (!c) { return ""; }
    var v = c.getAttribute("data-v");
    return v !== null ? v : c.textContent.trim().toLowerCase();
  }
  function sortBy(table, i, th) {
    var body = table.tBodies[0];
    if (!body) { return; }
    var asc = th.getAttribute("data-dir") !== "asc";
    var rows = Array.prototype.slice.call(body.rows);
    var numeric = th.classList.contains("num");
    rows.sort(function (a, b) {
      var x = cellValue(a, i), y = cellValue(b, i);
      if (numeric) {
        x = x === "" ? -Infinity : parseFloat(x);
        y = y === "" ? -Infinity : parseFloat(y);
      }
      return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
    });
    rows.forEach(function (r) { body.appendChild(r); });
    th.setAttribute("data-dir", asc ? "asc" : "desc");
  }
  document.querySelectorAll("table.data").forEach(function (table) {
    var head = table.tHead;
    if (!head) { return; }
    Array.prototype.forEach.call(head.rows[0].cells, function (th, i) {
      th.addEventListener("click", function () { sortBy(table, i, th); });
    });
  });
  document.querySelectorAll("input.filter").forEach(function (input) {
    var target = document.getElementById(input.getAttribute("data-target"));
    if (!target) { return; }
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase();
      var items = target.tagName === "TABLE" ? target.tBodies[0].rows : target.querySelectorAll(".finding");
      Array.prototype.forEach.call(items, function (el) {
        el.style.display = !q || el.textContent.toLowerCase().indexOf(q) >= 0 ? "" : "none";
      });
    });
  });
  document.body.setAttribute("data-ready", "1");
}());
"""


def e(value: Any) -> str:
    """Text for HTML: empty for a missing value, whole numbers without '.0'."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
            value = int(value)
        else:
            value = f"{value:.4f}".rstrip("0").rstrip(".")
    return html.escape(str(value), quote=True)


def num(value: Any, decimals: int | None = None) -> str:
    """A figure written the Indonesian way (1.631.159.008; 92,15), '' when missing."""
    if value is None or pd.isna(value):
        return ""
    return html.escape(fmt(float(value), decimals))


def _td_num(value: Any, decimals: int | None = None) -> str:
    v = "" if value is None or pd.isna(value) else f"{float(value):.6g}"
    return f"<td class='num' data-v='{v}'>{num(value, decimals)}</td>"


# --- charts ---------------------------------------------------------------------------------------------------------
def _plt() -> Any:
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "lkjip", "font.size": 9,
                         "font.family": "DejaVu Sans"})
    return plt


def _svg(fig: Any) -> str:
    plt = _plt()
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    text = buf.getvalue()
    text = re.sub(r"<metadata>.*?</metadata>", "", text[text.find("<svg"):], flags=re.S)
    return text


def bar_chart(labels: list[str], values: list[float], title: str, xlabel: str, reference: float | None = None,
              colors: list[str] | None = None) -> str:
    """Horizontal bars as inline SVG (a note in the chart when there is nothing to draw)."""
    plt = _plt()
    n = max(1, len(labels))
    fig, ax = plt.subplots(figsize=(8.5, 0.9 + 0.28 * n))
    if labels:
        y = list(range(len(labels)))[::-1]
        ax.barh(y, values, color=colors or "#4a78b5", height=0.65)
        ax.set_yticks(y, [shorten(re.sub(r"[\x00-\x1f\x7f]", " ", s), 55) for s in labels])
        for yi, v in zip(y, values, strict=True):
            ax.text(v, yi, f" {fmt(v, 0 if v == int(v) or abs(v) >= 1000 else 1)}", va="center", fontsize=7)
        if reference is not None:
            ax.axvline(reference, color="#c62828", linestyle="--", linewidth=1)
        ax.set_xlim(0, max([*values, reference or 0]) * 1.15 or 1)
    else:
        ax.text(0.5, 0.5, "tidak ada data untuk grafik ini", ha="center", va="center", transform=ax.transAxes)
        ax.set_yticks([])
    ax.set_xlabel(xlabel)
    ax.set_title(title, fontsize=10, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def capaian_chart(measurements: pd.DataFrame) -> str:
    """Capaian per indicator (computed, else reported) against 100 %: one bar per indicator name."""
    df = measurements.assign(cap=measurements["capaian_computed"].where(measurements["capaian_computed"].notna(),
                                                                        measurements["capaian_reported"]))
    df = df[df["cap"].notna()]
    df = df.assign(key=df["indikator"].str.lower().str.split().str.join(" ")).drop_duplicates("key").head(CHART_MAX)
    values = [float(v) for v in df["cap"]]
    colors = ["#2e7d32" if v >= 99.995 else "#ef8f00" for v in values]
    return bar_chart(list(df["indikator"]), values, "Capaian per indikator (garis: 100 %)", "capaian (%)", 100.0,
                     colors)


def budget_chart(budget: pd.DataFrame) -> str:
    """Budget absorption (realisasi / pagu) per program; kegiatan when a report gives no program lines."""
    df = budget[budget["pagu"].notna() & budget["realisasi"].notna() & (budget["pagu"] > 0)
                & ~budget["is_total"].astype(bool)]
    for level in ("program", "kegiatan"):
        part = df[df["level"] == level]
        if not part.empty:
            df = part
            break
    df = df.assign(key=df["uraian"].str.lower().str.split().str.join(" ")).drop_duplicates("key").head(CHART_MAX)
    values = [float(r) / float(p) * 100 for p, r in zip(df["pagu"], df["realisasi"], strict=True)]
    return bar_chart(list(df["uraian"]), values, "Serapan anggaran per program (garis: 100 %)", "realisasi / pagu (%)",
                     100.0)


def count_chart(counts: Counter[str], title: str, xlabel: str) -> str:
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return bar_chart([k for k, _ in items], [float(v) for _, v in items], title, xlabel)


def figure(kind: str, caption: str, svg: str) -> str:
    return f"<figure class='chart' data-chart='{kind}'><figcaption>{html.escape(caption)}</figcaption>{svg}</figure>"


# --- one report ---------------------------------------------------------------------------------------------------
def _where(flag: dict[str, Any], captions: dict[str, str]) -> str:
    parts = [captions.get(flag["table_id"], flag["table_id"]) if flag["table_id"] else "teks laporan"]
    if opt_int(flag.get("line")) is not None:
        parts.append(f"baris {opt_int(flag['line'])}")
    elif opt_int(flag.get("page")) is not None:
        parts.append(f"halaman {opt_int(flag['page'])}")
    return ", ".join(parts)


def _context_html(lines: list[tuple[int | None, str, bool]]) -> str:
    out = []
    for line, text, hit in lines:
        label = f"{line:>5}  " if line is not None else ""
        body = html.escape(label + text)
        out.append(f"<mark>{body}</mark>" if hit else body)
    return "<pre class='context'>" + "\n".join(out) + "</pre>"


def findings_html(tables: TableSet, context: Context) -> str:
    f, m, b, t = tables["flags"], tables["measurements"], tables["budget"], tables["tables"]
    captions = {r["table_id"]: caption_label(r.get("caption", ""), r["table_id"], r.get("page"), r.get("line"))
                for r in t.to_dict("records")}
    places = locate(f, m, b)
    order = sorted(range(len(f)), key=lambda k: (RANK.get(f.iloc[k]["severity"], 3), k))
    parts = [f"<section id='temuan'><h2>Temuan ({len(f)})</h2>"]
    if f.empty:
        parts.append("<p>Tidak ada temuan.</p></section>")
        return "".join(parts)
    parts.append("<input class='filter' type='search' data-target='daftar-temuan' "
                 "placeholder='saring temuan (jenis, subjek, tabel …)' aria-label='saring temuan'>"
                 "<div id='daftar-temuan'>")
    for no, k in enumerate(order, start=1):
        flag = f.iloc[k].to_dict()
        sev = str(flag["severity"])
        rows = [("Dilaporkan", num(flag["reported"])), ("Seharusnya", num(flag["expected"])),
                ("Selisih", num(flag["delta"]))]
        place = places[k]
        if place is not None:
            row = (m if place[0] == "m" else b).iloc[place[1]]
            if place[0] == "m":
                rows += [("Target", e(row["target_raw"])), ("Realisasi", e(row["realisasi_raw"])),
                         ("Capaian tertulis", e(row["capaian_raw"])), ("Rumus", e(row["formula"]))]
            else:
                rows += [("Pagu", e(row["pagu_raw"])), ("Realisasi", e(row["realisasi_raw"])),
                         ("% tertulis", e(row["persen_raw"])), ("Sisa tertulis", e(row["sisa_raw"]))]
        rows.append(("Sumber", html.escape(_where(flag, captions))))
        rows.append(("Keyakinan", e(round(float(flag["confidence"]), 2))))
        dl = "".join(f"<dt>{k_}</dt><dd>{v or '-'}</dd>" for k_, v in rows)
        ctx = _context_html(context[k]) if context.get(k) else ""
        parts.append(
            f"<article class='finding {html.escape(sev)}' id='temuan-{no}' "
            f"data-kind='{html.escape(str(flag['kind']))}'>"
            f"<h3>{no}. <span class='badge {html.escape(sev)}'>{html.escape(SEVERITY_ID.get(sev, sev))}</span> "
            f"{html.escape(KIND_ID.get(str(flag['kind']), str(flag['kind'])))} — {e(flag['subject'])}</h3>"
            f"<p class='message'>{e(flag['message'])}</p><dl>{dl}</dl>{ctx}</article>")
    parts.append("</div></section>")
    return "".join(parts)


def _marks(tables: TableSet) -> tuple[dict[int, str], dict[int, str]]:
    """Row positions of the indicator and budget tables that carry a finding -> its worst severity."""
    f, m, b = tables["flags"], tables["measurements"], tables["budget"]
    out: tuple[dict[int, str], dict[int, str]] = ({}, {})
    for k, place in enumerate(locate(f, m, b)):
        if place is None:
            continue
        target = out[0] if place[0] == "m" else out[1]
        sev = str(f.iloc[k]["severity"])
        if RANK.get(sev, 3) < RANK.get(target.get(place[1], "zz"), 3):
            target[place[1]] = sev
    return out


def _table(table_id: str, headers: list[tuple[str, bool]], rows: list[str]) -> str:
    head = "".join(f"<th class='{'num' if n else ''}'>{html.escape(h)}</th>" for h, n in headers)
    return (f"<input class='filter' type='search' data-target='{table_id}' placeholder='saring baris' "
            f"aria-label='saring baris'><table class='data' id='{table_id}'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def tables_html(tables: TableSet) -> str:
    m, b, t = tables["measurements"], tables["budget"], tables["tables"]
    captions = {r["table_id"]: caption_label(r.get("caption", ""), r["table_id"], r.get("page"), r.get("line"))
                for r in t.to_dict("records")}
    m_marks, b_marks = _marks(tables)

    def where(r: dict[str, Any]) -> str:
        line, page = opt_int(r.get("line")), opt_int(r.get("page"))
        return f"baris {line}" if line is not None else f"hal. {page}" if page is not None else ""

    rows = []
    for pos, r in enumerate(m.to_dict("records")):
        cls = f" class='{m_marks[pos]}'" if pos in m_marks else ""
        rows.append(f"<tr{cls}><td>{html.escape(captions.get(r['table_id'], r['table_id']))}</td><td>{where(r)}</td>"
                    f"<td>{e(r['level'])}</td><td>{e(r['indikator'])}</td><td>{e(r['satuan'])}</td>"
                    f"{_td_num(r['target'])}{_td_num(r['realisasi'])}{_td_num(r['capaian_reported'])}"
                    f"{_td_num(r['capaian_computed'], 2)}<td>{e(r['polarity'])}</td></tr>")
    out = ["<section id='indikator'><h2>Indikator</h2>",
           _table("tabel-indikator", [("Tabel", False), ("Letak", False), ("Level", False), ("Indikator", False),
                                      ("Satuan", False), ("Target", True), ("Realisasi", True),
                                      ("Capaian dilaporkan", True), ("Capaian dihitung", True),
                                      ("Polaritas", False)], rows), "</section>"]
    rows = []
    for pos, r in enumerate(b.to_dict("records")):
        cls = f" class='{b_marks[pos]}'" if pos in b_marks else ""
        rows.append(f"<tr{cls}><td>{html.escape(captions.get(r['table_id'], r['table_id']))}</td><td>{where(r)}</td>"
                    f"<td>{e(r['kode'])}</td><td>{e(r['level'])}</td><td>{e(r['uraian'])}</td>"
                    f"{_td_num(r['pagu'])}{_td_num(r['realisasi'])}{_td_num(r['persen_reported'])}"
                    f"{_td_num(r['persen_computed'], 2)}{_td_num(r['sisa_reported'])}</tr>")
    out += ["<section id='anggaran'><h2>Anggaran</h2>",
            _table("tabel-anggaran", [("Tabel", False), ("Letak", False), ("Kode", False), ("Level", False),
                                      ("Uraian", False), ("Pagu", True), ("Realisasi", True), ("% dilaporkan", True),
                                      ("% dihitung", True), ("Sisa", True)], rows), "</section>"]
    return "".join(out)


def summary_html(tables: TableSet) -> str:
    m, b, f = tables["measurements"], tables["budget"], tables["flags"]
    pagu, real = budget_absorbed(b)
    met, total = indicators_met(m)
    sev = Counter(f["severity"])
    cards = [("temuan", len(f)), ("kesalahan", sev["error"]), ("peringatan", sev["warning"]), ("info", sev["info"]),
             ("indikator", len(m)), ("baris anggaran", len(b)),
             ("indikator mencapai target", f"{met} dari {total}" if total else "-"),
             ("anggaran terserap", f"{fmt(real / pagu * 100)} %" if pagu and real is not None else "-")]
    return ("<div class='cards'>" + "".join(f"<div class='card'><b>{html.escape(str(v))}</b>{html.escape(k)}</div>"
                                            for k, v in cards) + "</div>")


def page_body(tables: TableSet, context: Context | None = None) -> str:
    """One report's page without its header and links: summary, findings, charts, tables."""
    charts = ("<section id='grafik'><h2>Grafik</h2>"
              + figure("capaian", "Capaian per indikator", capaian_chart(tables["measurements"]))
              + figure("anggaran", "Serapan anggaran per program", budget_chart(tables["budget"])) + "</section>")
    return summary_html(tables) + findings_html(tables, context or {}) + charts + tables_html(tables)


def _page(title: str, body: str) -> str:
    return ("<!doctype html><html lang='id'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'><link rel='icon' href='data:,'>"
            f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body>{body}"
            f"<script>{SCRIPT}</script></body></html>\n")


def wrap_page(body: str, doc: dict[str, Any], workbook: str | None) -> str:
    """A report's page: header with agency, region, year and links to the index and the workbook, then the body."""
    title = doc.get("instansi") or doc.get("source_file") or "laporan"
    meta = " · ".join(html.escape(str(v)) for v in (doc.get("wilayah"), doc.get("tahun"), doc.get("source_file"))
                      if v is not None and not (isinstance(v, float) and pd.isna(v)) and str(v))
    links = "<a href='index.html'>← semua laporan</a>"
    if workbook:
        links += f"<a href='{html.escape(workbook, quote=True)}'>buku kerja (xlsx)</a>"
    head = (f"<nav>{links}<a href='#temuan'>temuan</a><a href='#grafik'>grafik</a><a href='#indikator'>indikator</a>"
            f"<a href='#anggaran'>anggaran</a></nav><header><h1>{html.escape(str(title))}</h1>"
            f"<p class='meta'>{meta}</p></header>")
    return _page(f"{title} — lkjip", f"{head}<main>{body}</main>")


def render_index(docs: pd.DataFrame, flags: pd.DataFrame, pages: dict[str, str], workbooks: dict[str, str],
                 prefix: str = "") -> str:
    """The batch's index: per report its agency, region, year, findings by kind and links; charts by kind, region."""
    by_doc = {s: g for s, g in flags.groupby("source_file", sort=False)} if not flags.empty else {}
    region = {s: (w or "(tanpa wilayah)") for s, w in zip(docs["source_file"], docs["wilayah"], strict=True)}
    kinds = Counter(KIND_ID.get(str(k), str(k)) for k in flags["kind"])
    regions: Counter[str] = Counter()
    for s in flags["source_file"]:
        regions[region.get(s, "(tanpa wilayah)")] += 1
    rows = []
    for doc in docs.to_dict("records"):
        src = doc["source_file"]
        group = by_doc.get(src)
        per_kind = Counter(group["kind"]) if group is not None else Counter()
        sev = Counter(group["severity"]) if group is not None else Counter()
        kinds_text = ", ".join(f"{KIND_ID.get(k, k)} {n}" for k, n in sorted(per_kind.items()))
        page, book = pages.get(src), workbooks.get(src)
        name = html.escape(str(doc.get("instansi") or src))
        link = f"<a href='{html.escape(prefix + page, quote=True)}'>{name}</a>" if page else name
        book_link = f"<a href='{html.escape(prefix + book, quote=True)}'>xlsx</a>" if book else ""
        note = e(doc.get("error")) if doc.get("status") == "failed" else ""
        rows.append(f"<tr class='{'error' if doc.get('status') == 'failed' else ''}'><td>{link}</td>"
                    f"<td>{e(doc.get('wilayah'))}</td><td data-v='{e(doc.get('tahun'))}'>{e(doc.get('tahun'))}</td>"
                    f"<td>{e(doc.get('status'))} {note}</td><td class='num' data-v='{sum(sev.values())}'>"
                    f"{sum(sev.values())}</td><td class='num' data-v='{sev['error']}'>{sev['error']}</td>"
                    f"<td>{html.escape(kinds_text)}</td><td>{e(src)}</td><td>{book_link}</td></tr>")
    table = _table("tabel-laporan", [("Instansi", False), ("Wilayah", False), ("Tahun", True), ("Status", False),
                                     ("Temuan", True), ("Kesalahan", True), ("Temuan per jenis", False),
                                     ("Berkas", False), ("Buku kerja", False)], rows)
    charts = (figure("jenis", "Temuan per jenis", count_chart(kinds, "Temuan per jenis", "jumlah temuan"))
              + figure("wilayah", "Temuan per wilayah", count_chart(regions, "Temuan per wilayah", "jumlah temuan")))
    n_docs = len(docs)
    body = (f"<header><h1>Laporan kinerja: hasil pemeriksaan</h1><p class='meta'>{n_docs} berkas, {len(flags)} temuan"
            f"</p></header><main><section id='laporan'><h2>Laporan</h2>{table}</section>"
            f"<section id='grafik'><h2>Grafik</h2>{charts}</section></main>")
    return _page("lkjip — semua laporan", body)
