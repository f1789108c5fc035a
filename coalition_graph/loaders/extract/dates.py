"""Date expressions in news text, resolved against the article's publication date.

Handles absolute dates ("March 27", "27 March 2025", "Oct. 24", "April, 18"), months
("in February", "In October 2024"), weekdays ("on Tuesday", "Sunday's", "Earlier Friday"),
and relative expressions ("today", "yesterday", "this week", "last week", "earlier this month",
"next week"). Each match is a `DateMention` with its precision (day, week, month).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
             r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_DAY_RE = r"(?:[12]?\d|3[01])(?:st|nd|rd|th)?"
_WD_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# Words around a weekday or month name that put it after the publication date.
FUTURE_CUES = re.compile(
    r"\b(will|would|upcoming|next|set to|scheduled|plans? to|planned|ahead of|expected|to be held|due (?:to|in|at)|is to|are to|"
    r"meets|visits|meet|convenes?|opens|begins|runs|closes|ends|concludes|hosts|takes place|"
    r"from (?:today|tomorrow)(?: until| to| through)?)\b",
    re.I)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    date: dt.date
    precision: str  # day | week | month
    explicit: bool  # a calendar date written in the text (not relative to publication)


def _month_num(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def _closest_year(month: int, day: int, published: dt.date, future: bool) -> dt.date:
    """The year that puts month/day nearest the publication date, leaning past unless `future`."""
    cands = []
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            cands.append(dt.date(y, month, day))
        except ValueError:
            continue
    if not cands:
        return published

    def cost(d: dt.date) -> float:
        delta = (d - published).days
        if future:
            return abs(delta) + (200 if delta < -2 else 0)
        return abs(delta) + (200 if delta > 45 else 0)

    return min(cands, key=cost)


def _weekday(published: dt.date, wd: int, future: bool) -> dt.date:
    delta = (published.weekday() - wd) % 7
    if future:
        ahead = (wd - published.weekday()) % 7
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=delta)


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("md", re.compile(rf"\b(?P<m>{_MONTH_RE}),?\s+(?P<d>{_DAY_RE})\b(?:,?\s+(?P<y>(?:19|20)\d\d))?")),
    # "from 12 to 14 March", "on 27-28 June": a span of days of one month, dated by its first day
    ("dm", re.compile(rf"\b(?P<d>{_DAY_RE})\s*(?:-|–|—|to|and|until)\s*{_DAY_RE}\s+(?:of\s+)?(?P<m>{_MONTH_RE})\b"
                      rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?")),
    ("dm", re.compile(rf"\b(?P<d>{_DAY_RE})\s+(?:of\s+)?(?P<m>{_MONTH_RE})\b(?:,?\s+(?P<y>(?:19|20)\d\d))?")),
    ("month", re.compile(r"\b(?:in|since|during|by|from|of|until|for|before|after|around|till|to|and|between|"
                         r"early|late|mid-?)\s+(?:early\s+|late\s+|mid-?)?(?P<m>January|February|March|April|May|June|July|August|September|October|November|December)\b(?:\s+(?P<y>(?:19|20)\d\d))?", re.I)),
    # "since the June summit", "at their December meeting": a month naming the meeting it modifies
    ("month", re.compile(r"\b(?:the|a|an|its|their|this|last|next)\s+(?P<m>January|February|March|April|May|June|July|"
                         r"August|September|October|November|December)(?:\s+(?P<y>(?:19|20)\d\d))?"
                         r"(?=\s+(?:[\w\-]+\s+)?(?:summit|meeting|conference|talks|ministerial|gathering|session)\b)")),
    ("wd", re.compile(r"\b(?P<w>" + _WD_RE + r")(?:'s|’s)?\b")),
    ("rel", re.compile(r"\b(?P<r>today|tonight|this (?:morning|afternoon|evening)|yesterday|tomorrow|"
                       r"(?:earlier |later )?this week|last week|next week|(?:earlier |later )?this month|last month|next month)\b",
                       re.I)),
]


def find_dates(text: str, published: dt.date | None, offset: int = 0) -> list[DateMention]:
    """Every date expression in `text` (offsets shifted by `offset`)."""
    anchored = published is not None
    if published is None:  # nothing to resolve "Tuesday" or "March 27" against: only dates with a year count
        published = dt.date(2000, 1, 1)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            if not free(m.start(), m.end()):
                continue
            window = _own_sentence(text, max(0, m.start() - 100), m.start(), m.end(), m.end() + 40)
            future = bool(FUTURE_CUES.search(window))
            d = None
            precision = "day"
            explicit = False
            try:
                if kind in ("md", "dm"):
                    mon = _month_num(m.group("m"))
                    day = int(re.match(r"\d+", m.group("d")).group(0))
                    if m.group("y"):
                        d = dt.date(int(m.group("y")), mon, day)
                    else:
                        d = _closest_year(mon, day, published, future)
                    explicit = True
                elif kind == "month":
                    mon = _month_num(m.group("m"))
                    rel_year = re.match(r"\s+(last|next|this)\s+year\b", text[m.end():m.end() + 16], re.I)
                    if m.group("y"):
                        d = dt.date(int(m.group("y")), mon, 1)
                    elif rel_year:  # "in May last year", "in March next year"
                        d = dt.date(published.year + {"last": -1, "next": 1, "this": 0}[rel_year.group(1).lower()], mon, 1)
                    elif future:
                        d = dt.date(published.year + (mon < published.month), mon, 1)
                    else:  # past reading: the latest such month not after publication
                        d = dt.date(published.year - (mon > published.month), mon, 1)
                    precision = "month"
                    explicit = True
                elif kind == "wd":
                    wd = WEEKDAYS[m.group("w").lower()]
                    before = text[max(0, m.start() - 12): m.start()]
                    past_marker = re.search(r"\b(earlier|last|past)\s*$", before, re.I)
                    d = _weekday(published, wd, future and not past_marker)
                elif kind == "rel":
                    r = m.group("r").lower()
                    if r in ("today", "tonight") or r.startswith("this m") or r.startswith("this a") or r.startswith("this e"):
                        d = published
                    elif r == "yesterday":
                        d = published - dt.timedelta(days=1)
                    elif r == "tomorrow":
                        d = published + dt.timedelta(days=1)
                    elif r.endswith("this week"):
                        d, precision = _monday(published), "week"
                    elif r == "last week":
                        d, precision = _monday(published) - dt.timedelta(days=7), "week"
                    elif r == "next week":
                        d, precision = _monday(published) + dt.timedelta(days=7), "week"
                    elif r.endswith("this month"):
                        d, precision = published.replace(day=1), "month"
                    elif r == "last month":
                        d, precision = (published.replace(day=1) - dt.timedelta(days=1)).replace(day=1), "month"
                    elif r == "next month":
                        d, precision = (published.replace(day=28) + dt.timedelta(days=7)).replace(day=1), "month"
            except (ValueError, KeyError, OverflowError):
                d = None
            if d is None:
                continue
            if not anchored and not (kind in ("md", "dm", "month") and m.groupdict().get("y")):
                continue  # deterministic: never resolve against today's date
            s, e = m.start(), m.end()
            if kind == "month":  # keep only the month words, not the preposition
                s = m.start("m")
            taken.append((m.start(), m.end()))
            found.append(DateMention(s + offset, e + offset, text[s:e], d, precision, explicit))
    found.sort(key=lambda x: x.start)
    if anchored:
        found = _anchored_relatives(text, found, published, offset, free)
    # "Thursday, 30 January": the calendar date says it; drop the weekday
    out = []
    for i, f in enumerate(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        if f.precision == "day" and not f.explicit and nxt and nxt.explicit and 0 <= nxt.start - f.end <= 3:
            continue
        out.append(f)
    return out


_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# ("a day after Austin travelled" names its own anchor: left to the meeting rules)
RELATIVE_DAY_RX = re.compile(r"\b(?:(?P<n>a|one|two|three|four|five|six|seven)\s+(?P<u>days?|weeks?)\s+"
                             r"(?P<d>earlier|later)|the\s+(?P<t>previous day|next day|following day|day before(?=[,.;])))\b",
                             re.I)


def _anchored_relatives(text: str, found: list[DateMention], published: dt.date, offset: int, free) -> list[DateMention]:
    """"A day earlier", "two days later", "the previous day": counted from the day last written before them
    (the day the report is telling), else from publication. ("two days after the summit" names its own anchor
    and is left to the meeting rules.)"""
    out = list(found)
    for m in RELATIVE_DAY_RX.finditer(text):
        if not free(m.start(), m.end()):
            continue
        if m.group("t"):
            t = m.group("t").lower()
            sign, days = (-1 if t in ("day before", "previous day") else 1), 1
        else:
            days = _COUNTS[m.group("n").lower()] * (7 if m.group("u").lower().startswith("week") else 1)
            sign = -1 if m.group("d").lower() in ("earlier", "before") else 1
        # the day last written in the same paragraph; at a paragraph's start, the day of the lede's news
        para = text.rfind("\n\n", 0, m.start())
        written = [f for f in found if f.precision == "day"]
        same = [f for f in written if para < f.start - offset < m.start()]
        anchor = same[-1].date if same else \
            written[0].date if written and written[0].start - offset < m.start() else published
        out.append(DateMention(m.start() + offset, m.end() + offset, m.group(0), anchor + dt.timedelta(days=sign * days),
                               "day", False))
    return sorted(out, key=lambda x: x.start)


def _own_sentence(text: str, lo: int, start: int, end: int, hi: int) -> str:
    """text[lo:hi] cut to the sentence of start..end: a cue in the sentence before or after ("The group is next
    due to meet …") says nothing of this date."""
    before = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start))
    after = [p for p in (text.find(". ", end, hi), text.find("\n", end, hi)) if p != -1]
    return text[(before + 1 if before != -1 else lo):(min(after) + 1 if after else hi)]


def past_weekdays_by_parse(dates: list[DateMention], analysis, published: dt.date | None) -> list[DateMention]:
    """A weekday read as coming ("on Thursday") for a future word near it, where the parse hangs it on a verb
    in the past tense ("… will give Lebanon €1bn, von der Leyen announced on Thursday, in a package that will
    help …"): the past day. `analysis` is the article's linguistic analysis (or None: unchanged)."""
    if analysis is None or published is None:
        return dates
    out = []
    for x in dates:
        wd = WEEKDAYS.get(x.text.strip().lower())
        t = analysis.token_at(x.start) if wd is not None and x.date > published else None
        # the clause's finite verb: through participles on a noun ("Arab leaders meeting in Cairo on Tuesday
        # adopted …"), to the verb or auxiliary that bears the tense
        v = next((y for y in analysis.ancestors(t.i) if y.pos in ("VERB", "AUX") and (
            y.tag not in ("VBG", "VBN", "VB") or y.head == y.i or
            any(c.dep in ("aux", "auxpass") for c in analysis.children(y.i)))), None) if t is not None else None
        auxes = [c for c in analysis.children(v.i) if c.dep in ("aux", "auxpass")] if v is not None else []
        past = v is not None and (v.tag == "VBD" or any(c.tag == "VBD" for c in auxes))
        if past and not any(c.lower in ("will", "would", "'ll") for c in auxes):
            x = DateMention(x.start, x.end, x.text, _weekday(published, wd, False), x.precision, x.explicit)
        out.append(x)
    return out
