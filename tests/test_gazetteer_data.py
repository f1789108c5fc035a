"""Integrity checks for the hand-curated gazetteer TSV files (loaders/gazetteer_data/).

These read the files directly, with the format the contract describes (UTF-8, tab-separated, a header line,
"|" inside cells, "#" comment lines), so a user who edits the data gets a precise failure message.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

DATA = Path(__file__).resolve().parents[1] / "coalition_graph" / "loaders" / "gazetteer_data"

HEADERS = {
    "countries.tsv": ["iso3", "name", "short_forms", "demonyms", "capitals"],
    "organizations.tsv": ["key", "name", "aliases", "kind", "wikidata"],
    "people.tsv": ["key", "name", "aliases", "wikidata"],
    "offices.tsv": ["person_key", "office", "title", "of", "start", "end"],
}
ORG_KINDS = {"alliance", "union", "institution", "format", "agency", "initiative", "company", "ngo"}
OFFICE_KINDS = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "org_head",
                "deputy_head_of_government", "other"}
SINGLE_SEAT = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}
# Hand-overs are often recorded with the outgoing holder's last day and the incoming holder's first day a day or
# two apart or the same; anything longer is a data error unless listed below with its reason.
MAX_OVERLAP_DAYS = 3
OVERLAP_ALLOWED: dict[frozenset[str], str] = {
    # frozenset({"person-a", "person-b"}): "why both held the seat at once",
}
NATO_MEMBERS = ("ALB BEL BGR CAN HRV CZE DNK EST FIN FRA DEU GRC HUN ISL ITA LVA LTU LUX MNE NLD MKD NOR POL PRT "
                "ROU SVK SVN ESP SWE TUR GBR USA").split()
EU_MEMBERS = "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE".split()
OTHER_COVERED = "UKR RUS CHE AUS NZL JPN KOR MDA GEO BLR".split()
QID = re.compile(r"^Q\d+$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Aliases deliberately shared by two people (empty: none yet). Format: alias -> reason.
SHARED_PERSON_ALIASES: dict[str, str] = {}

_SPECIAL = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                          "Æ": "AE", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i", "œ": "oe"})


def slugify(name: str) -> str:
    """Lowercase ASCII words joined by '-': 'Władysław Kosiniak-Kamysz' -> 'wladyslaw-kosiniak-kamysz'."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name.translate(_SPECIAL)) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def read_rows(filename: str) -> list[dict[str, str]]:
    """Rows of one gazetteer file as dicts, skipping comment lines; checks the header and the cell count."""
    lines = (DATA / filename).read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == HEADERS[filename], f"{filename}: header must be {HEADERS[filename]}"
    rows = []
    for lineno, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        assert len(cells) == len(HEADERS[filename]), f"{filename}:{lineno}: {len(cells)} cells: {line!r}"
        assert all(c == c.strip() for c in cells), f"{filename}:{lineno}: stray spaces around a cell"
        rows.append({**dict(zip(HEADERS[filename], cells)), "_line": str(lineno)})
    return rows


def split_list(cell: str) -> list[str]:
    return [x for x in cell.split("|")] if cell else []


@pytest.fixture(scope="module")
def countries() -> list[dict[str, str]]:
    return read_rows("countries.tsv")


@pytest.fixture(scope="module")
def orgs() -> list[dict[str, str]]:
    return read_rows("organizations.tsv")


@pytest.fixture(scope="module")
def people() -> list[dict[str, str]]:
    return read_rows("people.tsv")


@pytest.fixture(scope="module")
def offices() -> list[dict[str, str]]:
    return read_rows("offices.tsv")


def test_files_are_utf8_with_no_csv_quoting_surprises() -> None:
    for filename in HEADERS:
        text = (DATA / filename).read_text(encoding="utf-8")
        assert "\r" not in text, f"{filename}: use LF line endings"
        # csv's own TSV reader must see the same cells as a plain split (no quote characters opening fields).
        data = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
        for parsed, raw in zip(csv.reader(data, delimiter="\t", quoting=csv.QUOTE_NONE), data):
            assert parsed == raw.split("\t")


def test_list_cells_have_no_empty_or_duplicate_items(countries, orgs, people) -> None:
    for filename, rows, cols in [("countries.tsv", countries, ["short_forms", "demonyms", "capitals"]),
                                 ("organizations.tsv", orgs, ["aliases"]), ("people.tsv", people, ["aliases"])]:
        for row in rows:
            for col in cols:
                items = split_list(row[col])
                assert all(i.strip() == i and i for i in items), f"{filename}:{row['_line']} {col}: empty/padded item"
                assert len(items) == len(set(items)), f"{filename}:{row['_line']} {col}: duplicate item"


def test_countries_cover_every_iso_country(countries) -> None:
    iso3 = [r["iso3"] for r in countries]
    assert len(iso3) == len(set(iso3)), "duplicate iso3"
    assert set(iso3) == {c.alpha_3 for c in pycountry.countries}
    for r in countries:
        assert r["name"], f"countries.tsv:{r['_line']}: empty name"


def test_key_countries_have_demonyms_and_capitals(countries) -> None:
    by_iso = {r["iso3"]: r for r in countries}
    expected = {"GBR": ("British", "London", "UK"), "USA": ("American", "Washington", "U.S."),
                "UKR": ("Ukrainian", "Kyiv", None), "NLD": ("Dutch", "The Hague", "Holland"),
                "TUR": ("Turkish", "Ankara", "Turkey"), "CZE": ("Czech", "Prague", "Czech Republic"),
                "KOR": ("South Korean", "Seoul", "Republic of Korea"), "POL": ("Polish", "Warsaw", None)}
    for iso, (demonym, capital, short) in expected.items():
        row = by_iso[iso]
        assert demonym in split_list(row["demonyms"])
        assert capital in split_list(row["capitals"])
        if short:
            assert short in split_list(row["short_forms"])
    # Countries whose governments this news is about all have a demonym and a capital.
    for iso in sorted(set(NATO_MEMBERS) | set(EU_MEMBERS) | set(OTHER_COVERED)):
        assert by_iso[iso]["demonyms"] and by_iso[iso]["capitals"], iso
    # Territories and the few states noted in the file's comments may lack a demonym; nobody else.
    missing = [r["iso3"] for r in countries if not r["demonyms"]]
    assert len(missing) < 15, missing


def test_country_names_are_unambiguous(countries) -> None:
    owner: dict[str, str] = {}
    for r in countries:
        for form in [r["name"], *split_list(r["short_forms"]), *split_list(r["demonyms"])]:
            prev = owner.setdefault(form.casefold(), r["iso3"])
            assert prev == r["iso3"], f"{form!r} names both {prev} and {r['iso3']}"


def test_organizations(orgs) -> None:
    keys = [r["key"] for r in orgs]
    assert len(keys) == len(set(keys)), "duplicate organization key"
    alias_owner: dict[str, str] = {}
    for r in orgs:
        assert SLUG.match(r["key"]), f"organizations.tsv:{r['_line']}: key {r['key']!r} is not a slug"
        assert r["kind"] in ORG_KINDS, f"organizations.tsv:{r['_line']}: kind {r['kind']!r}"
        assert r["name"]
        assert not r["wikidata"] or QID.match(r["wikidata"]), f"organizations.tsv:{r['_line']}: bad QID"
        for form in [r["name"], *split_list(r["aliases"])]:
            prev = alias_owner.setdefault(form, r["key"])
            assert prev == r["key"], f"{form!r} names both {prev} and {r['key']}"
        assert r["name"] not in split_list(r["aliases"])
    for required in ["nato", "european-union", "european-commission", "coalition-of-the-willing",
                     "ukraine-defense-contact-group", "purl", "g7", "era-loans", "drone-coalition"]:
        assert required in keys
    udcg = next(r for r in orgs if r["key"] == "ukraine-defense-contact-group")
    assert {"UDCG", "Ramstein format", "Ramstein group"} <= set(split_list(udcg["aliases"]))


def test_people(people) -> None:
    keys = [r["key"] for r in people]
    assert len(keys) == len(set(keys)), "duplicate person key"
    alias_owner: dict[str, str] = {}
    for r in people:
        assert r["key"] == slugify(r["name"]), f"people.tsv:{r['_line']}: key should be {slugify(r['name'])!r}"
        assert not r["wikidata"] or QID.match(r["wikidata"]), f"people.tsv:{r['_line']}: bad QID {r['wikidata']!r}"
        assert r["name"] not in split_list(r["aliases"])
        for form in [r["name"], *split_list(r["aliases"])]:
            prev = alias_owner.setdefault(form, r["key"])
            assert prev == r["key"] or form in SHARED_PERSON_ALIASES, f"{form!r} names both {prev} and {r['key']}"
    qids = [r["wikidata"] for r in people if r["wikidata"]]
    assert len(qids) == len(set(qids)), "two people share a QID"
    zelenskyy = next(r for r in people if r["key"] == "volodymyr-zelenskyy")
    assert {"Zelensky", "Zelenskiy"} <= set(split_list(zelenskyy["aliases"]))


def test_names_do_not_cross_file_boundaries(countries, orgs, people) -> None:
    """A string that names a country must not also name a person or an organization (and vice versa)."""
    def forms(rows, cols):
        return {f: r for r in rows for c in cols for f in ([r[c]] if c == "name" else split_list(r[c]))}
    country_forms = forms(countries, ["name", "short_forms", "demonyms", "capitals"])
    org_forms = forms(orgs, ["name", "aliases"])
    person_forms = forms(people, ["name", "aliases"])
    assert not set(person_forms) & set(country_forms), set(person_forms) & set(country_forms)
    assert not set(person_forms) & set(org_forms), set(person_forms) & set(org_forms)
    assert not set(org_forms) & set(country_forms), set(org_forms) & set(country_forms)


def _date(value: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise AssertionError(f"{where}: {value!r} is not YYYY-MM-DD") from None


def test_offices_reference_known_people_and_places(offices, people, countries, orgs) -> None:
    person_keys = {r["key"] for r in people}
    places = {r["iso3"] for r in countries} | {r["key"] for r in orgs}
    for r in offices:
        where = f"offices.tsv:{r['_line']}"
        assert r["person_key"] in person_keys, f"{where}: unknown person {r['person_key']!r}"
        assert r["office"] in OFFICE_KINDS, f"{where}: office {r['office']!r}"
        assert r["of"] in places, f"{where}: 'of' {r['of']!r} is neither an ISO3 code nor an organization key"
        assert r["title"], f"{where}: empty title"
        assert r["start"], f"{where}: start date is required"
        start = _date(r["start"], where)
        if r["end"]:
            assert start <= _date(r["end"], where), f"{where}: start after end"
    assert len({(r["person_key"], r["office"], r["title"], r["of"], r["start"]) for r in offices}) == len(offices)


def test_single_seat_offices_do_not_overlap(offices) -> None:
    seats: dict[tuple[str, str], list[tuple[dt.date, dt.date, str, str]]] = defaultdict(list)
    for r in offices:
        if r["office"] in SINGLE_SEAT:
            end = dt.date.fromisoformat(r["end"]) if r["end"] else dt.date.max
            seats[(r["office"], r["of"])].append((dt.date.fromisoformat(r["start"]), end, r["person_key"], r["_line"]))
    problems = []
    for seat, terms in seats.items():
        terms.sort()
        for i, (s1, e1, p1, l1) in enumerate(terms):
            for s2, e2, p2, l2 in terms[i + 1:]:
                if p1 == p2 or frozenset({p1, p2}) in OVERLAP_ALLOWED:
                    continue
                overlap = (min(e1, e2) - max(s1, s2)).days
                if overlap > MAX_OVERLAP_DAYS:
                    problems.append(f"{seat}: {p1} (line {l1}) and {p2} (line {l2}) overlap {overlap} days")
    assert not problems, "\n".join(problems)


def test_core_office_holders_present(offices) -> None:
    held = {(r["person_key"], r["office"], r["of"]) for r in offices}
    for expected in [("volodymyr-zelenskyy", "head_of_state", "UKR"), ("keir-starmer", "head_of_government", "GBR"),
                     ("mark-rutte", "org_head", "nato"), ("pete-hegseth", "defence_minister", "USA"),
                     ("andrii-sybiha", "foreign_minister", "UKR"), ("friedrich-merz", "head_of_government", "DEU"),
                     ("kaja-kallas", "foreign_minister", "european-union")]:
        assert expected in held, expected
    # Every country the gazetteer covers has had a head of state and head of government recorded since 2022.
    since_2022 = {(r["office"], r["of"]) for r in offices if not r["end"] or r["end"] >= "2022-01-01"}
    for iso in sorted(set(NATO_MEMBERS) | set(EU_MEMBERS) | set(OTHER_COVERED)):
        assert ("head_of_government", iso) in since_2022, iso
        assert ("head_of_state", iso) in since_2022, iso
        assert ("foreign_minister", iso) in since_2022, iso
        if iso != "ISL":  # Iceland has no armed forces and no defence minister
            assert ("defence_minister", iso) in since_2022, iso
    # Every G7 country, Ukraine and Russia has a current head of government, foreign and defence minister.
    current = {(r["office"], r["of"]) for r in offices if not r["end"]}
    for iso in ["USA", "GBR", "FRA", "DEU", "ITA", "CAN", "JPN", "UKR", "RUS", "POL"]:
        for office in ["head_of_government", "foreign_minister", "defence_minister"]:
            assert (office, iso) in current, (office, iso)


def test_short_names_are_how_news_writes_a_person():
    from coalition_graph.loaders.gazetteer import load_gazetteer
    g = load_gazetteer()
    assert g.short_name("xi-jinping") == "Xi"
    assert g.short_name("charles-iii") == "Charles III"
    assert g.short_name("ursula-von-der-leyen") == "von der Leyen"
    assert g.short_name("mohammed-bin-salman") == "Mohammed bin Salman"
    assert g.short_name("emmanuel-macron") == "Macron"
    assert g.short_name("alexander-de-croo") == "De Croo"  # a capitalised particle starts the surname too
