"""Meetings: summits, ministerials, contact-group meetings, video calls, conferences, bilateral talks.

A meeting is found from a noun ("summit", "meeting", "conference", "talks", "video call",
"get-together", "forum") or a verb ("met with", "hosted X at", "convened at"), with what the
sentence says about it: date, city, country, format, mode. Mentions of the same meeting
(compatible date, place and format, or an anaphoric "the meeting") are merged into one.
"""
from __future__ import annotations

import datetime as dt
import dataclasses
import re
from dataclasses import dataclass, field

from coalition_graph.loaders.extract.context import Doc
from coalition_graph.loaders.extract.places import Place, PlaceMention
from coalition_graph.loaders.extract.syntax import Syntax, lemma_classes
from coalition_graph.loaders.extract.text import Sentence
from coalition_graph.loaders.extract.parsed_meetings import (
    find_editions, find_group_meetings, find_one_named, find_two_sided, find_visits, host_country, noun_partners, noun_words,
    told_as_past, told_as_plan,
)
from coalition_graph.schema.models import Evidence, Meeting

HEADS = (r"summit|ministerial(?: meeting)?|meetings?|conference|talks|video ?call|video ?conference|videoconference|"
         r"tele-?conference|"
         r"(?:tele)?phone (?:call|conversation)|call|get-together|gathering|session|forum|assembly|event|consultations")
HEAD_RX = re.compile(rf"(?<![\w-])(?:{HEADS})(?![\w-])", re.I)
# heads that only refer back to a meeting already named, unless the phrase itself places it
ANAPHORIC_HEADS = {"session", "gathering", "assembly", "event", "get-together", "consultations", "call"}
NOT_MEETING_BEFORE = re.compile(
    r"(?:press|news|joint press|media|phone-in|virtual press)\s*$|(?:\bplans? to|\bagreed to)\s*$|"
    r"\b(?:accession|membership)\s*$", re.I)  # "accession talks": a process, not a meeting
NOT_MEETING_AFTER = re.compile(r"^\s*(?:room|hall|table|cent(?:re|er)s?|venue|building|complex|hotel)\b", re.I)  # (a place: "the conference centre")
SIDELINE_NOUNS = frozenset({"sideline", "margin", "fringe"})
SIDELINES_RX = re.compile(r"\bon the (?:sidelines|margins)\b")
OPENED_RX = re.compile(r"\b(?:opened|opens|began|begins|kicked off|got under way|started)\b", re.I)
FUTURE_RX = re.compile(r"\b(will|would|upcoming|next|set to|scheduled|planned|to be held|due (?:to|in|at)|is to|are to|"
                       r"(?:is|are) expected|expected to|later this|arrang\w+|to organi[sz]e|proposed|possible|prospective)\b",
                       re.I)
AHEAD_OF_RX = re.compile(r"\b(?:ahead of|before|in preparation for|in the run-up to)\s+(?:\S+\s+){0,6}$", re.I)
VIRTUAL_RX = re.compile(r"\b(virtual(?:ly)?|video ?(?:link|call|conference)|videoconference|tele-?conference|online|"
                        r"by video|remotely)\b", re.I)
INPERSON_RX = re.compile(r"\bin[- ]person\b", re.I)
OTHER_MEETING_RX = re.compile(r"\beve of (?:the |a |an |this |their |its )?(?:[\w’']+\s+){0,2}$|"
                              r"\b(previous|last|next|another|earlier|upcoming|future|first|second|similar)\s+(?:(?:\w+\s+){0,2}|"
                              r"(?:edition|round|session|iteration|instal?ment)\s+of\s+(?:the\s+|this\s+)?)$", re.I)
FORMING = {"form", "create", "launch", "establish", "found", "set"}  # verbs that bring a format into being
PAST_OTHER_RX = re.compile(r"\b(?:previous|last|earlier|preceding|prior)\s+(?:[\w\-]+\s+){0,2}$", re.I)
BILATERAL_RX = re.compile(r"\b(one-on-one|one-to-one|bilateral|tête-à-tête|face-to-face)\b", re.I)
VERB_MEETING_RX = re.compile(
    r"\b(?:met|meets|meeting|will meet|to meet|hosted|hosts|convened|gathered|held talks|sat down)\b", re.I)


STRICT_FUTURE_RX = re.compile(r"\b(?:will|would|next|upcoming|planned|scheduled|expected|due)\b", re.I)
# a clause opening that ties an undated meeting to the day of the meeting just told
SAME_DAY_RX = re.compile(
    r"\b(?:(?:on )?(?:the same day|that same day|that day|the same evening)|(?:earlier|later) (?:in the|that) "
    r"(?:day|morning|afternoon|evening)|(?:after|before|following|ahead of) (?:the|that) (?:meeting|talks|summit|call|"
    r"video call|session|gathering|conference))\b", re.I)


END_BEFORE_RX = re.compile(r"\b(?:ended|ends|closed|closes|concluded|concludes|wrapped up|finished|will (?:end|close|"
                           r"conclude))\s+(?:on\s+)?$", re.I)
NTH_DAY_RX = re.compile(r"\b(first|second|third|fourth|last|final|closing|concluding) day of (?:the |their |its |this )?"
                        r"(?:[\w\-]+\s+)?$", re.I)
NTH_DAYS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
NUMBER_WORDS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}
DURATION_RX = re.compile(r"\b(two|three|four|five)[- ]day\b|\b(two|three|four|five) days (?:of|long)\b", re.I)
_GENERIC = {"meeting", "meetings", "event", "session", "gathering", "get-together", "assembly", "consultations"}


@dataclass
class MeetingDraft:
    key: str
    start: dt.date | None = None
    precision: str = "day"
    city: str | None = None
    country: str | None = None
    format: str | None = None
    head: str = "meeting"
    name: str | None = None
    mode: str | None = None
    bilateral: bool = False
    future: bool = False
    range_start: dt.date | None = None  # the first day of a span told with it ("from Tuesday to Thursday")
    words: list[str] = field(default_factory=list)  # what the noun phrase says it is ("follow-up peace summit")
    year: int | None = None  # a year its clause names ("In 2023, … the summit in Johannesburg")
    ends_on: bool = False  # its date is the day it ended ("ended on Thursday")
    last_day: dt.date | None = None  # told as the day of its last sitting ("the last day of their summit on Sunday")
    participants: list[str] = field(default_factory=list)  # person keys stated as the two sides
    sides_by_country: list[str] = field(default_factory=list)  # ISO3 of a side told without a name
    held_at: str | None = None  # key of the larger meeting a two-sided one was held at ("on the sidelines of")
    background: bool = False  # told as another, earlier or later one ("a year after a first such gathering")
    earlier: bool = False  # told as the one before ("the previous conference"): never dated by the day told
    planned: bool = False  # told as the object of a plan ("agreed to meet again"): never the meeting held
    mentions: list[tuple[int, int, Sentence, str]] = field(default_factory=list)  # (start, end, sentence, rule)

    def compatible(self, o: "MeetingDraft") -> bool:
        if self.year and o.year and self.year != o.year:
            return False  # "In 2023, Putin skipped the BRICS summit in Johannesburg" is not this year's
        if self.start and o.start:
            same_series = bool((self.format and self.format == o.format) or
                               (self.name and o.name and self.name.lower() == o.name.lower()) or
                               (self.head == o.head and self.head in ("summit", "conference") and
                                not (self.format and o.format)))
            if self.precision != o.precision and not (
                    same_series and {self.precision, o.precision} == {"day", "month"} and
                    (self.start.year, self.start.month) == (o.start.year, o.start.month)):
                return False  # "the one that met … earlier this month" is not Saturday's call (but "the BRICS
                # summit early next month" is the BRICS summit on July 6)
            if self.precision == "month" or o.precision == "month":
                if (self.start.year, self.start.month) != (o.start.year, o.start.month):
                    return False
            elif self.precision == "week" or o.precision == "week":
                if abs((self.start - o.start).days) > 6:
                    return False
            elif not _days_meet(self, o):
                return False
        if self.city and o.city and self.city != o.city:
            return False
        if self.future != o.future and self.start and o.start and (self.start != o.start or self.precision != o.precision):
            return False  # "the previous summit in London" is not the planners' meeting there "this week"
        if self.format and o.format and self.format != o.format:
            return False
        if self.bilateral != o.bilateral:
            # a plain later mention ("Friday's meeting in Alaska") may name a two-sided meeting already
            # found; a two-sided meeting is not folded into a plain one (the summit it preceded)
            if not self.bilateral or o.participants or o.head not in ("meeting", "talks", "call"):
                return False
        if self.name and o.name and not _names_agree(self.name, o.name):
            return False
        events = {"conference", "forum"}
        if (self.head in events) != (o.head in events) and self.head not in _GENERIC and o.head not in _GENERIC \
                and {self.head, o.head} != {"conference", "ministerial"}:
            # a business forum the same day is not the leaders' talks (but "ministers from 20 countries met in
            # London" and "the conference at Lancaster House" are one meeting)
            return False
        if "visit" in (self.head, o.head) and self.participants and o.participants and \
                not set(self.participants) & set(o.participants):
            return False  # Pistorius's trip is not Rutte's talks in the same city
        if self.bilateral and len(self.participants) >= 2 and len(o.participants) >= 2 and \
                set(self.participants) != set(o.participants):
            return False  # Trump–Zelensky is not Trump–Putin
        return True

    def overlaps(self, o: "MeetingDraft") -> bool:
        """Something positive in common, beyond not contradicting each other."""
        month_and_day = bool(self.start and o.start and {self.precision, o.precision} == {"day", "month"} and
                             (self.start.year, self.start.month) == (o.start.year, o.start.month) and self.head == o.head)
        return bool((self.start and o.start and self.start == o.start) or (self.city and self.city == o.city)
                    or month_and_day
                    or (self.format and self.format == o.format)
                    or (self.name and o.name and self.name == o.name)
                    or (self.bilateral and set(self.participants) & set(o.participants)))

    def absorb(self, o: "MeetingDraft") -> None:
        if o.start and (not self.start or (self.precision != "day" and o.precision == "day")):
            self.start, self.precision = o.start, o.precision
        self.ends_on = self.ends_on or (o.ends_on and o.start == self.start)
        self.last_day = self.last_day or (o.last_day if o.last_day == self.start else None)
        if o.range_start:  # a stated span beats a day the meeting was only mentioned on
            self.start, self.precision = o.range_start, "day"
        for attr in ("city", "country", "format", "name", "mode", "year"):
            if getattr(self, attr) is None and getattr(o, attr) is not None:
                setattr(self, attr, getattr(o, attr))
        if len(o.words) > len(self.words) and (o.head == self.head or self.head in _GENERIC or
                                               o.head not in ("session", "call", "video call")):
            self.words = o.words  # (not "closing session" for the summit it is a sitting of)
        if o.mode == "hybrid" or (self.mode and o.mode and self.mode != o.mode):
            self.mode = "hybrid"
        if self.head in ("meeting", "event", "session", "gathering", "get-together") and o.head not in self.head:
            if o.head in ("summit", "conference", "forum", "ministerial", "talks", "video call"):
                self.head = o.head
        elif self.head == "talks" and o.head in ("summit", "ministerial") and not self.bilateral:
            self.head = o.head  # "talks in Berlin" that leaders then travelled to: a summit
        for p in o.participants:
            if p not in self.participants:
                self.participants.append(p)
        for c in o.sides_by_country:
            if c not in self.sides_by_country:
                self.sides_by_country.append(c)
        self.mentions.extend(o.mentions)


PLACE_NOUNS = ("city", "town", "capital", "port", "resort", "village", "island", "region", "province", "state")
TELLING_OF = ("announce", "confirm", "unveil", "propose", "say")  # "announced the summit in late October"
SAYING = ("say", "tell", "announce", "confirm", "add", "state", "insist", "stress")


class MeetingFinder:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.drafts: list[MeetingDraft] = []
        # sentence index -> meeting keys the sentence refers to (explicitly or by anaphora)
        self.by_sentence: dict[int, list[str]] = {}
        self.positions: dict[int, list[tuple[int, int, str]]] = {}  # sentence -> (start, end, meeting key)
        self.current: MeetingDraft | None = None
        self.told: list[MeetingDraft] = []  # the meetings being told, in turn (self.current over time)

    def run(self) -> list[MeetingDraft]:
        for sent in self.doc.sentences:
            # in the order of the text: "X came for that session too, as did Y, who met Z" — "that session"
            # is told before "met" starts a meeting of its own
            for draft, rule, (s, e) in sorted(self._mentions_in(sent), key=lambda f: f[2][0]):
                self._place(draft, sent, rule, s, e)
        self._appositions()
        self._same_day()
        self._inherit_context()
        self._sidelines()
        self._held_at()
        self._also_like_the_last()
        self._date_from_lede()
        self._city_from_dateline()
        self._same_city_news()
        self._happening_now()
        self._visits_for_meetings()
        self._multi_day()
        self._news_of_the_day()
        self._from_end_and_length()
        return self.drafts

    def is_past_background(self, key: str) -> bool:
        """A meeting told only as an earlier one ("a year after a first such gathering"), a month or more
        before the report: no sentence after it without a meeting of its own goes on about it."""
        d = next((m for m in self.drafts if m.key == key), None)
        pub = self.doc.published
        return bool(d and d.background and d.start and pub and (pub - d.start).days > 30)

    def _from_end_and_length(self) -> None:
        """"The summit ended on Thursday. … three days of the summit": a meeting dated by its last day starts
        as many days before as the article says it lasted (in a sentence that tells of it, or next to one)."""
        text = self.doc.text
        for d in self.drafts:
            if not (d.ends_on and d.start and d.precision == "day") or d.range_start:
                continue
            near = {m[2].index + k for m in d.mentions for k in (-1, 0, 1)}
            for sent in self.doc.sentences:
                n = DURATION_RX.search(sent.text) if sent.index in near else None
                if n:
                    days = NUMBER_WORDS[(n.group(1) or n.group(2)).lower()]
                    d.start = d.start - dt.timedelta(days=days - 1)
                    break

    def _news_of_the_day(self) -> None:
        """A meeting the report tells in its first paragraphs as done, with no date anywhere in the article
        for it ("Pistorius announced the commitment during a joint press conference in Kyiv"), is the news of
        the publication day."""
        doc = self.doc
        if doc.published is None or any(d.start and d.precision == "day" and not d.future for d in self.drafts):
            return  # the report says when its meetings were: an undated one is not sure to be that day's
        for d in self.drafts:
            if d.start or d.future or not d.mentions:
                continue
            s, _e, sent, _r = d.mentions[0]
            if sent.paragraph > 2 or OTHER_MEETING_RX.search(doc.text[max(sent.start, s - 40):s]) or \
                    re.search(r"\b(?:last|previous|earlier|ago|since|in (?:19|20)\d\d)\b", sent.text, re.I):
                continue
            if any(x.precision == "day" for x in doc.dates if sent.start <= x.start < sent.end):
                continue  # a day is written there, for something else: not sure which day this was
            d.start, d.precision = doc.published, "day"

    def _happening_now(self) -> None:
        """"He is at the palace for talks with Zelenskyy", "the leaders are meeting in Rome": an undated meeting
        told in the present tense takes place on the day of publication."""
        doc = self.doc
        if doc.published is None:
            return
        for d in self.drafts:
            if d.start or d.future or not d.mentions:
                continue
            s, _e, sent, _r = d.mentions[0]
            if re.search(r"\b(?:is|are)\s+(?:now\s+|currently\s+|already\s+)?(?:in|at|meeting|holding|hosting|attending)\b",
                         doc.text[sent.start:s]) and not STRICT_FUTURE_RX.search(sent.text):
                d.start, d.precision = doc.published, "day"

    def _same_city_news(self) -> None:
        """"Trump first met Zelenskyy alone in the Oval Office" in a report of that day's White House talks: an
        undated past meeting in the city of the one dated meeting this news reports (held in the last days)."""
        doc = self.doc
        if doc.published is None:
            return
        for d in self.drafts:
            if d.start or d.future or not d.city or not d.mentions:
                continue
            s, _e, sent, _r = d.mentions[0]
            if (d.background or re.search(r"\b(?:previous|last|next|another|earlier|upcoming|future|first|second)\s+(?:[\w\-]+\s+){0,2}$",
                                          doc.text[max(sent.start, s - 40):s])) and not re.match(r"met\b", doc.text[s:s + 4]):
                continue  # "the previous summit in London" (but "Trump first met Zelenskyy" is that day's sequence)
            dated = [o for o in self.drafts if o is not d and o.city == d.city and o.start and o.precision == "day"
                     and not o.future and 0 <= (doc.published - o.start).days <= 3]
            if len({o.start for o in dated}) == 1:
                d.start, d.precision = dated[0].start, "day"

    def _date_from_lede(self) -> None:
        """The lede says when: "The United States and European countries pledged Tuesday …" dates the undated
        meeting the next paragraphs report (first one told, in the first three paragraphs, not planned)."""
        doc = self.doc
        if not doc.sentences or not self.drafts:
            return
        lede = doc.sentences[0]
        # (a dateline and "on Monday" may both write the day)
        days = sorted({x.date for x in doc.dates if lede.start <= x.start < lede.end and x.precision == "day"})
        d = self.drafts[0]
        if len(days) != 1 or d.start or d.future or d.bilateral or not d.mentions or d.mentions[0][2].paragraph > 2:
            return
        if d.mentions[0][2].paragraph > 0 and \
                any(m.start and m.mentions and m.mentions[0][2].paragraph <= d.mentions[0][2].paragraph for m in self.drafts):
            return  # another meeting told as soon has a date of its own: the lede may be about that one
        d.start, d.precision = days[0], "day"

    def _city_from_dateline(self) -> None:
        """"THE HAGUE, June 25 - NATO leaders agreed on Wednesday …, at a summit that …": the many-sided meeting
        the lede tells as held, on the day of the report or the day before, with no place of its own, is where
        the reporter files from."""
        doc = self.doc
        line = next((p for p in doc.places if p.start < 3 and p.place.city), None)
        if line is None or not doc.sentences or doc.published is None:
            return
        lede = doc.sentences[0]
        a = doc.analysis
        for d in self.drafts:
            if d.city or d.country or d.bilateral or not d.mentions or d.mentions[0][2].index != lede.index:
                continue
            # held that day or the day before; or, in a preview filed from there, opening within the week
            if d.start is None or not (0 <= (doc.published - d.start).days <= 1 if not d.future else
                                       0 <= (d.start - doc.published).days <= 7):
                continue
            if any(p is not line and p.place.city != line.place.city and lede.start <= p.start < lede.end and
                   (a is None or (t := a.token_at(p.start)) is None or
                    (t.dep == "pobj" and a.tokens[t.head].lower in ("in", "at"))) for p in doc.places):
                continue  # another place the lede puts something in or at: the meeting may be there (not "at NATO
                # headquarters in Brussels" filed from Brussels)
            d.city, d.country = line.place.city, line.place.iso3

    def _same_day(self) -> None:
        """"On the same day, the coalition held a video call", "After the meeting Rutte was received by …",
        "Earlier in the day he had been received by the King": the date of the meeting told before it."""
        for i, d in enumerate(self.drafts):
            if d.start or not d.mentions or d.future:
                continue  # "After the talks he said a three-way meeting would follow": planned, not that day
            s, _e, sent, _r = d.mentions[0]
            if SAME_DAY_RX.search(self.doc.text[sent.start:s]):
                dated = [o for o in self.drafts[:i] if o.start and o.precision == "day"]
                if dated:
                    d.start, d.precision = dated[-1].start, "day"

    def _sidelines(self) -> None:
        """"… met Trump on the sidelines on Wednesday": a bilateral at the summit, in its city; "a video call on
        the margins" of the conference: on its day (a call is held nowhere)."""
        for d in self.drafts:
            call = d.head in ("call", "video call") and not d.bilateral
            if not (d.bilateral or call) or d.city or not d.mentions:
                continue
            _s, e, sent, _r = d.mentions[0]
            if not SIDELINES_RX.search(sent.text):
                continue
            main = [m for m in self.drafts if m is not d and not m.bilateral and m.city and m.mentions and
                    m.mentions[0][0] < e and m.head not in ("call", "video call")]
            if main:
                if not call:
                    d.city, d.country = main[-1].city, main[-1].country
                d.start = d.start or main[-1].start

    def _held_at(self) -> None:
        """A two-sided meeting told "on the sidelines of the summit", "during the summit" or "at the
        conference" was held at that larger meeting (so its sides attended it too); "on the sidelines" alone
        means the larger meeting being told."""
        a = self.doc.analysis
        if a is None:
            return
        larger = {d.key: d for d in self.drafts if not d.bilateral and d.head not in ("call", "video call", "visit")}
        for d in self.drafts:
            if not d.bilateral or not d.mentions or d.held_at:
                continue
            s, _e, sent, _r = d.mentions[0]
            toks = a.tokens_in(sent.start, sent.end)
            for ps, _pe, key in self.positions.get(sent.index, []):
                t = a.token_at(ps)
                if key not in larger or t is None or larger[key].future != d.future:
                    continue
                prep = next((x for x in [t] + a.ancestors(t.i) if x.dep == "prep"), None)
                if prep is not None and (prep.lower in ("at", "during") or
                                         a.tokens[prep.head].lemma in ("sideline", "margin")):
                    d.held_at = key
                    break
            if d.held_at is None and any(x.lemma in ("sideline", "margin") for x in toks):
                told = [m for m in larger.values() if m.mentions and m.mentions[0][0] < s and m.future == d.future]
                if told:
                    d.held_at = told[-1].key
            if d.held_at is None and d.start is None and any(
                    x.lower == "during" and any(c.dep == "pobj" and c.lemma in ("visit", "trip") for c in a.children(x.i))
                    for x in toks):
                # "Meloni also signed an agreement with Zelenskyy during the visit": then and there
                visits = [m for m in self.drafts if m.head == "visit" and m is not d and m.start and m.mentions
                          and m.mentions[0][0] < s and m.future == d.future]
                if visits:
                    d.start, d.precision = visits[-1].start, visits[-1].precision
                    d.city, d.country = d.city or visits[-1].city, d.country or visits[-1].country
            at = larger.get(d.held_at) if d.held_at else None
            if at is not None and d.start is None and at.start and at.precision == "day":
                days = {x.date for x in self.doc.dates if sent.start <= x.start < sent.end and x.precision == "day"}
                if len(days) == 1 and 0 <= (min(days) - at.start).days <= 7:
                    d.start = min(days)  # "on the sidelines this evening": a day of the summit its sentence names
                elif not at.range_start:
                    d.start = at.start  # held on the sidelines, told without a day: the summit's day
                if d.start:
                    d.city, d.country = d.city or at.city, d.country or at.country

    def _also_like_the_last(self) -> None:
        """"A and B signed an accord on the sidelines this evening. … C also signed an accord with B": a
        two-sided meeting told with "also" and without a day of its own is one more of the kind just told,
        held then, there and at the same larger meeting."""
        a = self.doc.analysis
        if a is None:
            return
        for d in self.drafts:
            if not d.bilateral or d.start or d.held_at or not d.mentions:
                continue
            s, _e, sent, _r = d.mentions[0]
            if not any(t.lower == "also" and t.dep == "advmod" for t in a.tokens_in(sent.start, sent.end)):
                continue
            before = [o for o in self.drafts if o is not d and o.bilateral and o.start and o.precision == "day"
                      and o.future == d.future and o.mentions and o.mentions[0][0] < s
                      and 0 < sent.index - o.mentions[0][2].index <= 3]
            if before:
                o = max(before, key=lambda m: m.mentions[0][0])
                d.start, d.precision, d.held_at = o.start, o.precision, o.held_at
                d.city, d.country = d.city or o.city, d.country or o.country

    def _inherit_context(self) -> None:
        """A meeting told without date or place, in the same sentence as another meeting ("met … on the
        sidelines of the G7 summit") or in the next sentence of the same paragraph ("Trump first met one-on-one
        with Zelensky"), happened then and there."""
        for d in self.drafts:
            if d.start or not d.mentions or d.earlier:
                continue
            _s, _e, sent, _rule = d.mentions[0]
            for o in self.drafts:
                if o is d or not o.start or o.precision != "day" or o.future != d.future:
                    continue
                if d.year and d.year != o.start.year:
                    continue  # "At last year's summit in Washington", "the talks in Istanbul in 2022": not then
                near = [m for m in o.mentions if m[2].index == sent.index or
                        (m[2].index == sent.index - 1 and m[2].paragraph == sent.paragraph)]
                if near:
                    d.start, d.precision = self._shifted(o.start, o.precision, near[-1], d.mentions[0])
                    if (d.start, d.precision) != (o.start, o.precision):
                        break  # told as days or years apart: not then, so not there either
                    if not d.city and not d.country and d.head not in ("call", "video call"):
                        d.city, d.country = o.city, o.country  # (a call is not held anywhere)
                    break
            if d.start is None and d.background and self._told_apart(d.mentions[0][0]):
                self._apart_from_subject(d)

    def _apart_from_subject(self, d: MeetingDraft) -> None:
        """"It comes one year after a similar gathering in Riyadh": "it", the subject of the sentence, is the
        meeting the report is about (the first one told with a day, held or planned), so the other one is dated
        back (or on) from it."""
        a = self.doc.analysis
        s, _e, sent, _r = d.mentions[0]
        first = a.token_at(sent.start) if a is not None else None
        if first is None or first.lower not in ("it", "this") or first.dep not in ("nsubj", "nsubjpass"):
            return
        main = next((o for o in self.drafts if o is not d and o.start and o.precision == "day" and not o.background
                     and not o.bilateral), None)
        if main is not None:
            told = (sent.start, sent.start, sent, "subject")
            shifted = self._shifted(main.start, main.precision, told, d.mentions[0])
            if shifted != (main.start, main.precision):
                d.start, d.precision = shifted

    def _shifted(self, date: dt.date, precision: str, told: tuple, later: tuple) -> tuple[dt.date, str]:
        """"The gathering came two days after A and B travelled to Kyiv … and met X", "the summit came a year
        after a first such gathering": a span before "after"/"before" between the dated mention and the undated
        one moves the date back or on (by months or years: to that month)."""
        a = self.doc.analysis
        lo, hi = sorted((told[1], later[0]))
        if a is None or told[2].index != later[2].index:
            return date, precision
        toks = a.tokens_in(lo, hi)
        for n, unit, rel in zip(toks, toks[1:], toks[2:]):
            count = NUMBER_WORDS.get(n.lower) or (int(n.text) if n.text.isdigit() and int(n.text) < 60 else None)
            if not count or rel.lower not in ("after", "before") or \
                    unit.lemma not in ("day", "week", "month", "year"):
                continue
            sign = -1 if rel.lower == "after" else 1  # "M came N days after D": D was N days before M
            if later[0] < rel.start:
                sign = -sign  # the undated one is M: "the talks came four days after the summit on Friday"
            if unit.lemma in ("day", "week"):
                return date + dt.timedelta(days=sign * count * (7 if unit.lemma == "week" else 1)), precision
            months = date.year * 12 + date.month - 1 + sign * count * (12 if unit.lemma == "year" else 1)
            return dt.date(months // 12, months % 12 + 1, 1), "month"
        return date, precision

    # ------------------------------------------------------------ per sentence
    def _mentions_in(self, sent: Sentence):
        doc = self.doc
        text = doc.text
        found = []
        used: list[tuple[int, int]] = []
        # verbal forms: "X met with Y", "X hosted Y at Downing Street"
        # "X met his Polish counterpart Radoslaw Sikorski in Warsaw": a transitive "met"
        for m in re.finditer(r"\b(?:met|meets|will meet|to meet)\s+(?!with\b)", sent.text):
            s, e = sent.start + m.start(), sent.start + m.end()
            objs = [p for p in doc.persons if e <= p.span_start <= e + 30 and p.via in ("name", "title", "surname")]
            subj = [p for p in doc.persons if sent.start <= p.start < s and (p.via != "pronoun" or
                                                                             p.text.lower() in ("he", "she"))]
            if subj and re.search(r"(?:,\s*|\s)and\s+(?:then\s+|later\s+|also\s+)?$", text[max(sent.start, s - 12):s]):
                subj = subj[:1]  # "Zelenskyy attended a dinner given by the King, and met Trump": Zelenskyy met him
            if not objs or not subj or not re.fullmatch(r"(?:(?:his|her|their|the)\s+)?(?:[\w\-]+\s+){0,2}",
                                                         text[e:objs[0].span_start]):
                continue
            d = self._draft_from(sent, s, e, "meeting")
            d.bilateral, d.participants = True, [subj[-1].key, objs[0].key]
            found.append((d, "meeting.verb.met", (s, e)))
            used.append((s, e))
            for other in self._side_meetings_too(sent, subj[-1].key, objs[0]):
                twin = self._draft_from(sent, s, e, "meeting")
                twin.bilateral, twin.participants = True, [subj[-1].key, other]
                found.append((twin, "meeting.verb.met_each_aside", (s, e)))
        # "The visitors and Zelenskyy then spoke by phone with US President Donald Trump": a call
        for m in re.finditer(r"\b(?:spoke|speaks|talked|talks|held a call|had a call)\s+(?:\w+\s+){0,2}?"
                             r"(?:by (?:phone|telephone|video(?:link)?)|on the (?:phone|telephone))\s+with\s+", sent.text):
            s, e = sent.start + m.start(), sent.start + m.end()
            objs = [p for p in doc.persons if e <= p.start < min(sent.end, e + 50) and p.via != "pronoun"]
            if not objs:
                continue
            subj = [p for p in doc.persons if sent.start <= p.start < s and p.via != "pronoun"]
            d = self._draft_from(sent, s, e, "call")
            d.head, d.participants = "call", list(dict.fromkeys([p.key for p in subj] + [objs[0].key]))
            d.bilateral = len(d.participants) == 2
            found.append((d, "meeting.verb.phone_call", (s, e)))
            used.append((s, e))
        for m in re.finditer(r"\b(?:(?:met|meets|meeting|to meet|sat down|sits down|held talks|holds talks)\s+(?:(?:one-on-one|one-to-one|separately|privately|"
                             r"on \w+(?: and again on \w+)?|in [A-Z][\w.]+|again|later|first|earlier)\s+)*with|"
                             # "held his first face-to-face talks since the invasion with"
                             r"(?:held|holds|had)\s+(?:(?:his|her|their|a|an)\s+)?(?:[\w\-]+\s+){0,3}(?:talks|meeting)"
                             r"(?:\s+[\w\-]+){0,3}?\s+with)\b", sent.text):
            s, e = sent.start + m.start(), sent.start + m.end()
            others = [p for p in doc.persons if e <= p.start < e + 60 and p.via in ("name", "title", "surname")
                      and not re.match(r"(?:'s|’s)\b", text[p.end:p.end + 2])]
            if not others:
                continue
            subj = [p for p in doc.persons if sent.start <= p.start < s and p.via != "pronoun" or
                    (p.via == "pronoun" and sent.start <= p.start < s and p.text.lower() in ("he", "she"))]
            # "his meeting with Biden": the possessive names the other side
            subj += [p for p in doc.persons if p.via == "pronoun" and p.text.lower() in ("his", "her") and
                     sent.start <= p.start < s and re.fullmatch(r"\s+(?:[\w\-]+\s+){0,2}", text[p.end:s])]
            subj = [p for p in subj if not self._object_of_earlier_verb(s, e, p.start)]
            subj_keys = list(dict.fromkeys(p.key for p in subj))
            d = self._draft_from(sent, s, e, "meeting")
            # a preposition ends the list of the other side, but not inside a word like "son-in-law"
            clause_end = re.search(r"(?<![\w\-])(?:to|on|in|at|for|ahead|after|before|during)(?![\w\-])|[;.]",
                                   text[others[0].end:sent.end])
            limit = others[0].end + (clause_end.start() if clause_end else sent.end - others[0].end)
            objs = list(dict.fromkeys(p.key for p in others if p.start < limit))
            d.bilateral = (len(set(subj_keys[-1:]) | set(objs)) == 2 and len(objs) == 1) or bool(BILATERAL_RX.search(sent.text))
            d.participants = subj_keys[-1:] + [k for k in objs if k not in subj_keys[-1:]]
            # "A Ukrainian delegation met with the US envoy": one side's delegation meeting the other is two-sided
            one_delegation = re.search(r"\b(?:a|an|the|its|their)\s+(?:[\w\-]+\s+)?delegation\s+$",
                                       text[max(sent.start, s - 60):s], re.I)
            if one_delegation:
                d.bilateral = True
            elif re.search(r"\b(?:leaders|delegations|ministers|officials)\b", text[max(sent.start, s - 60):s]) or len(subj_keys) >= 2:
                d.bilateral = False  # "Eight European leaders met with Trump": a summit
                d.head = "summit"
                d.participants = subj_keys + [others[0].key] if len(subj_keys) >= 2 else [others[0].key]
            found.append((d, "meeting.verb.met_with", (s, e)))
            used.append((s, e))
        for m in re.finditer(r"\b(?:leaders|presidents|heads of (?:state|government)|prime ministers|ministers|delegations)\b"
                             r"[^.;]{0,40}?\b(?:traveled|travelled|gathered|convened|met|meet|meets|will meet|arrived|"
                             r"came together)\s+"
                             r"(?:\w+\s+){0,3}?(?:to|in|at)\s+", sent.text, re.I):
            s, e = sent.start + m.start(), sent.start + m.end()
            if not [p for p in doc.places if e <= p.start < e + 30] or any(not (e <= a or s >= b) for a, b in used):
                continue
            verb = next((t for t in doc.analysis.tokens_in(s, e) if t.pos == "VERB"), None) if doc.analysis else None
            if verb is not None and self._for_a_meeting(verb.start):
                continue
            d = self._draft_from(sent, s, e, "summit")
            d.head = "ministerial" if re.match(r"(?:\w+\s+){0,2}ministers\b", m.group(0), re.I) \
                and not re.search(r"\bprime\s+ministers\b", m.group(0), re.I) else "summit"  # prime ministers meet at summits
            for o in doc.orgs:  # "Leaders of the Group of Seven gathered in Apulia"
                if s <= o.start < e:
                    d.format = o.key
                    break
            # "The Turkish and Ukrainian presidents met in Ankara": two nationalities, two sides
            lead = max(sent.start, s - 40)
            nations = {c.iso3 for c in doc.countries if c.form == "demonym" and lead <= c.start < s}
            if len(nations) == 2 and re.search(r"(?<![,\w])\s*\w+\s+and\s+\w+\s+$", text[lead:s]):
                d.head, d.bilateral, d.sides_by_country = "meeting", True, sorted(nations)
            found.append((d, "meeting.verb.leaders_gathered", (s, e)))
            used.append((s, e))
        # a group that meets: "over 200 military personnel from 30 countries will meet" (with a place in the sentence)
        for m in re.finditer(r"\b(?:personnel|officials|planners|chiefs|representatives|envoys|advisers|advisors|"
                             r"diplomats|negotiators)\b[^.;]{0,100}?\b(?P<v>will meet|met|to meet|gathered|convened|"
                             r"will gather|will convene)\b", sent.text, re.I):
            s, e = sent.start + m.start("v"), sent.start + m.end("v")
            if any(not (e <= a or s >= b) for a, b in used):
                continue
            if not [p for p in doc.places if sent.start <= p.start < sent.end]:
                continue
            d = self._draft_from(sent, s, e, "meeting")
            pl = next(p for p in doc.places if sent.start <= p.start < sent.end)
            d.city, d.country = d.city or pl.place.city, d.country or pl.place.iso3
            if not d.start:
                ds = [x for x in doc.dates if sent.start <= x.start < sent.end]
                if ds:
                    d.start, d.precision = ds[0].date, ds[0].precision
            found.append((d, "meeting.verb.group_meets", (s, e)))
            used.append((s, e))
        # "the one that met at Lancaster House earlier this month": a group's earlier meeting
        for m in re.finditer(r"\b(?:that|which|who)\s+(?:had\s+)?(?:met|gathered|convened)\s+(?:at|in)\s+", sent.text):
            s, e = sent.start + m.start(), sent.start + m.end()
            if any(not (e <= a or s >= b) for a, b in used) or not [p for p in doc.places if e <= p.start < e + 5]:
                continue
            d = self._draft_from(sent, s, e, "meeting")
            found.append((d, "meeting.verb.group_met", (s, e)))
            used.append((s, e))
        # "the next Ukraine Defense Contact Group on April 11": a format named for its meeting
        for o in doc.orgs:
            if not (sent.start <= o.start < sent.end) or (doc.gaz.orgs.get(o.key) and doc.gaz.orgs[o.key].kind != "format"):
                continue
            if not re.search(r"\b(?:next|previous|last|upcoming|latest|\d+(?:st|nd|rd|th))\s+$", text[max(sent.start, o.start - 15):o.start]) \
                    and not re.search(r"\b(?:convened|convenes|hosted|hosts|chaired|chairs|co-chaired|opened|attended|"
                                      r"attend|joined)\s+(?:the\s+|a\s+)?$", text[max(sent.start, o.start - 25):o.start]):
                continue
            if HEAD_RX.match(text[o.end:o.end + 12].lstrip()):
                continue  # "the next UDCG meeting": the noun rule reads it
            d = self._draft_from(sent, o.start, o.end, "meeting")
            d.format = o.key
            found.append((d, "meeting.format_named", (o.start, o.end)))
            used.append((o.start, o.end))
        # "X and Y signed an exchange of notes … on April 18": the two sides met to sign
        for m in re.finditer(r"\bsigned\s+(?:an?|the)\s+(?:[\w\-]+\s+){0,3}(?:agreement|accord|memorandum|exchange of notes|"
                             r"deal|treaty|declaration)\b", sent.text):
            s, e = sent.start + m.start(), sent.start + m.end()
            subj = [p for p in doc.persons if sent.start <= p.start < s and p.via != "pronoun"]
            keys = list(dict.fromkeys(p.key for p in subj))
            if len(keys) != 2 or not re.fullmatch(r"\s*and\s*", text[subj[0].end:subj[-1].span_start]):
                continue
            d = self._draft_from(sent, s, e, "meeting")
            d.bilateral, d.participants, d.head = True, keys, "meeting"
            found.append((d, "meeting.verb.signed", (s, e)))
            used.append((s, e))
        # "Starmer hosted Zelensky at Downing Street", "Starmer welcomed Zelenskyy to Downing Street",
        # "Macron received Zelenskyy", "Rutte was received by Starmer in Downing Street"
        for m in re.finditer(r"\b(?P<active>hosted|welcomed|received)\s+|\b(?:was|were|had been)\s+(?:\w+\s+)?"
                             r"(?P<passive>received|welcomed|hosted)\s+by\s+", sent.text):
            s = sent.start + m.end()
            after = [p for p in doc.persons if s <= p.span_start < s + 5 and p.via != "pronoun"]
            before = [p for p in doc.persons if sent.start <= p.start < sent.start + m.start()]
            if not after or not before or (not re.search(r"\b(?:at|in|to)\b", sent.text[m.end():m.end() + 90])
                                            and not m.group("passive")):
                continue
            if re.match(r"\s*(?:and|,)\s", text[after[0].end:after[0].end + 6]) and m.group("active"):
                continue  # "received Zelenskyy and several European leaders": the summit, not two people
            host, guest = (after[0], before[-1]) if m.group("passive") else (before[-1], after[0])
            chain = [before[-1]]
            for p in reversed(before[:-1]):
                if re.fullmatch(r"\s*(?:,|and|, and)\s*(?:(?:Prime Ministers|Presidents)\s+)?", text[p.end:chain[-1].span_start]):
                    chain.append(p)
                else:
                    break
            d = self._draft_from(sent, sent.start + m.start(), s, "meeting")
            if m.group("passive") and len(chain) >= 2:
                # "Macron, Merz, Starmer and Tusk were received by Zelenskyy": the leaders' visit, not a two-sided meeting
                d.head, d.participants = "summit", [host.key] + [p.key for p in reversed(chain)]
                found.append((d, "meeting.verb.received_visitors", (sent.start + m.start(), s)))
                used.append((sent.start + m.start(), s))
                continue
            d.bilateral = True
            d.participants = [host.key, guest.key]
            found.append((d, "meeting.verb.hosted_guest", (sent.start + m.start(), s)))
            used.append((sent.start + m.start(), s))
        # "after hosting European leaders at Lancaster House in London": a summit the host held
        for m in re.finditer(r"\b(?:hosted|hosting|hosts|convened|convening|chaired|chairing|gathered)\s+(?:\w+\s+){0,5}?"
                             r"(?:leaders|counterparts|ministers|delegations|heads of (?:state|government))\b"
                             r"(?:\s+[\w,\s]{0,40}?)?\s+(?:at|in)\s+", sent.text, re.I):
            s, e = sent.start + m.start(), sent.start + m.end()
            if any(not (e <= a or s >= b) for a, b in used) or not [p for p in doc.places if e <= p.start < e + 20]:
                continue
            d = self._draft_from(sent, s, e, "summit")
            d.head = "ministerial" if "ministers" in m.group(0).lower() else "summit"
            found.append((d, "meeting.verb.hosted_group", (s, e)))
            used.append((s, e))
        found += self._editions(sent, used)
        found += self._visits(sent, used, found)
        found += self._group_meetings(sent, used)
        found += self._two_sided(sent, used)
        found += self._one_named(sent, used)
        for m in HEAD_RX.finditer(sent.text):
            s, e = sent.start + m.start(), sent.start + m.end()
            if any(not (e <= a or s >= b) for a, b in used):
                continue
            # "a telephone conversation" is told as a phone call
            head = re.sub(r"^(?:tele)?phone \w+$", "phone call", m.group(0).lower())
            before = text[max(sent.start, s - 30):s]
            if NOT_MEETING_AFTER.search(text[e:e + 10]):
                continue
            if text[s].isupper() and re.match(rf"\s+(?:{HEADS})\b", text[e:e + 24]):
                continue  # "the Pacific Islands Forum summit": a body's name modifying the meeting noun after it
            if NOT_MEETING_BEFORE.search(before) and not (re.search(r"\bjoint\s+(?:press|news)\s*$", before, re.I) or
                                                         all(noun_partners(doc, s, e))):
                continue  # a press conference is a meeting only as a joint one, or one held with someone
            if head == "call" and not re.search(r"\b(video|phone|conference)\s*$", before, re.I) and \
                    not re.match(r"\s+with\b", text[e:e + 8]) and \
                    not (re.search(r"\b(?:the|this|that|Saturday's|Sunday's|today's)\s*$", before, re.I) and
                         any(d.head in ("call", "video call") for d in self.drafts)):
                continue  # a bare "call" is a meeting only as "the call" already told
            if head == "assembly" and text[s:e][0].isupper():
                continue  # "the UN General Assembly" is a body, not a meeting told
            if head in ("meetings", "talks", "summits", "calls") and \
                    re.search(r"\b(?:both|the two|these|those|all three|the three)\s+$", before, re.I):
                continue  # "Both meetings were overshadowed by …": the meetings told already
            if head in ("meetings", "summits", "sessions", "conferences") and \
                    re.search(r"\b(?:one|any|none|each|some|many|most) of (?:the|its|their|his|her|our)?\s*(?:[\w\-]+\s+)?$",
                              before, re.I):
                continue  # "did not take part in one of its meetings": the series, no meeting told
            if head in ("meeting", "meetings") and re.match(r"\s+(?:with|between)\b", text[e:e + 10]) is None and \
                    re.search(r"\b(?:is|are|was|were|been|be)\s+$", before):
                continue  # "they were meeting" as a verb without partner
            if head == "talks" and not re.search(r"\b(?:talks\s+(?:in|with|between|on)|the talks|peace talks)\b", text[max(0, s - 5):e + 9], re.I):
                if not re.search(r"\b(?:of|hold|held|holding|for)\s+$", before):
                    continue
            if self._denied(s, e):
                continue  # "sat in the same room but did not hold talks"
            d = self._draft_from(sent, s, e, head)
            found.append((d, f"meeting.noun.{head.replace(' ', '_')}", (s, e)))
        cur = self.current
        for m in re.finditer(r"\b(?:the|its|their)\s+(?:next|following)\s+(one)\b", sent.text, re.I):
            # "the next one is planned for October": one more of the meetings being told, of its format
            s, e = sent.start + m.start(1), sent.start + m.end(1)
            if cur is None or cur.bilateral or cur.head in ("visit", "call") or \
                    any(not (e <= a or s >= b) for a, b in used) or re.match(r"\s+of\b", text[e:e + 4]):
                continue
            d = self._draft_from(sent, s, e, cur.head)
            d.format = d.format or cur.format
            found.append((d, "meeting.noun.one_more", (s, e)))
        return [f for f in found if not self._wished_for(*f[2])]

    def _side_event_of(self, sent: Sentence, s: int, e: int) -> MeetingDraft | None:
        """The many-sided meeting told earlier in the sentence, when the meeting noun at s..e is the "of" phrase
        of "sidelines", "margins" or "fringes" ("a summit …, on the margins of the G20 leaders' meeting"). (A
        two-sided meeting is never folded into a larger one: `MeetingDraft.compatible` keeps them apart.)"""
        a = self.doc.analysis
        n = self._head_noun(s, e) if a is not None else None
        if n is None or n.dep != "pobj":
            return None
        of = a.tokens[n.head]
        if of.lower != "of" or a.tokens[of.head].lemma not in SIDELINE_NOUNS:
            return None
        before = [key for ps, _pe, key in self.positions.get(sent.index, []) if ps < s]
        # (an "event" on the sidelines is told as part of the larger meeting: only a summit, conference, forum or
        # ministerial is a meeting of its own there)
        told = [m for m in self.drafts if m.key in before and not m.bilateral and
                m.head in ("summit", "conference", "forum", "ministerial")]
        return told[-1] if told else None

    def _format_told_again(self, e: int) -> str | None:
        """"his first meeting of the group", "a session of the coalition": a format named earlier in the article,
        told again by the head word of its name (or as "the group", "the coalition", "the format" for any)."""
        m = re.match(r"\s+of\s+the\s+([a-z]+)\b", self.doc.text[e:e + 30])
        if m is None:
            return None
        word = m.group(1)
        for o in sorted((o for o in self.doc.orgs if o.end <= e and self._is_format(o.key)), key=lambda o: -o.start):
            name = self.doc.gaz.org_name(o.key).lower().split()
            if word in ("group", "coalition", "format") or (name and name[-1] == word):
                return o.key
        return None

    def _it_was(self, s: int, e: int) -> bool:
        """The meeting noun at s..e is what "it" or "this" is, by a copula ("It was Kishida's final Quad summit",
        "This is the first summit since …"): the meeting being told, whatever "first" or "final" says of it."""
        a = self.doc.analysis
        n = self._head_noun(s, e) if a is not None else None
        if n is None or n.dep != "attr":
            return False
        be = a.tokens[n.head]
        return be.lemma == "be" and any(c.dep == "nsubj" and c.lower in ("it", "this") for c in a.children(be.i))

    def _wished_for(self, s: int, e: int) -> bool:
        """The meeting at s..e is only wished for: its noun is in the "for" phrase of a verb of class `wish_for`
        ("hoping for a meeting with him"), the object of a verb of class `wish` ("sought a meeting with Xi"), or
        its verb of meeting the infinitive of one ("hoped to meet Trump"). It is neither held nor planned."""
        a = self.doc.analysis
        if a is None:
            return False
        n = self._head_noun(s, e) or next((t for t in a.tokens_in(s, e) if t.pos == "VERB"), None)
        if n is None:
            return False
        classes = lemma_classes()
        up = a.tokens[n.head]
        if n.dep == "pobj" and up.dep == "prep" and up.lower == "for":
            return "wish_for" in classes.get(a.tokens[up.head].lemma, frozenset())
        if n.dep == "dobj" or (n.dep == "xcomp" and n.pos == "VERB"):
            return "wish" in classes.get(up.lemma, frozenset())
        return False

    def _object_of_earlier_verb(self, s: int, e: int, pos: int) -> bool:
        """"They met Prime Minister Mikati and later held talks with Speaker Berri": the verb at s..e shares the
        subject of the verb it is conjoined to, and that verb's object (Mikati) is no side of the talks."""
        a = self.doc.analysis
        if a is None:
            return False
        v = next((t for t in a.tokens_in(s, e) if t.pos in ("VERB", "AUX")), None)
        if v is None or v.dep != "conj":
            return False
        for o in a.children(v.head):
            if o.dep == "dobj":
                span = [t for t in a.subtree(o.i) if t.start < s]
                if span and min(t.start for t in span) <= pos < max(t.end for t in span):
                    return True
        return False

    def _side_meetings_too(self, sent: Sentence, subject: str, first) -> list[str]:
        """"He met Britain's Starmer and Japan's Ishiba on the margins": on the sidelines of a larger meeting,
        each person of the conjoined objects is a meeting of their own with the subject (one per pair, as
        side meetings are held), not one meeting of three. Elsewhere "met A and B" stays one meeting."""
        a = self.doc.analysis
        if a is None or not SIDELINES_RX.search(sent.text):
            return []
        head = a.token_at(first.end - 1)
        if head is None:
            return []
        syn = Syntax(a)
        keys = []
        for t in syn.group(head)[1:]:
            if t.dep != "conj":
                continue
            act = syn.actors(self.doc, t)
            if act and act[0] == "person" and act[1] not in (subject, first.key, *keys):
                keys.append(act[1])
        return keys

    def _visits(self, sent: Sentence, used: list[tuple[int, int]], found: list) -> list:
        """"X visited Kyiv", "X's trip to Ukraine": a meeting of the visitor with the hosts (see parsed_meetings.py)."""
        text = self.doc.text
        spans = list(used) + [(m.start(), m.end()) for m in HEAD_RX.finditer(text, sent.start, sent.end)]
        out = []
        for v in find_visits(self.doc, sent, spans):
            if any(not (v.end <= a or v.start >= b) for a, b in used) or HEAD_RX.search(sent.text):
                continue  # a trip told beside a meeting is the trip to it (participation reads who went)
            d = self._draft_from(sent, v.start, v.end, "visit")
            d.head, d.bilateral, d.participants = "visit", True, list(v.visitors)
            d.city, d.country = v.city, v.country
            target = self._meeting_visited(d)
            if target is not None:  # the trip to a summit told already: its visitors take part in it
                target.participants += [p for p in d.participants if p not in target.participants]
                continue
            out.append((d, "meeting.visit", (v.start, v.end)))
            used.append((v.start, v.end))
        return out

    def _editions(self, sent: Sentence, used: list[tuple[int, int]]) -> list:
        """"Negotiators at COP28 struck a deal": a named edition of a recurring meeting (data/events.tsv)."""
        out = []
        for s, e, ed in find_editions(self.doc.text, sent.start, sent.end):
            if any(not (e <= a or s >= b) for a, b in used):
                continue
            d = self._draft_from(sent, s, e, ed.kind)
            d.name, d.city, d.country = ed.name, ed.city, ed.iso3
            out.append((d, "meeting.edition", (s, e)))
            used.append((s, e))
        return out

    def _two_sided(self, sent: Sentence, used: list[tuple[int, int]]) -> list:
        """"Macron hosts Zelenskyy", "Starmer phoned Trump" in any tense (see parsed_meetings.py)."""
        out = []
        for m in find_two_sided(self.doc, sent):
            if any(not (m.end <= a or m.start >= b) for a, b in used):
                continue
            d = self._draft_from(sent, m.start, m.end, m.head)
            d.bilateral, d.participants = True, list(m.sides)
            if m.caption:
                days = {x.date for x in self.doc.dates if sent.start <= x.start < sent.end and x.precision == "day"}
                cities = {p.place.city: p for p in self.doc.places if sent.start <= p.start < sent.end and p.place.city}
                if d.start is None and len(days) == 1:
                    d.start, d.precision = days.pop(), "day"
                if d.city is None and len(cities) == 1:
                    place = next(iter(cities.values())).place
                    d.city, d.country = place.city, place.iso3
            if m.head == "call":
                d.mode = "virtual"
            out.append((d, f"meeting.verb.{m.head}_of_two", (m.start, m.end)))
            used.append((m.start, m.end))
        return out

    def _one_named(self, sent: Sentence, used: list[tuple[int, int]]) -> list:
        """"X met his Turkish counterpart in Ankara" (see parsed_meetings.py)."""
        out = []
        for m in find_one_named(self.doc, sent):
            if any(not (m.end <= a or m.start >= b) for a, b in used):
                continue
            d = self._draft_from(sent, m.start, m.end, m.head)
            d.bilateral, d.participants, d.sides_by_country = True, [m.person], [m.country]
            if m.head == "call":
                d.mode = "virtual"
            out.append((d, f"meeting.verb.{m.head}_with_unnamed", (m.start, m.end)))
            used.append((m.start, m.end))
        return out

    def _group_meetings(self, sent: Sentence, used: list[tuple[int, int]]) -> list:
        """"Finance ministers of the Group of Seven met in Washington" (see parsed_meetings.py)."""
        out = []
        formats = [d.format for d in self.drafts if d.format]
        for g in find_group_meetings(self.doc, sent, formats[-1] if formats else None):
            if any(not (g.end <= a or g.start >= b) for a, b in used) or self._for_a_meeting(g.start):
                continue
            d = self._draft_from(sent, g.start, g.end, g.head)
            d.format = d.format or g.format
            d.participants += [p for p in g.members if p not in d.participants]
            if g.sides:
                d.bilateral, d.sides_by_country = True, list(g.sides)
            out.append((d, "meeting.verb.group_met", (g.start, g.end)))
            used.append((g.start, g.end))
        return out

    def _for_a_meeting(self, verb_start: int) -> bool:
        """"World leaders gathered in Baku on Tuesday for COP29": the gathering is the meeting its "for" phrase
        names (found by the noun and edition rules), not one more."""
        a = self.doc.analysis
        v = a.token_at(verb_start) if a is not None else None
        if v is None:
            return False
        for c in a.children(v.i):
            if c.dep == "prep" and c.lower == "for":
                # the phrase's own object names it, not a phrase inside it ("for the last time before the summit")
                objs = [o for o in a.children(c.i) if o.dep == "pobj"]
                if not objs:
                    continue
                lo, hi = c.end, objs[0].end
                head = HEAD_RX.search(self.doc.text, lo, hi)
                # a named one: not "for talks on Syria" (ministers gathering for talks are a ministerial)
                # (nor "for a summit on Gaza": the verb's place and day are the summit's)
                if (head and head.group(0)[0].isupper()) or find_editions(self.doc.text, lo, hi):
                    return True
            if c.dep == "prep" and c.lower in ("at", "during"):
                # "leaders met at the summit": at that meeting, which the noun rule reads (not one more meeting of
                # the group; but "the group would meet again on the margins of the ministers' meeting" is one)
                objs = [o for o in a.children(c.i) if o.dep == "pobj"]
                if objs and HEAD_RX.fullmatch(objs[0].text):
                    return True
        return False

    def _meeting_visited(self, d: MeetingDraft) -> MeetingDraft | None:
        """The one summit or conference of the article in the visit's city (or country, for a trip to a
        country), on a day that fits it."""
        if not d.city and not d.country:
            return None
        hosts = [o for o in self.drafts if o is not d and o.head != "visit" and not o.bilateral and
                 (o.city == d.city if d.city else o.country == d.country)
                 and (not d.start or not o.start or abs((o.start - d.start).days) <= 2)]
        return hosts[0] if len(hosts) == 1 else None

    def _visits_for_meetings(self) -> None:
        """A visit to the city of a summit or conference told later in the same article, on a day that fits it,
        was the trip to that meeting: its visitors take part in it and the visit is no meeting of its own."""
        for d in list(self.drafts):
            if d.head != "visit" or any(m[3] != "meeting.visit" for m in d.mentions):
                continue  # (a visit that also tells of talks there is a meeting of its own)
            target = self._meeting_visited(d)
            if target is None:
                continue
            target.participants += [p for p in d.participants if p not in target.participants]
            self._fold(d, target)

    def _multi_day(self) -> None:
        """A summit or conference of one format or city told on two days a day or two apart ("opened on
        Thursday", "on Friday the summit adopted …") is one meeting of several days, starting on the first."""
        for d in list(self.drafts):
            if d not in self.drafts or d.bilateral or d.head not in ("summit", "conference", "ministerial") or \
                    not d.start or d.precision != "day":
                continue
            for o in self.drafts:
                if o is d or o.bilateral or o.head != d.head or not o.start or o.precision != "day" or \
                        o.future != d.future or o.background or d.background or not 0 < abs((o.start - d.start).days) <= 2:
                    continue
                same_place = bool(d.city and d.city == o.city and (not d.format or not o.format or d.format == o.format))
                same_format = bool(d.format and d.format == o.format and (not d.city or not o.city or d.city == o.city))
                if not (same_place or same_format) or (d.name and o.name and d.name.lower() != o.name.lower()):
                    continue
                first, later = (o, d) if self.drafts.index(o) < self.drafts.index(d) else (d, o)
                start = min(first.start, later.start)
                first.absorb(dataclasses.replace(later, start=None, range_start=None, mentions=[]))
                first.start = start
                self._fold(later, first)
                break

    def _appositions(self) -> None:
        """"… for two rounds of talks on Syria, the first large meeting on the country since …": a meeting
        noun in apposition to another is the same meeting told again (its own dates and places are of
        the clauses inside it); so is "his first summit", told without a day or place of its own."""
        a = self.doc.analysis
        if a is None:
            return
        for d in list(self.drafts):
            if not d.mentions or d.bilateral:
                continue
            s, e, sent, _r = d.mentions[0]
            n = self._head_noun(s, e)
            if n is None:
                continue
            target = None
            if n.dep == "appos":
                # (the parser may hang it on the last noun of the other's phrase: "talks on Syria, the first …")
                chain = [a.tokens[n.head]] + a.ancestors(n.head)[:2]
                chain = chain[:next((k + 1 for k, x in enumerate(chain) if x.pos in ("VERB", "AUX")), len(chain))]
                target = self._many_sided_told_at(chain, sent, d)
            if target is None:  # "the COP28 talks": a named edition modifying the noun is that meeting
                target = self._many_sided_told_at(
                    [c for c in a.children(n.i) if c.dep in ("compound", "nmod")], sent, d)
                if target is not None and target.start is None and d.start:  # the noun's phrase tells when
                    target.start, target.precision, target.range_start = d.start, d.precision, d.range_start
                if target is not None and target.city is None and d.city:
                    target.city, target.country = d.city, d.country
            if target is None and len(d.mentions) == 1 and not d.start and not d.city and \
                    any(c.dep == "poss" and c.pos == "PRON" for c in a.children(n.i)) and \
                    any(c.lower == "first" for c in a.children(n.i)):
                # "Rutte, chairing his first summit": the one being told, first for him
                target = next((o for o in reversed(self.drafts) if o is not d and not o.bilateral and o.mentions
                               and o.mentions[0][0] < s), None)
            if target is not None:
                self._fold(d, target)

    def _many_sided_told_at(self, tokens: list, sent: Sentence, other_than: MeetingDraft) -> MeetingDraft | None:
        """The many-sided meeting (not `other_than`) one of whose mentions in `sent` covers one of `tokens`."""
        return next((o for o in self.drafts if o is not other_than and not o.bilateral and
                     any(ms <= x.start < me and m_sent.index == sent.index
                         for ms, me, m_sent, _ in o.mentions for x in tokens)), None)

    def _fold(self, d: MeetingDraft, target: MeetingDraft) -> None:
        """`d` is told again as `target`: its mentions, sentences and positions go to it."""
        target.mentions += d.mentions
        self.drafts.remove(d)
        for keys in self.by_sentence.values():
            if d.key in keys:
                keys[keys.index(d.key)] = target.key
                keys[:] = list(dict.fromkeys(keys))
        for sent_index, spans in self.positions.items():
            self.positions[sent_index] = [(s, e, target.key if k == d.key else k) for s, e, k in spans]
        for m in self.drafts:
            if m.held_at == d.key:
                m.held_at = target.key
        if self.current is d:
            self.current = target

    def _draft_from(self, sent: Sentence, s: int, e: int, head: str) -> MeetingDraft:
        doc = self.doc
        text = doc.text
        d = MeetingDraft(key="")
        d.head = "video call" if "video" in head or head == "videoconference" or head.startswith("tele") \
            else head.split()[0]
        if head.startswith("ministerial"):
            d.head = "ministerial"
        np_start = self._np_start(sent, s)
        np_end = self._np_end(sent, e)
        np = text[np_start:np_end]
        if d.head in ("meeting", "gathering") and re.search(r"\bleaders['’]?\s+(?:[\w\-]+\s+)?$", text[np_start:s]):
            d.head = "summit"  # "the G20 leaders' meeting": a meeting of leaders is a summit
        # format: an organization inside the noun phrase
        for o in doc.orgs:
            if np_start <= o.start and o.end <= np_end:
                d.format = o.key
                break
        if d.format is None:
            d.format = self._format_told_again(e)
        if d.format is None and d.head in ("summit", "ministerial"):
            d.format = self._format_of_group(sent) or self._owners_format(s)
        if d.format is None and d.head in ("session", "meeting", "ministerial") and not self.drafts and \
                sent.paragraph == 0:
            d.format = self._lede_format(sent, s)  # "… the Ukraine Defense Contact Group … Wednesday's session"
        # place: inside the phrase, else "in/at X" close after it, else a capital hosting it
        place = None
        for p in doc.places:
            if np_start <= p.start and p.end <= s and not any(o.start <= p.start < o.end for o in doc.orgs):
                # a premodifier: "the London summit", "the Rome Conference" (not "the Ramstein-format meeting")
                place = p
                break
        if place is None:
            for p in doc.places:
                if sent.start <= p.start < sent.end and abs(p.start - e) < 90 and \
                        not (p.start > e and HEAD_RX.search(text[e:p.start])) and \
                        self._place_is_told_of(s, p.start) and \
                        (re.search(r"\b(in|at)\s+(?:the\s+)?$", text[max(sent.start, p.start - 8):p.start]) or
                         (re.search(r"\bto\s+(?:the\s+)?$", text[max(sent.start, p.start - 8):p.start]) and p.start - e < 15)):
                    place = p if place is None or abs(p.start - e) < abs(place.start - e) else place
        if place is None:
            place = self._place_on_trigger(s)
        if place is None:
            for p in doc.places:
                if sent.start <= p.start < s and re.match(r"\s+(?:hosted|hosts|will host|is hosting)\b", text[p.end:p.end + 20]):
                    place = p
        if place is None:  # "At the Mariinsky Palace they held a meeting …"
            for p in doc.places:
                if sent.start <= p.start < s and s - p.end < 60 and \
                        re.search(r"\b(?:at|in)\s+(?:the\s+)?$", text[max(sent.start, p.start - 8):p.start], re.I) and \
                        not re.search(r"[,;]", text[p.end:s]) and not HEAD_RX.search(text[p.end:s]):
                    place = p
        if place is None:  # "the next summit will be held in November in Belém": where its predicate says
            place = self._predicate_place(s)
        if place is None:  # "… in Hiroshima, where the leaders had asked him to join their summit"
            place = self._place_over(sent, s)
        if place is not None:
            d.city = place.place.city
            d.country = place.place.iso3
        else:
            cap = re.search(r"\bin the ([A-Z][\w.]*(?:\s[A-Z][\w.]*)?) capital\b", text[sent.start:sent.end])
            if cap:
                for c in doc.countries:
                    if c.text == cap.group(1) or c.text == "the " + cap.group(1):
                        d.city = doc.gaz.capital_of(c.iso3)
                        d.country = c.iso3
            if d.country is None:
                for c in doc.countries:
                    if sent.start <= c.start < sent.end and c.form == "name" and \
                            re.fullmatch(r"\s+(?:in|at)\s+", text[max(e, np_end):c.start]):
                        d.country = c.iso3
            if d.country is None:
                d.country = self._predicate_country(s)  # "the next summit is to be held in Turkey"
        # date: the date written nearest to the phrase in the same sentence
        cands = [x for x in doc.dates if sent.start <= x.start < sent.end and not self._date_of_telling(s, e, x)]
        if re.match(r"(?:'s|’s)\b", text[e:e + 3]):
            cands = []  # "the forum's future once Trump takes office on January 20": not the forum's date
        near = []
        for x in cands:
            if np_start <= x.start and x.end <= max(np_end, e):
                near.append((0, x))  # "Sunday's summit", "the 27th meeting … on April 11"
            elif x.start >= e and x.start - max(e, np_end) <= (80 if head == "meeting" and "met" in text[s:e] else 70) \
                    and not HEAD_RX.search(text[max(e, np_end):x.start]) and \
                    ("," not in text[max(e, np_end):x.start] or self._only_places(max(e, np_end), x.start)) and \
                    not re.match(r"(?:'s|’s)?\s+(?:" + HEADS + ")", text[x.end:x.end + 14], re.I):
                near.append((x.start - e, x))  # "a meeting in London on Oct. 24"
            elif x.end <= np_start and np_start - x.end <= 30 and \
                    re.fullmatch(r"\s*(?:,\s*)?(?:(?:for|at|in|during|of|to)\s+|(?:after|before|while|when)\s+\w+ing\s+)?",
                                 text[x.end:np_start]):  # "said on Saturday after chairing a video call"
                near.append((np_start - x.end + 5, x))  # "convened … on Thursday for the 25th meeting"
        opening = None
        if not near:
            # "the next summit will be held in Belém in November 2025", "the conference, which opened on
            # November 11": a date the parse hangs from the meeting's own predicate
            hung = self._predicate_dates(s, cands)
            if hung:
                best, opening = hung[0]  # (a day told in a clause on the noun is a day it stated)
                near = [(0, best)]
        if not near and (d.city or d.format):
            # "the talks in Jeddah, brokered by the US and Saudi Arabia in May last year" (not "The summit,
            # hosted … from Tuesday": a bare "the summit" with a clause is more of the meeting being told)
            near = [(0, x) for x in self._dates_under(s, cands)]
        if not near:  # "On Wednesday, Sybiha is due to travel to Brussels for a meeting …": the sentence's date
            lead = [x for x in cands if x.start - sent.start <= 12 and re.match(r"\s*,", text[x.end:x.end + 2])]
            if lead and not [y for y in cands if y is not lead[0]]:
                near = [(0, lead[0])]
        future_here = bool(FUTURE_RX.search(text[max(sent.start, s - 45):min(sent.end, e + 70)]))
        if not near and len(cands) == 1 and cands[0].precision == "day" and \
                len(HEAD_RX.findall(text[sent.start:sent.end])) == 1 and \
                (doc.published is None or (cands[0].date > doc.published) == future_here) and \
                not self._dated_in_other_clause(s, cands[0]):
            # the sentence's only date, for its only meeting: "Starmer on Friday called …, as he hosted a meeting …"
            near = [(0, cands[0])]
        # (not "the last session of the summit": the final one of it)
        d.earlier = bool(PAST_OTHER_RX.search(text[np_start:s])) and not re.match(r"\s+of\b", text[e:e + 4])
        if near and d.earlier:
            # "on Thursday, … a fund agreed at the previous conference in Sharm el-Sheikh": another meeting, dated
            # only by its own phrase ("the previous summit, held in London earlier this month"), never by a day
            # told before it
            near = [(r, x) for r, x in near if x.start >= np_start]
        if near:
            best = min(near, key=lambda t: t[0])[1]
            d.start, d.precision = best.date, best.precision
            d.ends_on = bool(END_BEFORE_RX.search(text[max(sent.start, best.start - 25):best.start]))
            nth = NTH_DAY_RX.search(text[max(sent.start, np_start - 40):np_start])
            if nth and d.precision == "day":
                # "the second day of the summit, Friday": it began the day before; "the last day of their summit"
                # on Sunday: it ended then, on a first day the report does not say
                if nth.group(1).lower() in NTH_DAYS:
                    d.start = d.start - dt.timedelta(days=NTH_DAYS[nth.group(1).lower()] - 1)
                else:
                    d.ends_on, d.last_day = True, d.start
        apart = self._days_apart(s) if near and d.precision == "day" and best.end <= s else None
        if apart is not None:
            d.start = d.start + dt.timedelta(days=apart)  # "pledged on Thursday, a day before the summit": Friday's
        d.range_start = self._span_start(sent, e, cands)
        if opening and d.start and d.precision == "day":
            # the day it opened is its first, whatever day it was also mentioned on
            d.range_start, d.start = d.range_start or d.start, None
        if re.search(r"\bministers\b", text[np_start:np_end]) and d.head in ("meeting", "talks"):
            d.head = "ministerial"  # "a meeting of EU foreign ministers"
        # tense of the clause the meeting is told in; "ahead of the summit": the summit is still to come
        c0, c1 = self._clause_bounds(sent, np_start, max(e, np_end))
        ahead = AHEAD_OF_RX.search(text[max(sent.start, np_start - 60):np_start])
        if ahead and HEAD_RX.search(text[max(sent.start, np_start - 60) + ahead.start():s]):
            ahead = None  # "Before the meeting Starmer welcomed Zelenskyy": 'before' dates the welcome, which is past
        d.planned = told_as_plan(doc, s, e)
        d.future = bool(FUTURE_RX.search(text[max(c0, s - 45):min(c1, e + 70)]) or ahead or d.planned)
        if d.future and not ahead and told_as_past(doc, s, e):
            d.future = False  # "Putin skipped the summit … due to a warrant": the verb says it is past
        if apart is not None and doc.published and d.start <= doc.published:
            d.future = False  # "a day before the summit" puts it after that day, not after the report
        if d.start and doc.published and d.start > doc.published and \
                (d.precision == "day" or (d.start.year, d.start.month) > (doc.published.year, doc.published.month)):
            d.future = True  # "is hosting its summit on July 6-7", told in June
        window = (max(sent.start, s - 40), min(sent.end, e + 60))
        if _asserted(VIRTUAL_RX, text, np_start, np_end) or _asserted(VIRTUAL_RX, text, *window):
            d.mode = "virtual"
        in_person = _asserted(INPERSON_RX, text, max(sent.start, s - 40), e) or \
            (_asserted(INPERSON_RX, text, e, window[1]) and _contrasted(VIRTUAL_RX, text, e, window[1]))
        if in_person and d.mode == "virtual":
            d.mode = "hybrid"
        elif in_person:
            d.mode = "in-person"
        if BILATERAL_RX.search(text[max(sent.start, s - 30):min(sent.end, e + 10)]):
            d.bilateral = True
        between = re.match(r"\s+between\s+", text[np_end:np_end + 10]) or \
            re.match(r"\s+(?:(?:in|at)\s+[A-Z][\w\-]+\s+)?between\s+", text[e:e + 30])  # "talks in Moscow between A and B"
        if between:
            ps = [p for p in doc.persons if e <= p.start < min(sent.end, e + 120) and p.via != "pronoun"]
            if len({p.key for p in ps}) >= 2:
                d.bilateral = True
                d.participants = list(dict.fromkeys(p.key for p in ps))[:2]
        with_p = re.match(r"\s+with\s+", text[e:e + 8])
        if with_p and d.head in ("meeting", "talks", "call", "video call", "summit"):
            ps = [p for p in doc.persons if e <= p.start < min(e + 60, sent.end) and p.via != "pronoun"]
            owner = [p for p in doc.persons if np_start <= p.start < s]
            if not owner and re.search(r"\bfor\s+(?:\w+\s+)?$", text[max(sent.start, np_start - 12):np_start]):
                # "Biden is at the palace for talks with Zelenskyy": the one who came for them
                owner = [p for p in doc.persons if sent.start <= p.start < np_start and
                         (p.via != "pronoun" or p.text.lower() in ("he", "she"))][-1:]
            if ps:
                d.bilateral = True
                d.participants = [p.key for p in owner[:1]] + [ps[0].key]
        if d.head in ("call", "phone") or head == "phone call":
            obj = [p for p in doc.persons if p.via != "pronoun" and p.end <= np_start and
                   re.fullmatch(r"\s*(?:in|during|on|by)\s+", text[p.end:np_start])]
            if obj and not d.participants:  # "Zelenskyy thanked Scholz in a phone call": the two spoke
                subj = [p for p in doc.persons if sent.start <= p.start < obj[-1].span_start and p.via != "pronoun"
                        and p.key != obj[-1].key]
                if subj:
                    d.bilateral, d.participants, d.head, d.mode = True, [subj[-1].key, obj[-1].key], "call", "virtual"
        if len(d.participants) < 2 and d.head in ("meeting", "talks", "call", "phone", "video call", "conference"):
            owners, partners = noun_partners(doc, s, e)  # "In a phone call with X, Y said"
            if owners and partners:
                d.participants = owners[:1] + [p for p in partners if p != owners[0]]
                d.bilateral = len(d.participants) == 2
                if d.head == "phone":
                    d.head, d.mode = "call", "virtual"
        # a year written near the noun, in its clause ("In 2023, Putin skipped the summit"; not "the format,
        # which was created in 1991" at the end of a long sentence; "since 2013" is a year it came after)
        years = {int(y) for y in re.findall(r"\b(?:in|of|during)\s+((?:19|20)\d\d)\b",
                                             text[max(c0, np_start - 60):min(c1, max(e, np_end) + 40)], re.I)}
        if doc.published and not years:  # "next year's summit", "last year's conference", right before the noun
            rel = re.search(r"\b(next|last|this)\s+year(?:'s|’s)?\s+(?:[\w\-’']+\s+){0,3}$", text[max(c0, np_start - 30):s],
                            re.I)
            if rel:
                years = {doc.published.year + {"next": 1, "last": -1, "this": 0}[rel.group(1).lower()]}
        if d.start is None and len(years) == 1:
            d.year = years.pop()  # "In 2023, Putin skipped the BRICS summit": that year's, not this one
        elif d.start is not None:
            d.year = d.start.year
        if d.city is None and d.country is None and HEAD_RX.fullmatch(text[s:e]):
            d.country = host_country(doc, s, e)  # "Brazil will host next year's summit"
        d.name = self._proper_name(np, np_start, d)
        if head not in ("visit",) and HEAD_RX.fullmatch(text[s:e]):
            d.words = noun_words(doc, s, e)
        return d

    def _dates_under(self, s: int, cands) -> list:
        """Dates the parse hangs from the meeting word, through a clause on it ("the talks …, brokered by X
        in May last year", "the summit, which opened on Monday")."""
        a = self.doc.analysis
        m = a.token_at(s) if a is not None else None
        if m is None or m.pos not in ("NOUN", "PROPN"):
            return []
        out = []
        for x in cands:
            t = a.token_at(x.start)
            path = [t] + a.ancestors(t.i) if t is not None else []
            if m.i in {y.i for y in path}:
                below = path[:[y.i for y in path].index(m.i)]
                if any(y.dep in ("acl", "relcl") for y in below):
                    out.append(x)
        return out[:1]

    def _predicates(self, s: int) -> list:
        """The verbs the meeting noun at `s` is the subject of ("the summit will be held …") or that hang from it
        as a clause ("the conference, which opened …", "the meeting held in Rome")."""
        a = self.doc.analysis
        m = a.token_at(s) if a is not None else None
        if m is not None and m.pos == "VERB":
            return [m]  # a meeting told by its verb ("A and B signed an accord on Monday", "met in Rome")
        if m is None or m.pos not in ("NOUN", "PROPN"):
            return []
        out = []
        if m.dep in ("nsubj", "nsubjpass") and a.tokens[m.head].pos in ("VERB", "AUX"):
            out.append(a.tokens[m.head])
        n = m
        while n.dep == "pobj" and a.tokens[n.head].lower == "of" and a.tokens[a.tokens[n.head].head].pos == "NOUN":
            n = a.tokens[a.tokens[n.head].head]  # ("two rounds of talks")
        if n.dep == "pobj" and a.tokens[n.head].lower == "for":
            # "brought diplomats together in its capital on Sunday for two rounds of talks": the gathering is
            # for the meeting, so its day and place are the meeting's
            v = a.tokens[a.tokens[n.head].head]
            if v.pos == "VERB" and lemma_classes().get(v.lemma, frozenset()) & {"gathering", "convene", "attend"}:
                out.append(v)
        out += [c for c in a.children(m.i) if c.dep in ("relcl", "acl") and c.pos in ("VERB", "AUX")]
        return out

    def _owners_format(self, s: int) -> str | None:
        """"The Group of 20 wrapped up its summit": the format that is the subject of the verb whose object is
        the meeting noun, owned by "its"/"their"."""
        a = self.doc.analysis
        n = a.token_at(s) if a is not None else None
        if n is None or not any(c.dep == "poss" and c.lower in ("its", "their") for c in a.children(n.i)):
            return None
        v = a.tokens[n.head]
        for t in Syntax(a).subjects(v) if v.pos in ("VERB", "AUX") else []:
            lo, hi = t.start, t.end
            for o in self.doc.orgs:
                if (o.start <= lo < o.end or lo <= o.start < hi) and self._is_format(o.key):
                    return o.key
        return None

    def _lede_format(self, sent: Sentence, s: int) -> str | None:
        """The one format the lede names before the first meeting it tells: that meeting is the format's."""
        keys = {o.key for o in self.doc.orgs if o.start < s and self._is_format(o.key) and
                (x := self.doc.sentence_at(o.start)) is not None and x.paragraph == 0}
        return keys.pop() if len(keys) == 1 else None

    def _dated_in_other_clause(self, s: int, x) -> bool:
        """The date hangs on the verb of a clause on another noun ("… despite the crisis that followed the
        declaration of martial law on Tuesday"), not on the meeting's."""
        a = self.doc.analysis
        t = a.token_at(x.start) if a is not None else None
        noun = a.token_at(s) if a is not None else None
        if t is None or noun is None:
            return False
        v = next((y for y in a.ancestors(t.i) if y.pos in ("VERB", "AUX")), None)
        return v is not None and v.dep in ("relcl", "acl") and v.head != noun.i

    def _predicate_dates(self, s: int, cands) -> list:
        """(date, told as its first day) for the dates hung from the meeting's predicates through prepositions
        and adverbial nouns only, not through another verb; none from a verb of ending ("was due to end on
        Friday" is no start)."""
        a = self.doc.analysis
        preds = self._predicates(s)
        if not preds:
            return []
        classes = lemma_classes()
        noun = a.token_at(s)
        out = []
        for x in cands:
            t = a.token_at(x.start)
            if t is None:
                continue
            for y in [t] + a.ancestors(t.i):
                v = next((p for p in preds if p.i == y.head and y.dep in ("prep", "npadvmod", "obl", "tmod")), None)
                if v is not None:
                    kinds = classes.get(v.lemma, frozenset())
                    if "ending" not in kinds:
                        # "the summit, hosted by Biden from Tuesday to Thursday": a clause on the noun states
                        # its day as much as a verb of opening does
                        out.append((x, "opening" in kinds or v.head == noun.i))
                    break
                if y.pos in ("VERB", "AUX") or y.dep not in _DATE_PATH_DEPS:
                    break
        return out

    def _predicate_place(self, s: int):
        """A city in an "in"/"at" phrase of the meeting's own predicate ("will be held … in Belém"), or the city
        that hosts it ("Johannesburg will become the first African city to host a summit")."""
        a = self.doc.analysis
        host = self._hosting_city(s)
        if host is not None:
            return host
        preds = {p.i for p in self._predicates(s)}
        if not preds:
            return None
        for p in self.doc.places:
            t = a.token_at(p.start)
            if t is None or not p.place.city or t.dep != "pobj":
                continue
            prep = a.tokens[t.head]
            if prep.lower in ("in", "at") and prep.dep == "prep" and prep.head in preds:
                return p
        return self._own_capital(preds)

    def _predicate_country(self, s: int) -> str | None:
        """A country in an "in" phrase of the meeting's own predicate, or of the verb that predicate governs
        ("the next summit is to be held in Turkey", "the conference will take place in Egypt")."""
        a = self.doc.analysis
        if a is None:
            return None
        preds = self._predicates(s)
        preds += [c for p in preds for c in a.children(p.i) if c.dep == "xcomp" and c.pos == "VERB"]
        ids = {p.i for p in preds}
        for c in self.doc.countries:
            t = a.token_at(c.start)
            if c.form == "name" and t is not None and t.dep == "pobj" and a.tokens[t.head].lower == "in" and \
                    a.tokens[t.head].head in ids:
                return c.iso3
        return None

    def _own_capital(self, preds: set[int]):
        """"Saudi Arabia brought diplomats together in its capital": the capital of the country that is the
        predicate's subject."""
        a = self.doc.analysis
        for v in preds:
            for prep in a.children(v):
                if prep.dep != "prep" or prep.lower not in ("in", "at"):
                    continue
                for o in a.children(prep.i):
                    if o.dep == "pobj" and o.lemma == "capital" and \
                            any(c.dep == "poss" and c.lower in ("its", "their") for c in a.children(o.i)):
                        subj = [c for c in a.children(v) if c.dep == "nsubj"]
                        iso = next((c.iso3 for c in self.doc.countries for x in subj
                                    if c.start <= x.start < c.end), None)
                        city = self.doc.gaz.capital_of(iso) if iso else None
                        if city:
                            return PlaceMention(o.start, o.end, o.text, Place(city, "city", city, iso))
        return None

    def _hosting_city(self, s: int):
        """The city a verb of hosting whose object is the meeting has as subject, or as the subject of the noun
        the verb describes ("X will become the first city to host it", "X, the city hosting the summit")."""
        a = self.doc.analysis
        m = a.token_at(s) if a is not None else None
        if m is None or m.dep != "dobj" or "host" not in lemma_classes().get(a.tokens[m.head].lemma, frozenset()):
            return None
        v = a.tokens[m.head]
        holders = [c for c in a.children(v.i) if c.dep == "nsubj"]
        if not holders and v.dep in ("acl", "relcl"):
            noun = a.tokens[v.head]
            holders = [noun] + ([c for c in a.children(noun.head) if c.dep == "nsubj"] if noun.dep == "attr" else []) + \
                ([a.tokens[noun.head]] if noun.dep == "appos" else [])
        for h in holders:
            for p in self.doc.places:
                if p.place.city and p.start <= h.start < p.end:
                    return p
        return None

    def _place_over(self, sent: Sentence, s: int):
        """A city the meeting's clause hangs from as a relative clause of place ("X, where …")."""
        a = self.doc.analysis
        m = a.token_at(s) if a is not None else None
        if m is None:
            return None
        path = [m] + a.ancestors(m.i)
        for k, x in enumerate(path[1:], 1):
            if x.pos in ("PROPN", "NOUN") and path[k - 1].dep == "relcl" and \
                    any(c.lower == "where" for c in a.children(path[k - 1].i)):
                here = next((p for p in self.doc.places if p.start <= x.start < p.end and p.place.city), None)
                if here is not None or x.ent not in ("DATE", "TIME"):
                    return here
                # "travelled to Kyiv on Tuesday, where he met X": the parser hangs "where" on the day; the
                # place is the last one the day's clause names before it
                v = next((y for y in a.ancestors(x.i) if y.pos in ("VERB", "AUX")), None)
                if v is None:
                    return None
                lo = a.subtree(v.i)[0].start
                return next((p for p in reversed(self.doc.places) if lo <= p.start < x.start and p.place.city), None)
        return None

    def _format_of_group(self, sent: Sentence) -> str | None:
        """"Leaders of the Group of Seven agreed … The deal was confirmed on the first day of the summit": a
        summit told without a format, in a paragraph whose sentence (this one or the one before) names the
        officials of one format, is that format's."""
        a = self.doc.analysis
        if a is None:
            return None
        classes = lemma_classes()
        prev = [x for x in self.doc.sentences if x.index in (sent.index - 1, sent.index) and x.paragraph == sent.paragraph]
        found = set()
        for x in prev:
            for o in self.doc.orgs:
                if not (x.start <= o.start < x.end) or not self._is_format(o.key):
                    continue
                t = a.token_at(o.start)
                up = [y for y in ([t] + a.ancestors(t.i))[:4] if y is not None] if t is not None else []
                if t is not None and any(y.lemma in SIDELINE_NOUNS for y in a.ancestors(t.i)):
                    continue  # "a summit …, on the margins of the G20 leaders' meeting": the larger meeting's format
                if any("group_noun" in classes.get(y.lemma, frozenset()) and y.tag in ("NNS", "NNPS") for y in up):
                    found.add(o.key)  # "Leaders of the Group of Seven", "G7 leaders"
                elif x.index == sent.index and any(y.pos == "VERB" and y.lemma in FORMING for y in up):
                    found.add(o.key)  # "leaders gathered … and agreed to form a coalition of the willing": its birth
        return found.pop() if len(found) == 1 else None

    def _outer_meeting(self, sent: Sentence, s: int) -> MeetingDraft | None:
        """The meeting whose noun the mention at `s` hangs on through "for" / "ahead of" / "before" ("the
        preparatory meeting for the summit", "a dinner ahead of the summit"), told earlier in the sentence."""
        a = self.doc.analysis
        m = a.token_at(s) if a is not None else None
        if m is None or m.dep != "pobj":
            return None
        prep = a.tokens[m.head]
        if prep.lower not in ("for", "ahead", "before", "of") or prep.head == prep.i:
            return None
        up = a.tokens[prep.head]
        if prep.lower == "of":  # "ahead of the summit"
            if up.lower != "ahead" or up.head == up.i:
                return None
            up = a.tokens[up.head]
        if up.pos not in ("NOUN", "PROPN"):
            return None  # "gathered in Riyadh for a summit": the gathering is the summit
        for ps, pe, key in self.positions.get(sent.index, []):
            if ps <= up.start < pe:
                return next((x for x in self.drafts if x.key == key), None)
        return None

    def _head_noun(self, s: int, e: int):
        """The last noun of the meeting mention at s..e in the parse (its head), or None."""
        a = self.doc.analysis
        nouns = [t for t in a.tokens_in(s, e) if t.pos in ("NOUN", "PROPN")] if a is not None else []
        return nouns[-1] if nouns else None

    def _is_format(self, key: str) -> bool:
        """The organization is a format of states ("Ukraine Defense Contact Group", "G7"), not a body."""
        org = self.doc.gaz.orgs.get(key)
        return org is not None and org.kind == "format"

    def _date_of_telling(self, s: int, e: int, date) -> bool:
        """The date dates the telling of the meeting, not the meeting: "the ministry announced the summit in
        late October" (a date on a verb of saying whose object the meeting is)."""
        a = self.doc.analysis
        n = self._head_noun(s, e)
        if n is None:
            return False
        # the verb of saying whose object the meeting is, or whose reported clause tells of it ("He said on
        # Wednesday that the summit would go ahead")
        path = [n] + a.ancestors(n.i)[:4]
        v = next((y for x, y in zip(path, path[1:]) if (x.dep == "dobj" and y.lemma in TELLING_OF) or
                  (x.dep == "ccomp" and y.lemma in SAYING)), None)
        if v is None:
            return False
        t = a.token_at(date.start)
        if t is None:
            return False
        up = [t] + a.ancestors(t.i)
        k = next((j for j, x in enumerate(up) if x.i == v.i), None)
        return k is not None and all(x.dep in ("pobj", "prep", "npadvmod", "amod", "compound", "nummod", "advmod")
                                     or x.ent == "DATE" for x in up[:k])

    def _indefinite_noun(self, s: int, e: int) -> bool:
        """The meeting noun at s..e has an indefinite determiner in the parse ("a Coalition of the Willing
        video call"), however many words stand between them."""
        a = self.doc.analysis
        n = self._head_noun(s, e)
        if n is not None and any(c.dep == "det" and c.lower in ("a", "an") for c in a.children(n.i)):
            return True
        # the parser often breaks a phrase premodified by a format's name: "a" then hangs on the name
        k = next((o.start for o in self.doc.orgs if o.end <= s and not self.doc.text[o.end:s].strip()), s)
        return bool(re.search(r"\b(?:a|an)\s+$", self.doc.text[max(0, k - 4):k], re.I))

    def _denied(self, s: int, e: int) -> bool:
        """The meeting noun at s..e is the object of a negated verb ("did not hold talks", "no meeting took
        place" is the parser's "no" determiner), or of a verb that calls it off ("cancelled the meeting")."""
        a = self.doc.analysis
        n = self._head_noun(s, e)
        if n is None:
            return False
        if any(c.dep == "det" and c.lower == "no" for c in a.children(n.i)):
            return True
        v = a.tokens[n.head]
        if n.dep in ("dobj", "nsubjpass") and v.lemma in ("cancel", "scrap") or \
                (v.lemma == "call" and any(c.dep == "prt" and c.lower == "off" for c in a.children(v.i))):
            return True  # "cancelled a meeting with farmers", "the summit was called off": not held, not planned
        return n.dep in ("dobj", "nsubj") and v.pos in ("VERB", "AUX") and v.lemma in ("hold", "have", "take") and \
            any(c.dep == "neg" for c in a.children(v.i))

    def _session_of_current(self, d: MeetingDraft, before: str) -> bool:
        """A session, plenary or sitting told with a day a few days from the meeting being told, and nothing of
        its own that contradicts it, is one of that meeting's sittings."""
        cur = self.current
        if d.head != "session" or cur is None or cur.bilateral or not d.start or not cur.start or \
                OTHER_MEETING_RX.search(before) or d.format and cur.format and d.format != cur.format:
            return False
        return abs((d.start - cur.start).days) <= 3 and (not d.city or not cur.city or d.city == cur.city)

    def _prepares_for(self, s: int, e: int) -> bool:
        """The meeting noun at s..e is held for or ahead of another meeting named in its phrase ("the
        preparatory meeting for the summit", "a dinner ahead of the summit")."""
        a = self.doc.analysis
        m = self._head_noun(s, e)
        if m is None:
            return False
        for c in a.children(m.i):
            preps = [c] if c.dep == "prep" and c.lower == "for" else \
                [x for x in a.children(c.i) if x.dep == "prep" and x.lower == "of"] if c.lower == "ahead" else []
            for p in preps:
                for o in a.children(p.i):
                    if o.dep == "pobj" and HEAD_RX.fullmatch(o.text):
                        return True
        return False

    def _apart_phrases(self, s: int):
        """(count, unit lemma, "after"|"before", tokens between it and the mention) for each "N days/weeks/
        months/years after/before" in the seven words before the mention at `s`."""
        a = self.doc.analysis
        m = a.token_at(s) if a is not None else None
        if m is None:
            return
        toks = list(a.tokens[max(0, m.i - 7):m.i])
        for n, unit, rel in zip(toks, toks[1:], toks[2:]):
            count = NUMBER_WORDS.get(n.lower) or (int(n.text) if n.text.isdigit() else 1 if n.lower == "an" else None)
            if count and unit.lemma in ("day", "week", "month", "year") and rel.lower in ("after", "before"):
                yield count, unit.lemma, rel.lower, m.i - rel.i

    def _days_apart(self, s: int) -> int | None:
        """Days from the date told before the mention at `s` to the meeting, when it is told "N days/weeks
        before/after" it ("on Thursday, a day before the summit": +1; "two weeks after the conference": -14)."""
        for count, unit, rel, gap in self._apart_phrases(s):
            if unit in ("day", "week") and gap <= 3:  # the mention follows the relation, a determiner and a word between
                days = count * (7 if unit == "week" else 1)
                return days if rel == "before" else -days
        return None

    def _told_apart(self, s: int) -> bool:
        """The mention at `s` follows "N days/weeks/months/years after/before" in its clause."""
        return next(self._apart_phrases(s), None) is not None

    def _place_on_trigger(self, s: int):
        """A place in an "in/at/to" phrase of the meeting word, however long the object between them
        ("welcomed the Ukrainian president to Warsaw"), or of the trip a purpose clause of meeting hangs from
        ("travelled to Port Sudan on Wednesday to meet X", "flew to Kazan to attend the summit")."""
        a = self.doc.analysis
        m = a.token_at(s) if a is not None else None
        if m is None:
            return None
        if m.dep == "aux" and m.lower in ("to", "will"):
            m = a.tokens[m.head]  # the mention starts at "to meet" / "will meet"
        heads = [m] + ([a.tokens[m.head]] if m.dep in ("xcomp", "advcl") and m.pos == "VERB" else [])
        n = self._head_noun(s, s + len(m.text)) if m.pos != "NOUN" else m
        attend = a.tokens[n.head] if n is not None and n.dep == "dobj" else None
        if attend is not None and "attend" in lemma_classes().get(attend.lemma, frozenset()) and \
                attend.dep in ("xcomp", "advcl") and attend.pos == "VERB":
            heads.append(a.tokens[attend.head])  # "travelled to Kazan on Tuesday to attend the BRICS summit"
        if m.pos == "NOUN":  # "talks between A and B in Moscow": the parser hangs the place on B
            syn = Syntax(a)
            heads += [x for c in a.children(m.i) if c.dep == "prep" and c.lower in ("between", "with")
                      for o in a.children(c.i) if o.dep == "pobj" for x in syn.group(o)]
        for h in heads:
            p = self._place_in_phrases(h, depth=3 if h.pos == "NOUN" else 1)
            if p is not None:
                return p
        return None

    def _place_in_phrases(self, h: Token, depth: int):
        """A place in an "in/at/to" phrase of `h`, also as "the (port) city of X", or (for a noun, down to
        `depth` phrases) in a phrase of such a phrase's object ("the largest summit in its history in Tianjin")."""
        a = self.doc.analysis
        for c in a.children(h.i):
            if c.dep != "prep" or c.lower not in ("in", "at", "to") or (c.lower == "to" and h.pos != "VERB"):
                continue
            for o in a.children(c.i):
                if o.dep != "pobj":
                    continue
                named = [o] + [x for of in a.children(o.i) if of.dep == "prep" and of.lower == "of" and
                               o.lemma in PLACE_NOUNS for x in a.children(of.i) if x.dep == "pobj"]
                for n in named:
                    p = next((p for p in self.doc.places if n.start <= p.start < n.end or p.start <= n.start < p.end), None)
                    if p is not None:
                        return p
                if depth > 1 and o.pos == "NOUN":
                    p = self._place_in_phrases(o, depth - 1)
                    if p is not None:
                        return p
        return None

    def _place_is_told_of(self, s: int, place_start: int) -> bool:
        """The parse ties the place to the meeting at `s`: its phrase hangs from the meeting word, from a
        clause on it ("the summit, which was held in Paris") or from the clause the meeting is told in — not
        from a clause about something else ("chaired a video call … larger than the one that met in Paris")."""
        a = self.doc.analysis
        m, p = (a.token_at(s), a.token_at(place_start)) if a is not None else (None, None)
        if m is None or p is None:
            return True
        up = [p] + a.ancestors(p.i)
        mine = [m] + a.ancestors(m.i)
        if m.i in {x.i for x in up} or p.i in {x.i for x in mine}:
            return True  # (… "travelled to Kyiv, where they met X": the meeting's clause hangs from the place)
        clause_of = [x for x in up if x.pos in ("VERB", "AUX")][:1]
        mine_clause = next((x for x in mine if x.pos in ("VERB", "AUX")), None)
        return not clause_of or mine_clause is None or clause_of[0].i == mine_clause.i or \
            mine_clause.i in {x.i for x in a.ancestors(clause_of[0].i)} and clause_of[0].dep in ("xcomp", "advcl", "conj")

    def _span_start(self, sent: Sentence, e: int, cands) -> dt.date | None:
        """The first day of a meeting told as a span: "hosted … from Tuesday to Thursday", "a two-day summit that
        ended on Sunday" (the day before), "over two days … as the event closed on Thursday"."""
        text = self.doc.text
        for x, y in zip(cands, cands[1:]):
            if x.precision == "day" and y.precision == "day" and 0 <= x.start - e <= 90 and \
                    re.search(r"\bfrom\s+$", text[max(sent.start, x.start - 6):x.start]) and \
                    re.fullmatch(r"\s*(?:to|until|through|till|-|–)\s*", text[x.end:y.start]) and \
                    not HEAD_RX.search(text[e:x.start]) and x.date <= y.date:
                return x.date
        n = re.search(r"\b(two|three|four)[- ]day\b|\bover (two|three|four) days\b", text[sent.start:sent.end])
        if n:
            days = {"two": 2, "three": 3, "four": 4}[(n.group(1) or n.group(2)).lower()]
            for x in cands:
                if x.precision == "day" and x.start > e and \
                        re.search(r"\b(?:ended|closed|concluded|wrapped up|finished)\s+(?:on\s+)?$", text[max(sent.start, x.start - 20):x.start]):
                    return x.date - dt.timedelta(days=days - 1)
        return None

    def _clause_bounds(self, sent: Sentence, s: int, e: int) -> tuple[int, int]:
        """The clause around s..e: cut at ';', and at ', after/before/while/and/but' and bare 'after'/'before'."""
        text = self.doc.text
        c0, c1 = sent.start, sent.end
        for m in re.finditer(r";|,\s+(?:after|before|while|and|but|as|when)\b|\s(?:after|before)\s", text[sent.start:sent.end]):
            pos = sent.start + m.start()
            if pos < s:
                c0 = sent.start + m.end()
            elif pos >= e:
                c1 = pos
                break
        return c0, c1

    def _only_places(self, a: int, b: int) -> bool:
        """Between a and b: places, commas and 'in'/'at' only ("in Anchorage, Alaska, on"), perhaps after the
        other side of the meeting ("the summit with Putin in Anchorage, Alaska, on Friday")."""
        rest = self.doc.text[a:b]
        spans = [(p.start, p.end) for p in self.doc.places if a <= p.start and p.end <= b]
        spans += [(p.span_start, p.end) for p in self.doc.persons if a <= p.span_start and p.end <= b and p.via != "pronoun"]
        for s, e in sorted(spans, key=lambda t: -t[0]):
            rest = rest[:s - a] + rest[e - a:]
        return bool(re.fullmatch(r"[\s,]*(?:with\s+[\s,]*)?(?:(?:in|at)\s+)?[\s,]*(?:on\s+)?", rest))

    def _np_start(self, sent: Sentence, s: int) -> int:
        """Start of the noun phrase ending at the head: determiners, modifiers, possessives, quotes; a
        name of a format cut by its own "the" is taken whole ("a Coalition of the Willing video call")."""
        i = self._np_start_by_words(sent, s)
        o = next((o for o in self.doc.orgs if sent.start <= o.start < i < o.end <= s and
                  re.match(r"(?:the|a|an)\s", self.doc.text[i:i + 4], re.I)), None)
        if o is None:
            return i
        det = re.search(r"\b(?:the|a|an)\s+$", self.doc.text[max(sent.start, o.start - 4):o.start], re.I)
        return o.start - (len(det.group(0)) if det else 0)

    def _np_start_by_words(self, sent: Sentence, s: int) -> int:
        text = self.doc.text
        i = s
        words = 0
        while i > sent.start and words < 9:
            m = re.search(r"(?:[\w.\-’'\"“”+]+|\([^()]{1,12}\))\s*$", text[sent.start:i])
            if not m:
                break
            w = m.group(0).strip().strip("\"“”")
            if w.lower() in ("the", "a", "an", "this", "that", "its", "their", "his", "her"):
                return sent.start + m.start()
            if w.lower() in ("of", "in", "at", "on", "for", "with", "and", "to", "by", "from", "after", "before",
                             "during", "following", "ahead", "said", "says", "was", "is", "were", "hosted", "attend",
                             "attended", "join", "joined", "chair", "chaired") or w.endswith(","):
                return i
            i = sent.start + m.start()
            words += 1
        return i

    def _np_end(self, sent: Sentence, e: int) -> int:
        """The head plus an 'of ...' complement ('meeting of the Ukraine Defense Contact Group')."""
        text = self.doc.text
        m = re.match(r"\s+(?:of|for)\s+(?:the\s+)?(?:so-called\s+)?[\"“]?(?:[\w’'\-]+\s*){1,6}", text[e:sent.end])
        if m and m.group(0).split()[0] == "for" and HEAD_RX.search(m.group(0)):
            return e  # "the preparatory meeting for the BRICS summit" names another meeting
        if m:
            end = e + m.end()
            for o in self.doc.orgs:  # extend to cover an organization name that starts inside
                if e <= o.start < end:
                    end = max(end, o.end)
            return end
        return e

    def _proper_name(self, np: str, np_start: int, d: MeetingDraft) -> str | None:
        """A capitalised event name as written: 'the Rome Conference for Ukraine's recovery'."""
        np = re.sub(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|Tomorrow)(?:'s|’s)?\s+",
                    "", np)  # "Sunday's summit" names a day, not a meeting
        m = re.search(r"((?:[A-Z][\w’'\-]*\s+){1,5}(?:Summit|Conference|Forum))\b", np)
        if m:
            return m.group(0).strip()
        m = re.search(r"((?:[A-Z][\w’'\-]*[\s-]+){1,4})(summit|conference|forum)\b", np)
        if m and not re.match(r"(?:the|a|an|this|that|its|their)\b", m.group(1).strip().lower()):  # "The conference, …" opens a sentence
            return (m.group(1) + m.group(2)).strip()
        return None

    # ------------------------------------------------------------ merging
    def _days_of_current(self, d: MeetingDraft, sent: Sentence) -> bool:
        """'The conference closed on Thursday' after a conference that began on Wednesday: only a date of its own,
        a few days into the meeting being told, with a verb of opening or closing."""
        cur = self.current
        if cur is None or (d.city and d.city != cur.city) or d.name or d.format or d.bilateral or not d.start or not cur.start or \
                d.precision != "day" or cur.precision != "day":
            return False
        # "The summit opened on Thursday. … is expected to attend the summit on Friday": a later day of a meeting
        # told as opening, whether that day is still to come or not
        later_day = 0 < (d.start - cur.start).days <= 3 and any(OPENED_RX.search(m[2].text) for m in cur.mentions)
        if d.future != cur.future and not later_day:
            return False
        if not 0 < (d.start - cur.start).days <= 4 and not 0 < (cur.start - d.start).days <= 4:
            return False
        if not later_day and not re.search(
                r"\b(?:closed|closes|ended|ends|concluded|wrapped up|opened|opens|began|begins|kicked off)\b", sent.text):
            return False
        return dataclasses.replace(d, start=None, range_start=None).compatible(cur)

    def _place(self, d: MeetingDraft, sent: Sentence, rule: str, s: int, e: int) -> None:
        d.mentions.append((s, e, sent, rule))
        text = self.doc.text
        before = text[max(sent.start, s - 40):s]
        other = OTHER_MEETING_RX.search(before)
        definite = re.search(r"\b(the|this|that|today's|today’s|Thursday's|this week's)\s+(?:[\w\-’'\"“”]+\s+){0,2}$", before, re.I)
        has_own = bool(d.start or d.city or d.format or d.name or d.bilateral or
                       (d.participants and rule.startswith("meeting.verb.phone")) or
                       # "Sikorski met with his counterparts, A and B": a verb naming three sides tells a meeting
                       # (not "A, B and C were received by D" after they travelled there: that visit)
                       (len(d.participants) >= 3 and rule == "meeting.verb.met_with") or
                       (d.year and self.doc.published and d.year != self.doc.published.year))  # "next year's summit"
        indefinite = bool(re.search(r"\b(?:a|an|any|another)\s+(?:[\w\-]+\s+){0,2}$", before))
        if indefinite:
            definite = None  # "… and that a three-way meeting would follow": "that" is no determiner here
        edition = re.search(r"\b(?:edition|round|session|iteration|instal?ment)\s+of\s+(?:the\s+|this\s+)?$", before, re.I)
        edition_of = self.current if other and edition and d.name is None and self.current is not None and \
            self.current.name and self.current.head == d.head else None
        target = None
        nested = False
        outer = self._outer_meeting(sent, s)
        side = self._side_event_of(sent, s, e)
        if side is not None:
            # "a summit in Johannesburg, … on the margins of the G20 leaders' meeting": the meeting on whose margins
            # the one just told was held is another, larger one, told before or not at all
            same = [m for m in self.drafts if m is not side and m.compatible(d) and
                    not any(x[2].index == sent.index for x in m.mentions) and (m.overlaps(d) or not has_own)]
            target = same[-1] if same else None
            nested = True
            if d.start and d.start == side.start:
                d.start, d.range_start = None, None  # the day told is the side meeting's, not the larger one's
        elif outer is not None:
            # "the preparatory ministerial meeting for the summit in Riyadh, Sunday": the summit is another
            # meeting, told already or not; the day written after both is the outer one's
            if d.start and outer.start == d.start:
                d.start, d.range_start = None, None
            if outer.city is None and d.city:  # (the meeting held for a summit is held where the summit is)
                outer.city, outer.country = d.city, d.country
            same = [m for m in self.drafts if m is not outer and m.head == d.head and m.compatible(d)]
            target = same[0] if same else None  # the first told: the meeting the report is about
            nested = True
        elif self._it_was(s, e) and self.current is not None and self.current.compatible(d):
            target = self.current  # "It was the first BRICS summit missed by Xi": the one being told, first of a kind
        elif self._session_of_current(d, before):
            target = self.current  # "he told the opening session on Wednesday": a sitting of the meeting told
            if d.start and target.start and d.start < target.start and re.search(r"\bopening\s+$", before, re.I):
                target.start = d.start  # the opening day is its first
            d.start = None
        elif self._prepares_for(s, e):
            # "the preparatory ministerial meeting for the summit … on Sunday": a meeting of its own, dated by
            # the one day its sentence tells
            days = [x for x in self.doc.dates if sent.start <= x.start < sent.end and x.precision == "day"]
            if d.start is None and len({x.date for x in days}) == 1:
                d.start, d.precision = days[0].date, "day"
            same = [m for m in self.drafts if m.head == d.head and m.compatible(d) and m.overlaps(d)]
            target = same[-1] if same else None
        elif has_own and definite and not other and self._days_of_current(d, sent):
            target = self.current  # "the event closed on Thursday": a later day of the meeting being told
        elif indefinite and not has_own and d.head in ("call", "video call", "talks", "meeting", "summit", "conference"):
            target = None  # "Trump joined a call with the leaders afterwards": another event
        elif not has_own and not other and self.current is not None:
            target = self.current  # "the meeting", "the event": the one being talked about
            family = {"call": "call", "video call": "call", "summit": "summit", "conference": "conference",
                      "forum": "conference", "talks": "talks"}
            if d.head in family and family.get(target.head) != family[d.head]:
                # (not "the previous conference" told in passing)
                same = [m for m in self.drafts if family.get(m.head) == family[d.head] and m.future == d.future
                        and not m.earlier]
                if same:
                    target = same[-1]  # "The call brought together 29 leaders": the call, not the meeting named after it
                elif family[d.head] == "call" and self._indefinite_noun(s, e):
                    target = None  # "Now a video call on the margins" of the conference told: another event
            recent = sorted(self.drafts, key=lambda m: max(x[0] for x in m.mentions), reverse=True)[:2]
            if len(recent) == 2 and d.head in _GENERIC and len(recent[1].mentions) > len(recent[0].mentions) \
                    and recent[0].head in ("call", "video call", "talks") and recent[1].compatible(d):
                target = recent[1]  # a side call just named is less likely "the meeting" than the summit told at length
            if target is not None and target.head == "call" and target.bilateral and d.head in _GENERIC:
                # "In a phone call with X, Y said he would skip the meeting": a call is no "meeting"
                told = [m for m in reversed(self.told) if m.head not in ("call", "video call") and m.future == d.future]
                others = [m for m in self.drafts if m.head not in ("call", "video call") and m.future == d.future] or \
                    [m for m in self.drafts if m.head not in ("call", "video call")]
                # the meeting being told before the call came up, else the last one named
                target = told[0] if told else others[-1] if others else target
            if target is not None and target.bilateral and \
                    d.head in ("summit", "conference", "forum", "ministerial", "session"):
                # ("a session on artificial intelligence" is one of the summit's, not of the two-sided meeting)
                # "on the sidelines of the summit": the summit, not the two-sided meeting named last
                same = [m for m in self.drafts if not m.bilateral and
                        (m.head == d.head or m.head in _GENERIC or d.head == "session")]
                target = same[-1] if same else target
            if target is not None and target.future and not d.future:  # "the meeting had taken place": the main one that did
                past = [m for m in self.drafts if not m.future]
                if past:
                    # (a meeting named only as the one another was held on the margins of was never told)
                    target = max(reversed(past), key=lambda m: (not m.bilateral, m in self.told, len(m.mentions)))
        elif not has_own and not other and d.head in ANAPHORIC_HEADS:
            return  # "the event" before any meeting is named: nothing to attach to
        elif other and self._told_apart(s):
            target = None  # "came a year after a first such gathering in Riyadh": another meeting, dated later
        else:
            for m in reversed(self.drafts):
                same_sentence = any(x[2].index == sent.index for x in m.mentions) and not other
                if m.compatible(d) and (m.overlaps(d) or same_sentence or (definite and not other and m is self.current)):
                    if other and m is self.current and not m.overlaps(d):
                        continue
                    if other and d.future and not m.future and m.start:
                        continue  # "India will host the next Quad summit": not the one held, told just before
                    target = m
                    break
        if target is not None and d.planned and not target.future and d.head != "session":
            target = next((m for m in reversed(self.drafts) if m.planned and m.compatible(d)), None)
        if target is None:
            if not has_own and d.head in ANAPHORIC_HEADS and not indefinite:
                return
            if d.range_start:
                d.start, d.precision = d.range_start, "day"
            d.key = f"M{len(self.drafts) + 1}"
            d.background = bool(other)
            if edition_of is not None:
                d.name = edition_of.name  # "the next edition of the conference": another one of the same name
            self.drafts.append(d)
            target = d
        else:
            target.absorb(d)
        self.by_sentence.setdefault(sent.index, [])
        if target.key not in self.by_sentence[sent.index]:
            self.by_sentence[sent.index].append(target.key)
        self.positions.setdefault(sent.index, []).append((s, e, target.key))
        if not other and not nested and not (target is d and self.current is not None and self._told_apart(s)):
            # (a new meeting told as days or years apart from another, "two days after A's exchange with B", is
            # told in passing: "the meeting" after it is still the one the report is about)
            self.current = target
            self.told.append(target)


# the relations a date's phrase climbs through to its verb: "in [November [2025]]", "on [Monday], [May] 5"
_DATE_PATH_DEPS = frozenset({"pobj", "prep", "npadvmod", "nummod", "compound", "appos", "amod", "nmod"})

CONTRAST_RX = re.compile(r"\b(?:rather than|instead of|not|than)\s+(?:\w+\s+)?$", re.I)


def _asserted(rx: re.Pattern, text: str, a: int, b: int) -> bool:
    """`rx` matches in text[a:b] other than after a contrast ("in person rather than by video")."""
    return any(not CONTRAST_RX.search(text[max(0, m.start() - 20):m.start()]) for m in rx.finditer(text, a, b))


def _contrasted(rx: re.Pattern, text: str, a: int, b: int) -> bool:
    return any(CONTRAST_RX.search(text[max(0, m.start() - 20):m.start()]) for m in rx.finditer(text, a, b))


def _names_agree(a: str, b: str) -> bool:
    """The same name, or a shorter one of two words or more whose words all stand in the longer one ("Quad
    summit" and "Quad Leaders Summit"); hyphenated words stay whole ("NATO-Ukraine Council" is not NATO)."""
    wa, wb = a.lower().split(), b.lower().split()
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return wa == wb or (len(short) >= 2 and set(short) <= set(long_))


def _days_meet(a: MeetingDraft, b: MeetingDraft) -> bool:
    """Two day-dated drafts can be one meeting: the same day, or a day inside the span the other was told
    with ("hosted from Tuesday to Thursday", "a two-day summit that ended on Sunday")."""
    def span(d: MeetingDraft) -> tuple[dt.date, dt.date]:
        first = d.range_start if d.range_start and d.range_start <= d.start else d.start
        return first, d.start
    (a0, a1), (b0, b1) = span(a), span(b)
    return a0 <= b1 and b0 <= a1


def to_meetings(doc: Doc, drafts: list[MeetingDraft]) -> list[Meeting]:
    out = []
    by_key = {d.key: d for d in drafts}
    for d in drafts:
        kind = _kind(d)
        name = _placed(d.name, d.city) if d.name else _name(doc, d, kind)
        larger = by_key.get(d.held_at) if d.held_at else None
        if kind == "bilateral" and larger is not None and not d.name and d.head != "visit":
            # "Carney–Zelenskyy meeting on the sidelines of the G7 summit", as a person would write it
            of = larger.name or _name(doc, dataclasses.replace(larger, city=None, country=None), _kind(larger))
            if HEAD_RX.fullmatch(of.split()[0]):
                of = of[:1].lower() + of[1:]  # "the summit", not "the Summit"
            name = f"{name.split(' in ')[0]} on the sidelines of the {of}"
        mode = d.mode or ("in-person" if d.city and not d.future else None)
        ev: list[Evidence] = []
        seen = set()
        for _s, _e, sent, rule in d.mentions:
            if (sent.index, rule) in seen:
                continue
            seen.add((sent.index, rule))
            ev.append(doc.evidence(sent, rule))
        start, end = d.start, None
        if d.last_day and d.start == d.last_day and not d.range_start:
            start, end = None, d.last_day  # its first day is not told: only its last
        out.append(Meeting(key=d.key, name=name, kind=kind, start=start, end=end, date_precision=d.precision,
                           city=d.city, country=d.country, mode=mode, format=d.format, evidence=ev))
    return out


def _placed(name: str, city: str | None) -> str:
    """A proper name with the city it was held in, where the name does not say it: "COP28 in Dubai",
    "Ukraine Recovery Conference in Rome" (not "Munich Security Conference in Munich")."""
    if not city or city.lower() in name.lower():
        return name
    return f"{name} in {city}"


def _kind(d: MeetingDraft) -> str:
    if d.format == "ukraine-defense-contact-group":
        return "contact-group"
    if d.bilateral:
        return "bilateral"
    if d.head == "ministerial":
        return "ministerial"
    if d.head in ("conference", "forum"):
        return "conference"
    if d.head in ("video call", "call") or (d.mode == "virtual" and d.head == "meeting"):
        return "video-call"
    if d.head == "summit":
        return "summit"
    return "other"


def _short(doc: Doc, key: str) -> str:
    return doc.gaz.short_name(key, doc.people[key].name if key in doc.people else None)


def _name(doc: Doc, d: MeetingDraft, kind: str) -> str:
    fmt = doc.gaz.org_name(d.format) if d.format else None
    if d.head == "visit" and d.participants:
        who = _short(doc, d.participants[0])
        where = d.city or (doc.gaz.country_name(d.country) if d.country else None)
        return f"{who} visit to {where}" if where else f"{who} visit"
    if kind == "bilateral" and d.participants:
        names = [_short(doc, p) for p in d.participants[:2]]
        if len(names) == 1 and d.sides_by_country:  # "Sybiha–Turkey meeting": the side told by its country
            names.append(doc.gaz.country_name(d.sides_by_country[0]))
        return "–".join(names) + (" call" if d.head == "call" else " meeting")
    elif len(d.words) > 1 and not fmt:
        label = " ".join(d.words)  # "second Ukraine peace summit", "meeting of the international alliance"
        label = label[:1].upper() + label[1:]
        if d.city and d.city in label:
            return label  # "Riyadh summit" is placed already
    else:
        label = f"{fmt} {d.head}" if fmt else (d.head.capitalize() if d.head else "Meeting")
    if d.city:
        label += f" in {d.city}"
    elif d.country:
        label += f" in {doc.gaz.country_name(d.country)}"
    return label
