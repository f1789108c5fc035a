"""Meetings read from the parse: visits, the two sides of a meeting noun, and groups that meet.

Visits: a person who goes to a place meets the people there. Constructions (trigger lemmas in the `visit` class of data/lemmas.tsv):
- a verb with the place as object or after "to"/"in"/"at": "X visited Kyiv", "X travelled to Ukraine",
  "X arrived in Kyiv on Tuesday", "X will fly to Beijing";
- a noun with the place after "to"/"in": "X's visit to Kyiv", "the minister's trip to Ukraine",
  "during his visit to Kyiv".
The visitor is the verb's subject (as `Syntax.subjects` finds it) or the noun's possessor. A trip whose
own phrases name a meeting ("travelled to Brussels for the summit") is attendance of that meeting, not a
visit; a visitor from the country visited ("Zelenskyy returned to Kyiv") is no visit.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from coalition_graph.loaders.extract.analysis import Token
from coalition_graph.loaders.extract.syntax import Syntax, lemma_classes
from coalition_graph.loaders.gazetteer import read_tsv, split_cell

PLACE_PREPS = {"to", "in", "at"}


@dataclass(frozen=True)
class Visit:
    start: int          # the trigger word
    end: int
    visitors: tuple[str, ...]  # person keys
    city: str | None
    country: str | None
    place_start: int    # where the place is written


def find_visits(doc, sent, meeting_spans: list[tuple[int, int]]) -> list[Visit]:
    """Visits told in `sent`; `meeting_spans` are the meeting mentions already found in it."""
    a = doc.analysis
    if a is None:
        return []
    syn = Syntax(a)
    out = []
    for t in syn.words_of_class(sent.start, sent.end, "visit", ("VERB", "NOUN")):
        if _phrases_hold(a, t, meeting_spans):
            continue  # "travelled to Brussels for the summit": attendance, not a visit
        if t.pos == "VERB" and any(c.dep == "neg" for c in a.children(t.i)):
            continue  # "did not travel to South Africa": a visit that did not take place (an absence, if any)
        if t.pos == "NOUN" and t.dep == "dobj" and a.tokens[t.head].lemma in ("cancel", "postpone", "scrap", "delay"):
            continue  # "cancelled his trip to Brussels": no visit (an absence, which participation reads)
        place = _place_of(doc, a, t)
        if place is None:
            continue
        city, country, pstart = place
        if t.pos == "VERB":
            holders = syn.subjects(t)
        else:
            holders = [c for c in a.children(t.i) if c.dep == "poss"]
            holders = [g for h in holders for g in syn.group(h)]
            up = a.tokens[t.head]
            if not holders and t.dep == "dobj" and up.pos == "VERB":
                holders = syn.subjects(up)  # "Zelenskyy paid a visit to Ankara", "began a three-day visit"
            elif not holders and t.dep == "pobj" and up.lower in ("on", "during") and a.tokens[up.head].lemma != "be":
                # "Zelenskyy, on a visit to Ankara, thanked Erdogan": the one the phrase is about (not "Macron, who
                # is on a state visit to Britain": a description in passing)
                at = a.tokens[up.head]
                holders = syn.subjects(at) if at.pos in ("VERB", "AUX") else syn.group(at)
        visitors = []
        for h in holders:
            actor = syn.actors(doc, h)
            if actor and actor[0] == "person":
                own, _org = doc.country_of_person(actor[1])
                if own and own == country:
                    continue  # going home is no visit
                visitors.append(actor[1])
        if visitors:
            out.append(Visit(t.start, t.end, tuple(dict.fromkeys(visitors)), city, country, pstart))
    return out


def _phrases_hold(a, t: Token, spans: list[tuple[int, int]]) -> bool:
    for c in a.children(t.i):
        if c.dep in ("prep", "dobj", "advcl", "xcomp"):
            sub = a.subtree(c.i)
            lo, hi = sub[0].start, sub[-1].end
            if any(lo <= s < hi for s, _e in spans):
                return True
    return False


def _place_of(doc, a, t: Token) -> tuple[str | None, str | None, int] | None:
    """(city, country ISO3, offset) of the place the trigger goes to."""
    objs = [c for c in a.children(t.i) if c.dep == "dobj" and t.lemma == "visit"]
    for c in a.children(t.i):
        if c.dep == "prep" and c.lemma in PLACE_PREPS:
            objs += [o for o in a.children(c.i) if o.dep == "pobj"]
    syn = Syntax(a)
    for o in objs:
        lo, hi = syn.np_span(o)  # the place may be the noun or a modifier the parser hung on it
        for p in doc.places:
            if lo <= p.start < hi:
                return p.place.city, p.place.iso3, p.start
        for c in doc.countries:
            if lo <= c.start < hi and c.form in ("name", "capital") and not c.text.endswith(("'s", "’s")):
                return (doc.gaz.capital_of(c.iso3) if c.form == "capital" else None), c.iso3, c.start
    return None


def noun_partners(doc, start: int, end: int) -> tuple[list[str], list[str]]:
    """The two sides of a meeting noun at start..end, from the parse: (owners, partners) as person keys.

    Partners are the objects of "with" on the noun ("a phone call with X", "a news conference with his
    counterpart X", "talks with X and Y"). The owner is the noun's possessor ("his call with X"), else the
    subject of the clause it stands in ("In a phone call with X, Y said", "Y held talks with X")."""
    a = doc.analysis
    if a is None:
        return [], []
    syn = Syntax(a)
    nouns = [t for t in a.tokens_in(start, end) if t.pos in ("NOUN", "PROPN")]
    if not nouns:
        return [], []
    n = nouns[-1]
    partners = []
    for c in a.children(n.i):
        if c.dep == "prep" and c.lemma == "with":
            for o in a.children(c.i):
                if o.dep == "pobj":
                    partners += [act[1] for g in syn.group(o) if (act := syn.actors(doc, g)) and act[0] == "person"]
    if not partners:
        # "Modi and Xi held their first bilateral meeting": the subjects of the verb that holds it; "A and B
        # rode together to their bilateral meeting": "their" is the subjects of the clause it stands in
        their = any(c.dep == "poss" and c.lower == "their" for c in a.children(n.i))
        verb = a.tokens[n.head] if n.dep == "dobj" else syn.clause(n) if their else None
        if verb is not None and verb.pos == "VERB":
            sides = [act[1] for s in syn.subjects(verb) if (act := syn.actors(doc, s)) and act[0] == "person"]
            sides = list(dict.fromkeys(sides))
            if len(sides) >= 2:
                return sides[:1], sides[1:]
        return [], []
    owners = [act[1] for c in a.children(n.i) if c.dep == "poss" for g in syn.group(c)
              if (act := syn.actors(doc, g)) and act[0] == "person"]
    if not owners:
        owners = [act[1] for s in syn.subjects(syn.clause(n)) if (act := syn.actors(doc, s)) and act[0] == "person"]
    owners = [k for k in dict.fromkeys(owners) if k not in partners]
    return owners, list(dict.fromkeys(partners))


@dataclass(frozen=True)
class GroupMeeting:
    start: int          # the verb
    end: int
    head: str           # summit | ministerial | meeting
    format: str | None  # organization key named in the subject ("the Group of Seven")
    members: tuple[str, ...]  # person keys named in the subject
    sides: tuple[str, ...] = ()  # "the Turkish and Ukrainian presidents": the two countries of a two-sided meeting


COLLECTIVE_NOUNS = {"group", "coalition", "alliance", "bloc", "grouping", "format"}


def find_group_meetings(doc, sent, context_format: str | None = None) -> list[GroupMeeting]:
    """"Finance ministers from the Group of Seven met in Washington on Friday", "NATO leaders gathered in
    Vilnius", "X sat down with his counterparts": a verb of meeting (class `convene`) whose subject or "with"
    partner is a group of officials (class `group_noun`)
    or names a format ("the group" stands for `context_format`, the format the report is about), placed by
    a prepositional phrase or dated in its sentence."""
    a = doc.analysis
    if a is None:
        return []
    syn = Syntax(a)
    classes = lemma_classes()
    out = []
    acting = [v for v in syn.words_of_class(sent.start, sent.end, "group_act", ("VERB",)) if _placed_here(doc, a, v)]
    for v in syn.words_of_class(sent.start, sent.end, "convene", ("VERB",)) + acting:
        if v.lemma == "sit" and not any(c.lower == "down" for c in a.children(v.i)):
            continue  # only "sat down with"
        subj = syn.subjects(v)
        if not subj:
            continue
        if v in acting and not any(t.tag in ("NNS", "NNPS") and "group_noun" in classes.get(t.lemma, frozenset())
                                   and t.dep in ("nsubj", "nsubjpass") for t in subj):
            continue  # "EU leaders agreed in Brussels": only a group of officials acting in a place meets there
        # the group may be the other side: "Blinken sat down with his counterparts from the six Gulf states"
        partners = [o for c in syn.with_phrases(v) for o in syn.group(c)]
        # ("the two leaders met", "both ministers": two sides, not a group's meeting)
        groups = [t for t in subj + partners
                  if "group_noun" in classes.get(t.lemma, frozenset()) and t.tag in ("NNS", "NNPS")
                  and not any(c.lower in ("two", "both") for c in a.children(t.i))]
        if not groups and v.lemma in ("meet", "gather", "convene", "assemble") and \
                not any(c.dep == "dobj" for c in a.children(v.i)) and _placed_here(doc, a, v):
            # "around 50 countries that arm Kyiv met at NATO headquarters": states meeting somewhere
            groups = [t for t in subj if t.lemma in ("country", "nation", "state", "government") and t.tag == "NNS"]
        lo = min(syn.np_span(t)[0] for t in subj)
        hi = max(a.subtree(t.i)[-1].end for t in subj)
        fmt = next((o.key for o in doc.orgs if lo <= o.start < hi), None)
        if fmt is None and context_format and any(t.lemma in COLLECTIVE_NOUNS and t.tag == "NN" for t in subj):
            fmt = context_format  # "the group will meet again next month": the format the report is about
        if not groups and not fmt:
            continue
        placed = any(c.dep == "prep" and c.lemma in ("in", "at") for c in a.children(v.i)) or \
            any(sent.start <= x.start < sent.end for x in doc.dates)
        if not placed:
            continue
        lemmas = {t.lemma for t in groups} | {c.lemma for t in groups for c in a.children(t.i)}
        head = "summit" if lemmas & {"leader", "president", "head"} and "minister" not in lemmas else \
            "ministerial" if lemmas & {"minister", "governor"} and "prime" not in lemmas else "meeting"
        members = []
        for t in subj + partners:
            for g in syn.group(t):
                act = syn.actors(doc, g)
                if act and act[0] == "person":
                    members.append(act[1])
        # "The Turkish and Ukrainian presidents met": two nationalities on one plural title are two sides
        nations = [c.iso3 for t in groups for c in doc.countries if c.form == "demonym" and
                   syn.np_span(t)[0] <= c.start and c.end <= t.start]
        sides = tuple(dict.fromkeys(nations)) if len(groups) == 1 and len(set(nations)) == 2 else ()
        out.append(GroupMeeting(v.start, v.end, "meeting" if sides else head, fmt, tuple(dict.fromkeys(members)),
                                sides))
    return out


NAME_DEPS = {"amod", "compound", "nmod", "npadvmod"}
NOT_IN_NAME = {"next", "last", "previous", "upcoming", "latest", "recent", "planned", "possible", "today", "new", "that",
               "this", "such", "similar", "same", "other", "another", "joint", "press", "news", "media"}
# meeting nouns whose "on"/"for" phrase says what they are about, and nouns there that only place them
TOPIC_HEADS = {"conference", "summit", "forum", "ministerial", "meeting"}
NOT_A_TOPIC = {"sidelines", "margins", "fringes", "fringe", "sideline", "margin", "behalf", "way", "occasion", "phone",
               "call", "video", "link", "screen", "ground", "record", "track", "agenda", "table"}
OTHER_MEETINGS = TOPIC_HEADS | {"talks", "gathering", "session"}


def noun_words(doc, start: int, end: int) -> list[str]:
    """The words that say which meeting a meeting noun is, from the parse: its modifiers ("second Ukraine
    peace", "extraordinary Arab-Islamic", "follow-up") and the noun of its "of" phrase ("of the international
    alliance"), without dates, days, people, determiners or words that only place it in time ("next")."""
    a = doc.analysis
    if a is None:
        return []
    nouns = [t for t in a.tokens_in(start, end) if t.pos in ("NOUN", "PROPN")]
    if not nouns:
        return []
    n = nouns[-1]

    def keep(x) -> bool:
        return x.ent not in ("DATE", "TIME", "PERSON") and x.lower not in NOT_IN_NAME and \
            x.pos not in ("DET", "PRON", "PUNCT", "PART") and x.dep != "case" and \
            x.tag not in ("JJS", "RBS")  # "the largest summit": how it compares, not which it is

    def phrase(toks) -> str:
        """The words kept, written as in the text ("follow-up", not "follow - up")."""
        out, prev = "", None
        for x in toks:
            if prev is not None:
                gap = doc.text[prev.end:x.start]
                out += gap if gap.strip() in ("", "-", "–") and prev.i + 1 == x.i else " "
            out += x.text
            prev = x
        return out

    mods = [c for c in a.children(n.i) if c.i < n.i and c.dep in NAME_DEPS | {"nummod", "poss"} and c.ent != "PERSON"]
    toks = sorted((x for c in mods for x in a.subtree(c.i)
                   if keep(x) or (x.pos == "PUNCT" and x.text in "-‐‑" and 0 < x.i - c.i <= 2)), key=lambda t: t.i)
    toks = [x for x in toks if not (x.pos == "PUNCT" and x.text in "-‐‑" and (x.i - 1 not in {t.i for t in toks}))]
    words = [w for w in phrase(toks).split(" ") if w] if toks else []
    words.append(n.text.lower())

    def nominal(o) -> list[str]:
        inner = sorted((x for x in a.children(o.i) if x.i < o.i and x.dep in ("amod", "compound") and keep(x)),
                       key=lambda t: t.i)
        return [*[x.text for x in inner], o.text]

    def objects(prep) -> list:
        return [o for o in a.children(prep.i) if o.dep == "pobj" and o.ent not in ("DATE", "TIME", "PERSON")
                and o.pos in ("NOUN", "PROPN") and o.lower not in NOT_A_TOPIC]

    def topic(prep) -> list[str]:
        """What the meeting is about names it, where no "of" phrase said which it is ("conference on the early
        recovery and reconstruction of Gaza"): the topic, its conjuncts and the noun of an "of" phrase on any of
        them (the parse hangs it on either conjunct). Not another meeting ("the preparatory meeting for the
        summit" is no summit)."""
        found = [o for o in objects(prep) if o.lower not in OTHER_MEETINGS]
        if not found:
            return []
        heads = [found[0], *(k for k in a.children(found[0].i) if k.dep == "conj" and k.pos in ("NOUN", "PROPN")
                             and k.ent not in ("DATE", "TIME", "PERSON"))]
        out = [prep.lower, *nominal(heads[0])]
        for k in heads[1:]:
            out += ["and", *nominal(k)]
        of = [o for h in heads for k in a.children(h.i) if k.dep == "prep" and k.lower == "of" for o in objects(k)]
        return out + (["of", *nominal(of[0])] if of else [])

    for c in a.children(n.i):
        if c.dep == "prep" and c.lower == "of":
            for o in objects(c):
                words += ["of", *nominal(o)]
        elif c.dep == "prep" and c.lower in ("on", "for") and n.lower in TOPIC_HEADS and "of" not in words:
            words += topic(c)
    return words


@dataclass(frozen=True)
class Edition:
    name: str
    kind: str
    city: str | None
    iso3: str | None


@functools.lru_cache(maxsize=1)
def editions() -> tuple[dict[str, Edition], "re.Pattern | None"]:
    """Surface form -> Edition, from data/events.tsv, and one pattern that finds them all."""
    forms: dict[str, Edition] = {}
    for row in read_tsv(Path(__file__).parent / "data" / "events.tsv"):
        ed = Edition(row["name"], row["kind"], row["city"] or None, row["iso3"] or None)
        for form in [row["name"], *split_cell(row["aliases"])]:
            forms[form] = ed
    if not forms:
        return forms, None
    alt = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return forms, re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")


def find_editions(text: str, start: int, end: int) -> list[tuple[int, int, Edition]]:
    """Named editions of recurring meetings in text[start:end] ("COP28", "the Munich Security Conference")."""
    forms, rx = editions()
    if rx is None:
        return []
    return [(m.start(), m.end(), forms[m.group(0)]) for m in rx.finditer(text, start, end)]


def told_as_past(doc, start: int, end: int) -> bool:
    """The verb of the clause a meeting noun stands in (or the meeting's own verb) is a plain past ("skipped the summit", "attended the
    talks"), with no future or modal auxiliary and no verb of planning above it."""
    a = doc.analysis
    if a is None:
        return False
    toks = a.tokens_in(start, end)
    nouns = [t for t in toks if t.pos in ("NOUN", "PROPN")]
    verbs = [t for t in toks if t.pos == "VERB"]
    if not nouns and not verbs:
        return False
    # a meeting told by its own verb ("Kishida signed an accord with Zelenskyy") has that verb's tense
    v = Syntax(a).clause(nouns[-1]) if nouns else verbs[0]
    if v.tag != "VBD" or any(c.dep == "aux" for c in a.children(v.i)):
        return False
    return not any("future" in lemma_classes().get(x.lemma, frozenset()) for x in a.ancestors(v.i)[:3])


def told_as_plan(doc, start: int, end: int) -> bool:
    """The meeting is the object of a plan: its verb of meeting or holding (class `hold_meeting`), or the verb
    its noun is the object of, is an infinitive under a verb of planning or agreeing ("leaders agreed to meet
    again", "decided to hold a summit"), which puts it after the time told, whatever that verb's tense.
    ("is expected to attend the summit" tells a plan of one participant, not of the meeting.)"""
    a = doc.analysis
    if a is None:
        return False
    toks = a.tokens_in(start, end)
    verbs = [t for t in toks if t.pos == "VERB"]
    nouns = [t for t in toks if t.pos in ("NOUN", "PROPN")][-1:]
    for n in nouns:  # the noun as the verb's own object: "decided to hold a summit", "agreed to meet at a summit"
        up = a.tokens[n.head]
        if n.dep == "pobj" and up.dep == "prep":
            up = a.tokens[up.head]
        if n.dep in ("dobj", "pobj") and up.pos == "VERB":
            verbs.append(up)
    classes = lemma_classes()
    for v in verbs:
        if "hold_meeting" in classes.get(v.lemma, frozenset()) and v.tag == "VB" and v.dep == "xcomp" and \
                any(c.dep == "aux" and c.lower == "to" for c in a.children(v.i)) \
                and "future" in classes.get(a.tokens[v.head].lemma, frozenset()):
            return True
    return False


@dataclass(frozen=True)
class TwoSided:
    start: int          # the verb
    end: int
    head: str           # meeting | call
    sides: tuple[str, str]  # person keys: host or caller first
    caption: bool = False   # told by a caption: the sentence's place and day are the meeting's


def find_two_sided(doc, sent) -> list[TwoSided]:
    """Meetings of two people told by a verb, in any tense: "Macron hosts Zelenskyy", "the king received
    Rutte" (class `receive`), "Starmer phoned Trump" (class `phone`, a call), or by a noun of meeting someone
    (class `encounter_noun`: "Zelenskyy's exchange with Trump"). The subject and the object
    must both be people, and the object no meeting ("hosted the summit" is the noun rules')."""
    a = doc.analysis
    if a is None:
        return []
    syn = Syntax(a)
    classes = lemma_classes()
    out = []
    caption = _caption(doc, syn, sent)
    if caption is not None:
        out.append(caption)
    for v in a.tokens_in(sent.start, sent.end):
        cls = classes.get(v.lemma, frozenset())
        if v.pos == "VERB" and cls & {"talk", "meet_two"}:
            sides = _two_who_talk(doc, syn, v, cls)
            if sides is not None:
                phoned = any("phone" in classes.get(x.lemma, frozenset()) or x.lemma == "phone"
                             for x in a.subtree(v.i) if x.pos == "NOUN")
                out.append(TwoSided(v.start, v.end, "call" if phoned else "meeting", sides))
            continue
        if v.pos == "VERB" and "tell_person" in cls:
            sides = _told_in_person(doc, syn, v)
            if sides is not None:
                out.append(TwoSided(v.start, v.end, "meeting", sides))
            continue
        if v.pos == "NOUN" and "encounter_noun" in cls:
            # "Zelenskyy's tense exchange with Trump in the Oval Office", "his conversation with Xi": a noun of
            # meeting someone, with one person as its owner and one in its "with" phrase
            owners, partners = noun_partners(doc, v.start, v.end)
            by_wire = any(c.lemma in ("phone", "telephone", "video") for c in a.children(v.i))
            if len(owners) == 1 and len(partners) == 1 and not by_wire:  # ("a telephone conversation": a call)
                out.append(TwoSided(v.start, v.end, "meeting", (owners[0], partners[0])))
            continue
        if v.pos != "VERB" or not cls & {"receive", "phone"}:
            continue
        kids = a.children(v.i)
        if any(c.dep in ("prt", "neg") for c in kids) or \
                any(c.dep == "prep" and c.lower in ("for", "on") and c.i == v.i + 1 for c in kids):
            continue  # "called for", "called on", "did not receive"
        objs = [o for o in kids if o.dep == "dobj"]
        passive = any(c.dep == "auxpass" for c in kids)
        subj = syn.subjects(v)
        if passive:  # "Rutte was received by the king"
            objs, subj = subj, syn.agents(v)
        if len(subj) != 1 or len(objs) != 1:
            continue  # "received Zelenskyy and several leaders" is a summit
        s_act, o_act = syn.actors(doc, subj[0]), syn.actors(doc, objs[0])
        if not (s_act and o_act and s_act[0] == o_act[0] == "person") or s_act[1] == o_act[1] or \
                len(syn.group(objs[0])) > 1:
            continue
        out.append(TwoSided(v.start, v.end, "call" if "phone" in cls else "meeting", (s_act[1], o_act[1])))
    return out


def host_country(doc, start: int, end: int) -> str | None:
    """The country that hosts the meeting noun at start..end, by the parse: "Brazil will host next year's
    summit", "India is due to host the next Quad summit" (the subject of a `host` verb whose object it is)."""
    a = doc.analysis
    if a is None:
        return None
    nouns = [t for t in a.tokens_in(start, end) if t.pos in ("NOUN", "PROPN")]
    if not nouns or nouns[-1].dep != "dobj":
        return None
    v = a.tokens[nouns[-1].head]
    if "host" not in lemma_classes().get(v.lemma, frozenset()):
        return None
    syn = Syntax(a)
    for s in syn.subjects(v):
        act = syn.actors(doc, s)
        if act and act[0] == "country":
            return act[1]
    return None


def _told_in_person(doc, syn: Syntax, v: Token) -> tuple[str, str] | None:
    """"Merz promised Zelenskyy €5 billion in Berlin on May 28", "Starmer told Zelenskyy in Downing Street …": one
    person saying or giving something to another person (class `tell_person`), in a place its phrase names — the two
    met there. (Without a place, "told Zelenskyy" may be a call or a letter.)"""
    a = syn.a
    kids = a.children(v.i)
    if any(c.dep == "neg" for c in kids) or any(c.dep == "auxpass" for c in kids):
        return None
    subj = [act[1] for s in syn.subjects(v) if (act := syn.actors(doc, s)) and act[0] == "person"]
    objs = [c for c in kids if c.dep in ("dative", "dobj")]
    told = [act[1] for o in objs if (act := syn.actors(doc, o)) and act[0] == "person"]
    if len(set(subj)) != 1 or len(set(told)) != 1 or subj[0] == told[0]:
        return None
    holders = [v] + objs
    placed = any(c.dep == "prep" and c.lower in ("in", "at") and
                 any(doc.within(doc.places, *syn.np_span(o)) for o in a.children(c.i) if o.dep == "pobj")
                 for h in holders for c in a.children(h.i))
    return (subj[0], told[0]) if placed else None


def _two_who_talk(doc, syn: Syntax, v: Token, cls: frozenset) -> tuple[str, str] | None:
    """The two people of "A spoke with B", "A discussed Gaza with B" (class `talk`: one person subject, one
    person in a "with" phrase) or "A and B met on the sidelines" (class `meet_two`: exactly two people as
    subjects, no object and no "with" partner; "the two leaders, A and B, met" through the apposition)."""
    a = syn.a
    kids = a.children(v.i)
    if any(c.dep == "neg" for c in kids) or any(c.dep == "auxpass" for c in kids):
        return None

    def people(tokens) -> list[str]:
        keys = []
        for t in tokens:
            for g in [t, *[c for c in a.children(t.i) if c.dep == "appos"]]:
                for x in syn.group(g):
                    act = syn.actors(doc, x)
                    if act and act[0] == "person":
                        keys.append(act[1])
        return list(dict.fromkeys(keys))

    subj = syn.subjects(v)
    partners = people(syn.with_phrases(v))
    if "talk" in cls:
        # the parser may hang "with B" on the object: "discussed the proposal with B"
        partners = partners or people([w for c in kids if c.dep == "dobj" for w in syn.with_phrases(c)])
        own = [k for k in people(subj) if k not in partners]
        if partners:
            return (own[0], partners[0]) if len(own) == 1 and len(partners) == 1 else None
        # "A and B discussed the ceasefire": the two subjects talked with each other
        return (own[0], own[1]) if len(own) == 2 else None
    if "meet_two" in cls and not partners and not any(c.dep == "dobj" for c in kids):
        sides = people(subj)
        if len(sides) == 2 and len(subj) >= 1:
            return sides[0], sides[1]
    return None


def _caption(doc, syn: Syntax, sent) -> TwoSided | None:
    """A photo caption: "President A with President B during the ceremony, in Kyiv, Friday, Aug. 23" — a
    sentence with no verb whose head is a person with another person in a "with" phrase, placed and dated."""
    a = syn.a
    toks = a.tokens_in(sent.start, sent.end)
    if not toks or any(t.pos in ("VERB", "AUX") for t in toks):
        return None
    root = next((t for t in toks if t.head == t.i), None)
    if root is None or root.pos != "PROPN":
        return None
    own = syn.actors(doc, root)
    partners = [act[1] for o in syn.with_phrases(root) for g in syn.group(o)
                if (act := syn.actors(doc, g)) and act[0] == "person"]
    placed = any(sent.start <= p.start < sent.end for p in doc.places)
    dated = any(sent.start <= x.start < sent.end for x in doc.dates)
    if not (own and own[0] == "person" and len(partners) == 1 and partners[0] != own[1] and placed and dated):
        return None
    w = next(c for c in a.children(root.i) if c.dep == "prep" and c.lemma in ("with", "alongside", "together"))
    return TwoSided(w.start, w.end, "meeting", (own[1], partners[0]), caption=True)


@dataclass(frozen=True)
class OneNamed:
    start: int          # the verb
    end: int
    head: str           # meeting | call
    person: str         # the side the text names
    country: str        # ISO3 of the side it does not name ("his Turkish counterpart", "Saudi officials")


ONE_NAMED_VERBS = {"meet": ("dobj", "with"), "receive": ("dobj",), "host": ("dobj",), "welcome": ("dobj",),
                   "speak": ("with",), "talk": ("with",), "hold": ("talks",)}


def find_one_named(doc, sent) -> list[OneNamed]:
    """Meetings of one named person with an unnamed side of another country: "X met his Turkish
    counterpart in Ankara", "X held talks with Saudi officials", "X spoke by phone with his Chinese
    counterpart". The other side is a noun of office (class `group_noun`) that names no person, with its
    country as a demonym or name inside its phrase or after "of"/"from"."""
    a = doc.analysis
    if a is None:
        return []
    syn = Syntax(a)
    classes = lemma_classes()
    out = []
    for v in a.tokens_in(sent.start, sent.end):
        ways = ONE_NAMED_VERBS.get(v.lemma)
        if v.pos != "VERB" or ways is None or any(c.dep in ("neg", "auxpass") for c in a.children(v.i)):
            continue
        kids = a.children(v.i)
        objs = []
        if "dobj" in ways:
            objs += [c for c in kids if c.dep == "dobj"]
        if "with" in ways:
            objs += syn.with_phrases(v)
        if "talks" in ways:  # "held talks with Saudi officials"
            objs += [o for c in kids if c.dep == "dobj" and c.lemma in ("talk", "meeting", "call", "conversation")
                     for o in syn.with_phrases(c)]
        own = [act[1] for t in syn.subjects(v) if (act := syn.actors(doc, t)) and act[0] == "person"]
        if len(set(own)) != 1 or not objs:
            continue
        home, _org = doc.country_of_person(own[0])
        for o in [g for x in objs for g in syn.group(x)]:
            act = syn.actors(doc, o)
            if act and act[0] == "person" or "group_noun" not in classes.get(o.lemma, frozenset()):
                continue
            iso = _country_of_office(doc, syn, o)
            if iso and iso != home:
                phoned = any(x.lemma in ("phone", "telephone") for x in a.tokens_in(sent.start, sent.end))
                out.append(OneNamed(v.start, v.end, "call" if phoned else "meeting", own[0], iso))
                break
    return out


def _country_of_office(doc, syn: Syntax, o: Token) -> str | None:
    """The country of an unnamed office holder: "his Turkish counterpart", "officials of Saudi Arabia"."""
    lo, hi = syn.np_span(o)
    near = doc.mentions_near(lo, hi)
    for c in near.countries:
        if lo <= c.start < hi:
            return c.iso3
    for c in syn.a.children(o.i):
        if c.dep == "prep" and c.lower in ("of", "from"):
            for x in syn.a.children(c.i):
                act = syn.actors(doc, x) if x.dep == "pobj" else None
                if act and act[0] == "country":
                    return act[1]
    return None


def _placed_here(doc, a, v: Token) -> bool:
    """The verb has its own "in/at <place>" phrase ("agreed in Brussels on Thursday")."""
    for c in a.children(v.i):
        if c.dep == "prep" and c.lower in ("in", "at"):
            sub = a.subtree(c.i)  # "at NATO headquarters in Brussels"
            if any(sub[0].start <= p.start < sub[-1].end for p in doc.places):
                return True
    return False
