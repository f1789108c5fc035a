"""Attendance: who hosted, chaired, attended, joined or was absent from a meeting.

Only what the text says or directly implies: a person (or country) tied to a meeting by a
verb ("hosted", "chaired", "co-chaired", "organized", "attended", "joined", "took part",
"spoke at", "met with"), by a list ("joined by A, B and C", "which included …", "the presence
of …"), by speaking at it ("X said on the sidelines of the meeting"), or stated as absent
("the U.S. was notably absent", "the absence of X"). A person merely mentioned is not an
attendee. Future participation ("will join", "set to attend") is `expected`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from coalition_graph.loaders.extract.context import Doc
from coalition_graph.loaders.extract.meetings import HEAD_RX, VIRTUAL_RX, MeetingFinder
from coalition_graph.loaders.extract.participation import ParticipationFinder
from coalition_graph.loaders.extract.statements import StatementFinder
from coalition_graph.loaders.extract.syntax import lemma_classes
from coalition_graph.loaders.extract.text import Sentence
from coalition_graph.schema.models import Attendance

HOST_VERBS = r"hosted|hosts|host|hosting|organized|organised|organizes|convened|co-hosted|co-hosting|welcomed|opened"
CHAIR_VERBS = r"chaired|chairs|chair|co-chaired|co-chairs|co-chair|presided over|led"
JOIN_VERBS = (r"attended|attends|attend|attending|joined|joins|join|joining|took part|take part|taking part|"
              r"participated|participate|participating|spoke at|speak at|addressed|arrived|arrive|travel(?:l)?ed|travel|travels|flew|"
              r"were present|was present|met|meet|gathered|convened|sat")
SUBJECT_VERB_RX = re.compile(rf"\b(?P<verb>{HOST_VERBS}|{CHAIR_VERBS}|{JOIN_VERBS})\b", re.I)
BY_LIST_RX = re.compile(
    r"\b(?P<trig>(?:co-)?(?:organi[sz]ed|hosted|chaired|attended|joined|convened)\s+by|which included|including|"
    r"among (?:those|them|others)(?: [\w’'\-]+){0,4} (?:were|was)|among them|with the participation of|the presence of|participation from|"
    r"participation of|alongside|together with|along with|(?:were|was) (?:then |later )?joined(?: [\w ]{0,30}?)? by|"
    r"(?:was|were) represented (?:\w+ )?by|(?:took part|participated|attended|were present|joined)(?=:)|"
    r"set to attend|opened by|as well as|(?:[Aa]lso\s+)?(?:present|in attendance)\s+(?:were|was)|"
    r"(?:co-)?(?:hosts?|chairs?) of the (?:[\w\-]+ ){0,3}?(?:were|was)|(?:around|at) the table (?:were|was)(?:, among others,)?|"
    r"(?:saw|see|sees)\s+(?:the\s+)?participation\s+(?:from|of))\b", re.I)
# verbs of a new clause after a list: its subject ("…, and C announced") is no more of the list
LIST_ENDING_VERBS = {"were", "was", "have", "has", "had", "will", "would", "said", "met", "traveled", "travelled",
                     "arrived", "agreed", "pledged", "announced", "told", "urged", "called", "warned", "signed",
                     "launched", "unveiled"}
# where a list ends: a stop, a clause after it (", with Zelenskyy taking part" after "chaired by Meloni"), such a
# verb, or a word that opens a phrase or clause of its own
LIST_END_RX = re.compile(r"[;:]|,?\s+as well as the absence|,\s+with\s|\s(?:(?P<verb>" +
                         "|".join(sorted(LIST_ENDING_VERBS)) + r")|to|who|which|that|in order|on|at)\s")
STRICT_FUTURE = re.compile(r"\b(will|would|set to|is expected to|are expected to|is to|are to|plans? to|"
                           r"scheduled to|upcoming)\b", re.I)
NEGATED = re.compile(r"\b(?:not|never|no longer|n't)\s+(?:\w+\s+)?$", re.I)
ABSENT_RX = re.compile(r"\b(?:(?:notably|conspicuously)\s+)?(?:absent|absence of|did not (?:attend|participate|take part|join)|"
                       r"skipped|stayed away|(?:was|were) not invited|was not present|were not present|no-show|boycotted|was not represented|"
                       r"were not represented|(?:to )?miss(?:ed)? (?:a|the) (?:meeting|summit|talks)|"
                       r"(?:was|were) not (?:among|one of) the (?:participants|attendees|countries (?:taking part|represented)))\b",
                       re.I)
# being there, said of a list of people: "X and Y were also in the room", "Z completed the table"
PRESENCE_RX = re.compile(
    r"\b(?:(?:was|were)\s+(?:also\s+|all\s+)?(?:in the room|at the table|on hand|in attendance|among (?:the )?"
    r"(?:participants|attendees|guests|those (?:present|attending)))|(?:completed|rounded out|made up) the "
    r"(?:table|line-?up|list|group|gathering|delegations?))\b", re.I)
# what may stand between two people of a subject list: ", ", " and ", or an appositive title before the name
# ("Mark Rutte and Ukraine's new defence minister, Denys Shmyhal, were …")
LIST_GAP_RX = re.compile(
    r"\s*(?:,|and|, and|&)\s*(?:(?:the\s+)?(?:[\w’'\-]+\s+){0,4}?(?:minister|president|chancellor|secretary(?: general)?|"
    r"premier|leader|envoy|ambassador|king|queen|head|chief|commissioner|secretary-general)\s*,\s*)?", re.I)
SPEECH_RX = re.compile(r"\b(?:made the announcement|said|says|told|tells|added|noted|stressed|announced|emphasi[sz]ed|declared|stated|"
                       r"signed|pledged|unveiled|presented|held talks|discussed|"
                       r"reports|reported|spoke|speaking|explained|confirmed|outlined|highlighted|urged|warned)\b", re.I)
SPEAKING_AT_RX = re.compile(
    r"\b(?:speaking|spoke|said|says|told|addressing|addressed|remarks)\b[^.;]{0,40}?\b(?:at|on the sidelines of|"
    r"at the (?:start|opening|end|close) of|during|after|following|in his intervention|in her intervention)\b", re.I)


@dataclass
class Att:
    meeting: str
    person: str | None
    country: str | None
    organization: str | None
    role: str
    status: str
    sentence: Sentence
    rule: str


class AttendanceFinder:
    def __init__(self, doc: Doc, meetings: MeetingFinder, speakers: dict[int, str] | None = None):
        self.doc = doc
        self.mf = meetings
        self.speakers = speakers or {}  # sentence index -> speaker of a statement there
        self.out: list[Att] = []

    def run(self) -> list[Att]:
        doc = self.doc
        last_meeting: str | None = None
        for sent in doc.sentences:
            keys = self.mf.by_sentence.get(sent.index, [])
            if keys:
                # (a sentence that only recalls an earlier meeting does not change what the report goes on about)
                last_meeting = next((k for k in reversed(keys) if not self.mf.is_past_background(k)),
                                    last_meeting or keys[-1])
            if not keys:
                # "arrived separately in the capital to join the group": the meeting being talked about
                if last_meeting and (re.search(r"\b(?:(?:arrived|travell?ed)\b[^.;]{0,60}\bto join|joined|took part|attended|"
                                               r"attending|participated|among those|(?:were|was) received by|did attend|"
                                               r"(?:[Aa]round|[Aa]t) the table (?:were|was)|(?:[Cc]o-)?(?:[Hh]osts?|[Cc]hairs?) of the|"
                                               r"(?:hosted|co-hosted|chaired|co-chaired|convened) the (?:call|meeting|talks|"
                                               r"summit|session|conference|gathering)|(?:was|were) represented by|"
                                               r"led (?:his|her|its|their) (?:[\w’'\-]+ ){0,2}delegation|"
                                               r"sent (?:a|an|its|their) (?:[\w\-]+ ){0,2}(?:delegations?|ministers?|deputies|"
                                               r"representatives?|envoys?)|(?:present|in attendance) (?:were|was)|"
                                               r"as (?:an? )?observers?)\b", sent.text)
                                     or PRESENCE_RX.search(sent.text)
                                     or re.match(r"(?:In|During) (?:his|her|their) (?:intervention|speech|address|remarks)", sent.text)
                                     or ABSENT_RX.search(sent.text)
                                     or self._attends_without_object(sent)):
                    keys = [self._context_meeting(sent, last_meeting)]
                elif self._city_meeting(sent):
                    keys = [self._city_meeting(sent)]
                else:
                    continue
            self._sentence(sent, keys)
        for d in self.mf.drafts:  # the two sides of a bilateral meeting attended it
            for p in d.participants:
                if d.mentions:
                    sent0 = d.mentions[0][2]
                    self._person(d.key, p, "participant", self._status(sent0, d.mentions[0][0], d.key),
                                 sent0, "attendance.meeting_sides")
                    if d.held_at:  # who met on the sidelines of the summit was at the summit
                        self._person(d.held_at, p, "participant", self._status(sent0, d.mentions[0][0], d.held_at),
                                     sent0, "attendance.met_at_meeting")
            for iso in d.sides_by_country:  # "X met his Turkish counterpart": Turkey took part, unnamed
                if d.mentions:
                    sent0 = d.mentions[0][2]
                    self._country(d.key, iso, "participant", self._status(sent0, d.mentions[0][0], d.key), sent0,
                                  "attendance.unnamed_side")
        self._group_joins_call()
        told = {(a.sentence.index, a.person or a.country) for a in self.out}
        for meeting, kind, key, role, status, sent, rule in ParticipationFinder(self.doc, self.mf, self.speakers).run():
            if (sent.index, key) in told:
                here = [a for a in self.out if a.sentence.index == sent.index and (a.person or a.country) == key]
                if status == "absent":  # "declined to attend", "did not travel to": the parse knows better
                    for a in here:
                        if a.meeting == meeting and not _took_part_remotely(a):
                            a.status = "absent"
                if not (status == "absent" and all(a.meeting != meeting and a.status != "absent" for a in here)):
                    continue  # the sentence already placed this person or country at a meeting
                # ("In a call with X, Y said he would not take part in the summit": the call's side stays away
                # from the summit)
            if kind == "person":
                self._person(meeting, key, role, status, sent, rule)
            else:
                self._country(meeting, key, role, status, sent, rule)
        return self._dedupe()

    def _group_joins_call(self) -> None:
        """"The visitors and Zelenskyy then spoke by phone with Trump": a group named by what it just did
        (the visitors, the guests, the leaders) are the people recorded at the meeting told before the call."""
        text = self.doc.text
        for i, d in enumerate(self.mf.drafts):
            if d.head not in ("call", "video call") or not d.mentions or i == 0:
                continue
            s, _e, sent, _r = d.mentions[0]
            if not re.search(r"\b(?:the|all(?: the)?)\s+(?:\w+\s+)?(?:visitors|guests|visiting leaders)\b",
                             text[sent.start:s], re.I):
                continue
            # the visitors were guests at the (multi-sided) meeting told before; "the leaders" alone is too loose
            told = [m for m in self.mf.drafts[:i] if not m.bilateral and m.head not in ("call", "video call")]
            if not told:
                continue
            before = told[-1]
            for a in list(self.out):
                if a.meeting == before.key and a.person and a.status == "attended":
                    self._person(d.key, a.person, "participant", "attended", sent, "attendance.group_on_call")

    # ------------------------------------------------------------ one sentence
    def _sentence(self, sent: Sentence, keys: list[str]) -> None:
        doc, text = self.doc, self.doc.text
        st = sent.text
        meeting = self._meeting_for(sent, keys)
        persons = [p for p in doc.persons if sent.start <= p.start < sent.end]
        # 1. "Organized by A and B", "which included A", "joined by A, B and C", "the presence of A"
        for m in BY_LIST_RX.finditer(st):
            trig = m.group("trig").lower()
            role = "host" if re.search(r"organi|host", trig) else "chair" if "chair" in trig else "participant"
            a = sent.start + m.end()
            if text[a:a + 1] == ":":
                a += 1  # "Americans took part: special envoy Keith Kellogg and …"
            b = self._list_end(sent, a)
            if trig == "as well as" and not re.search(
                    rf"\b(?:{JOIN_VERBS}|{HOST_VERBS}|{CHAIR_VERBS})\b[^.;]*$", text[sent.start:sent.start + m.start()]):
                continue  # "A traveled to Berlin, as well as B and C": only after a verb of taking part
            if trig in ("including", "alongside", "together with", "along with", "the presence of", "participation of",
                        "participation from") and not self._near_meeting(sent, m.start(), 60) and \
                    not re.search(r"\b(?:took part|attended|joined|participated|were present|was present)\s+$",
                                  text[max(sent.start, sent.start + m.start() - 25):sent.start + m.start()]):
                continue
            target = self._meeting_for(sent, keys, sent.start + m.start())
            listed = {p.key for p in doc.persons if a <= p.start < b and p.via in ("name", "title", "surname")}
            draft = self._draft(target)
            if draft and draft.bilateral and len(listed - set(draft.participants)) >= 2:
                # more people joining two leaders: the larger meeting, not their bilateral one
                bigger = [d for d in self.mf.drafts if not d.bilateral and d.mentions and d.mentions[0][0] < sent.end]
                if bigger:
                    target = bigger[-1].key
            status = "expected" if "set to" in trig else self._status(sent, sent.start + m.start(), target)
            self._list(sent, target, a, b, role, status, f"attendance.list.{trig.split()[0]}")
            if re.search(r"joined\b.*\bby$", trig):
                # "A and B were joined by C and D": A and B are at that meeting too
                subj = self._subjects(sent, sent.start + m.start())
                if not subj and draft and draft.bilateral and re.search(r"\b(?:those|the)\s+(?:two|both)\b|\bthey\b",
                                                                         text[sent.start:sent.start + m.start()], re.I):
                    subj = [("person", k) for k in draft.participants]
                for kind, key in subj:
                    if kind == "person":
                        self._person(target, key, "participant", status, sent, "attendance.list.joined_subject")
        # 2. subject + verb: "Starmer hosted the meeting", "Albanese joined a virtual meeting"
        for m in SUBJECT_VERB_RX.finditer(st):
            verb = m.group("verb").lower()
            vs = sent.start + m.start()
            if re.match(r"\s+by\s+(?!video|phone|videolink|video link|teleconference)", text[sent.start + m.end():sent.start + m.end() + 20]):
                continue  # passive: handled by the list rule
            role = "host" if re.match(HOST_VERBS, verb) and verb not in ("welcomed", "opened") else \
                "chair" if re.fullmatch(CHAIR_VERBS, verb) else "participant"
            if verb in ("met", "meet", "arrived", "arrive", "travelled", "traveled", "travel", "travels", "flew", "gathered", "sat",
                        "convened") and \
                    not self._near_meeting(sent, m.start(), 140):
                continue
            if verb in ("welcomed", "led", "opened") and not self._near_meeting(sent, m.start(), 60):
                continue
            if NEGATED.search(text[max(sent.start, vs - 20):vs]):
                continue  # "did not participate": the absence rule reads it
            if re.search(r"\b(?:called on|urged|asked|invited|encouraged|pressed|wants?|hopes?)\b[^.;]{0,50}\bto\s+$",
                         text[max(sent.start, vs - 80):vs]):
                continue  # "urged Australia to join": a request, not attendance
            subj = self._subjects(sent, vs)
            target = self._meeting_for(sent, keys, vs)
            status = self._status(sent, vs, target)
            did = re.match(r",?\s+as (?:did|was|were|had)\s+", text[sent.start + m.end():sent.end])
            if did and role == "participant":  # "A attended, as did B": B too
                a = sent.start + m.end() + did.end()
                self._list(sent, target, a, self._list_end(sent, a), "participant", status, f"attendance.as_did")
            for kind, key in subj:
                if kind == "person":
                    self._person(target, key, role, status, sent, f"attendance.verb.{verb.replace(' ', '_')}")
                else:
                    self._country(target, key, role, status, sent, f"attendance.verb.{verb.replace(' ', '_')}")
        # 2b. being there: "Rutte and Shmyhal were also in the room", "A, B and C completed the table"
        for m in PRESENCE_RX.finditer(st):
            vs = sent.start + m.start()
            if NEGATED.search(text[max(sent.start, vs - 20):vs]):
                continue
            self._subjects_took_part(sent, keys, vs, "attendance.presence")
        # 3. speaking at the meeting: "Mr Pistorius said on the sidelines of the meeting",
        #    "Rutte said … during the London meeting", "Following the summit, Støre announced …"
        for ms, me, mkey in self.mf.positions.get(sent.index, []):
            draft = self._draft(mkey)
            if draft is None or draft.future:
                continue
            pre = text[max(sent.start, ms - 40):ms]
            if not re.search(r"\b(?:at|during|on the sidelines of|(?:at|for) the (?:start|opening|end|close) of|after|"
                             r"following|told)\s+(?:the\s+|a\s+|this\s+|today's\s+|today’s\s+)?(?:[\w’'\-]+\s+){0,4}$", pre, re.I):
                continue
            vm = None
            for v in SPEECH_RX.finditer(st):
                vm = v
                break
            if vm is None:
                continue
            vs = sent.start + vm.start()
            for kind, key in self._subjects(sent, vs):
                if kind == "person":
                    self._person(mkey, key, "participant", "attended", sent, "attendance.spoke_at")
        # 3a. someone speaking about "the meeting" that took place: "Schoof said the meeting had taken place …",
        #     "Shmyhal said Monday that the gathering … brought together 52 countries"
        for vm in SPEECH_RX.finditer(st):
            vs, ve = sent.start + vm.start(), sent.start + vm.end()
            after = [(ms, me, k) for ms, me, k in self.mf.positions.get(sent.index, []) if ve <= ms <= ve + 60]
            if not after or quotes_spokesperson(doc, sent):
                continue
            ms, me, mkey = after[0]
            if not HEAD_RX.fullmatch(text[ms:me]):
                continue  # "said the group was larger than the one that met at …": a comparison, not this meeting
            draft = self._draft(mkey)
            det = text[max(ve, ms - 30):ms]
            if draft is None or draft.future or (draft.start and self.doc.published and draft.start > self.doc.published) or \
                    not re.search(r"\b(?:the|today's|today’s|this|yesterday's|yesterday’s)\s+(?:[\w\-]+\s+){0,2}$", det, re.I) or \
                    re.search(r"\b(?:next|upcoming|future|another|previous)\b", det, re.I):
                continue
            for kind, key in self._subjects(sent, vs):
                if kind == "person":
                    self._person(mkey, key, "participant", "attended", sent, "attendance.spoke_about_meeting")
        # 3d. "In his intervention, Ukrainian President Volodymyr Zelensky called for …": a speech at the meeting
        im = re.match(r"(?:In|During) (?:his|her|their) (?:intervention|speech|address|remarks|opening remarks),?\s+", st)
        if im:
            ps = [p for p in doc.persons if sent.start + im.end() <= p.start < sent.start + im.end() + 60 and p.via != "pronoun"]
            if ps:
                self._person(keys[-1], ps[0].key, "participant", "attended", sent, "attendance.speech_at")
        # 3e. "Pete Hegseth, who was present at the meeting": a relative clause on the person before it
        for m in re.finditer(r",\s+who\s+(?:was|were|is|had been)\s+(?:also\s+)?(?:present at|attending|at)\s+|"
                             r",\s+who\s+(?:also\s+)?(?P<v>attended|joined|took part in|co-chaired|chaired|co-hosted|hosted)\b",
                             st):
            a = sent.start + m.start()
            named_here = bool(self.mf.positions.get(sent.index))
            if named_here and not self._near_meeting(sent, m.end(), 30):
                continue  # "who attended the funeral": another event
            ps = [p for p in doc.persons if p.end <= a and a - p.end <= 2 and p.via != "pronoun"]
            if ps:
                target = self._meeting_for(sent, keys, sent.start + m.end())
                v = (m.group("v") or "")
                role = "chair" if "chair" in v else "host" if "host" in v else "participant"
                self._person(target, ps[-1].key, role, self._status(sent, a, target), sent,
                             "attendance.relative_clause")
        # 3f. "Rayner is expected to sign the agreement in Rome" on the day of the Rome conference
        for m in re.finditer(r"\b(?:arrived|arrives|travell?ed|travels|(?:is|are) expected to \w+|will \w+|was|is)\b"
                             r"(?:\s+[\w’'\-]+){0,5}?\s+(?:in|to|at)\s+", st):
            after = sent.start + m.end()
            place = next((p for p in doc.places if p.start in (after, after + 4)), None)
            if place is None or not place.place.city:
                continue
            same = [d for d in self.mf.drafts if d.city == place.place.city and not d.bilateral and
                    (d.start is None or (doc.published and 0 <= (doc.published - d.start).days <= 1))
                    and d.mentions and d.mentions[0][0] < sent.end]
            if len(same) != 1:
                continue
            for kind, key in self._subjects(sent, sent.start + m.start()):
                if kind == "person":
                    self._person(same[0].key, key, "participant", self._status(sent, sent.start + m.start(), same[0].key),
                                 sent, "attendance.in_meeting_city")
        # 3c. "invited Zelenskyy to the meeting"
        for m in re.finditer(r"\binvited\s+", st):
            a = sent.start + m.end()
            ps = [p for p in doc.persons if a <= p.start < a + 60 and p.via != "pronoun"]
            if ps and re.match(r"\s+to\s+(?:the|this|its|a)\b", text[ps[0].end:ps[0].end + 12]):
                target = self._meeting_for(sent, keys, ps[0].end)
                if self._near_meeting(sent, ps[0].end - sent.start, 40):
                    self._person(target, ps[0].key, "participant", self._status(sent, a, target), sent,
                                 "attendance.invited")
        # 3g. "Macron received Zelenskyy and several European leaders": the host and the guests named
        for m in re.finditer(r"\b(?:received|welcomed|hosted|hosts|hosting|greeted)\s+", st):
            a = sent.start + m.end()
            guests = []
            for p in doc.persons:
                if p.via == "pronoun" or p.span_start < a:
                    continue
                if p.span_start == a or re.fullmatch(r"\s*(?:,|and|, and)\s*", text[guests[-1].end:p.span_start] if guests else "x"):
                    guests.append(p)
            if not guests:
                continue
            target = self._meeting_for(sent, keys, a)
            draft = self._draft(target)
            if draft is None or draft.bilateral:
                continue  # the two-sided meeting records its own sides
            for kind, key in self._subjects(sent, sent.start + m.start()):
                if kind == "person":
                    self._person(target, key, "host", self._status(sent, a, target), sent, "attendance.received_guests")
            for p in guests:
                self._person(target, p.key, "participant", self._status(sent, a, target), sent, "attendance.received_guests")
        # 3h. "Macron, Merz, Starmer and Tusk were received by Zelenskyy": visitors and host
        for m in re.finditer(r"\b(?:was|were|had been)\s+(?:\w+\s+)?(?:received|welcomed|hosted)\s+by\s+", st):
            target = self._meeting_for(sent, keys, sent.start + m.start())
            draft = self._draft(target)
            if draft is None or draft.bilateral:
                continue
            host = [p for p in doc.persons if sent.start + m.end() <= p.span_start < sent.start + m.end() + 5]
            for kind, key in self._subjects(sent, sent.start + m.start()):
                if kind == "person":
                    self._person(target, key, "participant", self._status(sent, sent.start + m.start(), target), sent,
                                 "attendance.received_by")
            for p in host[:1]:
                self._person(target, p.key, "host", self._status(sent, sent.start + m.start(), target), sent,
                             "attendance.received_by")
        # 3i. "Turkey sent its foreign minister, Hakan Fidan": the envoy attends for the country
        for m in re.finditer(r"\b(?:sent|dispatched|was represented by|were represented by)\s+(?:its|their|the)\s+", st):
            a = sent.start + m.end()
            ps = [p for p in doc.persons if a <= p.start < a + 60 and p.via in ("name", "title")]
            if ps:
                target = self._meeting_for(sent, keys, a)
                self._person(target, ps[0].key, "participant", self._status(sent, a, target), sent, "attendance.sent_envoy")
        # 3j. "Turkey was represented by its foreign minister", "Canada sent a delegation": the country took part
        #     even where the envoy is not named
        for m in re.finditer(r"\b(?:was|were)\s+represented\s+by\b|\b(?:sent|dispatched)\s+(?:a|an|its|their)\s+"
                             r"(?:[\w\-]+\s+)?(?:delegation|minister|envoy|representative)\b", st):
            vs = sent.start + m.start()
            if NEGATED.search(text[max(sent.start, vs - 20):vs]):
                continue
            target = self._meeting_for(sent, keys, vs)
            for kind, key in self._subjects(sent, vs):
                if kind == "country":
                    self._country(target, key, "participant", self._status(sent, vs, target), sent,
                                  "attendance.represented")
        # 3k. "Zelenskyy led his country's delegation", "Fidan followed the talks as an observer"
        for m in re.finditer(r"\bled\s+(?:his|her|its|their)\s+(?:[\w’'\-]+\s+){0,2}delegation\b|"
                             r"\b(?:followed|observed|watched|monitored|attended|joined)\b[^.;]{0,50}?\bas\s+(?:an?\s+)?"
                             r"observers?\b", st):
            vs = sent.start + m.start()
            if NEGATED.search(text[max(sent.start, vs - 20):vs]):
                continue
            self._subjects_took_part(sent, keys, vs, "attendance.delegation_or_observer")
        # 3l. "opened with a speech by Sunak and a video address by Zelenskyy": speakers at the meeting
        for m in re.finditer(r"\b(?:speech|address|video address|keynote(?: speech| address)?|opening remarks|"
                             r"remarks|video message|intervention)\s+(?:\w+\s+){0,2}?by\s+", st):
            a = sent.start + m.end()
            ps = [p for p in doc.persons if a <= p.span_start <= a + 2 and p.via != "pronoun"]
            if ps:
                target = self._meeting_for(sent, keys, a)
                self._person(target, ps[0].key, "participant", self._status(sent, a, target), sent,
                             "attendance.speech_by")
        # 3b. "Sunday's summit in London saw X say …"
        for m in re.finditer(r"\b(?:saw|sees|see)\s+", st):
            if self._near_meeting(sent, m.start(), 60):
                a = sent.start + m.end()
                ps = [p for p in doc.persons if a <= p.start < a + 80 and p.via != "pronoun"]
                if ps:
                    self._person(self._meeting_for(sent, keys, a), ps[0].key, "participant", "attended", sent,
                                 "attendance.meeting_saw")
        # 4. absence
        for m in ABSENT_RX.finditer(st):
            a = sent.start + m.start()
            if "absence of" in m.group(0).lower():
                self._list(sent, meeting, sent.start + m.end(), self._list_end(sent, sent.start + m.end()),
                           "participant", "absent", "attendance.absent")
                continue
            for kind, key in self._subjects(sent, a, allow_plural=True):
                if kind == "person":
                    self._person(meeting, key, "participant", "absent", sent, "attendance.absent")
                else:
                    self._country(meeting, key, "participant", "absent", sent, "attendance.absent")
            # "The Russians did not participate": a demonym as subject
            for c in doc.countries:
                if sent.start <= c.start < a and c.form == "demonym" and c.text.endswith("s") and \
                        not [p for p in persons if p.start < a]:
                    self._country(meeting, c.iso3, "participant", "absent", sent, "attendance.absent")
        # 5. "Leaders of A, B and C", "leaders from Europe, Canada, and New Zealand"
        for m in re.finditer(r"\b(?:leaders|representatives|delegations|ministers|officials|heads of \w+|presidents|chancellors)"
                             r"\s+(?:of|from)\s+", st, re.I):
            a = sent.start + m.end()
            target = self._meeting_for(sent, keys, a)
            # "the prime ministers of Japan and Australia": one office per country, its holders resolved by date
            by_office = bool(re.search(r"\b(?:prime|defen[cs]e|foreign)\s+ministers|presidents|chancellors",
                                      text[max(sent.start, sent.start + m.start() - 10):sent.start + m.end()], re.I))
            self._list(sent, target, a, self._list_end(sent, a), "participant",
                       self._status(sent, a, target), "attendance.leaders_of", countries_only=not by_office)
        # 5b. "the Polish, Latvian and Danish defence ministries sent their ministers", "officials from the Dutch
        #     and Czech delegations took part": demonyms before an institution that takes part
        if re.search(rf"\b(?:{JOIN_VERBS}|sent|dispatched|were represented|was represented)\b", st) and \
                not ABSENT_RX.search(st) and not re.search(r"\b(?:not|n't|never)\b", st):
            for m in re.finditer(r"\b(?:(?:defen[cs]e|foreign|armed forces)\s+)?(?:ministries|ministry|delegations|"
                                 r"governments)\b", st):
                pos, chain = sent.start + m.start(), []
                for c in reversed([c for c in doc.countries if sent.start <= c.start and c.end <= pos]):
                    if c.form == "demonym" and re.fullmatch(r"\s*(?:,|and|, and)?\s*", text[c.end:pos]):
                        chain.append(c)
                        pos = c.start
                    else:
                        break
                target = self._meeting_for(sent, keys, sent.start + m.start())
                for c in chain:
                    self._country(target, c.iso3, "participant", self._status(sent, c.start, target), sent,
                                  "attendance.national_institutions")
        # 6. a country's delegation: "A Ukrainian delegation met…"
        for m in re.finditer(r"\b(?:[Aa]|[Tt]he)\s+([A-Z]\w+)\s+delegation\b", st):
            for c in doc.countries:
                if c.text == m.group(1) and sent.start <= c.start < sent.end:
                    self._country(meeting, c.iso3, "participant", "attended", sent, "attendance.delegation")

    def _attends_without_object(self, sent: Sentence) -> bool:
        """"X was also scheduled to attend", "Y will take part": a verb of attending with no object or
        phrase of its own goes on about the meeting being told."""
        a = self.doc.analysis
        if a is None:
            return False
        for t in a.tokens_in(sent.start, sent.end):
            if t.pos != "VERB" or t.lemma not in ("attend", "participate", "take"):
                continue
            kids = a.children(t.i)
            if t.lemma == "take" and not any(c.dep == "dobj" and c.lower == "part" for c in kids):
                continue
            if t.lemma != "take" and any(c.dep in ("dobj", "prep") for c in kids):
                continue
            if t.lemma == "take" and any(c.dep == "prep" for c in kids):
                continue
            return True
        return False

    def _context_meeting(self, sent: Sentence, last: str) -> str:
        """The meeting a sentence without a meeting mention is about: the last one told, except a two-sided
        meeting whose sides it does not name ("The crown prince phoned Trump. … Iran was represented by X"
        tells of the summit, not the call)."""
        d = self._draft(last)
        if d is not None and d.future and d.start is None and self._told_in_past(sent):
            # "Among those attending were A and B" after "… and an international conference to raise the
            # money": the meeting held, not the one planned in passing
            held = [m for m in self.mf.drafts if not m.future and m.mentions and m.mentions[0][0] < sent.start
                    and not self.mf.is_past_background(m.key)]
            if held:
                return held[-1].key
        if d is None or not (d.bilateral and d.participants):
            return last
        named = {p.key for p in self.doc.persons if sent.start <= p.start < sent.end}
        if named & set(d.participants) or d.mentions[-1][2].paragraph == sent.paragraph:
            return last  # ("X met Y. Z joined them" goes on with the meeting just told)
        told = [m for m in self.mf.drafts if not m.bilateral and m.mentions and m.mentions[0][0] < sent.start
                and not self.mf.is_past_background(m.key)]
        return told[-1].key if told else last

    def _told_in_past(self, sent: Sentence) -> bool:
        """The sentence's main verb is in the past tense ("were", "attended"), with no "will"/"would"."""
        a = self.doc.analysis
        root = next((t for t in a.tokens_in(sent.start, sent.end) if t.head == t.i), None) if a is not None else None
        if root is None or root.pos not in ("VERB", "AUX"):
            return False
        return root.tag == "VBD" and not any(c.lower in ("will", "would") for c in a.children(root.i))

    def _meeting_for(self, sent: Sentence, keys: list[str], pos: int | None = None) -> str:
        """The meeting a phrase at `pos` is about: the nearest meeting mention in the sentence."""
        ps = self.mf.positions.get(sent.index, [])
        if pos is None or not ps:
            return keys[0] if len(keys) == 1 else keys[-1]
        return min(ps, key=lambda t: min(abs(t[0] - pos), abs(t[1] - pos)))[2]

    def _city_meeting(self, sent: Sentence) -> str | None:
        """The one meeting held that day in a city this sentence names ("… to sign the agreement in Rome")."""
        for p in self.doc.places:
            if sent.start <= p.start < sent.end and p.place.city and \
                    not re.search(r"\bfrom\s+$", self.doc.text[max(sent.start, p.start - 6):p.start]):
                # (not "joining from Rome": where someone took part from, by video, is not where a meeting was)
                same = [d for d in self.mf.drafts if d.city == p.place.city and not d.bilateral and
                        (d.start is None or (self.doc.published and 0 <= (self.doc.published - d.start).days <= 1))
                        and d.mentions and d.mentions[0][0] < sent.start]
                if len(same) == 1:
                    return same[0].key
        return None

    def _status(self, sent: Sentence, pos: int, meeting: str) -> str:
        """expected: a future verb near the phrase, or a meeting dated after publication."""
        text = self.doc.text
        if STRICT_FUTURE.search(text[max(sent.start, pos - 60): min(sent.end, pos + 30)]):
            return "expected"
        d = self._draft(meeting)
        if d and d.start and self.doc.published and d.start > self.doc.published:
            return "expected"
        if d and d.future and d.start is None:
            return "expected"  # "had begun arranging a meeting between A and B": planned, not held
        return "attended"

    def _draft(self, key: str):
        return next((d for d in self.mf.drafts if d.key == key), None)

    def _near_meeting(self, sent: Sentence, rel: int, window: int = 200) -> bool:
        """A meeting mention of this sentence lies within `window` characters of `rel` (sentence-relative)."""
        pos = sent.start + rel
        for d in self.mf.drafts:
            for s, e, ms, _rule in d.mentions:
                if ms.index == sent.index and abs(s - pos) <= window:
                    return True
        return False

    def _list_end(self, sent: Sentence, a: int) -> int:
        """A list runs to the end of the clause: a full stop, semicolon, or a finite verb after the list."""
        text = self.doc.text
        m = LIST_END_RX.search(text, a, sent.end)
        if m is None:
            return sent.end
        if m.group("verb"):
            # a verb ends it, and its subject is no more of the list: "co-hosted by A and B, and C announced"
            joined = list(re.finditer(r",\s+(?:and|while|but)\s", text[a:m.start()]))
            if joined:
                return a + joined[-1].start()
        return m.start()

    def _list(self, sent: Sentence, meeting: str, a: int, b: int, role: str, status: str, rule: str,
              countries_only: bool = False) -> None:
        doc = self.doc
        persons = [p for p in doc.persons if a <= p.start < b and p.via in ("name", "title", "surname")]
        covered: list[tuple[int, int]] = []
        if not countries_only:
            for p in persons:
                self._person(meeting, p.key, role, status, sent, rule)
                covered.append((p.span_start, p.end))
        for c in doc.countries:
            if a <= c.start < b and c.form in ("name", "possessive") and \
                    not any(s <= c.start < e for s, e in covered) and not self._modifies_person(c):
                self._country(meeting, c.iso3, role, status, sent, rule)

    def _modifies_person(self, c) -> bool:
        """'Denmark's Prime Minister Mette Frederiksen': the country names the person's office."""
        return any(p.span_start <= c.start and c.end <= p.end + 1 for p in self.doc.persons) or \
            any(0 <= p.span_start - c.end <= 30 and p.of == c.iso3 for p in self.doc.persons)

    def _subjects(self, sent: Sentence, vs: int, allow_plural: bool = True) -> list[tuple[str, str]]:
        """People or countries that are the subject of the verb at `vs`: 'A, B and C arrived'."""
        doc, text = self.doc, self.doc.text
        out: list[tuple[str, str]] = []
        # "Starmer, who co-chairs the coalition with Macron, took part": the subject is before the relative clause
        rel = re.search(r",\s+(?:who|whose)\b[^,;]{0,100},\s*$", text[sent.start:vs])
        if rel:
            vs = sent.start + rel.start()
            before = [p for p in doc.persons if sent.start <= p.start and p.end <= vs and p.via != "pronoun"]
            if before and vs - before[-1].end <= 2:
                return [("person", before[-1].key)]
        # "Giorgia Meloni, for her part, emphasized": an appositive or adverb between subject and verb
        before = [p for p in doc.persons if sent.start <= p.start and p.end <= vs and p.via != "pronoun"]
        if before and re.search(r"[,(\[]", text[before[-1].end:vs]) and StatementFinder._clean_gap(text[before[-1].end:vs]):
            chain = [before[-1]]
            for p in reversed(before[:-1]):  # "Rutte and Ukraine's defence minister, Denys Shmyhal, were …"
                if LIST_GAP_RX.fullmatch(text[p.end:chain[-1].span_start]):
                    chain.append(p)
                else:
                    break
            return [("person", p.key) for p in reversed(chain)]
        # walk back over the subject phrase: names, titles, commas, "and"
        region_start = sent.start
        for m in re.finditer(r"[;:]|\b(?:that|which|who|after|before|as|when|while|since|if)\b|,\s(?=[a-z])", text[sent.start:vs]):
            region_start = sent.start + m.end()
        ps = [p for p in doc.persons if region_start <= p.start and p.end <= vs and p.via != "pronoun"
              or (p.via == "pronoun" and region_start <= p.start < vs and p.text.lower() in ("he", "she"))]
        if ps:
            # the subject is the last noun phrase: keep persons joined by ", " / "and" up to the verb
            chain = [ps[-1]]
            for p in reversed(ps[:-1]):
                between = text[p.end:chain[-1].span_start]
                if LIST_GAP_RX.fullmatch(between):
                    chain.append(p)
                else:
                    break
            gap = text[ps[-1].end:vs]
            if len(gap) <= 60 and not re.search(r"[.;]", gap):
                out.extend(("person", p.key) for p in reversed(chain))
                return out
        cs = [c for c in doc.countries if region_start <= c.start and c.end <= vs and c.form in ("name", "possessive", "demonym")
              and not self._modifies_person(c)
              and not re.search(r"\b(?:in|of|for|to|from|with|against|on|into|across|over)\s+(?:the\s+)?$",
                                text[max(sent.start, c.start - 12):c.start])]  # "a ceasefire in Ukraine will …"
        if cs:
            last = cs[-1]
            gap = text[last.end:vs]
            if len(gap) <= 40 and not re.search(r"[.;,]", gap) and (last.form != "demonym" or re.match(r"s\b", text[last.end - 1:last.end + 1])):
                chain = [last]
                for c in reversed(cs[:-1]):
                    if re.fullmatch(r"\s*(?:,|and|, and)\s*", text[c.end:chain[-1].start]):
                        chain.append(c)
                    else:
                        break
                out.extend(("country", c.iso3) for c in reversed(chain) if c.form != "demonym" or c.text.endswith("s"))
        # a capital standing for its government: "Paris hosted a summit"
        for p in doc.places:
            if region_start <= p.start and p.end <= vs and re.fullmatch(r"\s*", text[p.end:vs]) and p.place.iso3 and \
                    p.place.kind == "city":
                out.append(("country", p.place.iso3))
        return out

    # ------------------------------------------------------------ records
    def _subjects_took_part(self, sent, keys, vs: int, rule: str) -> None:
        """Everyone the clause before offset `vs` names took part in the meeting the sentence is about."""
        target = self._meeting_for(sent, keys, vs)
        status = self._status(sent, vs, target)
        for kind, key in self._subjects(sent, vs):
            if kind == "person":
                self._person(target, key, "participant", status, sent, rule)
            else:
                self._country(target, key, "participant", status, sent, rule)

    def _person(self, meeting: str, key: str, role: str, status: str, sent: Sentence, rule: str) -> None:
        country, org = self.doc.country_of_person(key)
        self.out.append(Att(meeting, key, country, org, role, status, sent, rule))

    def _country(self, meeting: str, iso3: str, role: str, status: str, sent: Sentence, rule: str) -> None:
        self.out.append(Att(meeting, None, iso3, None, role, status, sent, rule))

    def _dedupe(self) -> list[Att]:
        best: dict[tuple, Att] = {}
        for a in self.out:  # what the parse rules learnt of whom a person stood for ("Britain sent X")
            if a.person and a.country is None and a.organization is None:
                a.country, a.organization = self.doc.country_of_person(a.person)
        rank_role = {"host": 0, "chair": 1, "participant": 2}
        rank_status = {"absent": 0, "attended": 1, "expected": 2}
        for a in self.out:
            k = (a.meeting, a.person or f"country:{a.country}")
            cur = best.get(k)
            if cur is None:
                best[k] = a
                continue
            if rank_status[a.status] < rank_status[cur.status] and not (a.status == "absent" or cur.status == "absent"):
                cur.status = a.status
            elif cur.status == "absent" and _took_part_remotely(a):
                cur.status = a.status  # "did not travel to Johannesburg. He took part by video link": there
            if rank_role[a.role] < rank_role[cur.role]:
                cur.role = a.role
        # a country that attends through a named person needs no row of its own
        people_countries = {(a.meeting, a.country, a.status == "absent") for a in best.values() if a.person}
        return [a for a in best.values()
                if a.person or (a.meeting, a.country, a.status == "absent") not in people_countries]


def _took_part_remotely(a: Att) -> bool:
    """Joining by video is taking part (the guidelines' "joined in person or remotely"), so it outweighs the
    absence in person told beside it ("stayed away and took part by video link")."""
    return a.status == "attended" and bool(VIRTUAL_RX.search(a.sentence.text))


def quotes_spokesperson(doc: Doc, sent: Sentence) -> bool:
    """The sentence quotes a spokesperson, who speaks for a government from its capital, not at the meeting."""
    if doc.analysis is None:
        return False
    classes = lemma_classes()
    return any("spokesperson" in classes.get(t.lemma, ()) for t in doc.analysis.tokens_in(sent.start, sent.end))


def to_attendance(doc: Doc, atts: list[Att]) -> list[Attendance]:
    return [Attendance(meeting=a.meeting, person=a.person, country=a.country, organization=a.organization,
                       role=a.role, status=a.status, evidence=[doc.evidence(a.sentence, a.rule)]) for a in atts]
