"""What the parse says of an amount of money: whose pledge it is, or that it is nobody's.

An amount is read through the verb that governs it (the first verb above it in the parse):
- a need, an aim or a cost is nobody's pledge: the verb is in the `need` class ("$2.5 billion is needed",
  "seeking $10 billion", "aiming to exceed $10 billion");
- a sum raised by a meeting, a fund or "collectively" is a total over donors: the verb is in the `raise`
  class and its subject is a meeting or an organization, or an adverb says the donors were many
  ("the conference raised $1 billion", "the fund reached $9.3 billion in pledges", "we have collectively
  raised $800 million");
- an amount in an "in addition to" phrase is money given before, not this pledge;
- "that's about $1 billion" after amounts is their sum; so is what "donors" or "countries" gave;
- "A and B pledged X and Y, respectively" gives each donor its own amount, in order;
- "A pledged $X, as did B" gives B the same amount.
"""
from __future__ import annotations

from coalition_graph.loaders.extract.analysis import Token
from coalition_graph.loaders.extract.syntax import Syntax, lemma_classes

COLLECTIVE = {"collectively", "jointly", "together", "combined", "altogether", "overall", "cumulatively"}


def governing_verb(a, t: Token) -> Token | None:
    for x in [t] + a.ancestors(t.i):
        if x.pos in ("VERB", "AUX") and x.i != t.i:
            return x
    return None


def nobodys_pledge(doc, start: int, end: int, meeting_spans: list[tuple[int, int]]) -> str | None:
    """Why the amount at start..end is no donor's pledge ("need", "total", "earlier"), or None."""
    a = doc.analysis
    if a is None:
        return None
    toks = a.tokens_in(start, end)
    if not toks:
        return None
    # the amount's head: the token of the span whose head lies outside it
    inside = {t.i for t in toks}
    head = next((t for t in toks if t.head not in inside or t.head == t.i), toks[-1])
    classes = lemma_classes()
    for x in a.ancestors(head.i)[:4]:
        if x.dep == "prep" and x.lower == "to" and a.tokens[x.head].lower == "addition":
            return "earlier"  # "in addition to the $1.8 billion provided since …"
        if x.pos in ("VERB", "AUX"):
            break
    be = a.tokens[head.head]
    # (the small model reads a curly "that’s" as a verb "’s" with an object)
    if head.dep in ("attr", "dobj") and (be.lemma == "be" or be.lower in ("’s", "'s")) and any(
            c.dep == "nsubj" and c.lower in ("that", "this", "which") for c in a.children(head.head)):
        return "total"  # "$800 million … and $200 million …, that's about $1 billion": the sum of those told
    v = governing_verb(a, head) or next(
        (c for x in a.ancestors(head.i)[:3] for c in a.children(x.i)
         if c.dep == "amod" and c.pos == "VERB" and "raise" in classes.get(c.lemma, frozenset())), None)
    if v is None:
        return None
    many = Syntax(a).subjects(v)
    if many and all(t.tag == "NNS" and "many_donors" in classes.get(t.lemma, frozenset()) and
                    not any(c.dep == "poss" for c in a.children(t.i)) for t in many):
        return "total"  # "Donors pledged a total of $2.1 billion", "countries committed $5bn": many donors' sum
    chain = [v] + [x for x in a.ancestors(v.i)[:2] if x.pos in ("VERB", "AUX")]
    if any("need" in classes.get(x.lemma, frozenset()) for x in chain):
        return "need"
    if v.lemma == "add" and any(c.dep == "prt" and c.lower == "up" for c in a.children(v.i)):
        return "total"  # "the commitments added up to $5.5bn" (not "came up with $1bn": a pledge)
    if "raise" in classes.get(v.lemma, frozenset()):
        syn = Syntax(a)
        if any(c.lower in COLLECTIVE for c in a.children(v.i)):
            return "total"
        subjects = syn.subjects(v)
        noun = a.tokens[v.head]
        if not subjects and v.dep == "amod" and noun.dep == "appos":
            # "The Global Fund secured pledges of $11bn", misread as "the Fund, secured pledges": the subject is
            # what the noun the verb was taken to modify stands beside
            subjects = [a.tokens[noun.head]]
        for s in subjects:
            lo, hi = syn.np_span(s)
            if any(lo <= ms < hi for ms, _me in meeting_spans):
                return "total"
            if any(lo <= o.start < hi and _is_fund(doc, o.key) for o in doc.orgs):
                return "total"
    return None


def _is_fund(doc, key: str) -> bool:
    g = doc.gaz.orgs.get(key)
    return bool(g and g.kind in ("initiative", "agency", "institution"))


def respectively(doc, start: int, end: int) -> bool:
    """The sentence pairs its donors and amounts in order ("…, respectively")."""
    a = doc.analysis
    return a is not None and any(t.lower == "respectively" for t in a.tokens_in(start, end))


def as_did_donors(doc, start: int, end: int) -> list[int]:
    """Offsets of the subjects of "as did X" / "as has X" / "and so did X" in start..end: donors who did the same."""
    a = doc.analysis
    if a is None:
        return []
    out = []
    toks = a.tokens_in(start, end)
    for t in toks:
        if t.lemma in ("do", "have") and t.pos in ("AUX", "VERB"):
            before = [x for x in toks if x.i in (t.i - 1, t.i - 2)]
            if any(x.lower in ("as", "so") for x in before):
                for c in a.children(t.i):
                    if c.dep in ("nsubj", "nsubjpass", "attr") or (c.dep == "dobj" and c.pos == "PROPN"):
                        out.append(c.start)
                # "as did Germany" is often parsed with Germany after the verb as its subject or a noun
                nxt = a.tokens[t.i + 1] if t.i + 1 < len(a.tokens) else None
                if not out and nxt is not None and nxt.pos == "PROPN":
                    out.append(nxt.start)
    return out


def commitments(doc, start: int, end: int) -> list[tuple[tuple[str, str], str | None, int, str]]:
    """Pledges without an amount, read as a frame: a verb of giving (class `give`) whose subject is a donor
    and whose object is a thing given (class `aid_noun`, or counted: "31 M1 Abrams tanks"). Returns
    (donor, person who spoke for it, offset of the verb, what) for each; the caller decides which are new.

    The donor is a country or organization subject, a capital standing for its government, a person's
    country ("Duda had promised 14 tanks"), or the possessor's country for "her country would contribute"."""
    a = doc.analysis
    if a is None:
        return []
    syn = Syntax(a)
    classes = lemma_classes()
    out = []
    for v in syn.words_of_class(start, end, "give", ("VERB",)) + _nominal_giving(a, syn, start, end, classes):
        if any(c.dep == "neg" for c in a.children(v.i)):
            continue
        objs = [c for c in a.children(v.i) if c.dep == "dobj"]
        if v.pos == "NOUN":  # "approved the transfer of six Leopard tanks": what is given is the "of" object
            objs = [o for c in a.children(v.i) if c.dep == "prep" and c.lower == "of" for o in a.children(c.i)
                    if o.dep == "pobj"]
            v_subj = a.tokens[v.head]
        else:
            v_subj = v
        things = [o for o in objs if "aid_noun" in classes.get(o.lemma, frozenset()) or
                  any(c.dep == "nummod" for c in a.children(o.i))]
        if not things or any(x.ent == "MONEY" for o in things for x in a.subtree(o.i)):
            continue  # an amount of money is the amount rules' to read
        for s in syn.subjects(v_subj):
            donor, person = _donor_of(doc, syn, s, classes)
            if donor:
                lo, hi = things[0].start, a.subtree(things[0].i)[-1].end
                out.append((donor, person, v.start, doc.text[lo:hi]))
    return out


def donors_of_amount(doc, start: int, end: int) -> tuple[list[tuple[str, str]], str | None]:
    """The donors of the amount at start..end, read through the parse: the subjects of the verb that governs it
    (through infinitives: "He used his meeting to announce $2bn", "Canada plans to give $1bn"), each a country,
    an organization or a person's country. ([], None) where the parse names none."""
    a = doc.analysis
    toks = a.tokens_in(start, end) if a is not None else []
    if not toks:
        return [], None
    inside = {t.i for t in toks}
    head = next((t for t in toks if t.head not in inside or t.head == t.i), toks[-1])
    classes = lemma_classes()
    v = None
    for x in a.ancestors(head.i):
        if x.pos not in ("VERB", "AUX"):
            continue
        if classes.get(x.lemma, frozenset()) & {"give", "speech"}:
            v = x
            break
        if x.dep not in ("acl", "relcl", "pcomp"):
            break  # another clause's verb: not the one that gives the amount
        # ("with aid valued at €1.3 billion", "a package worth …": a verb inside the noun phrase; climb on)
    if v is None:
        return [], None
    syn = Syntax(a)
    donors, person = [], None
    for s in syn.subjects(v):
        donor, who = _donor_of(doc, syn, s, classes)
        if donor and donor not in donors:
            donors.append(donor)
            person = person or who
    return donors, person


def _nominal_giving(a, syn: Syntax, start: int, end: int, classes) -> list[Token]:
    """Nouns of giving (class `give_noun`: "the delivery of", "the transfer of") that are the object of a
    verb of deciding ("Spain approved the transfer of six tanks", "Berlin would allow the delivery of …")."""
    out = []
    for n in syn.words_of_class(start, end, "give_noun", ("NOUN",)):
        v = a.tokens[n.head]
        if n.dep == "dobj" and v.pos == "VERB" and "decide" in classes.get(v.lemma, frozenset()):
            out.append(n)
    return out


def _owner_of_pronoun(doc, t: Token) -> str | None:
    """The person a possessive "his"/"her" stands for: the last person named before it in its sentence
    ("Defence Minister Anita Anand said her country would contribute …")."""
    sent = doc.sentence_at(t.start)
    if sent is None:
        return None
    before = [p for p in doc.persons if sent.start <= p.start < t.start and p.via != "pronoun"]
    return before[-1].key if before else None


def _donor_of(doc, syn: Syntax, t: Token, classes) -> tuple[tuple[str, str] | None, str | None]:
    act = syn.actors(doc, t)
    if act and act[0] == "country":
        return ("country", act[1]), None
    if act and act[0] == "person":
        iso, org = doc.country_of_person(act[1])
        if iso:
            return ("country", iso), act[1]
        if org:
            return ("organization", org), act[1]
        return None, None
    lo, hi = syn.np_span(t)
    for o in doc.orgs:
        if lo <= o.start < hi and o.start <= t.start < o.end + 1:
            return ("organization", o.key), None
    if "group_noun" in classes.get(t.lemma, frozenset()) and t.tag in ("NNS", "NNPS"):
        # "Leaders of the Group of Seven agreed to provide …": the body the officials are of
        for c in syn.a.children(t.i):
            if c.dep == "prep" and c.lower == "of":
                sub = syn.a.subtree(c.i)
                for o in doc.orgs:
                    if sub[0].start <= o.start < sub[-1].end:
                        return ("organization", o.key), None
    named = doc.recognised_org(lo, t.end) if t.pos == "PROPN" else None
    if named:  # "the Gates Foundation will fund …": an organization no list knows
        # (one named after its country, "the Japan International Cooperation Agency", is that state's agency)
        own = [c for c in doc.countries if lo <= c.start < t.start and c.form in ("name", "demonym")]
        if own and doc.text[lo:own[0].start].strip().lower() in ("", "the"):
            return ("country", own[0].iso3), None
        return ("organization", named), None
    if "donor_noun" in classes.get(t.lemma, frozenset()):
        for c in syn.a.children(t.i):
            if c.dep == "poss":
                own = syn.actors(doc, c)
                if own is None and c.pos == "PRON" and c.lower in ("his", "her"):
                    key = _owner_of_pronoun(doc, c)
                    own = ("person", key) if key else None
                if own and own[0] == "person":
                    iso, _org = doc.country_of_person(own[1])
                    if iso:
                        return ("country", iso), own[1]
    return None, None
