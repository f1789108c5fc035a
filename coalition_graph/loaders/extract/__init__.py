"""Rule-based extraction of coalition facts from one news article.

`extract_facts(article) -> ArticleFacts` is deterministic, offline and uses no models:
gazetteer look-ups (coalition_graph/loaders/gazetteer_data/) and rules over sentences.
Every fact carries evidence: the exact sentence, its character offsets into
`article.text` and the name of the rule that produced it.

Modules: text (sentences), dates, amounts (and euro values), places (countries,
organizations, venues), people (names, titles, roles, coreference), meetings, attendance,
pledges, statements; context holds one prepared article.
"""
from __future__ import annotations

import re

from coalition_graph.loaders.extract.analysis import Analysis
from coalition_graph.loaders.extract.attendance import AttendanceFinder, quotes_spokesperson, to_attendance
from coalition_graph.loaders.extract.context import Doc
from coalition_graph.loaders.extract.meetings import MeetingFinder, to_meetings
from coalition_graph.loaders.extract.pledges import PledgeFinder, to_pledges
from coalition_graph.loaders.extract.statements import StatementFinder, statement_text, to_evidence
from coalition_graph.loaders.gazetteer import Gazetteer
from coalition_graph.schema.models import (
    Article, ArticleFacts, Attendance, Country, Office, OfficeHeld, Organization, Person, Statement,
)

__all__ = ["extract_facts"]


def extract_facts(article: Article, gazetteer: Gazetteer | None = None, analysis: Analysis | None = None) -> ArticleFacts:
    """The facts of one article. `analysis` is its linguistic analysis where the caller made it already
    (for many articles at once, see parallel.extract_many); else it is made here."""
    doc = Doc.build(article, gazetteer, analysis)
    mf = MeetingFinder(doc)
    drafts = mf.run()
    meetings = to_meetings(doc, drafts)
    st_drafts = StatementFinder(doc).run()
    speakers = {}
    for d in st_drafts:
        for ev in to_evidence(doc, d):
            speakers.setdefault(_sentence_index(doc, ev.start), d.speaker)
    attendances = to_attendance(doc, AttendanceFinder(doc, mf, speakers).run())
    pledges = to_pledges(doc, PledgeFinder(doc, mf, speakers).run())
    attendances = _announcers_attend(doc, mf, meetings, pledges, attendances)
    attendances = _speakers_attend(doc, mf, meetings, st_drafts, attendances)
    statements = []
    for i, d in enumerate(st_drafts, 1):
        ev = to_evidence(doc, d)
        meeting = None
        for e in ev:
            keys = mf.by_sentence.get(_sentence_index(doc, e.start), [])
            if keys:
                meeting = keys[0]
                break
        mdate = next((m.start for m in meetings if m.key == meeting), None) if meeting else None
        statements.append(Statement(key=f"S{i}", speaker=d.speaker, text=statement_text(doc, d),
                                    date=mdate or article.published, direct=d.direct, meeting=meeting, evidence=ev))
    offices = _offices(doc)
    return ArticleFacts(
        article=article,
        persons=_persons(doc, attendances, pledges, statements),
        countries=_countries(doc, meetings, attendances, pledges, offices),
        organizations=_organizations(doc, meetings, attendances, pledges, offices),
        meetings=meetings, attendances=attendances, pledges=pledges, statements=statements,
        offices=offices,
    )


def _announcers_attend(doc: Doc, mf: MeetingFinder, meetings, pledges, attendances) -> list[Attendance]:
    """Whoever announced a pledge at a meeting the article reports (same day, already held) was there."""
    have = {(a.meeting, a.person) for a in attendances}
    out = list(attendances)
    for p in pledges:
        m = next((m for m in meetings if m.key == p.meeting), None)
        if not (m and p.donor_person and m.start and p.announced == m.start and doc.published and m.start <= doc.published):
            continue
        draft = next((d for d in mf.drafts if d.key == m.key), None)
        if draft is None or draft.bilateral or draft.future or (m.key, p.donor_person) in have:
            continue
        country, org = doc.country_of_person(p.donor_person)
        out.append(Attendance(meeting=m.key, person=p.donor_person, country=country, organization=org,
                              role="participant", status="attended",
                              evidence=[e.model_copy(update={"rule": "attendance.announced_pledge_at"}) for e in p.evidence[:1]]))
        have.add((m.key, p.donor_person))
    return out


def _speakers_attend(doc: Doc, mf: MeetingFinder, meetings, st_drafts, attendances) -> list[Attendance]:
    """Whoever is quoted in the paragraphs about a held meeting, in a sentence that names no meeting, no
    other day and no spokesperson, spoke there ("Gavi's chief executive told reporters the alliance would
    adjust", after a paragraph on the replenishment summit). Not for two-sided meetings (their two sides are
    told), nor for a speaker the article already places at some meeting (their words are read there)."""
    from coalition_graph.loaders.extract.participation import ParticipationFinder

    if doc.analysis is None:
        return attendances
    pf = ParticipationFinder(doc, mf)
    drafts = {d.key: d for d in mf.drafts}
    by_key = {m.key: m for m in meetings}
    placed = {a.person for a in attendances if a.person}
    out = list(attendances)
    for st in st_drafts:
        ev = to_evidence(doc, st)
        sent = doc.sentence_at(ev[0].start) if ev else None
        if sent is None or st.speaker in placed or mf.by_sentence.get(sent.index):
            continue
        key = pf._context_meeting(sent)
        m, draft = by_key.get(key), drafts.get(key)
        if m is None or draft is None or draft.future or draft.bilateral:
            continue
        if m.start and doc.published and m.start > doc.published:
            continue
        if m.start and any(not (m.start <= x.date <= (m.end or m.start)) if x.precision == "day" else
                           x.date > m.start or (m.start - x.date).days > 6 if x.precision == "week" else False
                           for x in doc.within(doc.dates, sent.start, sent.end)):
            continue  # "On Friday, Putin had said …", "Trump said last week …": another day's words
        info = doc.people.get(st.speaker)
        if not (info and (info.stated or doc.gaz.offices_of(st.speaker, doc.published))):
            continue  # an analyst or a witness quoted on the meeting holds no office to attend it in
        if any(x.place.kind != "region" and (x.place.city or x.place.name) != m.city and
               re.search(r"\b(?:in|from)\s+(?:the\s+)?$", doc.text[max(sent.start, x.start - 10):x.start], re.I)
               for x in doc.within(doc.places, sent.start, sent.end)):
            continue  # "In Moscow, Putin said …", "Speaking in Washington, Trump said …": words said elsewhere
        if quotes_spokesperson(doc, sent):
            continue
        country, org = doc.country_of_person(st.speaker)
        out.append(Attendance(meeting=key, person=st.speaker, country=country, organization=org,
                              role="participant", status="attended",
                              evidence=[e.model_copy(update={"rule": "attendance.quoted_at"}) for e in ev[:1]]))
        placed.add(st.speaker)
    return out


def _sentence_index(doc: Doc, pos: int) -> int:
    s = doc.sentence_at(pos)
    return s.index if s else -1


def _persons(doc: Doc, attendances, pledges, statements) -> list[Person]:
    used = {a.person for a in attendances if a.person} | {p.donor_person for p in pledges if p.donor_person} | \
           {s.speaker for s in statements} | {k for k, info in doc.people.items() if info.stated}
    out = []
    for key in sorted(used):
        info = doc.people.get(key)
        if info is None:
            continue
        offices = []
        g = doc.gaz.people.get(key)
        if g:
            offices = [Office(role=o.title or o.office, of=o.of, start=o.start, end=o.end) for o in g.offices]
        out.append(Person(key=key, name=info.name, aliases=info.aliases, wikidata=info.wikidata, offices=offices))
    return out


def _offices(doc: Doc) -> list[OfficeHeld]:
    out = []
    seen = set()
    for key, info in doc.people.items():
        for title, of, s, _e in info.stated:
            if (key, title.lower(), of) in seen:
                continue
            seen.add((key, title.lower(), of))
            sent = doc.sentence_at(s)
            g = next((o for o in doc.gaz.offices_of(key, doc.published) if o.of == of), None)
            out.append(OfficeHeld(person=key, role=title, of=of, start=g.start if g else None,
                                  end=g.end if g else None,
                                  evidence=[doc.evidence(sent, "office.title_with_name")] if sent else []))
    return out


def _referenced(kind: str, known, meetings, attendances, pledges, offices) -> set[str]:
    """Keys of the countries ("country") or organizations ("organization") the facts refer to."""
    if kind == "country":
        keys = {m.country for m in meetings if m.country} | {a.country for a in attendances if a.country}
    else:
        keys = {m.format for m in meetings if m.format} | {a.organization for a in attendances if a.organization}
    keys |= {actor.key for p in pledges for actor in (p.donor, p.recipient) if actor and actor.kind == kind}
    keys |= {o.of for o in offices if o.of in known}
    return keys


def _countries(doc: Doc, meetings, attendances, pledges, offices) -> list[Country]:
    isos = _referenced("country", doc.gaz.countries, meetings, attendances, pledges, offices)
    return [Country(iso3=i, name=doc.gaz.country_name(i)) for i in sorted(isos) if len(i) == 3 and i.isupper()]


def _organizations(doc: Doc, meetings, attendances, pledges, offices) -> list[Organization]:
    keys = _referenced("organization", doc.gaz.orgs, meetings, attendances, pledges, offices)
    out = []
    for k in sorted(keys):
        g = doc.gaz.orgs.get(k)
        out.append(Organization(key=k, name=g.name if g else doc.__dict__.get("named_orgs", {}).get(k, k),
                                kind=g.kind if g else None,
                                wikidata=g.wikidata if g else None))
    return out
