"""People in an article: names, titles, date-aware roles and coreference.

Finds every mention of a person and resolves it to a stable key:
- a full name or alias from the gazetteer ("Keir Starmer", "Zelensky");
- a title with a name ("Ukrainian World Congress President Paul Grod", "the President of the
  European Commission, Ursula von der Leyen"); a name not in the gazetteer gets a slug key when
  it is a full name (two or more words);
- a role without a name ("the British prime minister", "Germany's defence minister"), resolved
  through the gazetteer's office table at the article's date;
- a surname ("Macron"), a bare title ("the Prime Minister", "the president") or a pronoun
  ("he said") back to the last compatible person named before it.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from coalition_graph.loaders.extract.analysis import Analysis
from coalition_graph.loaders.extract.places import CountryMention, OrgMention
from coalition_graph.loaders.gazetteer import Gazetteer, fold, normalize_title, read_tsv, slugify, surname_of

@functools.lru_cache(maxsize=1)
def _leaders() -> dict[str, str]:
    return {r["iso3"]: r["leader"] for r in read_tsv(Path(__file__).parent / "data" / "leaders.tsv")}


def leader_kinds(iso3: str) -> set[str]:
    """The office kinds of a country's "leader" (data/leaders.tsv): its executive president, else its head of
    government."""
    if not (len(iso3) == 3 and iso3.isupper()):
        return {"org_head"}  # "the NATO leader": an organization's head
    return {_leaders().get(iso3, "head_of_government")}


# Title phrases -> office kinds in offices.tsv. Titles not listed map to "other" and are
# matched against offices.tsv by their normalized title text.
TITLE_KINDS: dict[str, set[str]] = {
    "prime minister": {"head_of_government"},
    "premier": {"head_of_government"},
    "chancellor": {"head_of_government"},
    "president": {"head_of_state", "org_head"},
    "leader": {"head_of_government", "head_of_state", "org_head"},
    "head of state": {"head_of_state"},
    "head of government": {"head_of_government"},
    "foreign minister": {"foreign_minister"},
    "foreign secretary": {"foreign_minister"},
    "secretary of state": {"foreign_minister"},
    "foreign affairs minister": {"foreign_minister"},
    "minister of foreign affairs": {"foreign_minister"},
    "top diplomat": {"foreign_minister"},
    "defence minister": {"defence_minister"},
    "minister of national defence": {"defence_minister"},
    "defence secretary": {"defence_minister"},
    "secretary of defence": {"defence_minister"},
    "minister of defence": {"defence_minister"},
    "defence chief": {"defence_minister"},
    "war secretary": {"defence_minister"},
    "secretary of war": {"defence_minister"},
    "secretary general": {"org_head"},
    "high representative": {"org_head"},
    "foreign policy chief": {"org_head"},
    "deputy prime minister": {"deputy_head_of_government"},
    "vice premier": {"deputy_head_of_government"},
}

_TITLE_WORDS = [
    r"Deputy Prime Minister", r"Vice[- ]Premier", r"Prime Minister", r"Premier", r"Vice[- ]President",
    r"President[- ]elect", r"President", r"Chancellor", r"Foreign Affairs Minister", r"Foreign Minister",
    r"Foreign Secretary", r"Secretary of State", r"Minister of (?:Foreign Affairs|(?:National )?Defen[cs]e|Finance|[A-Z]\w+(?: Affairs)?)",
    r"Minister for [A-Z]\w+(?: Affairs)?", r"Defen[cs]e Minister", r"Defen[cs]e Secretary", r"Secretary of Defen[cs]e",
    r"Secretary of War", r"War Secretary", r"Finance Minister", r"Economy Minister", r"Interior Minister",
    r"Secretary[- ]General", r"High Representative", r"Supreme Allied Commander Europe", r"Special Envoy", r"Envoy",
    r"Ambassador", r"Commissioner", r"King", r"Queen", r"Crown Prince", r"Foreign Policy Chief", r"Defen[cs]e Chief",
    r"Top Diplomat", r"Chief of Staff", r"Commander-in-Chief", r"Commander in Chief", r"Minister", r"Leader",
    r"Head of State", r"Head of Government", r"(?-i:PM)",  # "PM Modi", "the PM": the capitals only, never "5 pm"
]
TITLE_RX = re.compile(
    r"(?<![\w-])(?:(?:Outgoing|Acting|Former|Incoming|Then|Deputy|First Deputy)\s+)?(?:" + "|".join(_TITLE_WORDS) + r")(?![\w-])",
    re.I)
# titles of rank written before a name, never a first name themselves
ROYAL = re.compile(r"^(?:(?:Crown\s+)?Prince(?:ss)?|Sheikha?|Emir|King|Queen|Dr\.?|Gen\.?)\s+")
HONORIFICS = re.compile(r"(?:Sir|Dame|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Lt\.? Gen\.|Gen\.|Adm\.|Lord|Lady|Rep\.|Sen\.)\s+")
PARTICLES = {"von", "der", "van", "de", "da", "di", "del", "la", "le", "du", "den", "ter", "bin", "al", "ibn", "bint",
             "el", "abu"}
# Arabic article and kin glued to a family name: "al-Sudani", "el-Sisi", "ad-Dabaiba"
GLUED_PARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|bin|ibn|abu|ben)[-‐‑](?=[^\W\d_])", re.I)


def name_word(tok: str) -> bool:
    """A word that can be part of a personal name: capitalised, or a particle glued to a capitalised name."""
    return bool(tok) and (tok[0].isupper() or bool(GLUED_PARTICLE.match(tok)) or tok.lower() in PARTICLES)
# Capitalised words that never start or continue a person's name.
NOT_NAME = {
    "The", "A", "An", "And", "But", "In", "On", "At", "Of", "For", "To", "With", "By", "From", "As", "This", "That",
    "These", "Those", "He", "She", "It", "They", "We", "I", "His", "Her", "Their", "Our", "Its", "After", "Before",
    "Earlier", "Later", "Meanwhile", "However", "Also", "Then", "While", "When", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Mr", "Mrs", "Ms", "Sir", "President", "Prime",
    "Minister", "Secretary", "General", "Chancellor", "Today", "Source", "Details", "Background", "Speaking",
    "According", "Ukraine", "Russia", "NATO", "EU", "UK", "US", "U.S.", "U.K.", "Western", "European", "Europe",
    "Coalition", "Willing", "Group", "Contact", "Defense", "Defence", "Foreign", "Office", "Ministry", "Government",
    "Council", "Commission", "Parliament", "Union", "Summit", "Conference", "Forum", "Air", "Base", "Gen.", "Lt.",
    "Senators", "Senator", "Ministers", "Presidents", "Leaders", "King", "Queen",
}
# Given names that news use for women: a pronoun "she"/"her" prefers them, "he"/"his" avoids them.
FEMALE_GIVEN_NAMES = {
    "ursula", "giorgia", "mette", "kaja", "angela", "yulia", "kamala", "annalena", "liz", "theresa", "hillary",
    "kristi", "karin", "sanna", "ingrida", "kaja", "maia", "zuzana", "olena", "iryna", "roberta", "magdalena",
    "jacinda", "julie", "penny", "priti", "yvette", "rachel", "helle", "marie", "anna", "maria", "kristina",
    "tulsi", "pam", "melania", "antonella", "nancy", "victoria", "evika", "ingrida", "kristen",
    "marise", "christine", "roberta", "elina", "petra", "svenja", "nadia", "dace", "hanna",
    "melanie", "catherine", "sandra", "michelle", "sophie", "susan", "stefanie", "tanja", "viola", "yuliia",
    "dovile", "beata", "ewa", "agnieszka", "marta", "elisabeth", "ulrike", "sigrid", "ine", "kristrun", "simonetta",
    "iveta", "jana", "lana", "natalia", "natalie", "claudia", "nathalie", "sarah", "anne", "emma",
}  # compared accent-free and lower-case (fold), first given name only

LINE_STAMP = re.compile(r"\s*(?:\d{1,2}[:.]\d{2}(?:\s*(?:a\.?m\.?|p\.?m\.?|GMT|local time))?\s*)?[-–—•]\s+", re.I)
PRONOUN_RX = re.compile(r"\b(he|she|his|her|him)\b", re.I)


@dataclass
class PersonMention:
    start: int
    end: int
    text: str
    key: str
    via: str  # name | surname | title | pronoun
    title: str | None = None  # the title written with it ("Prime Minister")
    of: str | None = None  # the country ISO3 or organization key written with the title
    full_start: int | None = None  # start including title and modifier ("British Prime Minister Keir Starmer")

    @property
    def span_start(self) -> int:
        return self.full_start if self.full_start is not None else self.start


@dataclass
class PersonInfo:
    key: str
    name: str
    in_gazetteer: bool
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    stated: list[tuple[str, str, int, int]] = field(default_factory=list)  # (title, of, start, end) as written

    @property
    def female(self) -> bool | None:
        first = fold(self.name).split()[0] if self.name else ""
        return True if first in FEMALE_GIVEN_NAMES else None


@dataclass
class TitleMatch:
    start: int
    end: int
    text: str
    norm: str
    kinds: set[str]
    of: str | None  # country iso3 / org key from a modifier or "of X"
    mod_start: int


class PeopleFinder:
    def __init__(self, gaz: Gazetteer, text: str, published: dt.date | None,
                 countries: list[CountryMention], orgs: list[OrgMention], analysis: Analysis | None = None):
        self.gaz = gaz
        self.analysis = analysis
        self.text = text
        self.day = published
        self.countries = countries
        self.orgs = orgs
        self.people: dict[str, PersonInfo] = {}
        self.mentions: list[PersonMention] = []

    # ------------------------------------------------------------------ entry
    def run(self) -> tuple[list[PersonMention], dict[str, PersonInfo]]:
        taken: list[tuple[int, int]] = []
        titles = self._titles()
        # 1. title + name ("German Chancellor Friedrich Merz")
        for t in titles:
            nm = self._name_after(t.end)
            if not nm:
                continue
            s, e, name = nm
            key = self._resolve_name(name, t)
            if key:
                self._add(PersonMention(s, e, name, key, "name", t.text, t.of, t.mod_start), taken)
                taken.append((t.mod_start, t.end))  # the title belongs to this name
                self._state_office(key, t, t.mod_start, e)
        # 1b. plural roles over a list of demonyms: "the British, Polish and Italian prime ministers"
        self._plural_roles(taken)
        # 1c. a plural title before names: "Prime Ministers Keir Starmer and Donald Tusk", "Senators X and Y"
        for m in re.finditer(r"\b(?:Prime Ministers|Presidents|Chancellors|Senators|Foreign Ministers|Defen[cs]e Ministers|"
                             r"Ministers|Leaders|Envoys)\s+", self.text):
            pos = m.end()
            for _ in range(4):
                nm = self._name_after(pos - 1, allow_comma=False)
                if not nm or not self._free(nm[0], nm[1], taken):
                    break
                key = self._resolve_name(nm[2], None)
                if not key:
                    break
                first = pos == m.end()
                self._add(PersonMention(nm[0], nm[1], nm[2], key, "name", None, None, m.start() if first else None), taken)
                nxt = re.match(r"(?:,\s*|\s+and\s+|,\s+and\s+)", self.text[nm[1]:])
                if not nxt:
                    break
                pos = nm[1] + nxt.end()
        # 2. gazetteer names and aliases anywhere
        for s, e, key in self._gazetteer_names():
            if self._free(s, e, taken):
                self._add(PersonMention(s, e, self.text[s:e], key, "name"), taken)
        # 2b. full names the entity recogniser found that no list knows ("Abdel Fattah el-Sisi")
        self._recognised_names(taken)
        # 3. capitalised full names next to a country/org possessive ("the Netherlands' Dick Schoof")
        for c in self.countries:
            if c.form == "possessive":
                after = re.match(r"(?:'s|’s|'|’)\s+", self.text[c.end:])
                if after:
                    nm = self._name_after(c.end + after.end(), allow_comma=False)
                    if nm and self._free(nm[0], nm[1], taken):
                        key = self._resolve_name(nm[2], None, of=c.iso3)
                        if key:
                            self._add(PersonMention(nm[0], nm[1], nm[2], key, "name", None, c.iso3, c.start), taken)
        # a name right after a country possessive belongs with it: "the Netherlands' Dick Schoof"
        for pm in self.mentions:
            if pm.full_start is None:
                for c in self.countries:
                    if c.end <= pm.start and re.fullmatch(r"(?:'s|’s|'|’)\s+", self.text[c.end:pm.start]):
                        pm.full_start, pm.of = c.start, pm.of or c.iso3
        # 4. surnames of people already named, and of gazetteer office holders
        self._surnames(taken)
        # 5. bare titles ("the Prime Minister", "the British prime minister")
        for t in titles:
            if not self._free(t.start, t.end, taken):
                continue
            key = self._resolve_title(t)
            # "Antony Blinken, America's top diplomat, …": a title in apposition is the person just named
            lead = t.mod_start if t.mod_start is not None else t.start
            named = [m for m in self.mentions if m.via == "name" and m.end <= lead and
                     re.fullmatch(r",\s*(?:the\s+)?", self.text[m.end:lead])]
            if named:
                key = named[-1].key
            if key:
                self._add(PersonMention(t.start, t.end, t.text, key, "title", t.text, t.of, t.mod_start), taken)
        self.mentions.sort(key=lambda m: m.start)
        # 6. pronouns, in text order, against what comes before
        self._pronouns(taken)
        self.mentions.sort(key=lambda m: m.start)
        return self.mentions, self.people

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _free(s: int, e: int, taken: list[tuple[int, int]]) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def _add(self, m: PersonMention, taken: list[tuple[int, int]]) -> None:
        self.mentions.append(m)
        taken.append((m.start, m.end))

    def _person(self, key: str, name: str | None = None) -> str:
        if key not in self.people:
            g = self.gaz.people.get(key)
            if g:
                self.people[key] = PersonInfo(key, g.name, True, list(g.aliases), g.wikidata)
            else:
                self.people[key] = PersonInfo(key, name or key, False)
        return key

    def _state_office(self, key: str, t: TitleMatch, s: int, e: int) -> None:
        of = t.of
        if of is None:
            # no modifier: the gazetteer may know which country this title belongs to for this person
            for o in self.gaz.offices_of(key, self.day):
                if t.kinds & {o.office} or normalize_title(o.title) == t.norm:
                    of = o.of
                    break
        if of:
            self.people[key].stated.append((_clean_title(t.text), of, s, e))

    def _plural_roles(self, taken: list[tuple[int, int]]) -> None:
        plural = {"prime ministers": "prime minister", "presidents": "president", "chancellors": "chancellor",
                  "defence ministers": "defence minister", "defense ministers": "defence minister",
                  "foreign ministers": "foreign minister", "leaders": "leader"}
        rx = re.compile(r"\b(" + "|".join(plural) + r")\b", re.I)
        for m in rx.finditer(self.text):
            norm = plural[m.group(1).lower()]
            # demonyms chained right before the plural title
            chain = []
            pos = m.start()
            for c in reversed([c for c in self.countries if c.end <= pos]):
                between = self.text[c.end:pos]
                if c.form == "demonym" and re.fullmatch(r"\s*(?:,|and|, and)?\s*", between):
                    chain.append(c)
                    pos = c.start
                else:
                    break
            if len(chain) < 2 and norm != "leader":
                # "the prime ministers of Japan, Australia and New Zealand": country names after "of"
                chain = self._countries_after_of(m.end())
            if len(chain) < 2:
                continue
            kinds = TITLE_KINDS.get(norm, set())
            for c in chain:
                if norm == "leader":
                    kinds = leader_kinds(c.iso3)
                holders = self.gaz.holders(c.iso3, kinds, {norm}, self.day)
                if len(holders) == 1 and self._free(c.start, c.end, taken):
                    key = self._person(holders[0])
                    self._add(PersonMention(c.start, c.end, c.text, key, "title", norm.title(), c.iso3, c.start), taken)

    def _countries_after_of(self, pos: int) -> list:
        """Country names listed right after 'of' ('… of Japan, Australia and New Zealand'), at least two."""
        m = re.match(r"\s+of\s+(?:the\s+)?", self.text[pos:])
        if not m:
            return []
        pos += m.end()
        chain = []
        for c in sorted((c for c in self.countries if c.start >= pos), key=lambda c: c.start):
            if c.form == "name" and re.fullmatch(r"\s*(?:,|and|, and)?\s*(?:the\s+)?", self.text[pos:c.start]) and \
                    (not chain or self.text[pos:c.start].strip()):
                chain.append(c)
                pos = c.end
            else:
                break
        return chain if len(chain) >= 2 else []

    # ------------------------------------------------------------------ titles
    def _titles(self) -> list[TitleMatch]:
        out: list[TitleMatch] = []
        for m in TITLE_RX.finditer(self.text):
            raw = m.group(0)
            if raw[0].islower() and not self._lower_title_ok(m.start()):
                continue
            norm = normalize_title(re.sub(r"^(?:outgoing|acting|former|incoming|then|first deputy)\s+", "", raw, flags=re.I))
            kinds = set(TITLE_KINDS.get(norm, set()))
            if norm.startswith("deputy ") and norm != "deputy prime minister":
                kinds = set()
            of, mod_start = self._modifier(m.start())
            if of is None:
                of = self._of_after(m.end())
            out.append(TitleMatch(m.start(), m.end(), raw, norm, kinds, of, mod_start))
        return out

    def _lower_title_ok(self, pos: int) -> bool:
        """A lower-case title counts after a modifier or "the": "the British prime minister"."""
        before = self.text[max(0, pos - 40): pos]
        return bool(re.search(r"(?:\bthe|[A-Z][\w.’']*|'s|’s|:|^)\s*$", before))

    def _modifier(self, pos: int) -> tuple[str | None, int]:
        """A country or organization written just before a title: 'U.K. Prime Minister', "Ukraine's President"."""
        for c in reversed(self.countries):
            if c.end <= pos and re.fullmatch(r"(?:'s|’s|'|’)?\s*(?:(?:Outgoing|outgoing|Acting|acting|former|Former)\s+)?",
                                             self.text[c.end:pos]):
                start = c.start
                if self.text[max(0, start - 4):start].lower() == "the ":
                    start -= 4
                return c.iso3, start
            if c.end < pos - 30:
                break
        for o in reversed(self.orgs):
            if o.end <= pos and re.fullmatch(r"(?:'s|’s)?\s*", self.text[o.end:pos]):
                return o.key, o.start
            if o.end < pos - 30:
                break
        return None, pos

    def _of_after(self, pos: int) -> str | None:
        """'President of Ukraine', 'President of the European Commission'."""
        m = re.match(r"\s+of\s+(?:the\s+)?", self.text[pos:])
        if not m:
            return None
        at = pos + m.end()
        for c in self.countries:
            if c.start in (at, at - 4) and c.form in ("name", "possessive"):
                return c.iso3
        for o in self.orgs:
            if o.start in (at, at - 4):
                return o.key
        return None

    # ------------------------------------------------------------------ names
    def _name_after(self, pos: int, allow_comma: bool = True) -> tuple[int, int, str] | None:
        """A capitalised personal name right after `pos` (skipping ', ' and 'of X' and honorifics)."""
        text = self.text
        i = pos
        of = re.match(r"\s+of\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}", text[i:])
        if of:
            i += of.end()
        m = re.match(r",?\s+" if allow_comma else r"\s+", text[i:])
        if not m:
            return None
        i += m.end()
        h = HONORIFICS.match(text, i)
        if h:
            i = h.end()
        start = i
        toks: list[str] = []
        while len(toks) < 5:
            tm = re.match(r"[^\W\d_][\w'’\-]*\.?|[^\W\d_]\.", text[i:])
            if not tm:
                break
            tok = tm.group(0)
            glued = re.match(r"^([A-Z][a-z]+)([A-Z][a-z].*)$", tok)  # "RutteThe": text glued at a lost line break
            if glued:
                tok = glued.group(1)
            bare = tok.rstrip(".") if not re.fullmatch(r"[A-Z]\.", tok) else tok
            if tok[0].isupper() and bare not in NOT_NAME and not (toks and TITLE_RX.fullmatch(bare)):
                toks.append(bare)
            elif toks and GLUED_PARTICLE.match(tok):
                toks.append(bare)
            elif tok.lower() in PARTICLES and toks:
                # "von der Leyen": particles count only when a capitalised name follows them
                nxt = re.match(r"(?:(?:" + "|".join(PARTICLES) + r")\s+)*([^\W\d_][\w'’\-]*)", text[i + len(tok) + 1:])
                if not (nxt and nxt.group(1)[0].isupper()):
                    break
                toks.append(tok)
            else:
                break
            if glued or (tok.endswith(".") and len(bare) > 1 and bare.lower() not in ("jr", "sr", "st")):
                break  # "… Zelenskyy. Senators …": a full stop ends the name
            if re.search(r"(?:'s|’s)$", tok) and re.match(r"[ ]+[A-Z]", text[i + len(tok):]):
                # a possessor, then a name: "the Ukrainian president, France's Emmanuel Macron" names no
                # holder of the title before it
                return None
            i += len(tok)
            sp = re.match(r" (?=\S)", text[i:])
            if not sp:
                break
            i += 1
        while toks and toks[-1].lower() in PARTICLES:
            toks.pop()
        if not toks:
            return None
        name = " ".join(toks)
        # drop a possessive: "Merz's"
        name = re.sub(r"(?:'s|’s)$", "", name)
        end = self._ner_extend(start, start + len(name))
        return start, end, self.text[start:end]

    def _ner_extend(self, start: int, end: int) -> int:
        """The end of a name, carried to the end of the PERSON entity it starts when the rest is name words
        ("Mohammed Shia" + "al-Sudani", "Faisal bin Farhan" + "Al Saud")."""
        if self.analysis is None:
            return end
        for e in self.analysis.entities_in(start, end, {"PERSON"}):
            if not (e.start <= start < e.end and e.end > end):
                continue
            tail = re.sub(r"(?:'s|’s|'|’)$", "", self.text[end:e.end])
            words = tail.split()
            if words and len(words) <= 3 and "\n" not in tail and tail[:1].isspace() and \
                    all(name_word(w) and w not in NOT_NAME for w in words):
                return end + len(tail)
        return end

    def _recognised_names(self, taken: list[tuple[int, int]]) -> None:
        """PERSON entities of two or more name words, outside every mention found so far."""
        if self.analysis is None:
            return
        known = [(c.start, c.end) for c in self.countries] + [(o.start, o.end) for o in self.orgs]
        for e in self.analysis.entities:
            if e.label != "PERSON" or "\n" in e.text:
                continue
            name = re.sub(r"(?:'s|’s|'|’)$", "", e.text)
            honorific = HONORIFICS.match(name)
            start = e.start + (honorific.end() if honorific else 0)
            name = name[honorific.end():] if honorific else name
            end = start + len(name)
            words = name.split()
            if len(words) < 2 or not words[0][0].isupper() or not all(name_word(w) for w in words):
                continue
            if any(w in NOT_NAME or TITLE_RX.fullmatch(w) for w in words):
                continue
            if not self._free(start, end, taken) or not self._free(start, end, known):
                continue
            key = self._resolve_name(name, None)
            if key:
                self._add(PersonMention(start, end, name, key, "name"), taken)
        for start, end in self._unrecognised_speakers():
            name = self.text[start:end]
            if not self._free(start, end, taken) or not self._free(start, end, known):
                continue
            key = self._resolve_name(name, None)
            if key:
                self._add(PersonMention(start, end, name, key, "name"), taken)

    def _unrecognised_speakers(self) -> list[tuple[int, int]]:
        """Names the model left unlabelled but the parse shows as a speaker: a run of two or three proper nouns,
        none inside an entity, as the subject of a verb of speech ("India's delegate Chandni Raina told the
        plenary that …")."""
        from coalition_graph.loaders.extract.syntax import lemma_classes  # (syntax reads the data files)
        from coalition_graph.loaders.extract.places import load_places
        a, classes, out = self.analysis, lemma_classes(), []
        for t in a.tokens:
            if t.dep != "nsubj" or t.pos != "PROPN" or t.ent or \
                    "speech" not in classes.get(a.tokens[t.head].lemma, frozenset()):
                continue
            run = [t]
            while run[0].i > 0 and a.tokens[run[0].i - 1].pos == "PROPN" and a.tokens[run[0].i - 1].head == t.i and \
                    a.tokens[run[0].i - 1].dep in ("compound", "flat") and len(run) < 3:
                run.insert(0, a.tokens[run[0].i - 1])
            words = [x.text for x in run]
            if " ".join(words) in load_places(self.gaz) or words[-1] in ("Street", "House", "Palace", "Office", "Ministry"):
                continue  # "Downing Street said": a seat of government speaking
            if len(run) < 2 or any(x.ent for x in run) or not all(name_word(w) for w in words) or \
                    any(w in NOT_NAME or TITLE_RX.fullmatch(w) for w in words):
                continue
            out.append((run[0].start, run[-1].end))
        return out

    def _gazetteer_names(self) -> list[tuple[int, int, str]]:
        out = []
        rx = _full_name_rx(self.gaz)
        if rx is None:
            return out
        for m in rx.finditer(self.text):
            out.append((m.start(), m.end(), self._person(self.gaz.person_names[m.group(0)])))
        return out

    def _resolve_name(self, name: str, t: TitleMatch | None, of: str | None = None) -> str | None:
        """A written name (with the title it came with) -> person key, or None."""
        gaz = self.gaz
        clean = re.sub(r"\b[A-Z]\.\s*", "", name).strip()  # middle initials: "Lloyd J. Austin"
        clean = re.sub(r"\s+(?:III|II|IV|Jr\.?|Sr\.?)$", "", clean)
        for cand in (name, clean, clean.replace("-", " ")):
            if cand in gaz.person_names:
                return self._person(gaz.person_names[cand])
        clean = ROYAL.sub("", clean)  # "Prince Faisal bin Farhan": the first name is Faisal, not Prince
        toks = clean.split()
        of = of or (t.of if t else None)
        # holders of the written office on the article's date
        holders: list[str] = []
        if t and of:
            holders = gaz.holders(of, (leader_kinds(of) if t.norm == "leader" else t.kinds) or None, {t.norm}, self.day)
        sur = surname_of(clean)
        cands = gaz.people_by_surname(sur)
        if not cands:  # a misspelt surname ("Healy" for "Healey"): close enough and same first name
            fs = fold(sur)
            cands = [k for k, psur in _folded_surnames(gaz) if abs(len(psur) - len(fs)) <= 3 and psur[:1] == fs[:1]
                     and SequenceMatcher(None, psur, fs).ratio() >= 0.8
                     and (len(toks) < 2 or fold(gaz.people[k].name).split()[0] == fold(toks[0]))]
        if len(toks) >= 2:
            first = fold(toks[0])
            for k in cands:
                names = [ROYAL.sub("", n) for n in (gaz.people[k].name, *gaz.people[k].aliases)]
                if any(len(n.split()) >= 2 and _similar(fold(n).split()[0], first) for n in names):
                    return self._person(k)
            for k in holders:  # "Finnish defence chief Antti Hkknen": the office holder with that first name
                if _similar(fold(gaz.people[k].name).split()[0], first):
                    return self._person(k)
            if len(toks) >= 2 and toks[0][0].isupper() and all(name_word(tok) for tok in toks):
                key = slugify(clean)
                self._person(key, ROYAL.sub("", name).strip())  # the name as written: "Robert F. Kennedy Jr."
                return key
            return None
        # one word: a surname
        known = [k for k in cands if k in self.people]
        for pool in (known, [k for k in cands if k in holders], [k for k in cands if gaz.offices_of(k, self.day)]):
            if len(pool) == 1:
                return self._person(pool[0])
        for k, info in self.people.items():  # a non-gazetteer person named in full earlier
            if not info.in_gazetteer and fold(surname_of(info.name)) == fold(clean):
                return k
        return None

    def _surnames(self, taken: list[tuple[int, int]]) -> None:
        forms: dict[str, str] = {}
        for pm in self.mentions:  # "John Healy" resolved to john-healey: "Healy" alone is him too
            if pm.via == "name" and len(pm.text.split()) >= 2:
                forms.setdefault(surname_of(pm.text), pm.key)
        for k, info in self.people.items():
            forms.setdefault(surname_of(info.name), k)
            for a in info.aliases:
                if len(a.split()) == 1:
                    forms.setdefault(a, k)
        # gazetteer people in office on the article's date are known by surname alone ("Trump")
        # (leaders and heads of international bodies - "Rutte", "Guterres" - only: a minister's surname alone is too
        # often someone else's - "Hussein", "Dar", "Singh")
        for o in self.gaz.offices:
            if o.holds_on(self.day) and o.office in ("head_of_state", "head_of_government", "org_head") and \
                    o.person in self.gaz.people:
                p = self.gaz.people[o.person]
                if len(self.gaz.people_by_surname(p.surname)) == 1:
                    forms.setdefault(p.surname, p.key)
                for a in p.aliases:
                    if len(a.split()) == 1:
                        forms.setdefault(a, p.key)
        if not forms:
            return
        # capitalised words (with particles: "von der Leyen") looked up in the forms of this article
        for m in _CAP_SEQ.finditer(self.text):
            if m.group(0) not in forms:
                continue
            if not self._free(m.start(), m.end(), taken):
                continue
            key = forms[m.group(0)]
            # "Mr Austin", "Britain's Starmer"
            self._person(key)
            self._add(PersonMention(m.start(), m.end(), m.group(0), key, "surname"), taken)

    def _resolve_title(self, t: TitleMatch) -> str | None:
        """A title without a name: the office holder on the date, else the last person with that title."""
        if t.norm in ("minister", "leader") and not t.of:
            # "the minister": the last person named with a minister-like title
            for m in reversed([m for m in self.mentions if m.start < t.start]):
                if m.title and (t.norm in normalize_title(m.title)):
                    return m.key
            return None
        if t.of:
            kinds = leader_kinds(t.of) if t.norm == "leader" else t.kinds  # "the Chinese leader": Xi, not the premier
            holders = self.gaz.holders(t.of, kinds or None, {t.norm}, self.day)
            if len(holders) == 1:
                return self._person(holders[0])
            named = [h for h in holders if any(m.key == h and m.start < t.start for m in self.mentions)]
            if len(named) == 1:
                return named[0]
            return None
        if not self.text[max(0, t.start - 4): t.start].lower().endswith("the "):
            return None
        before = list(reversed([m for m in self.mentions if m.start < t.start]))
        # the title spelt as written before: "the Defence Secretary" is the British one named earlier, not the
        # "US Defense Secretary" named since
        same = [m for m in before if m.title and normalize_title(_clean_title(m.title)) == t.norm]
        spelt = [m for m in same if _clean_title(m.title).lower() == t.text.lower()]
        if spelt and any(_clean_title(m.title).lower() != t.text.lower() for m in same):
            return spelt[0].key
        # the title as written or held comes first: "the prime minister" after "Prime Minister Modi … Biden" is
        # Modi, though a US president also heads a government
        for m in before:
            if m.title and normalize_title(_clean_title(m.title)) == t.norm or m.key in self.gaz.people and any(
                    normalize_title(o.title) == t.norm for o in self.gaz.offices_of(m.key, self.day)):
                return m.key
        for m in before:
            if m.key in self.gaz.people and any(t.kinds & {o.office} for o in self.gaz.offices_of(m.key, self.day)):
                return m.key
        return None

    def _pronouns(self, taken: list[tuple[int, int]]) -> None:
        for m in PRONOUN_RX.finditer(self.text):
            if not self._free(m.start(), m.end(), taken):
                continue
            word = m.group(1).lower()
            female = word in ("she", "her")
            bracket = re.match(r"\s*\[([^\]]+)\]", self.text[m.end():])  # "He [Macron] says"
            key = None
            if bracket:
                for pm in self.mentions:
                    if pm.start >= m.end() and pm.end <= m.end() + bracket.end():
                        key = pm.key
            if key is None:
                # "announced by Prime Minister Mark Carney when he hosted …": the person just before in the sentence
                sub = re.search(r"\b(?:when|as|after|before|while|because|where|since|until|who said)\s+$",
                                self.text[max(0, m.start() - 12):m.start()], re.I)
                if sub:
                    line = max(self.text.rfind(". ", 0, m.start()), self.text.rfind("\n", 0, m.start()))
                    near = [pm for pm in self.mentions if line < pm.start < m.start() and pm.via != "pronoun"
                            and bool(self.people.get(pm.key) and self.people[pm.key].female) == female]
                    if near:
                        key = max(near, key=lambda pm: pm.start).key
            if key is None:
                key = self._antecedent(m.start(), female)
            if key:
                self.mentions.append(PersonMention(m.start(), m.end(), m.group(0), key, "pronoun"))
                taken.append((m.start(), m.end()))

    def _antecedent(self, pos: int, female: bool) -> str | None:
        """The person a pronoun refers to: the last gender-compatible person in subject position
        (sentence start, after a comma or colon), else the last compatible person at all."""
        before = sorted((m for m in self.mentions if m.end <= pos and pos - m.end <= 700), key=lambda m: m.start)[-10:]
        compatible = []
        for m in before:
            info = self.people.get(m.key)
            if bool(info and info.female) == female:
                compatible.append(m)
        for m in reversed(compatible):
            if self._subject_position(m):
                return m.key
        return compatible[-1].key if compatible else None

    def _subject_position(self, m: PersonMention) -> bool:
        if m.via == "pronoun":
            return m.text.lower() in ("he", "she")
        if self.analysis is not None:
            # "In Berlin Chancellor Scholz answered …": the main clause's subject, wherever the sentence puts it
            last = self.analysis.token_at(m.end - 1)
            if last is not None and last.dep in ("nsubj", "nsubjpass") and \
                    self.analysis.tokens[last.head].dep == "ROOT":
                return True
        start = m.span_start
        line_start = self.text.rfind("\n", 0, start) + 1
        stamp = LINE_STAMP.match(self.text, line_start)  # a live blog's "12:40 - " opens the sentence
        if stamp and stamp.end() <= start:
            line_start = stamp.end()
        head = self.text[max(line_start, start - 40):start]
        return bool(re.search(r"(?:^|[.!?,;:“”\"(]\s*|\b(?:as|while|when|but|then|after|Mr\.?|Mrs\.?|Ms\.?|Sir)\s+)"
                              r"(?:(?:[Tt]he|Outgoing|outgoing|[Ff]ormer)\s+)?$", head))


_UPPER = "[" + "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper()) + "]"  # Latin capitals, with accents
_WORD = _UPPER + r"[\w\-]*(?:['’]" + _UPPER + r"[\w\-]*)?"  # "O'Brien", not "Trump’s"
_CAP_SEQ = re.compile(r"(?<![\w])(?:(?:von|van|de|der|den|da|di|del|la|le|al)\s+)*" + _WORD +
                      r"(?:\s+(?:von|van|de|der|den|da|di|del|la|le|al)\s+" + _WORD + r")*(?![\w])")


@functools.lru_cache(maxsize=4)
def _full_name_rx(gaz: Gazetteer):
    names = [n for n in gaz.person_names if len(n.split()) >= 2]
    if not names:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w])")


@functools.lru_cache(maxsize=4)
def _folded_surnames(gaz: Gazetteer) -> tuple[tuple[str, str], ...]:
    return tuple((k, fold(p.surname)) for k, p in gaz.people.items())


def _similar(a: str, b: str) -> bool:
    return a == b or SequenceMatcher(None, a, b).ratio() >= 0.8


def _clean_title(title: str) -> str:
    t = re.sub(r"^(?:outgoing|acting|former|incoming|then)\s+", "", title, flags=re.I)
    return " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in t.split())
