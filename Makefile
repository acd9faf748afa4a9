# lkjip — two commands on a fresh machine: `make extract` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
RAW    ?= data/raw
OUT    ?= data/out

.PHONY: setup extract test lint bench eval clean ocr-deps layout-deps browser-deps report

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,ocr,dask]'
	touch $(STAMP)

# OCR needs Tesseract with the Indonesian model (Debian packages); best effort, skipped without root.
ocr-deps:
	@if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -q '^ind$$'; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing tesseract-ocr (Indonesian + English) from Debian"; \
	  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng >/dev/null; \
	else echo "note: tesseract not installed; OCR of scanned pages is off"; fi

# pdftotext -layout (Debian's poppler-utils) makes the space-aligned texts the layout tests read; best effort
layout-deps:
	@if command -v pdftotext >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing poppler-utils (pdftotext) from Debian"; \
	  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; \
	else echo "note: pdftotext not installed; the space-aligned text tests are skipped"; fi

# the review site is tested in a real headless Chromium (Debian's chromium + chromium-driver); best effort,
# the browser test is skipped with a note where they cannot be installed
browser-deps:
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing chromium + chromium-driver from Debian (for the review-site test)"; \
	  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    chromium chromium-driver >/dev/null || echo "note: chromium not installed; the browser test is skipped"; \
	else echo "note: chromium not installed; the browser test is skipped"; fi

setup: $(STAMP) ocr-deps layout-deps browser-deps

extract: setup
	$(BIN)/lkjip extract $(RAW) -o $(OUT)

# rebuild the workbooks and the review site of $(OUT) from its tables (e.g. after an upgrade)
report: $(STAMP)
	$(BIN)/lkjip report $(OUT)

lint: $(STAMP)
	$(BIN)/ruff check $(wildcard pipeline extractors schemas tests benchmarks scripts)

test: setup lint
	$(BIN)/python -m pytest -q

# speed of the PDF path (bench.py), then the batch benchmark (200 text + 20 PDF reports, broken files and
# copies at 1 and 2 workers, a no-op re-run), appended to BENCHMARKS.md
bench: setup
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/batch_bench.py --write BENCHMARKS.md

# accuracy against the gold (samples as text and PDF, the dev set as text), then the metamorphic set
# (meaning-preserving rewrites of every sample table), leave-one-out scores of the settings, and the
# dev and held-out reports printed in other table styles (reportlab; LibreOffice Writer where installed:
# apt-get install libreoffice-writer-nogui) and as pdftotext -layout text
eval: setup
	$(BIN)/python benchmarks/evaluate.py
	$(BIN)/python benchmarks/metamorphic.py
	$(BIN)/python benchmarks/loo.py
	$(BIN)/python benchmarks/styles.py --styles hrules_landscape,norules_landscape,shaded_portrait,grid_portrait,libreoffice_landscape --layout

clean:
	rm -rf $(OUT)/* $(VENV) *.egg-info
