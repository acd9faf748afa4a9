"""One document through all stages: read -> assemble -> understand/extract -> check.

INTERFACE (fixed):
    extract_document(path: Path) -> Extraction
        Never raises for a bad input file: returns an Extraction whose info.status is
        "failed" and info.error says why (one line, naming the problem).
"""

from __future__ import annotations

from pathlib import Path

from schemas.records import Extraction


def extract_document(path: Path) -> Extraction:
    raise NotImplementedError
