"""Who took part in a meeting, read from the dependency parse through a small closed set of relations.

A participation predicate is a word whose lemma is in a class of data/lemmas.tsv (host, chair, attend,
absent, speech; the adjectives "present"/"absent"; nouns such as "speech", "visit", "absence"). It is tied
to a meeting when one of its phrases (object, prepositional phrase) holds a meeting mention, when it
names the meeting's place ("landing in Riyadh"), or when its sentence tells of one meeting only. Its
participants are found through these relations only:

- subject (nsubj), and the head noun of a relative clause or participle ("leaders who attended",
  "A and B landing in …"), and the subject of the clause that governs an infinitive or adjunct clause
  ("X plans to attend", "Sitting with A, X said");
- passive agent ("hosted by X", "was represented by X") and the passive subject of "welcomed"/"received";
- object of meet/welcome/receive/host/invite ("met X", "welcomed X");
- "with"/"alongside"/"together with" phrases on the predicate or on the meeting noun ("talks with X");
- possessor of a speech or visit noun ("her speech at the summit", "his visit to Kyiv");
- and, from each of these, conjunction and apposition ("A, B and C", "its minister, X").

Status: "absent" for the absent class, negation or "absence"; "expected" for a future auxiliary or a
governing verb of the future class ("is due to join"), or a meeting dated after publication; else
"attended". Role: host or chair from the predicate's class, else participant.
"""
from __future__ import annotations

import re

from coalition_graph.loaders.extract.analysis import Analysis, Token
from coalition_graph.loaders.extract.context import Doc
from coalition_graph.loaders.extract.meetings import MeetingFinder
from coalition_graph.loaders.extract.syntax import Syntax, gerund_lemma, lemma_classes
from coalition_graph.loaders.extract.text import Sentence

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5}
GUEST_OBJECT = {"meet", "welcome", "receive", "host", "co-host"}

# what a person cancels or declines that was their coming to a meeting
GOING_NOUNS = frozenset({"trip", "visit", "invitation", "attendance", "participation", "appearance", "journey"})


class ParticipationFinder:
    def __init__(self, doc: Doc, meetings: MeetingFinder, speakers: dict[int, str] | None = None):
        self.doc = doc
        self.mf = meetings
        self.speakers = speakers or {}  # sentence index -> speaker: "I" in a quote is its speaker
        self.a: Analysis | None = doc.analysis
        self.classes = lemma_classes()
        self.syn = Syntax(self.a) if self.a is not None else None
        # (meeting key, "person"|"country", key, role, status, sentence, rule)
        self.found: list[tuple[str, str, str, str, str, Sentence, str]] = []

    def run(self) -> list[tuple[str, str, str, str, str, Sentence, str]]:
        if self.a is None:
            return []
        for sent in self.doc.sentences:
            toks = self.a.tokens_in(sent.start, sent.end)
            for t in toks:
                self._predicate(t, sent)
        return self.found

    # ------------------------------------------------------------ one predicate
    def _predicate(self, t: Token, sent: Sentence) -> None:
        cls = self.classes.get(t.lemma, frozenset())
        if t.pos == "VERB":
            self._on_the_sidelines(t, sent)
        if t.pos == "VERB" and cls & {"host", "chair"} and t.dep == "amod" and t.tag == "VBN":
            self._hosted_by_modifier(t, cls, sent)
        elif t.pos in ("VERB", "AUX") and cls & {"host", "chair", "attend", "absent", "speech"}:
            self._verb(t, cls, sent)
        elif t.pos == "ADJ" and t.lemma in ("present", "absent") and t.dep in ("acomp", "amod", "attr"):
            self._adjective(t, sent)
        elif t.pos in ("NOUN", "PROPN") and "title_host" in cls and (
                t.dep in ("compound", "nmod", "amod") or
                # "Giorgia Meloni, the host, told reporters": the title in apposition to the name
                (t.dep == "appos" and self.a.tokens[t.head].ent == "PERSON" and
                 any(c.lower == "the" for c in self.a.children(t.i)))):
            self._title_host(t, sent)
        elif t.pos == "AUX" and t.lemma == "be":
            self._copula(t, sent)
        elif t.pos == "VERB" and "expected" in cls:
            self._expected(t, sent)
        elif t.pos == "VERB" and t.lemma in ("send", "dispatch"):
            self._sent_to(t, sent)
        elif t.pos == "VERB" and t.lemma == "invite":
            self._invited_as(t, sent)
        elif t.pos in ("VERB", "AUX") and "gathering" in cls:
            self._meeting_subject(t, sent)
        elif t.pos == "NOUN" and ("participant_noun" in cls or (t.lemma == "arrival" and t.tag == "NNS")):
            self._participant_noun(t, sent)  # (also "Arrivals so far include A and B")
        elif t.pos == "NOUN" and "chair_noun" in cls:
            self._chairmanship(t, sent)
        elif t.pos == "NOUN" and t.lemma == "invitation" and t.dep == "pobj" and self.a.tokens[t.head].lower in ("at", "on"):
            self._at_invitation_of(t, sent)
        elif t.pos == "PRON" and t.lower in ("them", "those") and t.dep == "pobj":
            self._among_them(t, sent)
        elif t.pos == "NOUN" and cls & {"speech_noun", "absent_noun"}:
            self._noun(t, cls, sent)
        elif t.pos == "NOUN" and t.lower.endswith("ing") and not self._is_meeting_word(t, sent) and \
                any("attend" in self.classes.get(lemma, frozenset()) for lemma in gerund_lemma(t.text)):
            # "showed A and B landing in Doha", parsed as a noun "landing" owned by A and B
            self._noun(t, frozenset({"speech_noun"}), sent)

    def _verb(self, v: Token, cls: frozenset[str], sent: Sentence) -> None:
        if v.lemma == "take" and not any(c.lemma == "part" for c in self.a.children(v.i)):
            return  # only "take part"
        if v.lemma == "stay" and not any(c.lower in ("away", "home") for c in self.a.children(v.i)):
            return  # only "stay away", "stay home"
        if v.lemma == "pull" and not any(c.lower == "out" for c in self.a.children(v.i)):
            return  # only "pull out (of the summit)"
        # "cancelled his trip", "declined the invitation": only what would have been the coming to the meeting
        called_off = [c for c in self.a.children(v.i) if c.dep == "dobj" and c.lemma in GOING_NOUNS]
        if v.lemma in ("cancel", "postpone", "scrap", "decline") and not called_off:
            return
        delegation = v.lemma in ("head", "lead") and (
            self._object_is(v, {"delegation"}) or  # "The US delegation was led by Rubio"
            any(c.dep == "nsubjpass" and c.lemma == "delegation" for c in self.a.children(v.i)))
        if v.lemma in ("head", "lead") and not delegation and self._meeting_in_phrases(v, sent) is None:
            return  # "led the talks" is taking part; "led the country" is not
        speech_only = not (cls & {"host", "chair", "attend", "absent"})
        # a speaker took part only where a phrase puts the speaking at the meeting ("said at the summit",
        # "on the sidelines of the talks"); "called for a summit" is about one
        meeting = self._meeting_in_phrases(v, sent, preps=self._at_meeting if speech_only else None)
        if meeting is None and speech_only:
            # "told the closing plenary", "told the summit": the meeting (or its sitting) spoken to
            meeting = next((k for c in self.a.children(v.i) if c.dep in ("dobj", "dative")
                            for k in [self._holds_meeting(c, sent) or self._sitting(c, sent)] if k), None)
        if meeting is None and not speech_only:
            meeting = self._meeting_by_place(v, sent) or self._meeting_of_verb(v, sent) or self._only_meeting(v, sent)
        if meeting is None and called_off:
            meeting = self._meeting_told(v, sent)  # "Orban declined the invitation": to the meeting being told
        if meeting is None and v.dep == "conj" and cls & {"host", "chair"}:
            # "It was hosted by A and was convened jointly with B": the meeting of the verb it is joined to
            head = self.a.tokens[v.head]
            meeting = self._meeting_in_phrases(head, sent) or self._it_meeting(head, sent)
        if meeting is None and cls & {"host", "chair"}:
            meeting = self._it_meeting(v, sent)
        as_title = self._as_title(v)  # "welcomed donors as co-host"
        # "Zelenskyy, who addressed the leaders by video": an object that is the meeting's members is no other thing
        members = any(c.dep == "dobj" and c.tag in ("NNS", "NNPS") and
                      "group_noun" in self.classes.get(c.lemma, frozenset()) for c in self.a.children(v.i))
        flew_in = v.lemma in ("fly", "come", "arrive", "travel") and \
            any(c.dep in ("prt", "advmod") and c.lower == "in" for c in self.a.children(v.i)) and \
            not any(c.dep in ("prep", "dobj") for c in self.a.children(v.i))
        # "Zelenskyy, who arrived in the afternoon, …": arriving, at no place, at the meeting being told
        arrived = v.lemma == "arrive" and not any(c.dep == "dobj" for c in self.a.children(v.i)) and not any(
            c.dep == "prep" and any(o.dep == "pobj" and (o.ent in ("GPE", "LOC", "FAC", "ORG") or
                                                         self.doc.within(self.doc.places, o.start, o.end))
                                    for o in self.a.children(c.i)) for c in self.a.children(v.i))
        if meeting is None and (flew_in or arrived or self._came_bearing(v)):
            meeting = self._context_meeting(sent)  # "Canada's Justin Trudeau flew in": to the meeting being told
        plain = not any(c.dep in ("neg", "aux") and c.lower in ("not", "n't", "never", "to") for c in self.a.children(v.i)) \
            and v.tag != "VB" and v.dep not in ("xcomp", "ccomp")  # (not "would not sit at the table", "wants to sit")
        at_table = plain and v.lemma in ("sit", "take") and any(
            c.dep == "prep" and c.lower in ("at", "around") and any(o.dep == "pobj" and o.lemma in ("table", "seat") for o in
                                                                   self.a.children(c.i)) for c in self.a.children(v.i))
        # "Xi Jinping is confirmed" in a preview: named as coming to the meeting being told
        confirmed = v.lemma == "confirm" and any(c.dep == "auxpass" for c in self.a.children(v.i)) and \
            not any(c.dep in ("ccomp", "xcomp", "prep", "agent", "npadvmod", "advmod") for c in self.a.children(v.i))
        # "presented the plan to the 27 heads of state", "told the leaders": speaking to the meeting's members
        to_members = speech_only and any(
            o.tag in ("NNS", "NNPS") and "group_noun" in self.classes.get(o.lemma, frozenset()) and
            not any(x.dep == "poss" for x in self.a.children(o.i))
            for c in self.a.children(v.i)
            for o in ([c] if c.dep in ("dobj", "dative") and v.lemma == "tell" else
                      [x for x in self.a.children(c.i) if x.dep == "pobj"] if c.dep == "prep" and c.lower == "to" else []))
        if meeting is None and (at_table or confirmed or to_members):
            meeting = self._meeting_told(v, sent)
            if meeting is not None and confirmed and not self._draft_future(meeting):
                meeting = None  # "Rubio was confirmed Monday": confirmed in office, not named for a meeting held
            if meeting is not None and to_members and not self._then_and_there(sent, meeting):
                meeting = None  # "On Saturday, Zelenskyy told his ministers in Kyiv …"
        if meeting is None and members and "host" in cls and v.lemma in GUEST_OBJECT:
            meeting = self._meeting_told(v, sent)  # "Meloni welcomed delegations from 100 countries": the host
        if meeting is None and ("strong" in cls or delegation or as_title) and \
                (delegation or as_title or members or not self._has_other_object(v, sent)):
            meeting = self._context_meeting(sent)  # "Lavrov, who led his country's delegation, …"
        if meeting is None:
            return
        role = "host" if "host" in cls else "chair" if "chair" in cls else "participant"
        if as_title:
            role = "chair" if "chair" in as_title else "host"
        status = self._status(v, meeting, absent="absent" in cls)
        # "the summit, attended by 30 leaders": a past participle on a noun is passive too
        passive = any(c.dep in ("nsubjpass", "auxpass") for c in self.a.children(v.i)) or \
            (v.dep == "acl" and v.tag == "VBN")
        rule = f"participation.{sorted(cls & {'host', 'chair', 'attend', 'absent', 'speech'})[0]}"
        if passive:
            agents = self.syn.agents(v) or (self._at_level_of(v) if v.lemma == "represent" else [])
            subjects = self.syn.subjects(v)
            if confirmed:
                self._record(meeting, [t for t in subjects if self._is_person(t)], "participant", status, sent,
                             rule + ".confirmed")
                return
            if role in ("host", "chair"):  # "was convened jointly with A and B": co-hosts
                for c in self.syn.with_phrases(v):
                    self._record(meeting, self.syn.group(c), role, status, sent, rule + ".jointly_with")
            if role in ("host", "chair") or v.lemma in ("attend", "join", "represent") or speech_only or delegation \
                    or "absent" in cls:  # "the first summit missed by Xi", "a meeting boycotted by Hungary"
                # (a speech class verb got here only with the meeting in an "at" phrase: "announced by X at
                # the conference")
                self._record(meeting, agents, role, status, sent, rule + ".agent")
                if v.lemma in ("welcome", "receive", "host", "join"):
                    self._record(meeting, subjects, "participant", status, sent, rule + ".guest")
                elif v.lemma == "represent":
                    # "Putin will be represented by Oreshkin": a person stood in for is away; a country or body
                    # represented took part
                    people = [t for t in subjects if self._is_person(t)]
                    self._record(meeting, [t for t in subjects if t not in people], "participant", status, sent,
                                 rule + ".represented")
                    for t in agents:
                        self._stands_for(t, [x for x in subjects if x not in people])
                    self._record(meeting, people, "participant", "absent", sent, rule + ".stood_in_for")
            return
        subjects = self._among_whom(self.syn.subjects(v))
        if not subjects and v.tag == "VBG":
            # "Also attending were A and B": the parser makes "were" the auxiliary and hangs the people on it
            subjects = [g for x in self.a.children(v.i) if x.dep == "aux" and x.lemma == "be"
                        for c in self.a.children(x.i) if c.dep in ("attr", "nsubj") for g in self.syn.group(c)]
        self._record(meeting, subjects, role, status, sent, rule)
        if speech_only:
            return
        self._record(meeting, self._listed_after_colon(v), role, status, sent, rule + ".colon_list")
        self._record(meeting, self._as_did(v), "participant", status, sent, rule + ".as_did")
        self._instead_of(v, meeting, sent, rule)
        if v.lemma in GUEST_OBJECT or v.lemma == "join":  # "met X", "Macron joined Starmer in Kyiv"
            for c in self.a.children(v.i):
                if c.dep == "dobj" and not self._holds_meeting(c, sent):
                    self._record(meeting, self.syn.group(c), "participant", status, sent, rule + ".object")
        if v.lemma == "represent":  # "al-Shaibani represented Damascus": the country he stood for took part
            for c in self.a.children(v.i):
                if c.dep == "dobj":
                    country = self._country_named(c)
                    if country:
                        self.found.append((meeting, "country", country, "participant", status, sent,
                                           rule + ".represented_country"))
        # "co-hosted the conference with X", "chaired it jointly with X": X shares the role
        co_prefix = v.lemma.startswith("co") and v.lemma != "convene" or \
            (v.i >= 2 and self.a.tokens[v.i - 1].text == "-" and self.a.tokens[v.i - 2].lower == "co")
        shared = role in ("host", "chair") and (co_prefix or any(c.lower in ("jointly", "together")
                                                                 for c in self.a.children(v.i)))
        on_meeting = [o for c in self.a.children(v.i) if c.dep == "dobj" and self._holds_meeting(c, sent)
                      for o in self.syn.with_phrases(c)] if role in ("host", "chair") else []
        for c in self.syn.with_phrases(v) + on_meeting:
            self._record(meeting, self.syn.group(c), role if shared else "participant", status, sent, rule + ".with")

    def _on_the_sidelines(self, v: Token, sent: Sentence) -> None:
        """"On the sidelines (of the summit), A, B and C launched …": whoever acted on the sidelines of a
        meeting was at it (the meeting of the "of" phrase, else the larger one being told)."""
        for c in self.a.children(v.i):
            if c.dep != "prep" or c.lower not in ("on", "at"):
                continue
            side = next((o for o in self.a.children(c.i) if o.dep == "pobj" and o.lemma in ("sideline", "margin")), None)
            if side is None:
                self._acted_at(v, c, sent)
                continue
            meeting = self._holds_meeting(side, sent)
            if meeting is None or self._is_two_sided(meeting):
                told = [d for d in self.mf.drafts if not d.bilateral and d.head not in ("call", "video call", "visit")
                        and d.mentions and d.mentions[0][0] < sent.end]
                meeting = told[-1].key if told else None
            if meeting is None:
                continue
            subjects = self.syn.subjects(v) or [
                # the parser often hangs the subject list on the fronted phrase: "On the sidelines on Saturday,
                # A, B and C launched …" parsed as conjuncts of "Saturday"
                x for x in self.a.subtree(c.i) if x.dep == "conj" and self.syn.actors(self.doc, x)]
            self._record(meeting, subjects, "participant", self._status(v, meeting), sent,
                         "participation.on_the_sidelines")

    def _acted_at(self, v: Token, prep: Token, sent: Sentence) -> None:
        """"At the closing session Modi handed the gavel to Lula": who did something at a meeting was at it
        (verbs of attending and speaking have their own rules)."""
        if prep.lower != "at" or self.classes.get(v.lemma, frozenset()) & {"host", "chair", "attend", "absent", "speech"}:
            return
        pobj = next((o for o in self.a.children(prep.i) if o.dep == "pobj"), None)
        if pobj is None or any(x.dep == "det" and x.lower in ("a", "an") for x in self.a.children(pobj.i)):
            return  # "at a meeting" may be any other one
        meeting = self._holds_meeting(pobj, sent)
        if meeting is None or self._is_two_sided(meeting):
            return
        # (and whom it was done to there: "handed the gavel to Lula", "gave him the floor")
        others = [g for c in self.a.children(v.i) if c.dep == "dative" or (c.dep == "prep" and c.lower == "to")
                  for o in ([x for x in self.a.children(c.i) if x.dep == "pobj"] if c.lower == "to" else [c])
                  for g in self.syn.group(o)]
        people = [x for x in self.syn.subjects(v) + others if self._is_person(x)]
        self._record(meeting, people, "participant", self._status(v, meeting), sent, "participation.acted_at")

    def _is_two_sided(self, key: str) -> bool:
        return any(d.key == key and d.bilateral for d in self.mf.drafts)

    def _it_meeting(self, v: Token, sent: Sentence) -> str | None:
        """"It was hosted by X": a pronoun subject of a host or chair verb stands for the meeting just told."""
        if any(c.dep in ("nsubj", "nsubjpass") and c.lower in ("it", "which") for c in self.a.children(v.i)):
            return self._context_meeting(sent)
        return None

    def _folded_into(self, t: Token, actor: tuple[str, str]) -> list[str]:
        """People the parser folded into one name as compounds ("President A and Secretary-General B" parsed
        as one noun): the other named people inside its phrase, joined by "and" or a comma."""
        if actor[0] != "person":
            return []
        lo, hi = self.syn.np_span(t)
        near = self.doc.mentions_near(lo, hi)
        inside = [p for p in near.persons if lo <= p.start and p.end <= hi and p.via in ("name", "title")]
        if len({p.key for p in inside}) < 2:
            return []
        text = self.doc.text
        ordered = sorted(inside, key=lambda p: p.start)
        joined = all(re.search(r"(?:,|\band\b)", text[a.end:b.span_start if b.span_start > a.end else b.start])
                     for a, b in zip(ordered, ordered[1:]) if a.key != b.key)
        return [p.key for p in ordered if p.key != actor[1]] if joined else []

    def _as_is(self, kids: list[Token]) -> list[Token]:
        """The "as is X" / "as did X" clauses among a predicate's children: "…, as is Canada's Mark Carney"."""
        return [c for c in kids if c.dep == "advcl" and any(m.dep == "mark" and m.lower == "as"
                                                            for m in self.a.children(c.i))]

    def _with_no(self, t: Token) -> bool:
        """The noun has the determiner "no": "no U.S. official", "sent no delegation"."""
        return any(d.dep == "det" and d.lower == "no" for d in self.a.children(t.i))

    def _is_person(self, t: Token) -> bool:
        actor = self.syn.actors(self.doc, t)
        return bool(actor) and actor[0] == "person"

    def _stands_for(self, person: Token, countries: list[Token]) -> None:
        """"Britain sent minister X", "the US was represented by X": X represents that country there, where the
        article and the lists say nothing else of X."""
        actor = self.syn.actors(self.doc, person)
        isos = [a[1] for a in (self.syn.actors(self.doc, c) for c in countries) if a and a[0] == "country"]
        info = self.doc.people.get(actor[1]) if actor and actor[0] == "person" else None
        if info is not None and len(isos) == 1 and self.doc.country_of_person(actor[1]) == (None, None):
            info.stated.append(("", isos[0], person.start, person.end))

    def _at_invitation_of(self, n: Token, sent: Sentence) -> None:
        """"The conference, held in Paris at the invitation of France, …": the one who invited hosted the meeting
        the phrase's clause tells of."""
        v = self.a.tokens[self.a.tokens[n.head].head]
        meeting = (self._holds_meeting(self.a.tokens[v.head], sent) if v.dep == "acl" else None) or \
            self._meeting_told(v, sent)
        if meeting is None:
            return
        hosts = [o for c in self.a.children(n.i) if c.dep == "prep" and c.lower == "of"
                 for x in self.a.children(c.i) if x.dep == "pobj" for o in self.syn.group(x)]
        self._record(meeting, hosts, "host", self._status(v, meeting), sent, "participation.invitation_of")

    def _hosted_by_modifier(self, v: Token, cls: frozenset[str], sent: Sentence) -> None:
        """"the French-hosted conference", "the Saudi-hosted talks": the country before the participle hosted (or
        chaired) the meeting the participle modifies."""
        meeting = self._holds_meeting(self.a.tokens[v.head], sent)
        if meeting is None:
            return
        role = "host" if "host" in cls else "chair"
        for x in self.a.children(v.i):
            if x.dep in ("npadvmod", "compound", "nmod") and x.i < v.i:
                iso = next((c.iso3 for c in self.doc.countries if c.start <= x.start < c.end), None)
                if iso:
                    self.found.append((meeting, "country", iso, role, self._status(v, meeting), sent,
                                       "participation.hosted_by_modifier"))

    def _country_modifying(self, t: Token) -> str | None:
        """The country named by a modifier of the noun, or by a compound inside one ("U.S. government official")."""
        for x in self.a.children(t.i):
            if x.dep in ("compound", "amod", "poss"):
                for y in [x] + [y for y in self.a.children(x.i) if y.dep == "compound"]:
                    iso = self._country_named(y)
                    if iso:
                        return iso
                # a nationality adjective: "the South Korean government"
                iso = next((c.iso3 for c in self.doc.countries if c.start <= x.start < c.end), None)
                if iso:
                    return iso
        return None

    def _country_named(self, t: Token) -> str | None:
        """The country a noun names: a country, or a capital standing for its government."""
        actor = self.syn.actors(self.doc, t)
        if actor and actor[0] == "country":
            return actor[1]
        near = self.doc.mentions_near(t.start, t.end)
        for p in near.places:
            if p.start <= t.start < p.end and p.place.iso3 and self.doc.gaz.capital_of(p.place.iso3) == p.place.city:
                return p.place.iso3
        return None

    def _as_title(self, v: Token) -> str | None:
        """The host or chair title of an "as" phrase on the predicate ("welcomed donors as co-host")."""
        for c in self.a.children(v.i):
            if c.dep == "prep" and c.lower == "as":
                for o in self.a.children(c.i):
                    if o.dep == "pobj" and "title_host" in self.classes.get(o.lemma, frozenset()):
                        return o.lemma
        return None

    def _expected(self, v: Token, sent: Sentence) -> None:
        """"Modi is also expected at the summit", "is expected in Osaka on Friday": who is expected where a
        meeting is (not "is expected to agree", which says what, not where) will take part."""
        kids = self.a.children(v.i)
        if not any(c.dep == "nsubjpass" for c in kids) or any(c.dep in ("xcomp", "ccomp") for c in kids):
            return
        meeting = self._meeting_in_phrases(v, sent, preps={"at", "in", "for"}) or self._meeting_by_place(v, sent)
        as_is = self._as_is(kids)
        if meeting is None and not any(c.dep in ("prep", "advcl", "dobj", "attr", "oprd") and c not in as_is for c in kids):
            # "A, B and C are all expected": with nothing to say where, at the meeting being told, if planned
            meeting = self._meeting_told(v, sent)
            if meeting is not None and not self._draft_future(meeting):
                meeting = None
        if meeting is None:
            return
        status = "absent" if any(c.dep == "neg" for c in kids) else "expected"
        self._record(meeting, self.syn.subjects(v), "participant", status, sent, "participation.expected")
        for c in as_is:  # "…, as is Canada's Mark Carney"
            self._record(meeting, self.syn.subjects(c), "participant", status, sent, "participation.expected.as_is")

    def _sent_to(self, v: Token, sent: Sentence) -> None:
        """"Riyadh sent only its foreign minister to the outreach session": who was sent took part (and the
        sender country with them)."""
        for c in self.a.children(v.i):
            if c.dep == "prep" and c.lower == "to":
                meeting = self._holds_meeting(c, sent)
                if meeting:
                    for o in self.a.children(v.i):
                        if o.dep == "dobj":
                            # "the US sent no high-level delegation to the summit": the sender was there through
                            # it, or not at all
                            none = self._with_no(o)
                            status = "absent" if none else self._status(v, meeting)
                            self._record(meeting, self.syn.group(o), "participant", status, sent, "participation.sent")
                            if "group_noun" in self.classes.get(o.lemma, frozenset()) and not self._is_person(o):
                                self._record(meeting, self.syn.subjects(v), "participant", status, sent,
                                             "participation.sent_delegation_to")
                    return
        # "Xi is sending Premier Li Qiang in his place": the one sent takes part, the sender stays away
        kids = self.a.children(v.i)
        if any(c.dep == "prep" and any("instead" in self.classes.get(x.lemma, frozenset()) for x in self.a.subtree(c.i))
               for c in kids) or any(c.lower == "instead" for c in kids):
            meeting = self._meeting_told(v, sent)
            if meeting:
                status = self._status(v, meeting)
                for o in kids:
                    if o.dep == "dobj":
                        self._record(meeting, self.syn.group(o), "participant", status, sent, "participation.sent_instead")
                self._record(meeting, self.syn.subjects(v), "participant", "absent", sent, "participation.sent_instead.sender")
                return
        # "China did not send a delegation", "Turkey sent its deputy minister": the sender took part (or not)
        # in the meeting the sentence or the report goes on about
        sent_people = [o for o in self.a.children(v.i) if o.dep == "dobj" and
                       ("group_noun" in self.classes.get(o.lemma, frozenset()) or
                        self._is_person(o))]  # "Britain sent minister X"
        if not sent_people or any(c.dep == "prep" and c.lower == "to" for c in self.a.children(v.i)):
            return
        meeting = self._meeting_told(v, sent)
        if meeting:
            self._record(meeting, self.syn.subjects(v), "participant", self._status(v, meeting), sent,
                         "participation.sent_delegation")
            named = [o for o in sent_people if self._is_person(o)]
            self._record(meeting, named, "participant", self._status(v, meeting), sent, "participation.sent_person")
            for o in named:
                self._stands_for(o, self.syn.subjects(v))

    def _invited_as(self, v: Token, sent: Sentence) -> None:
        """"India and Brazil were invited as guests", "were invited as partners the prime ministers of A and B":
        who was invited in a role at the meeting took part in it (a bare invitation says nothing of coming)."""
        kids = self.a.children(v.i)
        if not any(c.dep == "prep" and c.lower == "as" for c in kids) or any(c.dep == "neg" for c in kids):
            return
        passive = any(c.dep in ("auxpass", "nsubjpass") for c in kids)
        invited = self.syn.subjects(v) if passive else [g for c in kids if c.dep == "dobj" for g in self.syn.group(c)]
        # (the parser may leave the invited after the verb as its object even in the passive)
        invited += [g for c in kids if c.dep in ("dobj", "attr") for g in self.syn.group(c)] if passive else []
        meeting = self._meeting_in_phrases(v, sent) or self._meeting_told(v, sent)
        if meeting and invited:
            self._record(meeting, invited, "participant", self._status(v, meeting), sent, "participation.invited_as")

    def _title_host(self, t: Token, sent: Sentence) -> None:
        """"host Prime Minister Narendra Modi", "summit host Fumio Kishida", "Meloni, the host,": the title makes the named person
        the host (or chair) of the meeting the sentence tells of, or the one told just before."""
        meeting = self._meeting_told(self.a.tokens[t.head], sent)
        if meeting is None:
            return
        role = "chair" if "chair" in t.lemma else "host"
        head = self.a.tokens[t.head]
        self._record(meeting, [head], role, self._status(head, meeting), sent, "participation.title_host")

    def _as_did(self, v: Token) -> list[Token]:
        """"Erdogan came for that session too, as did Guterres", "…, and so did B": the subjects of the "do" clause
        on the verb did what its subject did."""
        out = []
        for c in self.a.children(v.i):
            if c.dep in ("advcl", "conj") and c.lemma == "do" and \
                    any(k.lower in ("as", "so") for k in self.a.children(c.i)):
                out += [t for s in self.syn.subjects(c) for t in self.syn.group(s) if self._is_person(t)]
        return out

    def _listed_after_colon(self, v: Token) -> list[Token]:
        """"Americans are taking part: the envoy A, together with Senators B and C": the people the colon after
        the verb (or after its object, "part") lists, which the parser hangs as appositions of the verb or object."""
        kids = self.a.children(v.i)
        colon = next((c for c in kids if c.dep == "punct" and c.text == ":"), None)
        if colon is None:
            return []
        heads = [v] + [c for c in kids if c.dep in ("dobj", "prt")]
        listed = [x for h in heads for x in self.a.children(h.i) if x.dep in ("appos", "attr", "dobj", "npadvmod")
                  and x.i > colon.i]
        return [t for x in listed for t in self.syn.group(x) if self._is_person(t)]

    def _instead_of(self, v: Token, meeting: str, sent: Sentence, rule: str) -> None:
        """"led the delegation in place of X", "came instead of X": X stayed away."""
        for c in self.a.children(v.i):
            if c.dep != "prep":
                continue
            inner = [x for x in self.a.subtree(c.i) if "instead" in self.classes.get(x.lemma, frozenset())]
            if c.lower in ("in", "instead") and inner:
                objs = [o for x in self.a.subtree(c.i) if x.dep == "prep" and x.lower == "of"
                        for o in self.a.children(x.i) if o.dep == "pobj"]
                for o in objs:
                    self._record(meeting, self.syn.group(o), "participant", "absent", sent, rule + ".instead_of")

    def _meeting_subject(self, v: Token, sent: Sentence) -> None:
        """"The summit brought together A, B and C", "The call included X": a meeting as the subject of a
        verb of gathering; its objects took part."""
        subj = [c for c in self.a.children(v.i) if c.dep == "nsubj"]
        meeting = next((k for c in subj if (k := self._holds_meeting(c, sent))), None)
        if meeting is None:
            return
        status = self._status(v, meeting)
        kids = self.a.children(v.i)
        has_object = any(c.dep == "dobj" for c in kids)
        for c in kids:
            # "brought together, among others, A (US) and B", "brought together Turkey, Qatar and Jordan": a
            # delayed object the parser hangs on the verb as an apposition or adverbial noun
            late = c.dep in ("appos", "npadvmod", "attr") and not has_object and c.ent in ("PERSON", "GPE", "ORG")
            if c.dep == "dobj" or late or (c.dep == "prep" and c.lemma in ("include", "including")):
                objs = [c] if c.dep == "dobj" or late else [o for o in self.a.children(c.i) if o.dep == "pobj"]
                for o in objs:
                    self._record(meeting, self.syn.group(o), "participant", status, sent, "participation.gathered")

    def _participant_noun(self, n: Token, sent: Sentence) -> None:
        """"Participants included A and B", "Attendees were A and B", "Among those present were A and B"."""
        v = self.a.tokens[n.head]
        if n.dep not in ("nsubj", "pobj") or v.lemma not in ("include", "be", "comprise", "among"):
            return
        meeting = self._meeting_in_phrases(n, sent) or self._only_meeting(v, sent) or self._context_meeting(sent)
        if meeting is None:
            return
        status = self._status(v, meeting)
        verb = v if v.pos in ("VERB", "AUX") else self.a.tokens[v.head]
        if v.lemma == "among" and verb.lemma != "be":
            # "…, with Turkey and Qatar among the participants": the "with" phrase beside it (not the object of
            # the verb it hangs on, "to discuss Syria")
            for c in self.a.children(verb.i):
                if c.dep == "prep" and c.lower == "with" and c.i < v.i:
                    for o in self.a.children(c.i):
                        if o.dep == "pobj":
                            self._record(meeting, self.syn.group(o), "participant", status, sent,
                                         "participation.listed")
            return
        for c in self.a.children(verb.i):
            if c.dep in ("dobj", "attr", "nsubj") and c.i != n.i and c.lemma not in ("who", "that"):
                self._record(meeting, self.syn.group(c), "participant", status, sent, "participation.listed")

    def _among_them(self, t: Token, sent: Sentence) -> None:
        """"… with more than 20 leaders in attendance. Among them were A, B and C": "them" stands for the
        participants the sentence before counted at its meeting (a plural group noun there)."""
        prep = self.a.tokens[t.head]
        v = self.a.tokens[prep.head]
        if prep.lower != "among" or v.lemma != "be" or sent.index == 0:
            return
        prev = self.doc.sentences[sent.index - 1]
        keys = self.mf.by_sentence.get(prev.index, [])
        group = any(x.tag in ("NNS", "NNPS") and "group_noun" in self.classes.get(x.lemma, frozenset())
                    for x in self.a.tokens_in(prev.start, prev.end))
        if len(keys) != 1 or not group or prev.paragraph != sent.paragraph:
            return
        status = self._status(v, keys[0])
        for c in self.a.children(v.i):
            if c.dep in ("nsubj", "attr"):
                self._record(keys[0], self.syn.group(c), "participant", status, sent, "participation.among_them")

    def _adjective(self, adj: Token, sent: Sentence) -> None:
        """"X was present at the summit", "the U.S. was notably absent"."""
        be = self.a.tokens[adj.head]
        meeting = self._meeting_in_phrases(adj, sent) or self._meeting_in_phrases(be, sent) or \
            self._only_meeting(be, sent)
        if meeting is None and adj.dep == "acomp" and not any(c.dep == "prep" for c in self.a.children(adj.i)):
            meeting = self._meeting_told(be, sent)  # "Mette Frederiksen was also present": at the meeting told
        if meeting is None:
            return
        absent = adj.lemma == "absent" or any(c.dep == "neg" for c in self.a.children(be.i))
        status = "absent" if absent else self._status(be, meeting)
        self._record(meeting, self.syn.subjects(be), "participant", status, sent, f"participation.{adj.lemma}")

    def _copula(self, v: Token, sent: Sentence) -> None:
        """"Estonia's prime minister, Kristen Michal, was the host", "Scholz was among the leaders at the
        table": the subject hosted (chaired) or took part in the meeting the sentence or the report tells of."""
        kids = self.a.children(v.i)
        # "Absent were A and B", "Also present were C and D": the adjective parsed as the subject
        inverted = next((c for c in kids if c.dep == "nsubj" and c.lower in ("absent", "present")), None)
        # "In attendance were A and B": the phrase in front, the people its subjects
        in_attendance = any(c.dep == "prep" and c.lower == "in" and any(o.lemma == "attendance" for o in
                                                                        self.a.children(c.i)) for c in kids)
        # "Representing the United States was Antony Blinken": a clause of taking part as the subject
        clause = next((c for c in kids if c.dep == "csubj" and c.tag == "VBG" and
                       self.classes.get(c.lemma, frozenset()) & {"attend", "host", "chair"}), None)
        if in_attendance or clause is not None:
            people = [g for c in kids if c.dep in ("attr", "nsubj") for g in self.syn.group(c) if self._is_person(g)]
            meeting = (self._meeting_in_phrases(clause, sent) if clause is not None else None) or \
                (self._meeting_told(v, sent) if people else None)
            if meeting is not None:
                cls = self.classes.get(clause.lemma, frozenset()) if clause is not None else frozenset()
                role = "host" if "host" in cls else "chair" if "chair" in cls else "participant"
                self._record(meeting, people, role, self._status(v, meeting), sent, "participation.copula.inverted")
                if clause is not None and clause.lemma == "represent":
                    countries = [o for c in self.a.children(clause.i) if c.dep == "dobj" for o in self.syn.group(c)]
                    self._record(meeting, countries, "participant", self._status(v, meeting), sent,
                                 "participation.copula.represented")
            return
        if inverted is not None:
            people = [g for c in kids if c.dep == "attr" for g in self.syn.group(c) if self._is_person(g)]
            meeting = self._meeting_told(v, sent) if people else None
            if meeting is not None:
                status = self._status(v, meeting, absent=inverted.lower == "absent")
                self._record(meeting, people, "participant", status, sent, "participation.copula.inverted")
            return
        host = next((c for c in kids if c.dep == "attr" and "title_host" in self.classes.get(c.lemma, frozenset())
                     and any(d.dep == "det" and d.lower == "the" for d in self.a.children(c.i))
                     and not any(d.dep == "prep" for d in self.a.children(c.i))), None)
        among = [c for c in kids if c.dep == "prep" and c.lower == "among" and any(
            o.dep == "pobj" and ("group_noun" in self.classes.get(o.lemma, frozenset()) and o.tag == "NNS" or
                                 "participant_noun" in self.classes.get(o.lemma, frozenset()) or
                                 # "were among the first to arrive"
                                 (o.lower in ("first", "last") and any(
                                     "attend" in self.classes.get(x.lemma, frozenset()) for x in self.a.children(o.i))))
            for o in self.a.children(c.i))]
        # "A and B are all on the list", "C will be there for the UN"
        listed = any(c.dep == "prep" and c.lower == "on" and any(o.dep == "pobj" and o.lemma == "list"
                                                                 for o in self.a.children(c.i)) for c in kids) or \
            (any(c.dep == "advmod" and c.lower == "there" for c in kids) and
             any(c.dep == "aux" and c.lower in ("will", "'ll") for c in kids)) or \
            (any(c.dep == "advmod" and c.lower == "here" for c in kids) and v.tag in ("VBZ", "VBP") and
             not re.search(r"[\"“”]", self.doc.text[sent.start:v.start]))  # "B is here too" (not in a quote)
        if listed:
            people = [t for t in self.syn.subjects(v) if self._is_person(t)]
            as_is = [c for c in self._as_is(kids) if c.lemma == "be"]
            meeting = self._meeting_told(v, sent) if people else None
            if meeting is not None:
                status = self._status(v, meeting)
                self._record(meeting, people, "participant", status, sent, "participation.copula.listed")
                for c in as_is:  # "…, as is Argentina's Javier Milei"
                    self._record(meeting, self.syn.subjects(c), "participant", status, sent,
                                 "participation.copula.listed.as_is")
            return
        if host is None and not among:
            return  # ("was the host of the dinner": a host of something else, told by its phrase)
        meeting = self._meeting_told(v, sent)
        if meeting is None:
            return
        role = ("chair" if "chair" in host.lemma else "host") if host is not None else "participant"
        self._record(meeting, self.syn.subjects(v), role, self._status(v, meeting), sent,
                     f"participation.copula.{'title' if host is not None else 'among'}")

    def _chairmanship(self, n: Token, sent: Sentence) -> None:
        """"The meeting went ahead under the joint chairmanship of A and B": those of the "of" phrase chaired
        the meeting the sentence (or the report) tells of."""
        chairs = [o for c in self.a.children(n.i) if c.dep == "prep" and c.lower == "of"
                  for x in self.a.children(c.i) if x.dep == "pobj" for o in self.syn.group(x)]
        v = self.a.tokens[n.head]
        if n.dep == "dobj" and (v.lemma == "assume" or (v.lemma == "take" and any(
                c.dep == "prt" and c.lower == "over" for c in self.a.children(v.i)))):
            # "Ghazouani took over the rotating chairmanship (of the Union)": the new chair chairs the meeting told
            people = [t for t in self.syn.subjects(v) if self._is_person(t)]
            meeting = self._meeting_told(v, sent)
            if meeting is not None and self._status(v, meeting) != "attended" and not self._draft_future(meeting):
                meeting = None  # "Lula will take over the chairmanship in December": of the next one
            if people and meeting is not None:
                self._record(meeting, people, "chair", self._status(v, meeting), sent, "participation.chairmanship.taken")
            return
        if not chairs:
            return
        meeting = self._meeting_told(n, sent)
        if meeting is not None:
            self._record(meeting, chairs, "chair", self._status(n, meeting), sent, "participation.chairmanship")

    def _noun(self, n: Token, cls: frozenset[str], sent: Sentence) -> None:
        """"her speech at the summit", "his visit to Kyiv", "Xi's absence from the summit"."""
        meeting = self._meeting_in_phrases(n, sent)
        if meeting is None and (n.lemma in ("visit", "trip", "arrival") or n.text.lower().endswith("ing")):
            meeting = self._meeting_by_place(n, sent)
        if meeting is None and "absent_noun" in cls:
            meeting = self._only_meeting(n, sent)
        if meeting is None:
            return
        owners = [c for c in self.a.children(n.i) if c.dep == "poss"]
        if not owners:
            return
        status = "absent" if "absent_noun" in cls else self._status(n, meeting)
        for o in owners:
            if o.pos == "PRON":
                # "Before his arrival in Vilnius, Zelenskyy wrote …": a pronoun in a fronted phrase is the
                # subject of the clause that follows it
                clause = self.syn.clause(n)
                later = [s for s in self.syn.subjects(clause) if s.start > n.start]
                if n.start < clause.start and later:
                    self._record(meeting, later, "participant", status, sent, f"participation.{n.lemma}")
                    continue
            self._record(meeting, self.syn.group(o), "participant", status, sent, f"participation.{n.lemma}")

    # ------------------------------------------------------------ meetings
    def _is_meeting_word(self, t: Token, sent: Sentence) -> bool:
        """"Starmer's meeting", "the opening": a meeting noun, not a participle the parser made a noun."""
        return any(s <= t.start < e for s, e, _k in self._positions(sent)) or \
            "meeting_noun" in self.classes.get(t.lower, frozenset())

    def _positions(self, sent: Sentence) -> list[tuple[int, int, str]]:
        return self.mf.positions.get(sent.index, [])

    def _holds_meeting(self, t: Token, sent: Sentence) -> str | None:
        sub = self.a.subtree(t.i)
        lo, hi = sub[0].start, sub[-1].end
        for s, e, key in self._positions(sent):
            if lo <= s < hi:
                return key
        return None

    @property
    def _at_meeting(self) -> set[str]:
        return {lemma for lemma, classes in self.classes.items() if "at_meeting" in classes}

    def _meeting_in_phrases(self, v: Token, sent: Sentence, preps: set[str] | None = None) -> str | None:
        """A meeting mention inside the predicate's object or prepositional phrases (only phrases opened by
        one of `preps`, where given)."""
        phrases = list(self.a.children(v.i))
        if preps is not None:  # the parser often hangs "at the summit" on the object or agent before it
            phrases += [g for c in phrases if c.dep in ("dobj", "agent") for o in [c, *self.a.children(c.i)]
                        for g in self.a.children(o.i) if g.dep == "prep"]
        for c in phrases:
            if preps is not None and not (c.dep == "prep" and c.lower in preps):
                continue
            if c.dep in ("dobj", "prep", "pobj", "attr", "npadvmod", "dative", "agent", "acomp"):
                key = self._holds_meeting(c, sent)
                if key:
                    return key
                key = self._sitting(c, sent)
                if key:
                    return key
        return None

    def _sitting(self, c: Token, sent: Sentence) -> str | None:
        """"spoke at the opening", "addressed the closing": a sitting of the meeting being told."""
        objs = [c] if c.dep != "prep" else [o for o in self.a.children(c.i) if o.dep == "pobj"]
        for o in objs:
            # (also "came for the outreach sessions", "told the closing plenary": a sitting of it)
            if (o.lower in ("opening", "closing") or o.lemma in ("session", "plenary")) and \
                    any(x.lower in ("the", "both", "all") for x in self.a.children(o.i)) and \
                    not any(x.dep == "prep" for x in self.a.children(o.i)):  # (not "the opening of talks")
                told_here = self.mf.by_sentence.get(sent.index)
                return told_here[0] if told_here else self._context_meeting(sent)
        return None

    def _meeting_of_verb(self, v: Token, sent: Sentence) -> str | None:
        """The meeting a verb rule found at this very word ("met", "gathered")."""
        for s, e, key in self._positions(sent):
            if s <= v.start < e:
                return key
        return None

    def _among_whom(self, subjects: list[Token]) -> list[Token]:
        """"Starmer, among the leaders attending in Belem, said …": the leaders who attend are a group named
        in an "among" phrase; the one told to be among them is the subject of the verb (or the noun) that
        phrase hangs on."""
        out = []
        for t in subjects:
            prep = self.a.tokens[t.head]
            if t.dep == "pobj" and prep.lower == "among" and prep.head != prep.i and \
                    ("group_noun" in self.classes.get(t.lemma, frozenset()) or t.lower in ("those", "them")):
                # (also "A, B and C were among those attending")
                x = self.a.tokens[prep.head]
                out += self.syn.subjects(x) if x.pos in ("VERB", "AUX") else self.syn.group(x)
            else:
                out.append(t)
        return out

    def _at_level_of(self, v: Token) -> list[Token]:
        """"Washington was represented at the level of its ambassador, X" (or "at ambassador level by X" in
        the agent): the people named in the "at the level of" phrase represented it; the parser often hangs
        the name on "level" rather than on "of"."""
        out = []
        for c in self.a.children(v.i):
            if c.dep == "prep" and c.lower == "at":
                for o in self.a.children(c.i):
                    if o.dep == "pobj" and o.lemma == "level":
                        out += [x for x in self.a.subtree(o.i) if x.pos == "PROPN" and self._is_person(x)]
        return out

    def _meeting_by_place(self, v: Token, sent: Sentence) -> str | None:
        """"landing in Riyadh", "travelled to Kyiv": the one meeting held in that place."""
        for c in self.a.children(v.i):
            if c.dep != "prep" or c.lemma not in ("in", "to", "at"):
                continue
            for obj in self.a.children(c.i):
                if obj.dep != "pobj":
                    continue
                for p in self.doc.places:
                    if not p.start <= obj.start < p.end:
                        continue
                    if p.place.city:
                        same = [d for d in self.mf.drafts if d.city == p.place.city]
                    elif p.place.kind == "region" and p.place.iso3:
                        # "expected in Apulia": the one many-sided meeting held in that region's country
                        same = [d for d in self.mf.drafts if d.country == p.place.iso3 and not d.bilateral]
                    else:
                        continue
                    if len(same) > 1 and self.doc.published:
                        # several meetings held there: the many-sided one of these days, first told (a landing
                        # is no arrival for last year's summit nor for the ministers' meeting that prepares it)
                        pub = self.doc.published
                        same = [d for d in same if not d.bilateral and d.start and abs((d.start - pub).days) <= 7]
                        same = sorted(same, key=lambda d: d.mentions[0][0] if d.mentions else 0)[:1]
                    if len(same) == 1:
                        return same[0].key
        return None

    def _meeting_told(self, v: Token, sent: Sentence) -> str | None:
        """The one meeting the sentence tells of in the predicate's clause; else, where the sentence names no
        meeting at all, the meeting being told."""
        return self._only_meeting(v, sent) or (None if self.mf.by_sentence.get(sent.index) else self._context_meeting(sent))

    def _only_meeting(self, v: Token, sent: Sentence) -> str | None:
        """The one meeting the sentence tells of, where its mention stands in the predicate's own clause
        or a clause above it (not in a clause beside it: "Sitting with A, B recalled that the previous
        summit …")."""
        keys = self.mf.by_sentence.get(sent.index, [])
        if len(keys) != 1:
            return None
        mine = {v.i} | {x.i for x in self.a.ancestors(v.i)} | {self.syn.clause(v).i}
        for s, _e, key in self._positions(sent):
            t = self.a.token_at(s)
            if t is not None and (self.syn.clause(t).i in mine or self._below_sharing_subject(t, v)):
                return key
        return None

    def _below_sharing_subject(self, t: Token, v: Token) -> bool:
        """`t` stands in a clause under `v` that has no subject of its own ("came to Kyiv to meet X"), not in
        one that tells of someone else ("X came too, as did Y, who met Z")."""
        x, steps = t, 0
        while x.i != v.i and x.head != x.i and steps < 32:
            if x.pos in ("VERB", "AUX") and any(c.dep in ("nsubj", "nsubjpass") for c in self.a.children(x.i)):
                return False
            x, steps = self.a.tokens[x.head], steps + 1
        return x.i == v.i

    def _context_meeting(self, sent: Sentence) -> str | None:
        """The meeting told last, in this paragraph or the one before; else the meeting the report is about
        (the one its lede tells of, held, not two-sided), where there is one."""
        for prev in range(sent.index - 1, -1, -1):
            ps = self.doc.sentences[prev]
            if ps.paragraph < sent.paragraph - 1:
                break
            keys = self.mf.by_sentence.get(prev, [])
            if keys:
                return keys[-1]
        held = [d for d in self.mf.drafts if d.mentions and not d.future and not d.bilateral and d.head != "visit"]
        lede = [d for d in held if d.mentions[0][2].paragraph == 0]
        if not lede and len(held) == 1 and held[0].mentions[0][2].paragraph <= 1:
            lede = held  # a lede about its decision, the meeting told in the paragraph after it
        if not held:
            # a preview: the one meeting to come that its lede tells of ("Leaders start arriving for the summit")
            lede = [d for d in self.mf.drafts if d.mentions and not d.bilateral and d.head != "visit"
                    and d.mentions[0][2].paragraph == 0]
        return lede[0].key if len(lede) == 1 else None

    def _has_other_object(self, v: Token, sent: Sentence) -> bool:
        """"joined NATO", "hosted a dinner": an object that is not a meeting."""
        return any(c.dep in ("dobj", "pobj") and c.pos in ("NOUN", "PROPN") and not self._holds_meeting(c, sent)
                   and not (v.lemma == "take" and c.lemma == "part")
                   and not (v.lemma == "represent" and self._country_named(c))  # "represented Damascus"
                   and not (v.lemma in GUEST_OBJECT and ("group_noun" in self.classes.get(c.lemma, frozenset()) or
                                                         self.syn.actors(self.doc, c)))  # "hosted the leaders"
                   for c in self.a.children(v.i))

    # ------------------------------------------------------------ participants
    # ------------------------------------------------------------ status and records
    def _status(self, v: Token, meeting: str, absent: bool = False) -> str:
        chain = [v] + self._governors(v)
        kids = [c for x in chain for c in self.a.children(x.i)]
        if absent or any(c.dep == "neg" for c in self.a.children(v.i)):
            return "absent"
        if any(c.dep in ("nsubj", "nsubjpass") and self._with_no(c) for c in self.a.children(v.i)):
            return "absent"  # "no U.S. official would attend"
        if any(self.classes.get(x.lemma, frozenset()) & {"absent", "refuse"} for x in self._governors(v, ("xcomp",))):
            return "absent"  # "declined to attend" (not "A was represented by B; C stayed away")
        if any(c.dep == "aux" and c.lemma in FUTURE_AUX for c in kids) or \
                any("future" in self.classes.get(x.lemma, frozenset()) for x in chain[1:]):
            return "expected"
        if any(c.dep == "aux" and c.lemma == "be" and c.tag in ("VBZ", "VBP") for c in self.a.children(v.i)) and \
                v.tag == "VBG" and self._draft_future(meeting):
            return "expected"  # "is attending" a meeting still to come
        if self._draft_future(meeting):
            return "expected"
        return "attended"

    def _governors(self, v: Token, deps: tuple[str, ...] = ("xcomp", "ccomp", "acomp")) -> list[Token]:
        out, x = [], v
        while x.dep in deps and x.head != x.i and len(out) < 3:
            x = self.a.tokens[x.head]
            out.append(x)
        return out

    def _draft(self, key: str):
        return next((d for d in self.mf.drafts if d.key == key), None)

    def _draft_future(self, key: str) -> bool:
        d = self._draft(key)
        pub = self.doc.published
        if d is None:
            return False
        if d.start and pub:
            return d.start > pub
        return bool(d.future)

    def _object_is(self, v: Token, lemmas: set[str]) -> bool:
        return any(c.dep == "dobj" and c.lemma in lemmas for c in self.a.children(v.i))

    def _came_bearing(self, v: Token) -> bool:
        """"Starmer came with a fresh batch of sanctions": coming, with something brought (no person), and
        no other complement (not "came to power", "came under fire"), to the meeting being told."""
        if v.lemma != "come" or v.tag != "VBD":
            return False
        complements = [c for c in self.a.children(v.i) if c.dep in ("prep", "prt", "dobj", "xcomp", "advcl")]
        return bool(complements) and all(
            c.dep == "prep" and c.lower == "with" and not any(self._is_person(o) for o in self.a.children(c.i))
            for c in complements)

    def _then_and_there(self, sent: Sentence, meeting: str) -> bool:
        """The sentence names no day and no place other than the meeting's own."""
        d = self._draft(meeting)
        if d is None:
            return False
        for x in self.doc.within(self.doc.dates, sent.start, sent.end):
            if d.start is None or x.date != d.start:
                return False
        return not any(x.place.kind != "region" and (x.place.city or x.place.name) != d.city
                       for x in self.doc.within(self.doc.places, sent.start, sent.end))

    def _the_named_few(self, t: Token, sent: Sentence) -> list[str]:
        """"the two leaders", "both men": a plural with a number word (or "both") that refers back to as many
        people, named in the nearest sentence before it (in its paragraph or the one before) that names that
        many and no more."""
        kids = self.a.children(t.i)
        number = next((NUMBER_WORDS[c.lower] for c in kids if c.lower in NUMBER_WORDS and c.dep == "nummod"), None)
        if number is None and any(c.lower == "both" and c.dep in ("det", "predet") for c in kids):
            number = 2
        if number is None or t.tag != "NNS" or (not any(c.lower in ("the", "both") for c in kids)) or \
                any(c.dep == "appos" for c in kids) or \
                not (self.classes.get(t.lemma, frozenset()) & {"group_noun"} or t.lemma in ("man", "woman")):
            return []  # ("two leaders from Africa" are others; "the two leaders, A and B," are named there)
        for prev in range(sent.index - 1, max(-1, sent.index - 4), -1):
            ps = self.doc.sentences[prev]
            if ps.paragraph < sent.paragraph - 1:
                break
            keys = list(dict.fromkeys(p.key for p in self.doc.persons
                                      if ps.start <= p.start < ps.end and p.via != "pronoun"))
            if len(keys) == number:
                return keys
            if len(keys) > number:
                return []
        return []

    def _record(self, meeting: str, group: list[Token], role: str, status: str, sent: Sentence, rule: str) -> None:
        for t in group:
            if t.lower in ("i", "me") and t.pos == "PRON":
                if sent.index in self.speakers:  # "I'm convening a meeting tomorrow," Austin said
                    self.found.append((meeting, "person", self.speakers[sent.index], role, status, sent, rule + ".speaker"))
                continue
            actor = self.syn.actors(self.doc, t)
            if actor:
                self.found.append((meeting, actor[0], actor[1], role, status, sent, rule))
                for key in self._folded_into(t, actor):
                    self.found.append((meeting, "person", key, role, status, sent, rule + ".folded"))
            elif self.classes.get(t.lemma, frozenset()) & {"group_noun", "country_body"} and t.tag in ("NN", "NNP") \
                    and (iso := self._country_modifying(t)):
                # "no U.S. government official would attend", "a Chinese delegation took part": the country
                self.found.append((meeting, "country", iso, role, status, sent, rule + ".country_of"))
            elif (named := self._the_named_few(t, sent)):
                for key in named:  # "The two leaders then met Mikati": the two just named
                    self.found.append((meeting, "person", key, role, status, sent, rule + ".the_few"))
            elif "group_noun" in self.classes.get(t.lemma, frozenset()) and t.tag in ("NNS", "NNPS"):
                # "ministers from Britain, France and Germany took part": the countries they came from
                for m in self.syn.members(t):
                    member = self.syn.actors(self.doc, m)
                    if member and member[0] == "country":
                        self.found.append((meeting, "country", member[1], role, status, sent, rule + ".members"))
