"""One article prepared for the rules: sentences and every mention found in it, with offsets."""
from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from coalition_graph.loaders.extract.amounts import Money, find_money
from coalition_graph.loaders.extract.analysis import Analysis, analyse
from coalition_graph.loaders.extract.dates import DateMention, find_dates, past_weekdays_by_parse
from coalition_graph.loaders.extract.people import PeopleFinder, PersonInfo, PersonMention
from coalition_graph.loaders.extract.places import CountryMention, Matcher, OrgMention, Place, PlaceMention, unaccented
from coalition_graph.loaders.extract.text import Sentence, paragraphs, sentences
from coalition_graph.loaders.gazetteer import Gazetteer, load_gazetteer
from coalition_graph.schema.models import Article, Evidence


@functools.lru_cache(maxsize=2)
def _matcher(gaz: Gazetteer) -> Matcher:
    return Matcher(gaz)


# a wire dateline opening the text: "KYIV, Ukraine, May 3 -", "LONDON -", "RAMSTEIN AIR BASE, Germany -"
_DATELINE = re.compile(r"(?P<city>[A-Z][A-Z.'\- ]{2,40}?)(?:,\s*(?P<country>[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2}))?"
                       r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s+[-–—]\s")


def _dateline(text: str, m: Matcher, gaz: Gazetteer) -> PlaceMention | None:
    """The place of a dateline, written in capitals at the very start: where the reporter files from."""
    d = _DATELINE.match(text)
    if not d:
        return None
    name = d.group("city").strip().title()
    known = m.places.get(name) or next((p for f, p in m.places.items() if f.lower() == name.lower()), None)
    if known is None:
        iso = None
        if d.group("country"):
            iso = next((c.iso3 for c in m.countries(d.group("country")) if c.form == "name"), None)
        if iso is None:
            return None  # an all-caps opening that names no country: not sure it is a place
        known = Place(name, "city", name, iso)
    return PlaceMention(d.start("city"), d.start("city") + len(d.group("city").rstrip()), d.group("city").strip(), known)


def _recognised_cities(analysis: Analysis, places, countries, orgs) -> list[PlaceMention]:
    """Places the entity recogniser names that no list knows ("Johannesburg, South Africa", "Wilmington"):
    a city, in the country written right after it where there is one."""
    taken = [(x.start, x.end) for x in [*places, *countries, *orgs]]
    out = []
    spelled: dict[str, str] = {}
    for e in analysis.entities:
        if e.label != "GPE" or not e.text[:1].isupper() or any(a < e.end and e.start < b for a, b in taken):
            continue
        if " " in e.text.strip() and e.text.split()[0].lower() in ("the", "a"):
            continue
        last = analysis.tokens[e.last]
        if last.dep in ("amod", "compound") and analysis.tokens[last.head].lemma in ("capital", "region", "city",
                                                                                     "republic", "province"):
            continue  # "the Tatar capital" names the capital by its region: not a city called "Tatar"
        iso = next((c.iso3 for c in countries if c.form == "name" and 0 < c.start - e.end <= 3
                    and analysis.text[e.end:c.start].strip() == ","), None)
        # one city however the article spells it ("Belém" … "Belem"): its first spelling
        name = spelled.setdefault(unaccented(e.text).lower(), e.text)
        out.append(PlaceMention(e.start, e.end, e.text, Place(name, "city", name, iso)))
    return out + _said_again(analysis.text, out, taken)


def _said_again(text: str, found: list[PlaceMention], taken: list[tuple[int, int]]) -> list[PlaceMention]:
    """The other places in the text where a city the recogniser named once is written again, with or without
    its diacritics (the recogniser reads each sentence apart and misses some: "in Belém on Thursday")."""
    if not found:
        return []
    # one character for one, so that positions in the folded text are positions in the text
    folded = "".join(f if len(f := unaccented(c)) == 1 else c for c in text).lower()
    spans = taken + [(p.start, p.end) for p in found]
    out = []
    for name, place in {unaccented(p.text).lower(): p.place for p in found}.items():
        for m in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", folded):
            if text[m.start()].isupper() and not any(a < m.end() and m.start() < b for a, b in spans):
                out.append(PlaceMention(m.start(), m.end(), text[m.start():m.end()], place))
                spans.append((m.start(), m.end()))
    return out


@dataclass(frozen=True)
class Near:
    persons: list
    countries: list
    places: list


@dataclass
class Doc:
    article: Article
    gaz: Gazetteer
    text: str
    published: dt.date | None
    sentences: list[Sentence]
    countries: list[CountryMention]
    orgs: list[OrgMention]
    places: list[PlaceMention]
    dates: list[DateMention]
    money: list[Money]
    persons: list[PersonMention]
    people: dict[str, PersonInfo]
    analysis: Analysis | None = None
    _starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, article: Article, gaz: Gazetteer | None = None, analysis: Analysis | None = None) -> "Doc":
        gaz = gaz or load_gazetteer()
        analysis = analysis if analysis is not None and analysis.text == article.text else analyse(article.text)
        m = _matcher(gaz)
        text = article.text
        countries = m.countries(text)
        orgs = m.orgs(text)
        places = m.place_mentions(text)
        line = _dateline(text, m, gaz)
        if line and not any(p.start < line.end for p in places):
            places = [line] + places
        # a country name inside an organization name ("Ukraine Defense Contact Group") is not the country
        countries = [c for c in countries if not any(o.start <= c.start and c.end <= o.end for o in orgs)]
        places = places + _recognised_cities(analysis, places, countries, orgs)
        places.sort(key=lambda p: p.start)
        persons, people = PeopleFinder(gaz, text, article.published, countries, orgs, analysis).run()
        # a place inside a person's written name ("Paraguayan President Santiago Peña") is no place
        names = [(p.start, p.end) for p in persons if p.via in ("name", "surname")]
        places = [pl for pl in places if not any(a <= pl.start and pl.end <= b for a, b in names)]
        sents = sentences(text)
        doc = cls(article, gaz, text, article.published, sents, countries, orgs, places,
                  past_weekdays_by_parse(find_dates(text, article.published), analysis, article.published),
                  find_money(text), persons, people, analysis)
        doc._starts = [s.start for s in sents]
        return doc

    # ------------------------------------------------------------ positions
    def mentions_near(self, start: int, end: int) -> "Near":
        """The person, country and place mentions that can overlap start..end (an index, not a scan: the
        parse rules ask this for every noun they look at)."""
        index = self.__dict__.get("_near_index")
        if index is None:
            index = self.__dict__["_near_index"] = {
                name: (sorted(items, key=lambda x: x.start), [x.start for x in sorted(items, key=lambda x: x.start)])
                for name, items in (("persons", self.persons), ("countries", self.countries), ("places", self.places))}
        reach = 160  # no mention (a title with a name included) is longer than this

        def pick(name: str) -> list:
            items, starts = index[name]
            return items[bisect_left(starts, start - reach):bisect_right(starts, end + reach)]

        return Near(pick("persons"), pick("countries"), pick("places"))

    def recognised_org(self, lo: int, hi: int) -> str | None:
        """An organization the entity recogniser names in lo..hi that no list knows ("the Gates Foundation"):
        its key (a slug of the name as written, kept in `named_orgs` for its name), or None."""
        if self.analysis is None:
            return None
        for e in self.analysis.entities:
            if e.label != "ORG" or not (lo <= e.start < hi) or any(o.start < e.end and e.start < o.end for o in self.orgs):
                continue
            name = re.sub(r"^(?:the|The)\s+", "", e.text.strip())
            words = name.split()
            if not words or not all(w[:1].isupper() or w in ("of", "for", "and", "&") for w in words) or \
                    (len(words) == 1 and not (name.isupper() and len(name) >= 3)):
                continue  # a single capitalised word is too often a misread name
            key = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            self.__dict__.setdefault("named_orgs", {})[key] = name
            return key
        return None

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect_right(self._starts, pos) - 1
        if 0 <= i < len(self.sentences) and self.sentences[i].start <= pos <= self.sentences[i].end:
            return self.sentences[i]
        return None

    @staticmethod
    def within(items, start: int, end: int):
        return [x for x in items if start <= x.start and x.end <= end]

    def evidence(self, sent: Sentence, rule: str) -> Evidence:
        return Evidence(article_id=self.article.id, sentence=sent.text, start=sent.start, end=sent.end, rule=rule)

    def person_at(self, start: int, end: int) -> list[PersonMention]:
        return [p for p in self.persons if start <= p.start and p.end <= end]

    def paragraph_bounds(self) -> list[tuple[int, int]]:
        return [(p.start, p.end) for p in paragraphs(self.text)]

    def _country_in_noun_phrase(self, key: str) -> str | None:
        """A country that modifies a name in its own noun phrase, by the parse: "Nigerian President Bola
        Tinubu", "Iran's First Vice President Mohammad Reza Aref"."""
        if self.analysis is None:
            return None
        from coalition_graph.loaders.extract.syntax import Syntax

        syn = Syntax(self.analysis)
        for m in self.persons:
            if m.key != key or m.via != "name":
                continue
            toks = self.analysis.tokens_in(m.start, m.end)
            inside = {t.i for t in toks}
            head = next((t for t in toks if t.head not in inside), None)
            if head is None:
                continue
            lo, _hi = syn.np_span(head)
            found = [c for c in self.countries if lo <= c.start < m.start and c.form in ("demonym", "possessive", "name")]
            if found:
                return found[-1].iso3
        return None

    def country_of_person(self, key: str, day: dt.date | None = None) -> tuple[str | None, str | None]:
        """(country ISO3, organization key) a person represents: as written in the article, else the gazetteer."""
        info = self.people.get(key)
        if info:
            for _title, of, _s, _e in info.stated:
                if of in self.gaz.countries:
                    return of, None
            for _title, of, _s, _e in info.stated:
                if of in self.gaz.orgs:
                    return None, of
        for m in self.persons:
            if m.key == key and m.of:
                if m.of in self.gaz.countries:
                    return m.of, None
        offices = self.gaz.offices_of(key, day or self.published)
        if not offices:  # the lists win where they know the person ("US envoy to Ukraine Keith Kellogg")
            written = self._country_in_noun_phrase(key)
            if written:
                return written, None
        if not offices:  # "Trump" as president-elect, a former minister: the country of the office nearest in time
            offices = self._nearest_offices(key, day or self.published)
        rank = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2, "defence_minister": 3,
                "deputy_head_of_government": 4, "org_head": 5, "other": 6}
        for o in sorted(offices, key=lambda o: rank.get(o.office, 9)):
            if o.of in self.gaz.countries:
                return o.of, None
            return None, o.of
        return None, None

    def _nearest_offices(self, key: str, day: dt.date | None) -> list:
        p = self.gaz.people.get(key)
        if not p or not p.offices or day is None:
            return []

        def distance(o) -> int:
            if o.start and day < o.start:
                return (o.start - day).days
            return (day - o.end).days if o.end and day > o.end else 0

        best = min(distance(o) for o in p.offices)
        return [o for o in p.offices if distance(o) == best and o.of in self.gaz.countries]
