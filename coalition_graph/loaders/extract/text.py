"""Paragraphs and sentences with exact character offsets into the article text."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "sir", "st", "gen", "lt", "col", "maj", "capt", "adm", "sgt", "rep", "sen",
    "gov", "pres", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "vs", "etc", "inc", "ltd", "co", "jr", "sr", "u.s", "u.k", "e.u", "u.n", "d.c", "a.m", "p.m", "approx",
}

_BOUNDARY = re.compile(r"(?<=[a-z])(?=(?:The|This|These|He|She|It|In|They|We|A)\s)|(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?=\s+[\"'“‘(\[]?[A-Z0-9•–—-])|(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?=\s*+$)")


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str


def paragraphs(text: str) -> list[Paragraph]:
    """Blocks separated by line breaks (news bodies use one paragraph per line or blank lines)."""
    out: list[Paragraph] = []
    for m in re.finditer(r"[^\n]+", text):
        chunk = m.group(0)
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if body:
            s = m.start() + lead
            out.append(Paragraph(len(out), s, s + len(body), body))
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    """True where the '.' at `dot` ends an abbreviation or an initial, not a sentence."""
    # Only the word before the dot matters: look back a bounded window, not the whole text (linear time).
    # A run of letters and dots longer than the window is no abbreviation either way.
    m = _WORD_BEFORE.search(text, max(0, dot - 64), dot)
    if not m:
        return False
    word = m.group(1).lower()
    if word in _ABBREV or word.rstrip(".") in _ABBREV:
        return True
    return len(word) == 1 and text[dot - 1].isupper()  # an initial: "Lloyd J. Austin"


def sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for para in paragraphs(text):
        start = 0
        body = para.text
        for m in _BOUNDARY.finditer(body):
            if m.end() == m.start():  # text glued at a lost paragraph break: "…Mark RutteThe meeting…"
                if start < m.start():
                    _add(out, para, body, start, m.start())
                    start = m.start()
                continue
            if body[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(body, m.start()):
                continue
            end = m.end()
            _add(out, para, body, start, end)
            start = end
        if start < len(body):
            _add(out, para, body, start, len(body))
    return out


def _add(out: list[Sentence], para: Paragraph, body: str, start: int, end: int) -> None:
    chunk = body[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    chunk = chunk.strip()
    if chunk:
        s = para.start + start + lead
        out.append(Sentence(len(out), s, s + len(chunk), chunk, para.index))
