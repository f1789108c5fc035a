"""Country, organization and place mentions found with the gazetteer.

Countries are found by name, short form, demonym and capital (capital as metonym for
the government: "Paris hosted", "Berlin would send"); organizations by name and alias.
Venues and non-capital cities come from `data/places.tsv` beside this module.
"""
from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from coalition_graph.loaders.gazetteer import Gazetteer

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    text: str
    iso3: str
    form: str  # name | demonym | capital | possessive


@dataclass(frozen=True)
class OrgMention:
    start: int
    end: int
    text: str
    key: str


@dataclass(frozen=True)
class Place:
    name: str        # the place as a meeting's `city` ("Washington", "Ramstein")
    kind: str        # city | venue | region
    city: str | None
    iso3: str | None


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.lru_cache(maxsize=4)
def load_places(gaz: Gazetteer) -> dict[str, Place]:
    """Surface form -> Place: capitals from the gazetteer plus data/places.tsv (read once a gazetteer; callers
    only read the table)."""
    places: dict[str, Place] = {}
    for c in gaz.countries.values():
        for cap in c.capitals:
            city = cap.split(",")[0].strip()  # "Washington, D.C." -> "Washington"
            places.setdefault(cap, Place(city, "city", city, c.iso3))
    path = DATA / "places.tsv"
    if path.exists():
        with path.open(encoding="utf-8") as f:
            lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
        for r in csv.DictReader(lines, delimiter="\t"):
            kind = (r.get("kind") or "city").strip()
            city = (r.get("city") or "").strip() or (r["name"].strip() if kind == "city" else None)
            place = Place(city or r["name"].strip(), kind, city, (r.get("iso3") or "").strip() or None)
            for form in [r["name"], *((r.get("aliases") or "").split("|"))]:
                if form.strip():
                    places[form.strip()] = place
    for form, place in list(places.items()):  # "Belem" for "Belém", "Bogota" for "Bogotá": written both ways
        places.setdefault(unaccented(form), place)
    return places


def unaccented(text: str) -> str:
    """The text without its diacritics ("Belém" -> "Belem")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class Matcher:
    """Finds country, organization and place mentions in a text."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        self.places = load_places(gaz)
        # (a word that is both, "Myanmar", is the country's name: "Myanmar was represented by …")
        names = {**{k: ("demonym", v) for k, v in gaz.country_demonyms.items()},
                 **{k: ("name", v) for k, v in gaz.country_names.items()}}
        # capitals are found as places; a capital also names its government
        self._country_forms = names
        self._country_rx = re.compile(rf"(?<![\w.])(?:{_alternation(names)})(?![\w])") if names else None
        org_cs = [n for n in gaz.org_names if len(n.split()) == 1]
        org_ci = [n for n in gaz.org_names if len(n.split()) > 1]
        self._org_lower = {n.lower(): k for n, k in gaz.org_names.items()}
        self._org_rx_cs = re.compile(rf"(?<![\w])(?:{_alternation(org_cs)})(?![\w])") if org_cs else None
        self._org_rx_ci = re.compile(rf"(?<![\w])(?:{_alternation(org_ci)})(?![\w])", re.I) if org_ci else None
        self._place_rx = re.compile(rf"(?<![\w])(?:{_alternation(self.places)})(?![\w])") if self.places else None

    def countries(self, text: str) -> list[CountryMention]:
        out: list[CountryMention] = []
        if self._country_rx:
            for m in self._country_rx.finditer(text):
                s = m.group(0)
                # "U.S." at a sentence end eats the full stop; fine. "US" inside a word is excluded above.
                form, iso = self._country_forms[s]
                tail = text[m.end(): m.end() + 2]
                if form == "name" and tail in ("'s", "’s") or (form == "name" and s.endswith("s") and tail[:1] in ("'", "’")):
                    form = "possessive"
                out.append(CountryMention(m.start(), m.end(), s, iso, form))
        return out

    def orgs(self, text: str) -> list[OrgMention]:
        out: list[OrgMention] = []
        spans: list[tuple[int, int]] = []
        for rx in (self._org_rx_ci, self._org_rx_cs):
            if not rx:
                continue
            for m in rx.finditer(text):
                if any(not (m.end() <= a or m.start() >= b) for a, b in spans):
                    continue
                key = self._org_lower.get(m.group(0).lower())
                if key:
                    spans.append((m.start(), m.end()))
                    out.append(OrgMention(m.start(), m.end(), m.group(0), key))
        out.sort(key=lambda x: x.start)
        return out

    def place_mentions(self, text: str) -> list[PlaceMention]:
        if not self._place_rx:
            return []
        return [PlaceMention(m.start(), m.end(), m.group(0), self.places[m.group(0)])
                for m in self._place_rx.finditer(text)]
