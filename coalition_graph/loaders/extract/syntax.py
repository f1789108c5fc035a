"""Relations over the dependency parse that several rules share: who is the subject of a predicate, its
"by" agent, its "with" partners, the nouns conjoined or in apposition with a noun, a noun's own span, and
the person or country a noun stands for. Lemma classes (data/lemmas.tsv) live here too."""
from __future__ import annotations

import functools
from pathlib import Path

from coalition_graph.loaders.extract.analysis import Analysis, Token
from coalition_graph.loaders.gazetteer import read_tsv

DATA = Path(__file__).parent / "data"
NP_DEPS = {"compound", "amod", "det", "poss", "nmod", "flat", "nummod", "case", "prt", "quantmod"}
WITH_PREPS = {"with", "alongside"}
WH = {"who", "that", "which", "whom"}


@functools.lru_cache(maxsize=1)
def lemma_classes() -> dict[str, frozenset[str]]:
    """lemma -> the classes it belongs to, from data/lemmas.tsv."""
    out: dict[str, set[str]] = {}
    for row in read_tsv(DATA / "lemmas.tsv"):
        out.setdefault(row["lemma"], set()).add(row["class"])
    return {k: frozenset(v) for k, v in out.items()}


class Syntax:
    """Dependency relations of one analysed article."""

    def __init__(self, analysis: Analysis):
        self.a = analysis

    def words_of_class(self, start: int, end: int, cls: str, pos: tuple[str, ...]) -> list[Token]:
        """The tokens in start..end whose lemma is in lemma class `cls`, with one of the parts of speech `pos`."""
        classes = lemma_classes()
        return [t for t in self.a.tokens_in(start, end) if t.pos in pos and cls in classes.get(t.lemma, frozenset())]

    def clause(self, t: Token) -> Token:
        """The verb that heads the clause of `t` (itself for a verb)."""
        x, steps = t, 0
        while x.pos not in ("VERB", "AUX") and x.head != x.i and steps < 32:
            x, steps = self.a.tokens[x.head], steps + 1
        return x

    def subjects(self, v: Token, depth: int = 0) -> list[Token]:
        kids = self.a.children(v.i)
        subj = [c for c in kids if c.dep in ("nsubj", "nsubjpass")]
        if not subj and v.i > 0 and self.stolen_by(self.a.tokens[v.i - 1]) is v:
            subj = [self.a.tokens[v.i - 1]]
        if not subj and v.tag == "VBG" and any(c.dep == "compound" and c.pos == "PROPN" for c in kids):
            # a name parsed as a compound of the -ing verb is its subject, with the names listed just before
            # it: "footage of President A and Prime Minister B landing in Riyadh", "showed A landing"
            return self._names_just_before(v)
        if len(subj) == 1 and v.tag == "VBG" and subj[0].pos == "PROPN" and subj[0].i == v.i - 1 and \
                len(names := self._names_just_before(v)) > 1:
            return names  # "footage of A and B arriving in Cairo", parsed with B alone as the subject
        if subj:
            out = []
            for s in subj:
                if s.lemma in WH and v.dep == "relcl":
                    out += self.group(self.a.tokens[v.head])  # "leaders who attended"
                else:
                    out += self.group(s)
            return out
        if depth >= 3 or v.head == v.i:
            return []
        head = self.a.tokens[v.head]
        if v.dep == "xcomp":
            objects = [c for c in self.a.children(head.i) if c.dep in ("dobj", "dative")]
            if objects and "occasion" not in lemma_classes().get(objects[0].lemma, frozenset()):
                return self.group(objects[0])  # "urged all countries to give more": the object of "urged" gives
            # ("used his meeting with Zelenskyy to announce …": an occasion used, the user announces)
        if v.dep == "acl" and v.tag == "VBG":
            return self.group(head)  # "footage of A and B landing in Riyadh"
        if v.dep == "relcl":
            return self.group(head)
        if v.dep == "advcl" and head.head == head.i and head.pos in ("PROPN", "NOUN") and \
                any(c.dep == "aux" for c in self.a.children(v.i)):
            # "Brazil, as the chair, is hosting the summit": the parser made the subject the root and hung the
            # finite verb on it
            return self.group(head)
        if v.dep in ("xcomp", "advcl", "conj", "ccomp", "pcomp", "acomp") or (v.dep == "acl" and head.pos == "ADJ") \
                or (v.dep == "prep" and head.pos in ("AUX", "VERB")):
            # "X plans to attend", "X is due to meet" (with "due" parsed as a preposition of "is")
            return self.subjects(head, depth + 1)
        return []

    def _names_just_before(self, v: Token) -> list[Token]:
        """The last word of each name in the list that ends right before `v` (names, titles, nationality
        adjectives, commas and "and"), nearest first."""
        out = []
        i = v.i - 1
        while i >= 0:
            t = self.a.tokens[i]
            if t.pos == "PROPN":
                if i + 1 == v.i or self.a.tokens[i + 1].pos != "PROPN":
                    out.append(t)
            elif not (t.pos == "ADJ" or t.pos == "CCONJ" or t.text == ","):
                break
            i -= 1
        return out

    def agents(self, v: Token) -> list[Token]:
        out = []
        for c in self.a.children(v.i):
            if c.dep == "agent":
                # "represented by A and by B": the second "by" is a conjunct of the first
                for by in [c, *[x for x in self.a.children(c.i) if x.dep == "conj" and x.lower == "by"]]:
                    for o in self.a.children(by.i):
                        if o.dep == "pobj":
                            out += self.group(o)
        return out

    def with_phrases(self, v: Token) -> list[Token]:
        """Objects of "with"/"alongside"/"together with" on the predicate."""
        out = []
        for c in self.a.children(v.i):
            if c.dep == "prep" and (c.lemma in WITH_PREPS or (c.lemma == "together")):
                for o in self.a.children(c.i):
                    if o.dep == "pobj":
                        out.append(o)
                    elif o.dep == "prep" and o.lemma == "with":  # "together with X"
                        out += [x for x in self.a.children(o.i) if x.dep == "pobj"]
            if c.dep == "advmod" and c.lemma == "together":
                out += self.with_phrases(c)
        return out

    def group(self, t: Token) -> list[Token]:
        """A noun and the nouns conjoined with it or in apposition to it: "A, B and C", "its minister, X"."""
        out, todo, seen = [], [t], set()
        while todo:
            x = todo.pop()
            if x.i in seen:
                continue
            seen.add(x.i)
            out.append(x)
            for c in self.a.children(x.i):
                if c.dep in ("conj", "appos") and not (c.dep == "appos" and self.stolen_by(c)):
                    todo.append(c)
                elif c.dep == "prep" and (c.lower in ("including", "like", "alongside") or
                                          (c.lower == "as" and any(k.lower == "such" for k in self.a.children(c.i))) or
                                          (c.lower == "with" and any(k.lower in ("together", "along")
                                                                     for k in self.a.children(c.i)))):
                    # "leaders including A and B", "ministers such as A": the members named; "the envoy A,
                    # together with Senators B and C", "A alongside B": the others with them
                    todo.extend(o for o in self.a.children(c.i) if o.dep == "pobj")
        return out

    def stolen_by(self, t: Token) -> Token | None:
        """The verb whose subject the parser hung on an earlier noun as an apposition: in "In a call with X,
        Y said", Y is parsed as X's apposition and "said" left without a subject. Y is then the verb's."""
        if t.dep != "appos" or t.i + 1 >= len(self.a.tokens):
            return None
        nxt = self.a.tokens[t.i + 1]
        if nxt.pos in ("VERB", "AUX") and nxt.tag in ("VBD", "VBZ", "VBP") and \
                not any(c.dep in ("nsubj", "nsubjpass", "expl") for c in self.a.children(nxt.i)):
            return nxt
        return None

    def np_span(self, t: Token) -> tuple[int, int]:
        """Characters of a noun with its modifiers (titles, names, possessors), without clauses or lists."""
        toks, todo = [t], [t]
        while todo:
            x = todo.pop()
            for c in self.a.children(x.i):
                if c.dep in NP_DEPS or (c.dep == "punct" and c.text in ("'", "’")):
                    toks.append(c)
                    todo.append(c)
        return min(x.start for x in toks), max(x.end for x in toks)

    def actors(self, doc, t: Token) -> tuple[str, str] | None:
        """("person", key) or ("country", iso3) for the noun `t`: the person it names ("Sergey Lavrov", "he",
        "the minister"), or whose title it is ("President Biden"), not a possessor inside it ("Starmer's
        adviser"); else a country it names."""
        if t.pos == "PRON" and t.lower in ("he", "she") and t.dep in ("nsubj", "nsubjpass"):
            v = self.clause(t)
            if v.dep == "ccomp" and v.head != v.i:  # "Trump said he had telephoned Putin": he is Trump
                for s in self.subjects(self.a.tokens[v.head]):
                    if s.i != t.i and s.pos != "PRON":
                        speaker = self.actors(doc, s)
                        if speaker and speaker[0] == "person":
                            return speaker
        lo, hi = self.np_span(t)
        near = doc.mentions_near(lo, hi)
        people = [p for p in near.persons if p.span_start <= t.start < p.end] or \
            [p for p in near.persons if t.start < p.start and p.end <= hi]
        if not people and t.pos == "PROPN":
            # "Emir Tamim bin Hamad Al Thani": the name found is the start of the phrase the parser heads by
            # its last word (not a possessor: "Starmer's adviser")
            people = [p for p in near.persons if lo <= p.start and p.end <= t.start and p.via == "name" and
                      doc.text[p.end:p.end + 2] not in ("'s", "’s") and
                      all(x.pos == "PROPN" for x in self.a.tokens_in(p.end, t.end))]
        if people:
            return "person", people[0].key
        for c in near.countries:
            if c.start < hi and c.end > lo and c.form in ("name", "possessive") and c.start <= t.start < c.end + 1:
                return "country", c.iso3
        if t.pos == "NOUN" and (t.lemma == "delegation" or "group_noun" in lemma_classes().get(t.lemma, frozenset())):
            # "Chinese officials attended", "the Saudi delegation": officials named by their nationality
            demonyms = [c for c in near.countries if lo <= c.start and c.end <= t.start and c.form == "demonym"]
            if len(demonyms) == 1:
                return "country", demonyms[0].iso3
        if t.dep in ("nsubj", "nsubjpass", "conj") and t.pos == "PROPN" and not t.text.isupper():  # (not "PARIS —")
            for p in near.places:  # "Paris hosted a summit": a capital stands for its government
                if p.start <= t.start < p.end and p.place.iso3 and p.place.kind == "city" and \
                        doc.gaz.capital_of(p.place.iso3) == p.place.city:
                    return "country", p.place.iso3
        return None

    def members(self, t: Token) -> list[Token]:
        """The countries a group noun is made of: "delegations from A, B and C", "the leaders of A and B"."""
        out = []
        for c in self.a.children(t.i):
            if c.dep == "prep" and c.lower in ("from", "of"):
                for o in self.a.children(c.i):
                    if o.dep == "pobj":
                        out += self.group(o)
        return out


def gerund_lemma(word: str) -> tuple[str, ...]:
    """The verbs an -ing word may come from: "landing" -> ("land", "lande"), "arriving" -> ("arriv",
    "arrive"), "sitting" -> ("sit", ...); () for a word not in -ing. The caller looks them up in a lemma
    class, so the candidates that are no verb do no harm."""
    w = word.lower()
    if not w.endswith("ing") or len(w) < 6:
        return ()
    stem = w[:-3]
    out = [stem, stem + "e"]
    if len(stem) >= 3 and stem[-1] == stem[-2]:
        out.insert(0, stem[:-1])
    return tuple(out)
