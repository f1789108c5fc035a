"""A meeting's name as a person would write it, from what one article says of the meeting.

The extractor names a meeting from the words of the text ("Sunday's summit", "Video call", "Meeting"),
which out of their article say little. Here the graph gives every meeting a name of its own: words that
only make sense inside the article (a weekday's, a person's possessive, "stormy", "second", a leading
"the") are dropped, and a name that is then only a generic noun is made again from the meeting's format,
kind and attendees ("Coalition of the Willing summit", "Trump–Putin summit"); a place is added where the
name has none ("… in London"), and a name that is still only a noun gets the date ("Video call on 15 March
2025") or, with none, the article ("Meeting reported by Politico Europe on 2 December 2024"). The
extractor's own name still makes the meeting's id, so ids do not move when these rules do.
"""
from __future__ import annotations

import datetime as dt
import re

from coalition_graph.loaders.gazetteer import Gazetteer, fold, load_gazetteer
from coalition_graph.schema.models import ArticleFacts, Meeting

GENERIC_HEADS = ("video call", "phone call", "meeting", "meetings", "summit", "call", "conference", "talks",
                 "ministerial", "forum", "gathering", "assembly", "session", "discussion", "discussions",
                 "consultations", "get-together")
# words that say nothing of which meeting it was once the article is out of sight
CONTEXT_WORDS = {
    "the", "a", "an", "this", "that", "these", "last", "next", "latest", "recent", "upcoming", "planned", "and",
    "another", "new", "later", "earlier", "same",
    "stormy", "intense", "productive", "tense", "frank", "fruitful", "lengthy", "long", "brief", "short", "heated",
    "difficult", "constructive", "cordial", "historic", "crucial", "key", "important", "major", "big", "hastily",
    "arranged", "closed-door", "private", "informal", "virtual", "online", "video", "phone", "telephone",
}
TIME_WORD = (r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|yesterday|tomorrow|weekend|week|month|year"
             r"|morning|afternoon|evening|night")
TIME_POSSESSIVE = re.compile(rf"\b(?:(?:this|last|next|that|the)\s+)?(?:{TIME_WORD})['’]s\s+", re.I)
POSSESSIVE = re.compile(r"^([A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)['’]s\s+")  # "Trump's summit", "NATO's summit"
ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
KIND_HEAD = {"video-call": "video call", "ministerial": "ministerial", "summit": "summit", "conference": "conference"}


def meeting_name(meeting: Meeting, facts: ArticleFacts, gazetteer: Gazetteer | None = None) -> str:
    """The name the graph gives `meeting` as `facts` (its article) reports it."""
    gaz = gazetteer or load_gazetteer()
    attendees = _people(meeting, facts, gaz)
    city = _real_city(meeting.city, facts, gaz)
    name = TIME_POSSESSIVE.sub("", meeting.name).strip()
    if meeting.city and not city:  # "… in Zelenskyy": a person taken for the place
        name = re.sub(rf"\s+in\s+{re.escape(meeting.city)}$", "", name)
    owner = POSSESSIVE.match(name)
    if owner and (_is_person(owner.group(1), facts, gaz) or owner.group(1) in attendees):
        name = name[owner.end():]
    words = name.split()
    while words and words[0].lower() in CONTEXT_WORDS and not _starts_a_place(words, gaz):
        words.pop(0)
    if words and words[0].lower() in ORDINALS and _bare_head(" ".join(words[1:]), city, meeting, gaz):
        words.pop(0)  # "second conference" says which one only in its article; "Second Ukraine peace summit" stays
    name = " ".join(words)
    bare = _bare_head(name, city, meeting, gaz)
    if bare is not None:
        name = _rebuilt(bare, meeting, attendees, gaz)
    name = name[:1].upper() + name[1:]
    where = _place_phrase(city, meeting.country, gaz)
    if where and where.startswith("the ") and name.endswith(" in " + where[4:]):
        name = name[:-len(where) + 4] + where  # "… in United States" → "… in the United States"
    if where and not _names_place(name, city, meeting.country, gaz) and not _two_sided(meeting, name):
        return f"{name} in {where}"
    if where or name.lower() not in GENERIC_HEADS:
        return name  # the date is the meeting's own field: a name that says which meeting needs none
    if meeting.start:
        return f"{name} {_when(meeting)}"
    return f"{name} {_reported(facts)}"  # nothing else known: the article it comes from tells it apart


def name_tokens(name: str | None, *, heads: bool = True) -> set[str]:
    """The words of a name that tell meetings apart: no dates (those are compared as dates), no short words;
    without `heads`, no generic nouns either ("summit", "meeting")."""
    tokens = re.findall(r"[^\W_]+", fold(name or ""))
    return {t for t in tokens if len(t) > 2 and not t.isdigit() and t not in _MONTHS and (heads or t not in _HEAD_WORDS)}


_HEAD_WORDS = {w for head in GENERIC_HEADS for w in head.split()}
_MONTHS = {dt.date(2000, m, 1).strftime("%B").lower() for m in range(1, 13)}


def _people(meeting: Meeting, facts: ArticleFacts, gaz: Gazetteer) -> list[str]:
    """Short names ("Trump", "von der Leyen") of the people the article has at the meeting, hosts first."""
    names = {p.key: p.name for p in facts.persons}
    seen: list[str] = []
    for att in sorted((a for a in facts.attendances if a.meeting == meeting.key and a.person),
                      key=lambda a: a.role != "host"):
        short = gaz.short_name(att.person, names.get(att.person))
        if short not in seen:
            seen.append(short)
    return seen


def _is_person(text: str, facts: ArticleFacts, gaz: Gazetteer) -> bool:
    if text in gaz.person_names or gaz.people_by_surname(text):
        return True
    return any(text in (p.name, *p.aliases) or text == p.name.split()[-1] for p in facts.persons)


def _real_city(city: str | None, facts: ArticleFacts, gaz: Gazetteer) -> str | None:
    return None if not city or _is_person(city, facts, gaz) else city


def _starts_a_place(words: list[str], gaz: Gazetteer) -> bool:
    """"The Hague", "The Gambia": a leading "The" that belongs to the place."""
    two = " ".join(words[:2])
    return words[0] == "The" and (two in gaz.capitals or any(two in c.short_forms for c in gaz.countries.values()))


def _bare_head(name: str, city: str | None, meeting: Meeting, gaz: Gazetteer) -> str | None:
    """The generic noun a name comes down to ("summit" of "Summit in London"), None for a name of its own."""
    text = name.lower()
    for place in filter(None, (city, meeting.city, _place_phrase(None, meeting.country, gaz),
                               gaz.country_name(meeting.country) if meeting.country else None)):
        text = re.sub(rf"\s+in\s+{re.escape(place.lower())}$", "", text)
    text = re.sub(r"\s+in\s+\w+$", "", text) if len(text.split()) > 2 else text
    if not text:
        return "meeting"
    return text if text in GENERIC_HEADS else None


def _rebuilt(head: str, meeting: Meeting, people: list[str], gaz: Gazetteer) -> str:
    """Format, else (for a bilateral) the people, before the kind's noun: "Coalition of the Willing summit"."""
    if head in ("meeting", "meetings", "gathering", "get-together", "session") or meeting.kind == "video-call":
        head = KIND_HEAD.get(meeting.kind, "meeting")
    if meeting.format:
        return f"{gaz.org_name(meeting.format)} {head}"
    if meeting.kind == "bilateral" and people:
        return f"{'–'.join(people[:3])} {head}"
    return head


def _place_phrase(city: str | None, country: str | None, gaz: Gazetteer) -> str | None:
    """"London"; or a country as a sentence names it ("the United States", "the Netherlands")."""
    if city:
        return city
    if not country:
        return None
    entry = gaz.countries.get(country)
    if entry is None:
        return country
    the = "the " + entry.name
    return the if the in entry.short_forms or ("The " + entry.name) in entry.short_forms else entry.name


def _names_place(name: str, city: str | None, country: str | None, gaz: Gazetteer) -> bool:
    """Whether the name already says where (the city, the country, one of its names or its capital)."""
    folded = fold(name)
    forms = [city] if city else []
    if country and country in gaz.countries:
        entry = gaz.countries[country]
        forms += [entry.name, *entry.short_forms, *([] if city else entry.capitals)]
    return any(re.search(rf"(?<!\w){re.escape(fold(f))}(?!\w)", folded) for f in forms if f and len(f) > 2)


def _when(meeting: Meeting) -> str:
    day = meeting.start
    if meeting.date_precision == "month":
        return f"in {day:%B} {day.year}"
    if meeting.date_precision == "week":
        return f"in the week of {day.day} {day:%B} {day.year}"
    return f"on {day.day} {day:%B} {day.year}"


def _reported(facts: ArticleFacts) -> str:
    art = facts.article
    by = f" by {art.publisher}" if art.publisher else ""
    when = f" on {art.published.day} {art.published:%B} {art.published.year}" if art.published else ""
    return f"reported{by}{when}" if by or when else f"reported in {art.title or art.id}"


def _two_sided(meeting: Meeting, name: str) -> bool:
    """A two-sided meeting named by its sides ("Macron–Zelenskyy meeting"): the sides say which meeting it
    was, and its place is kept in its own field (a city in the name would make it read like the summit held
    there the same day)."""
    return meeting.kind == "bilateral" and "–" in name
