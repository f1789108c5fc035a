"""Pledges: who commits what (money, equipment, troops) to whom, when, and at which meeting.

A pledge needs a donor (a country by name, demonym + government, capital as metonym, or the
country of the person announcing it; or an organization such as the EU) and either an amount
with a pledge word in its sentence, or a concrete thing promised with a strong pledge verb
("Germany pledged four IRIS-T systems"). Rules of precision:
- a conversion in brackets restates the amount before it, it is not a second pledge;
- a joint amount over several named donors is nobody's pledge: each donor gets a pledge
  without an amount; an amount over unnamed donors ("five countries", "allies") is skipped;
- totals, cumulative sums and frozen assets are not pledges;
- "a further" / "additional" marks a new pledge, never a restatement;
- the same donor and the same value in euros (within 3%) in one article is one pledge,
  kept in the donor's own currency where the article gives it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from coalition_graph.loaders.extract.amounts import Money, settle_currency, to_eur
from coalition_graph.loaders.extract.context import Doc
from coalition_graph.loaders.extract.meetings import MeetingFinder
from coalition_graph.loaders.extract.pledge_frames import as_did_donors, commitments, donors_of_amount, nobodys_pledge, respectively
from coalition_graph.loaders.extract.syntax import Syntax, lemma_classes
from coalition_graph.loaders.extract.text import Sentence
from coalition_graph.schema.models import Actor, Pledge

PLEDGE_WORDS = re.compile(
    r"\b(pledg\w*|commit\w*|allocat\w*|provid\w*|announc\w*|donat\w*|giv\w*|gave|send\w*|sent|lend\w*|lent|"
    r"unveil\w*|approv\w*|contribut\w*|financ\w*|fund\w*|earmark\w*|package|aid|support|loan|assistance|"
    r"worth|deal|grant\w*|transfer\w*|deliver\w*|promis\w*|offer\w*|supply\w*|tranche|disburs\w*|"
    r"invest\w*|buy|purchase|spend\w*|freed|free up|set aside|earmark\w*|releas\w*|match\w*)\b", re.I)
STRONG_VERBS = re.compile(
    r"\b(pledged|pledges|will pledge|committed to (?:providing|supply\w*|send\w*|deliver\w*)|has committed|have committed|"
    r"donated|donates|will donate|(?:will|would) (?:also )?(?:supply|send|provide|deliver|finance|fund|transfer|give|donate)|"
    r"(?:is|are) (?:also )?(?:supplying|sending|providing|delivering)|announced (?:a|an|the|its) (?:new )?(?:\w+ )?"
    r"(?:package|aid)|unveiled (?:a|an|the) (?:new )?(?:\w+ )?(?:package|aid)|will join a coalition effort to supply|"
    r"(?:will|to|would) (?:also )?co-financ\w*|co-financing|(?:supply|supplying|provide|providing|equip|equipping) Ukraine with|"
    r"(?:will|would) (?:also )?share|will receive|is to receive|(?:provided|supplied|donated|financed|funded) by|"
    r"(?:reported|announced|confirmed) the delivery of)\b",
    re.I)
NOT_DONORS = {("country", "RUS"), ("country", "BLR"), ("country", "PRK"), ("country", "IRN")}
# verbs that promise only in the context of a pledge just told: "Germany and the US are also participating"
CONTEXT_VERBS = re.compile(r"\b(?:(?:is|are) (?:also )?(?:participating|contributing|taking part|joining in)|"
                           r"(?:will|would) (?:also )?(?:contribute|participate|take part))\b", re.I)
NOT_DONOR_BEFORE = re.compile(r"\b(?:in addition to|besides|apart from|alongside|unlike|except|like)\s+(?:the\s+)?$", re.I)
CONCRETE = re.compile(
    r"\b(packages?|systems?|missiles?|shells?|rounds|ammunition|munitions|drones?|batter(?:y|ies)|tanks?|vehicles?|"
    r"aid|air[- ]defen[cs]es?|funding|loans?|troops|jets|aircraft|F-16s?|Patriots?|IRIS-T|NASAMS|HIMARS|"
    r"interceptors?|artillery|howitzers?|boats|equipment|weapons|assistance|support|financing|co-financ\w*)\b", re.I)
NOT_A_PLEDGE = re.compile(
    r"\b(in total|total|totals|totalling|altogether|combined|overall|reaches|so far|to date|"
    r"over the past|frozen|assets|value of|spending target|GDP|sanctions|trade|revenue|"
    r"lending program|initiative known|reparations|budget deficit|unless|propos\w+|will present|presented|to present|"
    r"unlock|mobili[sz]e|leverage|asked for|requested|request|needs|needed|seeks|sought|demand\w*|"
    r"broader|wider|larger)\b", re.I)  # "part of the G7's broader $50 billion initiative": not theirs
# after an amount: "€200 billion of frozen Russian assets" is the assets, not a gift
# what was given over a period is a running total, not a pledge ("in the last six months alone, the UK has supplied")
CUMULATIVE = re.compile(r"\b(?:in|over|during) the (?:last|past) (?:\w+ )?(?:days|weeks|months|years?)\b|"
                        r"\bsince (?:the start|the beginning|the invasion|February 2022)\b", re.I)
NOT_A_PLEDGE_AFTER = re.compile(r"^\s*(?:(?:of|in)\s+(?:\w+\s+){0,3}(?:frozen|assets|securities|cash|sovereign)\b|"
                                r"of (?:it|which|that|this)\s+(?:for|to|earmarked|going|set aside)\b)", re.I)
# (the last: "$1bn, $300m of it for energy" is a part of the package; "£350m of it from Britain" is a donor's share)
EQUIVALENT = re.compile(r"\b(?:equivalent to|the equivalent of|equal to|equating to)\s+$", re.I)
PRIOR = re.compile(r"\b(previously|earlier|already|had (?:\w+ )?(?:given|provided|allocated|pledged|committed)|last year|"
                   r"in (?:19|20)\d\d)\b", re.I)
GROUP_SUBJECT = re.compile(r"\b(countries|allies|partners|nations|members|states|donors|governments|participants|Europeans|"
                           r"group|coalition|alliance|bloc)\b", re.I)
NOT_A_PLEDGE_TAIL = re.compile(r"^[^.;]{0,40}?\b(over the past|so far|to date|since (?:19|20)\d\d|since the start|"
                               r"in total|altogether|combined)\b", re.I)
KIND_WORDS = [
    ("troops", re.compile(r"\b(troops|peacekeep\w*|soldiers|boots on the ground)\b", re.I)),
    ("humanitarian", re.compile(r"\b(humanitarian|refugees?|food|medical|shelter|winteri[sz]ation)\b", re.I)),
    ("reconstruction", re.compile(r"\b(reconstruction|recovery|rebuild\w*|infrastructure|energy grid)\b", re.I)),
    ("military", re.compile(r"\b(military|defen[cs]e|weapons?|arms|missiles?|ammunition|munitions|shells|drones?|"
                            r"air[- ]defen[cs]e|tanks?|artillery|Patriot|IRIS-T|NASAMS|F-16|interceptors?|armou?red|"
                            r"Armed Forces|combat|security assistance|materiel)\b", re.I)),
    ("financial", re.compile(r"\b(loan|budget\w*|macro-?financial|financial|grant|lending|tranche|fiscal)\b", re.I)),
]


@dataclass
class PledgeDraft:
    donor: tuple[str, str]  # ("country", iso3) | ("organization", key)
    sentence: Sentence
    rule: str
    money: Money | None = None
    amount: float | None = None
    currency: str | None = None
    donor_person: str | None = None
    what: str | None = None
    kind: str = "other"
    announced: dt.date | None = None
    meeting: str | None = None
    recipient: tuple[str, str] | None = None
    eur: float | None = None
    rate_date: dt.date | None = None
    extra_evidence: list[tuple[Sentence, str]] = field(default_factory=list)
    part_of: "PledgeDraft | None" = None


class PledgeFinder:
    def __init__(self, doc: Doc, meetings: MeetingFinder, statement_speakers: dict[int, str]):
        self.doc = doc
        self.mf = meetings
        self.speakers = statement_speakers  # sentence index -> speaker key of a statement there
        self.out: list[PledgeDraft] = []

    def run(self) -> list[PledgeDraft]:
        for sent in self.doc.sentences:
            self._sentence(sent)
        return self._merge()

    # ------------------------------------------------------------ per sentence
    def _sentence(self, sent: Sentence) -> None:
        doc, text = self.doc, self.doc.text
        if re.search(r"\?[\"”’]?(?:\s+[^.?!]{0,40})?[.]?$", sent.text.rstrip()):
            return  # a question promises nothing
        if not re.search(r"[.!?\"”’)]$", sent.text.rstrip()) and len(sent.text.split()) < 14 and \
                not self._list_item_donor(sent):
            return  # a heading restates the pledge the paragraphs below report
        money = [m for m in doc.money if sent.start <= m.start < sent.end and not m.conversion]
        if len(money) == 1 and self._worth_of_the_last(sent, money[0]):
            return
        list_donor = self._list_item_donor(sent)
        for m in money:
            if EQUIVALENT.search(text[max(sent.start, m.start - 25):m.start]):
                self._restate_previous(m)
        money = [m for m in money if not EQUIVALENT.search(text[max(sent.start, m.start - 25):m.start])]
        if money:
            paired: list[Money] = []  # amounts already given to their donors by "respectively"
            for i, m in enumerate(money):
                from_donor = self._from_phrase_donor(m)
                if not PLEDGE_WORDS.search(sent.text) and not list_donor and not from_donor:
                    continue  # (an amount "from" a donor is given: "€200 million will come from the Netherlands")
                before = text[max(sent.start, m.start - 60): m.start]
                blocked = NOT_A_PLEDGE.search(before)
                if blocked and blocked.group(0).lower() == "total" and from_donor:
                    blocked = None  # "a total of $2.1 billion, including $600 million from the US": the US's share
                if blocked and blocked.group(0).lower() == "total" and re.search(r"\ba total of\s*$", before, re.I) and \
                        not NOT_A_PLEDGE.search(before[:blocked.start()]):
                    blocked = None  # "Germany pledged a total of €96 million": one donor's total is its pledge
                if (blocked and not re.search(r"\b(additional|further|new)\s+(?:\S+\s+){0,1}$", before, re.I)) \
                        or NOT_A_PLEDGE_AFTER.match(text[m.end:m.end + 40]) \
                        or NOT_A_PLEDGE_TAIL.match(text[m.end:sent.end]) \
                        or re.match(r"\s*(?:in total|in all|altogether)\b", text[m.end:m.end + 15]):
                    continue
                why = nobodys_pledge(doc, m.start, m.end, [(a, b) for a, b, _k in self.mf.positions.get(sent.index, [])])
                if why and not (why == "total" and from_donor):
                    continue  # a need, a total over donors, or money given before (but "…, including $600 million
                    # from the United States" is that donor's part of the total)
                donors, person = ([list_donor], None) if list_donor else ([from_donor], None) if from_donor else \
                    donors_of_amount(doc, m.start, m.end)
                if not donors:
                    donors, person = self._donors(sent, m.start)
                if not donors:
                    donors = self._donor_after(sent, m)
                if not donors:
                    donors = self._subject_donor(m)  # "the Gates Foundation, which committed $1.6 billion"
                if not donors and self.out and self.out[-1].sentence.index >= sent.index - 1 and \
                        re.search(r"\b(?:on top of|in addition to|besides)\s+(?:the\s+|a\s+|an\s+)?$",
                                  text[max(sent.start, m.start - 25):m.start]):
                    donors = [self.out[-1].donor]  # "The money comes on top of a £2.26bn loan …": the same donor
                if not donors:
                    continue
                if m in paired:
                    continue
                later = money[i:i + len(donors)]
                if len(donors) > 1 and len(later) == len(donors) and respectively(doc, sent.start, sent.end):
                    for dn, mm in zip(donors, later):  # "A and B pledged X and Y, respectively"
                        self._add(sent, dn, mm, person, "pledge.respectively", mm.start)
                        paired.append(mm)
                    continue
                if len(donors) > 1 and (re.match(r"\s*each\b", text[m.end:m.end + 8]) or self._each_gave(m)):
                    for dn in donors:  # "The UAE and Germany pledged $100 million each"
                        self._add(sent, dn, m, person, "pledge.each", m.start)
                    continue
                if len(donors) > 1:  # a joint amount: each donor pledged, no one amount is theirs
                    for dn in donors:
                        self._add(sent, dn, None, person, "pledge.joint_donors", m.start)
                    continue
                self._add(sent, donors[0], m, person, "pledge.list_item" if list_donor else "pledge.amount", m.start)
                # "The UAE pledged $100 million, as did Germany": up to the next amount, in this clause
                _c0, c1 = self._clause(sent, m.start)
                upto = min([c1] + [x.start for x in money if x.start > m.start])
                for pos in as_did_donors(doc, m.end, upto):
                    other = self._actor_at(pos)
                    if other and other != donors[0]:
                        self._add(sent, other, m, None, "pledge.as_did", pos)
            if list_donor:
                return
        if list_donor and not money:
            self._add(sent, list_donor, None, None, "pledge.list_item", sent.start)
            return
        # "In addition to Norway, Germany and the United States are also participating": right after a pledge
        prev_pledge = self.out and self.out[-1].sentence.index >= sent.index - 1
        if prev_pledge and not money:
            for cm in CONTEXT_VERBS.finditer(sent.text):
                at = sent.start + cm.start()
                donors, person = self._donors(sent, at)
                for dn in donors:
                    if dn != self.out[-1].donor:
                        self._add(sent, dn, None, person, "pledge.joins_previous", at)
        # pledges without an amount read as frames: "the United States would provide 31 M1 Abrams tanks"
        pledged_here = {d.donor for d in self.out if d.sentence.index == sent.index}
        for donor, person, at, what in commitments(doc, sent.start, sent.end):
            c0, c1 = self._clause(sent, at)
            if NOT_A_PLEDGE.search(text[c0:c1]) or CUMULATIVE.search(text[c0:c1]) or self._told_before(donor, what):
                continue  # totals, what was given over a period, or a pledge of this donor told already
            if donor[0] == "organization" and doc.gaz.orgs.get(donor[1]) and doc.gaz.orgs[donor[1]].kind == "format":
                continue  # a contact group coordinates; its members give
            if donor not in pledged_here and not any(sent.start <= m.start < sent.end for m in money):
                self._add(sent, donor, None, person, "pledge.frame", at)
                pledged_here.add(donor)
        # pledges without an amount, one per clause: "while Germany pledged four new IRIS-T air defenses"
        for sm in STRONG_VERBS.finditer(sent.text):
            at = sent.start + sm.start()
            c0, c1 = self._clause(sent, at)
            if any(c0 <= m.start < c1 for m in money):
                continue
            if not CONCRETE.search(text[c0:c1]) and not CONCRETE.search(sent.text):
                continue
            if NOT_A_PLEDGE.search(text[c0:c1]) or re.search(r"\bpledged (?:\w+ )?to (?:maintain|continue|keep|stand)\b", sent.text):
                continue
            verb = sm.group(0).lower()
            if verb.endswith("receive") and not re.search(r"\b(?:Ukraine|Kyiv|Kiev|Ukrainians?|the country)\s+(?:\w+\s+)?$",
                                                          text[max(sent.start, at - 30):at]):
                continue  # only Ukraine receiving is a pledge to it
            if re.search(r"\bby$|receive$", verb):  # "components provided by the Netherlands", "will receive … from Sweden"
                donors, person = self._donors_after_verb(sent, sent.start + sm.end(), c1), None
                if not donors and verb.endswith("receive"):
                    donors, person = self._donors(sent, at, c0)
            else:
                donors, person = self._donors(sent, at, c0)
            for dn in donors:
                self._add(sent, dn, None, person, "pledge.no_amount", at)

    def _what_of_money(self, m: Money, clause_end: int) -> str | None:
        """What an amount is for, from the parse: its own "in"/"for" phrase ("$500 million in military aid"),
        else the "for" phrase or purpose clause of the verb that gives it ("£1.6bn to buy 5,000 missiles")."""
        a = self.doc.analysis
        toks = a.tokens_in(m.start, m.end) if a is not None else []
        if not toks:
            return None
        inside = {t.i for t in toks}
        head = next((t for t in toks if t.head not in inside or t.head == t.i), toks[-1])

        def phrase(t) -> str | None:
            sub = [x for x in a.subtree(t.i) if x.end <= clause_end]
            if not sub:
                return None
            words = self.doc.text[sub[0].start:sub[-1].end].strip(" ,;")
            return words if 1 <= len(words.split()) <= 14 else None

        for c in a.children(head.i):
            if c.dep == "prep" and c.lower in ("in", "for") and c.i > head.i:
                got = next((phrase(o) for o in a.children(c.i) if o.dep == "pobj"), None)
                if got:
                    return got
        v = next((x for x in a.ancestors(head.i) if x.pos == "VERB"), None)
        if v is None:
            return None
        for c in a.children(v.i):
            if c.dep == "prep" and c.lower == "for" and c.i > head.i:
                got = next((phrase(o) for o in a.children(c.i) if o.dep == "pobj"), None)
                if got:
                    return got
            if c.dep in ("xcomp", "advcl") and c.i > head.i and any(x.lower == "to" and x.dep == "aux" for x in a.children(c.i)):
                got = phrase(c)
                if got:
                    return re.sub(r"^to\s+", "", got)
        return None

    def _subject_donor(self, m: Money) -> list[tuple[str, str]]:
        """The donor as the parse gives it: the subject of the verb of giving that governs the amount, through
        a relative clause ("the Gates Foundation, which committed $1.6 billion")."""
        a = self.doc.analysis
        toks = a.tokens_in(m.start, m.end) if a is not None else []
        if not toks:
            return []
        v = next((x for x in a.ancestors(toks[-1].i) if x.pos == "VERB"), None)
        syn = Syntax(a)
        classes = lemma_classes()
        if v is None:
            return []
        # "announced a contribution of $912 million": a verb of deciding over a noun of giving gives too
        given = any("give_noun" in classes.get(x.lemma, frozenset()) and x.dep in ("dobj", "nsubjpass") and
                    x.head == v.i for x in a.ancestors(toks[-1].i))
        if "give" not in classes.get(v.lemma, frozenset()) and not ("decide" in classes.get(v.lemma, frozenset()) and given):
            return []
        out = []
        for t in syn.subjects(v):
            act = syn.actors(self.doc, t)
            if act and act[0] == "country":
                out.append(act)
                continue
            lo, hi = syn.np_span(t)
            org = next((x.key for x in self.doc.orgs if lo <= x.start < hi), None) or self.doc.recognised_org(lo, hi)
            if org is not None:
                out.append(("organization", org))
        return out[:1]

    def _is_recipient(self, pos: int) -> bool:
        """The word at `pos` is the indirect object of a verb of giving ("give Lebanon €1bn", "offered Kyiv
        $500m")."""
        a = self.doc.analysis
        t = a.token_at(pos) if a is not None else None
        return t is not None and t.dep == "dative" and \
            "give" in lemma_classes().get(a.tokens[t.head].lemma, frozenset())

    def _each_gave(self, m: Money) -> bool:
        """"Norway and Denmark each pledged $100 million": "each" on the verb that governs the amount."""
        a = self.doc.analysis
        toks = a.tokens_in(m.start, m.end) if a is not None else []
        v = next((x for t in toks[-1:] for x in a.ancestors(t.i) if x.pos in ("VERB", "AUX")), None) if toks else None
        if v is None:
            return False
        near = [x for c in a.children(v.i) for x in (c, *a.children(c.i))]  # "each" on the verb or on its subject
        return any(x.lower == "each" and x.i < v.i for x in near)

    def _from_phrase_donor(self, m: Money) -> tuple[str, str] | None:
        """"$100 million from Canada": the amount's own "from" phrase names its donor."""
        a = self.doc.analysis
        toks = a.tokens_in(m.start, m.end) if a is not None else []
        if not toks:
            return None
        inside = {t.i for t in toks}
        head = next((t for t in toks if t.head not in inside or t.head == t.i), toks[-1])
        syn = Syntax(a)
        holders = [head]
        if head.dep == "nsubj" and a.tokens[head.head].lemma == "come":
            holders.append(a.tokens[head.head])  # "A further €200 million will come from the Netherlands"
        if head.dep == "dobj" and a.tokens[head.head].lemma in ("receive", "get", "obtain"):
            holders.append(a.tokens[head.head])  # "The WHO will receive $50 million from Norway"
        for c in [c for h in holders for c in a.children(h.i)]:
            if c.dep == "prep" and c.lower == "from":
                for o in a.children(c.i):
                    act = syn.actors(self.doc, o) if o.dep == "pobj" else None
                    if act and act[0] == "country":
                        return act
                    if o.dep == "pobj":
                        lo, hi = syn.np_span(o)
                        org = next((x for x in self.doc.orgs if lo <= x.start < hi), None)
                        if org is not None:
                            return ("organization", org.key)
        return None

    def _told_before(self, donor: tuple[str, str], what: str) -> bool:
        """The donor has a pledge already whose sentence names the same thing ("loans")."""
        words = {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z][\w\-]{3,}", what)}
        for d in self.out:
            if d.donor == donor:
                told = {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z][\w\-]{3,}", d.sentence.text)}
                if words & told:
                    return True
        return False

    def _actor_at(self, pos: int) -> tuple[str, str] | None:
        for c in self.doc.countries:
            if c.start <= pos < c.end + 1 and c.form in ("name", "possessive", "capital"):
                return "country", c.iso3
        for o in self.doc.orgs:
            if o.start <= pos < o.end:
                return "organization", o.key
        return None

    def _clause(self, sent: Sentence, at: int) -> tuple[int, int]:
        """The clause around `at`: bounded by ';', ', while', ', and', ', but', ', whereas'."""
        text = self.doc.text
        c0, c1 = sent.start, sent.end
        for m in re.finditer(r";|,\s+(?:while|whereas|but|and)\s+", text[sent.start:sent.end]):
            pos = sent.start + m.start()
            if pos < at:
                c0 = sent.start + m.end()
            elif pos >= at:
                c1 = min(c1, pos)
                break
        return c0, c1

    def _restate_previous(self, m: Money) -> None:
        """'The funds, equivalent to 471.9 billion Japanese yen': the donor's own currency for the last pledge."""
        last = next((d for d in reversed(self.out) if d.amount is not None), None)
        if last is None:
            return
        own = _NATIONAL.get(last.donor[1])
        if not own or own != settle_currency(m.currency, last.donor[1]):
            return
        new_eur, _ = to_eur(m.amount, own, last.announced or self.doc.published)
        for d in self.out:  # every earlier report of the same sum (a rounded conversion) gets the exact one
            if d.donor == last.donor and d.eur and new_eur and abs(d.eur - new_eur) <= 0.15 * new_eur and d.currency != own:
                d.amount, d.currency, d.money = m.amount, own, m
                d.eur, d.rate_date = to_eur(d.amount, d.currency, d.announced or self.doc.published)

    def _list_item_donor(self, sent: Sentence) -> tuple[str, str] | None:
        """'Netherlands: €200 million for …' — a bulleted line that starts with its donor."""
        m = re.match(r"^[•\-*–\s]*((?:the\s+)?[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3}):\s", sent.text)
        if not m:
            return None
        label = (sent.start + m.start(1), sent.start + m.end(1))
        for c in self.doc.countries:  # the label is the donor's name and nothing else
            if (c.start, c.end) == label and c.form in ("name", "possessive"):
                return ("country", c.iso3)
        for o in self.doc.orgs:
            if (o.start, o.end) == label:
                return ("organization", o.key)
        return None

    def _donors(self, sent: Sentence, at: int, floor: int | None = None) -> tuple[list[tuple[str, str]], str | None]:
        """The donor(s) of a pledge word at `at`: the subject before it, else the speaker's country."""
        text = self.doc.text
        base = floor if floor is not None else sent.start
        clause_start = base
        for m in re.finditer(r"[;]|,\s+(?:and|but|while|whereas)\s+|\b(?:said|says|noted|added|announced|stated|reported|"
                             r"confirmed|told [\w ]+?)\s+(?:that\s+)?", text[base:at]):
            clause_start = base + m.end()
        donors, person = self._donors_in(sent, clause_start, at)
        if not donors and clause_start > (floor or sent.start) and not GROUP_SUBJECT.search(text[clause_start:at]):
            donors, person = self._donors_in(sent, floor or sent.start, at)
        return donors, person

    def _donors_in(self, sent: Sentence, clause_start: int, at: int) -> tuple[list[tuple[str, str]], str | None]:
        doc, text = self.doc, self.doc.text
        region = (clause_start, at)
        cands: list[tuple[int, tuple[str, str]]] = []
        for c in doc.countries:
            if region[0] <= c.start < region[1] and c.iso3 != "UKR" and not self._person_modifier(c):
                if c.form == "demonym" and not re.match(
                        r"\s+(?:government|authorities|cabinet|side|state|announcement|pledge|contribution|commitment|"
                        r"package|donation|aid)\b", text[c.end:c.end + 15]):
                    continue
                if re.match(r" ?\$", text[c.end:c.end + 2]):
                    continue  # "US$949 million": a currency, not a country
                if re.match(r"-(?:made|built|produced|designed|manufactured|led|based)\b", text[c.end:c.end + 14]):
                    continue  # "U.S.-made weapons": where they come from, not who gives them
                if NOT_DONOR_BEFORE.search(text[max(sent.start, c.start - 20):c.start]):
                    continue  # "In addition to Norway, Germany … are also participating"
                if self._is_recipient(c.start):
                    continue  # "The EU will give Lebanon €1bn": who is given to
                cands.append((c.start, ("country", c.iso3)))
        for p in doc.places:
            if region[0] <= p.start < region[1] and p.place.kind in ("city", "venue") and p.place.iso3 and p.place.iso3 != "UKR" and \
                    re.match(r"\s+(?:will|would|has|have|is|also|had|pledged|announced|promised)\b", text[p.end:p.end + 12]):
                cands.append((p.start, ("country", p.place.iso3)))
        for o in doc.orgs:
            if region[0] <= o.start < region[1] and doc.gaz.orgs[o.key].kind == "format" and \
                    re.search(r"\b(?:leaders|ministers|members|countries|governments)\s+of\s+(?:the\s+)?$",
                              text[max(sent.start, o.start - 30):o.start], re.I):
                cands.append((o.start, ("organization", o.key)))  # "Leaders of the Group of Seven agreed to provide"
            if region[0] <= o.start < region[1] and doc.gaz.orgs[o.key].kind in ("union", "institution", "alliance", None) \
                    and not re.match(r"\s*(?:trust\s+)?(?:program|programme|initiative|mechanism|fund)\b", text[o.end:o.end + 21], re.I):
                cands.append((o.start, ("organization", o.key)))
        person = None
        persons = [p for p in doc.persons if clause_start - 200 <= p.start < at and p.start >= sent.start]
        if persons:
            person = persons[-1].key
        if cands:
            cands.sort()
            group = [cands[-1]]
            for pos, dn in reversed(cands[:-1]):
                between = text[self._end_of(pos, dn): group[-1][0]]
                if re.fullmatch(r"\s*(?:,|and|, and|&|as well as)\s*(?:the\s+)?", between):
                    group.append((pos, dn))
                else:
                    break
            donors = list(dict.fromkeys(dn for _p, dn in reversed(group)))
            last_end = self._end_of(*group[0])  # the candidate nearest the pledge word
            if donors[-1][0] == "organization" and re.match(r"\s+(?:allies|members|member states|countries|states)\b",
                                                            text[self._end_of(*group[0]):self._end_of(*group[0]) + 16]):
                return donors[-1:], person  # "NATO allies would also share …", "EU countries to co-finance …"
            if GROUP_SUBJECT.search(text[last_end:at]):
                return [], person  # "since the UK and Germany took over, partners have secured £50bn"
            return donors, person
        # no donor written: the announcing person's country ("Starmer said Ukraine will be allowed to use £1.6bn")
        if GROUP_SUBJECT.search(text[clause_start:at]):
            return [], None
        speaker = self.speakers.get(sent.index)
        for key in ([person] if person else []) + ([speaker] if speaker else []):
            iso, org = doc.country_of_person(key)
            if iso and iso != "UKR":
                return [("country", iso)], key
            if iso == "UKR":
                continue
            if org:
                return [("organization", org)], key
        return [], None

    def _donors_after_verb(self, sent: Sentence, a: int, b: int) -> list[tuple[str, str]]:
        """'provided by the Netherlands and other NATO members' / 'a package from the Swedish Armed Forces'."""
        text = self.doc.text
        fm = re.match(r"\s*(?:[^,;]{0,60}?\bfrom\s+)?(?:the\s+)?", text[a:b])
        at = a + (fm.end() if fm else 0)
        for c in self.doc.countries:
            if c.start in (at, at - 4) and c.iso3 != "UKR":
                if c.form == "demonym" and not re.match(r"\s+(?:government|Armed Forces|armed forces|army|military|"
                                                        r"ministry|Ministry|state)\b", text[c.end:c.end + 16]):
                    continue
                return [("country", c.iso3)]
        for o in self.doc.orgs:
            if o.start in (at, at - 4) and self.doc.gaz.orgs[o.key].kind in ("union", "institution", "alliance", None):
                return [("organization", o.key)]
        return []

    def _donor_after(self, sent: Sentence, m: Money) -> list[tuple[str, str]]:
        """'a €50 million contribution from Denmark', '$300 million that the United States promised'."""
        text = self.doc.text
        tail = text[m.end:min(sent.end, m.end + 90)]
        fm = re.search(r"\b(?:from|by|that)\s+(?:the\s+)?", tail)
        if not fm or re.search(r"[;]", tail[:fm.start()]):
            return []
        at = m.end + fm.end()
        for c in self.doc.countries:
            if c.start in (at, at - 4) and c.iso3 != "UKR" and c.form in ("name", "possessive"):
                if fm.group(0).startswith("that") and not re.match(r"\s+(?:has |have |had )?(?:promised|pledged|committed|"
                                                                     r"announced|provided|approved|set aside|earmarked|"
                                                                     r"allocated)", text[c.end:c.end + 30]):
                    return []
                return [("country", c.iso3)]
        for o in self.doc.orgs:
            if o.start in (at, at - 4) and self.doc.gaz.orgs[o.key].kind in ("union", "institution", "alliance", None):
                return [("organization", o.key)]
        return []

    def _end_of(self, pos: int, dn: tuple[str, str]) -> int:
        for c in self.doc.countries:
            if c.start == pos:
                return c.end
        for o in self.doc.orgs:
            if o.start == pos:
                return o.end
        for p in self.doc.places:
            if p.start == pos:
                return p.end
        return pos

    def _person_modifier(self, c) -> bool:
        return any(p.span_start <= c.start and c.end <= p.end for p in self.doc.persons if p.via != "pronoun")

    def _add(self, sent: Sentence, donor: tuple[str, str], m: Money | None, person: str | None, rule: str, at: int) -> None:
        doc, text = self.doc, self.doc.text
        if donor in NOT_DONORS:
            return  # Russia's suppliers are not Ukraine's donors
        c0, c1 = self._clause(sent, at)
        if re.search(r"\bto (?:Russia|Moscow|the Kremlin|Belarus|Minsk)\b|\b(?:Russia|Moscow) (?:will|would) receive\b",
                     text[c0:c1]):
            return
        d = PledgeDraft(donor, sent, rule, money=m)
        speaker = self.speakers.get(sent.index)
        agent = self._agent_in(c0, c1, m)
        for cand in (person, speaker, agent):
            # "Japan pledged $4.5 billion, Prime Minister Fumio Kishida said"; "…, announced by Commissioner X"
            if not cand:
                continue
            iso, org = doc.country_of_person(cand)
            if (donor[0] == "country" and iso == donor[1]) or (donor[0] == "organization" and org == donor[1]):
                person = cand
                break
        if person:
            iso, org = doc.country_of_person(person)
            if (donor[0] == "country" and iso == donor[1]) or (donor[0] == "organization" and org == donor[1]):
                d.donor_person = person
        elif agent and doc.country_of_person(agent) == (None, None):
            d.donor_person = agent  # the one the clause says announced it, of no known other allegiance
        if m is not None:
            d.amount = m.amount
            d.currency = settle_currency(m.currency, donor[1] if donor[0] == "country" else None)
        _c0, c1 = self._clause(sent, m.start if m else at)
        tail = text[(m.end if m else at): max(c1, (m.end if m else at))]
        what = (self._what_of_money(m, c1) if m else None)
        if what is None:
            what = re.sub(r"^\W+", "", tail).strip().rstrip(".")
            if m is not None:
                # what follows the amount up to the next comma, unless it only places or dates it ("at the
                # conference", "this year, the minister said")
                what = re.split(r",(?!\d{3})", what)[0].strip()  # (not inside "5,000")
                if re.match(r"(?:at|from|on|in|this|last|next|during|over|by|and|while|as)\b", what, re.I) or \
                        any(m.end < x.start < c1 for x in doc.money):
                    what = ""  # (or it tells the next donor's amount)
        if len(what) > 140:  # at a word's end, never mid-word
            what = what[:141].rsplit(" ", 1)[0].rstrip(" ,;:-–—(")
        d.what = (what or None)
        scope = sent.text
        for kind, rx in KIND_WORDS:
            if rx.search(scope):
                d.kind = kind
                break
        dates = [x for x in doc.dates if sent.start <= x.start < sent.end]
        keys = self.mf.by_sentence.get(sent.index, [])
        d.meeting = keys[0] if keys else None
        if dates:
            d.announced = min(dates, key=lambda x: abs(x.start - at)).date
        elif d.meeting:
            md = next((x for x in self.mf.drafts if x.key == d.meeting), None)
            d.announced = md.start if md else None
        elif not PRIOR.search(sent.text):
            d.announced = doc.published
        if d.meeting is None and d.announced:
            # announced the day of a meeting the article reports: made at that meeting
            same_day = [m for m in self.mf.drafts if m.start and 0 <= (d.announced - m.start).days <= 1
                        and m.precision == "day" and not m.bilateral and not m.future]
            if len(same_day) == 1:
                d.meeting = same_day[0].key
                if not dates:  # told the day after without a day of its own: made on the meeting's day
                    d.announced = same_day[0].start
        if re.search(r"\b(Ukraine|Ukrainian|Kyiv|Kiev)\b", sent.text):
            d.recipient = ("country", "UKR")
        if d.amount is not None and d.currency:
            d.eur, d.rate_date = to_eur(d.amount, d.currency, d.announced or doc.published)
        self.out.append(d)

    def _worth_of_the_last(self, sent: Sentence, m: Money) -> bool:
        """"… confirmed 650 missiles for Ukraine's air defence. The package is worth 162 million pounds.": the
        amount a definite noun of giving (or "it") is worth, valued at or costs is that of the one pledge without
        an amount the sentence before told."""
        a = self.doc.analysis
        toks = a.tokens_in(m.start, m.end) if a is not None else []
        if not toks:
            return False
        pred = next((x for x in a.ancestors(toks[-1].i) if x.lemma in ("worth", "value", "cost", "total") or
                     x.pos in ("VERB", "AUX")), None)
        if pred is None or pred.lemma not in ("worth", "value", "cost", "total"):
            return False
        verb = a.tokens[pred.head] if pred.pos == "ADJ" else pred
        subj = [c for c in a.children(verb.i) if c.dep in ("nsubj", "nsubjpass")]
        if len(subj) != 1 or not (subj[0].lower in ("it", "this") or (
                subj[0].lemma in ("package", "deal", "aid", "contribution", "delivery", "shipment", "consignment")
                and any(c.dep == "det" and c.lower in ("the", "this", "that") for c in a.children(subj[0].i)))):
            return False
        last = [d for d in self.out if d.sentence.index == sent.index - 1]
        if not last or len({d.donor for d in last}) != 1 or any(d.amount is not None for d in last) or \
                last[0].sentence.paragraph != sent.paragraph:
            return False
        for d in last:  # (one pledge, perhaps found by two rules; merged later)
            d.money, d.amount = m, m.amount
            d.currency = settle_currency(m.currency, d.donor[1] if d.donor[0] == "country" else None)
            d.eur, d.rate_date = to_eur(d.amount, d.currency, d.announced or self.doc.published)
            d.extra_evidence.append((sent, "pledge.worth_of_the_last"))
        return True

    def _agent_in(self, c0: int, c1: int, m: Money | None) -> str | None:
        """The person in the "by" phrase of a participle on the amount ("522 million euros, announced by
        Commissioner Dubravka Suica"; not "the fund set up by Bill Gates")."""
        a = self.doc.analysis
        toks = a.tokens_in(m.start, m.end) if a is not None and m is not None else []
        if not toks:
            return None
        on_amount = {t.i for t in toks} | {x.i for x in a.ancestors(toks[-1].i)}  # the amount, or what governs it
        syn = Syntax(a)
        for v in a.tokens_in(c0, c1):
            if v.pos == "VERB" and v.tag == "VBN" and v.dep in ("acl", "advcl") and v.head in on_amount:
                for t in syn.agents(v):
                    act = syn.actors(self.doc, t)
                    if act and act[0] == "person":
                        return act[1]
        return None

    # ------------------------------------------------------------ one pledge, one record
    def _merge(self) -> list[PledgeDraft]:
        out: list[PledgeDraft] = []
        for d in self.out:
            same = None
            for o in out:
                if o.donor != d.donor:
                    continue
                if d.amount is not None and o.amount is not None and d.eur and o.eur:
                    if d.sentence.index == o.sentence.index and d.money is not o.money and d.money and o.money and \
                            d.money.start != o.money.start:
                        continue  # "$20 million for Gaza and $20 million for Lebanon": two amounts told, two pledges
                    if abs(d.eur - o.eur) <= 0.03 * max(d.eur, o.eur) and not self._new_marker(d, o):
                        same = o
                        break
                elif d.amount is None and o.sentence.index == d.sentence.index:
                    same = o  # the same sentence read twice
                    break
                elif d.amount is None and o.amount is not None and o.sentence.index == d.sentence.index:
                    same = o
                    break
            if same is None:
                out.append(d)
                continue
            same.extra_evidence.append((d.sentence, d.rule))
            own = _NATIONAL.get(d.donor[1])
            if d.currency and own == d.currency and same.currency != own:
                same.amount, same.currency, same.money = d.amount, d.currency, d.money
            same.donor_person = same.donor_person or d.donor_person
            same.meeting = same.meeting or d.meeting
        self._link_parts(out)
        return self._parts_or_whole(out)

    @staticmethod
    def _parts_or_whole(pledges: list[PledgeDraft]) -> list[PledgeDraft]:
        """An item named inside a package that it does not exhaust ("$1.5 billion, including $1.3 billion in
        military support") is no pledge of its own: it stays as evidence of the package. Items that add up to
        their package ("$35 million: $30 million for vehicles and $5 million for kits") are kept, with it."""
        drop: set[int] = set()
        for pkg in pledges:
            parts = [d for d in pledges if d.part_of is pkg]
            if not parts:
                continue
            whole = pkg.eur and len(parts) >= 2 and abs(sum(p.eur or 0 for p in parts) - pkg.eur) <= 0.02 * pkg.eur
            if not whole:
                for p in parts:
                    drop.add(id(p))
                    pkg.extra_evidence.append((p.sentence, p.rule))
        return [d for d in pledges if id(d) not in drop]

    def _link_parts(self, pledges: list[PledgeDraft]) -> None:
        """'$4.3 billion … that sum includes $2 billion for weapons': the $2 billion is an item of the package."""
        text = self.doc.text
        for d in pledges:
            if d.money is None or d.amount is None:
                continue
            lead = text[max(d.sentence.start, d.money.start - 60):d.money.start]
            if not re.search(r"\b(?:including|includes|include|of which|comprising|among them|consisting of)\b[^.;]*$|"
                             r"\d\s?(?:bn|billion|m|million)?[^:.;]{0,40}:\s*(?:[^.;:]*\band\s+)?$", lead, re.I):
                continue
            for o in pledges:
                if o is d or o.donor != d.donor or o.amount is None or o.eur is None or d.eur is None:
                    continue
                if o.eur > d.eur and o.money is not None and o.money.start < d.money.start:
                    d.part_of = o  # the latest larger pledge of the donor before it
            # parts told after their package ("Canada is lending $2.3 billion") join it when they add up
        for pkg in pledges:
            parts = [d for d in pledges if d.part_of is pkg]
            if not parts or pkg.eur is None:
                continue
            rest = [d for d in pledges if d is not pkg and d.part_of is None and d.donor == pkg.donor and d.eur
                    and d.money is not None and pkg.money is not None and d.money.start > pkg.money.start]
            total = sum(p.eur for p in parts)
            for d in rest:
                if abs(total + d.eur - pkg.eur) <= 0.02 * pkg.eur:
                    d.part_of = pkg

    def _new_marker(self, d: PledgeDraft, o: PledgeDraft) -> bool:
        """'a further €500m' is a new pledge even when the sum repeats an earlier one, told as made another day;
        the same sum made the same day for the same meeting is a restatement, whatever "additional" says
        ("Blinken announced $404 million in new assistance … 'I am announcing an additional $404 million'")."""
        t = self.doc.text
        if d.announced and d.announced == o.announced and d.meeting == o.meeting:
            return False
        for x in (d, o):
            if x.money and re.search(r"\b(further|additional|another|new)\s+(?:\S+\s+){0,2}$", t[max(0, x.money.start - 30):x.money.start], re.I):
                return d.sentence.index != o.sentence.index and x is d
        return False


# The currency of the donor's own money, to prefer it when an article gives two equal amounts.
_NATIONAL = {"NOR": "NOK", "SWE": "SEK", "DNK": "DKK", "GBR": "GBP", "JPN": "JPY", "CAN": "CAD", "AUS": "AUD",
             "NZL": "NZD", "USA": "USD", "POL": "PLN", "CHE": "CHF", "CZE": "CZK", "european-union": "EUR"}
for _iso in ("DEU", "FRA", "ITA", "ESP", "NLD", "BEL", "AUT", "FIN", "IRL", "PRT", "GRC", "LUX", "EST", "LVA", "LTU",
             "SVK", "SVN", "HRV", "MLT", "CYP", "european-commission"):
    _NATIONAL[_iso] = "EUR"


def to_pledges(doc: Doc, drafts: list[PledgeDraft]) -> list[Pledge]:
    out = []
    keys = {id(d): f"P{i}" for i, d in enumerate(drafts, 1)}
    for i, d in enumerate(drafts, 1):
        told = {(s.index, r): (s, r) for s, r in [(d.sentence, d.rule)] + d.extra_evidence}  # each once, in order
        ev = [doc.evidence(s, r) for s, r in told.values()]
        out.append(Pledge(
            key=f"P{i}", donor=Actor(kind=d.donor[0], key=d.donor[1]), donor_person=d.donor_person,
            recipient=Actor(kind=d.recipient[0], key=d.recipient[1]) if d.recipient else None,
            amount=d.amount, currency=d.currency, amount_eur=round(d.eur, 2) if d.eur is not None else None,
            eur_rate_date=d.rate_date if d.eur is not None else None, what=d.what, kind=d.kind,
            announced=d.announced, status="announced", meeting=d.meeting,
            part_of=keys.get(id(d.part_of)) if d.part_of is not None else None, evidence=ev))
    return out
