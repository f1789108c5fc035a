"""The gazetteer: countries, organizations, people and their offices, read from TSV files.

The data lives in `gazetteer_data/` beside this module (format in notes/contracts.md):
countries.tsv, organizations.tsv, people.tsv, offices.tsv — UTF-8, a header line,
`|` between list items, `#` comment lines. Users extend the gazetteer by editing those
files; nothing here is specific to one article.

`load_gazetteer()` is cached: extraction calls it once per process.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "gazetteer_data"

OFFICE_KINDS = (
    "head_of_state", "head_of_government", "foreign_minister", "defence_minister",
    "org_head", "deputy_head_of_government", "other",
)


def slugify(text: str) -> str:
    """'Jonas Gahr Støre' -> 'jonas-gahr-store' (ASCII, lowercase, hyphens)."""
    text = unicodedata.normalize("NFKD", text.replace("ø", "o").replace("Ø", "O").replace("ß", "ss"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def fold(text: str) -> str:
    """Case- and accent-insensitive form used to compare names."""
    return slugify(text).replace("-", " ")


def normalize_title(title: str) -> str:
    """'Secretary-General' / 'secretary general' / 'Defense Minister' -> one comparable form."""
    t = title.lower().replace("-", " ").replace("defense", "defence").replace("’", "'")
    t = re.sub(r"\bminister for\b", "minister of", t)
    t = re.sub(r"^pm$", "prime minister", t.strip())  # the headline abbreviation
    return re.sub(r"\s+", " ", t).strip()


@dataclass
class CountryEntry:
    iso3: str
    name: str
    short_forms: list[str]
    demonyms: list[str]
    capitals: list[str]


@dataclass
class OrgEntry:
    key: str
    name: str
    aliases: list[str]
    kind: str | None
    wikidata: str | None


@dataclass
class OfficeEntry:
    person: str
    office: str
    title: str
    of: str
    start: dt.date | None
    end: dt.date | None

    def holds_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class PersonEntry:
    key: str
    name: str
    aliases: list[str]
    wikidata: str | None
    offices: list[OfficeEntry] = field(default_factory=list)

    @property
    def surname(self) -> str:
        return surname_of(self.name)


_PARTICLES = {"von", "der", "van", "de", "da", "di", "del", "la", "le", "du", "den", "ter", "bin", "al"}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def surname_of(name: str) -> str:
    """The family name as news use it alone: 'Ursula von der Leyen' -> 'von der Leyen'."""
    toks = [t for t in name.split() if t.lower().strip(",") not in _SUFFIXES]
    if not toks:
        return name
    i = len(toks) - 1
    while i > 0 and toks[i - 1].lower() in _PARTICLES:
        i -= 1
    return " ".join(toks[i:])


def split_cell(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


def _date(cell: str | None) -> dt.date | None:
    cell = (cell or "").strip()
    if not cell:
        return None
    try:
        return dt.date.fromisoformat(cell[:10])
    except ValueError:
        return None


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV file as dicts; comments and blank lines skipped; a missing file is empty."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        return []
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in reader]


class Gazetteer:
    """Lookup tables over the TSV data."""

    def __init__(self, data_dir: Path = DATA_DIR):
        self.data_dir = data_dir
        self.countries: dict[str, CountryEntry] = {}
        self.orgs: dict[str, OrgEntry] = {}
        self.people: dict[str, PersonEntry] = {}
        self.offices: list[OfficeEntry] = []
        for r in read_tsv(data_dir / "countries.tsv"):
            iso = r.get("iso3", "").upper()
            if len(iso) == 3:
                self.countries[iso] = CountryEntry(iso, r.get("name", iso), split_cell(r.get("short_forms")),
                                                   split_cell(r.get("demonyms")), split_cell(r.get("capitals")))
        for r in read_tsv(data_dir / "organizations.tsv"):
            if r.get("key"):
                self.orgs[r["key"]] = OrgEntry(r["key"], r.get("name") or r["key"], split_cell(r.get("aliases")),
                                               r.get("kind") or None, r.get("wikidata") or None)
        for r in read_tsv(data_dir / "people.tsv"):
            if r.get("key") and r.get("name"):
                self.people[r["key"]] = PersonEntry(r["key"], r["name"], split_cell(r.get("aliases")),
                                                    r.get("wikidata") or None)
        for r in read_tsv(data_dir / "offices.tsv"):
            if not r.get("person_key") or not r.get("of"):
                continue
            o = OfficeEntry(r["person_key"], r.get("office") or "other", r.get("title") or "",
                            r["of"], _date(r.get("start")), _date(r.get("end")))
            self.offices.append(o)
            if o.person in self.people:
                self.people[o.person].offices.append(o)
        self._index()

    # ------------------------------------------------------------ indexes
    def _index(self) -> None:
        # surface form -> iso3, case-sensitive (so "US" is not "us")
        self.country_names: dict[str, str] = {}
        self.country_demonyms: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        for c in self.countries.values():
            for n in [c.name, *c.short_forms]:
                self.country_names.setdefault(n, c.iso3)
                if n.startswith("the "):
                    self.country_names.setdefault("The " + n[4:], c.iso3)
            for d in c.demonyms:
                self.country_demonyms.setdefault(d, c.iso3)
            for cap in c.capitals:
                self.capitals.setdefault(cap, c.iso3)
        self.org_names: dict[str, str] = {}
        for o in self.orgs.values():
            for n in [o.name, *o.aliases]:
                self.org_names.setdefault(n, o.key)
        self.person_names: dict[str, str] = {}  # exact full name / alias -> key
        self.surnames: dict[str, list[str]] = {}  # folded surname -> keys
        for p in self.people.values():
            for n in [p.name, *p.aliases]:
                self.person_names.setdefault(n, p.key)
                if len(n.split()) >= 2:
                    self.surnames.setdefault(fold(surname_of(n)), [])
                    if p.key not in self.surnames[fold(surname_of(n))]:
                        self.surnames[fold(surname_of(n))].append(p.key)
                else:  # a one-word alias ("Zelensky") is a surname form
                    self.surnames.setdefault(fold(n), [])
                    if p.key not in self.surnames[fold(n)]:
                        self.surnames[fold(n)].append(p.key)

    # ------------------------------------------------------------ lookups
    def country_name(self, iso3: str) -> str:
        c = self.countries.get(iso3)
        return c.name if c else iso3

    def org_name(self, key: str) -> str:
        o = self.orgs.get(key)
        return o.name if o else key

    def capital_of(self, iso3: str) -> str | None:
        c = self.countries.get(iso3)
        return c.capitals[0] if c and c.capitals else None

    def holders(self, of: str, office_kinds: set[str] | None, titles: set[str] | None,
                day: dt.date | None) -> list[str]:
        """Person keys holding an office of `of` on `day`, by office kind or normalized title."""
        out: list[str] = []
        for o in self.offices:
            if o.of != of or not o.holds_on(day):
                continue
            if (office_kinds and o.office in office_kinds) or (titles and normalize_title(o.title) in titles):
                if o.person not in out:
                    out.append(o.person)
        return out

    def offices_of(self, person: str, day: dt.date | None) -> list[OfficeEntry]:
        p = self.people.get(person)
        if not p:
            return []
        current = [o for o in p.offices if o.holds_on(day)]
        return current

    def short_name(self, key: str, name: str | None = None) -> str:
        """How news names a person in a headline ("Xi", "Lula", "Charles III", "von der Leyen", "Macron"):
        a one-word alias that is a word of the full name, else the name with a regnal number, else from a
        surname particle on ("von der Leyen"), else the whole name where "bin"/"ibn" marks a patronym, else
        the last word."""
        p = self.people.get(key)
        full = name or (p.name if p else key)
        words = full.split()
        if p:
            one_word = [a for a in p.aliases if " " not in a and a in words]
            if one_word:
                return one_word[0]
        if len(words) < 2:
            return full
        if re.fullmatch(r"[IVX]+", words[-1]):
            return " ".join(words[-2:])  # "Charles III", "Abdullah II"
        lowered = [i for i, w in enumerate(words) if w.lower() in ("bin", "bint", "ibn")]
        if lowered:
            return full  # "Mohammed bin Salman"
        # (capitalised too: "Alexander De Croo" is "De Croo", "Alexander Van der Bellen" is "Van der Bellen")
        particle = next((i for i, w in enumerate(words[1:-1], 1) if w.lower() in ("von", "van", "de", "der", "da", "di", "al")),
                        None)
        if particle is not None:
            return " ".join(words[particle:])
        return words[-1]

    def people_by_surname(self, surname: str) -> list[str]:
        return list(self.surnames.get(fold(surname), []))


@functools.lru_cache(maxsize=4)
def load_gazetteer(data_dir: Path | None = None) -> Gazetteer:
    return Gazetteer(data_dir or DATA_DIR)
