"""Running text as sentences with their figures, for the prose checks.

Lines of a paragraph that wraps (a line ending without sentence punctuation, continued by the next
line) are joined into one passage; a passage is cut into sentences by a blank Indonesian spaCy
pipeline (no model download) whose boundaries are not placed after abbreviations such as "Rp." or
"Th."; every figure keeps the line it was printed on.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from extractors.model import TextLine
from extractors.numbers import Number, parse_number
from extractors.settings import DEFAULT

ABBREVIATIONS = {"rp", "th", "thn", "no", "dll", "dsb", "dst", "kab", "kec", "kel", "jl", "hal", "tgl", "bpk",
                 "ibu", "sdr", "dr", "ir", "drs", "st", "sd", "s.d", "vol", "ket"}
_END = regex.compile(r"[.!?:;]\s*$")
_LIST_START = regex.compile(r"^\s*(?:[-•*]\s*)?(?:[a-zA-Z0-9]{1,3}[.)]\s|[-•*]\s)")
# a table's source note ("Sumber: LRA Dinas ... (diolah)", "Sumber data: ..."), printed under most LKjIP tables: a
# line of its own, not the start of the paragraph after it (d01's prints joined its budget sentence to it)
_PERCENT_WORD_START = regex.compile(r"persen\b([.,;:]?)\s*", regex.I)  # a line that starts with the percent word
_SOURCE_NOTE = regex.compile(r"^\s*(?:sumber|source)(?:\s+data)?\s*:", regex.I)
# a figure: optional Rp, digits with separators, an optional % sign (LaTeX "\%" is normalised first)
FIGURE = regex.compile(r"(?<![\w.,])(?:rp\.?\s*)?\.?\d(?:[\d.,]*\d)?(?:,-)?(?:\s?%)?", regex.I)
# (a character each match holds, so that most lines skip the pattern, pattern, replacement)
_LATEX = [("\\", regex.compile(r"\\%"), "%"), ("\\", regex.compile(r"\\times|\\cdot"), "x"),
          ("\\", regex.compile(r"\\text\s*\{([^{}]*)\}"), r" \1 "), ("$", regex.compile(r"\$+"), " "),
          (",", regex.compile(r"(\d),\s(\d{1,2})(?=\s?%)"), r"\1,\2"),
          # the percent written as a word ("21,80 persen", "98,04 persen": dev d01 and d02, sample 001)
          ("ersen", regex.compile(r"(\d)\s*persen\b", regex.I), r"\1%")]


@dataclass
class Passage:
    text: str
    starts: list[tuple[int, TextLine]]  # (offset in text, line it came from)

    def line_at(self, offset: int) -> TextLine:
        found = self.starts[0][1]
        for start, line in self.starts:
            if start > offset:
                break
            found = line
        return found


@dataclass
class Figure:
    start: int
    end: int
    number: Number
    unit: str = ""  # the word printed right after the figure ("konten", "jiwa"), "" when none

    @property
    def value(self) -> float | None:
        return self.number.value


@dataclass
class Sentence:
    text: str
    start: int  # offset in the passage
    passage: Passage

    def line_of(self, offset: int) -> TextLine:
        return self.passage.line_at(self.start + offset)


def normalise(text: str) -> str:
    """LaTeX formula markup and the percent word to plain figures (keeps offsets roughly, never used across
    passages)."""
    for needle, pattern, repl in _LATEX:
        if needle in text:
            text = pattern.sub(repl, text)
    return text


def _gap(a: TextLine, b: TextLine) -> float | None:
    """The space between two lines of one PDF page, in line heights of the first; None where either has no box."""
    if a.page != b.page or a.bbox is None or b.bbox is None:
        return None
    return (b.bbox[1] - a.bbox[3]) / max(1.0, a.bbox[3] - a.bbox[1])


def _usual_gaps(lines: list[TextLine]) -> dict[int | None, float]:
    """Each PDF page's usual space between the lines of a paragraph (line heights): the lower quartile of the
    spaces between its lines, most of which stand inside paragraphs (single spacing 0.1-0.3 line heights, 1.5
    spacing about 0.7; a page of one-line paragraphs gives the paragraphs' spacing, and no line is cut there)."""
    per_page: dict[int | None, list[float]] = {}
    for a, b in zip(lines, lines[1:], strict=False):
        gap = _gap(a, b)
        if gap is not None and 0 <= gap <= _FAR:
            per_page.setdefault(a.page, []).append(gap)
    return {page: sorted(gaps)[len(gaps) // 4] for page, gaps in per_page.items()}


_FAR = 3.0  # line heights: a wider space is a table, a figure or a page region between, not a paragraph's spacing


def _adjacent(a: TextLine, b: TextLine, paragraph_gap: float = DEFAULT.prose.paragraph_gap, usual: float = 0.0
              ) -> bool:
    if a.line is not None and b.line is not None:
        # over a blank line, a line that opens with a capital starts a paragraph of its own: the text under a heading
        # without a full stop ("Sasaran 2: Meningkatnya kesejahteraan nelayan" / "" / "Nilai Tukar Nelayan (NTN)
        # ...": holdout3 i01), as on a PDF page; a sentence broken over the blank line goes on in lower case
        return b.line - a.line == 1 or (b.line - a.line == 2 and not b.text.lstrip()[:1].isupper())
    gap = _gap(a, b)
    if gap is not None:
        # on a PDF page a paragraph ends where the space between two lines is wider than the page's usual spacing
        # by paragraph_gap, unless the next line goes on with a lower-case word: a sentence broken over two
        # paragraphs, which the text path joins over its blank line too (sample 003: "... maka Dinas Sosial" /
        # "dan Pemberdayaan Masyarakat ...")
        return gap <= usual + paragraph_gap or b.text.lstrip()[:1].islower()
    return a.page == b.page


def passages(lines: list[TextLine], paragraph_gap: float = DEFAULT.prose.paragraph_gap) -> list[Passage]:
    out: list[Passage] = []
    current: Passage | None = None
    previous: TextLine | None = None
    usual = _usual_gaps([ln for ln in lines if normalise(ln.text).strip()])
    for line in lines:
        text = normalise(line.text).strip()
        if not text:
            continue
        joinable = (current is not None and previous is not None
                    and _adjacent(previous, line, paragraph_gap, usual.get(previous.page, 0.0))
                    and not _END.search(current.text) and not _LIST_START.match(text)
                    and not _SOURCE_NOTE.match(current.text) and not _SOURCE_NOTE.match(text))
        if joinable and current is not None:
            word = _PERCENT_WORD_START.match(text)
            if word and current.text[-1:].isdigit():
                # "... sebesar 98,04" / "persen. Sisa ...": the percent word the line break cut off from its figure
                current.text += "%" + word.group(1)
                text = text[word.end():]
            current.starts.append((len(current.text) + 1, line))
            current.text = f"{current.text} {text}"  # paragraphs are short (settings.prose.max_passage_chars)
        else:
            current = Passage(text, [(0, line)])
            out.append(current)
        previous = line
    return out


_SENTENCE_ENDS = (".", "!", "?")


def _boundaries(doc: Any) -> Any:
    """Sentence starts after . ! ? unless an abbreviation ("Rp.", "Th.") or a lower-case word follows.

    The starts are written in one array (linear in the text): setting them token by token re-scans the
    document each time (a 0,4 MB line took a minute, BENCHMARKS.md)."""
    import numpy
    from spacy.attrs import ORTH, SENT_START

    n = len(doc)
    starts = numpy.full(n, -1, dtype="int64")
    if n:
        starts[0] = 1
    # only the tokens around a full stop are looked at as objects (a Token per word costs more than the rest)
    ends = numpy.isin(doc.to_array(ORTH), [doc.vocab.strings.add(p) for p in _SENTENCE_ENDS])
    for i in numpy.flatnonzero(ends[1:n - 1]) + 1:
        before, nxt = doc[i - 1].lower_, doc[i + 1].text
        abbreviation = before in ABBREVIATIONS or (len(before) == 1 and before.isalpha())
        if not abbreviation and not nxt[:1].islower() and not nxt[:1].isdigit():
            starts[i + 1] = 1
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))  # spaCy's arrays are uint64
    return doc


@lru_cache(maxsize=1)
def _nlp() -> Any:
    from spacy.language import Language

    if not Language.has_factory("lkjip_boundaries"):
        Language.component("lkjip_boundaries", func=_boundaries)
    from spacy.lang.id import Indonesian

    class LeanIndonesian(Indonesian):
        """Indonesian punctuation and affix rules without the 16 000 tokenizer special cases.

        Loading them costs seconds per process; the sentence rule above handles abbreviations.
        """

        lang = "id"

        class Defaults(Indonesian.Defaults):
            tokenizer_exceptions: dict[str, Any] = {}

    nlp = LeanIndonesian()
    nlp.add_pipe("lkjip_boundaries")
    return nlp


def load() -> None:
    """Build the spaCy pipeline now rather than at the first sentence (benchmarks, long-running services)."""
    _nlp()


# spaCy reads at most this many characters at once (its max_length is 1 000 000); a longer passage (a text
# with no line breaks) is read in pieces cut after a sentence's full stop
_PIECE_CHARS = 200_000


def sentences(passage: Passage) -> list[Sentence]:
    out = []
    for offset, piece in _pieces(passage.text):
        for sent in _nlp()(piece).sents:
            out.append(Sentence(sent.text, offset + sent.start_char, passage))
    return out


def _pieces(text: str) -> list[tuple[int, str]]:
    """The text in pieces under _PIECE_CHARS, each cut after a full stop and a space where there is one."""
    out, start = [], 0
    while len(text) - start > _PIECE_CHARS:
        end = text.rfind(". ", start, start + _PIECE_CHARS)
        end = end + 2 if end > start else start + _PIECE_CHARS
        out.append((start, text[start:end]))
        start = end
    out.append((start, text[start:]))
    return out


def figures(text: str) -> list[Figure]:
    out = []
    for m in FIGURE.finditer(text):
        raw = m.group(0)
        number = parse_number(raw.lstrip("."))
        if number.value is None and number.status != "malformed":
            continue
        after = _UNIT_AFTER.match(text, m.end())
        unit = after.group(1).lower() if after and after.group(1).lower() not in _NOT_UNITS else ""
        out.append(Figure(m.start(), m.end(), number, unit))
    return out


# the word after a figure, past the figure spelled out in brackets as deeds and reports write it ("6 (enam) unit")
_UNIT_AFTER = regex.compile(r"\s*(?:\([a-z ]{3,30}\)\s*)?([A-Za-z]{2,})")
# words after a figure that are not its unit: conjunctions, prepositions, and the percent word itself
_NOT_UNITS = frozenset({"dan", "atau", "dari", "yang", "dengan", "pada", "di", "ke", "untuk", "sebesar", "sehingga",
                        "persen", "serta", "sedangkan", "atas", "per", "tahun", "th", "thn"})


def all_sentences(lines: list[TextLine]) -> list[Sentence]:
    return [s for p in passages(lines) for s in sentences(p)]


def words_before(text: str, start: int, subject_chars: int = DEFAULT.prose.subject_chars) -> str:
    """The words before a figure, as a flag's subject: whole words only (a subject cut mid-word, "un 2023
    sebesar", reads badly)."""
    before = text[:start]
    if len(before) <= subject_chars:
        return before.strip()
    window = before[-subject_chars:]
    cut = window.find(" ")
    return (window[cut + 1:] if cut >= 0 else window).strip()
