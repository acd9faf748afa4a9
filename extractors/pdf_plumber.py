"""One pdfplumber parse of a page: its characters and its ruling strokes, in the reading frame.

The page's objects are read once. Characters drawn rotated (``upright`` False, as on a
landscape table printed sideways on a portrait page) are turned into their reading frame
(:class:`extractors.pdf_words.Frame`) from their text matrix, so that they read in the right
order; the rulings are turned with them. Upright characters on such a page (a page number)
are returned apart, in the page frame.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extractors.model import BBox
from extractors.pdf_rulings import MAX_THICKNESS
from extractors.pdf_words import Frame, Glyph


@dataclass(slots=True)
class ParsedPage:
    frame: Frame
    glyphs: list[Glyph]  # in the reading frame
    strokes: list[BBox]  # ruling candidates in the reading frame
    others: list[Glyph] = field(default_factory=list)  # upright glyphs on a turned page (page frame)


def _direction(chars: list[dict[str, Any]]) -> str:
    turned = [c for c in chars if not c.get("upright", True)]
    if len(turned) * 2 <= len(chars):
        return "ltr"
    up = sum(1 for c in turned if c["matrix"][1] > 0)
    return "btt" if up * 2 >= len(turned) else "ttb"


def _strokes(objects: dict[str, list[dict[str, Any]]]) -> list[BBox]:
    out: list[BBox] = []
    for kind in ("line", "curve"):
        for o in objects.get(kind, []):
            w, h = o["x1"] - o["x0"], o["bottom"] - o["top"]
            if min(w, h) <= MAX_THICKNESS:  # straight enough to be a ruling
                out.append((o["x0"], o["top"], o["x1"], o["bottom"]))
    for o in objects.get("rect", []):
        w, h = o["x1"] - o["x0"], o["bottom"] - o["top"]
        if min(w, h) <= MAX_THICKNESS or o.get("stroke"):  # a thin bar, or a stroked (visible) box
            out.append((o["x0"], o["top"], o["x1"], o["bottom"]))
    return out


def parse_page(page: Any) -> ParsedPage:
    objects = page.objects
    chars = objects.get("char", [])
    frame = Frame(_direction(chars), float(page.width), float(page.height))
    glyphs: list[Glyph] = []
    others: list[Glyph] = []
    for c in chars:
        text = c["text"]
        if not text or text.isspace():
            continue
        box = (c["x0"], c["top"], c["x1"], c["bottom"])
        if frame.direction != "ltr" and c.get("upright", True):
            others.append(Glyph(text, *box))
            continue
        glyphs.append(Glyph(text, *frame.to_reading(box)))
    strokes = [frame.to_reading(b) for b in _strokes(objects)]
    return ParsedPage(frame, glyphs, strokes, others)
