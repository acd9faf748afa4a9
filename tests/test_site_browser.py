"""The review site in a real headless Chromium (Debian's chromium + chromium-driver; `make browser-deps`).

Every page of the sample run is loaded from disk (file://, no server, no network): no console error, every
finding of flags.csv rendered on its report's page, both charts of each report drawn, the index listing every
report with its two charts, the tables sortable and the findings filterable.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sample_run import sample_out

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--window-size=1280,1600"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM or not DRIVER:
        pytest.skip("Chromium or chromedriver not installed: `make browser-deps` as root installs Debian's chromium "
                    "and chromium-driver (apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium (the dev extra) is not installed")
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="lkjip-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    except Exception as exc:  # a browser that cannot start here (no shared memory, a broken install)
        shutil.rmtree(profile, ignore_errors=True)
        pytest.skip(f"headless Chromium could not start: {str(exc).splitlines()[0][:200]}")
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _load(driver: Any, page: Path) -> None:
    driver.get_log("browser")  # drop what an earlier page left
    driver.get(page.resolve().as_uri())
    assert driver.execute_script("return document.body.getAttribute('data-ready')") == "1", page
    errors = [e for e in driver.get_log("browser") if e.get("level") in ("SEVERE", "ERROR")]
    assert not errors, f"{page.name}: console errors {errors}"
    assert driver.execute_script("return document.documentElement.lang") == "id"
    external = driver.execute_script(
        "return Array.from(document.querySelectorAll('[src],link[href]')).map(e => e.getAttribute('src') || "
        "e.getAttribute('href')).filter(u => /^(https?:)?\\/\\//.test(u))")
    assert external == [], f"{page.name} loads {external}"


def _charts(driver: Any) -> dict[str, int]:
    """Chart name -> bars drawn (matplotlib patches of an SVG with a visible size)."""
    return driver.execute_script("""
        const out = {};
        document.querySelectorAll('figure.chart').forEach(f => {
          const svg = f.querySelector('svg');
          const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
          out[f.dataset.chart] = svg && box.width > 100 && box.height > 50 ?
            svg.querySelectorAll('g[id^="patch_"] path').length : 0;
        });
        return out;""")


def test_every_page_loads_with_every_finding_and_both_charts(browser: Any) -> None:
    out = sample_out()
    docs = pd.read_csv(out / "documents.csv")
    flags = pd.read_csv(out / "flags.csv", keep_default_na=False)
    _load(browser, out / "reports" / "index.html")
    charts = _charts(browser)
    assert charts["jenis"] >= flags["kind"].nunique() and charts["wilayah"] >= 3
    links = browser.execute_script("return Array.from(document.querySelectorAll('#tabel-laporan a'))"
                                   ".map(a => a.getAttribute('href'))")
    for doc in docs.itertuples():
        stem = Path(doc.source_file).stem
        assert f"{stem}.html" in links and f"{stem}.xlsx" in links
        _load(browser, out / "reports" / f"{stem}.html")
        mine = flags[flags["source_file"] == doc.source_file]
        shown = browser.execute_script("return Array.from(document.querySelectorAll('article.finding "
                                       "p.message')).map(p => p.textContent)")
        assert len(shown) == len(mine) == doc.n_flags
        assert sorted(shown) == sorted(" ".join(m.split()) for m in mine["message"])
        charts = _charts(browser)
        assert charts["capaian"] > 0 and charts["anggaran"] > 0, (stem, charts)
        n_rows = browser.execute_script("return document.querySelectorAll('#tabel-indikator tbody tr').length")
        assert n_rows == doc.n_measurements


def test_tables_sort_and_findings_filter(browser: Any) -> None:
    out = sample_out()
    page = out / "reports" / "003_80458ef031615be3.html"
    _load(browser, page)
    values = "return Array.from(document.querySelectorAll('#tabel-anggaran tbody tr td:nth-child(6)'))" \
             ".map(td => td.getAttribute('data-v')).filter(v => v !== '').map(parseFloat)"
    browser.execute_script("document.querySelector('#tabel-anggaran th:nth-child(6)').click()")
    up = browser.execute_script(values)
    browser.execute_script("document.querySelector('#tabel-anggaran th:nth-child(6)').click()")
    down = browser.execute_script(values)
    assert len(up) > 10 and up == sorted(up) and down == sorted(up, reverse=True)
    visible = browser.execute_script("""
        const input = document.querySelector('input[data-target="daftar-temuan"]');
        input.value = 'sisa anggaran';
        input.dispatchEvent(new Event('input'));
        return Array.from(document.querySelectorAll('article.finding')).filter(a => a.style.display !== 'none').length;
    """)
    assert visible == 1
    assert not [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
