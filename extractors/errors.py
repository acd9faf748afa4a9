"""Errors a reader raises for a user's bad input (never a traceback for a user mistake)."""

from __future__ import annotations


class InputError(Exception):
    """The input file cannot be read as a report; the message says why in one line."""

    def __init__(self, source_file: str, why: str) -> None:
        super().__init__(f"{source_file}: {why}")
        self.source_file = source_file
        self.why = why
