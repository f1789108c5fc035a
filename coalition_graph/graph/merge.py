"""From one article's facts to graph claims, and from many articles' claims to one record.

A *claim* is what one article says about one node or edge. The store keeps every
claim; the graph's node or edge is the fold of its claims in publication order, so
what several articles say about the same summit or pledge becomes one node that
lists all its sources and keeps the first-reported values. Reference things (countries,
people, organizations, offices) list no sources: see graph_schema.REFERENCE_KINDS.

Meetings and pledges are matched against those already in the graph (same date and
place, same donor and amount...) before they get an id, so a second article about
the Paris summit lands on the first article's node. "First" is the order of
`article_order_key` (publication date, then article id), never the order articles
arrived in: the store resolves articles in that order, so ids and matches depend only on
which articles it holds.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from coalition_graph.graph import ids
from coalition_graph.graph.meeting_names import meeting_name, name_tokens
from coalition_graph.schema.graph_schema import carries_sources
from coalition_graph.schema.models import Actor, ArticleFacts, Evidence, Meeting, Pledge

ROLE_RANK = {"participant": 0, "chair": 1, "host": 2}


@dataclass
class Claim:
    fact_id: str
    kind: str  # "node" or "edge"
    label: str  # node label or relationship type
    props: dict[str, Any]
    src: str | None = None
    src_label: str | None = None
    dst: str | None = None
    dst_label: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


# ---------------------------------------------------------------- matching across articles
def _day(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _name_overlap(a: str | None, b: str | None) -> float:
    ta, tb = name_tokens(a), name_tokens(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def same_meeting(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two meeting descriptions (props dicts) are the same real meeting."""
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return False
    city_a, city_b = ids.slug(a.get("city")), ids.slug(b.get("city"))
    if city_a and city_b and city_a != city_b:
        return False
    # A bilateral on the sidelines of a summit is another meeting, whatever the day and place.
    if (a.get("kind") == "bilateral") != (b.get("kind") == "bilateral"):
        return False
    da, db = _day(a.get("start_date")), _day(b.get("start_date"))
    if (da is None) != (db is None):
        return False  # an undated mention says too little to be given another article's date
    if da is None:
        # Both undated: only a clear match on place, kind and name.
        return bool(city_a and city_a == city_b and a.get("kind") == b.get("kind") and _name_overlap(a.get("name"), b.get("name")) >= 0.5)
    precisions = {a.get("date_precision") or "day", b.get("date_precision") or "day"}
    if "month" in precisions:
        if (da.year, da.month) != (db.year, db.month):
            return False
        # A month-only date is weak evidence: also ask for the same place and kind.
        return bool(city_a and city_a == city_b and a.get("kind") == b.get("kind"))
    tolerance = 7 if "week" in precisions else 1
    if abs((da - db).days) > tolerance:
        return False
    if city_a and city_b:
        return True
    same_format = a.get("format") and a.get("format") == b.get("format")
    return a.get("kind") == b.get("kind") and bool(same_format or _name_overlap(a.get("name"), b.get("name")) >= 0.5)


def same_pledge(a: dict[str, Any], b: dict[str, Any], max_days: int = 14) -> bool:
    """Same donor is checked by the caller; here amount, currency and close dates."""
    if (a.get("amount") is None) != (b.get("amount") is None):
        return False
    if a.get("amount") is not None:
        if a.get("currency") != b.get("currency"):
            return False
        if abs(float(a["amount"]) - float(b["amount"])) > 0.01 * abs(float(b["amount"])):
            return False
    elif ids.slug(a.get("what")) != ids.slug(b.get("what")):
        return False
    da, db = _day(a.get("announced")), _day(b.get("announced"))
    return da is None or db is None or abs((da - db).days) <= max_days


def article_order_key(published: str | None, article_id: str) -> str:
    """The total order in which articles are resolved and folded: oldest publication first, then article id.

    It depends on the article alone, so the graph does not depend on how a corpus was split into runs or in
    which order it came. Undated articles come last. Dates are ISO (fixed width), so string order is date order.
    """
    return f"{published or '9999-12-31'}#{article_id}"


class ResolutionIndex:
    """The meetings and pledges already in the graph, to give a newly reported one the existing id.

    Each entry holds the description of the mention that created the id (the earliest article's), not the
    merged record: later articles must not change what an id matches, or the result would depend on
    which articles had been merged when a mention came. `created` logs the entries in the order they
    were added, so the store can keep, per article, the entries that article created.
    """

    def __init__(self, meetings: Iterable[tuple[str, dict]] = (), pledges: Iterable[tuple[str, str, dict]] = ()):
        self.created: list[tuple[str, str, str | None, dict]] = []  # (kind, id, donor, props)
        # What resolving looked at: (key, the description looked up, or None for an id tested for being free). The
        # store keeps each article's, to resolve again only the articles whose look-ups an older article changed
        # (see entry_keys and may_change).
        self.looked: list[tuple[str, dict | None]] = []
        self.meetings: dict[str, dict] = {}
        self._meetings_by_month: dict[str, dict[str, dict]] = {}  # only meetings of nearby months can match
        self.pledges_by_donor: dict[str, dict[str, dict]] = {}
        self.all_pledge_ids: set[str] = set()
        for meeting_id, props in meetings:
            self.add_meeting(meeting_id, props)
        for pledge_id, donor_id, props in pledges:
            self.add_pledge(pledge_id, donor_id, props)

    @staticmethod
    def _months(props: dict) -> set[str]:
        day = _day(props.get("start_date"))
        if day is None:
            return {"undated"}
        week = dt.timedelta(days=7)  # the widest tolerance same_meeting allows
        return {d.strftime("%Y-%m") for d in (day - week, day, day + week)}

    @staticmethod
    def _bucket(props: dict) -> str:
        day = _day(props.get("start_date"))
        return day.strftime("%Y-%m") if day else "undated"

    @staticmethod
    def entry_keys(kind: str, entry_id: str, donor: str | None, props: dict) -> list[tuple[str, dict | None]]:
        """The look-ups an entry can change the answer of: its bucket (the month of a meeting, the donor of a
        pledge), with the entry's description, and the ids `_free_id` would try for it (the id, and the stable id
        it was derived from)."""
        base = entry_id.rsplit("/", 1)[0]
        if kind == "meeting":
            return [(f"m:{ResolutionIndex._bucket(props)}", props), (f"mid:{entry_id}", None), (f"mid:{base}", None)]
        return [(f"p:{donor}", props), (f"pid:{entry_id}", None), (f"pid:{base}", None)]

    @staticmethod
    def may_change(key: str, looked: dict | None, entry: dict | None) -> bool:
        """Whether an entry under `key` (added, gone or moved) can change a look-up made under the same key: an id
        always; in a bucket, only an entry the description looked up matches (the first match in a bucket wins,
        and entries that match neither way do not move the others)."""
        if looked is None or entry is None:
            return True
        if key.startswith("m:"):
            return same_meeting(looked, entry)
        return same_pledge(looked, entry)

    def meeting(self, props: dict, taken: set[str]) -> str | None:
        candidates: dict[str, dict] = {}
        months = sorted(self._months(props))
        self.looked.extend((f"m:{month}", props) for month in months)
        for month in months:
            candidates.update(self._meetings_by_month.get(month, {}))
        for meeting_id, existing in candidates.items():
            if meeting_id not in taken and same_meeting(props, existing):
                return meeting_id
        return None

    def pledge(self, donor_id: str, props: dict, taken: set[str]) -> str | None:
        self.looked.append((f"p:{donor_id}", props))
        for pledge_id, existing in self.pledges_by_donor.get(donor_id, {}).items():
            if pledge_id not in taken and same_pledge(props, existing):
                return pledge_id
        return None

    def add_meeting(self, meeting_id: str, props: dict) -> None:
        if meeting_id in self.meetings:
            return
        self.created.append(("meeting", meeting_id, None, props))
        self.meetings[meeting_id] = props
        self._meetings_by_month.setdefault(self._bucket(props), {})[meeting_id] = props

    def add_pledge(self, pledge_id: str, donor_id: str, props: dict) -> None:
        if pledge_id in self.all_pledge_ids:
            return
        self.created.append(("pledge", pledge_id, donor_id, props))
        self.pledges_by_donor.setdefault(donor_id, {}).setdefault(pledge_id, props)
        self.all_pledge_ids.add(pledge_id)


# ---------------------------------------------------------------- one article → claims
def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _props(**values: Any) -> dict[str, Any]:
    return {k: _iso(v) for k, v in values.items()}


class _ArticleClaims:
    """Collects the claims of one article, merging repeats of the same fact inside it."""

    def __init__(self, facts: ArticleFacts):
        self.facts = facts
        self.article = facts.article
        self.source = facts.article.source
        self.article_node = ids.article_id(facts.article.id)
        self.claims: dict[str, Claim] = {}
        self.labels: dict[str, str] = {}
        self.persons = {p.key: p for p in facts.persons}
        self.countries = {c.iso3: c for c in facts.countries}
        self.organizations = {o.key: o for o in facts.organizations}

    def node(self, node_id: str, label: str, props: dict[str, Any], evidence: list[Evidence] = ()) -> str:
        props = {**props, "sources": [self.source]} if carries_sources(label) else dict(props)
        if node_id in self.claims:
            old = self.claims[node_id]
            old.props = fold_props(label, [old.props, props])
            old.evidence.extend(e for e in evidence if e not in old.evidence)
        else:
            self.claims[node_id] = Claim(node_id, "node", label, props, evidence=list(evidence))
            self.labels[node_id] = label
        for item in evidence:
            self.edge("SOURCED_FROM", node_id, self.article_node, _props(evidence=item.sentence, start_offset=item.start, end_offset=item.end, rule=item.rule), qualifiers=(item.start, item.rule))
        return node_id

    def edge(self, rel_type: str, src: str, dst: str, props: dict[str, Any] | None = None, evidence: list[Evidence] = (), qualifiers: tuple = ()) -> str:
        edge_id = ids.edge_id(rel_type, src, dst, *qualifiers)
        props = {**(props or {}), "sources": [self.source]} if carries_sources(rel_type) else dict(props or {})
        if edge_id in self.claims:
            old = self.claims[edge_id]
            old.props = fold_props(rel_type, [old.props, props])
            old.evidence.extend(e for e in evidence if e not in old.evidence)
        else:
            self.claims[edge_id] = Claim(edge_id, "edge", rel_type, props, src, self.labels[src], dst, self.labels[dst], list(evidence))
        return edge_id

    # -- referenced things
    def country(self, iso3: str) -> str:
        name = self.countries[iso3].name if iso3 in self.countries else _country_name(iso3)
        return self.node(ids.country_id(iso3), "Country", _props(iso3=iso3, name=name))

    def organization(self, key: str) -> str:
        org = self.organizations.get(key)
        name = org.name if org else key.replace("-", " ").title()
        return self.node(ids.organization_id(key), "Organization", _props(name=name, kind=org.kind if org else None, wikidata=org.wikidata if org else None))

    def person(self, key: str) -> str:
        person = self.persons.get(key)
        if person is None:
            name = key.replace("-", " ").title()
            return self.node(ids.person_id(key), "Person", _props(name=name, aliases=[], wikidata=None))
        return self.node(ids.person_id(person.key, person.wikidata), "Person", _props(name=person.name, aliases=sorted(set(person.aliases)), wikidata=person.wikidata))

    def actor(self, actor: Actor) -> str:
        return self.country(actor.key) if actor.kind == "country" else self.organization(actor.key)

    def actor_ref(self, key: str) -> str:
        """An `of` field: ISO3 of a country or key of an organization."""
        return self.country(key) if len(key) == 3 and key.isupper() else self.organization(key)


def _country_name(iso3: str) -> str:
    """The common English name from our own countries.tsv (every ISO 3166-1 country and territory)."""
    from coalition_graph.loaders.gazetteer import load_gazetteer

    entry = load_gazetteer().countries.get(iso3)
    return entry.name if entry else iso3


def _free_id(candidate: str, name: str | None, used: Callable[[str], bool]) -> str:
    """The stable id, unless another thing already has it (two bilaterals in one city on one day):
    then the name tells them apart, and a counter where even the names are the same."""
    if not used(candidate):
        return candidate
    named = f"{candidate}/{ids.slug(name, max_len=40) or 'other'}"
    n, unique = 2, named
    while used(unique):
        unique, n = f"{named}-{n}", n + 1
    return unique


def meeting_props(m: Meeting, name: str | None = None) -> dict[str, Any]:
    return _props(name=name or m.name, kind=m.kind, start_date=m.start, end_date=m.end, date_precision=m.date_precision, city=m.city, country=m.country, mode=m.mode, format=m.format)


def pledge_props(p: Pledge) -> dict[str, Any]:
    return _props(amount=p.amount, currency=p.currency, amount_eur=p.amount_eur, eur_rate_date=p.eur_rate_date, what=p.what, kind=p.kind, announced=p.announced, status=p.status)


def article_claims(facts: ArticleFacts, index: ResolutionIndex) -> list[Claim]:
    """Every claim one article makes, with meetings and pledges resolved against `index` (which it updates)."""
    a = _ArticleClaims(facts)
    art = facts.article
    a.node(a.article_node, "Article", _props(url=art.url, title=art.title, publisher=art.publisher, published=art.published))

    meeting_ids: dict[str, str] = {}
    taken: set[str] = set()
    for m in facts.meetings:
        props = meeting_props(m, meeting_name(m, facts))
        found = index.meeting(props, taken)
        if found is None:
            candidate = ids.meeting_id(m.kind, m.start, m.date_precision, m.city or m.country, m.name)
            index.looked.append((f"mid:{candidate}", None))
            meeting_id = _free_id(candidate, m.name, lambda i: i in index.meetings or i in taken)
            index.add_meeting(meeting_id, props)
        else:
            meeting_id = found
        taken.add(meeting_id)
        meeting_ids[m.key] = a.node(meeting_id, "Meeting", {k: v for k, v in props.items() if k != "format"}, m.evidence)
        if m.country:
            a.edge("HELD_IN", meeting_id, a.country(m.country))
        if m.format:
            a.edge("IN_FORMAT", meeting_id, a.organization(m.format))

    for att in facts.attendances:
        if att.meeting not in meeting_ids:
            continue
        if att.person:
            attendee = a.person(att.person)
        elif att.country:
            attendee = a.country(att.country)
        elif att.organization:
            attendee = a.organization(att.organization)
        else:
            continue
        if att.country:
            a.country(att.country)
        org_name = None
        if att.organization:
            org_name = a.claims[a.organization(att.organization)].props["name"]
        a.edge("ATTENDED", attendee, meeting_ids[att.meeting], _props(role=att.role, status=att.status, country=att.country, organization=org_name), att.evidence)

    pledge_ids: dict[str, str] = {}
    taken = set()
    for p in facts.pledges:
        donor = a.actor(p.donor)
        props = pledge_props(p)
        found = index.pledge(donor, props, taken)
        if found is None:
            candidate = ids.pledge_id(donor, p.amount, p.currency, p.announced, p.what)
            index.looked.append((f"pid:{candidate}", None))
            pledge_id = _free_id(candidate, p.what, lambda i: i in index.all_pledge_ids or i in taken)
            index.add_pledge(pledge_id, donor, props)
        else:
            pledge_id = found
        taken.add(pledge_id)
        pledge_ids[p.key] = a.node(pledge_id, "Pledge", props, p.evidence)
        a.edge("PLEDGED", donor, pledge_id, evidence=p.evidence)
        if p.donor_person:
            a.edge("ANNOUNCED", a.person(p.donor_person), pledge_id, evidence=p.evidence)
        if p.recipient:
            a.edge("PLEDGED_TO", pledge_id, a.actor(p.recipient), evidence=p.evidence)
        if p.meeting in meeting_ids:
            a.edge("ANNOUNCED_AT", pledge_id, meeting_ids[p.meeting], evidence=p.evidence)
    for p in facts.pledges:
        if p.part_of in pledge_ids and pledge_ids[p.part_of] != pledge_ids[p.key]:
            a.edge("PART_OF", pledge_ids[p.key], pledge_ids[p.part_of], evidence=p.evidence)

    for s in facts.statements:
        speaker = a.person(s.speaker)
        statement_id = a.node(ids.statement_id(speaker, s.text), "Statement", _props(text=s.text, date=s.date, direct=s.direct), s.evidence)
        a.edge("STATED", speaker, statement_id, evidence=s.evidence)
        if s.meeting in meeting_ids:
            a.edge("STATED_AT", statement_id, meeting_ids[s.meeting], evidence=s.evidence)

    for office in facts.offices:
        holder = a.person(office.person)
        a.edge("HOLDS_OFFICE", holder, a.actor_ref(office.of), _props(role=office.role, start_date=office.start, end_date=office.end), office.evidence, qualifiers=(office.role,))

    return list(a.claims.values())


# ---------------------------------------------------------------- many claims → one record
def fold_props(label: str, claims_props: list[dict[str, Any]]) -> dict[str, Any]:
    """Merge what several articles say, oldest first: first-reported values win, sources and aliases add up.

    An attendance's status is the latest one (announced participation becomes attendance);
    its role is the most specific one any article gives (host over chair over participant); a meeting takes
    a later name that has every telling word of the first and more (generic nouns aside: "summit", "meeting").
    """
    merged: dict[str, Any] = {}
    lists: dict[str, dict[str, None]] = {}  # ordered sets
    sourced = carries_sources(label)  # claims stored before reference kinds lost their sources may still have them
    for props in claims_props:
        for key, value in props.items():
            if key == "sources" and not sourced:
                continue
            if key in ("sources", "aliases"):
                lists.setdefault(key, {}).update(dict.fromkeys(value or []))
            elif key == "status" and label == "ATTENDED":
                merged[key] = value if value is not None else merged.get(key)
            elif key == "role" and label == "ATTENDED":
                if merged.get(key) is None or ROLE_RANK.get(value, -1) > ROLE_RANK.get(merged[key], -1):
                    merged[key] = value
            elif key == "name" and label == "Meeting" and merged.get(key) and value and value != merged[key] \
                    and name_tokens(merged[key], heads=False) < name_tokens(value, heads=False):
                merged[key] = value  # a later article names it more fully: "Summit in London" → "… of the Willing summit in London"
            elif merged.get(key) is None:
                merged[key] = value
    merged.update({key: list(values) for key, values in lists.items()})
    return merged
